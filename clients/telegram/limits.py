"""Telegram's flood limits on what the bridge sends. What people may send is limited by Rasa's channel."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import AIORateLimiter

#: Bot API methods that put a message in a chat; Telegram allows about one per second per chat.
SENDING_METHODS = frozenset(
    {"sendMessage", "editMessageReplyMarkup", "editMessageText", "sendPhoto", "sendDocument"}
)


class FloodLimiter(AIORateLimiter):
    """python-telegram-bot's AIORateLimiter (30 messages/s overall, 20/min per group, ``retry_after``
    honoured) plus about one message per second in each private chat."""

    def __init__(self, per_chat_rate: float = 1.0, max_retries: int = 3, **kwargs: Any) -> None:
        super().__init__(max_retries=max_retries, **kwargs)
        self._per_chat_rate = per_chat_rate
        self._chat_limiters: OrderedDict[int, AsyncLimiter] = OrderedDict()

    def _chat_limiter(self, chat_id: int) -> AsyncLimiter:
        limiter = self._chat_limiters.pop(chat_id, None) or AsyncLimiter(self._per_chat_rate, 1)
        self._chat_limiters[chat_id] = limiter
        if len(self._chat_limiters) > 1024:
            for key, old in list(self._chat_limiters.items())[:256]:
                if old.has_capacity(old.max_rate):
                    del self._chat_limiters[key]
        return limiter

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
            async with self._chat_limiter(chat_id):
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
