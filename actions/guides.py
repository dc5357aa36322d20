"""The action for the guides: the one named, or all of them."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.guides import all_guides_answer, guide_answer, guide_of
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, entity_of, text_of


class ActionGuia(AnswerAction):
    action_name = "action_guia"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        guide = guide_of(kb, entity_of(tracker, "guia"), text_of(tracker))
        return (guide_answer(kb, guide) if guide else all_guides_answer(kb)), []
