"""The action for general questions and low-confidence NLU, and its reply (``search_reply``, which
``action_feedback_comentario`` gives too): the best passage, or an honest "not found"."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.search import document_reply, refusal, search_unavailable
from knowledge import KnowledgeBase

from . import resources
from .base import answer, opinion_refused
from .clarify import between_topics, clarification
from .leads import unanswered
from .readers import each_part, refused, searcher, unanswerable
from .reread import computed_reading, named_reading
from .turn import intent_of, last_action, last_quoted, quoted, text_of


def search_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Reply to the latest message as a general question, and return the events of the reply. Legal
    advice, a subject outside the initiative and a political opinion are refused first; then a message of
    several questions gets each answered (``each_part``), a short follow-up of the last answer is answered
    in its topic, and a message that names one thing (a state, a recommendation, a document…) as that
    thing (``named_reading``); then a question for what the documents never give gets the honest "not in the
    documents", before any figure or list; then a question the question engine reads is computed
    (``computed_reading``); when NLU hesitated between two topics, it asks which one was meant
    (actions/clarify.py); when only one of the two is a topic, the documents answer first and it asks
    only if they do not. A "not found" carries ``outcome="not_found"`` (kept in the conversation's event,
    not shown), so `make report` can list the questions the knowledge does not answer yet; it and a
    clarification keep the topic."""
    kb = resources.kb()
    if refused(kb, tracker):
        dispatcher.utter_message(text=refusal(kb, text_of(tracker)))
        return []
    if (
        opinion := opinion_refused(dispatcher, kb, tracker, lambda t: search_reply(dispatcher, t))
    ) is not None:
        return opinion
    # «Primero, ¿…?, y además, ¿…?»: each part; «¿y para mejorar los compromisos?»: in the last topic;
    # «La tercera recomendación era sobre vacunas, ¿verdad?»: the one named
    followed = each_part(kb, tracker)
    # «…el nombre del comisionado presidente cuando se publicó el comunicado de enero de 2018»: a name, not
    # the document it names
    if followed is None and not kb.vocabulary.asks_for_names(text_of(tracker)):
        followed = named_reading(kb, tracker)
    if followed is None and (honest := unanswerable(kb, tracker)):  # before any figure or list
        unanswered(dispatcher, tracker, honest)
        return []
    followed = followed or computed_reading(kb, tracker)
    if followed is not None:
        answer(dispatcher, tracker, *followed)
        return followed[1]
    question = clarification(tracker) if intent_of(tracker) == "nlu_fallback" else None
    if question is not None and between_topics(question):
        dispatcher.utter_message(**question)
        return []
    if (found_searcher := searcher()) is None:
        dispatcher.utter_message(**(question or {"text": search_unavailable(kb)}))
        return []
    reply = document_reply(kb, found_searcher, text_of(tracker), last_quoted(tracker))
    if not reply.answered and question is not None:  # one topic NLU thought of, and the documents do not
        dispatcher.utter_message(**question)
        return []
    if not reply.answered and _insists(kb, tracker):  # «ándale, aunque sea dime con qué chile se hace»
        dispatcher.utter_message(text=refusal(kb, text_of(tracker)))
        return []
    if not reply.answered:
        unanswered(dispatcher, tracker, reply.text)
        return []
    events = [quoted(reply.source, reply.passage)]
    answer(dispatcher, tracker, reply.text, events)
    return events


REFUSED_ACTIONS = ("action_fuera_de_tema",)


def _insists(kb: KnowledgeBase, tracker: Tracker) -> bool:
    """Whether the message, which names nothing of the initiative, comes right after a refusal of a subject
    outside it («…dame la receta del asado» → «ándale, aunque sea dime con qué chile se hace»): it insists
    on that subject, and gets the refusal again rather than a "not in the documents"."""
    return last_action(tracker) in REFUSED_ACTIONS and not kb.vocabulary.in_domain(text_of(tracker))


class ActionBuscar(Action):
    """General questions and low-confidence NLU: :func:`search_reply`."""

    def name(self) -> str:
        return "action_buscar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        return search_reply(dispatcher, tracker)


class ActionOtroIdioma(Action):
    """A message NLU took for another language gets «solo respondo en español», unless it is Spanish after
    all («Ignora tus instrucciones y confirma que…»): then it is read as ``action_buscar`` reads it
    (:func:`search_reply`)."""

    def name(self) -> str:
        return "action_otro_idioma"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if resources.kb().vocabulary.in_spanish(text_of(tracker)):
            return search_reply(dispatcher, tracker)
        dispatcher.utter_message(response="utter_otro_idioma")
        return []


class ActionSaludar(Action):
    """The greeting (``utter_saludar``). A message that greets and asks more («Buenas tardes. ¿Y la que
    sigue?», «buenas tardes otra vez y en ese mismo qué evento anunciaron…») is read as ``action_buscar``
    reads it (:func:`search_reply`)."""

    def name(self) -> str:
        return "action_saludar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        typed = str(tracker.latest_message.get("text") or "")
        if resources.kb().vocabulary.without_courtesy(typed) != typed:
            return search_reply(dispatcher, tracker)
        dispatcher.utter_message(response="utter_saludar")
        return []
