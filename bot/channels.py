"""Rasa's REST and socket.io channels with input hygiene (bot/hygiene.py), for `credentials.yml`.

Runs inside the Rasa environment. An over-long message is cut and the person is told so first.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput

from bot import rasa_speedups
from bot.hygiene import CUT_NOTICE, clean_text, max_message_chars

rasa_speedups.install()


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

