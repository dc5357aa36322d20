"""Conversations in Rasa's SQL tracker store, for privacy duties and the knowledge team.

    python -m ops.conversations purge [--days N]         delete what is older than N days
    python -m ops.conversations export SENDER [--out F]  one person's conversation as JSON (access)
    python -m ops.conversations delete SENDER [--yes]    every event of one person (cancellation)
    python -m ops.conversations report [--top N] [--days D] [--json]
                                                         unanswered and 👎-rated questions

The store is the one Rasa writes (table ``events``, one row per event, ``data`` the event as JSON):
``--db URL``, else ``TRACKER_STORE_URL``, else ``sqlite:///build/tracker.db``; relative SQLite paths
are relative to the repository, as for the launcher. SQLite and PostgreSQL are both supported.

Retention rule: ``purge`` removes every *event* older than N days (``RETENTION_DAYS``, default 30),
not whole conversations by their last activity, so no message is kept longer than N days even when
its sender keeps coming back; a conversation goes away with its last event. Rasa only reloads the
latest session (sessions end after 60 minutes without messages), so removing old events does not
disturb a conversation in progress.

``report`` counts the questions that got no answer (a bot reply carrying ``outcome: not_found`` in
its metadata) and those rated 👎 (the feedback ``valor: negativo``, the text 👎, or a reply of
actions/feedback.py whose ``feedback`` metadata follows a 👎, rates the sender's latest earlier
question), groups them ignoring accents, case and punctuation, and shows redacted examples
(``common.redaction``). Each 👎 keeps the answer it rated (the assistant's reply to that question: the
one with 👍/👎 buttons), the reason given after it (the ``reason`` of those replies) and the comment (the
person's message that the reply ``feedback: comment`` answered).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import sqlalchemy as sa

from common import settings
from common.redaction import redact
from common.texts import FEEDBACK_REASONS
from knowledge.text import fold, squash

log = logging.getLogger(__name__)
REPO = Path(__file__).resolve().parent.parent
DEFAULT_URL = "sqlite:///build/tracker.db"
DAY = 86400.0
EXAMPLES = 3
RATINGS_SHOWN = 5  # 👎 of a group shown in the text report (the JSON has them all)
ANSWER_CHARS = 120  # the rated answer, shortened
FEEDBACK_STEPS = ("asks_reason", "asks_comment", "comment")  # replies of actions/feedback.py after a 👎
# Messages that rate the last answer, give a reason or skip the comment («Omitir»): no question of their own.
NOT_QUESTIONS = ("feedback", "feedback_motivo", "cancelar")

EVENTS = sa.Table(
    "events",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("data", sa.Text),
)
_NOT_WORD = re.compile(r"[\W_]+")


class StoreError(Exception):
    """The tracker store cannot be used: no file, no ``events`` table, server unreachable."""


class UnknownSender(StoreError):
    """No event of that sender in the store."""


class Purged(NamedTuple):
    events: int
    conversations: int


@dataclass(frozen=True)
class Event:
    """A user or bot event as Rasa stored it."""

    id: int
    sender: str
    type: str
    timestamp: float
    intent: str | None
    data: dict[str, Any]

    @property
    def text(self) -> str:
        return self.data.get("text") or ""


def database_url(url: str | None = None) -> str:
    """``url``, else ``TRACKER_STORE_URL``, else the default SQLite file; SQLite paths made absolute."""
    url = url or settings.tracker_store_url() or DEFAULT_URL
    if url.startswith("sqlite:///"):
        return f"sqlite:///{REPO / url[len('sqlite:///') :]}"
    return url


def _reason(error: Exception, password: str | None) -> str:
    """The first line of the driver's message, with the password blanked should it appear."""
    lines = str(getattr(error, "orig", None) or error).strip().splitlines() or [type(error).__name__]
    return lines[0].replace(password, "***") if password else lines[0]


def open_engine(url: str) -> sa.Engine:
    """An engine on the tracker store at ``url``, checked to hold Rasa's ``events`` table.

    ``postgresql://`` and ``postgres://`` (as the launcher accepts) use psycopg2.
    """
    try:
        parsed = sa.make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg2")
        shown = parsed.render_as_string(hide_password=True)
        options: dict[str, Any] = {}
        if parsed.get_backend_name() == "sqlite":
            if not parsed.database or not Path(parsed.database).is_file():
                raise StoreError(
                    f"no tracker store at {parsed.database}: nothing has been stored yet "
                    f"(or set --db / TRACKER_STORE_URL)"
                )
        elif parsed.get_backend_name() == "postgresql":
            options["connect_args"] = {"connect_timeout": 10}
            if os.environ.get("POSTGRESQL_SCHEMA"):  # as Rasa does
                options["connect_args"]["options"] = f"-csearch_path={os.environ['POSTGRESQL_SCHEMA']}"
        engine = sa.create_engine(parsed, **options)
    except (sa.exc.ArgumentError, ImportError) as error:
        raise StoreError(f"not a usable database URL: {error}") from None
    try:
        with engine.connect() as connection:
            has_events = sa.inspect(connection).has_table("events")
    except sa.exc.SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(
            f"cannot open the tracker store {shown}: {_reason(error, parsed.password)}"
        ) from None
    if not has_events:
        engine.dispose()
        raise StoreError(f"{shown} has no events table: is it Rasa's tracker store?")
    return engine


