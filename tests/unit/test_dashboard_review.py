"""ops/dashboard/review.py on a small SQLite tracker store written event by event, in Rasa 3.6's schema and
event shapes (as a store the assistant wrote holds them): exact turns, outcomes, channels, ratings with
their reasons and comments, button titles instead of payloads, redaction, the cache and CSV escaping."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from actions.clarify import SEARCH
from actions.feedback import ASK_REASON, REASON_BUTTONS, SKIP_BUTTON, THANKS_COMMENT, THANKS_POSITIVE
from answers.search import refusal
from ops.conversations import StoreError
from ops.dashboard import events, review
from ops.dashboard import store as tracker_store

from ..rasa_store import INSERT, META, action_event, bot_event, columns, events_ddl

DAY1 = dt.datetime(2026, 11, 2, 15, 0, tzinfo=dt.timezone.utc).timestamp()
DAY2 = DAY1 + 86400.0
POSITIVE = '/feedback{"valor": "positivo"}'
NEGATIVE = '/feedback{"valor": "negativo"}'
RATING = [{"title": "👍", "payload": POSITIVE}, {"title": "👎", "payload": NEGATIVE}]
STATE_BUTTONS = [
    {"title": "Jalisco", "payload": '/estado_situacion{"estado": "Jalisco"}'},
    {"title": "Oaxaca", "payload": '/estado_situacion{"estado": "Oaxaca"}'},
]
PAL = "21 Planes de Acción Local (PAL), según el comunicado INAI/265/19, 14 de agosto de 2020."
PAL_SOURCE = "el comunicado INAI/265/19, 14 de agosto de 2020"
OAXACA = (
    "Oaxaca tiene 2 Planes de Acción Local (PAL) publicados.\n"
    "Fuente: el comunicado INAI/265/19, 14 de agosto de 2020."
)
NOT_FOUND = "No encontré eso en los documentos de la iniciativa."
REFUSAL = (
    "Eso está fuera de lo que puedo responder: no doy asesoría legal ni información de otros temas. "
    "Puedo ayudarte con la iniciativa Gobierno Abierto: Cocreación desde lo local."
)
OPINION = "No doy opiniones políticas. Puedo contarte lo que dicen los documentos."
ANA, TELEGRAM, WIDGET, LATER = "web-ana", "telegram:123456789", "c0ffee", "web-dia2"


class Store:
    """A SQLite tracker store written event by event, as Rasa's ``SQLTrackerStore`` writes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = f"sqlite:///{path}"
        self.clock: dict[str, float] = {}
        with sqlite3.connect(path) as db:
            for statement in events_ddl():
                db.execute(statement)

    def add(self, sender: str, event: dict) -> None:
        with sqlite3.connect(self.path) as db:
            db.execute(INSERT, columns(sender, event))

    def tick(self, sender: str, seconds: float = 0.01) -> float:
        self.clock[sender] += seconds
        return self.clock[sender]

    def session(self, sender: str, at: float) -> None:
        self.clock[sender] = at
        self.add(sender, action_event("action_session_start", self.tick(sender)))
        self.add(sender, {"event": "session_started", "timestamp": self.tick(sender), "metadata": META})
        self.add(sender, action_event("action_listen", self.tick(sender)))

    def say(
        self,
        sender: str,
        text: str,
        intent: str,
        action_name: str,
        *replies: dict,
        entities: dict | None = None,
        channel: str = "rest",
    ) -> None:
        """The person's message (a minute after the last event), what Rasa stores with it, the action,
        its replies (``bot(...)``) and ``action_listen``."""
        self.add(sender, user(text, self.tick(sender, 60), intent, entities or {}, channel))
        self.add(
            sender,
            {
                "event": "user_featurization",
                "timestamp": self.tick(sender),
                "metadata": META,
                "use_text_for_featurization": False,
            },
        )
        self.add(sender, action_event(action_name, self.tick(sender)))
        for reply in replies:
            self.add(sender, {**reply, "timestamp": self.tick(sender)})
        self.add(sender, action_event("action_listen", self.tick(sender)))

    def rows(self) -> int:
        with sqlite3.connect(self.path) as db:
            return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def user(text: str, at: float, intent: str, entities: dict, channel: str) -> dict:
    message_id = uuid.uuid4().hex
    return {
        "event": "user",
        "timestamp": at,
        "metadata": META,
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": 0.875},
            "entities": [
                {
                    "entity": name,
                    "value": value,
                    "start": 0,
                    "end": len(text),
                    "extractor": "RegexEntityExtractor",
                }
                for name, value in entities.items()
            ],
            "text": text,
            "message_id": message_id,
            "metadata": {},
            "text_tokens": [[0, len(text)]],
            "intent_ranking": [
                {"name": intent, "confidence": 0.875},
                {"name": "consulta", "confidence": 0.1},
            ],
        },
        "input_channel": channel,
        "message_id": message_id,
    }


