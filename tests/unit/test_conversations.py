"""ops.conversations on a SQLite tracker store with Rasa's schema and Rasa's event shapes."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from ops import conversations as conv

from ..conftest import REPO
from ..rasa_store import INSERT, META, action_event, bot_event, columns, events_ddl

NOW = 1_790_000_000.0
DAY = 86400.0
NEGATIVE = '/feedback{"valor": "negativo"}'
POSITIVE = '/feedback{"valor": "positivo"}'
FEEDBACK_BUTTONS = [{"title": "👍", "payload": POSITIVE}, {"title": "👎", "payload": NEGATIVE}]


class TrackerDB:
    """A SQLite tracker store written as Rasa's ``SQLTrackerStore.save`` writes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        with sqlite3.connect(path) as db:
            for statement in events_ddl():
                db.execute(statement)

    def add(self, sender: str, event: dict) -> None:
        """One row: the columns Rasa derives from ``event.as_dict()`` and the JSON itself."""
        with sqlite3.connect(self.path) as db:
            db.execute(INSERT, columns(sender, event))

    def session(self, sender: str, at: float) -> None:
        for n, event in enumerate(
            (
                action_event("action_session_start", at),
                {"event": "session_started", "timestamp": at, "metadata": META},
                action_event("action_listen", at),
            )
        ):
            event["timestamp"] = at + n * 0.001
            self.add(sender, event)

    def turn(
        self,
        sender: str,
        at: float,
        text: str,
        intent: str,
        reply: str,
        *,
        entities: tuple = (),
        buttons: list | None = None,
        **bot_metadata,
    ) -> None:
        """User message, featurization, the action, its reply and ``action_listen``."""
        events = (
            user(text, at, intent, entities),
            {
                "event": "user_featurization",
                "timestamp": at,
                "metadata": META,
                "use_text_for_featurization": False,
            },
            action_event("action_buscar", at),
            bot_event(reply, at, buttons, **bot_metadata),
            action_event("action_listen", at),
        )
        for n, event in enumerate(events):
            event["timestamp"] = at + n * 0.001
            self.add(sender, event)

    def count(self, sender: str | None = None) -> int:
        with sqlite3.connect(self.path) as db:
            if sender is None:
                return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def user(text: str, at: float, intent: str, entities: tuple = ()) -> dict:
    message_id = uuid.uuid4().hex
    return {
        "event": "user",
        "timestamp": at,
        "metadata": META,
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": 0.9},
            "entities": [
                {"entity": name, "value": value, "start": 0, "end": len(text)} for name, value in entities
            ],
            "text": text,
            "message_id": message_id,
            "metadata": {},
            "intent_ranking": [{"name": intent, "confidence": 0.9}],
        },
        "input_channel": "rest",
        "message_id": message_id,
    }


def not_found(db: TrackerDB, sender: str, at: float, text: str, intent: str = "nlu_fallback") -> None:
    db.turn(sender, at, text, intent, "No encontré eso en los documentos.", outcome="not_found")


def answered(db: TrackerDB, sender: str, at: float, text: str, intent: str = "pregunta_general") -> None:
    db.turn(sender, at, text, intent, "Según el comunicado INAI/265/19…", buttons=FEEDBACK_BUTTONS)


def rate(db: TrackerDB, sender: str, at: float, payload: str = NEGATIVE) -> None:
    value = "negativo" if payload == NEGATIVE else "positivo"
    db.turn(sender, at, payload, "feedback", "Gracias por avisar.", entities=(("valor", value),))


def thumbs_down(db: TrackerDB, sender: str, at: float) -> None:
    """👎 as actions/feedback.py answers it: «¿Qué faltó?» with the reasons as buttons."""
    buttons = [{"title": "Incompleta", "payload": '/feedback_motivo{"motivo": "incompleta"}'}]
    db.turn(
        sender,
        at,
        NEGATIVE,
        "feedback",
        "¿Qué faltó?",
        entities=(("valor", "negativo"),),
        buttons=buttons,
        feedback="asks_reason",
    )


def give_reason(db: TrackerDB, sender: str, at: float, reason: str) -> None:
    """A reason's button, and the offer to take a comment."""
    payload = f'/feedback_motivo{{"motivo": "{reason}"}}'
    skip = [{"title": "Omitir", "payload": "/cancelar"}]
    db.turn(
        sender,
        at,
        payload,
        "feedback_motivo",
        "Gracias: lo anoto.",
        entities=(("motivo", reason),),
        buttons=skip,
        feedback="asks_comment",
        reason=reason,
    )


