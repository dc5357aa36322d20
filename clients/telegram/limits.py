"""Telegram's flood limits on what the bridge sends. What people may send is limited by Rasa's channel."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter
from throttled.asyncio import MemoryStore, RateLimiterType, Throttled, per_sec

#: Bot API methods that put a message in a chat; Telegram allows about one per second per chat.
SENDING_METHODS = frozenset(
    {"sendMessage", "editMessageReplyMarkup", "editMessageText", "sendPhoto", "sendDocument"}
)
MAX_TRACKED_CHATS = 10_000  # past this, the chats that sent nothing for longest are forgotten
CHAT_WAIT_S = 30.0  # after this wait for its chat's turn a message goes anyway (Telegram's retry_after rules)


class FloodLimiter(AIORateLimiter):
    """python-telegram-bot's AIORateLimiter (30 messages/s overall, 20/min per group, ``retry_after``
    honoured) plus ``per_chat_rate`` messages a second in each private chat: a token bucket per chat
    (throttled-py), each message waiting for its chat's turn."""

    def __init__(self, per_chat_rate: int = 1, max_retries: int = 3, **kwargs: Any) -> None:
        super().__init__(max_retries=max_retries, **kwargs)
        self._per_chat = Throttled(
            using=RateLimiterType.TOKEN_BUCKET.value,
            quota=per_sec(per_chat_rate),
            store=MemoryStore(options={"MAX_SIZE": MAX_TRACKED_CHATS}),
            timeout=CHAT_WAIT_S,
        )

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat_id = data.get("chat_id")
        if endpoint in SENDING_METHODS and isinstance(chat_id, int) and chat_id > 0:
            await self._per_chat.limit(f"chat:{chat_id}")
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