def bot(text: str, buttons: list | None = None, **metadata) -> dict:
    """A reply; the store stamps its time when the turn is added."""
    return bot_event(text, 0.0, buttons, **metadata)


def answer(text: str, steps: list | None = None) -> dict:
    return bot(text, (steps or []) + RATING)


def thumbs_down(store: Store, sender: str, channel: str = "rest") -> None:
    store.say(
        sender,
        NEGATIVE,
        "feedback",
        "action_feedback",
        bot(ASK_REASON, REASON_BUTTONS, feedback="asks_reason"),
        entities={"valor": "negativo"},
        channel=channel,
    )


def give_reason(store: Store, sender: str, reason: str, channel: str = "rest") -> None:
    store.say(
        sender,
        f'/feedback_motivo{{"motivo": "{reason}"}}',
        "feedback_motivo",
        "action_feedback",
        bot("Gracias: lo anoto.", [SKIP_BUTTON], feedback="asks_comment", reason=reason),
        entities={"motivo": reason},
        channel=channel,
    )


def fill(store: Store) -> None:
    """16 questions of four people (rest, Telegram, the widget), the feedback folded into them."""
    store.session(ANA, DAY1)
    store.say(
        ANA, "hola", "saludar", "utter_saludar", bot("¡Hola! Soy el asistente.", utter_action="utter_saludar")
    )
    steps = [{"title": "Estados con planes", "payload": "¿Qué estados tienen PAL?"}]
    store.say(ANA, "¿Cuántos PAL hay?", "cifras", "action_cifras", answer(PAL, steps))
    thumbs_down(store, ANA)
    give_reason(store, ANA, "incompleta")
    store.say(
        ANA,
        "faltaron las fechas, escríbanme a ana.lopez@example.com",
        "nlu_fallback",
        "action_feedback_comentario",
        bot(THANKS_COMMENT, feedback="comment", reason="incompleta"),
    )
    store.say(
        ANA, "¿Qué estados tienen PAL?", "estados_con_pal", "action_lista_estados", answer("14 estados.")
    )
    store.say(
        ANA,
        POSITIVE,
        "feedback",
        "action_feedback",
        bot(THANKS_POSITIVE, feedback="positive"),
        entities={"valor": "positivo"},
    )
    store.say(
        ANA, "hay algo sobre blockchain", "nlu_fallback", "action_buscar", bot(NOT_FOUND, outcome="not_found")
    )

    store.session(TELEGRAM, DAY1 + 600)
    store.say(
        TELEGRAM,
        "Hay algo sobre Blockchain?",
        "consulta",
        "action_buscar",
        bot(NOT_FOUND, outcome="not_found"),
    )
    store.say(
        TELEGRAM,
        "como va mi estado",
        "estado_situacion",
        "estado_form",
        bot("¿De qué estado quieres saber?", STATE_BUTTONS, utter_action="utter_ask_estado"),
    )
    store.say(
        TELEGRAM,
        '/estado_situacion{"estado": "Oaxaca"}',
        "estado_situacion",
        "action_estado",
        answer(OAXACA),
        entities={"estado": "Oaxaca"},
    )
    thumbs_down(store, TELEGRAM)
    store.say(TELEGRAM, "¿y cuántos planes hay?", "cifras", "action_cifras", answer(PAL))

    store.session(WIDGET, DAY1 + 1200)
    widget = {"channel": "socketio"}
    store.say(
        WIDGET,
        "que opinas del gobierno",
        "opinion_politica",
        "action_opinion_politica",
        bot(OPINION, utter_action="utter_opinion_politica", template="utter_opinion_politica"),
        **widget,
    )
    store.say(
        WIDGET,
        "puedo meter un amparo, mi CURP es GODE561231HDFRRN09",
        "fuera_de_tema",
        "action_fuera_de_tema",
        bot(REFUSAL),
        **widget,
    )
    offered = [{"title": "Las cifras de la iniciativa", "payload": "/cifras"}, SEARCH]
    store.say(
        WIDGET, "stl cuantos", "nlu_fallback", "action_buscar", bot("¿Te refieres a…?", offered), **widget
    )
    store.say(WIDGET, "/cifras", "cifras", "action_cifras", answer(PAL), **widget)
    thumbs_down(store, WIDGET, "socketio")
    give_reason(store, WIDGET, "no_entendio", "socketio")
    store.say(
        WIDGET,
        "/cancelar",
        "cancelar",
        "utter_cancelar",
        bot("De acuerdo. ¿En qué más te ayudo?", utter_action="utter_cancelar"),
        **widget,
    )
    store.say(
        WIDGET,
        "privacidad; mi tel es 55 1234 5678 y mi RFC GODE561231AB1",
        "privacidad",
        "action_privacidad",
        bot("Aviso de privacidad: guardo esta conversación 30 días."),
        **widget,
    )

    store.session(LATER, DAY2)
    store.say(
        LATER,
        "HAY ALGO SOBRE BLOCKCHAIN",
        "nlu_fallback",
        "action_buscar",
        bot(NOT_FOUND, outcome="not_found"),
    )
    store.say(
        LATER, "=cmd|' /C calc'!A0", "nlu_fallback", "action_buscar", bot(NOT_FOUND, outcome="not_found")
    )
    store.say(LATER, "-2+3", "nlu_fallback", "action_buscar", bot(NOT_FOUND, outcome="not_found"))


