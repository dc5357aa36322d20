"""Reading turns from Rasa's tracker store: opened read-only, parsed once and then only what was added.

Speed (bench/dashboard_store.py): :func:`turns` keeps the turns it read in memory, per store, with the
highest event id and the number of rows it read them at. Its first call reads the user and bot events
(their id, sender, type, time and JSON alone) from its ``since`` less an hour (the replies whose buttons a
press at the start of the period names) to the end: the table has no index on time, so the first event id
of the period is found by bisection on the primary key. A later call reads only the rows with a higher id;
fewer rows than expected (``make purge``, a deletion, a transaction committed late) or an earlier period
read again. A period's end is applied in memory, so a 👎 given after the period still rates a question
inside it. While it reads, the cyclic garbage collector is paused, and after a large reading it is told to
leave what exists alone (``gc.freeze``): the cache holds no cycles.

The engine comes from :func:`open_store`: SQLite in ``mode=ro`` (and ``query_only``), PostgreSQL
sessions read-only (``default_transaction_read_only``); a role granted only SELECT on ``events`` is
enough (tests/integration/test_dashboard_readonly.py).
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ops.conversations import EVENTS, StoreError, database_url, open_engine
from ops.dashboard.events import Parser, Turn


def open_store(url: str | None = None) -> sa.Engine:
    """A read-only engine on the tracker store (``url``, else TRACKER_STORE_URL, else the default file).

    SQLite is opened with ``mode=ro`` (a missing file is an error, never created) and ``query_only``;
    PostgreSQL sessions are ``default_transaction_read_only``. Raises ``ops.conversations.StoreError``
    (no file, no ``events`` table, server unreachable) with a one-line reason without the password.
    """
    url = database_url(url)
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = open_engine(url)
        engine.dispose()  # the connection that checked the table was not made read-only: no pooled one stays
        sa.event.listen(engine, "connect", _read_only_session)
        return engine
    path = Path(parsed.database or "")
    if not parsed.database or not path.is_file():
        raise StoreError(f"no tracker store at {path}: nothing stored yet (or set TRACKER_STORE_URL)")
    engine = sa.create_engine(f"sqlite:///file:{urllib.parse.quote(str(path.resolve()))}?mode=ro&uri=true")
    sa.event.listen(engine, "connect", _sqlite_query_only)
    try:
        with engine.connect() as connection:
            has_events = sa.inspect(connection).has_table("events")
    except sa.exc.SQLAlchemyError as error:
        engine.dispose()
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()
        raise StoreError(f"cannot open the tracker store {path}: {reason[0] if reason else error}") from None
    if not has_events:
        engine.dispose()
        raise StoreError(f"{path} has no events table: is it Rasa's tracker store?")
    return engine


def _sqlite_query_only(connection: Any, _: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _read_only_session(connection: Any, _: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    connection.commit()


_COLUMNS = (EVENTS.c.id, EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
_MESSAGES = EVENTS.c.type_name.in_(("user", "bot"))


def _read(connection: sa.Connection, query: sa.Select[Any], parser: Parser) -> None:
    """Feed the rows of ``query`` to ``parser``."""
    for partition in connection.execute(query).partitions(5000):
        for key, sender, kind, at, raw in partition:
            parser.feed(key, sender, kind, at, raw)


@contextlib.contextmanager
def _no_cycles() -> Iterator[None]:
    """The cyclic garbage collector paused: reading creates hundreds of thousands of objects and no cycle,
    and each collection on the way would walk them all again (a third of the time of a first reading)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# --- the cache -----------------------------------------------------------------------------------------


