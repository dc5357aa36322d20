"""The dashboard's data layer: the turns of Rasa's tracker store, read-only, and what the pages show of them.

The pages call :func:`open_store`, :func:`turns` and :func:`transcript` (from ``store.py``, which reads
the events and makes them turns with ``events.py``), then :func:`overview`, :func:`to_add`,
:func:`to_add_csv` and :func:`conversations` on those turns. Every text is redacted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from common.redaction import redact
from common.texts import FEEDBACK_REASONS
from ops.conversations import normalize, shorten
from ops.dashboard.events import OUTCOMES, Outcome, Turn
from ops.dashboard.store import open_store, transcript, turns

GroupKind = Literal["not_found", "down", "refused"]
GROUP_KINDS: tuple[GroupKind, ...] = ("not_found", "down", "refused")
UTC = dt.timezone.utc

EXAMPLES = 3
ANSWER_CHARS = 160  # the answer a group shows, shortened
CSV_FIELDS = (
    "kind", "count", "question", "examples", "answer", "reasons", "comments", "conversations", "last_asked"
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def reason_title(reason: str | None) -> str | None:
    """The Spanish title of a reason key (``incompleta`` → «Incompleta»); unknown keys as they are."""
    return FEEDBACK_REASONS.get(reason, reason) if reason else None


def shown_sender(sender: str) -> str:
    """A sender id as a page may show it (redacted: an id made of a phone number shows no number); links
    keep the id itself."""
    return redact(sender)


# --- the pages -----------------------------------------------------------------------------------------


def _counts() -> dict[Outcome, int]:
    return dict.fromkeys(OUTCOMES, 0)


class _Days:
    """Timestamps to days in ``tz``, each hour computed once."""

    def __init__(self, tz: dt.tzinfo) -> None:
        self.tz = tz
        self.hours: dict[int, dt.date] = {}

    def __call__(self, at: float) -> dt.date:
        hour = int(at // 3600)
        day = self.hours.get(hour)
        if day is None:
            day = self.hours[hour] = dt.datetime.fromtimestamp(hour * 3600, self.tz).date()
        return day


@dataclass
class Overview:
    """The overview page's figures over a list of turns."""

    days: list[tuple[dt.date, dict[Outcome, int]]]  # every day of the period, oldest first, empty ones too
    totals: dict[Outcome, int]
    questions: int
    shares: dict[Outcome, float]  # 0..1, of questions (0 when there are none)
    up: int
    down: int
    rated_share: float  # answered turns that got a 👍 or 👎, of answered turns (0..1)
    satisfaction: float | None  # up / (up + down); None when nothing was rated
    by_channel: dict[str, dict[str, int]]  # channel -> {"questions", each outcome, "up", "down"}


def overview(
    turns: Sequence[Turn],
    start: dt.date | None = None,
    end: dt.date | None = None,
    tz: dt.tzinfo = UTC,
) -> Overview:
    """Totals, shares, ratings, questions per day (from ``start``, else the first turn's day, to ``end``,
    else the last turn's day, both included, days in ``tz``) and per channel."""
    day_of = _Days(tz)
    per_day: dict[dt.date, dict[Outcome, int]] = {}
    totals = _counts()
    channels: dict[str, dict[str, int]] = {}
    up = down = rated_answers = 0
    for turn in turns:
        outcome = turn.outcome
        totals[outcome] += 1
        day = day_of(turn.at)
        counts = per_day.get(day)
        if counts is None:
            counts = per_day[day] = _counts()
        counts[outcome] += 1
        channel = channels.get(turn.channel)
        if channel is None:
            channel = {"questions": 0, **dict.fromkeys(OUTCOMES, 0), "up": 0, "down": 0}
            channels[turn.channel] = channel
        channel["questions"] += 1
        channel[outcome] += 1
        if turn.rating is not None:
            channel[turn.rating] += 1
            if turn.rating == "up":
                up += 1
            else:
                down += 1
            rated_answers += outcome == "answered"
    questions = len(turns)
    first = start or (min(per_day) if per_day else None)
    last = end or (max(per_day) if per_day else None)
    days: list[tuple[dt.date, dict[Outcome, int]]] = []
    if first is not None and last is not None:
        day = first
        while day <= last:
            days.append((day, per_day.get(day) or _counts()))
            day += dt.timedelta(days=1)
    return Overview(
        days=days,
        totals=totals,
        questions=questions,
        shares={outcome: totals[outcome] / questions if questions else 0.0 for outcome in OUTCOMES},
        up=up,
        down=down,
        rated_share=rated_answers / totals["answered"] if totals["answered"] else 0.0,
        satisfaction=up / (up + down) if up + down else None,
        by_channel=dict(sorted(channels.items(), key=lambda item: (-item[1]["questions"], item[0]))),
    )


