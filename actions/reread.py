"""A second reading of a message NLU sent to search or to the off-topic refusal."""

from __future__ import annotations

from rasa_sdk import Tracker

from answers.definitions import steps_source
from answers.recommendations import ordinal_of, recommendation_answer
from answers.topic import Topic
from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

from .definitions import not_a_term
from .figures import counted
from .readers import (
    after_the_documents,
    any_intent,
    computed,
    continued,
    figures_of_date,
    in_context,
    recommendation_alone,
    state_alone,
)
from .recommendations import subject_reply
from .turn import Reply, remembered, text_of, topic_of


def about_recommendations(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué dicen las recomendaciones sobre los datos abiertos?»: a message that names the
    recommendations (or follows one of them up: «¿y cuál pide documentar?») and asks which treat a subject
    gets those that do, or that none does; None otherwise."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    after_them = topic is not None and topic.kind in ("recomendacion", "recomendaciones")
    if not (mentions(kb.vocabulary.about.names, text) or after_them):
        return None
    ordinal = ordinal_of(kb, None, text)
    if (about := subject_reply(kb, text, ordinal)) is not None:
        return about
    # «la tercera de esas recomendaciones del covid que dice, algo de empleos? porque aquí…»: that one
    if (
        ordinal is not None
        and mentions(kb.vocabulary.context.says, text)
        and (item := kb.recommendation(ordinal))
    ):
        return recommendation_answer(kb, item.ordinal), remembered(Topic("recomendacion", str(item.ordinal)))
    return None


def term_of_topic(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """The glossary term the last answer defined, or the one whose steps the document it was about gives
    («¿cuáles son los dos pasos de cómo funciona eso que dice ahí?» after the training module)."""
    topic = topic_of(tracker)
    if topic is not None and topic.kind == "definicion":
        return topic.key
    if topic is not None and topic.kind == "documento":
        document = topic.document
        stepped = [term.id for term in kb.glossary if term.steps and steps_source(kb, term.id) == document]
        return stepped[0] if stepped else None
    return None


def named_reading(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The answer when the message is a short follow-up of the last answer, a state or a recommendation
    named alone, one of the readings of :func:`any_intent` (the documents, advice, plain words, a guide,
    what one glossary term is, how to do something), or asks which recommendations treat a subject; None
    when it is none of these."""
    return (
        in_context(kb, tracker)
        or state_alone(kb, tracker)
        or recommendation_alone(kb, tracker)
        or any_intent(kb, tracker, term_of_topic(kb, tracker))  # «¿y eso cómo se hace en los estados?»
        or about_recommendations(kb, tracker)  # «La tercera era sobre vacunas, ¿verdad?»: what it is about
    )


def reread(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The answer when the message is read by :func:`named_reading`, or is a count of one of the figures,
    a question the question engine computes, the figures of a date, a thing the documents do not define,
    names a year of the notes on what came after the documents, or continues the question of a quote
    (:func:`actions.readers.continued`); None when it is none of these."""
    return named_reading(kb, tracker) or computed_reading(kb, tracker)


def computed_reading(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The second half of :func:`reread`: what a message that names no one thing may still ask."""
    return (
        counted(kb, tracker)  # a count of figures first: «¿cuántos STL y cuántos planes nuevos?»
        or computed(kb, tracker)
        or figures_of_date(kb, tracker)  # «¿cuál es la cifra correcta de agosto de 2020?»
        or not_a_term(kb, tracker)
        or after_the_documents(kb, tracker)
        or continued(kb, tracker)
    )
