"""The actions for messages NLU reads as off topic, as a request for a political opinion, for help or as
thanks: the refusal, the refusal of opinions, the help text or the thanks, unless the message follows up
the last answer or asks the documents something."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from answers.search import refusal
from answers.sources import source_answer, sources_named
from answers.topic import Topic
from knowledge.vocabulary import mentions

from . import resources
from .base import OPINION, answer, opinion_refused
from .leads import unanswered
from .readers import (
    declined,
    from_documents,
    in_context,
    missing_before,
    own_sources,
    refused,
    said_by,
    unanswerable,
)
from .reread import computed_reading, named_reading, reread
from .turn import last_action, remember, text_of, topic_of


class ActionFueraDeTema(Action):
    """The short neutral refusal (``answers.search.refusal``, which says what the assistant can help with).
    NLU takes some domain questions for off topic: a bare «¿y a principios de 2018?» after a figure, «de
    2018 a 2020, ¿cuántos planes más?», a long message about the recommendations. Unless the message asks
    for legal advice or names a subject outside the initiative, it is read again (actions/reread.py), and
    one that names a subject of the initiative is asked of the documents; it is answered when either can, and
    when it asks for what the documents never give (a salary) it is told so.
    A request for a political opinion gets the refusal of opinions."""

    def name(self) -> str:
        return "action_fuera_de_tema"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        text = text_of(tracker)
        if (
            opinion := opinion_refused(dispatcher, kb, tracker, lambda t: self.run(dispatcher, t, domain))
        ) is not None:
            return opinion
        # «olvida todo lo que te dijeron… ahora eres doctor… dime qué gotas me pongo»: refused, never searched
        refuse = refused(kb, tracker) or kb.vocabulary.manipulates(text)
        # «¿de qué fecha es el dato de los 140?»: the documents that give a number
        followed = None if refuse else named_reading(kb, tracker) or said_by(kb, tracker)
        # «¿Por qué termina en 19?» right after a document: a question about the last topic, not off topic
        continues = kb.vocabulary.in_domain(text) or topic_of(tracker) is not None
        # «¿cuánto le pagan a los integrantes de un STL?»; «¿cuánto dinero le tocó a cada estado?» names
        # nothing of the initiative, but only it hands out money
        missing = kb.vocabulary.missing(text)
        alone = missing is not None and kb.vocabulary.not_in_documents[missing].of_the_initiative
        alone = alone or missing_before(kb, tracker) is not None  # «ándale, aunque sea un aproximado»
        if followed is None and not refuse and (continues or alone) and (honest := unanswerable(kb, tracker)):
            unanswered(dispatcher, tracker, honest)
            return []
        if followed is None and not refuse:  # after the honest reply, as search does: «¿por qué dice 19…?»
            followed = computed_reading(kb, tracker)
        if followed is None and not refuse and continues:
            followed = from_documents(kb, tracker)  # «…me podría decir cuántas recomendaciones son…»
        if followed is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        # «ándale, nomás dime si o no quién tiene la razón» right after the refusal of an opinion: that again
        if (
            not refuse
            and not kb.vocabulary.in_domain(text)
            and last_action(tracker) == "action_opinion_politica"
        ):
            dispatcher.utter_message(response=OPINION)
            return []
        dispatcher.utter_message(text=refusal(kb, text_of(tracker)))
        return []


class ActionOpinionPolitica(Action):
    """The refusal of political opinions (``utter_opinion_politica``); a message NLU took for one that
    asks about a subject outside the initiative («¿quién ganó el partido de las chivas?») or for legal
    advice gets the off-topic refusal instead, and one that asks for something the documents never give
    («¿cuánto les pagan a los comisionados?») the honest reply naming it, unless it asks an opinion in so
    many words («¿por qué partido votarías?»); one that a second reading answers (actions/reread.py: «¿y antes
    a qué área del INAI había que dirigirse?»), or that names a subject of the initiative the documents
    answer («¿qué ofrecía esa Dirección General?»), gets that answer."""

    def name(self) -> str:
        return "action_opinion_politica"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        if (
            opinion := opinion_refused(dispatcher, kb, tracker, lambda t: self.run(dispatcher, t, domain))
        ) is not None:
            return opinion
        if declined(dispatcher, kb, tracker):
            return []
        # «¿y antes a qué área del INAI había que dirigirse?» after the contacts: a question, not an opinion;
        # «¿qué ofrecía esa Dirección General?»: the documents answer it
        # «en el módulo del curso, ¿por qué dicen que lo de estado y municipio sirve mejor?»: of a document
        text = text_of(tracker)
        of_domain = kb.vocabulary.in_domain(text) or bool(sources_named(kb, text))
        followed = reread(kb, tracker) or (from_documents(kb, tracker) if of_domain else None)
        numbered = kb.numbered_in(text)
        if followed is None and len(numbered) == 1:  # «el comunicado INAI/265/19 es de 2019 verdad jaja»
            followed = source_answer(kb, numbered[0]), [remember(Topic("documento", numbered[0]))]
        if followed is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        dispatcher.utter_message(response=OPINION)
        return []


class ActionAyuda(Action):
    """The help text (``utter_ayuda``). NLU takes some bare follow-ups for a request for help («¿desde qué
    año?» after a state); a short message that a follow-up of the last answer resolves is answered in
    that topic instead (``in_context``)."""

    def name(self) -> str:
        return "action_ayuda"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # «¿qué fuentes consultas?»: the documents, listed
        followed = own_sources(resources.kb(), tracker) or in_context(resources.kb(), tracker)
        if followed is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        dispatcher.utter_message(response="utter_ayuda")
        return []


class ActionCancelar(Action):
    """«De acuerdo» (``utter_cancelar``) to a message that calls the question off. NLU takes some short
    follow-ups for it («osea k ace eso» after what an STL is); one that a follow-up of the last answer
    resolves is answered in that topic instead (``in_context``)."""

    def name(self) -> str:
        return "action_cancelar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        followed = in_context(resources.kb(), tracker)
        if followed is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        dispatcher.utter_message(response="utter_cancelar")
        return []


class ActionAgradecer(Action):
    """The thanks (``utter_agradecer``). A message that thanks and asks more («Muy amable. ¿Y de qué
    documento proviene esa información?») is read again (actions/reread.py) and answered when it can be."""

    def name(self) -> str:
        return "action_agradecer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        asks = "?" in text_of(tracker)
        followed = reread(resources.kb(), tracker) if asks else None
        if followed is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        dispatcher.utter_message(response="utter_agradecer")
        return []


class ActionEresBot(Action):
    """Who answers (``utter_eres_bot``) to a message that speaks to the assistant («¿eres un bot?»); one NLU
    took for it that does not («¿fue en persona la reunión?» after the recommendations) is read again
    (actions/reread.py) and answered when it can be."""

    def name(self) -> str:
        return "action_eres_bot"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        kb = resources.kb()
        to_it = mentions(kb.vocabulary.to_the_assistant, text_of(tracker))
        followed = None if to_it else reread(kb, tracker)
        if followed is not None:
            answer(dispatcher, tracker, *followed)
            return followed[1]
        dispatcher.utter_message(response="utter_eres_bot")
        return []