@pytest.fixture
def store(tmp_path) -> Store:
    tracker_store.forget()
    written = Store(tmp_path / "tracker.db")
    fill(written)
    return written


@pytest.fixture
def engine(store):
    engine = review.open_store(store.url)
    yield engine
    engine.dispose()
    tracker_store.forget()


def by_text(turns: list[review.Turn]) -> dict[str, review.Turn]:
    return {turn.text: turn for turn in turns}


def test_every_question_is_a_turn_and_feedback_is_folded_into_the_turn_it_rates(engine):
    turns = review.turns(engine)
    assert [turn.text for turn in turns] == [
        "hola",
        "¿Cuántos PAL hay?",
        "Estados con planes",
        "hay algo sobre blockchain",
        "Hay algo sobre Blockchain?",
        "como va mi estado",
        "Oaxaca",
        "¿y cuántos planes hay?",
        "que opinas del gobierno",
        "puedo meter un amparo, mi CURP es [CURP]",
        "stl cuantos",
        "Las cifras de la iniciativa",
        "privacidad; mi tel es [teléfono] y mi RFC [RFC]",
        "HAY ALGO SOBRE BLOCKCHAIN",
        "=cmd|' /C calc'!A0",
        "-2+3",
    ]
    shown = by_text(turns)
    assert {text: turn.outcome for text, turn in shown.items()} == {
        "hola": "other",
        "¿Cuántos PAL hay?": "answered",
        "Estados con planes": "answered",
        "hay algo sobre blockchain": "not_found",
        "Hay algo sobre Blockchain?": "not_found",
        "como va mi estado": "clarified",
        "Oaxaca": "answered",
        "¿y cuántos planes hay?": "answered",
        "que opinas del gobierno": "refused",
        "puedo meter un amparo, mi CURP es [CURP]": "refused",
        "stl cuantos": "clarified",
        "Las cifras de la iniciativa": "answered",
        "privacidad; mi tel es [teléfono] y mi RFC [RFC]": "other",
        "HAY ALGO SOBRE BLOCKCHAIN": "not_found",
        "=cmd|' /C calc'!A0": "not_found",
        "-2+3": "not_found",
    }


def test_ratings_reasons_and_comments_land_on_the_answer_they_rate(engine):
    shown = by_text(review.turns(engine))
    rated = {text: (t.rating, t.reason, t.comment) for text, t in shown.items() if t.rating}
    assert rated == {
        "¿Cuántos PAL hay?": ("down", "incompleta", "faltaron las fechas, escríbanme a [correo]"),
        "Estados con planes": ("up", None, None),
        "Oaxaca": ("down", None, None),  # then a question instead of a reason
        "Las cifras de la iniciativa": ("down", "no_entendio", None),  # then «Omitir»
    }