def comment(
    db: TrackerDB, sender: str, at: float, text: str, reason: str, intent: str = "nlu_fallback"
) -> None:
    db.turn(sender, at, text, intent, "Gracias por contarnos.", feedback="comment", reason=reason)


@pytest.fixture
def db(tmp_path) -> TrackerDB:
    return TrackerDB(tmp_path / "tracker.db")


@pytest.fixture
def engine(db):
    engine = conv.open_engine(db.url)
    yield engine
    engine.dispose()


# purge


def test_purge_removes_only_events_older_than_the_retention(db, engine):
    db.session("old", NOW - 40 * DAY)
    answered(db, "old", NOW - 40 * DAY, "mi correo es ana@x.mx")
    db.session("mixed", NOW - 35 * DAY)
    answered(db, "mixed", NOW - 35 * DAY, "que es un stl")
    answered(db, "mixed", NOW - 2 * DAY, "y un pal?")
    db.session("new", NOW - DAY)
    answered(db, "new", NOW - DAY, "hola")
    old, mixed_total, new = db.count("old"), db.count("mixed"), db.count("new")

    purged = conv.purge(engine, days=30, now=NOW)

    assert purged == conv.Purged(events=old + 3 + 5, conversations=1)
    assert (db.count("old"), db.count("mixed"), db.count("new")) == (0, mixed_total - 8, new)
    assert [t["text"] for t in conv.export(engine, "mixed")["turns"]] == [
        "y un pal?",
        "Según el comunicado INAI/265/19…",
    ]
    assert conv.purge(engine, days=30, now=NOW) == conv.Purged(0, 0)


def test_purge_command_uses_retention_days_from_the_environment(db, monkeypatch, capsys):
    now = time.time()
    answered(db, "a", now - 5 * DAY, "pregunta vieja")
    answered(db, "b", now - DAY, "pregunta nueva")
    monkeypatch.setenv("RETENTION_DAYS", "3")
    assert conv.main(["purge", "--db", db.url]) == 0
    assert "purged 5 events older than 3 day(s); 1 conversations removed" in capsys.readouterr().out
    assert (db.count("a"), db.count("b")) == (0, 5)


# export


def test_export_gives_every_turn_in_order_with_time_speaker_text_and_buttons(db, engine):
    db.session("ana", NOW)
    answered(db, "ana", NOW + 1, "jalisco tiene stl?", intent="estado_situacion")
    rate(db, "ana", NOW + 2)
    db.session("ana", NOW + DAY)
    not_found(db, "ana", NOW + DAY + 1, "quien gano el futbol")

    exported = conv.export(engine, "ana")

    assert exported["sender"] == "ana"
    assert [(t["from"], t["text"]) for t in exported["turns"]] == [
        ("persona", "jalisco tiene stl?"),
        ("asistente", "Según el comunicado INAI/265/19…"),
        ("persona", "👎"),
        ("asistente", "Gracias por avisar."),
        ("persona", "quien gano el futbol"),
        ("asistente", "No encontré eso en los documentos."),
    ]
    assert exported["turns"][1]["buttons"] == ["👍", "👎"]
    assert "buttons" not in exported["turns"][0] and "buttons" not in exported["turns"][3]
    assert exported["turns"][0]["time"] == "2026-09-21T14:13:21+00:00"


