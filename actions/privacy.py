"""The action for the privacy notice: retention, and how to exercise ARCO rights on this conversation."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.search import refusal
from common import settings
from common.texts import privacy_notice
from knowledge.vocabulary import mentions

from . import resources
from .base import answer
from .readers import any_intent, in_context, refused
from .turn import text_of


class ActionPrivacidad(Action):
    """The privacy notice; a follow-up of the last answer NLU took for a privacy question («¿y dónde las
    puedo descargar?» after the guides), or a message read whatever its intent («¿a quién le escribimos?»:
    advice), that names nothing of the person's own data gets its answer, and a request for legal advice
    the refusal."""

    def name(self) -> str:
        return "action_privacidad"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        if refused(kb, tracker):  # «¿es legal que mi municipio no publique su información?»
            dispatcher.utter_message(text=refusal(kb))
            return []
        own = mentions(kb.vocabulary.own_data, text_of(tracker))
        # «¿y dónde las descargo?» after the guides; «¿a quién le escribimos?»: whom to ask, not this notice
        if not own and (followed := in_context(kb, tracker) or any_intent(kb, tracker)) is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        dispatcher.utter_message(
            text=privacy_notice(settings.retention_days(), settings.privacy_contact(), tracker.sender_id)
        )
        return []