class _Cache:
    """The parsed turns of one store: those from ``horizon`` on, up to event ``max_id``."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset(None)

    def reset(self, horizon: float | None) -> None:
        self.parser = Parser()
        self.horizon = horizon  # None: from the first event
        self.max_id = 0
        self.rows = 0  # the table's rows (any event type) when max_id was read
        self.ordered: list[Turn] = []  # by (at, id)
        self.times: list[float] = []
        self.at_of: dict[int, float] = {}  # turn id -> its time, for each turn in ordered
        self.fresh = True  # nothing read yet

    def covers(self, since: float | None) -> bool:
        return self.horizon is None or (since is not None and since >= self.horizon)

    def refresh(self, engine: sa.Engine, since: float | None) -> None:
        with _no_cycles(), engine.connect() as connection:
            max_id, rows = connection.execute(_PROBE).one()
            max_id, rows = max_id or 0, rows or 0
            if self.fresh or not self.covers(since):
                self.reset(None if since is None else since - MARGIN_S)
            elif max_id < self.max_id or rows < self.rows:
                self.reset(self.horizon)  # a purge or a deletion: everything again
            elif not self.fresh and (max_id, rows) == (self.max_id, self.rows):
                return
            elif not self.fresh:
                added = connection.execute(
                    sa.select(sa.func.count()).select_from(EVENTS).where(EVENTS.c.id > self.max_id)
                ).scalar_one()
                if self.rows + added != rows:  # rows went below max_id, or came late: everything again
                    self.reset(self.horizon)
            query = sa.select(*_COLUMNS).where(_MESSAGES, EVENTS.c.id <= max_id).order_by(EVENTS.c.id)
            if self.fresh and self.horizon is not None:
                first = _first_id(connection, self.horizon, max_id)
                query = query.where(EVENTS.c.id >= first, EVENTS.c.timestamp >= self.horizon)
            elif not self.fresh:
                query = query.where(EVENTS.c.id > self.max_id)
            _read(connection, query, self.parser)
            self.max_id, self.rows, self.fresh = max_id, rows, False
            changed = self.parser.collect()
            self._apply(changed)
        if len(changed) > FREEZE_AFTER:
            # Keep the collector from walking the cache on every full collection (a third of a second
            # for 100,000 turns, in the middle of any page): what exists now is moved out of its sight.
            gc.freeze()

    def _apply(self, changed: dict[int, Turn | None]) -> None:
        """Put the turns made or changed into the ordered list, take out those unmade."""
        if len(changed) > len(self.ordered) // 20:  # many: sort again
            turns = {turn.id: turn for turn in self.ordered}
            for key, turn in changed.items():
                if turn is None:
                    turns.pop(key, None)
                else:
                    turns[key] = turn
            self.ordered = sorted(turns.values(), key=_order)
            self.times = [turn.at for turn in self.ordered]
            self.at_of = {turn.id: turn.at for turn in self.ordered}
            return
        for key, turn in changed.items():
            at = self.at_of.pop(key, None)
            if at is not None:  # out of the list (its time never changes)
                index = bisect.bisect_left(self.ordered, (at, key), key=_order)
                del self.ordered[index]
                del self.times[index]
            if turn is not None:
                index = bisect.bisect_left(self.ordered, _order(turn), key=_order)
                self.ordered.insert(index, turn)
                self.times.insert(index, turn.at)
                self.at_of[key] = turn.at


FREEZE_AFTER = 5000  # turns read at once, after which the collector is told to leave them alone
MARGIN_S = 3600.0  # events read before a period: the replies whose buttons a press at its start names
_PROBE = sa.select(sa.func.max(EVENTS.c.id), sa.func.count()).select_from(EVENTS)


def _order(turn: Turn) -> tuple[float, int]:
    return (turn.at, turn.id)


def _first_id(connection: sa.Connection, horizon: float, max_id: int) -> int:
    """About the first event id at ``horizon``, found by bisection on the primary key (ids grow with time):
    a few indexed look-ups instead of a scan of the table, which has no index on time; less
    :data:`FIRST_ID_SLACK` rows, since the ids of several senders' events are not strictly in time order."""
    low, high = 0, max_id
    while low < high:
        middle = (low + high) // 2
        found = connection.execute(_AT_OR_AFTER, {"at": middle}).first()
        if found is None or found.timestamp is None or found.timestamp >= horizon:
            high = middle
        else:
            low = found.id + 1
    return max(0, low - FIRST_ID_SLACK)


_AT_OR_AFTER = (
    sa.select(EVENTS.c.id, EVENTS.c.timestamp)
    .where(EVENTS.c.id >= sa.bindparam("at"))
    .order_by(EVENTS.c.id)
    .limit(1)
)
FIRST_ID_SLACK = 1000  # ids are not strictly in time order across senders: a margin of rows before


_caches: dict[str, _Cache] = {}
_caches_lock = threading.Lock()


def _cache(engine: sa.Engine) -> _Cache:
    key = engine.url.render_as_string(hide_password=False)
    with _caches_lock:
        return _caches.setdefault(key, _Cache())


def forget(engine: sa.Engine | None = None) -> None:
    """Drop the cached turns of ``engine``'s store (of every store with None)."""
    with _caches_lock:
        if engine is None:
            _caches.clear()
        else:
            _caches.pop(engine.url.render_as_string(hide_password=False), None)


def turns(engine: sa.Engine, since: float | None = None, until: float | None = None) -> list[Turn]:
    """The turns whose question came in ``[since, until)`` (timestamps; None: no bound), oldest first.

    The first call on a store reads the user and bot events from ``since`` (less an hour, for the buttons a
    press names) to the last; later calls read only the events added since, unless they ask for an earlier
    period. Safe to call from several threads.
    """
    cache = _cache(engine)
    with cache.lock:
        cache.refresh(engine, since)
        ordered, times = cache.ordered, cache.times
        start = 0 if since is None else bisect.bisect_left(times, since)
        end = len(times) if until is None else bisect.bisect_left(times, until)
        return ordered[start:end]


def transcript(engine: sa.Engine, sender: str) -> list[Turn]:
    """Every turn of ``sender``, oldest first (empty when the store has none), read from the store."""
    parser = Parser()
    query = sa.select(*_COLUMNS).where(_MESSAGES, EVENTS.c.sender_id == sender).order_by(EVENTS.c.id)
    with _no_cycles(), engine.connect() as connection:
        _read(connection, query, parser)
    return sorted((turn for turn in parser.collect().values() if turn is not None), key=_order)
