"""The action for a follow-up («¿y stl?», «¿y antes?», «la siguiente», «¿quién la emitió?», «explícamelo
fácil», «¿y pal?»): answered in the topic of the previous answer.

Why an action and not rules: the topic is the object of the last answer (slot ``tema``: a state, a
recommendation, a guide, a definition, a figure or a list), which every answer action sets and rules
cannot branch on without featurising it in every story. The routing is one function
(:func:`answers.context.followup_answer`) over the same reply functions the topic actions use; no
action calls another action's ``run()``.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.context import Topic, followup_answer
from answers.states import list_answer
from knowledge import KnowledgeBase

from . import resources
from .base import Reply, answer, remember, text_of, topic_of
from .figures import figures_reply
from .states import state_reply


def followup_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply:
    """The reply to a follow-up: in the last topic when it answers it, else as a question on figures."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    if topic and topic.kind == "estado" and (about_state := state_reply(kb, tracker)) is not None:
        return about_state  # the state in the slot: the one just named («¿y Guanajuato?») or the last
    found = followup_answer(kb, topic, text) if topic else None
    if found is not None:
        reply, now = found
        events: list[EventType] = [remember(now)]
        if now.kind == "recomendacion":
            events.insert(0, SlotSet("ordinal", now.key))
        return reply, events
    aspect = kb.vocabulary.aspect(text)
    if topic and topic.kind == "lista" and aspect in ("stl", "pal"):
        return list_answer(kb, aspect), [remember(Topic("lista", aspect))]
    return figures_reply(kb, tracker)


class ActionSeguimiento(Action):
    def name(self) -> str:
        return "action_seguimiento"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text, events = followup_reply(resources.kb(), tracker)
        answer(dispatcher, text)
        return events