def test_button_presses_show_the_button_title_never_the_payload(engine):
    turns = review.turns(engine)
    pressed = {turn.text: turn.pressed for turn in turns if turn.pressed}
    assert pressed == {"Estados con planes": True, "Oaxaca": True, "Las cifras de la iniciativa": True}
    assert not any(turn.text.startswith("/") or "{" in turn.text for turn in turns)
    assert review.to_add_csv(review.to_add(turns)).count("/estado_situacion") == 0


def test_a_turn_keeps_intent_confidence_reply_source_and_channel(engine):
    shown = by_text(review.turns(engine))
    pal, oaxaca = shown["¿Cuántos PAL hay?"], shown["Oaxaca"]
    assert (pal.sender, pal.channel, pal.intent, pal.confidence) == (ANA, "rest", "cifras", 0.875)
    assert (pal.reply, pal.source) == (PAL, PAL_SOURCE)
    assert (oaxaca.sender, oaxaca.channel, oaxaca.source) == (TELEGRAM, "telegram", PAL_SOURCE)
    assert shown["stl cuantos"].channel == "socketio"
    assert shown["hola"].source is None
    assert shown["como va mi estado"].reply == "¿De qué estado quieres saber?"


def test_overview_counts_exactly(engine):
    figures = review.overview(review.turns(engine))
    assert figures.questions == 16
    assert figures.totals == {"answered": 5, "not_found": 5, "refused": 2, "clarified": 2, "other": 2}
    assert figures.shares["answered"] == pytest.approx(5 / 16)
    assert (figures.up, figures.down) == (1, 3)
    assert figures.satisfaction == pytest.approx(0.25)
    assert figures.rated_share == pytest.approx(4 / 5)
    assert figures.days == [
        (dt.date(2026, 11, 2), {"answered": 5, "not_found": 2, "refused": 2, "clarified": 2, "other": 2}),
        (dt.date(2026, 11, 3), {"answered": 0, "not_found": 3, "refused": 0, "clarified": 0, "other": 0}),
    ]
    assert figures.by_channel == {
        "rest": {"questions": 7, "answered": 2, "not_found": 4, "refused": 0, "clarified": 0, "other": 1,
                 "up": 1, "down": 1},
        "socketio": {"questions": 5, "answered": 1, "not_found": 0, "refused": 2, "clarified": 1, "other": 1,
                     "up": 0, "down": 1},
        "telegram": {"questions": 4, "answered": 2, "not_found": 1, "refused": 0, "clarified": 1, "other": 0,
                     "up": 0, "down": 1},
    }  # fmt: skip


def test_overview_of_a_period_has_every_day_even_empty_ones(engine):
    figures = review.overview([], start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 3))
    assert [day for day, _ in figures.days] == [dt.date(2026, 11, d) for d in (1, 2, 3)]
    assert figures.questions == 0 and figures.satisfaction is None and figures.rated_share == 0.0
    assert review.overview(review.turns(engine), end=dt.date(2026, 11, 4)).days[-1][0] == dt.date(2026, 11, 4)


def test_turns_of_a_period(engine):
    assert len(review.turns(engine, since=DAY2 - 3600)) == 3
    assert len(review.turns(engine, until=DAY2 - 3600)) == 13
    assert review.turns(engine, since=DAY1 + 1200, until=DAY2 - 3600)[0].text == "que opinas del gobierno"
    everything = review.turns(engine)
    tracker_store.forget()  # a first reading from a period on reads the store from there: the same turns
    assert review.turns(engine, since=DAY1 + 700) == everything[5:]
    tracker_store.forget()
    assert review.turns(engine, since=DAY2) == everything[13:]
    assert len(tracker_store._cache(engine).parser.records) == 3  # the first day was not read


def test_a_period_is_found_in_the_store_by_bisection_of_ids(engine, monkeypatch):
    everything = review.turns(engine)
    monkeypatch.setattr(tracker_store, "FIRST_ID_SLACK", 0)
    monkeypatch.setattr(tracker_store, "MARGIN_S", 0.0)
    tracker_store.forget()
    assert review.turns(engine, since=DAY1 + 700) == everything[5:]
    assert len(tracker_store._cache(engine).parser.records) == 11  # none before DAY1 + 700 was read
    assert review.turns(engine, since=DAY2) == everything[13:]