def load_events(engine: sa.Engine, sender: str | None = None, since: float | None = None) -> list[Event]:
    """The user and bot events, by sender and in the order Rasa stored them."""
    query = (
        sa.select(
            EVENTS.c.id,
            EVENTS.c.sender_id,
            EVENTS.c.type_name,
            EVENTS.c.timestamp,
            EVENTS.c.intent_name,
            EVENTS.c.data,
        )
        .where(EVENTS.c.type_name.in_(("user", "bot")))
        .order_by(EVENTS.c.sender_id, EVENTS.c.id)
    )
    if sender is not None:
        query = query.where(EVENTS.c.sender_id == sender)
    if since is not None:
        query = query.where(EVENTS.c.timestamp >= since)
    with engine.connect() as connection:
        return [
            Event(
                row.id,
                row.sender_id,
                row.type_name,
                row.timestamp,
                row.intent_name,
                json.loads(row.data or "{}"),
            )
            for row in connection.execute(query)
        ]


def count_events(engine: sa.Engine, sender: str) -> int:
    """How many events of any type ``sender`` has."""
    query = sa.select(sa.func.count()).select_from(EVENTS).where(EVENTS.c.sender_id == sender)
    with engine.connect() as connection:
        return connection.execute(query).scalar_one()


def purge(engine: sa.Engine, days: int, now: float | None = None) -> Purged:
    """Delete every event older than ``days``; count those and the conversations left empty."""
    cutoff = (time.time() if now is None else now) - days * DAY
    expired = (
        sa.select(EVENTS.c.sender_id)
        .group_by(EVENTS.c.sender_id)
        .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
        .subquery()
    )
    with engine.begin() as connection:
        conversations = connection.execute(sa.select(sa.func.count()).select_from(expired)).scalar_one()
        events = connection.execute(sa.delete(EVENTS).where(EVENTS.c.timestamp < cutoff)).rowcount
    log.info("purged %d events older than %d days (%d conversations)", events, days, conversations)
    return Purged(events, conversations)


def _iso(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat(timespec="seconds")


def export(engine: sa.Engine, sender: str) -> dict[str, Any]:
    """``sender``'s conversation, every session, as turns with time, speaker, text and buttons.

    A button the person pressed is shown by its title (👎), not its payload.
    """
    if not count_events(engine, sender):
        raise UnknownSender(f"no conversation with sender {sender!r}")
    turns: list[dict[str, Any]] = []
    titles: dict[str, str] = {}
    for event in load_events(engine, sender=sender):
        turn = {"time": _iso(event.timestamp)}
        if event.type == "user":
            turn.update({"from": "persona", "text": titles.get(event.text, event.text)})
        else:
            buttons = (event.data.get("data") or {}).get("buttons") or []
            titles.update({button.get("payload"): button.get("title") for button in buttons})
            turn.update({"from": "asistente", "text": event.text})
            if buttons:
                turn["buttons"] = [button.get("title") for button in buttons]
        turns.append(turn)
    return {"sender": sender, "turns": turns}


def delete(engine: sa.Engine, sender: str) -> int:
    """Delete every event of ``sender``; how many there were."""
    with engine.begin() as connection:
        deleted = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id == sender)).rowcount
    log.info("deleted %d events of one sender", deleted)
    return deleted


def _rates_negative(event: Event) -> bool:
    entities = (event.data.get("parse_data") or {}).get("entities") or []
    return event.text.strip() == "👎" or (
        event.intent == "feedback"
        and any(entity.get("entity") == "valor" and entity.get("value") == "negativo" for entity in entities)
    )


@dataclass
class Rating:
    """A 👎: the question, the answer it rated, and the reason and the comment given after it."""

    question: str
    answer: str
    reason: str | None = None
    comment: str | None = None


def _has_rating_buttons(event: Event) -> bool:
    buttons = (event.data.get("data") or {}).get("buttons") or []
    return any(str(button.get("payload", "")).startswith("/feedback{") for button in buttons)


