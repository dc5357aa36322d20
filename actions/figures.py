"""The action for national figures: the newest, a year's, or their history."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.context import HISTORY, Topic, followup_answer
from answers.figures import (
    asks_change,
    bare_count,
    breakdown_answer,
    breakdown_of,
    compares_values,
    each_figure_answer,
    figure_answer,
    figure_question_answer,
    metric_of,
    metrics_named,
    month_of,
    overview_answer,
    several_figures_answer,
    states_having,
    unknown_figure_answer,
    year_of,
)
from answers.questions import combined_answer, date_in, period_of, question_parts
from answers.states import list_reply
from knowledge import KnowledgeBase

from . import resources
from .base import (
    QUESTION_MAX_CHARS,
    AnswerAction,
    Reply,
    entity_of,
    of_a_state,
    remember,
    text_of,
    topic_of,
)

_YEARS = re.compile(r"\b20[0-3]\d\b")
FOLLOW_UP_WORDS = 8  # «¿y cuántos Planes de Acción Local más?» after a figure's change: no more than this


def _elliptic(kb: KnowledgeBase, part: str) -> bool:
    """Whether a later part of a question names no figure and no part of a state's status («…¿y cuántos
    en 2020?»): it asks the part before it again, of its own year."""
    return not metrics_named(kb, part) and kb.vocabulary.aspect(part) is None


def _figure(
    kb: KnowledgeBase, text: str, last: str | None, year_hint: str | None = None
) -> tuple[str, str | None]:
    """One question on figures: its answer and the figure it was about (None for a computed answer or
    the overview). A bare «¿y antes?» or a year alone means the figure ``last`` asked about; a count of
    something that is not one of the figures is not answered with another figure."""
    computed = combined_answer(kb, text, asks_for_states=False) or figure_question_answer(kb, text)
    if computed is not None:
        return computed, None
    year = year_of(year_hint or text)
    metric = metric_of(kb, text)
    history = kb.vocabulary.asks_history(text) or compares_values(text)  # «unos dicen 26 y otros 30»
    if metric is None and (year or history):
        metric = last
    if metric not in kb.figures.metrics:
        return (unknown_figure_answer(kb) if kb.vocabulary.asks_count(text) else overview_answer(kb)), None
    if (part := breakdown_of(kb, metric, text)) is not None:  # «¿cuántos compromisos sobre covid?»
        return breakdown_answer(kb, metric, part), None
    kind = states_having(kb, text)
    if kind == "pal" or (kind == "stl" and kb.vocabulary.asks_absence(text)):
        # «¿cuántos estados tenían plan en 2018?»: those a list names, not the plans; «…no tienen STL?»: those
        # it does not; «¿cuántos estados tienen STL?» is the figure of STL, one a state
        return list_reply(kb, kind, text, year), None
    return figure_answer(kb, metric, year, history, month_of(text)), metric


def figures_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply:
    """The figure the message names, or each part of a two-part question («¿cuántos participan y desde
    cuándo?»), the second part taking the figure of the first when it names none."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    short = len(text.split()) <= FOLLOW_UP_WORDS and not _YEARS.search(text)
    if (
        topic is not None
        and topic.kind == "cifra"
        and short
        and (followed := followup_answer(kb, topic, text))
    ):
        return followed[0], [SlotSet("cifra", followed[1].key.partition("@")[0]), remember(followed[1])]
    if (several := several_figures_answer(kb, text)) is not None:  # «¿cuántos STL y PAL en 2018 y en 2020?»
        return several, [remember(None)]
    parts = question_parts(kb, text)
    if len(parts) == 1 and (each := each_figure_answer(kb, text)) is not None:  # «¿cuántos STL y PAL hay?»
        return each, [remember(None)]
    last = tracker.get_slot("cifra")
    if len(parts) > 1:
        replies = []
        years = " ".join(_YEARS.findall(parts[0]))
        if not years and bare_count(kb, parts[0]):
            years = date_in(parts)  # «¿cuántos STL y cuántos compromisos había en enero de 2018?»
        asked, metrics, dates = "", set[str | None](), set[str]()
        for part in parts:
            if asked and _YEARS.search(asked) and (found := _YEARS.search(part)) and _elliptic(kb, part):
                # «en 2018 ¿cuántos estados tenían plan y cuántos en 2020?»: the same question, of 2020
                asked = _YEARS.sub(found.group(), asked)
            else:
                # «¿cuántos STL nuevos hubo de 2018 a 2020 y cuántos planes nuevos?»: the years carry over
                asked = part if _YEARS.search(part) else f"{part} {years}".strip()
            reply, metric = _figure(kb, asked, last)
            replies.append(reply)
            metrics.add(metric)
            dates.update(_YEARS.findall(asked))
            last = metric or last
        if len(metrics) == 1 and last in metrics and len(dates) > 1:  # «¿y compromisos?» may follow
            return "\n".join(replies), [SlotSet("cifra", last), remember(Topic("cifra", f"{last}@{HISTORY}"))]
        return "\n".join(replies), [remember(None)]
    hint = entity_of(tracker, "anio")
    reply, metric = _figure(kb, text, last, hint)
    changed = asks_change(kb, text)  # «¿cuántos más había en agosto de 2020 que en enero de 2018?»
    if metric is None:
        metric = metric_of(kb, text) if changed or period_of(kb, text) else None  # a computed change
        if metric not in kb.figures.metrics:  # a computed answer: «¿y cuáles?» may follow it
            return reply, [remember(Topic("consulta", text[:QUESTION_MAX_CHARS]))]
        return reply, [SlotSet("cifra", metric), remember(Topic("cifra", f"{metric}@{HISTORY}"))]
    year = year_of(hint or text)
    key = f"{metric}@{year}" if year else f"{metric}@{HISTORY}" if changed else metric
    return reply, [SlotSet("cifra", metric), remember(Topic("cifra", key))]


class ActionCifras(AnswerAction):
    action_name = "action_cifras"
    honest_first = True

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        return of_a_state(kb, tracker) or figures_reply(kb, tracker)


def counted(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """A count of one of the figures that NLU did not take for a figure question («tmb kiero saber cuantos
    compromisos hay porfa»), answered as one; None when the message asks no count of a figure, names a
    state, or asks for something the documents never give."""
    text = text_of(tracker)
    if not kb.vocabulary.asks_count(text) or metric_of(kb, text) not in kb.figures.metrics:
        return None
    if resources.state_finder().find(text) or kb.vocabulary.missing(text) or kb.vocabulary.asks_link(text):
        return None
    return figures_reply(kb, tracker)
