"""What every action shares: reading the turn, replying with rating buttons, the answer-action shape."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from common.redaction import install_log_redaction
from knowledge import KnowledgeBase

from . import resources

install_log_redaction()  # what people type may be logged: never their e-mail, phone, CURP or RFC
FEEDBACK_BUTTONS = [
    {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
]
log = logging.getLogger(__name__)

Reply = tuple[str, list[EventType]]


def text_of(tracker: Tracker) -> str:
    """The text of the person's latest message."""
    return tracker.latest_message.get("text") or ""


def intent_of(tracker: Tracker) -> str | None:
    """The intent NLU gave the latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def entity_of(tracker: Tracker, name: str) -> str | None:
    """The first value of entity ``name`` in the latest message."""
    return next(tracker.get_latest_entity_values(name), None)


def answer(dispatcher: CollectingDispatcher, text: str) -> None:
    """Send a substantive answer, with 👍/👎 buttons to rate it."""
    dispatcher.utter_message(text=text, buttons=FEEDBACK_BUTTONS)


class AnswerAction(Action, ABC):
    """An action whose reply is one substantive answer built from the knowledge base."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text, events = self.respond(resources.kb(), tracker)
        answer(dispatcher, text)
        return events

    @abstractmethod
    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        """The answer's text and the events it sets."""
