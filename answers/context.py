"""Follow-ups answered in the topic of the last answer: «¿quién la emitió?» after a recommendation, «¿de qué
fecha es esa guía?», «explícamelo fácil», a bare «¿y pal?» after a definition, «¿cuándo se sumó?» after a
state, «la siguiente» in a numbered list.

The dialogue keeps the last answer's topic in one slot (:class:`answers.topic.Topic`); every answer sets
it, so a new topic replaces the old one. Figures, lists and computed questions are followed up in
:mod:`answers.figure_followups`, states in :mod:`answers.state_followups`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge import KnowledgeBase
from knowledge.text import fold
from knowledge.vocabulary import mentions

from .contacts import contacts_answer, inai_today_answer
from .definitions import definition_answer, origin_answer, plain_definition_answer, purpose_answer, term_named
from .figure_followups import after_figure, after_listing, after_question
from .figure_questions import asked_figure
from .figures import (
    figure_answer,
    metric_of,
    month_of,
    since_answer,
    year_of,
)
from .guides import (
    all_guides_answer,
    guide_answer,
    guide_audience_answer,
    guide_date_answer,
    guide_issuer_answer,
    guide_of,
    guide_plain_answer,
    guides_in_answer,
    guides_issuer_answer,
)
from .recommendations import (
    all_recommendations_answer,
    audience_answer,
    issuer_answer,
    plain_answer,
    recommendation_answer,
)
from .sources import links_answer, source_answer, sources_answer, sources_named
from .state_followups import after_joined, after_state, after_states
from .states import list_answer
from .topic import Answer, Topic, follow_up_of


def followup_answer(kb: KnowledgeBase, topic: Topic, text: str, strict: bool = False) -> Answer | None:
    """The answer to ``text`` read as a follow-up of ``topic``, and the topic after it; None when the
    message asks nothing this topic can answer (the caller then reads it on its own). ``strict``: a
    state answers only a message that asks for a part of its status («¿desde qué año?»), not any."""
    if topic.kind != "estado" and kb.vocabulary.follow_up(text) == "current":
        # «¿y sigue existiendo?» after a contact, a guide, the SNT…: what became of INAI and the SNT since
        return inai_today_answer(kb), Topic("contacto", "inai")
    if topic.kind == "estado":
        return after_state(kb, topic, text, strict)
    term = topic.key.partition("@")[0]  # «lista:pal@2018», «cifra:stl»
    # «explícamelo fácil», not «Explíquemelo sencillo: ¿en cuántos planes aumentó la cifra…?»
    computes = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text)
    plain = kb.vocabulary.follow_up(text) == "plain" and not computes  # not «Explíqueme fácil: ¿cuáles…?»
    if topic.kind in ("lista", "cifra") and plain and kb.term(term):
        return plain_definition_answer(kb, term), Topic("definicion", term)  # «explícamelo fácil»
    handler = _FOLLOWUPS.get(topic.kind)
    return handler(kb, topic, text) if handler else None


def _recommendation_of(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    return _recommendation(kb, int(topic.key), text) if topic.key.isdigit() else None


def _recommendations(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y la última?», «¿quién las emitió?» after the four recommendations."""
    last = len(kb.recommendations.items)
    chosen = kb.vocabulary.ordinal(text) or kb.vocabulary.step(text, 0, last)  # «la última» of the list
    if chosen is not None and 1 <= chosen <= last:
        return recommendation_answer(kb, chosen), Topic("recomendacion", str(chosen))
    asks = follow_up_of(kb, text)
    if asks in ("issuer", "session", "date"):
        return issuer_answer(kb), topic
    if asks == "plain" or (asks is None and mentions(kb.vocabulary.context.says, text)):
        return all_recommendations_answer(kb), topic  # «¿y qué dicen, resumido?»: each in a line
    return (audience_answer(kb), topic) if asks == "audience" else None


