"""Rasa's user and bot events made into turns: one question of a person and what the assistant did with it.

A *turn* records what the person typed (a button press shown by the button's title, never its payload),
the intent NLU read and its confidence, the reply, its outcome, the source it cites and the 👍/👎 it got,
with the reason and the comment given after a 👎. Feedback messages (👍/👎, a reason, a comment, «Omitir»)
are folded into the turn they rate, as ``make report`` links them (ops/conversations.py): a 👍/👎 button
rates the latest answered question of the sender (a typed rating, the latest question); a reason or a
comment completes the latest 👎.

Outcomes, from the stored bot events of the turn (the first that applies):

- ``not_found``: a reply whose metadata says ``outcome: not_found`` (actions/leads.py ``unanswered``);
- ``answered``: a reply with the 👍/👎 buttons (actions/base.py ``answer``);
- ``refused``: the off-topic and legal-advice refusal (``answers.search.refusal``, sent as bare text by
  action_fuera_de_tema, action_buscar, action_privacidad and the ``declined`` answer actions: known by its
  opening, :data:`REFUSAL_OPENING`), the refusal of political opinions (``utter_opinion_politica``, in
  the ``utter_action`` metadata Rasa stores), or a reply marked ``outcome: refused``;
- ``clarified``: the assistant asked back: ``utter_ask_estado`` (which state?) or the «¿Te refieres a…?»
  of actions/clarify.py;
- ``other``: greetings, thanks, help, the privacy notice, «¿eres un bot?», another language…

Every text is redacted (``common.redaction.redact``): e-mail addresses, phone numbers, CURP and RFC.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

try:  # about twice as fast as json on Rasa's events (pinned in requirements/main.txt)
    from ujson import loads as _loads
except ImportError:  # pragma: no cover
    from json import loads as _loads

from common.redaction import redact
from knowledge.text import squash

Outcome = Literal["answered", "not_found", "refused", "clarified", "other"]
OUTCOMES: tuple[Outcome, ...] = ("answered", "not_found", "refused", "clarified", "other")
Rating = Literal["up", "down"]
UTC = dt.timezone.utc

# How the outcomes are recognised in the stored bot events (see the module docstring).
REFUSAL_OPENING = "Eso está fuera de lo que puedo responder"  # answers.search.refusal
REFUSAL_RESPONSES = frozenset({"utter_opinion_politica"})  # actions/base.py OPINION
CLARIFYING_RESPONSES = frozenset({"utter_ask_estado"})
CLARIFYING_OPENING = "¿Te refieres a"  # actions/clarify.py
NOT_FOUND = "not_found"  # actions/leads.py
# What the replies of actions/feedback.py say in their ``feedback`` metadata.
POSITIVE, ASKS_REASON, ASKS_COMMENT, COMMENT = "positive", "asks_reason", "asks_comment", "comment"
FEEDBACK_STEPS = frozenset({POSITIVE, ASKS_REASON, ASKS_COMMENT, COMMENT})
NOTHING_TO_ADD = "utter_cancelar"  # the reply to «Omitir», «no», «nada» after a feedback question
RATING_PAYLOAD, REASON_PAYLOAD, SKIP_PAYLOAD = "/feedback{", "/feedback_motivo{", "/cancelar"

_SOURCE_LINE = re.compile(r"^Fuentes?: (.+?)\.?\s*$", re.MULTILINE)
_ACCORDING_TO = re.compile(
    r"\b[Ss]egún ((?:el|la|los|las) [^\n]{1,240}?, (?:\d{1,2} de [a-záéíóú]+ de \d{4}|sin fecha))"
)
_PAYLOAD = re.compile(r"/(\w+)(\{.*\})?\s*$", re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Turn:
    """One question of a person and what the assistant did with it."""

    sender: str
    at: float  # the question's timestamp (seconds since the epoch)
    channel: str  # "rest", "socketio" (the widget), "telegram", else Rasa's input_channel ("unknown": none)
    text: str  # what the person typed, redacted; a button press by the button's title
    pressed: bool  # the text was a button press
    intent: str | None
    confidence: float | None
    reply: str  # the assistant's reply text(s), joined by a blank line, redacted
    outcome: Outcome
    source: str | None  # the source cited («Fuente: …» / «según …»), redacted
    rating: Rating | None = None
    reason: str | None = None  # after 👎: the reason's key (common.texts.FEEDBACK_REASONS: reason_title())
    comment: str | None = None  # after 👎: the comment, redacted
    id: int = 0  # the stored id of the question's event: unique within a store

    @property
    def day(self) -> dt.date:
        """The day of the question, UTC."""
        return dt.datetime.fromtimestamp(self.at, UTC).date()


def _clean(text: str) -> str:
    """``text`` without lone surrogates (a hostile message may carry one; no page could encode it)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


@lru_cache(maxsize=20_000)
def _redacted(text: str) -> str:
    """``redact`` for replies and sources, which repeat: each distinct text once."""
    return redact(text)


