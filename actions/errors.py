"""What the action server answers when an action fails: a short error, never the conversation.

rasa_sdk answers an exception inside an action with 500 and the whole request it received
(``request_body``: the tracker, so every message of the conversation, e-mail and phone included), and
Rasa writes that reply into its log. ``install(app)`` makes such replies a short JSON error; the action
server's own log keeps the traceback (redacted, :mod:`common.redaction`).
"""

from __future__ import annotations

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, json

FAILED = "La acción falló; el detalle está en el registro del servidor de acciones."


async def _short_error(_: Request, response: HTTPResponse) -> HTTPResponse | None:
    """A server error's reply replaced by a short one that repeats nothing of the request."""
    return json({"error": FAILED}, status=response.status) if response.status >= 500 else None


def install(app: Sanic) -> None:
    """Make the failures of rasa_sdk's Sanic ``app`` answer ``{"error": FAILED}``; call before it starts."""
    app.register_middleware(_short_error, "response")