def test_what_to_add_groups_regardless_of_accents_and_case_most_frequent_first(engine):
    groups = review.to_add(review.turns(engine))
    first = groups[0]
    assert (first.kind, first.key, first.count) == ("not_found", "hay algo sobre blockchain", 3)
    assert first.examples == [
        "HAY ALGO SOBRE BLOCKCHAIN",
        "Hay algo sobre Blockchain?",
        "hay algo sobre blockchain",
    ]
    assert first.conversations == [LATER, TELEGRAM, ANA]
    assert first.answer == NOT_FOUND
    assert {(g.kind, g.question, g.count) for g in groups[1:]} == {
        ("not_found", "=cmd|' /C calc'!A0", 1),
        ("not_found", "-2+3", 1),
        ("down", "¿Cuántos PAL hay?", 1),
        ("down", "Oaxaca", 1),
        ("down", "Las cifras de la iniciativa", 1),
        ("refused", "que opinas del gobierno", 1),
        ("refused", "puedo meter un amparo, mi CURP es [CURP]", 1),
    }
    down = {g.question: g for g in groups if g.kind == "down"}
    pal = down["¿Cuántos PAL hay?"]
    assert (pal.reasons, pal.comments, pal.conversations) == (
        {"Incompleta": 1},
        ["faltaron las fechas, escríbanme a [correo]"],
        [ANA],
    )
    assert pal.answer == PAL
    assert down["Las cifras de la iniciativa"].reasons == {"No entendió mi pregunta": 1}
    assert down["Oaxaca"].reasons == {}
    assert len(review.to_add(review.turns(engine), top=2)) == 2
    assert {g.kind for g in review.to_add(review.turns(engine), kinds=["refused"])} == {"refused"}


def test_the_csv_is_redacted_and_guarded_against_formulas(engine):
    text = review.to_add_csv(review.to_add(review.turns(engine)))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(review.CSV_FIELDS)
    assert (rows[0]["kind"], rows[0]["count"], rows[0]["question"]) == (
        "not_found",
        "3",
        "HAY ALGO SOBRE BLOCKCHAIN",
    )
    assert rows[0]["conversations"] == f"{LATER} | {TELEGRAM} | {ANA}"
    questions = {row["question"] for row in rows}
    assert "'=cmd|' /C calc'!A0" in questions and "'-2+3" in questions
    pal = next(row for row in rows if row["question"] == "¿Cuántos PAL hay?")
    assert (pal["reasons"], pal["comments"]) == (
        "Incompleta: 1",
        "faltaron las fechas, escríbanme a [correo]",
    )
    assert pal["last_asked"].startswith("2026-11-02T")
    for leaked in ("ana.lopez@example.com", "GODE561231HDFRRN09", "55 1234 5678", "GODE561231AB1"):
        assert leaked not in text
    group = review.Group("down", "x", "@SUM(1+1)", 1, ["+1", "ana@example.com"], "=1", comments=["-x"])
    row = next(csv.DictReader(io.StringIO(review.to_add_csv([group]))))
    assert (row["question"], row["examples"], row["answer"], row["comments"]) == (
        "'@SUM(1+1)",
        "'+1 | [correo]",
        "'=1",
        "'-x",
    )


def test_no_text_shown_carries_personal_data(engine, store):
    everything = [
        value
        for turn in review.turns(engine)
        for value in (turn.text, turn.reply, turn.source or "", turn.comment or "")
    ]
    for leaked in ("ana.lopez@example.com", "GODE561231HDFRRN09", "55 1234 5678", "GODE561231AB1"):
        assert not any(leaked in value for value in everything)
    assert sum(value.count("[correo]") for value in everything) == 1


def test_conversations_filtered_by_outcome_and_day(engine):
    turns = review.turns(engine)
    rows = review.conversations(turns)
    assert [row.sender for row in rows] == [LATER, WIDGET, TELEGRAM, ANA]
    widget = rows[1]
    assert (widget.turns, widget.channel, widget.up, widget.down) == (5, "socketio", 0, 1)
    assert widget.outcomes == {"answered": 1, "not_found": 0, "refused": 2, "clarified": 1, "other": 1}
    assert widget.started < widget.last
    assert [row.sender for row in review.conversations(turns, outcome="not_found")] == [LATER, TELEGRAM, ANA]
    assert [row.sender for row in review.conversations(turns, "not_found", dt.date(2026, 11, 2))] == [
        TELEGRAM,
        ANA,
    ]
    assert review.conversations(turns, "refused", dt.date(2026, 11, 3)) == []


