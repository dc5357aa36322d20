"""Rasa's REST and socket.io channels with input hygiene (common/hygiene.py), for `credentials.yml`.

Runs inside Rasa (.venv-rasa). An over-long message is cut and the person is told so first; a
sender over the rate limit (channels/ratelimit.py) is asked to wait, and the message goes no further.
Whatever a client sends (a number, ``null``, an object, a body that is not JSON) reaches Rasa as text.
socket.io connections are accepted only from the origins in CORS_ORIGINS (as REST is, by Rasa's --cors).
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput

from channels import speedups
from channels.ratelimit import Limiter, limiter_from_env
from common import settings
from common.hygiene import as_text, clean_text
from common.redaction import install_log_redaction
from common.texts import APOLOGY, CUT_NOTICE, SLOW_DOWN

speedups.install()
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


def origin_allowed(environ: dict, allowed: list[str]) -> bool:
    """From a browser on an ``allowed`` origin or on Rasa's own; other clients send no Origin."""
    origin = environ.get("HTTP_ORIGIN")
    if not origin or "*" in allowed or origin in allowed:
        return True
    return urllib.parse.urlsplit(origin).netloc == environ.get("HTTP_HOST")


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


def with_hygiene(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[Any]]:
    """Wrap Rasa's message handler: limit the rate, clean every message, and apologise when a turn fails.

    Every turn of this assistant says something; a turn that says nothing failed (the action server
    is down, say), so the person gets a short apology instead of silence.
    """

    async def handler(message: UserMessage) -> Any:
        limiter = rate_limiter()
        if limiter is not None and not await limiter.allow(message.sender_id or ""):
            logger.info("rate limit: a message of %s refused", message.sender_id)
            await message.output_channel.send_text_message(message.sender_id, SLOW_DOWN)
            return None
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


class SafeRestInput(RestInput):
    """``/webhooks/rest/webhook``, with input hygiene. Whatever the body holds, the message and sender
    reach Rasa as text (Rasa's own channel fails on a number or ``null`` and answers nothing)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Any) -> str | None:
        return as_text(_body(req).get("sender")) or None

    def _extract_message(self, req: Any) -> str | None:
        return as_text(_body(req).get("message"))

    def _extract_input_channel(self, req: Any) -> str:
        return as_text(_body(req).get("input_channel")) or self.name()

    def get_metadata(self, request: Any) -> dict | None:
        metadata = _body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        return super().blueprint(with_hygiene(on_new_message))


class SafeSocketIOInput(SocketIOInput):
    """socket.io on ``/socket.io``, with input hygiene."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        blueprint = super().blueprint(with_hygiene(on_new_message))
        # Rasa builds AsyncServer(cors_allowed_origins=[]), which turns engine.io's origin check off:
        # a WebSocket would be accepted from any site. Refuse the socket.io connection instead.
        allowed = settings.cors_origins()
        handlers = self.sio.handlers[self.namespace or "/"]
        connect = handlers["connect"]

        async def connect_from_allowed_origin(sid: str, environ: dict, auth: Any = None) -> bool:
            if not origin_allowed(environ, allowed):
                logger.warning(
                    "socket.io: refused a connection from origin %.100s (not in CORS_ORIGINS)",
                    environ.get("HTTP_ORIGIN"),
                )
                return False
            return await connect(sid, environ, auth)

        handlers["connect"] = connect_from_allowed_origin
        user_uttered = handlers[self.user_message_evt]

        async def user_uttered_as_text(sid: str, data: Any) -> None:
            """Rasa's handler, given only what it reads, as it expects it: text, and an object of metadata."""
            data = data if isinstance(data, dict) else {"message": data}
            cleaned = {"message": as_text(data.get("message"))}
            if data.get("session_id") is not None:
                cleaned["session_id"] = as_text(data["session_id"])
            if isinstance(data.get(self.metadata_key), dict):
                cleaned[self.metadata_key] = data[self.metadata_key]
            await user_uttered(sid, cleaned)

        handlers[self.user_message_evt] = user_uttered_as_text
        return blueprint