def test_export_command_writes_a_private_file(db, tmp_path, capsys):
    answered(db, "ana", NOW, "mi telefono es 55 1234 5678")
    out = tmp_path / "ana.json"
    assert conv.main(["export", "ana", "--db", db.url, "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["turns"][0]["text"] == "mi telefono es 55 1234 5678"
    assert out.stat().st_mode & 0o777 == 0o600


def test_export_of_an_unknown_sender_is_an_error(db, engine, capsys):
    answered(db, "ana", NOW, "hola")
    with pytest.raises(conv.UnknownSender):
        conv.export(engine, "nadie")
    assert conv.main(["export", "nadie", "--db", db.url]) == 1
    captured = capsys.readouterr()
    assert captured.err == "error: no conversation with sender 'nadie'\n" and captured.out == ""


# delete


def test_delete_removes_every_event_of_that_sender_only(db, engine):
    db.session("ana", NOW)
    answered(db, "ana", NOW, "mi curp es GODE561231HDFRRN09")
    answered(db, "luis", NOW, "hola")
    assert conv.delete(engine, "ana") == 8
    assert (db.count("ana"), db.count("luis")) == (0, 5)
    assert conv.delete(engine, "ana") == 0


def test_delete_command_needs_yes_when_stdin_is_not_a_terminal(db, monkeypatch, capsys):
    answered(db, "ana", NOW, "hola")
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    assert conv.main(["delete", "ana", "--db", db.url]) == 1
    assert "--yes" in capsys.readouterr().err and db.count("ana") == 5
    assert conv.main(["delete", "ana", "--yes", "--db", db.url]) == 0
    assert "deleted 5 events of sender 'ana'" in capsys.readouterr().out and db.count() == 0


@pytest.mark.parametrize("answer, code, left", [("n", 1, 5), ("", 1, 5), ("y", 0, 0)])
def test_delete_command_asks_on_a_terminal(db, monkeypatch, capsys, answer, code, left):
    answered(db, "ana", NOW, "hola")
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    questions = []
    monkeypatch.setattr("builtins.input", lambda prompt: questions.append(prompt) or answer)
    assert conv.main(["delete", "ana", "--db", db.url]) == code
    assert "Delete all 5 events of sender 'ana'?" in questions[0] and db.count("ana") == left


def test_delete_of_an_unknown_sender_is_an_error(db, capsys):
    answered(db, "ana", NOW, "hola")
    assert conv.main(["delete", "nadie", "--yes", "--db", db.url]) == 1
    assert "no conversation with sender 'nadie'" in capsys.readouterr().err and db.count() == 5


# report


@pytest.fixture
def report_db(db) -> TrackerDB:
    """Unanswered and 👎-rated questions from several senders, with accent and case variants."""
    not_found(db, "s1", NOW, "¿Cuántos STL hay en 2019?")
    not_found(db, "s2", NOW, "cuantos stl hay en 2019")
    not_found(db, "s3", NOW, "CUANTOS  STL HAY EN 2019!!", intent="cifras")
    not_found(db, "s3", NOW + 10, "mi correo es ana@x.mx, ¿me responden?")
    not_found(db, "s4", NOW, "mi correo es luis@y.mx ¿me responden")
    not_found(db, "s4", NOW + 10, "que opina del futbol")
    answered(db, "s5", NOW, "que es un stl")  # answered, not rated: in no list
    answered(db, "s6", NOW, "qué es un PAL")
    rate(db, "s6", NOW + 1)
    rate(db, "s6", NOW + 2)  # the same answer rated twice counts once
    answered(db, "s7", NOW, "que es un pal?")
    rate(db, "s7", NOW + 1, POSITIVE)
    answered(db, "s7", NOW + 2, "Que es un PAL")
    db.turn("s7", NOW + 3, "👎", "nlu_fallback", "No encontré eso.", outcome="not_found")
    answered(db, "s8", NOW, "llámenme al 55 1234 5678, tengo una duda de guias")
    rate(db, "s8", NOW + 1)
    not_found(db, "old", NOW - 20 * DAY, "pregunta de hace tiempo")
    return db


def test_report_ranks_unanswered_questions_grouping_accent_and_case_variants(report_db, engine):
    result = conv.report(engine, now=NOW)
    groups = result["not_found"]["groups"]
    assert result["not_found"]["total"] == 7 and result["not_found"]["distinct"] == 4
    assert groups[0] == {
        "question": "cuantos stl hay en 2019",
        "count": 3,
        "examples": ["¿Cuántos STL hay en 2019?", "cuantos stl hay en 2019", "CUANTOS STL HAY EN 2019!!"],
    }
    assert groups[1] == {
        "question": "mi correo es correo me responden",
        "count": 2,
        "examples": ["mi correo es [correo], ¿me responden?", "mi correo es [correo] ¿me responden"],
    }
    assert {g["question"] for g in groups[2:]} == {"que opina del futbol", "pregunta de hace tiempo"}


def test_report_maps_each_thumbs_down_to_the_question_before_it(report_db, engine):
    negative = conv.report(engine, now=NOW)["negative"]
    assert negative["total"] == 3
    answer = "Según el comunicado INAI/265/19…"
    assert negative["groups"] == [
        {
            "question": "que es un pal",
            "count": 2,
            "examples": ["qué es un PAL", "Que es un PAL"],
            "ratings": [
                {"question": "qué es un PAL", "answer": answer, "reason": None, "comment": None},
                {"question": "Que es un PAL", "answer": answer, "reason": None, "comment": None},
            ],
        },
        {
            "question": "llamenme al telefono tengo una duda de guias",
            "count": 1,
            "examples": ["llámenme al [teléfono], tengo una duda de guias"],
            "ratings": [
                {
                    "question": "llámenme al [teléfono], tengo una duda de guias",
                    "answer": answer,
                    "reason": None,
                    "comment": None,
                }
            ],
        },
    ]
    assert negative["reasons"] == {}


LONG_ANSWER = (
    "Hay 21 Planes de Acción Local (PAL) publicados, según el comunicado INAI/265/19, 14 de agosto de 2020, "
    "en las entidades que participan."
)
SHORT_ANSWER = (  # LONG_ANSWER as the report shows it
    "Hay 21 Planes de Acción Local (PAL) publicados, según el comunicado INAI/265/19, 14 de agosto de "
    "2020, en las…"
)


@pytest.fixture
def reasons_db(db) -> TrackerDB:
    """👎 with a reason and a comment (with personal data), with a reason only, typed, and ignored."""
    db.turn("r1", NOW, "cuantos planes hay", "cifras", LONG_ANSWER, buttons=FEEDBACK_BUTTONS)
    thumbs_down(db, "r1", NOW + 1)
    give_reason(db, "r1", NOW + 2, "incompleta")
    comment(db, "r1", NOW + 3, "faltó decir cuáles estados, escríbanme a ana@x.mx", "incompleta")
    answered(db, "r1", NOW + 4, "que es un stl")  # a new question after the comment: not rated
    answered(db, "r2", NOW, "¿Cuántos planes hay?")
    thumbs_down(db, "r2", NOW + 1)
    give_reason(db, "r2", NOW + 2, "incorrecta")
    answered(db, "r2", NOW + 3, "y cuantos stl?")  # the comment offer ignored: a new question
    answered(db, "r3", NOW, "cuantos planes hay")
    db.turn(
        "r3",
        NOW + 1,
        "eso esta mal",
        "feedback",
        "Gracias: lo anoto.",
        feedback="asks_comment",
        reason="incorrecta",
    )
    answered(db, "r4", NOW, "que es la cocreacion")
    thumbs_down(db, "r4", NOW + 1)
    not_found(db, "r4", NOW + 2, "quien gano el futbol")  # «¿Qué faltó?» ignored: a new question
    return db


def test_report_shows_each_thumbs_down_with_its_answer_reason_and_comment(reasons_db, engine):
    result = conv.report(engine, now=NOW)
    negative = result["negative"]
    assert (negative["total"], negative["distinct"]) == (4, 2)
    assert negative["reasons"] == {"incorrecta": 2, "incompleta": 1}
    planes, cocreacion = negative["groups"]
    assert (planes["question"], planes["count"]) == ("cuantos planes hay", 3)
    assert planes["ratings"] == [
        {
            "question": "cuantos planes hay",
            "answer": SHORT_ANSWER,
            "reason": "incompleta",
            "comment": "faltó decir cuáles estados, escríbanme a [correo]",
        },
        {
            "question": "¿Cuántos planes hay?",
            "answer": "Según el comunicado INAI/265/19…",
            "reason": "incorrecta",
            "comment": None,
        },
        {
            "question": "cuantos planes hay",
            "answer": "Según el comunicado INAI/265/19…",
            "reason": "incorrecta",
            "comment": None,
        },
    ]
    assert cocreacion["ratings"] == [
        {
            "question": "que es la cocreacion",
            "answer": "Según el comunicado INAI/265/19…",
            "reason": None,
            "comment": None,
        }
    ]
    # neither the comment nor what came after a rating counts as a question of its own
    assert [g["question"] for g in result["not_found"]["groups"]] == ["quien gano el futbol"]


def test_the_rated_answer_is_the_reply_with_the_rating_buttons(db, engine):
    db.turn("ana", NOW, "que es un pal", "que_es_pal", "Un PAL es un plan.", buttons=FEEDBACK_BUTTONS)
    db.add("ana", bot_event("Nota: el INAI ya no existe.", NOW + 0.5))
    thumbs_down(db, "ana", NOW + 1)
    thumbs_down(db, "ana", NOW + 2)  # the same answer rated twice counts once
    give_reason(db, "ana", NOW + 3, "otra")
    (rating,) = conv.report(engine, now=NOW)["negative"]["groups"][0]["ratings"]
    assert rating == {
        "question": "que es un pal",
        "answer": "Un PAL es un plan.",
        "reason": "otra",
        "comment": None,
    }


def test_a_comment_after_skipping_it_still_belongs_to_the_rated_answer(db, engine):
    answered(db, "ana", NOW, "que es un pal")
    thumbs_down(db, "ana", NOW + 1)
    give_reason(db, "ana", NOW + 2, "incorrecta")
    db.turn("ana", NOW + 3, "/cancelar", "cancelar", "De acuerdo. ¿En qué más te ayudo?")  # «Omitir»
    comment(db, "ana", NOW + 4, "le faltó la fecha", "incompleta", intent="feedback_motivo")
    negative = conv.report(engine, now=NOW)["negative"]
    assert negative["groups"][0]["ratings"] == [
        {
            "question": "que es un pal",
            "answer": "Según el comunicado INAI/265/19…",
            "reason": "incorrecta",  # the reason given first
            "comment": "le faltó la fecha",
        }
    ]
    assert negative["total"] == 1


def test_report_text_shows_question_answer_reason_and_comment(reasons_db, engine):
    text = conv.format_report(conv.report(engine, now=NOW))
    assert "Questions rated 👎, everything stored: 4 messages in 2 groups\n" in text
    assert "  reasons: Incorrecta 2, Incompleta 1, no reason given 1\n" in text
    assert (
        "     3  cuantos planes hay | ¿Cuántos planes hay?\n"
        f"          · «cuantos planes hay» → «{SHORT_ANSWER}»\n"
        "            Incompleta: «faltó decir cuáles estados, escríbanme a [correo]»\n"
        "          · «¿Cuántos planes hay?» → «Según el comunicado INAI/265/19…»\n"
        "            Incorrecta\n"
    ) in text
    assert "            no reason given\n" in text and "@" not in text


def test_report_text_shows_a_few_ratings_of_a_group(db, engine):
    for n in range(conv.RATINGS_SHOWN + 2):
        answered(db, f"s{n}", NOW, "que es un pal")
        rate(db, f"s{n}", NOW + 1)
    text = conv.format_report(conv.report(engine, now=NOW))
    assert text.count("· «que es un pal»") == conv.RATINGS_SHOWN
    assert "          · and 2 more\n" in text


def test_report_keeps_the_last_days_and_the_top_groups(report_db, engine):
    result = conv.report(engine, top=1, days=7, now=NOW)
    assert result["not_found"]["total"] == 6
    assert [g["question"] for g in result["not_found"]["groups"]] == ["cuantos stl hay en 2019"]
    assert [g["question"] for g in result["negative"]["groups"]] == ["que es un pal"]


def test_report_text_output(report_db, engine):
    text = conv.format_report(conv.report(engine, top=2, now=NOW))
    assert "Questions with no answer (not_found), everything stored: 7 messages in 4 groups (top 2)" in text
    assert "     3  ¿Cuántos STL hay en 2019? | cuantos stl hay en 2019 | CUANTOS STL HAY EN 2019!!" in text
    assert (
        "Questions rated 👎, everything stored: 3 messages in 2 groups\n  reasons: no reason given 3\n"
        in text
    )
    assert "@" not in text and "5678" not in text


def test_report_command_as_a_subprocess(report_db):
    env = {**os.environ, "TRACKER_STORE_URL": report_db.url}
    result = subprocess.run(
        [sys.executable, "-m", "ops.conversations", "report", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["not_found"]["groups"][0]["count"] == 3
    assert report["negative"]["groups"][0]["question"] == "que es un pal"
    assert report["negative"]["groups"][0]["ratings"][0]["answer"] == "Según el comunicado INAI/265/19…"
    text = subprocess.run(
        [sys.executable, "-m", "ops.conversations", "report"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert text.returncode == 0 and "Questions rated 👎" in text.stdout


# the store


def test_a_missing_database_file_is_a_clear_error(tmp_path, capsys):
    missing = tmp_path / "nothing.db"
    assert conv.main(["report", "--db", f"sqlite:///{missing}"]) == 1
    assert capsys.readouterr().err.startswith(f"error: no tracker store at {missing}")
    assert not missing.exists()


def test_a_database_without_the_events_table_is_a_clear_error(tmp_path, capsys):
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    assert conv.main(["purge", "--db", f"sqlite:///{other}"]) == 1
    assert "has no events table" in capsys.readouterr().err


def test_an_unreachable_postgresql_is_a_clear_error_without_the_password(capsys):
    assert conv.main(["report", "--db", "postgresql://rasa:s3cr3t@127.0.0.1:1/rasa"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "error: cannot open the tracker store postgresql+psycopg2://rasa:***@127.0.0.1:1/rasa"
    )
    assert "s3cr3t" not in err and "Traceback" not in err


def test_the_database_url_comes_from_the_option_the_environment_or_the_default(monkeypatch):
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    assert conv.database_url() == f"sqlite:///{REPO / 'build' / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_STORE_URL", "sqlite:///data/t.db")
    assert conv.database_url() == f"sqlite:///{REPO / 'data' / 't.db'}"
    assert conv.database_url("sqlite:////tmp/t.db") == "sqlite:////tmp/t.db"
    assert conv.database_url("postgresql://u:p@h/db") == "postgresql://u:p@h/db"
