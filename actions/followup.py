"""The action for a bare follow-up («¿y stl?», «¿y antes?», «¿y la siguiente?», «¿y el enlace?»):
answered in the topic of the previous answer.

Why an action and not rules: the topic is the last *answer action* that ran (a state, a list, a figure,
a recommendation or a guide), which Rasa rules cannot name without a featurised slot that every story
would then have to carry. The routing is one function here, over the same reply functions the topic
actions use; no action calls another action's ``run()``.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.guides import guide_answer, guide_of
from answers.recommendations import recommendation_answer
from answers.states import list_answer
from knowledge import KnowledgeBase

from . import resources
from .base import Reply, answer, text_of
from .figures import figures_reply
from .states import state_reply

TOPICS = ("action_estado", "action_cifras", "action_lista_estados")
ITEMS = ("action_recomendacion", "action_guia")


def last_topic(tracker: Tracker, topics: tuple[str, ...] = TOPICS) -> str | None:
    """The answer action among ``topics`` that ran last in this conversation, if any."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in topics:
            return str(event["name"])
    return None


def item_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿y la siguiente?» after a recommendation, «¿y el enlace?» after a guide; None otherwise."""
    text = text_of(tracker)
    last = last_topic(tracker, TOPICS + ITEMS)
    ordinal = tracker.get_slot("ordinal")
    if last == "action_recomendacion" and ordinal and str(ordinal).isdigit():
        step = kb.vocabulary.step(text, int(ordinal), len(kb.recommendations.items))
        if step is not None:
            return recommendation_answer(kb, step), [SlotSet("ordinal", str(step))]
    if last == "action_guia" and kb.vocabulary.asks_link(text):
        guide = guide_of(kb, tracker.get_slot("guia"))
        if guide is not None:
            return guide_answer(kb, guide), []
    return None


class ActionSeguimiento(Action):
    def name(self) -> str:
        return "action_seguimiento"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        reply = item_reply(kb, tracker)
        topic = last_topic(tracker)
        aspect = kb.vocabulary.aspect(text_of(tracker))
        if reply is None and topic == "action_estado":
            reply = state_reply(kb, tracker)
        if reply is None and topic == "action_lista_estados" and aspect in ("stl", "pal"):
            reply = list_answer(kb, aspect), []
        if reply is None:
            reply = figures_reply(kb, tracker)
        answer(dispatcher, reply[0])
        return reply[1]
