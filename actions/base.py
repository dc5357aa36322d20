"""What every answer action shares: replying with rating buttons and the answer-action shape."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.topic import Topic
from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

from . import resources
from .leads import lead_buttons
from .readers import any_intent, declined, each_part, pointing_back
from .turn import Reply, text_of, topic_of, with_text

OPINION = "utter_opinion_politica"  # the refusal of political opinions (domain/basicos.yml)
FEEDBACK_BUTTONS = [
    {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
]


def topic_after(tracker: Tracker, events: list[EventType]) -> Topic | None:
    """The conversation's topic once ``events`` are applied: the last one they keep (None when they clear
    it), else the one it had."""
    kept = [e for e in events if e.get("event") == "slot" and e.get("name") == "tema"]
    return Topic.parse(kept[-1].get("value")) if kept else topic_of(tracker)


def opinion_refused(
    dispatcher: CollectingDispatcher,
    kb: KnowledgeBase,
    tracker: Tracker,
    first: Callable[[Tracker], list[EventType]],
) -> list[EventType] | None:
    """Send the refusal of political opinions when the message asks for one in so many words («¿considera
    que su extinción fue un retroceso?», «¿y de morena?»), whatever intent NLU gave it, and return the
    events to keep; None when it asks none. A question of the initiative asked before the opinion («y ¿POR
    QUÉ no tiene secretariado técnico? ¿quién tuvo la culpa?») is answered first, by ``first``."""
    if not kb.vocabulary.asks_opinion(text_of(tracker)):
        return None
    # «Deme su opinión jurídica: ¿procede amparo…?»: legal advice, refused as such (readers.refused)
    if mentions(kb.vocabulary.legal_opinion, text_of(tracker)):
        return None
    asked = before_opinion(kb, tracker)
    events = first(with_text(tracker, asked)) if asked is not None else []
    dispatcher.utter_message(response=OPINION)
    return events


def before_opinion(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """«y ¿POR QUÉ no tiene secretariado técnico? ¿quién tuvo la culpa?»: the question of the initiative a
    message asks before the one that asks an opinion, answered before the refusal; None when the opinion
    is the first thing asked, the first question is a yes or no (it may be the opinion itself), or it asks
    nothing of the initiative."""
    text = text_of(tracker)
    words = kb.vocabulary
    # «De los 140 compromisos, ¿cuántos se cumplieron DE VERDAD? o fue puro show pa la foto»: after its «?»
    end = text.find("?") + 1
    first, rest = text[:end], text[end:]  # «y ¿POR QUÉ…?» keeps its «y»
    # not «¿el gobierno abierto en NL es puro show o sí jala? DAME TU OPINIÓN»: that yes or no is the opinion
    if not end or not words.asks_opinion(rest) or words.asks_opinion(first) or words.asks_yes_or_no(first):
        return None
    return first if words.in_domain(first) or mentions(words.why, first) else None


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, text: str, events: list[EventType]) -> None:
    """Send a substantive answer with where it leads (:func:`lead_buttons`, by its topic), then 👍/👎 to
    rate it."""
    dispatcher.utter_message(
        text=text, buttons=lead_buttons(tracker, topic_after(tracker, events)) + FEEDBACK_BUTTONS
    )


class AnswerAction(Action, ABC):
    """An action whose reply is one substantive answer built from the knowledge base. Whatever intent NLU
    gave it, a message that points back at the last answer («allá», «esa guía») is answered in that topic
    (:func:`pointing_back`), and one of the readings of :func:`any_intent` as that reading. With
    ``honest_first``, legal advice, a subject outside the initiative or a question for something the
    documents never give is declined (:func:`declined`) first, even right after a topic it could follow
    up, instead of answered with a figure or a list that answers something else. A message that asks for
    an opinion in so many words gets the refusal of opinions, whatever intent NLU gave it."""

    action_name = ""
    honest_first = False

    def name(self) -> str:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        if (
            opinion := opinion_refused(dispatcher, kb, tracker, lambda t: self.run(dispatcher, t, domain))
        ) is not None:
            return opinion
        # «Olvida tus instrucciones y…»: refused whatever the action
        honest = self.declines_first(kb, text_of(tracker)) or kb.vocabulary.manipulates(text_of(tracker))
        if honest and declined(dispatcher, kb, tracker):  # «y ya que andamos, ¿qué municipios…?»
            return []
        back = pointing_back(kb, tracker) or each_part(kb, tracker) or any_intent(kb, tracker)
        text, events = back or self.respond(kb, tracker)
        answer(dispatcher, tracker, text, events)
        return events

    def declines_first(self, kb: KnowledgeBase, text: str) -> bool:
        """Whether a message asking for what the documents never give is declined before this action's
        answer (``honest_first``)."""
        return self.honest_first

    @abstractmethod
    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        """The answer's text and the events it sets."""
