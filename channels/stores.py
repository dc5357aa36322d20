"""What people get while the tracker store or the lock store is away. Runs inside Rasa (.venv-rasa).

- **Tracker store** (the conversations: SQLite, or PostgreSQL for replicas). Rasa 3.6 wraps it in a
  ``FailSafeTrackerStore`` that, on an error, reads an empty conversation and writes the turn to memory: the
  person seems answered, the turn is lost when the store is back, and the next follow-up has no context.
  Here an error of the store ends the turn instead (:class:`StoreUnavailable`): the channel tells the
  person to try again in a moment (``STORE_DOWN``, channels/inputs.py), nothing is kept anywhere, and the
  conversation goes on from where it was once the store is back.
- **Lock store** (Redis, shared by replicas: ``LOCK_STORE_URL``). While Redis cannot be reached,
  :class:`DegradableRedisLockStore` locks conversations in this replica's memory, so people are still
  answered (degraded: two replicas could take turns of one conversation at once), and tries Redis again
  every ``RETRY_S``. Each Redis call is bounded by ``REDIS_TIMEOUT_S``, because Rasa calls Redis from its
  one event loop.

Either way the log gets one line when a store goes away (then at most one every ``LOG_EVERY_S``, with how
many failures it stands for) and one when it is back: no traceback per turn, no message text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import RedisError

from common.recurring import Recurring

REDIS_TIMEOUT_S = 1.0
RETRY_S = 5.0
LOG_EVERY_S = 30.0
logger = logging.getLogger(__name__)


class StoreUnavailable(RuntimeError):
    """The tracker store cannot be read or written now: the turn is not taken."""


class Outage:
    """A store's state as the log tells it: one line when it goes, then at most one every ``LOG_EVERY_S``
    with the failed calls since the line before (common/recurring.py), one line when it is back."""

    def __init__(self, store: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.failures = 0
        self._lines = Recurring(logger, LOG_EVERY_S, clock)

    @property
    def ongoing(self) -> bool:
        return self.failures > 0

    def failed(self, problem: BaseException, consequence: str) -> None:
        self.failures += 1
        self._lines.happened(
            logging.ERROR,
            "%d failed call(s) since the last report: %s is unavailable (%s): %s",
            self.store,
            type(problem).__name__,
            consequence,
        )

    def recovered(self) -> None:
        if self.ongoing:
            logger.warning("%s is back (failed calls: %d)", self.store, self.failures)
        self.failures = 0
        self._lines.reset()


_TRACKER_STORE = Outage("the tracker store")
_NOT_TAKEN = "turns are refused with a notice until it is back"


async def _retrieve(self: FailSafeTrackerStore, sender_id: str) -> Any:
    return await _tracker_store_call(self._tracker_store.retrieve(sender_id))


async def _retrieve_full_tracker(self: FailSafeTrackerStore, sender_id: str) -> Any:
    return await _tracker_store_call(self._tracker_store.retrieve_full_tracker(sender_id))


async def _save(self: FailSafeTrackerStore, tracker: Any) -> None:
    await _tracker_store_call(self._tracker_store.save(tracker))


async def _tracker_store_call(call: Any) -> Any:
    try:
        result = await call
    except Exception as problem:  # noqa: BLE001 - any failure of the store: the turn is not taken
        _TRACKER_STORE.failed(problem, _NOT_TAKEN)
        raise StoreUnavailable(type(problem).__name__) from None
    _TRACKER_STORE.recovered()
    return result


def install() -> None:
    """Make the tracker store's errors end the turn instead of falling back to memory."""
    FailSafeTrackerStore.retrieve = _retrieve  # type: ignore[method-assign]
    FailSafeTrackerStore.retrieve_full_tracker = _retrieve_full_tracker  # type: ignore[method-assign]
    FailSafeTrackerStore.save = _save  # type: ignore[method-assign]


class DegradableRedisLockStore(RedisLockStore):
    """Rasa's Redis lock store that keeps serving from memory while Redis is away (module docstring)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        options = {"socket_timeout": REDIS_TIMEOUT_S, **endpoint_config.kwargs}
        super().__init__(host=endpoint_config.url or "localhost", **options)
        self._memory = InMemoryLockStore()
        self._outage = Outage("the Redis lock store")
        self._retry_at = 0.0

    def _either(self, name: str, *args: Any) -> Any:
        """``name`` called on Redis, or on memory while Redis is away."""
        if self._outage.ongoing and time.monotonic() < self._retry_at:
            return getattr(self._memory, name)(*args)
        try:
            result = getattr(RedisLockStore, name)(self, *args)
        except RedisError as problem:
            self._outage.failed(problem, "conversations are locked in this replica's memory meanwhile")
            self._retry_at = time.monotonic() + RETRY_S
            return getattr(self._memory, name)(*args)
        self._outage.recovered()
        return result

    def get_lock(self, conversation_id: str) -> Any:
        return self._either("get_lock", conversation_id)

    def delete_lock(self, conversation_id: str) -> None:
        self._either("delete_lock", conversation_id)

    def save_lock(self, lock: Any) -> None:
        self._either("save_lock", lock)
