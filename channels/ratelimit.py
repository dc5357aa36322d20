"""Rate limits of the channels: per sender and per client address, N messages a minute each.

RATE_LIMIT_PER_MINUTE bounds one sender (a conversation id, which the client chooses);
RATE_LIMIT_PER_ADDRESS_PER_MINUTE bounds one client address whatever sender ids it rotates through,
higher because several people can share an address (a NAT). Each allows a burst of N messages, then
one every 60/N s (GCRA); a message a limit refuses does not count against it, and one its sender's
limit refuses does not count against its address (one person's burst does not stop the others
behind the same NAT).

The client address is the TCP peer's or, when the operator names a TRUSTED_PROXY_HEADER, the
rightmost address in that header: the one the proxy in front of Rasa wrote (those left of it are what
the client claimed). An IPv6 address counts as its /64, what one subscriber gets. Clients on this
machine (loopback: the Telegram bridge, the tests; a proxy here too, unless TRUSTED_PROXY_HEADER
names its header) have no address limit. Senders of the Telegram bridge (``telegram:``, which REST
takes only with the bridge's secret: common/bounds.py) are limited per chat only, since every chat
reaches Rasa from the bridge's one address, wherever the bridge runs.

The counting is throttled-py's: in memory in one Rasa (the least recently used keys forgotten past
MAX_TRACKED_KEYS), or in the Redis that replicas already share for the lock store
(LOCK_STORE_URL), so the limits hold whichever replica a message reaches. If Redis cannot be reached
the message is let through (the limit protects the service; it must not take it down) and a warning
is logged, at most once a minute. Runs inside Rasa; no Rasa import, so it is tested in .venv too.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging
import urllib.parse
from typing import Any

from throttled.asyncio import BaseStore, MemoryStore, RateLimiterType, RedisStore, Throttled, per_min
from throttled.exceptions import StoreUnavailableError

from common import settings
from common.bounds import is_reserved
from common.recurring import Recurring

logger = logging.getLogger(__name__)
MAX_TRACKED_KEYS = 100_000  # in memory: one key a sender or address
REDIS_TIMEOUT_S = 1.0
WARN_EVERY_S = 60.0
#: The client address of the message being handled, set by the channel that received it (None: unknown).
CLIENT_ADDRESS: contextvars.ContextVar[str | None] = contextvars.ContextVar("client_address", default=None)


def client_address(peer: str, forwarded: str = "") -> str | None:
    """The address to limit: the rightmost of ``forwarded`` (the trusted proxy header's values, comma
    separated), else the TCP ``peer``; IPv6 as its /64 network. None for this machine (loopback)."""
    for candidate in (forwarded.rsplit(",", 1)[-1].strip(), peer):
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address.is_loopback:
            return None
        if isinstance(address, ipaddress.IPv6Address):
            return str(ipaddress.IPv6Network((address, 64), strict=False))
        return str(address)
    return None


def request_address(request: Any) -> str | None:
    """The client address of a Sanic request (REST, or the socket.io handshake)."""
    header = settings.trusted_proxy_header()
    forwarded = ",".join(request.headers.getall(header, [])) if header else ""
    return client_address(request.ip, forwarded)


def remember_address(request: Any) -> None:
    """Sanic request middleware: the request's client address, for the limit of the message it carries."""
    CLIENT_ADDRESS.set(request_address(request))


def _throttle(per_minute: int, store: BaseStore) -> Throttled | None:
    """``per_minute`` messages a minute per key, counted in ``store``; None when 0 (no limit)."""
    if per_minute <= 0:
        return None
    return Throttled(using=RateLimiterType.GCRA.value, quota=per_min(per_minute), store=store)


class Limiter:
    """The per-sender and per-address limits, counted in one store (0: that limit off)."""

    def __init__(self, per_sender: int, per_address: int, store: BaseStore) -> None:
        self.per_sender = per_sender
        self.per_address = per_address
        self.store = store
        self._senders = _throttle(per_sender, store)
        self._addresses = _throttle(per_address, store)
        self._store_unavailable = Recurring(logger, WARN_EVERY_S)

    async def allow(self, sender: str, address: str | None) -> bool:
        """True when the message may go on (it is counted); False when its sender or address is over."""
        checks = [(self._senders, f"sender:{sender}", "sender")]
        if address is not None and not is_reserved(sender):
            checks.append((self._addresses, f"address:{address}", "address"))
        try:
            for throttle, key, kind in checks:
                if throttle is not None and (await throttle.limit(key)).limited:
                    logger.info("rate limit: a message of %s refused (%s over the limit)", sender, kind)
                    return False
        except StoreUnavailableError as problem:
            self._store_unavailable.happened(
                logging.WARNING,
                "rate limit: %d message(s) let through since the last report: Redis unavailable (%s)",
                problem.__cause__ or problem,
            )
        return True


def redis_url(url: str) -> str:
    """``url`` with the lock store's database, 1, when it names none (as ops/serve.py gives Rasa)."""
    parts = urllib.parse.urlsplit(url)
    return parts._replace(path="/1").geturl() if parts.path in ("", "/") else url


def store_from_env() -> BaseStore:
    """Redis when LOCK_STORE_URL is set (shared by replicas); else this process's memory."""
    url = settings.lock_store_url()
    if not url:
        return MemoryStore(options={"MAX_SIZE": MAX_TRACKED_KEYS})
    timeouts = {"SOCKET_TIMEOUT": REDIS_TIMEOUT_S, "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_S}
    return RedisStore(server=redis_url(url), options=timeouts)


def limiter_from_env() -> Limiter | None:
    """The limiter the environment asks for; None when both limits are off."""
    per_sender, per_address = settings.rate_limit_per_minute(), settings.rate_limit_per_address_per_minute()
    if per_sender <= 0 and per_address <= 0:
        return None
    return Limiter(per_sender, per_address, store_from_env())
