"""The action for a follow-up («¿y stl?», «¿y antes?», «la siguiente», «¿quién la emitió?», «explícamelo
fácil», «¿y pal?»): answered in the topic of the previous answer.

Why an action and not rules: the topic is the object of the last answer (slot ``tema``: a state, a
recommendation, a guide, a definition, a figure or a list), which every answer action sets and rules
cannot branch on without featurising it in every story. The routing is one function
(:func:`answers.context.followup_answer`) over the same reply functions the topic actions use; no
action calls another action's ``run()``.
"""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.context import followup_answer
from answers.definitions import definition_answer, terms_named
from answers.figures import metric_of, year_of
from answers.guides import guide_answer, guide_of
from answers.search import document_reply, search_unavailable
from answers.states import lists_not_why
from answers.topic import Topic
from knowledge import KnowledgeBase
from knowledge.base import INITIATIVE
from knowledge.vocabulary import mentions

from . import resources
from .base import answer, opinion_refused
from .figures import figures_reply
from .leads import unanswered
from .readers import (
    against_the_list,
    along_the_document,
    any_intent,
    computed,
    explained,
    figures_again,
    footnote,
    how_to,
    of_the_cited,
    recommendation_alone,
    repeated,
    state_alone,
    unanswerable,
)
from .states import of_the_same_year, state_reply, which_have
from .turn import Reply, last_quoted, quoted, remember, remembered, text_of, topic_of

log = logging.getLogger(__name__)

STORY_WORDS = 30  # a message longer than this tells a story before its question («me acuerdo que en 2018…»)


def followup_reply(kb: KnowledgeBase, tracker: Tracker) -> tuple[Reply, bool]:
    """The reply to a follow-up and whether it answers: in the last topic when it answers it; else the
    guide whose link it asks for; else as a question on figures when it names a figure or a year; else
    from the documents (or an honest "not found", which keeps the topic for the next message)."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    # «¿Y por qué no lo tienen?» after a list of states: no reasons in the documents
    listed = topic is not None and topic.kind in ("consulta", "lista", "ingreso", "estados")
    if listed and mentions(kb.vocabulary.why, text) and not resources.state_finder().find(text):
        return (lists_not_why(kb), [remember(topic)]), True
    if (again := repeated(kb, tracker) or figures_again(kb, tracker)) is not None:  # «¿me lo repite?»,
        return again, True  # «¿Y en 2020?» after two figures of 2018
    if along := along_the_document(kb, tracker) or against_the_list(kb, tracker) or footnote(kb, tracker):
        return (
            along,
            True,
        )  # «¿y qué sigue?» after a quote, «¿y cuáles no?» after a list, «¿y la 4?» after a note
    if (cited := of_the_cited(kb, tracker)) is not None:
        return cited, True  # «¿de qué fecha es ese comunicado?» after an answer citing one, even a state's
    if (alone := recommendation_alone(kb, tracker)) is not None:
        return alone, True  # «q dice la 3», «y la 2?» even right after a state
    if topic and topic.kind == "estado" and (which := which_have(kb, tracker)) is not None:
        return which, True  # «¿y en cuáles sí hay?» after whether a state has an STL
    if topic and topic.kind == "estado" and (how := how_to(kb, tracker)) is not None:
        return how, True  # «entonces, ¿cómo participo yo?» right after a state: how, not the state again
    if topic and topic.kind == "estado" and (those := of_the_same_year(kb, tracker)) is not None:
        return those, True  # «¿y quiénes más entraron ese mismo año?», «¿y al año siguiente?»
    if topic and (plain := explained(kb, tracker)) is not None:
        return plain, True  # «ok pero explícame fácil qué es eso de plan de acción» after a state
    # «y cuantos planes hay en todo el pais?» right after a state: the country's figure
    countrywide = mentions(kb.vocabulary.context.countrywide, text) and kb.vocabulary.asks_count(text)
    if countrywide and metric_of(kb, text) and not resources.state_finder().find(text):
        return figures_reply(kb, tracker), True
    if topic and topic.kind == "estado" and (about_state := state_reply(kb, tracker)) is not None:
        return about_state, True  # the state in the slot: the one just named («¿y Guanajuato?») or the last
    if topic is None and (alone := state_alone(kb, tracker)) is not None:
        return alone, True  # «cdmx» with nothing before it
    if (about := any_intent(kb, tracker)) is not None:
        return about, True  # «¿qué número tiene el comunicado de 2020?», «¿a quién le pido asesoría?»
    # «¿y cuáles de esas entidades ya tenían plan?» after how many STL there were, «¿y cuántos de esos ya
    # tenían plan?» after a list: of those states (not «¿cuántos compromisos sumaban esos planes?»)
    those = topic and topic.kind in ("cifra", "lista") and kb.vocabulary.refers_to_those(text)
    those = those and metric_of(kb, text) in (None, "estados", "stl", "pal")
    # «explícamelo fácil, ¿qué trae adentro uno de esos?»: the plain words of the last thing, no filter
    those = those and kb.vocabulary.follow_up(text) != "plain"
    if those and (found_those := computed(kb, tracker)) is not None:
        return found_those, True
    # «ok, explícamelo fácil: ¿quiénes se sientan en uno de esos secretariados?»: the one term's definition
    # says who (not the figure it names)
    named = terms_named(kb, text)
    members = "members" in kb.vocabulary.follow_ups(text) and len(named) == 1 and named[0] != INITIATIVE
    if members and not resources.state_finder().find(text):
        return (definition_answer(kb, named[0]), [remember(Topic("definicion", named[0]))]), True
    found = followup_answer(kb, topic, text) if topic else None
    if found is not None:
        return (found[0], remembered(found[1])), True
    if (found_computed := computed(kb, tracker)) is not None:
        return found_computed, True  # «¿y cuáles faltan?»
    guides = kb.vocabulary.guides_named(text)  # «¿y el enlace de la de compromisos?»
    if kb.vocabulary.asks_link(text) and len(guides) == 1 and (guide := guide_of(kb, guides[0])):
        return (guide_answer(kb, guide), remembered(Topic("guia", guide.id))), True
    # «¿y antes?» after a figure or a list; after a recommendation «la anterior» is no figure's history
    history = kb.vocabulary.asks_history(text) and (
        topic is None or topic.kind in ("cifra", "lista", "consulta")
    )
    # «…un boletín de 2018… ¿cómo se llamaba ese compromiso?»: a long message that counts nothing is no
    # figure's follow-up, whatever year or figure it names in passing
    figured = len(text.split()) <= STORY_WORDS or kb.vocabulary.asks_count(text)
    if (metric_of(kb, text) or year_of(text) or history) and figured:
        return figures_reply(kb, tracker), True
    try:
        searcher = resources.searcher()
    except Exception:
        log.exception("search is unavailable")
        return (search_unavailable(kb), []), False
    reply = document_reply(kb, searcher, text, last_quoted(tracker))  # «¿y cuánto dura en total?»: of it
    return (reply.text, [quoted(reply.source, reply.passage)] if reply.answered else []), reply.answered


class ActionSeguimiento(Action):
    def name(self) -> str:
        return "action_seguimiento"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        if (
            opinion := opinion_refused(dispatcher, kb, tracker, lambda t: self.run(dispatcher, t, domain))
        ) is not None:
            return opinion
        if honest := unanswerable(kb, tracker):
            unanswered(dispatcher, tracker, honest)
            return []
        (text, events), answered = followup_reply(kb, tracker)
        if answered:
            answer(dispatcher, tracker, text, events)
        else:
            unanswered(dispatcher, tracker, text)
        return events