def test_transcript_of_one_sender(engine):
    turns = review.transcript(engine, TELEGRAM)
    assert [(t.text, t.pressed, t.outcome, t.rating) for t in turns] == [
        ("Hay algo sobre Blockchain?", False, "not_found", None),
        ("como va mi estado", False, "clarified", None),
        ("Oaxaca", True, "answered", "down"),
        ("¿y cuántos planes hay?", False, "answered", None),
    ]
    assert turns == [turn for turn in review.turns(engine) if turn.sender == TELEGRAM]
    assert review.transcript(engine, "nadie") == []


def test_new_events_are_read_alone_and_a_purge_reads_everything_again(engine, store):
    assert len(review.turns(engine)) == 16
    store.session("nuevo", DAY2 + 3600)
    store.say(
        "nuevo", "que es un pal", "que_es_pal", "action_definicion", answer("Plan de Acción Local (PAL).")
    )
    turns = review.turns(engine)
    assert (len(turns), turns[-1].text, turns[-1].rating) == (17, "que es un pal", None)
    thumbs_down(store, "nuevo")  # a 👎 after the turn was read: the turn changes, no turn is added
    turns = review.turns(engine)
    assert (len(turns), turns[-1].rating) == (17, "down")
    with sqlite3.connect(store.path) as db:  # `make purge`: the first day goes
        db.execute("DELETE FROM events WHERE timestamp < ?", (DAY2 - 3600,))
    assert [turn.sender for turn in review.turns(engine)] == [LATER] * 3 + ["nuevo"]


def test_a_comment_typed_after_a_reason_is_no_question_and_a_question_after_it_is(tmp_path):
    store = Store(tmp_path / "t.db")
    store.session("s", DAY1)
    store.say("s", "cuantos stl hay", "cifras", "action_cifras", answer("21 STL."))
    store.say(
        "s",
        "está mal",
        "feedback",
        "action_feedback",
        bot(ASK_REASON, REASON_BUTTONS, feedback="asks_reason"),
    )
    store.say(  # a typed reason and comment at once
        "s",
        "incompleta, faltan los estados",
        "nlu_fallback",
        "action_feedback_comentario",
        bot(THANKS_COMMENT, feedback="comment", reason="incompleta"),
    )
    store.say("s", "👍", "feedback", "action_feedback", bot(THANKS_POSITIVE, feedback="positive"))
    store.say("s", "y en jalisco?", "estado_situacion", "action_estado", answer("Jalisco tiene STL."))
    tracker_store.forget()
    engine = review.open_store(store.url)
    turns = review.turns(engine)
    assert [(t.text, t.rating, t.reason, t.comment) for t in turns] == [
        ("cuantos stl hay", "up", None, None),  # 👎 then 👍: the last rating counts
        ("y en jalisco?", None, None, None),
    ]
    engine.dispose()
    tracker_store.forget()


def test_the_store_is_opened_read_only(engine, store, tmp_path):
    with pytest.raises(sa.exc.OperationalError), engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM events")
    assert store.rows() > 0
    missing = tmp_path / "nada.db"
    with pytest.raises(StoreError, match="no tracker store"):
        review.open_store(f"sqlite:///{missing}")
    assert not missing.exists()
    empty = tmp_path / "vacio.db"
    sqlite3.connect(empty).close()
    with pytest.raises(StoreError, match="no events table"):
        review.open_store(f"sqlite:///{empty}")


def test_a_store_in_a_folder_with_spaces_and_a_lone_surrogate(tmp_path):
    folder = tmp_path / "mi carpeta (1)"
    folder.mkdir()
    store = Store(folder / "tracker.db")
    store.session("s", DAY1)
    store.say(
        "s", "hola \ud800 ¿qué tal?", "saludar", "utter_saludar", bot("¡Hola!", utter_action="utter_saludar")
    )
    tracker_store.forget()
    engine = review.open_store(store.url)
    try:
        (turn,) = review.turns(engine)
        assert turn.text == "hola \ufffd ¿qué tal?"
        turn.text.encode("utf-8")
    finally:
        engine.dispose()
        tracker_store.forget()


def test_the_outcome_markers_match_what_the_actions_send(kb):
    assert refusal(kb).startswith(events.REFUSAL_OPENING)
    assert events.CLARIFYING_OPENING in "¿Te refieres a…?"


def test_a_payload_without_its_button_is_shown_in_words():
    assert events._payload_words('/estado_situacion{"estado": "Oaxaca"}') == "Oaxaca"
    assert events._payload_words("/que_es_iniciativa") == "que es iniciativa"
    assert events._payload_words("/x_y{not json") == "x y"
