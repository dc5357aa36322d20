"""The action for what the initiative, an STL or a PAL is."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.context import Topic
from answers.definitions import definition_answer
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, intent_of, remember

TERMS = {"que_es_iniciativa": "iniciativa", "que_es_stl": "stl", "que_es_pal": "pal"}


class ActionDefinicion(AnswerAction):
    action_name = "action_definicion"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        term = TERMS.get(intent_of(tracker) or "", "iniciativa")
        return definition_answer(kb, term), [remember(Topic("definicion", term))]