def _flagged(events: Iterable[Event]) -> tuple[list[str], list[Rating]]:
    """The unanswered questions and the 👎 of one sender's events in order."""
    unanswered: list[str] = []
    ratings: list[Rating] = []
    question: Event | None = None
    answer, rateable = "", False  # the reply to the question (one with 👍/👎 buttons, if any)
    pending = replying = False  # the question still awaits its reply / the bot is replying to it
    rating: Rating | None = None  # the question's 👎, which a reason and a comment complete
    said: Event | None = None  # the person's latest message
    before: tuple[Event | None, str, bool, Rating | None] | None = None  # restored if `said` was a comment

    def rate() -> Rating | None:
        nonlocal rating
        if rating is None and question is not None:
            rating = Rating(question.text, answer)
            ratings.append(rating)
        return rating

    for event in events:
        if event.type == "bot":
            metadata = event.data.get("metadata") or {}
            step = metadata.get("feedback")
            if step == "comment" and before is not None:  # `said` was a comment, not a question
                question, answer, rateable, rating = before
                pending = replying = False
            if step in FEEDBACK_STEPS and (rated := rate()) is not None:
                rated.reason = rated.reason or metadata.get("reason")  # the first one given
                if step == "comment" and said is not None:
                    rated.comment = said.text
            elif step is None and replying:
                if pending and metadata.get("outcome") == "not_found" and question is not None:
                    pending = False
                    unanswered.append(question.text)
                if event.text and (_has_rating_buttons(event) or not rateable):
                    answer, rateable = event.text, _has_rating_buttons(event)
            continue
        said, before = event, None
        if _rates_negative(event):
            pending = replying = False
            rate()
        elif event.intent in NOT_QUESTIONS:
            pending = replying = False
        else:
            before = (question, answer, rateable, rating)
            question, answer, rateable, rating = event, "", False, None
            pending = replying = True
    return unanswered, ratings


def normalize(text: str) -> str:
    """The grouping key: no accents, lower case, punctuation and extra spaces removed."""
    return squash(_NOT_WORD.sub(" ", fold(text)))


