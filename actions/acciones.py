"""The Rasa actions: thin wrappers that read the turn, call the answer functions and reply.

Each answer function lives in the module of its concern (estados, cifras, recomendaciones, guias,
contactos, definiciones, busqueda) and is tested without Rasa.
"""
from __future__ import annotations

import logging
import os
import re
from abc import ABC, abstractmethod
from typing import Any, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.redaction import install_log_redaction
from knowledge import KnowledgeBase
from knowledge.text import fold

from . import recursos
from .busqueda import NOT_FOUND, SEARCH_UNAVAILABLE, retrieval_answer
from .cifras import asks_history, figure_answer, metric_of, overview_answer, year_of
from .contactos import contacts_answer, inai_today_answer
from .definiciones import definition_answer
from .estados import (absent_answer, aspect_of, joined_in_answer, list_answer, plans_count_answer,
                      state_from, status_answer, years_answer)
from .guias import all_guides_answer, guide_answer, guide_of
from .privacidad import privacy_answer, retention_days
from .recomendaciones import all_recommendations_answer, ordinal_of, recommendation_answer

install_log_redaction()  # what people type may be logged: never their e-mail, phone, CURP or RFC
log = logging.getLogger(__name__)
FEEDBACK_BUTTONS = [{"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
                    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'}]


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _entity(tracker: Tracker, name: str) -> Optional[str]:
    return next(tracker.get_latest_entity_values(name), None)


def answer(dispatcher: CollectingDispatcher, text: str) -> None:
    """Send a substantive answer, with 👍/👎 buttons to rate it."""
    dispatcher.utter_message(text=text, buttons=FEEDBACK_BUTTONS)


class ActionEstado(Action):
    def name(self) -> str:
        return "action_estado"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        kb = recursos.kb()
        state = state_from(kb, recursos.state_finder(), tracker.get_slot("estado"), "")
        if state is None:
            dispatcher.utter_message(response="utter_ask_estado")
            return [SlotSet("estado", None)]
        answer(dispatcher, status_answer(kb, state, aspect_of(_text(tracker))))
        return [SlotSet("estado", state.name)]


def last_topic(tracker: Tracker) -> Optional[str]:
    """The answer action that ran last in this conversation, if any."""
    topics = {"action_estado", "action_cifras", "action_lista_estados", "action_seguimiento"}
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in topics - {"action_seguimiento"}:
            return event["name"]
    return None


class ValidateEstadoForm(FormValidationAction):
    """Fills ``estado`` from the message even when the entity was missed (misspelt names)."""

    def name(self) -> str:
        return "validate_estado_form"

    async def extract_estado(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: DomainDict) -> dict[str, Any]:
        state = state_from(recursos.kb(), recursos.state_finder(), _entity(tracker, "estado"), _text(tracker))
        return {"estado": state.name} if state else {}

    def validate_estado(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                        domain: DomainDict) -> dict[str, Any]:
        state = state_from(recursos.kb(), recursos.state_finder(), value, _text(tracker))
        if state is None:
            dispatcher.utter_message(text="No reconozco ese estado.")
            return {"estado": None}
        return {"estado": state.name}


class AnswerAction(Action, ABC):
    """An action whose reply is one substantive answer built from the knowledge base."""

    action_name = ""

    def name(self) -> str:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        text, events = self.respond(recursos.kb(), tracker)
        answer(dispatcher, text)
        return events

    @abstractmethod
    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        """The answer's text and the events it sets."""


class ActionListaEstados(AnswerAction):
    action_name = "action_lista_estados"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        text = _text(tracker)
        if _intent(tracker) == "estados_por_anio":
            year = year_of(_entity(tracker, "anio") or text)
            return (joined_in_answer(kb, year) if year else years_answer(kb)), []
        kind = "pal" if _intent(tracker) == "estados_con_pal" else "stl"
        plans = re.search(r"\b(\d|dos|tres)\s+(?:planes|pal)", fold(text))
        if kind == "pal" and plans:
            count = {"dos": 2, "tres": 3}.get(plans.group(1)) or int(plans.group(1))
            return plans_count_answer(kb, count), []
        if re.search(r"\bno\s+(?:tienen|hay|cuentan)", fold(text)):
            return absent_answer(kb, kind), []
        return list_answer(kb, kind), []


class ActionCifras(AnswerAction):
    action_name = "action_cifras"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        text = _text(tracker)
        year = year_of(_entity(tracker, "anio") or text)
        metric = metric_of(kb, text)
        if metric is None and (year or asks_history(text)):
            metric = tracker.get_slot("cifra")  # "¿y antes?" after a figure: the same figure
        if metric not in kb.figures.metrics:
            return overview_answer(kb), []
        return figure_answer(kb, metric, year, asks_history(text)), [SlotSet("cifra", metric)]


class ActionRecomendacion(AnswerAction):
    action_name = "action_recomendacion"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        ordinal = ordinal_of(_entity(tracker, "ordinal"), _text(tracker))
        if ordinal is None:
            return all_recommendations_answer(kb), []
        return recommendation_answer(kb, ordinal), [SlotSet("ordinal", str(ordinal))]


class ActionGuia(AnswerAction):
    action_name = "action_guia"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        guide = guide_of(kb, _entity(tracker, "guia"), _text(tracker))
        return (guide_answer(kb, guide) if guide else all_guides_answer(kb)), []


class ActionContacto(AnswerAction):
    action_name = "action_contacto"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        return contacts_answer(kb), []


class ActionInaiActual(AnswerAction):
    action_name = "action_inai_actual"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        return inai_today_answer(kb), []


class ActionDefinicion(AnswerAction):
    action_name = "action_definicion"
    TERMS = {"que_es_iniciativa": "iniciativa", "que_es_stl": "stl", "que_es_pal": "pal"}

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> tuple[str, list[EventType]]:
        return definition_answer(kb, self.TERMS.get(_intent(tracker), "iniciativa")), []


class ActionSeguimiento(Action):
    """A bare follow-up («¿y stl?», «¿y antes?»): answered in the topic of the previous answer."""

    def name(self) -> str:
        return "action_seguimiento"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        topic = last_topic(tracker)
        if topic == "action_estado" and tracker.get_slot("estado"):
            return ActionEstado().run(dispatcher, tracker, domain)
        if topic == "action_lista_estados" and aspect_of(_text(tracker)) in ("stl", "pal"):
            kind = aspect_of(_text(tracker))
            answer(dispatcher, list_answer(recursos.kb(), kind))
            return []
        return ActionCifras().run(dispatcher, tracker, domain)


class ActionBuscar(Action):
    """General questions and low-confidence NLU: the best passage, or an honest "not found".

    A "not found" carries ``outcome="not_found"`` (kept in the conversation's event, not shown), so
    `make report` can list the questions the knowledge does not answer yet.
    """

    def name(self) -> str:
        return "action_buscar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        try:
            searcher = recursos.searcher()
        except Exception:  # noqa: BLE001 - no index and no way to build one: say so, never nothing
            log.exception("search is unavailable")
            dispatcher.utter_message(text=SEARCH_UNAVAILABLE)
            return []
        found = retrieval_answer(recursos.kb(), searcher, _text(tracker))
        if found:
            answer(dispatcher, found)
        else:
            dispatcher.utter_message(text=NOT_FOUND, outcome="not_found")
        return []


class ActionPrivacidad(Action):
    """The privacy notice: retention, and how to exercise ARCO rights on this conversation."""

    def name(self) -> str:
        return "action_privacidad"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(text=privacy_answer(tracker.sender_id, retention_days(),
                                                     os.environ.get("PRIVACY_CONTACT", "")))
        return []


class ActionFeedback(Action):
    """👍/👎 on an answer: kept in the conversation (the tracker store) and acknowledged."""

    def name(self) -> str:
        return "action_feedback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: DomainDict) -> list[EventType]:
        negative = fold(_entity(tracker, "valor") or _text(tracker)) in {"negativo", "👎"} or \
            "no" in fold(_text(tracker)).split()
        log.info("feedback %s from %s", "negative" if negative else "positive", tracker.sender_id)
        dispatcher.utter_message(text="Gracias por avisar. Lo tomaremos en cuenta para mejorar."
                                 if negative else "¡Gracias! Me alegra que te sirviera.")
        return []
