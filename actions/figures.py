"""The action for national figures: the newest, a year's, or their history."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.context import Topic
from answers.figures import figure_answer, figure_question_answer, metric_of, overview_answer, year_of
from answers.questions import combined_answer, question_parts
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, entity_of, remember, text_of


def _figure(
    kb: KnowledgeBase, text: str, last: str | None, year_hint: str | None = None
) -> tuple[str, str | None]:
    """One question on figures: its answer and the figure it was about (None for a computed answer or
    the overview). A bare «¿y antes?» or a year alone means the figure ``last`` asked about."""
    computed = combined_answer(kb, text, asks_for_states=False) or figure_question_answer(kb, text)
    if computed is not None:
        return computed, None
    year = year_of(year_hint or text)
    metric = metric_of(kb, text)
    history = kb.vocabulary.asks_history(text)
    if metric is None and (year or history):
        metric = last
    if metric not in kb.figures.metrics:
        return overview_answer(kb), None
    return figure_answer(kb, metric, year, history), metric


def figures_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply:
    """The figure the message names, or each part of a two-part question («¿cuántos participan y desde
    cuándo?»), the second part taking the figure of the first when it names none."""
    text = text_of(tracker)
    parts = question_parts(kb, text)
    last = tracker.get_slot("cifra")
    if len(parts) > 1:
        replies = []
        for part in parts:
            reply, metric = _figure(kb, part, last)
            replies.append(reply)
            last = metric or last
        return "\n".join(replies), [remember(None)]
    reply, metric = _figure(kb, text, last, entity_of(tracker, "anio"))
    if metric is None:
        return reply, [remember(None)]
    return reply, [SlotSet("cifra", metric), remember(Topic("cifra", metric))]


class ActionCifras(AnswerAction):
    action_name = "action_cifras"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        return figures_reply(kb, tracker)
