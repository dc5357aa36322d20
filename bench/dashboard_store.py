"""Dashboard benchmark: a realistic tracker store of N turns, then the data layer's time on it.

    .venv/bin/python bench/dashboard_store.py [--turns 100000] [--days 90] [--seed 7]
                                              [--db FILE [--reuse]] [--keep] [--no-timing]

Writes a SQLite tracker store as Rasa 3.6's SQLTrackerStore does (the ``events`` table with its index on
``sender_id``; each event's JSON as Rasa stores it, the shapes copied from a store the assistant wrote):
every conversation starts a session (action_session_start, session_started, action_listen), and each
turn stores the user event (with NLU's parse: ranking, tokens, entities), its featurization, the
actions, slots, the replies and action_listen, about 7 rows a turn, ids in time order. Senders come from
REST, the widget (socket.io) and Telegram; times spread over ``--days`` days, more by day than by night;
the questions are answered (most), not found (a few often, many once), refused, asked back, or greetings
and thanks; some are button presses; some answers get 👍 or 👎, a 👎 often a reason and sometimes a
comment (or «Omitir»); a few messages carry an e-mail, a phone number or a CURP. What the data layer
reads back is checked against what was written.

Then it times ``ops/dashboard/review.py`` on that store: the first reading (the whole store, as the
dashboard does when it starts, and a period alone), then what each page asks (the turns of its period,
then the page's figures), warm (median of 5) and right after 10 turns are appended (what a page pays
when the assistant has been talking meanwhile); and prints the figures.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ops.dashboard import review, store  # noqa: E402
from tests.rasa_store import INSERT, META, action_event, bot_event, columns, events_ddl  # noqa: E402

DAY = 86400.0
WARM_ROUNDS = 5
POSITIVE = '/feedback{"valor": "positivo"}'
NEGATIVE = '/feedback{"valor": "negativo"}'
RATING_BUTTONS = [{"title": "👍", "payload": POSITIVE}, {"title": "👎", "payload": NEGATIVE}]
REASONS = {
    "incorrecta": "Incorrecta",
    "incompleta": "Incompleta",
    "no_entendio": "No entendió mi pregunta",
    "otra": "Otra",
}
REASON_BUTTONS = [{"title": t, "payload": f'/feedback_motivo{{"motivo": "{r}"}}'} for r, t in REASONS.items()]
SKIP = {"title": "Omitir", "payload": "/cancelar"}
INTENTS = [
    "estado_situacion",
    "cifras",
    "estados_con_pal",
    "estados_con_stl",
    "opinion_politica",
    "consulta",
    "otro_idioma",
    "fuera_de_tema",
    "que_es_pal",
    "recomendacion",
    "seguimiento",
    "guia",
    "contacto",
]
STATES = [
    "Jalisco",
    "Oaxaca",
    "Veracruz",
    "Nuevo León",
    "Chihuahua",
    "Campeche",
    "Durango",
    "Zacatecas",
    "Tabasco",
    "Morelos",
    "Guanajuato",
    "Coahuila",
    "Tlaxcala",
    "Sonora",
    "Ciudad de México",
]
STATE_BUTTONS = [
    {"title": name, "payload": f'/estado_situacion{{"estado": "{name}"}}'}
    for name in ("Ciudad de México", "Estado de México", "Jalisco", "Nuevo León", "Oaxaca", "Veracruz")
]
SOURCE_265 = "el comunicado INAI/265/19, 14 de agosto de 2020"
SOURCE_REC = "las recomendaciones del SNT en materia de Gobierno Abierto ante la COVID-19, 25 de mayo de 2020"
# (intent, action, question wordings, reply, step buttons): answered questions, as the assistant answers.
ANSWERS: list[tuple[str, str, list[str], str, list[tuple[str, str]]]] = [
    (
        "cifras",
        "action_cifras",
        ["cuantos stl hay", "¿Cuántos STL hay?", "cuantos secretariados tecnicos hay", "numero de stl"],
        f"21 Secretariados Técnicos Locales (STL), según {SOURCE_265}.",
        [("Estados con STL", "¿Qué estados tienen STL?"), ("Estados con planes", "¿Qué estados tienen PAL?")],
    ),
    (
        "cifras",
        "action_cifras",
        ["cuantos planes hay", "¿Cuántos PAL hay?", "cuantos planes de accion local hay"],
        f"21 Planes de Acción Local (PAL), según {SOURCE_265}.",
        [("Estados con planes", "¿Qué estados tienen PAL?")],
    ),
    (
        "recomendacion",
        "action_recomendacion",
        [
            "cual es la tercera recomendacion",
            "q dice la 3a recomendacion",
            "¿Qué dice la tercera recomendación?",
        ],
        "Recomendación tercera de 4, aprobada el 25 de mayo de 2020 por la Comisión de Gobierno Abierto y de "
        "Transparencia Proactiva del Sistema Nacional de Transparencia (SNT):\n"
        "«Innovar en materia de apertura "
        "gubernamental para recuperar el crecimiento económico…»\n"
        f"Fuente: {SOURCE_REC}.",
        [("La cuarta", "¿Qué dice la cuarta recomendación?"), ("Todas", "¿Cuáles son las recomendaciones?")],
    ),
    (
        "guia",
        "action_guia",
        ["que guias hay", "¿Qué guías hay?", "guia de stl", "donde esta la guia de cocreacion"],
        "Los documentos ofrecen 3 guías:\n• Guía de Secretariados Técnicos Locales: Participar en los "
        "Secretariados Técnicos Locales de Gobierno Abierto o fortalecerlos. "
        "https://micrositios.inai.org.mx/gobiernoabierto/wp-content/uploads/2018/09/guiastl.pdf\n"
        f"Fuente: {SOURCE_REC}.",
        [
            (
                "Guía de STL",
                "https://micrositios.inai.org.mx/gobiernoabierto/wp-content/uploads/2018/09/guiastl.pdf",
            )
        ],
    ),
    (
        "que_es_iniciativa",
        "action_definicion",
        [
            "que es gobierno abierto cocreacion desde lo local",
            "¿Qué es la iniciativa?",
            "de que trata la iniciativa",
        ],
        "Gobierno Abierto, Cocreación desde lo Local:\n«impulsada por el Instituto y el Sistema Nacional de "
        "Transparencia (SNT) desde 2015…»\nFuente: el comunicado INAI/083/18, 27 de marzo de 2018.",
        [("Qué es un STL", "¿Qué es un STL?")],
    ),
    (
        "contacto",
        "action_contacto",
        ["a quien contacto", "contacto", "¿A quién le escribo?"],
        "Para la iniciativa, la Dirección General de Gobierno Abierto y Transparencia del INAI, según "
        "la Guía de Cocreación de Compromisos II, 8 de enero de 2019.",
        [],
    ),
]
NOT_FOUND_QUESTIONS = [
    "hay algo sobre blockchain",
    "que es la gobernanza algoritmica",
    "cuanto gana un comisionado",
    "que dice el documento sobre los volcanes",
    "quien es el presidente del stl de jalisco",
    "cual es el presupuesto de la iniciativa",
    "hay planes en municipios de hidalgo",
    "que resultados hubo en 2023",
    "como me inscribo a un taller",
    "donde descargo las actas",
    "que paso con la plataforma nacional",
    "hay datos abiertos de los compromisos",
] + [f"pregunta sin respuesta numero {n}" for n in range(400)]
REFUSED_QUESTIONS = [
    ("fuera_de_tema", "action_fuera_de_tema", "como esta el clima en oaxaca"),
    ("fuera_de_tema", "action_fuera_de_tema", "puedo meter un amparo"),
    ("fuera_de_tema", "action_fuera_de_tema", "quien gano el partido de las chivas"),
    ("opinion_politica", "action_opinion_politica", "que opinas del gobierno"),
    ("opinion_politica", "action_opinion_politica", "por quien votarias"),
]
OTHER = [
    (
        "saludar",
        "utter_saludar",
        ["hola", "buenas tardes", "Hola!"],
        "¡Hola! Soy el asistente virtual de Gobierno Abierto.",
        "utter_saludar",
    ),
    (
        "agradecer",
        "action_agradecer",
        ["gracias", "muchas gracias"],
        "¡Con gusto! ¿Algo más sobre la iniciativa o las recomendaciones?",
        "utter_agradecer",
    ),
    (
        "privacidad",
        "action_privacidad",
        ["privacidad", "q hacen con mis datos"],
        "Aviso de privacidad: guardo esta conversación para responderte en contexto…",
        None,
    ),
    (
        "eres_bot",
        "action_eres_bot",
        ["eres un bot?", "quiero hablar con una persona"],
        "Soy un asistente virtual (un programa, no una persona).",
        "utter_eres_bot",
    ),
]
REFUSAL = (
    "Eso está fuera de lo que puedo responder: no doy asesoría legal ni información de otros temas. Puedo "
    "ayudarte con la iniciativa Gobierno Abierto: Cocreación desde lo local (estados, STL, planes de acción, "
    "cifras), las 4 recomendaciones del SNT ante la COVID-19, las guías y los contactos."
)
OPINION = (
    "No doy opiniones políticas. Puedo contarte lo que dicen los documentos de la iniciativa "
    "Gobierno Abierto: "
    "Cocreación desde lo local y de las recomendaciones del SNT, con su fuente y fecha."
)
NOT_FOUND_REPLY = (
    "No encontré eso en los documentos de la iniciativa. Puedo ayudarte con los estados, los STL, los planes "
    "de acción, las cifras, las recomendaciones del SNT, las guías y los contactos."
)
COMMENTS = [
    "faltaron las fechas de cada plan",
    "no era lo que pregunte",
    "quiero la lista por municipio",
    "escribanme a ana.lopez@example.com",
    "el dato esta desactualizado",
]
PERSONAL = [" mi correo es juan.perez@example.com", " mi tel es 55 1234 5678", " curp GODE561231HDFRRN09"]


class Writer:
    """Rows in Rasa's format, written to SQLite in batches, ids in time order."""

    def __init__(self, path: Path, create: bool = True) -> None:
        self.db = sqlite3.connect(path)
        for statement in events_ddl() if create else ():
            self.db.execute(statement)
        self.pending: list[tuple[str, str, float, str | None, str | None, str]] = []
        self.rows = 0

    def add(self, sender: str, event: dict[str, Any]) -> None:
        self.pending.append(columns(sender, event))

    def flush(self) -> None:
        """Write what is pending, oldest first (ids grow with time, as when Rasa writes them)."""
        self.pending.sort(key=lambda row: row[2])
        self.db.executemany(INSERT, self.pending)
        self.db.commit()
        self.rows += len(self.pending)
        self.pending.clear()

    def close(self) -> None:
        self.flush()
        self.db.close()


