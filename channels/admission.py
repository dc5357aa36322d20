"""Admission control of the channels: at most MAX_TURNS_IN_PROGRESS turns at once in this Rasa.

Rasa handles every turn on one event loop (the NLU in one thread beside it: channels/speedups.py), so
turns past what the machine can do only queue, and everyone waits longer. With the bound, the turns in
progress keep their pace; a turn that finds no place within TURN_WAIT_MS is refused at once (the
channel answers «hay mucha demanda», common/texts.py), and Rasa neither processes nor stores it.
Places are taken first come, first served. Refusals are logged as a count, once a minute at most. Pure
asyncio (no Rasa import), so it is tested in .venv.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from common import settings
from common.recurring import Recurring

logger = logging.getLogger(__name__)
REPORT_EVERY_S = 60.0


class Busy(Exception):
    """No place for the turn freed within the wait."""


class Admission:
    """At most ``limit`` turns hold a place at once; a turn waits at most ``wait_s`` for one."""

    def __init__(self, limit: int, wait_s: float) -> None:
        self.limit = limit
        self.wait_s = wait_s
        self._places = asyncio.Semaphore(limit)
        self._refusals = Recurring(logger, REPORT_EVERY_S)

    @asynccontextmanager
    async def place(self) -> AsyncIterator[None]:
        """Hold a place while the block runs; raise :class:`Busy` when none frees within the wait."""
        await self._take()
        try:
            yield
        finally:
            self._places.release()

    async def _take(self) -> None:
        """Take a place: a free one at once, else the first one freed within the wait; or raise Busy."""
        if not self._places.locked():
            await self._places.acquire()  # a free place, taken at once
            return
        try:
            await asyncio.wait_for(self._places.acquire(), self.wait_s)
        except asyncio.TimeoutError:
            self._refusals.happened(
                logging.WARNING,
                "overloaded: %d turn(s) refused since the last report (MAX_TURNS_IN_PROGRESS=%d all busy)",
                self.limit,
            )
            raise Busy from None


def admission_from_env() -> Admission | None:
    """The admission control the environment asks for; None when it is off (MAX_TURNS_IN_PROGRESS=0)."""
    limit = settings.max_turns_in_progress()
    return Admission(limit, settings.turn_wait_ms() / 1000) if limit > 0 else None
