"""The action for what the initiative, an STL or a PAL is."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.context import Topic
from answers.definitions import definition_answer, terms_named
from knowledge import KnowledgeBase

from .base import AnswerAction, Reply, intent_of, remember, text_of

TERMS = {"que_es_iniciativa": "iniciativa", "que_es_stl": "stl", "que_es_pal": "pal"}


class ActionDefinicion(AnswerAction):
    """The definition asked for; a question for something the documents never give («¿qué calificación
    sacó México en la métrica?», which NLU may read as «¿qué es la iniciativa?») gets the honest reply."""

    action_name = "action_definicion"
    honest_first = True

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        named = terms_named(kb, text_of(tracker))
        if len(named) > 1:  # «¿qué es un STL y qué es un PAL?»: each, in turn
            return "\n\n".join(definition_answer(kb, t) for t in named), [
                remember(Topic("definicion", named[-1]))
            ]
        term = TERMS.get(intent_of(tracker) or "", "iniciativa")
        return definition_answer(kb, term), [remember(Topic("definicion", term))]
