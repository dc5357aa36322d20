"""The per-sender rate limit: a sliding 60 s window, in memory or shared in Redis; off with 0."""

from __future__ import annotations

import asyncio

import pytest

from channels.ratelimit import MemoryLimiter, RedisLimiter, limiter_from_env, redis_client

from ..servers import skip_or_fail
from ..services import Redis, services_missing


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _allowed(limiter, sender: str, times: int) -> list[bool]:
    async def send() -> list[bool]:
        return [await limiter.allow(sender) for _ in range(times)]

    return asyncio.run(send())


def test_a_sender_gets_the_limit_then_waits_for_the_window_to_slide():
    clock = Clock()
    limiter = MemoryLimiter(3, clock)
    assert _allowed(limiter, "ana", 4) == [True, True, True, False]
    assert _allowed(limiter, "luis", 1) == [True]  # one sender's burst slows no one else
    clock.now += 59.9
    assert _allowed(limiter, "ana", 1) == [False]
    clock.now += 0.1
    assert _allowed(limiter, "ana", 4) == [True, True, True, False]


def test_refused_messages_do_not_extend_the_wait():
    clock = Clock()
    limiter = MemoryLimiter(1, clock)
    assert _allowed(limiter, "ana", 1) == [True]
    clock.now += 30
    assert _allowed(limiter, "ana", 5) == [False] * 5
    clock.now += 30
    assert _allowed(limiter, "ana", 1) == [True]


def test_memory_stays_bounded_by_forgetting_idle_senders():
    clock = Clock()
    limiter = MemoryLimiter(5, clock, max_senders=10)
    for number in range(11):
        _allowed(limiter, f"persona-{number}", 1)
    assert limiter.tracked_senders == 11
    clock.now += 61
    _allowed(limiter, "nueva", 1)
    assert limiter.tracked_senders == 1


def test_the_environment_chooses_the_limiter(monkeypatch):
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "0")
    assert limiter_from_env() is None
    monkeypatch.delenv("RATE_LIMIT_PER_MINUTE")
    default = limiter_from_env()
    assert isinstance(default, MemoryLimiter) and default.limit == 20
    monkeypatch.setenv("LOCK_STORE_URL", "redis://127.0.0.1:6390/1")
    assert isinstance(limiter_from_env(), RedisLimiter)


class BrokenScript:
    async def __call__(self, keys, args):
        raise ConnectionError("Connection refused")


class BrokenRedis:
    def register_script(self, script):
        return BrokenScript()


def test_without_redis_messages_are_let_through_and_it_is_logged(caplog):
    limiter = RedisLimiter(1, BrokenRedis())
    assert _allowed(limiter, "ana", 3) == [True, True, True]
    assert "Redis unavailable" in caplog.text


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    if services_missing():
        skip_or_fail(services_missing())
    server = Redis(tmp_path_factory.mktemp("redis"), 63798)
    yield server
    server.stop()


@pytest.mark.integration  # starts a Redis server
def test_replicas_count_together_in_redis(redis_server):
    clock = Clock()

    async def send() -> list[bool]:
        replicas = [RedisLimiter(3, redis_client(redis_server.url), clock) for _ in range(2)]
        allowed = [await replicas[turn % 2].allow("ana") for turn in range(4)]
        clock.now += 60
        allowed.append(await replicas[0].allow("ana"))
        return allowed

    assert asyncio.run(send()) == [True, True, True, False, True]
