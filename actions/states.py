"""Actions about states: one state's status (with its form) and lists of states."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.context import Topic
from answers.figures import figure_question_answer, year_of
from answers.questions import combined_answer
from answers.states import (
    joined_in_answer,
    list_reply,
    state_from,
    status_answer,
    years_answer,
)
from knowledge import KnowledgeBase

from . import resources
from .base import AnswerAction, Reply, answer, entity_of, intent_of, remember, text_of


def state_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The status of the state in the ``estado`` slot, in the aspect the message asks about; None when
    no state is known yet."""
    state = state_from(kb, resources.state_finder(), tracker.get_slot("estado"), "")
    if state is None:
        return None
    return status_answer(kb, state, kb.vocabulary.aspect(text_of(tracker))), [
        SlotSet("estado", state.name),
        remember(Topic("estado", state.name)),
    ]


class ActionEstado(Action):
    def name(self) -> str:
        return "action_estado"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        reply = state_reply(resources.kb(), tracker)
        if reply is None:
            dispatcher.utter_message(response="utter_ask_estado")
            return [SlotSet("estado", None), remember(None)]
        answer(dispatcher, reply[0])
        return reply[1]


class ValidateEstadoForm(FormValidationAction):
    """Fills ``estado`` from the message even when the entity was missed (misspelt names)."""

    def name(self) -> str:
        return "validate_estado_form"

    async def extract_estado(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        state = state_from(
            resources.kb(), resources.state_finder(), entity_of(tracker, "estado"), text_of(tracker)
        )
        return {"estado": state.name} if state else {}

    def validate_estado(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        state = state_from(resources.kb(), resources.state_finder(), value, text_of(tracker))
        if state is None:
            dispatcher.utter_message(text="No reconozco ese estado.")
            return {"estado": None}
        return {"estado": state.name}


class ActionListaEstados(AnswerAction):
    action_name = "action_lista_estados"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        text = text_of(tracker)
        computed = combined_answer(kb, text) or figure_question_answer(kb, text)
        if computed is not None:
            return computed, [remember(None)]
        if intent_of(tracker) == "estados_por_anio":
            year = year_of(entity_of(tracker, "anio") or text)
            return (joined_in_answer(kb, year) if year else years_answer(kb)), [remember(None)]
        kind = "pal" if intent_of(tracker) == "estados_con_pal" else "stl"
        return list_reply(kb, kind, text), [remember(Topic("lista", kind))]