def _source(reply: str) -> str | None:
    """The source a reply cites: its «Fuente: …» line, else its first «según …, <fecha>»."""
    if found := _SOURCE_LINE.search(reply):
        return found.group(1)
    if found := _ACCORDING_TO.search(reply):
        return found.group(1)
    return None


def _payload_words(payload: str) -> str:
    """A payload with no known button, in words: its entities' values, else its intent
    (``/estado_situacion{"estado": "Oaxaca"}`` → «Oaxaca»)."""
    found = _PAYLOAD.match(payload)
    if not found:
        return payload.lstrip("/").split("{", 1)[0].replace("_", " ").strip() or payload
    values: list[str] = []
    if found.group(2):
        try:
            entities = json.loads(found.group(2))
        except ValueError:
            entities = {}
        if isinstance(entities, dict):
            values = [str(value) for value in entities.values() if isinstance(value, str | int | float)]
    return ", ".join(values) if values else found.group(1).replace("_", " ")


class _Record:
    """A turn while it is read: mutable, made a :class:`Turn` when a read ends (:meth:`Parser.collect`)."""

    __slots__ = (
        "answered", "at", "channel", "clarified", "comment", "confidence", "id", "intent", "not_found",
        "pressed", "rating", "reason", "refused", "replies", "sender", "source", "text",
    )  # fmt: skip

    def __init__(
        self,
        key: int,
        sender: str,
        at: float,
        channel: str,
        text: str,
        pressed: bool,
        intent: str | None,
        confidence: float | None,
    ) -> None:
        self.id, self.sender, self.at, self.channel = key, sender, at, channel
        self.text, self.pressed, self.intent, self.confidence = text, pressed, intent, confidence
        self.replies: list[str] = []
        self.not_found = self.answered = self.refused = self.clarified = False
        self.source: str | None = None
        self.rating: Rating | None = None
        self.reason: str | None = None
        self.comment: str | None = None

    def outcome(self) -> Outcome:
        if self.not_found:
            return "not_found"
        if self.answered:
            return "answered"
        if self.refused:
            return "refused"
        return "clarified" if self.clarified else "other"

    def turn(self) -> Turn:
        return Turn(
            self.sender,
            self.at,
            self.channel,
            self.text,
            self.pressed,
            self.intent,
            self.confidence,
            "\n\n".join(self.replies),
            self.outcome(),
            self.source,
            self.rating,
            self.reason,
            self.comment,
            self.id,
        )


class _Sender:
    """What reading one sender's events in order remembers."""

    __slots__ = ("message", "open", "prompt", "rated", "records", "titles")

    def __init__(self) -> None:
        self.records: list[_Record] = []  # the sender's turns, in order
        self.open: _Record | None = None  # the turn of the person's latest message, while replies come
        self.titles: dict[str, str] = {}  # button payload -> title, of the replies so far
        self.prompt: str | None = (
            None  # the feedback question the last reply asked (asks_reason/asks_comment)
        )
        self.message = ""  # the person's latest message, redacted
        self.rated: _Record | None = None  # the turn the latest 👎 rated


