"""What every action shares: reading the turn, replying with rating buttons, the answer-action shape."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.context import Topic, followup_answer
from common.redaction import install_log_redaction
from knowledge import KnowledgeBase

from . import resources
from .clarify import asked_text

install_log_redaction()  # what people type may be logged: never their e-mail, phone, CURP or RFC
FEEDBACK_BUTTONS = [
    {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
]
log = logging.getLogger(__name__)

Reply = tuple[str, list[EventType]]


def text_of(tracker: Tracker) -> str:
    """The text of the person's latest message; after a button of a clarification («¿Te refieres a…?»),
    the question they typed before it."""
    return asked_text(tracker) or tracker.latest_message.get("text") or ""


def intent_of(tracker: Tracker) -> str | None:
    """The intent NLU gave the latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def entity_of(tracker: Tracker, name: str) -> str | None:
    """The first value of entity ``name`` in the latest message."""
    return next(tracker.get_latest_entity_values(name), None)


def topic_of(tracker: Tracker) -> Topic | None:
    """The topic of the last answer (slot ``tema``), if it had one."""
    return Topic.parse(tracker.get_slot("tema"))


def remember(topic: Topic | None) -> EventType:
    """Keep ``topic`` as the conversation's topic; None clears it (a new topic replaces the old)."""
    return SlotSet("tema", str(topic) if topic else None)


def pointing_back(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """A message that can only mean the thing just answered («¿y cuántos planes tienen allá?», «esa
    guía») and names no state, answered in the last topic whatever intent NLU gave it; else None."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    if topic is None or not kb.vocabulary.refers_back(text) or resources.state_finder().find(text):
        return None
    found = followup_answer(kb, topic, text)
    return (found[0], [remember(found[1])]) if found else None


def answer(dispatcher: CollectingDispatcher, text: str) -> None:
    """Send a substantive answer, with 👍/👎 buttons to rate it."""
    dispatcher.utter_message(text=text, buttons=FEEDBACK_BUTTONS)


class AnswerAction(Action, ABC):
    """An action whose reply is one substantive answer built from the knowledge base. A message that
    points back at the last answer («allá», «esa guía») is answered in that topic instead
    (:func:`pointing_back`)."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        text, events = pointing_back(kb, tracker) or self.respond(kb, tracker)
        answer(dispatcher, text)
        return events

    @abstractmethod
    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        """The answer's text and the events it sets."""
