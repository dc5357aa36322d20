"""The action for the four SNT recommendations: one by its ordinal, or all of them."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.context import Topic
from answers.recommendations import (
    all_recommendations_answer,
    issuer_answer,
    ordinal_of,
    recommendation_answer,
)
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, entity_of, remember, text_of


class ActionRecomendacion(AnswerAction):
    action_name = "action_recomendacion"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        text = text_of(tracker)
        ordinal = ordinal_of(kb, entity_of(tracker, "ordinal"), text)
        everything = Topic("recomendaciones", "todas")
        if ordinal is None and kb.vocabulary.follow_up(text) in ("issuer", "date"):
            return issuer_answer(kb), [remember(everything)]
        if ordinal is None:
            return all_recommendations_answer(kb), [remember(everything)]
        return recommendation_answer(kb, ordinal), [
            SlotSet("ordinal", str(ordinal)),
            remember(Topic("recomendacion", str(ordinal))),
        ]