@dataclass
class Group:
    """A row of «what to add next»: one question, however worded, not found, rated 👎 or refused."""

    kind: GroupKind
    key: str  # the grouping text (ops.conversations.normalize: no accents, case or punctuation)
    question: str  # the most frequent wording, redacted
    count: int
    examples: list[str]  # up to 3 wordings, most frequent first, redacted
    answer: str  # the reply given (the most frequent), shortened, redacted
    reasons: dict[str, int] = field(default_factory=dict)  # Spanish titles -> count, most given first
    comments: list[str] = field(default_factory=list)  # redacted, latest first
    conversations: list[str] = field(default_factory=list)  # sender ids, latest first, each once
    last: float = 0.0  # when it was last asked


def _kinds(turn: Turn) -> Iterable[GroupKind]:
    if turn.outcome == "not_found":
        yield "not_found"
    elif turn.outcome == "refused":
        yield "refused"
    if turn.rating == "down":
        yield "down"


def to_add(turns: Sequence[Turn], top: int = 50, kinds: Iterable[GroupKind] = GROUP_KINDS) -> list[Group]:
    """The ``top`` groups of not-found, 👎-rated and refused questions (``kinds``), most frequent first
    (then the most recent). A question both not found and rated 👎 counts in both kinds."""
    wanted = set(kinds)
    members: dict[tuple[GroupKind, str], list[Turn]] = defaultdict(list)
    for turn in turns:
        for kind in _kinds(turn):
            if kind in wanted:
                members[(kind, normalize(turn.text) or turn.text)].append(turn)
    ranked = sorted(
        members.items(),
        key=lambda item: (-len(item[1]), -max(t.at for t in item[1]), GROUP_KINDS.index(item[0][0]), item[0]),
    )[:top]
    groups = []
    for (kind, key), asked in ranked:
        latest = sorted(asked, key=lambda t: t.at, reverse=True)
        wordings = [text for text, _ in Counter(t.text for t in latest).most_common()]
        answers = Counter(t.reply for t in latest if t.reply).most_common(1)
        reasons = Counter(reason_title(t.reason) or "" for t in latest if t.reason)
        groups.append(
            Group(
                kind=kind,
                key=key,
                question=wordings[0],
                count=len(asked),
                examples=wordings[:EXAMPLES],
                answer=shorten(answers[0][0], ANSWER_CHARS) if answers else "",
                reasons=dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0]))),
                comments=[t.comment for t in latest if t.comment],
                conversations=list(dict.fromkeys(t.sender for t in latest)),
                last=latest[0].at,
            )
        )
    return groups


def _cell(value: str) -> str:
    """A CSV cell, redacted, that a spreadsheet does not run as a formula."""
    value = redact(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_add_csv(groups: Sequence[Group]) -> str:
    """The groups as CSV: a header of :data:`CSV_FIELDS`, one row per group (lists joined by « | »,
    reasons as «Incompleta: 2 | Otra: 1», ``last_asked`` in ISO 8601 UTC); values redacted and guarded
    against formula injection (a cell starting with = + - @ gets a leading ')."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for group in groups:
        row = (
            group.kind,
            str(group.count),
            group.question,
            " | ".join(group.examples),
            group.answer,
            " | ".join(f"{title}: {count}" for title, count in group.reasons.items()),
            " | ".join(group.comments),
            " | ".join(group.conversations),
            dt.datetime.fromtimestamp(group.last, UTC).isoformat(timespec="seconds") if group.last else "",
        )
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


@dataclass
class ConversationRow:
    """A row of the conversation list: one sender's turns in the period."""

    sender: str
    started: float
    last: float
    turns: int
    outcomes: dict[Outcome, int]
    channel: str  # the channel of its latest turn
    up: int = 0
    down: int = 0


def conversations(
    turns: Sequence[Turn],
    outcome: Outcome | None = None,
    day: dt.date | None = None,
    tz: dt.tzinfo = UTC,
) -> list[ConversationRow]:
    """The conversations (one per sender) with a turn of ``outcome`` on ``day`` (in ``tz``), latest first;
    each counts all its turns among ``turns``."""
    day_of = _Days(tz)
    rows: dict[str, ConversationRow] = {}
    matching: set[str] = set()
    for turn in turns:
        row = rows.get(turn.sender)
        if row is None:
            row = ConversationRow(turn.sender, turn.at, turn.at, 0, _counts(), turn.channel)
            rows[turn.sender] = row
        row.turns += 1
        row.outcomes[turn.outcome] += 1
        if turn.at < row.started:
            row.started = turn.at
        if turn.at >= row.last:
            row.last, row.channel = turn.at, turn.channel
        if turn.rating == "up":
            row.up += 1
        elif turn.rating == "down":
            row.down += 1
        if (outcome is None or turn.outcome == outcome) and (day is None or day_of(turn.at) == day):
            matching.add(turn.sender)
    return sorted((rows[sender] for sender in matching), key=lambda row: (-row.last, row.sender))


__all__ = [
    "CSV_FIELDS",
    "GROUP_KINDS",
    "OUTCOMES",
    "ConversationRow",
    "Group",
    "GroupKind",
    "Outcome",
    "Overview",
    "Turn",
    "conversations",
    "open_store",
    "overview",
    "reason_title",
    "shown_sender",
    "to_add",
    "to_add_csv",
    "transcript",
    "turns",
]
