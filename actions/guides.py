"""The action for the guides: the one named, or all of them."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.context import Topic
from answers.guides import all_guides_answer, guide_answer, guide_of
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, entity_of, remember, text_of


class ActionGuia(AnswerAction):
    action_name = "action_guia"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        guide = guide_of(kb, entity_of(tracker, "guia"), text_of(tracker))
        if guide is None:
            return all_guides_answer(kb), [remember(None)]
        return guide_answer(kb, guide), [SlotSet("guia", guide.id), remember(Topic("guia", guide.id))]
