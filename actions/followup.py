"""The action for a bare follow-up («¿y stl?», «¿y antes?»): answered in the topic of the previous answer.

Why an action and not rules: the topic is the last *answer action* that ran (a state, a list or a
figure), which Rasa rules cannot name without a featurised slot that every story would then have to
carry. The routing is one function here, over the same reply functions the topic actions use; no action
calls another action's ``run()``.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.states import list_answer

from . import resources
from .base import answer, text_of
from .figures import figures_reply
from .states import state_reply

TOPICS = ("action_estado", "action_cifras", "action_lista_estados")


def last_topic(tracker: Tracker) -> str | None:
    """The answer action about a state, a list or a figure that ran last in this conversation, if any."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in TOPICS:
            return str(event["name"])
    return None


class ActionSeguimiento(Action):
    def name(self) -> str:
        return "action_seguimiento"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        topic = last_topic(tracker)
        aspect = kb.vocabulary.aspect(text_of(tracker))
        reply = state_reply(kb, tracker) if topic == "action_estado" else None
        if reply is None and topic == "action_lista_estados" and aspect in ("stl", "pal"):
            reply = list_answer(kb, aspect), []
        if reply is None:
            reply = figures_reply(kb, tracker)
        answer(dispatcher, reply[0])
        return reply[1]
