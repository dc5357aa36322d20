"""Per-sender rate limit for the channels: at most RATE_LIMIT_PER_MINUTE messages in any 60 s.

One Rasa instance counts in memory. Several replicas behind a load balancer count together in the
Redis they already share for the lock store (LOCK_STORE_URL), with the same sliding window. If
Redis cannot be reached the message is let through (the limit protects the service; it must not take it
down) and a warning is logged. Runs inside Rasa; no Rasa import, so it is tested in .venv too.
"""

from __future__ import annotations

import collections
import logging
import time
import urllib.parse
import uuid
from collections.abc import Callable
from typing import Any, Protocol

from common import settings

logger = logging.getLogger(__name__)
WINDOW_S = 60.0
MAX_TRACKED_SENDERS = 10_000  # in-memory: past this, senders idle for a whole window are forgotten


class Limiter(Protocol):
    async def allow(self, sender: str) -> bool:
        """True when ``sender`` may send one more message now (and counts it)."""


class MemoryLimiter:
    """A sliding window per sender, in this process."""

    def __init__(
        self, limit: int, clock: Callable[[], float] = time.monotonic, max_senders: int = MAX_TRACKED_SENDERS
    ) -> None:
        self.limit = limit
        self._clock = clock
        self._max_senders = max_senders
        self._seen: dict[str, collections.deque] = {}

    @property
    def tracked_senders(self) -> int:
        """How many senders this limiter holds in memory."""
        return len(self._seen)

    async def allow(self, sender: str) -> bool:
        now = self._clock()
        if len(self._seen) > self._max_senders:
            self._forget_idle(now)
        times = self._seen.setdefault(sender, collections.deque())
        while times and now - times[0] >= WINDOW_S:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for sender in [s for s, times in self._seen.items() if not times or now - times[-1] >= WINDOW_S]:
            del self._seen[sender]


# Atomic in Redis: forget what left the window, refuse when full, else record this message.
_SLIDING_WINDOW = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('EXPIRE', KEYS[1], math.ceil(ARGV[2]))
return 1
"""


class RedisLimiter:
    """The sliding window per sender kept in Redis (a sorted set of times), shared by every replica."""

    def __init__(self, limit: int, client: Any, clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self._script = client.register_script(_SLIDING_WINDOW)
        self._clock = clock

    async def allow(self, sender: str) -> bool:
        now = self._clock()
        try:
            allowed = await self._script(
                keys=[f"ratelimit:{sender}"], args=[now, WINDOW_S, self.limit, f"{now}-{uuid.uuid4().hex}"]
            )
        except Exception as problem:  # noqa: BLE001 - any Redis failure: serve rather than refuse
            logger.warning("rate limit: Redis unavailable (%s); message let through", problem)
            return True
        return bool(allowed)


def redis_client(url: str) -> Any:
    """An asyncio Redis client for ``redis://[:password@]host:port/db``, the lock store's database."""
    import redis.asyncio

    parts = urllib.parse.urlparse(url)
    return redis.asyncio.Redis(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(parts.path.lstrip("/") or 1),
        password=urllib.parse.unquote(parts.password) if parts.password else None,
        socket_timeout=1.0,
        socket_connect_timeout=1.0,
    )


def limiter_from_env() -> Limiter | None:
    """The limiter the environment asks for; None when the limit is off."""
    limit = settings.rate_limit_per_minute()
    if limit <= 0:
        return None
    if settings.lock_store_url():
        return RedisLimiter(limit, redis_client(settings.lock_store_url()))
    return MemoryLimiter(limit)