def shorten(text: str, limit: int = ANSWER_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters («…» says it was cut)."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"


def _rank(questions: list[str], top: int, ratings: list[Rating] | None = None) -> dict[str, Any]:
    """The ``top`` groups of ``questions`` (by :func:`normalize`), most frequent first, redacted; with
    ``ratings`` (the 👎 of those questions, in the same order), each 👎 of a group (those with a comment,
    then those with a reason, first) and how often each reason was given."""
    texts = [squash(redact(question)) for question in questions]
    groups: dict[str, list[int]] = {}
    for n, text in enumerate(texts):
        groups.setdefault(normalize(text) or text, []).append(n)
    ranked = sorted(groups.items(), key=lambda group: (-len(group[1]), group[0]))[:top]
    result: dict[str, Any] = {"total": len(questions), "distinct": len(groups), "groups": []}
    for key, members in ranked:
        group = {
            "question": key,
            "count": len(members),
            "examples": [text for text, _ in Counter(texts[n] for n in members).most_common(EXAMPLES)],
        }
        if ratings is not None:
            rated = sorted((ratings[n] for n in members), key=lambda r: (r.comment is None, r.reason is None))
            group["ratings"] = [_shown(rating) for rating in rated]
        result["groups"].append(group)
    if ratings is not None:
        reasons = Counter(rating.reason for rating in ratings if rating.reason)
        result["reasons"] = dict(sorted(reasons.items(), key=lambda item: (-item[1], item[0])))
    return result


def _shown(rating: Rating) -> dict[str, Any]:
    """A 👎 as the report shows it: redacted, the answer shortened."""
    return {
        "question": squash(redact(rating.question)),
        "answer": shorten(redact(rating.answer)),
        "reason": rating.reason,
        "comment": squash(redact(rating.comment)) if rating.comment is not None else None,
    }


def report(
    engine: sa.Engine, top: int = 20, days: int | None = None, now: float | None = None
) -> dict[str, Any]:
    """The ``top`` most frequent unanswered (``not_found``) and 👎-rated (``negative``) questions; each
    👎 with the answer it rated, its reason and its comment."""
    since = None if days is None else (time.time() if now is None else now) - days * DAY
    unanswered: list[str] = []
    ratings: list[Rating] = []
    for _, events in itertools.groupby(load_events(engine, since=since), key=lambda e: e.sender):
        missed, rated = _flagged(events)
        unanswered += missed
        ratings += rated
    questions = [rating.question for rating in ratings]
    return {"days": days, "not_found": _rank(unanswered, top), "negative": _rank(questions, top, ratings)}


def _reason_title(reason: str | None) -> str:
    return FEEDBACK_REASONS.get(reason, reason) if reason else "no reason given"


def _rating_lines(group: dict[str, Any]) -> list[str]:
    """Each 👎 of a group: what was asked and answered, then the reason and the comment."""
    lines = []
    for rating in group["ratings"][:RATINGS_SHOWN]:
        lines.append(f"          · «{rating['question']}» → «{rating['answer']}»")
        comment = f": «{rating['comment']}»" if rating["comment"] else ""
        lines.append(f"            {_reason_title(rating['reason'])}{comment}")
    if len(group["ratings"]) > RATINGS_SHOWN:
        lines.append(f"          · and {len(group['ratings']) - RATINGS_SHOWN} more")
    return lines


def format_report(result: dict[str, Any]) -> str:
    """The report as text for people."""
    period = f"last {result['days']} days" if result["days"] else "everything stored"
    lines = []
    for kind, title in (
        ("not_found", "Questions with no answer (not_found)"),
        ("negative", "Questions rated 👎"),
    ):
        part = result[kind]
        shown = f" (top {len(part['groups'])})" if len(part["groups"]) < part["distinct"] else ""
        lines.append(f"{title}, {period}: {part['total']} messages in {part['distinct']} groups{shown}")
        if "reasons" in part and part["total"]:
            given = [f"{_reason_title(reason)} {count}" for reason, count in part["reasons"].items()]
            without = part["total"] - sum(part["reasons"].values())
            given += [f"{_reason_title(None)} {without}"] if without else []
            lines.append("  reasons: " + ", ".join(given))
        for group in part["groups"]:
            lines.append(f"  {group['count']:>4}  " + " | ".join(group["examples"]))
            lines += _rating_lines(group) if "ratings" in group else []
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more, not {value!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help="database URL (default: TRACKER_STORE_URL, else sqlite:///build/tracker.db)"
    )
    parser = argparse.ArgumentParser(
        prog="python -m ops.conversations",
        description="Rasa's stored conversations: retention, access, "
        "cancellation and a report of missed questions.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    purge_ = commands.add_parser("purge", parents=[common], help="delete events older than N days")
    purge_.add_argument(
        "--days",
        type=_positive,
        default=settings.retention_days(),
        help=f"retention in days (default: RETENTION_DAYS, else {settings.DEFAULT_RETENTION_DAYS})",
    )
    export_ = commands.add_parser("export", parents=[common], help="one sender's conversation as JSON")
    export_.add_argument("sender")
    export_.add_argument("--out", type=Path, help="write to this file (mode 600) instead of stdout")
    delete_ = commands.add_parser("delete", parents=[common], help="delete every event of one sender")
    delete_.add_argument("sender")
    delete_.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    report_ = commands.add_parser(
        "report", parents=[common], help="most frequent unanswered and 👎-rated questions"
    )
    report_.add_argument("--top", type=_positive, default=20, help="groups per list (default 20)")
    report_.add_argument("--days", type=_positive, help="only the last D days (default: all)")
    report_.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, readable by its owner only (it holds what a person wrote)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def _confirmed(question: str) -> bool:
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def _run(engine: sa.Engine, args: argparse.Namespace) -> int:
    if args.command == "purge":
        purged = purge(engine, args.days)
        print(
            f"purged {purged.events} events older than {args.days} day(s); "
            f"{purged.conversations} conversations removed entirely"
        )
    elif args.command == "export":
        text = json.dumps(export(engine, args.sender), ensure_ascii=False, indent=2) + "\n"
        if args.out:
            _write_private(args.out, text)
            print(f"wrote {args.out}")
        else:
            sys.stdout.write(text)
    elif args.command == "delete":
        count = count_events(engine, args.sender)
        if not count:
            raise UnknownSender(f"no conversation with sender {args.sender!r}")
        if not args.yes:
            if not sys.stdin.isatty():
                print("error: not a terminal: pass --yes to delete without confirmation", file=sys.stderr)
                return 1
            if not _confirmed(f"Delete all {count} events of sender {args.sender!r}? This cannot be undone."):
                print("nothing deleted")
                return 1
        print(f"deleted {delete(engine, args.sender)} events of sender {args.sender!r}")
    else:
        result = report(engine, top=args.top, days=args.days)
        sys.stdout.write(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n" if args.json else format_report(result)
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "WARNING").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    args = _parser().parse_args(argv)
    try:
        engine = open_engine(database_url(args.db))
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        return _run(engine, args)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
    except sa.exc.SQLAlchemyError as error:
        print(f"error: the tracker store failed: {_reason(error, engine.url.password)}", file=sys.stderr)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
    finally:
        engine.dispose()
    return 1


if __name__ == "__main__":
    sys.exit(main())
