"""Rasa's REST and socket.io channels with input hygiene (common/hygiene.py), for `credentials.yml`.

Runs inside Rasa (.venv-rasa). An over-long message is cut and the person is told so first; a
sender, or a client address, over its rate limit (channels/ratelimit.py) is asked to wait, and the
message goes no further. A turn that finds no place among MAX_TURNS_IN_PROGRESS within TURN_WAIT_MS
(channels/admission.py) is answered «hay mucha demanda» at once, and neither processed nor stored.
Whatever a client sends (a number, ``null``, an object, a body that is not JSON) reaches Rasa as text.

Every input is bounded (common/bounds.py). A body over MAX_BODY_BYTES is refused unread (REST: HTTP 413;
socket.io: engine.io closes the connection). REST answers HTTP 403, and Rasa sees nothing, to a browser
whose Origin is not in CORS_ORIGINS and to a ``telegram:`` sender without the bridge's X-Bridge-Secret;
socket.io connections from such an origin are refused. Senders that are long or odd become a stable
bounded stand-in (socket.io's ``telegram:`` session ids too); metadata that is not a small JSON object is
dropped.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import speedups, stores, timeouts
from channels.admission import Admission, Busy, admission_from_env
from channels.ratelimit import CLIENT_ADDRESS, Limiter, limiter_from_env, remember_address, request_address
from common import settings
from common.bounds import (
    BRIDGE_SECRET_HEADER,
    bounded_metadata,
    bounded_sender,
    bridge_authentic,
    channel_name,
    is_reserved,
    origin_allowed,
)
from common.hygiene import as_text, clean_text
from common.redaction import install_log_redaction
from common.texts import (
    APOLOGY,
    BODY_TOO_LARGE,
    BUSY,
    CUT_NOTICE,
    ORIGIN_REFUSED,
    RESERVED_SENDER,
    SLOW_DOWN,
    STORE_DOWN,
)

speedups.install()
timeouts.install()
stores.install()
install_log_redaction()
logger = logging.getLogger(__name__)
DOMAIN = Path(__file__).resolve().parent.parent / "domain"


@lru_cache(maxsize=1)
def known_intents() -> frozenset[str]:
    """The intents of the domain (``domain/*.yml``): only these may be sent as ``/intent`` payloads."""
    intents: set[str] = set()
    for part in sorted(DOMAIN.glob("*.yml")):
        intents.update((yaml.safe_load(part.read_text(encoding="utf-8")) or {}).get("intents", []))
    return frozenset(intents)


def bound_body(blueprint: Blueprint, applies: Callable[[Request], bool]) -> None:
    """Make Sanic refuse a body over MAX_BODY_BYTES (PayloadTooLarge, HTTP 413) for the requests that
    ``applies`` to, before reading it: Sanic reads up to 100 MB, and Rasa's own HTTP API keeps that."""
    limit = settings.max_body_bytes()

    @blueprint.signal("http.routing.after")  # after routing, before Sanic reads the body
    async def lower_the_limit(request: Request, **_: Any) -> None:
        if request.stream is not None and applies(request):
            request.stream.request_max_size = min(request.stream.request_max_size, limit)


class _CountingOutput:
    """The channel's output, counting what the bot sends (everything else passes through)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.sent = 0

    async def send_response(self, recipient_id: str, message: dict) -> None:
        self.sent += 1
        await self._inner.send_response(recipient_id, message)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@lru_cache(maxsize=1)
def rate_limiter() -> Limiter | None:
    """One limiter for every channel of this process (None: no limit)."""
    return limiter_from_env()


@lru_cache(maxsize=1)
def admission() -> Admission | None:
    """One bound on the turns in progress for every channel of this process (None: no bound)."""
    return admission_from_env()


def with_hygiene(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[Any]]:
    """Wrap Rasa's message handler: limit the rate and the turns in progress, clean every message, and
    apologise when a turn fails.

    Every turn of this assistant says something; a turn that says nothing failed (the action server
    is down, say), so the person gets a short apology instead of silence.
    """

    async def handler(message: UserMessage) -> Any:
        limiter = rate_limiter()
        if limiter is not None and not await limiter.allow(message.sender_id or "", CLIENT_ADDRESS.get()):
            await message.output_channel.send_text_message(message.sender_id, SLOW_DOWN)
            return None
        bound = admission()
        try:
            async with bound.place() if bound is not None else contextlib.nullcontext():
                return await answered(message)
        except Busy:
            await message.output_channel.send_text_message(message.sender_id, BUSY)
            return None

    async def answered(message: UserMessage) -> Any:
        """The turn itself: the message cleaned (cut with a notice), then Rasa's reply or an apology."""
        limit = settings.max_message_chars()
        text, was_cut = clean_text(message.text, limit, known_intents())
        if was_cut:
            await message.output_channel.send_text_message(message.sender_id, CUT_NOTICE.format(limit=limit))
        output = _CountingOutput(message.output_channel)
        cleaned = UserMessage(
            text,
            output,
            message.sender_id,
            input_channel=message.input_channel,
            message_id=message.message_id,
            metadata=message.metadata,
        )
        try:
            return await on_new_message(cleaned)
        except stores.StoreUnavailable:  # logged by channels/stores.py, without the message
            await output.send_response(message.sender_id, {"text": STORE_DOWN})
            return None
        finally:
            if output.sent == 0:
                logger.warning("a turn of %s ended with no reply: apologising", message.sender_id)
                await message.output_channel.send_text_message(message.sender_id, APOLOGY)

    return handler


def _body(request: Any) -> dict:
    """The request's JSON object; anything else (not JSON, an array, a string) counts as empty."""
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - Sanic raises its own error for a body that is not JSON
        return {}
    return body if isinstance(body, dict) else {}


def _from_bridge(request: Request) -> bool:
    """Whether a REST request carries the Telegram bridge's secret (TELEGRAM_BRIDGE_SECRET)."""
    return bridge_authentic(request.headers.get(BRIDGE_SECRET_HEADER), settings.telegram_bridge_secret())


def _refused(status: int, reason: str) -> HTTPResponse:
    """A REST refusal: ``status`` and the Spanish ``reason`` as ``{"error": reason}``."""
    logger.warning("REST: a request refused with HTTP %d: %s", status, reason)
    return response.json({"error": reason}, status=status)


async def _refuse_unwanted(request: Request) -> HTTPResponse | None:
    """HTTP 403 to a message from a browser on an origin not in CORS_ORIGINS, or with a ``telegram:``
    sender but not the bridge's secret: Rasa never sees it. None lets the request through."""
    if request.method != "POST":
        return None
    headers = request.headers
    if not origin_allowed(headers.get("origin"), headers.get("host"), settings.cors_origins()):
        return _refused(403, ORIGIN_REFUSED)
    if is_reserved(as_text(_body(request).get("sender"))) and not _from_bridge(request):
        return _refused(403, RESERVED_SENDER)
    return None


def _too_large(request: Request, exception: Exception) -> HTTPResponse:
    """HTTP 413 to a body over MAX_BODY_BYTES, which Sanic did not read."""
    return _refused(413, BODY_TOO_LARGE.format(limit=settings.max_body_bytes()))


class SafeRestInput(RestInput):
    """``/webhooks/rest/webhook``, with input hygiene. Whatever the body holds, the message and sender
    reach Rasa as text (Rasa's own channel fails on a number or ``null`` and answers nothing), bounded;
    some requests are refused (module docstring)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Any) -> str | None:
        sender = as_text(_body(req).get("sender"))
        return bounded_sender(sender, trusted=_from_bridge(req)) if sender else None

    def _extract_message(self, req: Any) -> str | None:
        return as_text(_body(req).get("message"))

    def _extract_input_channel(self, req: Any) -> str:
        return channel_name(as_text(_body(req).get("input_channel")), self.name())

    def get_metadata(self, request: Any) -> dict | None:
        return bounded_metadata(_body(request).get("metadata"), settings.max_metadata_bytes())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        blueprint = super().blueprint(with_hygiene(on_new_message))
        bound_body(blueprint, lambda request: request.route in blueprint.routes)
        blueprint.exception(PayloadTooLarge)(_too_large)
        blueprint.middleware(_refuse_unwanted, "request")
        blueprint.middleware(remember_address, "request")
        return blueprint


class SafeSocketIOInput(SocketIOInput):
    """socket.io on ``/socket.io``, with input hygiene."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        blueprint = super().blueprint(with_hygiene(on_new_message))
        # engine.io's polling bodies are read by Sanic, its WebSocket messages by engine.io: both bounded
        bound_body(blueprint, lambda request: request.path.startswith(self.socketio_path or "/socket.io"))
        self.sio.eio.max_http_buffer_size = settings.max_body_bytes()
        # Rasa builds AsyncServer(cors_allowed_origins=[]), which turns engine.io's origin check off:
        # a WebSocket would be accepted from any site. Refuse the socket.io connection instead.
        allowed = settings.cors_origins()
        handlers = self.sio.handlers[self.namespace or "/"]
        connect = handlers["connect"]

        async def connect_from_allowed_origin(sid: str, environ: dict, auth: Any = None) -> bool:
            if not origin_allowed(environ.get("HTTP_ORIGIN"), environ.get("HTTP_HOST"), allowed):
                logger.warning(
                    "socket.io: refused a connection from origin %.100s (not in CORS_ORIGINS)",
                    environ.get("HTTP_ORIGIN"),
                )
                return False
            return await connect(sid, environ, auth)

        handlers["connect"] = connect_from_allowed_origin
        session_request = handlers["session_request"]

        async def session_request_bounded(sid: str, data: Any) -> None:
            """Rasa's handler, with the session id the messages will have (or none: Rasa makes one)."""
            session = as_text(data.get("session_id")) if isinstance(data, dict) else ""
            await session_request(sid, {"session_id": bounded_sender(session)} if session else {})

        handlers["session_request"] = session_request_bounded
        user_uttered = handlers[self.user_message_evt]

        async def user_uttered_as_text(sid: str, data: Any) -> None:
            """Rasa's handler, given only what it reads, as it expects it: text, a bounded session id (a
            ``telegram:`` one is not the bridge's), and a small object of metadata."""
            data = data if isinstance(data, dict) else {"message": data}
            cleaned: dict[str, Any] = {"message": as_text(data.get("message"))}
            if session := as_text(data.get("session_id")):
                cleaned["session_id"] = bounded_sender(session)
            metadata = bounded_metadata(data.get(self.metadata_key), settings.max_metadata_bytes())
            if metadata is not None:
                cleaned[self.metadata_key] = metadata
            await user_uttered(sid, cleaned)

        handlers[self.user_message_evt] = user_uttered_as_text
        self._limit_by_client_address(handlers)
        return blueprint

    def _limit_by_client_address(self, handlers: dict[str, Any]) -> None:
        """Note each connection's client address at its handshake, and give it to the rate limit of
        each of its messages; forgotten when the connection ends."""
        addresses: dict[str, str | None] = {}
        connect, disconnect = handlers["connect"], handlers["disconnect"]
        user_uttered = handlers[self.user_message_evt]

        async def connect_noting_address(sid: str, environ: dict, auth: Any = None) -> Any:
            accepted = await connect(sid, environ, auth)
            if accepted is not False:
                addresses[sid] = request_address(environ["sanic.request"])
            return accepted

        async def disconnect_forgetting_address(sid: str) -> None:
            addresses.pop(sid, None)
            await disconnect(sid)

        async def user_uttered_from_address(sid: str, data: Any) -> None:
            CLIENT_ADDRESS.set(addresses.get(sid))
            await user_uttered(sid, data)

        handlers["connect"] = connect_noting_address
        handlers["disconnect"] = disconnect_forgetting_address
        handlers[self.user_message_evt] = user_uttered_from_address