def _guides(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y la segunda de qué trata?» after the list of guides."""
    chosen = kb.vocabulary.ordinal(text) or kb.vocabulary.step(text, 0, len(kb.guides))
    if chosen is None and (guide := guide_of(kb, None, text)) is not None:  # «¿y esa de los compromisos?»
        chosen = kb.guides.index(guide) + 1
    if chosen is None and follow_up_of(kb, text) == "issuer":  # «¿quién pone a disposición esas guías?»
        return guides_issuer_answer(kb), topic
    if chosen is None and kb.vocabulary.asks_link(text):  # «¿dónde las puedo bajar?»: each with its link
        return all_guides_answer(kb), topic
    named = sources_named(kb, text)  # «¿y cuál de esas no aparece en el comunicado del 14 de agosto?»
    if chosen is None and len(named) == 1 and mentions(kb.vocabulary.interrogatives, text):
        absent = mentions(kb.vocabulary.conditions.negation, text)
        return guides_in_answer(kb, named[0], absent), topic
    if chosen is None or not 1 <= chosen <= len(kb.guides):
        return None
    picked = Topic("guia", kb.guides[chosen - 1].id)
    return _guide(kb, picked, text) or (guide_answer(kb, kb.guides[chosen - 1]), picked)


def _document(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿de qué fecha es ese documento?», «¿a quién va dirigido?» (what it says of itself), «¿y el del 27 de
    marzo de 2018?» (the same of the document of that kind and date); not «¿qué busca ese compromiso?»,
    which the documents' text answers."""
    asked = ("date", "source", "issuer", "audience")
    ref = topic.document  # «inai-083-18#4» keeps a passage of the document
    if (other := _of_date(kb, ref, text) or _next_dated(kb, ref, text)) is not None:
        return source_answer(kb, other), Topic("documento", other)
    if ref == kb.recommendations.source and (moved := _recommendations(kb, topic, text)) is not None:
        return moved  # «¿y la última de ellas?» after a sentence of the recommendations
    if ref in kb.sources and kb.vocabulary.asks_link(text) and follow_up_of(kb, text) not in asked:
        return links_answer(kb, ref), topic  # «¿y el link?»
    # «¿y qué número trae?»: what the document says of itself
    asks_it = follow_up_of(kb, text) in asked or mentions(kb.vocabulary.documents.number, text)
    if ref not in kb.sources or not asks_it or _of_something_else(kb, text):
        return None
    if mentions(kb.vocabulary.devised, text):  # «¿y con qué instancia ideó el INAI el proyecto?»: no issuer
        return None
    return source_answer(kb, ref), topic


NEXT_DOCUMENT_WORDS = 8  # «¿Y el que le sigue en orden cronológico?»: no longer


def _next_dated(kb: KnowledgeBase, ref: str, text: str) -> str | None:
    """«¿Y el que le sigue en orden cronológico?», «¿y el anterior?» after a dated document: the dated
    document next to it; None when the message moves nowhere or ``ref`` has no date."""
    dates = {r: source.date for r, source in kb.sources.items() if source.date is not None}
    dated = sorted(dates, key=lambda r: dates[r])
    if ref not in dated or len(text.split()) > NEXT_DOCUMENT_WORDS:  # not «…que luego me acusan…»
        return None
    moved = kb.vocabulary.step(text, dated.index(ref) + 1, len(dated))
    return (
        dated[moved - 1]
        if moved is not None and 1 <= moved <= len(dated) and dated[moved - 1] != ref
        else None
    )


def _of_something_else(kb: KnowledgeBase, text: str) -> bool:
    """«¿De qué trata ese compromiso?» after a document: what it says of a thing it names (its text
    answers), not what the document is about («¿de qué trata ese comunicado?»)."""
    pointed = mentions(kb.vocabulary.context.demonstratives.far, text)
    return (
        pointed
        and mentions(kb.vocabulary.context.says, text)
        and not mentions(kb.vocabulary.documents.kind_words, text)
    )


SAYS_WORDS = 5  # «¿y qué les pide exactamente?»: no longer, or it asks which recommendation says something
_THE_ONE_OF = re.compile(r"\W*(?:y\s+)?(?:el|la)\s+(?:del?|que)\b")  # «¿y el del 27 de marzo de 2018?»


def _of_date(kb: KnowledgeBase, ref: str, text: str) -> str | None:
    """The one other document of the kind of ``ref`` dated the year (and month) ``text`` names, if any; «ese
    mismo año» is the year of ``ref``."""
    year, month = year_of(text), month_of(text)
    dated = kb.sources[ref].date if ref in kb.sources else None
    if year is None and dated is not None and mentions(kb.vocabulary.conditions.same_year, text):
        year = dated.year  # «¿y el del 27 de marzo de ese mismo año?»
    if ref not in kb.sources or year is None or not _THE_ONE_OF.match(fold(text)):
        return None
    found = [
        other
        for other, source in kb.sources.items()
        if other != ref
        and source.kind == kb.sources[ref].kind
        and source.date is not None
        and source.date.year == year
        and month in (None, source.date.month)
    ]
    return found[0] if len(found) == 1 else None


def _recommendation(kb: KnowledgeBase, ordinal: int, text: str) -> Answer | None:
    last = len(kb.recommendations.items)
    # a message naming its recommendation does not move along («…la cuarta… durante y después de…»)
    step = kb.vocabulary.step(text, ordinal, last) if kb.vocabulary.ordinal(text) is None else None
    if step is not None and step != ordinal:  # «esa última» stays on it: what is asked of it follows
        return recommendation_answer(kb, step), Topic("recomendacion", str(step))
    asks = follow_up_of(kb, text)
    topic = Topic("recomendacion", str(ordinal))
    if asks in ("issuer", "session", "date"):
        return issuer_answer(kb, ordinal), topic
    if asks == "audience":
        return audience_answer(kb, ordinal), topic
    # «¿cuál es la fecha del documento y tiene número?»: the document that gives it; not «¿de qué trata?»
    if asks == "source" and mentions(kb.vocabulary.documents.kind_words, text):
        return source_answer(kb, kb.recommendations.source), topic
    if asks == "plain":
        return plain_answer(kb, ordinal), topic
    says = len(text.split()) <= SAYS_WORDS and mentions(kb.vocabulary.context.says, text)
    if asks == "back" or (asks is None and says):  # «¿y qué les pide?»
        return recommendation_answer(kb, ordinal), topic
    return None


# «¿y para…?», «¿y la de…?», «¿y hay otra de…?»
_OTHER_PURPOSE = re.compile(
    r"\W*(?:y\s+)?(?:(?:hay|existe|tienen)\s+)?(?:(?:otra|alguna|una)\s+)?"
    r"(?:para|pa|la de|la del|de|d|sobre)\b"
)


def _guide(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    guide = next((g for g in kb.guides if g.id == topic.key), None)
    if guide is None:
        return None
    position = kb.guides.index(guide) + 1
    moved = kb.vocabulary.step(text, position, len(kb.guides))  # «¿y la siguiente?»
    if moved is not None and 1 <= moved <= len(kb.guides) and moved != position:
        return guide_answer(kb, kb.guides[moved - 1]), Topic("guia", kb.guides[moved - 1].id)
    other = guide_of(kb, None, text) if _OTHER_PURPOSE.match(fold(text)) else None
    # «¿y el link de la de secretariados?», «¿y si quiero publicar info proactiva?»: the guide it names by the
    # guide's own words, unless it counts something (not «¿cuántos compromisos hay?»)
    asks_guide = kb.vocabulary.asks_link(text) or not kb.vocabulary.asks_count(text)
    named = kb.vocabulary.guide(text) if asks_guide else None
    other = other or next((g for g in kb.guides if g.id == named), None)
    if other is not None and other != guide:  # «¿y para mejorar los compromisos?»: its guide
        return guide_answer(kb, other), Topic("guia", other.id)
    asks = follow_up_of(kb, text)
    if asks in ("date", "issuer") and {"date", "issuer"} <= kb.vocabulary.follow_ups(text):
        return guide_date_answer(kb, guide, issuer_too=True), topic  # «¿de qué fecha es y quién la hizo?»
    if asks == "date":
        return guide_date_answer(kb, guide), topic
    if asks == "issuer":
        return guide_issuer_answer(kb, guide), topic
    if asks == "audience":
        return guide_audience_answer(kb, guide), topic
    if asks == "plain":
        return guide_plain_answer(kb, guide), topic
    if kb.vocabulary.asks_link(text) or asks in ("back", "source", "purpose"):
        return guide_answer(kb, guide), topic
    return None


def _definition(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    if (moved := _next_step(kb, topic.key, text)) is not None:  # «¿y después de instalarlo qué sigue?»
        return definition_answer(kb, moved), Topic("definicion", moved)
    other = term_named(kb, text)
    if other is not None and other != topic.key:
        return definition_answer(kb, other), Topic("definicion", other)
    term = kb.term(topic.key)
    if term is not None and term.steps and mentions(kb.vocabulary.figure_questions.since, text):
        return since_answer(kb), topic  # «¿desde cuándo?» after the initiative: since its first states joined
    asks = follow_up_of(kb, text)
    if term is not None and _of_something_else(kb, text):
        return definition_answer(kb, topic.key), topic  # «¿de qué trata ese compromiso?»: what it is
    if term is not None and asks in ("date", "source"):  # «¿de qué fecha es eso?»
        return sources_answer(kb, list(dict.fromkeys(d.source for d in term.definitions))), topic
    # «¿y quién la inventó?»: who devised it, where the glossary says
    devised = origin_answer(kb, topic.key) if term and mentions(kb.vocabulary.devised, text) else None
    if devised is not None:
        return devised, topic
    if term is not None and asks == "issuer":  # «¿y quién la impulsa?»: the definition says who
        return definition_answer(kb, topic.key), topic
    listed = metric_of(kb, term.term) if term is not None else None
    if listed in ("stl", "pal") and mentions(kb.vocabulary.figure_questions.which_states, text):
        return list_answer(kb, listed), Topic("lista", listed)  # «¿y en qué estados están?»: counted too
    counted = listed if kb.vocabulary.asks_count(text) else None
    if counted is not None and metric_of(kb, text) is None:  # «¿y cuántos hay?» after what a STL is
        if (year := year_of(text)) is not None:  # «¿y cuántos había a principios de 2018?»
            return asked_figure(kb, text, counted)[0], Topic("cifra", f"{counted}@{year}")
        return figure_answer(kb, counted), Topic("cifra", counted)
    if term is not None and asks == "members":  # «¿y quiénes lo forman?»: the definition says it
        return definition_answer(kb, topic.key), topic
    if asks == "purpose" and (purpose := purpose_answer(kb, topic.key)) is not None:  # «¿pa qué me sirve?»
        return purpose, topic
    if kb.vocabulary.follow_up(text) == "plain" and kb.term(topic.key) is not None:
        return plain_definition_answer(kb, topic.key), topic
    return None


def _contacts(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿Y el link?», «¿y el teléfono?» after the contacts or what became of INAI: the pages of contacts the
    documents give (and that they give no phone or e-mail); «¿qué medio lo reportó?», «¿y el SNT?»: the
    dated notes on what became of INAI and the SNT, with their sources; «¿y hoy quién tiene esas
    funciones?»: the same notes."""
    if kb.vocabulary.asks_link(text) or mentions(kb.vocabulary.contact_details, text):
        return contacts_answer(kb, text), Topic("contacto", "inai")
    since = mentions(kb.vocabulary.figure_questions.since, text)  # «¿cómo que extinto? ¿desde cuándo?»
    if (
        since
        or follow_up_of(kb, text) in ("source", "date", "current")
        or mentions(kb.vocabulary.context.also_gone, text)
    ):
        return inai_today_answer(kb), topic  # «¿qué medio lo reportó?», «¿y hoy quién lo hace?»: the notes
    return None


def _next_step(kb: KnowledgeBase, term_id: str, text: str) -> str | None:
    """The step «la siguiente» or «¿qué sigue?» leads to from a term that is a step of another (the STL,
    then the PAL); None for a term that is no step, or a message that moves nowhere."""
    if (parent := kb.step_parent(term_id)) is None:
        return None
    at = parent.steps.index(term_id) + 1
    moved = kb.vocabulary.step(text, at, len(parent.steps))
    return (
        parent.steps[moved - 1]
        if moved is not None and moved != at and 1 <= moved <= len(parent.steps)
        else None
    )


# what a follow-up of each kind of topic can ask (a state's, which also takes ``strict``, is read apart)
_FOLLOWUPS: dict[str, Callable[[KnowledgeBase, Topic, str], Answer | None]] = {
    "contacto": _contacts,
    "recomendacion": _recommendation_of,
    "recomendaciones": _recommendations,
    "guia": _guide,
    "guias": _guides,
    "ingreso": after_joined,
    "documento": _document,
    "definicion": _definition,
    "cifra": after_figure,
    "consulta": after_question,
    "lista": after_listing,
    "estados": after_states,
}
