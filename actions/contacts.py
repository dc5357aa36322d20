"""Actions for where the documents send people, and what became of INAI."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.contacts import contacts_answer, inai_today_answer
from answers.figures import figure_answer, metric_of, year_of
from answers.human import human_route_answer
from answers.search import missing_said
from answers.topic import Topic
from answers.wording import inai_note, says_inai_note
from knowledge import KnowledgeBase

from . import resources
from .base import AnswerAction, answer
from .definitions import not_a_term
from .readers import sharper
from .turn import Reply, remember, text_of


class ActionContacto(AnswerAction):
    action_name = "action_contacto"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        contacts = contacts_answer(kb, text_of(tracker))
        if (missing := kb.vocabulary.missing(text_of(tracker))) is not None:  # «dame el nombre del titular»
            contacts = f"{missing_said(kb, missing)} {contacts}"
        return contacts, [remember(Topic("contacto", "inai"))]


class ActionInaiActual(AnswerAction):
    action_name = "action_inai_actual"
    honest_first = True  # «¿cómo se llama el titular de transparencia en el INAI?»: no names in the documents

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        if (unknown := not_a_term(kb, tracker)) is not None:  # «¿qué es el INAI?», «¿qué es el SNT?»
            said = says_inai_note(kb, unknown[0])
            return (unknown[0] if said else f"{unknown[0]}\n{inai_note(kb)}"), unknown[1]  # once
        overview = inai_today_answer(kb)
        text = text_of(tracker)
        metric = metric_of(kb, text)
        if metric in kb.figures.metrics and kb.vocabulary.asks_count(text):
            # «¿cuántos STL siguen funcionando en 2024, o se murieron con el INAI?»: the figure the documents
            # give (none after them), then what came after
            figure = figure_answer(kb, metric, year_of(text))
            return f"{figure}\n{overview}", [remember(Topic("cifra", metric))]
        # «y con quién ideó el proyecto el INAI?»: a question the documents answer, not what became of INAI
        return sharper(kb, tracker, overview) or (overview, [remember(None)])


class ActionPersona(Action):
    """«quiero hablar con una persona», «¿dónde me quejo?»: where a person can act, not «soy un programa».
    Answered as asked, never read as a follow-up of the last topic (a complaint is not a contact detail)."""

    def name(self) -> str:
        return "action_persona"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        events = [remember(Topic("contacto", "inai"))]
        answer(dispatcher, tracker, human_route_answer(resources.kb()), events)
        return events
