"""The action for 👍/👎 on an answer: kept in the conversation (the tracker store) and acknowledged."""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from knowledge.text import fold

from .turn import entity_of, text_of

log = logging.getLogger(__name__)
THANKS_NEGATIVE = "Gracias por avisar. Lo tomaremos en cuenta para mejorar."
THANKS_POSITIVE = "¡Gracias! Me alegra que te sirviera."
# Words that make a typed rating negative («eso está mal», «respuesta incompleta», «te equivocaste»).
NEGATIVE_STEMS = ("mal", "pesim", "equivoc", "incorrect", "incomplet", "erron", "👎", "negativo")


def is_negative(rating: str) -> bool:
    """Whether a rating (the button's value or the typed words, folded) says the answer did not help."""
    return any(word in ("no", "ni") or word.startswith(NEGATIVE_STEMS) for word in rating.split())


class ActionFeedback(Action):
    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        negative = is_negative(fold(entity_of(tracker, "valor") or text_of(tracker)))
        log.info("feedback %s from %s", "negative" if negative else "positive", tracker.sender_id)
        dispatcher.utter_message(text=THANKS_NEGATIVE if negative else THANKS_POSITIVE)
        return []
