"""The action for the four SNT recommendations: one by its ordinal, or all of them."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.recommendations import all_recommendations_answer, ordinal_of, recommendation_answer
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, entity_of, text_of


class ActionRecomendacion(AnswerAction):
    action_name = "action_recomendacion"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        ordinal = ordinal_of(kb, entity_of(tracker, "ordinal"), text_of(tracker))
        if ordinal is None:
            return all_recommendations_answer(kb), []
        return recommendation_answer(kb, ordinal), [SlotSet("ordinal", str(ordinal))]
