"""The action for what the initiative, an STL or a PAL is."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.acronyms import acronym_answer
from answers.definitions import definition_answer, origin_answer, terms_named, undefined_asked
from answers.search import document_reply, not_defined
from answers.topic import Topic
from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

from .base import AnswerAction
from .figures import counted
from .readers import INITIATIVE, computed, from_documents, how_to, searcher, sharper
from .turn import Reply, intent_of, quoted, remember, text_of

TERMS = {"que_es_iniciativa": "iniciativa", "que_es_stl": "stl", "que_es_pal": "pal"}


def not_a_term(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué es un organismo garante?»: what a message asks the meaning of when the documents define no such
    thing (:func:`answers.definitions.undefined_asked`), said so with the sentence that mentions it when
    they have one; None otherwise, or when the documents cannot be searched."""
    text = text_of(tracker)
    phrase = None if terms_named(kb, text) else undefined_asked(kb, text)
    if phrase is None:
        return None
    # «q es el inai»: the name the documents write before the acronym
    if " " not in phrase and (expanded := acronym_answer(kb, phrase.upper())) is not None:
        return expanded, [remember(None)]
    if (found := searcher()) is None:
        return None
    mention = document_reply(kb, found, text)
    return not_defined(kb, phrase, mention), [quoted(mention.source)]


class ActionDefinicion(AnswerAction):
    """The definition asked for; a question for something the documents never give («¿qué calificación
    sacó México en la métrica?», which NLU may read as «¿qué es la iniciativa?») gets the honest reply;
    a question for a detail the definition does not give («¿con quién ideó el INAI el proyecto?»), the
    sentence of the documents that gives it; a question how to put an STL or a PAL into practice («¿cómo
    armo un plan de acción?»), the definition and the guide for it, and for the initiative, how it works
    step by step (:func:`actions.readers.how_to`)."""

    action_name = "action_definicion"
    honest_first = True

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        text = text_of(tracker)
        named = terms_named(kb, text)
        if len(named) > 1:  # «¿qué es un STL y qué es un PAL?»: each, in turn
            return "\n\n".join(definition_answer(kb, t) for t in named), [
                remember(Topic("definicion", named[-1]))
            ]
        # «¿cuántos compromisos suma hoy la iniciativa Cocreación desde lo local?»: a figure, named with the
        # initiative's name
        if (figure := counted(kb, tracker)) is not None:
            return figure
        # «¿Qué entidades se adhirieron a la iniciativa Cocreación desde lo Local en 2017?»: which states
        asks_states = mentions(kb.vocabulary.figure_questions.which_states, text)
        # «¿En qué año empezó la iniciativa…? Es para una línea del tiempo»: since when states join it
        asks = kb.vocabulary.figure_questions
        began = mentions(asks.started, text) or mentions(asks.since, text)
        if (asks_states or began) and (states := computed(kb, tracker)) is not None:
            return states
        if intent_of(tracker) not in ("que_es_stl", "que_es_pal") and (unknown := not_a_term(kb, tracker)):
            return unknown  # «¿qué es el SNT?»: not the initiative's definition
        term = TERMS.get(intent_of(tracker) or "", "iniciativa")
        if (how := how_to(kb, tracker, term)) is not None:  # «¿cómo armo un PAL?»: and its guide
            return how
        definition = definition_answer(kb, term)
        if kb.vocabulary.follow_up(text) == "members" and term != INITIATIVE:
            return definition, [remember(Topic("definicion", term))]  # «¿quiénes deben integrarlo?»: it says
        if mentions(kb.vocabulary.devised, text) and (origin := origin_answer(kb, term)) is not None:
            return origin, [remember(Topic("definicion", term))]  # «¿quién inventó lo de Cocreación…?»
        if mentions(kb.vocabulary.beyond_definition, text) and (found := from_documents(kb, tracker)):
            return found  # «¿con quién ideó el INAI el proyecto?»: a detail no definition gives
        if not kb.vocabulary.asks_definition(text):  # «¿qué le aporta a mi estado?»
            # the overview with the aliases: what the term stands for
            named_as = " ".join(found_term.aliases) if (found_term := kb.term(term)) else ""
            if sharpened := sharper(kb, tracker, f"{definition} {named_as}"):
                return sharpened
        return definition, [remember(Topic("definicion", term))]
