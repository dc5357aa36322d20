"""Rasa's REST and socket.io channels with input hygiene, for `credentials.yml`.

Runs inside the Rasa environment. Every incoming message is cleaned before Rasa sees it: control
characters removed, an empty message turned into the ``mensaje_vacio`` intent, and an over-long one cut
to ``MAX_MESSAGE_CHARS`` (default 1000) with a notice sent to the person first.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from typing import Any, Awaitable, Callable, Text

import yaml

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput

EMPTY_INTENT = "/mensaje_vacio"
CUT_NOTICE = ("Tu mensaje era muy largo: leí solo los primeros {limit} caracteres. "
              "Si puedes, haz una pregunta más corta.")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def max_message_chars() -> int:
    return int(os.environ.get("MAX_MESSAGE_CHARS", "1000"))


@lru_cache(maxsize=1)
def known_intents() -> frozenset:
    """The intents of ``domain.yml``: only these may be sent as ``/intent`` payloads (buttons)."""
    try:
        with open(os.environ.get("RASA_DOMAIN", "domain.yml"), encoding="utf-8") as domain:
            return frozenset(yaml.safe_load(domain).get("intents", []))
    except OSError:
        return frozenset()


def clean_text(text: Any, limit: int) -> tuple[Text, bool]:
    """The text Rasa should see, and whether it was cut. Blank input becomes the empty-message intent."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text)).strip()
    if not text:
        return EMPTY_INTENT, False
    payload = re.match(r"^/([a-z_]+)(\{.*\})?$", text, re.DOTALL)
    if text.startswith("/") and not (payload and payload.group(1) in known_intents()):
        text = text.lstrip("/").strip() or EMPTY_INTENT  # "/start" or "/foo bar": plain text
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True


def with_hygiene(on_new_message: Callable[[UserMessage], Awaitable[Any]]
                 ) -> Callable[[UserMessage], Awaitable[Any]]:
    """Wrap Rasa's message handler so every message is cleaned first."""

    async def handler(message: UserMessage) -> Any:
        limit = max_message_chars()
        text, was_cut = clean_text(message.text, limit)
        if was_cut:
            await message.output_channel.send_text_message(message.sender_id,
                                                           CUT_NOTICE.format(limit=limit))
        cleaned = UserMessage(text, message.output_channel, message.sender_id,
                              input_channel=message.input_channel, message_id=message.message_id,
                              metadata=message.metadata)
        return await on_new_message(cleaned)

    return handler


class SafeRestInput(RestInput):
    """``/webhooks/rest/webhook``, with input hygiene."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        return super().blueprint(with_hygiene(on_new_message))


class SafeSocketIOInput(SocketIOInput):
    """socket.io on ``/socket.io``, with input hygiene."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Any:
        return super().blueprint(with_hygiene(on_new_message))


__all__ = ["SafeRestInput", "SafeSocketIOInput", "clean_text"]
