"""Admission control: at most N turns in progress; past that a short wait, then refused (not processed)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from channels.admission import Admission, Busy, admission_from_env


async def _turn(admission: Admission, name: str, release: asyncio.Event, log: list[str]) -> str:
    """One turn: ``admitted`` once it holds a place (kept until ``release``), or ``busy``."""
    try:
        async with admission.place():
            log.append(name)
            await release.wait()
            return "admitted"
    except Busy:
        return "busy"


def test_past_the_bound_turns_wait_briefly_then_are_refused():
    async def burst() -> list[str]:
        admission, release, log = Admission(2, wait_s=0.05), asyncio.Event(), []
        turns = [asyncio.create_task(_turn(admission, str(n), release, log)) for n in range(5)]
        await asyncio.sleep(0.2)  # past the wait: the three without a place have been refused
        release.set()
        return await asyncio.gather(*turns)

    assert asyncio.run(burst()) == ["admitted", "admitted", "busy", "busy", "busy"]


def test_a_waiting_turn_gets_the_first_place_freed_first_come_first_served():
    async def queue() -> list[str]:
        admission, log = Admission(1, wait_s=5), []
        first, others = asyncio.Event(), asyncio.Event()
        holder = asyncio.create_task(_turn(admission, "first", first, log))
        await asyncio.sleep(0)
        waiting = [asyncio.create_task(_turn(admission, name, others, log)) for name in ("second", "third")]
        await asyncio.sleep(0.05)
        first.set()
        await holder
        others.set()
        await asyncio.gather(*waiting)
        return log

    assert asyncio.run(queue()) == ["first", "second", "third"]


def test_a_turn_that_fails_gives_its_place_back():
    async def failing_then_next() -> str:
        admission = Admission(1, wait_s=0)
        with pytest.raises(RuntimeError):
            async with admission.place():
                raise RuntimeError("the turn failed")
        return await _turn(admission, "next", _set(asyncio.Event()), [])

    assert asyncio.run(failing_then_next()) == "admitted"


def _set(event: asyncio.Event) -> asyncio.Event:
    event.set()
    return event


def test_without_a_wait_a_turn_is_admitted_when_a_place_is_free_and_refused_at_once_otherwise():
    async def two() -> list[str]:
        admission, release = Admission(1, wait_s=0), asyncio.Event()
        holder = asyncio.create_task(_turn(admission, "a", release, []))
        await asyncio.sleep(0)
        refused = await _turn(admission, "b", release, [])
        release.set()
        return [await holder, refused]

    assert asyncio.run(two()) == ["admitted", "busy"]


def test_refusals_are_logged_as_a_count_once_a_minute_at_most(caplog):
    async def overloaded() -> list[str]:
        admission, release = Admission(1, wait_s=0), asyncio.Event()
        holder = asyncio.create_task(_turn(admission, "a", release, []))
        await asyncio.sleep(0)
        refused = [await _turn(admission, str(n), release, []) for n in range(4)]
        release.set()
        await holder
        return refused

    with caplog.at_level(logging.WARNING, logger="channels.admission"):
        assert asyncio.run(overloaded()) == ["busy"] * 4
    [warning] = [record for record in caplog.records if record.name == "channels.admission"]
    assert "1 turn(s) refused" in warning.getMessage()


def test_the_environment_sets_the_bound_and_the_wait(monkeypatch):
    monkeypatch.setenv("MAX_TURNS_IN_PROGRESS", "0")
    assert admission_from_env() is None
    monkeypatch.setenv("MAX_TURNS_IN_PROGRESS", "3")
    monkeypatch.setenv("TURN_WAIT_MS", "250")
    admission = admission_from_env()
    assert admission is not None and (admission.limit, admission.wait_s) == (3, 0.25)
    monkeypatch.delenv("MAX_TURNS_IN_PROGRESS")
    monkeypatch.delenv("TURN_WAIT_MS")
    default = admission_from_env()
    assert default is not None and default.limit > 0 and default.wait_s > 0
