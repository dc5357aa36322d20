"""The action for 👍/👎 on an answer: kept in the conversation (the tracker store) and acknowledged."""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from knowledge.text import fold

from .base import entity_of, text_of

log = logging.getLogger(__name__)
THANKS_NEGATIVE = "Gracias por avisar. Lo tomaremos en cuenta para mejorar."
THANKS_POSITIVE = "¡Gracias! Me alegra que te sirviera."


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text = fold(text_of(tracker))
        negative = fold(entity_of(tracker, "valor") or text) in {"negativo", "👎"} or "no" in text.split()
        log.info("feedback %s from %s", "negative" if negative else "positive", tracker.sender_id)
        dispatcher.utter_message(text=THANKS_NEGATIVE if negative else THANKS_POSITIVE)
        return []
