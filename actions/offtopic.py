"""The action for messages NLU reads as off topic: the refusal, unless it follows up the last answer."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from . import resources
from .base import answer, computed, in_context


class ActionFueraDeTema(Action):
    """The short neutral refusal (``utter_fuera_de_tema``, which says what the assistant can help with).
    A bare «¿y a principios de 2018?» after a figure looks off topic to NLU; a short message that a
    follow-up of the last answer resolves is answered in that topic instead (``in_context``), and a
    question the question engine reads («de 2018 a 2020, ¿cuántos planes más?») is computed."""

    def name(self) -> str:
        return "action_fuera_de_tema"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        followed = in_context(kb, tracker) or computed(kb, tracker)
        if followed is not None:
            answer(dispatcher, followed[0])
            return followed[1]
        dispatcher.utter_message(response="utter_fuera_de_tema")
        return []
