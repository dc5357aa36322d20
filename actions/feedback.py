"""The actions for 👍/👎 on an answer and what a person adds after a 👎: kept in the conversation (the
tracker store) and acknowledged.

After 👎 the assistant asks «¿Qué faltó?» with the reasons as buttons (``/feedback_motivo{"motivo": …}``,
``common.texts.FEEDBACK_REASONS``); after a reason it thanks and offers to take one message about what
was missing, with an «Omitir» button. Nothing waits for that message, so nobody is trapped: only the very
next message can be it (the rules after ``action_feedback`` send a message NLU did not understand, or read
as a general question, to ``action_feedback_comentario``; any other intent is answered as usual), and
only when it does not ask something (``asks_something``): a question goes to the search, as it would
have anyway. A typed rating that already says the reason («respuesta incompleta») is not asked again.
The words read here (what makes a rating negative, what names each reason, what adds nothing, how a
question starts) are the vocabulary's ``feedback`` and ``interrogatives`` (knowledge/vocabulary.yaml).

Each reply says in its metadata (kept in the stored bot event, not shown) what it did, for `make report`
(ops/conversations.py): ``feedback`` is ``positive``, ``asks_reason``, ``asks_comment`` (the reason is
known) or ``comment`` (the person's message before it was a comment), and ``reason`` the reason's id.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from common.texts import FEEDBACK_REASONS
from knowledge.text import fold
from knowledge.vocabulary import mentions, stem_spans

from . import resources
from .search import search_reply
from .turn import entity_of, intent_of, text_of

log = logging.getLogger(__name__)
THANKS_POSITIVE = "¡Gracias! Me alegra que te sirviera."
ASK_REASON = "Gracias por avisar. Lo tomaremos en cuenta para mejorar. ¿Qué faltó?"
ASK_COMMENT = (
    "Gracias: lo anoto como «{title}». Si quieres, {invite}; si no, sigue con tu siguiente pregunta."
)
INVITES = {
    "incorrecta": "dime en un mensaje qué estaba mal",
    "incompleta": "dime en un mensaje qué faltó",
    "no_entendio": "escribe tu pregunta de otra forma o dime en un mensaje qué buscabas",
    "otra": "cuéntame en un mensaje qué pasó",
}
THANKS_COMMENT = (
    "Gracias por contarnos: lo leerá el equipo que mantiene este asistente. ¿En qué más te ayudo?"
)
NOTHING_TO_ADD = "utter_cancelar"  # «De acuerdo. ¿En qué más te ayudo?» (domain/basicos.yml)
REASON_BUTTONS = [
    {"title": title, "payload": f'/feedback_motivo{{"motivo": "{reason}"}}'}
    for reason, title in FEEDBACK_REASONS.items()
]
SKIP_BUTTON = {"title": "Omitir", "payload": "/cancelar"}
# What each reply did (its ``feedback`` metadata), read by `make report` and by the next turn.
POSITIVE, ASKS_REASON, ASKS_COMMENT, COMMENT = "positive", "asks_reason", "asks_comment", "comment"
_LETTERS = re.compile(r"[^\W\d_]+")


def _letters(text: str) -> str:
    """The words of ``text``, folded: its runs of letters alone (no digits, no signs), one space apart."""
    return " ".join(_LETTERS.findall(fold(text)))


def _every_word(text: str, words: list[str], stems: list[str] | None = None) -> bool:
    """Whether each word of ``text`` (:func:`_letters`) is one of ``words`` or starts with a ``stems``."""
    return all(mentions(words, word) or stem_spans(stems or [], word) for word in _letters(text).split())


def is_negative(rating: str) -> bool:
    """Whether a rating (the button's value or the typed words) says the answer did not help: a word or
    a stem of the vocabulary's ``feedback.negative`` («no me sirvió», «eso está mal», «👎»)."""
    feedback = resources.kb().vocabulary.feedback
    return mentions(feedback.negative, rating) or bool(stem_spans(feedback.negative_stems, rating))


def reason_in(text: str) -> str | None:
    """The reason typed words give («estaba incompleta» → ``incompleta``): the first of the vocabulary's
    ``feedback.reasons`` whose words or stems ``text`` has; or None."""
    reasons = resources.kb().vocabulary.feedback.reasons
    return next(
        (
            reason
            for reason, said in reasons.items()
            if (said.words and mentions(said.words, text)) or stem_spans(said.stems, text)
        ),
        None,
    )


def asks_something(text: str) -> bool:
    """Whether a message asks something («¿y cuántos planes hay?», «cuantos hay», «dime la fecha»): a
    question mark, a first word of the vocabulary's ``interrogatives`` or a start of ``feedback.asks``; so
    it is a question to answer, not a comment on the last answer."""
    if "?" in text or "¿" in text:
        return True
    vocabulary = resources.kb().vocabulary
    letters = _letters(text)
    words = letters.split()
    if words and mentions(vocabulary.interrogatives, words[0]):
        return True
    return any(start == 0 for start, _ in stem_spans(vocabulary.feedback.asks, letters))


def _words(text: str) -> set[str]:
    return set(_letters(text).split())


def _only_a_reason(text: str) -> bool:
    """Whether every word of ``text`` starts with a reason's stem or is a filler (vocabulary
    ``feedback.reason_stems``, ``feedback.fillers``): «estaba incompleta», «te equivocaste», «no entendió mi
    pregunta» name a reason and nothing more, so they are the reason, not a comment."""
    feedback = resources.kb().vocabulary.feedback
    return _every_word(text, feedback.fillers, feedback.reason_stems)


def _adds_nothing(text: str) -> bool:
    """Whether ``text`` is words of the vocabulary's ``feedback.nothing`` alone («no», «nada», «así está
    bien»)."""
    return _every_word(text, resources.kb().vocabulary.feedback.nothing)


def _asked(tracker: Tracker) -> dict[str, Any]:
    """The metadata of the assistant's last reply before the person's latest message (what it asked);
    empty when there was none since the message before (or in this session)."""
    latest = False  # the person's latest message was passed
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "session_started" or (kind == "user" and latest):
            break
        latest = latest or kind == "user"
        if kind == "bot" and latest:
            return event.get("metadata") or {}
    return {}


def _pressed(tracker: Tracker) -> bool:
    """Whether the latest message is a button's payload, not words the person typed."""
    return (tracker.latest_message.get("text") or "").startswith("/")


def _ask_reason(dispatcher: CollectingDispatcher) -> None:
    dispatcher.utter_message(text=ASK_REASON, buttons=REASON_BUTTONS, feedback=ASKS_REASON)


def _ask_comment(dispatcher: CollectingDispatcher, reason: str) -> None:
    text = ASK_COMMENT.format(title=FEEDBACK_REASONS[reason], invite=INVITES[reason])
    dispatcher.utter_message(text=text, buttons=[SKIP_BUTTON], feedback=ASKS_COMMENT, reason=reason)


def _take_comment(dispatcher: CollectingDispatcher, reason: str) -> None:
    dispatcher.utter_message(text=THANKS_COMMENT, feedback=COMMENT, reason=reason)


def _typed_after(dispatcher: CollectingDispatcher, text: str, asked: dict[str, Any]) -> None:
    """Words typed right after «¿Qué faltó?» or the offer to take a comment: the reason, the comment, or
    both («le faltó la fecha»: incompleta, and the comment); «no», «nada»: nothing to add."""
    if _adds_nothing(text):
        dispatcher.utter_message(response=NOTHING_TO_ADD)
        return
    known = asked.get("reason")
    if asked.get("feedback") == ASKS_COMMENT and known in FEEDBACK_REASONS:
        _take_comment(dispatcher, known)
        return
    reason = reason_in(text) or "otra"
    if _only_a_reason(text):
        _ask_comment(dispatcher, reason)
    else:
        _take_comment(dispatcher, reason)


class ActionFeedback(Action):
    """👍/👎 on an answer (intent ``feedback``, its buttons or typed words) and the reason of a 👎 (intent
    ``feedback_motivo``, its buttons or typed words)."""

    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = text_of(tracker)
        asked = _asked(tracker)
        typed = not _pressed(tracker) and bool(_words(text))  # not a button, not a bare 👍/👎
        reason = entity_of(tracker, "motivo")
        reasoned = intent_of(tracker) == "feedback_motivo"
        negative = reasoned or is_negative(fold(entity_of(tracker, "valor") or text))
        if reason in FEEDBACK_REASONS:  # the button of a reason
            _ask_comment(dispatcher, reason)
        elif typed and asked.get("feedback") in (ASKS_REASON, ASKS_COMMENT):
            _typed_after(dispatcher, text, asked)
        elif typed and negative and (reason := reason_in(text) or ("otra" if reasoned else None)):
            if _only_a_reason(text):  # «respuesta incompleta»: the reason is said, not asked again
                _ask_comment(dispatcher, reason)
            else:  # «está incompleta, faltan las fechas»: the reason and the comment
                _take_comment(dispatcher, reason)
        elif negative:  # 👎 (its button or typed), a reason's button that names none
            _ask_reason(dispatcher)
        else:
            dispatcher.utter_message(text=THANKS_POSITIVE, feedback=POSITIVE)
        _log(tracker, dispatcher)
        return []


class ActionFeedbackComentario(Action):
    """A message NLU did not understand, or read as a general question, right after a feedback reply
    (rules in data/rules/feedback.yml), that does not ask something: after the offer to take a comment, it
    is the comment; after «¿Qué faltó?», it is the reason (and the comment) only when it names a reason
    («le faltó la fecha»), since the person may just go on asking («hay algo sobre blockchain»). Anything
    else gets the reply ``action_buscar`` gives (:func:`actions.search.search_reply`)."""

    def name(self) -> str:
        return "action_feedback_comentario"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = text_of(tracker)
        asked = _asked(tracker)
        stage = asked.get("feedback")
        said = stage == ASKS_COMMENT or (stage == ASKS_REASON and reason_in(text) is not None)
        if said and _words(text) and not asks_something(text):
            _typed_after(dispatcher, text, asked)
            _log(tracker, dispatcher)
            return []
        return search_reply(dispatcher, tracker)


def _log(tracker: Tracker, dispatcher: CollectingDispatcher) -> None:
    """One line for what the reply did (never what the person wrote)."""
    said = dispatcher.messages[-1] if dispatcher.messages else {}
    log.info("feedback %s %s from %s", said.get("feedback"), said.get("reason") or "", tracker.sender_id)