def _ranking(intent: str, confidence: float, rng: random.Random) -> list[dict[str, Any]]:
    others = rng.sample([name for name in INTENTS if name != intent], 9)
    rest = 1 - confidence
    ranking = [{"name": intent, "confidence": confidence}]
    for name in others:
        share = rest * rng.random() * 0.6
        rest -= share
        ranking.append({"name": name, "confidence": share})
    return ranking


def user_event(
    text: str,
    at: float,
    intent: str,
    channel: str,
    rng: random.Random,
    entities: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    message_id = uuid.UUID(int=rng.getrandbits(128)).hex
    confidence = 1.0 if text.startswith("/") else rng.uniform(0.35, 0.9999)
    tokens, start = [], 0
    for word in text.split():
        start = text.find(word, start)
        tokens.append([start, start + len(word)])
        start += len(word)
    return {
        "event": "user",
        "timestamp": at,
        "metadata": META,
        "text": text,
        "parse_data": {
            "intent": {"name": intent, "confidence": confidence},
            "entities": entities or [],
            "text": text,
            "message_id": message_id,
            "metadata": {},
            "text_tokens": tokens,
            "intent_ranking": _ranking(intent, confidence, rng),
        },
        "input_channel": channel,
        "message_id": message_id,
    }


def slot_event(name: str, value: Any, at: float) -> dict[str, Any]:
    return {"event": "slot", "timestamp": at, "metadata": META, "name": name, "value": value}


class Conversation:
    """One sender's conversation: writes its turns' events with growing timestamps."""

    def __init__(self, writer: Writer, rng: random.Random, sender: str, channel: str, at: float) -> None:
        self.writer, self.rng, self.sender, self.channel, self.at = writer, rng, sender, channel, at
        self.buttons: list[dict[str, str]] = []  # the buttons of the last reply
        self.turns = 0
        self._emit(action_event("action_session_start", self._tick(), None))
        self._emit({"event": "session_started", "timestamp": self._tick(), "metadata": META})
        self._emit(action_event("action_listen", self._tick(), None))

    def _tick(self, seconds: float = 0.004) -> float:
        self.at += seconds
        return self.at

    def _emit(self, event: dict[str, Any]) -> None:
        self.writer.add(self.sender, event)

    def say(
        self,
        text: str,
        intent: str,
        action: str,
        replies: list[dict[str, Any]],
        entities: list[dict[str, Any]] | None = None,
        slots: tuple[tuple[str, Any], ...] = (),
        counted: bool = True,
    ) -> None:
        """A message (after a pause to read and type), then what the assistant did."""
        self._tick(self.rng.uniform(8, 90))
        self._emit(user_event(text, self._tick(0), intent, self.channel, self.rng, entities))
        self._emit(
            {
                "event": "user_featurization",
                "timestamp": self._tick(),
                "metadata": META,
                "use_text_for_featurization": False,
            }
        )
        self._emit(action_event(action, self._tick(self.rng.uniform(0.01, 0.4))))
        for name, value in slots:
            self._emit(slot_event(name, value, self._tick()))
        for reply in replies:
            reply["timestamp"] = self._tick()
            self._emit(reply)
        self._emit(action_event("action_listen", self._tick()))
        self.buttons = [b for reply in replies for b in (reply["data"]["buttons"] or [])]
        self.turns += counted

    def question(self, text: str) -> str:
        """``text``, sometimes written in capitals, without accents, or with personal data."""
        roll = self.rng.random()
        if roll < 0.08:
            text = text.upper()
        elif roll < 0.16:
            text = text.capitalize() + "?"
        if self.rng.random() < 0.01:
            text += self.rng.choice(PERSONAL)
        return text


def _turn(conversation: Conversation, rng: random.Random) -> str:
    """One question and its reply; the outcome it had."""
    roll = rng.random()
    step_buttons = [
        b for b in conversation.buttons if not b["payload"].startswith(("/feedback", "/cancelar"))
    ]
    if roll < 0.08 and step_buttons:  # a button of the last reply
        button = rng.choice(step_buttons)
        if button["payload"].startswith("/estado_situacion"):
            state = button["title"]
            reply = (
                f"{state} se sumó a la iniciativa en 2016 "
                "(según el comunicado INAI/083/18, 27 de marzo de 2018)."
            )
            conversation.say(
                button["payload"],
                "estado_situacion",
                "action_estado",
                [bot_event(reply, 0, RATING_BUTTONS)],
                entities=[{"entity": "estado", "value": state, "start": 0, "end": len(state)}],
                slots=(("estado", state), ("tema", f"estado:{state}")),
            )
            return "answered"
        if not button["payload"].startswith("http"):
            intent, action, _, reply, steps = rng.choice(ANSWERS)
            buttons = [{"title": t, "payload": p} for t, p in steps] + RATING_BUTTONS
            conversation.say(button["payload"], intent, action, [bot_event(reply, 0, buttons)])
            return "answered"
    if roll < 0.62:
        if rng.random() < 0.25:  # one state's situation, the form, slots
            state = rng.choice(STATES)
            text = conversation.question(
                rng.choice([f"como va {state.lower()}", f"¿{state} tiene STL?", f"planes de {state}"])
            )
            reply = (
                f"Según {SOURCE_265}, {state} tiene Secretariado Técnico Local (STL) y 2 Planes de Acción "
                "Local (PAL) publicados."
            )
            plans = [{"title": f"Planes de {state}", "payload": f"¿Cuántos planes de acción tiene {state}?"}]
            conversation.say(
                text,
                "estado_situacion",
                "action_estado",
                [bot_event(reply, 0, plans + RATING_BUTTONS)],
                entities=[{"entity": "estado", "value": state, "start": 0, "end": len(state)}],
                slots=(("requested_slot", None), ("estado", state), ("tema", f"estado:{state}")),
            )
            return "answered"
        intent, action, wordings, reply, steps = rng.choice(ANSWERS)
        buttons = [{"title": t, "payload": p} for t, p in steps] + RATING_BUTTONS
        conversation.say(
            conversation.question(rng.choice(wordings)), intent, action, [bot_event(reply, 0, buttons)]
        )
        return "answered"
    if roll < 0.74:
        text = NOT_FOUND_QUESTIONS[min(int(rng.paretovariate(1.1)) - 1, len(NOT_FOUND_QUESTIONS) - 1)]
        conversation.say(
            conversation.question(text),
            "nlu_fallback",
            "action_buscar",
            [
                bot_event(
                    NOT_FOUND_REPLY,
                    0,
                    [{"title": "Qué es un STL", "payload": "¿Qué es un STL?"}],
                    outcome="not_found",
                )
            ],
        )
        return "not_found"
    if roll < 0.80:
        intent, action, text = rng.choice(REFUSED_QUESTIONS)
        if intent == "opinion_politica":
            refused = bot_event(
                OPINION, 0, None, utter_action="utter_opinion_politica", template="utter_opinion_politica"
            )
        else:
            refused = bot_event(REFUSAL, 0)
        conversation.say(conversation.question(text), intent, action, [refused])
        return "refused"
    if roll < 0.85:
        if rng.random() < 0.6:
            conversation.say(
                "como va mi estado",
                "estado_situacion",
                "estado_form",
                [
                    bot_event(
                        "¿De qué estado quieres saber? Escribe su nombre "
                        "(por ejemplo «Jalisco» o «CDMX») o elige uno:",
                        0,
                        STATE_BUTTONS,
                        utter_action="utter_ask_estado",
                    )
                ],
                slots=(("requested_slot", "estado"),),
            )
        else:
            buttons = [
                {"title": "Las cifras de la iniciativa", "payload": "/cifras"},
                {"title": "Qué estados tienen STL", "payload": "/estados_con_stl"},
                {"title": "Otra cosa: buscar en los documentos", "payload": "/consulta"},
            ]
            conversation.say(
                conversation.question("stl cuantos y donde"),
                "nlu_fallback",
                "action_buscar",
                [bot_event("¿Te refieres a…?", 0, buttons)],
            )
        return "clarified"
    intent, action, wordings, reply, response = rng.choice(OTHER)
    metadata = {"utter_action": response} if response else {}
    conversation.say(
        conversation.question(rng.choice(wordings)), intent, action, [bot_event(reply, 0, None, **metadata)]
    )
    return "other"


def _feedback(conversation: Conversation, rng: random.Random) -> str | None:
    """Sometimes a 👍 or a 👎 on the answer just given, a 👎 with a reason and a comment or «Omitir»."""
    if rng.random() > 0.18:
        return None
    value = "positivo" if rng.random() < 0.6 else "negativo"
    payload = POSITIVE if value == "positivo" else NEGATIVE
    valor = [{"entity": "valor", "value": value, "start": 0, "end": 0}]
    if value == "positivo":
        conversation.say(
            payload,
            "feedback",
            "action_feedback",
            [bot_event("¡Gracias! Me alegra que te sirviera.", 0, None, feedback="positive")],
            entities=valor,
            counted=False,
        )
        return "up"
    conversation.say(
        payload,
        "feedback",
        "action_feedback",
        [
            bot_event(
                "Gracias por avisar. Lo tomaremos en cuenta para mejorar. ¿Qué faltó?",
                0,
                REASON_BUTTONS,
                feedback="asks_reason",
            )
        ],
        entities=valor,
        counted=False,
    )
    if rng.random() < 0.3:
        return "down"
    reason = rng.choice(list(REASONS))
    conversation.say(
        f'/feedback_motivo{{"motivo": "{reason}"}}',
        "feedback_motivo",
        "action_feedback",
        [
            bot_event(
                f"Gracias: lo anoto como «{REASONS[reason]}». Si quieres, dime en un mensaje qué faltó; "
                "si no, sigue con tu siguiente pregunta.",
                0,
                [SKIP],
                feedback="asks_comment",
                reason=reason,
            )
        ],
        entities=[{"entity": "motivo", "value": reason, "start": 0, "end": 0}],
        counted=False,
    )
    roll = rng.random()
    if roll < 0.35:
        conversation.say(
            rng.choice(COMMENTS),
            "nlu_fallback",
            "action_feedback_comentario",
            [
                bot_event(
                    "Gracias por contarnos: lo leerá el equipo que mantiene este asistente. "
                    "¿En qué más te ayudo?",
                    0,
                    None,
                    feedback="comment",
                    reason=reason,
                )
            ],
            counted=False,
        )
    elif roll < 0.6:
        conversation.say(
            "/cancelar",
            "cancelar",
            "utter_cancelar",
            [bot_event("De acuerdo. ¿En qué más te ayudo?", 0, None, utter_action="utter_cancelar")],
            counted=False,
        )
    return "down"


def _sender(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.2:
        return f"telegram:{rng.randrange(10**8, 10**10)}", "rest"
    if roll < 0.6:
        return uuid.UUID(int=rng.getrandbits(128)).hex, "socketio"
    return f"web-{rng.getrandbits(48):012x}", "rest"


def write_store(path: Path, turns: int, days: int, seed: int, end: float) -> dict[str, int]:
    """A store of about ``turns`` questions over ``days`` days ending at ``end``; what it holds."""
    rng = random.Random(seed)
    writer = Writer(path)
    written: dict[str, int] = {}
    start = end - days * DAY
    per_day = turns / days
    total = 0
    for day in range(days):
        today = 0
        target = round(per_day * (day + 1)) - total
        while today < target:
            hour = rng.choice(
                [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 7, 10, 12, 17]
            )
            at = start + day * DAY + hour * 3600 + rng.uniform(0, 3600)
            sender, channel = _sender(rng)
            conversation = Conversation(writer, rng, sender, channel, at)
            for _ in range(min(target - today, max(1, int(rng.expovariate(1 / 4))))):
                outcome = _turn(conversation, rng)
                written[outcome] = written.get(outcome, 0) + 1
                if outcome == "answered" and (rating := _feedback(conversation, rng)):
                    written[rating] = written.get(rating, 0) + 1
            today += conversation.turns
        total += today
        writer.flush()
    written["turns"] = total
    written["rows"] = writer.rows
    writer.close()
    return written


def _timed(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def _warm(call: Callable[[], Any]) -> float:
    return statistics.median(_timed(call) for _ in range(WARM_ROUNDS))


def _append(path: Path, rng: random.Random, count: int) -> None:
    """``count`` more turns, as the assistant would write them while the dashboard is open."""
    writer = Writer(path, create=False)
    last = writer.db.execute("SELECT MAX(timestamp) FROM events").fetchone()[0]
    conversation = Conversation(writer, rng, f"bench-{rng.getrandbits(32):08x}", "socketio", last + 1)
    for _ in range(count):
        _turn(conversation, rng)
    writer.close()


def measure(path: Path, seed: int) -> tuple[list[tuple[str, float]], list[tuple[str, str, float, float]]]:
    """The first reading of the store (the whole of it, as the app does when it starts, and of a period
    alone), then each page's calls, warm and after 10 turns were appended: (what, seconds), and
    (page, period, warm s, after an append s)."""
    engine = review.open_store(f"sqlite:///{path}")
    with engine.connect() as connection:
        now = connection.exec_driver_sql("SELECT MAX(timestamp) FROM events").scalar_one()
        sender = connection.exec_driver_sql(
            "SELECT sender_id FROM events WHERE type_name = 'user' "
            "GROUP BY sender_id ORDER BY COUNT(*) DESC LIMIT 1"
        ).scalar_one()
    cold = []
    for label, since in (
        ("first read: the whole store (the app's start)", None),
        ("first read: last 30 days", now - 30 * DAY),
        ("first read: last 7 days", now - 7 * DAY),
    ):
        store.forget()
        cold.append((label, _timed(lambda: review.turns(engine, since))))  # noqa: B023 - called at once
    pages: list[tuple[str, Callable[[list[review.Turn]], Any]]] = [
        ("overview", review.overview),
        ("to_add (top 50)", review.to_add),
        ("to_add_csv (top 500)", lambda turns: review.to_add_csv(review.to_add(turns, top=500))),
        ("conversations", review.conversations),
        ("conversations not_found", lambda turns: review.conversations(turns, outcome="not_found")),
    ]
    rng = random.Random(seed + 1)
    warm = []
    for days in (90, 30):
        for name, page in pages:

            def call(page: Callable[[list[review.Turn]], Any] = page, days: int = days) -> None:
                page(review.turns(engine, now - days * DAY))

            steady = _warm(call)
            _append(path, rng, 10)
            warm.append((name, f"{days} days", steady, _timed(call)))
    steady = _warm(lambda: review.transcript(engine, sender))
    _append(path, rng, 10)
    warm.append(("transcript", "-", steady, _timed(lambda: review.transcript(engine, sender))))
    engine.dispose()
    store.forget()
    return cold, warm


def check(path: Path) -> str:
    """What the data layer reads in the store just written: the same counts, as a check."""
    engine = review.open_store(f"sqlite:///{path}")
    turns = review.turns(engine)
    figures = review.overview(turns)
    store.forget()
    engine.dispose()
    counts = {str(outcome): count for outcome, count in figures.totals.items()}
    counts.update(up=figures.up, down=figures.down)
    return ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="write the store here (default: a temporary file, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary store and print its path")
    parser.add_argument("--no-timing", action="store_true", help="only write the store")
    parser.add_argument("--reuse", action="store_true", help="time the store --db already holds (no writing)")
    args = parser.parse_args(argv)
    folder = None if args.db else tempfile.mkdtemp(prefix="dashboard-bench-")
    path = args.db or Path(folder or ".") / "tracker.db"
    if not (args.reuse and args.db and path.exists()):
        if path.exists():
            path.unlink()
        started = time.perf_counter()
        written = write_store(path, args.turns, args.days, args.seed, end=time.time())
        print(
            f"store: {path} ({path.stat().st_size / 1e6:.0f} MB), "
            f"{written['turns']} turns in {written['rows']} "
            f"rows, written in {time.perf_counter() - started:.1f} s"
        )
        print(
            "  written: "
            + ", ".join(
                f"{key} {value}" for key, value in sorted(written.items()) if key not in ("turns", "rows")
            )
        )
        print("  read:    " + check(path))
    if not args.no_timing:
        cold, warm = measure(path, args.seed)
        print()
        for label, seconds in cold:
            print(f"{label:48} {seconds:6.2f} s")
        print(
            f"\n{'page (turns of the period + the page)':40} {'period':>8} {'warm s':>8} {'+10 turns s':>12}"
        )
        for name, period, steady, appended in warm:
            print(f"{name:40} {period:>8} {steady:8.3f} {appended:12.3f}")
        print(f"(warm: median of {WARM_ROUNDS}; +10 turns: the first call after 10 turns were appended)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of this process: {peak:.0f} MB")
    if folder and not args.keep:
        path.unlink()
        Path(folder).rmdir()
    elif folder:
        print(f"kept: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
