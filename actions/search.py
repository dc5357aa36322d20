"""The action for general questions and low-confidence NLU: the best passage, or an honest "not found"."""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.search import document_reply, search_unavailable

from . import resources
from .base import answer, intent_of, remember, text_of
from .clarify import clarification

log = logging.getLogger(__name__)


class ActionBuscar(Action):
    """When NLU hesitated between two topics, it first asks which one was meant (actions/clarify.py).
    A "not found" carries ``outcome="not_found"`` (kept in the conversation's event, not shown), so
    `make report` can list the questions the knowledge does not answer yet."""

    def name(self) -> str:
        return "action_buscar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        question = clarification(tracker) if intent_of(tracker) == "nlu_fallback" else None
        if question is not None:
            dispatcher.utter_message(**question)
            return [remember(None)]
        kb = resources.kb()
        try:
            searcher = resources.searcher()
        except Exception:
            log.exception("search is unavailable")
            dispatcher.utter_message(text=search_unavailable(kb))
            return []
        reply, found = document_reply(kb, searcher, text_of(tracker))
        if found:
            answer(dispatcher, reply)
        else:
            dispatcher.utter_message(text=reply, outcome="not_found")
        return [remember(None)]
