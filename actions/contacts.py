"""Actions for where the documents send people, and what became of INAI."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.contacts import contacts_answer, inai_today_answer
from answers.context import Topic
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, remember


class ActionContacto(AnswerAction):
    action_name = "action_contacto"

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        return contacts_answer(kb), [remember(Topic("contacto", "inai"))]


class ActionInaiActual(AnswerAction):
    action_name = "action_inai_actual"
    honest_first = True  # «¿cómo se llama el titular de transparencia en el INAI?»: no names in the documents

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        return inai_today_answer(kb), [remember(None)]
