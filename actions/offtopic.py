"""The actions for messages NLU reads as off topic or as a request for help: the refusal or the help text,
unless the message follows up the last answer."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.search import refusal

from . import resources
from .base import answer, in_context, refused
from .reread import reread


class ActionFueraDeTema(Action):
    """The short neutral refusal (``answers.search.refusal``, which says what the assistant can help with).
    NLU takes some domain questions for off topic: a bare «¿y a principios de 2018?» after a figure, «de
    2018 a 2020, ¿cuántos planes más?». Unless the message asks for legal advice or names a subject
    outside the initiative, it is read again (actions/reread.py) and answered when that reading can."""

    def name(self) -> str:
        return "action_fuera_de_tema"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        followed = None if refused(kb, tracker) else reread(kb, tracker)
        if followed is not None:
            answer(dispatcher, followed[0])
            return followed[1]
        dispatcher.utter_message(text=refusal(kb))
        return []


class ActionAyuda(Action):
    """The help text (``utter_ayuda``). NLU takes some bare follow-ups for a request for help («¿desde qué
    año?» after a state); a short message that a follow-up of the last answer resolves is answered in
    that topic instead (``in_context``)."""

    def name(self) -> str:
        return "action_ayuda"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        followed = in_context(resources.kb(), tracker)
        if followed is not None:
            answer(dispatcher, followed[0])
            return followed[1]
        dispatcher.utter_message(response="utter_ayuda")
        return []
