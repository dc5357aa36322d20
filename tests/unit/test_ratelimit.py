"""The channels' rate limits: per sender and per client address, in memory or shared in Redis; off with 0."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

import pytest
from throttled.asyncio import MemoryStore, RedisStore

from channels.ratelimit import Limiter, client_address, limiter_from_env, redis_url, request_address

from ..servers import skip_or_fail
from ..services import Redis, services_missing

NAT = "203.0.113.7"


def _allowed(limiter: Limiter, messages: list[tuple[str, str | None]]) -> list[bool]:
    async def send() -> list[bool]:
        return [await limiter.allow(sender, address) for sender, address in messages]

    return asyncio.run(send())


def _memory(per_sender: int, per_address: int) -> Limiter:
    return Limiter(per_sender, per_address, MemoryStore())


def test_a_sender_gets_the_limit_and_other_senders_are_not_slowed():
    limiter = _memory(3, 0)
    assert _allowed(limiter, [("ana", NAT)] * 4) == [True, True, True, False]
    assert _allowed(limiter, [("luis", NAT)]) == [True]


def test_rotating_sender_ids_from_one_address_are_refused_past_the_address_limit():
    limiter = _memory(3, 5)
    assert _allowed(limiter, [(f"falso-{n}", NAT) for n in range(8)]) == [True] * 5 + [False] * 3
    assert _allowed(limiter, [("falso-9", "198.51.100.1")]) == [True]  # another address has its own


def test_one_sender_over_its_limit_does_not_use_up_its_address():
    limiter = _memory(2, 4)
    assert _allowed(limiter, [("ana", NAT)] * 6) == [True, True, False, False, False, False]
    assert _allowed(limiter, [("luis", NAT), ("eva", NAT), ("leo", NAT)]) == [True, True, False]


def test_telegram_chats_share_the_bridge_address_and_are_limited_per_chat_only():
    limiter = _memory(2, 3)
    chats = [(f"telegram:{chat}", "10.0.0.5") for chat in range(10)]  # the bridge, on another machine
    assert _allowed(limiter, chats) == [True] * 10
    assert _allowed(limiter, [("telegram:1", "10.0.0.5")] * 2) == [True, False]


def test_a_message_with_no_known_address_is_limited_per_sender():
    limiter = _memory(2, 1)
    assert _allowed(limiter, [(f"s{n}", None) for n in range(3)]) == [True] * 3
    assert _allowed(limiter, [("s0", None)] * 2) == [True, False]


@pytest.mark.parametrize(
    ("peer", "forwarded", "address"),
    [
        ("198.51.100.4", "", "198.51.100.4"),  # no proxy header: the TCP peer
        ("10.0.0.2", "203.0.113.7", "203.0.113.7"),  # the proxy's word
        ("10.0.0.2", "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # what the client wrote, left of it, ignored
        ("10.0.0.2", "1.2.3.4,203.0.113.7,198.51.100.9", "198.51.100.9"),  # the nearest proxy's entry
        ("10.0.0.2", "unknown", "10.0.0.2"),  # not an address: the peer
        ("2001:db8:1:2::1", "", "2001:db8:1:2::/64"),  # IPv6: one subscriber's /64
        ("10.0.0.2", "2001:db8:1:2:ffff::9", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.4", "", "198.51.100.4"),  # IPv4 seen through IPv6
        ("127.0.0.1", "", None),  # this machine: the Telegram bridge, the tests
        ("::1", "", None),
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),  # a proxy on this machine, naming its client
        ("", "", None),  # no address at all (a Unix socket)
    ],
)
def test_the_client_address(peer, forwarded, address):
    assert client_address(peer, forwarded) == address


class Headers(dict):
    def getall(self, name: str, default: list[str]) -> list[str]:
        return self.get(name.lower(), default)


def test_the_proxy_header_counts_only_when_the_operator_names_it(monkeypatch):
    request = SimpleNamespace(ip="10.0.0.2", headers=Headers({"x-forwarded-for": ["1.2.3.4", "203.0.113.7"]}))
    monkeypatch.delenv("TRUSTED_PROXY_HEADER", raising=False)
    assert request_address(request) == "10.0.0.2"
    monkeypatch.setenv("TRUSTED_PROXY_HEADER", "X-Forwarded-For")
    assert request_address(request) == "203.0.113.7"


def test_the_environment_chooses_the_limits_and_their_store(monkeypatch):
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "0")
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "0")
    assert limiter_from_env() is None
    monkeypatch.delenv("RATE_LIMIT_PER_MINUTE")
    monkeypatch.delenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE")
    default = limiter_from_env()
    assert default is not None and (default.per_sender, default.per_address) == (20, 120)
    assert isinstance(default.store, MemoryStore)
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:6390")
    shared = limiter_from_env()
    assert shared is not None and isinstance(shared.store, RedisStore)
    assert redis_url("redis://:clave@cache:6379") == "redis://:clave@cache:6379/1"  # the lock store's db
    assert redis_url("redis://cache:6379/3") == "redis://cache:6379/3"


def test_without_redis_messages_are_let_through_with_one_warning(caplog):
    async def send() -> list[bool]:
        limiter = Limiter(1, 1, RedisStore("redis://127.0.0.1:1/1"))  # nothing listens on port 1
        return [await limiter.allow("ana", NAT) for _ in range(5)]

    with caplog.at_level(logging.WARNING, logger="channels.ratelimit"):
        assert asyncio.run(send()) == [True] * 5
    [warning] = [record for record in caplog.records if record.name == "channels.ratelimit"]
    assert "Redis unavailable" in warning.getMessage()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    if services_missing():
        skip_or_fail(services_missing())
    server = Redis(tmp_path_factory.mktemp("redis"), 63798)
    yield server
    server.stop()


@pytest.mark.integration  # starts a Redis server
def test_replicas_count_together_in_redis(redis_server):
    async def send() -> list[bool]:
        replicas = [Limiter(3, 4, RedisStore(redis_server.url)) for _ in range(2)]
        senders = [replicas[turn % 2].allow("ana", NAT) for turn in range(4)]
        addresses = [replicas[turn % 2].allow(f"otro-{turn}", NAT) for turn in range(2)]
        return [await allowed for allowed in senders + addresses]

    assert asyncio.run(send()) == [True, True, True, False, True, False]
