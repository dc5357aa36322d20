"""A problem that recurs (a store away, turns refused, Redis unreachable), logged at most once every so
often with how many times it happened since the line before: a fault under load must not flood the log.
Standard library only, so it serves both environments."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable


class Recurring:
    """Counts a recurring problem and logs it at most once every ``every_s`` seconds."""

    def __init__(
        self, logger: logging.Logger, every_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._logger = logger
        self._every_s = every_s
        self._clock = clock
        self._since_logged = 0
        self._logged_at: float | None = None

    def happened(self, level: int, message: str, *args: object) -> None:
        """Count one more time; when the last line is ``every_s`` old (or there is none), log ``message``
        with the count since the line before as its first argument, then ``args``."""
        self._since_logged += 1
        now = self._clock()
        if self._logged_at is not None and now - self._logged_at < self._every_s:
            return
        self._logger.log(level, message, self._since_logged, *args)
        self._since_logged, self._logged_at = 0, now

    def reset(self) -> None:
        """The problem is over: the next time it happens is logged at once."""
        self._since_logged, self._logged_at = 0, None
