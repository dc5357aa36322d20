"""The action for national figures: the newest, a year's, or their history."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.figures import figure_answer, figure_question_answer, metric_of, overview_answer, year_of
from answers.questions import combined_answer
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, entity_of, text_of


def figures_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply:
    """The figure the message names; a bare «¿y antes?» or a year alone means the last figure asked."""
    text = text_of(tracker)
    computed = combined_answer(kb, text, asks_for_states=False) or figure_question_answer(kb, text)
    if computed is not None:
        return computed, []
    year = year_of(entity_of(tracker, "anio") or text)
    metric = metric_of(kb, text)
    history = kb.vocabulary.asks_history(text)
    if metric is None and (year or history):
        metric = tracker.get_slot("cifra")
    if metric not in kb.figures.metrics:
        return overview_answer(kb), []
    return figure_answer(kb, metric, year, history), [SlotSet("cifra", metric)]


class ActionCifras(AnswerAction):
    action_name = "action_cifras"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        return figures_reply(kb, tracker)
