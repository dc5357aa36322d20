"""The action for general questions and low-confidence NLU: the best passage, or an honest "not found"."""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.search import not_found, retrieval_answer, search_unavailable

from . import resources
from .base import answer, text_of

log = logging.getLogger(__name__)


class ActionBuscar(Action):
    """A "not found" carries ``outcome="not_found"`` (kept in the conversation's event, not shown), so
    `make report` can list the questions the knowledge does not answer yet."""

    def name(self) -> str:
        return "action_buscar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        try:
            searcher = resources.searcher()
        except Exception:
            log.exception("search is unavailable")
            dispatcher.utter_message(text=search_unavailable(kb))
            return []
        found = retrieval_answer(kb, searcher, text_of(tracker))
        if found:
            answer(dispatcher, found)
        else:
            dispatcher.utter_message(text=not_found(kb), outcome="not_found")
        return []
