"""The action for the privacy notice: retention, and how to exercise ARCO rights on this conversation."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from common import settings
from common.texts import privacy_notice


class ActionPrivacidad(Action):
    def name(self) -> str:
        return "action_privacidad"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(
            text=privacy_notice(settings.retention_days(), settings.privacy_contact(), tracker.sender_id)
        )
        return []