class Parser:
    """Turns out of user and bot events fed in the order Rasa stored them (any mix of senders)."""

    def __init__(self) -> None:
        self.records: dict[int, _Record] = {}
        self.senders: dict[str, _Sender] = {}
        self.dirty: set[int] = set()  # turns made, changed or unmade since the last collect()

    def collect(self) -> dict[int, Turn | None]:
        """The turns made or changed since the last call (None: unmade)."""
        changed: dict[int, Turn | None] = {}
        for key in self.dirty:
            record = self.records.get(key)
            changed[key] = record.turn() if record is not None else None
        self.dirty = set()
        return changed

    def feed(self, key: int, sender: str, kind: str, at: float | None, raw: str | None) -> None:
        try:
            event = _loads(raw or "{}")
        except ValueError:
            return
        if not isinstance(event, dict):
            return
        state = self.senders.get(sender)
        if state is None:
            state = self.senders[sender] = _Sender()
        if kind == "user":
            when = at if at is not None else float(event.get("timestamp") or 0)
            self._user(key, sender, state, when, event)
        else:
            self._bot(state, event)

    def _user(self, key: int, sender: str, state: _Sender, at: float, event: dict[str, Any]) -> None:
        state.open = None
        raw = _clean(str(event.get("text") or ""))
        parse = event.get("parse_data") or {}
        intent_data = parse.get("intent") or {}
        intent = intent_data.get("name") or None
        confidence = intent_data.get("confidence")
        pressed = raw.startswith("/") or raw in state.titles
        text = state.titles.get(raw) or (_payload_words(raw) if raw.startswith("/") else raw)
        state.message = squash(redact(text))
        prompt, state.prompt = state.prompt, None
        stripped = raw.strip()
        if intent in ("feedback", "feedback_motivo") or raw.startswith("/feedback"):
            entities = _entities(parse)
            if intent == "feedback_motivo" or raw.startswith(REASON_PAYLOAD):
                target = state.rated or self._latest(state)
                if target is not None:
                    self._rate(target, "down", reason=entities.get("motivo"))
                state.rated = target
                return
            negative = entities.get("valor") == "negativo" or stripped == "👎"
            positive = entities.get("valor") == "positivo" or stripped == "👍"
            target = self._latest(state, answered=pressed or stripped in ("👍", "👎"))
            if target is not None and (negative or positive):
                self._rate(target, "down" if negative else "up")
            state.rated = None if positive else target  # a typed rating: its reply says which
            return
        if stripped in ("👍", "👎"):
            target = self._latest(state, answered=True)
            if target is not None:
                self._rate(target, "down" if stripped == "👎" else "up")
            state.rated = target if stripped == "👎" else None
            return
        if prompt is not None and (raw == SKIP_PAYLOAD or intent == "cancelar"):
            return  # «Omitir»
        record = _Record(
            key,
            sender,
            at,
            _channel(sender, event.get("input_channel")),
            state.message,
            pressed,
            intent,
            float(confidence) if isinstance(confidence, int | float) else None,
        )
        self.records[key] = record
        state.records.append(record)
        state.open = record
        state.prompt = prompt  # whether this message answered the feedback question, its reply tells
        self.dirty.add(key)

    def _bot(self, state: _Sender, event: dict[str, Any]) -> None:
        metadata = event.get("metadata") or {}
        data = event.get("data")
        buttons = data.get("buttons") if isinstance(data, dict) else None
        rates = False
        if isinstance(buttons, list):
            for button in buttons:
                if isinstance(button, dict) and isinstance(payload := button.get("payload"), str):
                    state.titles[payload] = _clean(str(button.get("title") or ""))
                    rates = rates or payload.startswith(RATING_PAYLOAD)
        step = metadata.get("feedback")
        if step in FEEDBACK_STEPS:
            self._feedback_reply(state, step, metadata.get("reason"))
            state.prompt = step if step in (ASKS_REASON, ASKS_COMMENT) else None
            return
        response = metadata.get("utter_action") or metadata.get("template")
        if state.prompt is not None and response == NOTHING_TO_ADD and state.open is not None:
            self._unmake(state)  # «no», «nada» after a feedback question: nothing to add
        state.prompt = None
        record = state.open
        if record is None:
            return
        text = str(event.get("text") or "")
        if text:
            record.replies.append(_redacted(_clean(text)))
            if record.source is None and (cited := _source(text)):
                record.source = _redacted(_clean(cited))
        outcome = metadata.get("outcome")
        if outcome == NOT_FOUND:
            record.not_found = True
        if rates:
            record.answered = True
        if outcome == "refused" or response in REFUSAL_RESPONSES or text.startswith(REFUSAL_OPENING):
            record.refused = True
        if outcome == "clarified" or response in CLARIFYING_RESPONSES or text.startswith(CLARIFYING_OPENING):
            record.clarified = True
        self.dirty.add(record.id)

    def _feedback_reply(self, state: _Sender, step: str, reason: Any) -> None:
        """A reply of actions/feedback.py: the person's message was feedback on a turn (if it looked like a
        question, it is one no more)."""
        if state.open is not None:  # a typed rating, reason or comment
            self._unmake(state)
            if step in (ASKS_REASON, POSITIVE) or state.rated is None:  # a typed 👍/👎
                state.rated = self._latest(state)
        target = state.rated
        if target is None:
            return
        if step == POSITIVE:
            self._rate(target, "up")
            state.rated = None
            return
        comment = state.message if step == COMMENT else None
        self._rate(target, "down", reason=reason if isinstance(reason, str) else None, comment=comment)

    def _unmake(self, state: _Sender) -> None:
        """The person's latest message was feedback, not a question: its turn goes."""
        record, state.open = state.open, None
        if record is None:
            return
        self.records.pop(record.id, None)
        if state.records and state.records[-1] is record:
            state.records.pop()
        self.dirty.add(record.id)

    @staticmethod
    def _latest(state: _Sender, answered: bool = False) -> _Record | None:
        """The sender's latest turn (``answered``: the latest answered one, if any)."""
        if answered:
            for record in reversed(state.records):
                if record.answered and not record.not_found:
                    return record
        return state.records[-1] if state.records else None

    def _rate(
        self, record: _Record, rating: Rating, reason: str | None = None, comment: str | None = None
    ) -> None:
        if rating == "up":
            record.rating, record.reason, record.comment = "up", None, None
        else:
            if record.rating != "down":
                record.reason = record.comment = None
            record.rating = "down"
            record.reason = record.reason or reason  # the first reason given
            record.comment = record.comment or comment
        if record.id in self.records:
            self.dirty.add(record.id)


def _entities(parse: dict[str, Any]) -> dict[str, str]:
    return {
        str(entity.get("entity")): entity["value"]
        for entity in parse.get("entities") or []
        if isinstance(entity, dict) and isinstance(entity.get("value"), str)
    }


def _channel(sender: str, input_channel: Any) -> str:
    if sender.startswith("telegram:") or input_channel == "telegram":
        return "telegram"
    return str(input_channel) if input_channel else "unknown"
