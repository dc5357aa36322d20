"""Follow-ups answered in the topic of the last answer: «¿quién la emitió?» after a recommendation, «¿de qué
fecha es esa guía?», «explícamelo fácil», a bare «¿y pal?» after a definition, «¿cuándo se sumó?» after a
state, «la siguiente» in a numbered list.

The dialogue keeps the last answer's topic as a short text (``Topic``: a kind and the object's key) in
one slot; every answer sets it, so a new topic replaces the old one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from knowledge import KnowledgeBase
from knowledge.schema import State
from knowledge.text import fold
from knowledge.vocabulary import mentions

from .contacts import contacts_answer, inai_today_answer
from .definitions import definition_answer, plain_definition_answer, purpose_answer, term_named
from .figures import (
    change_answer,
    figure_answer,
    figure_question_answer,
    figure_source_answer,
    metric_of,
    metrics_named,
    month_of,
    national_only,
    national_only_answer,
    year_of,
)
from .guides import (
    guide_answer,
    guide_audience_answer,
    guide_date_answer,
    guide_issuer_answer,
    guide_of,
    guide_plain_answer,
    guides_issuer_answer,
)
from .questions import THEN, added_since_answer, combined_answer
from .recommendations import audience_answer, issuer_answer, plain_answer, recommendation_answer
from .sources import source_answer, sources_answer
from .states import (
    affirmed,
    joined_in_answer,
    list_answer,
    list_reply,
    members_answer,
    status_answer,
    status_in_year,
)

KINDS = (
    "estado",
    "estados",
    "recomendacion",
    "recomendaciones",
    "guia",
    "guias",
    "definicion",
    "cifra",
    "lista",
    "contacto",
    "consulta",
    "documento",
    "ingreso",
)


@dataclass(frozen=True)
class Topic:
    """What the last answer was about: ``estado:Jalisco`` (``estados:Oaxaca|Sonora`` for a few),
    ``recomendacion:3``, ``guia:guia-stl``, ``definicion:stl``, ``cifra:stl`` (``cifra:stl@2018`` for a
    year's figure, ``cifra:stl@historia`` for its history or change), ``lista:pal``,
    ``recomendaciones:todas``, ``guias:todas`` (the list of guides), ``contacto:inai``,
    ``consulta:<question>`` (a question the question engine computed: «y de esos…» filters its states
    further), ``documento:<source id>`` (the document a quoted answer comes from), ``ingreso:2016`` (the
    states that joined in a year)."""

    kind: str
    key: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, value: object) -> Topic | None:
        """The topic a slot holds, or None when it holds none (or something else)."""
        if not isinstance(value, str) or ":" not in value:
            return None
        kind, key = value.split(":", 1)
        return cls(kind, key) if kind in KINDS and key else None


Answer = tuple[str, Topic]
# «¿y en 2018?» after a state: that state in that year (a longer «¿cuántos STL había en 2018?»: all of them)
YEAR_ELLIPSIS_WORDS = 4
BARE_WHEN_WORDS = 3  # «¿y cuándo?», «¿cuándo fue?» after something dated: its date
STATES_SEPARATOR = "|"  # ``estados:Oaxaca|Sonora``: the states of the last answer
HISTORY = "historia"  # ``cifra:compromisos@historia``: the last answer gave the figure's history or change


def followup_answer(kb: KnowledgeBase, topic: Topic, text: str, strict: bool = False) -> Answer | None:
    """The answer to ``text`` read as a follow-up of ``topic``, and the topic after it; None when the
    message asks nothing this topic can answer (the caller then reads it on its own). ``strict``: a
    state answers only a message that asks for a part of its status («¿desde qué año?»), not any."""
    if topic.kind != "estado" and kb.vocabulary.follow_up(text) == "current":
        # «¿y sigue existiendo?» after a contact, a guide, the SNT…: what became of INAI and the SNT since
        return inai_today_answer(kb), Topic("contacto", "inai")
    if topic.kind == "estado":
        return _state(kb, topic, text, strict)
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
    asks = _asks(kb, text)
    if asks in ("issuer", "session", "date"):
        return issuer_answer(kb), topic
    return (audience_answer(kb), topic) if asks == "audience" else None


def _guides(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y la segunda de qué trata?» after the list of guides."""
    chosen = kb.vocabulary.ordinal(text) or kb.vocabulary.step(text, 0, len(kb.guides))
    if chosen is None and _asks(kb, text) == "issuer":  # «¿quién pone a disposición esas guías?»
        return guides_issuer_answer(kb), topic
    if chosen is None or not 1 <= chosen <= len(kb.guides):
        return None
    picked = Topic("guia", kb.guides[chosen - 1].id)
    return _guide(kb, picked, text) or (guide_answer(kb, kb.guides[chosen - 1]), picked)


def _joined(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y al año siguiente?», «¿y en 2015?» after the states that joined in 2016."""
    if not topic.key.isdigit():
        return None
    joined = int(topic.key)
    if kb.vocabulary.asks_count(text) and len(text.split()) <= AGAIN_WORDS:  # «¿cuántos son?»
        return joined_in_answer(kb, joined), topic
    year = year_of(text) if len(text.split()) <= YEAR_ELLIPSIS_WORDS else None
    # the next or the previous year («la última»: none)
    moved = year or kb.vocabulary.step(text, joined, joined)
    if moved is None or moved == joined:
        return None
    return joined_in_answer(kb, moved), Topic("ingreso", str(moved))


def _document(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿de qué fecha es ese documento?», «¿a quién va dirigido?» (what it says of itself); not «¿qué busca
    ese compromiso?», which the documents' text answers."""
    asked = ("date", "source", "issuer", "audience")
    if topic.key not in kb.sources or _asks(kb, text) not in asked:
        return None
    return source_answer(kb, topic.key), topic


def _listing(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """Its date or source, what was added since, «¿y cuáles no?», the list of another year, or the other
    list («¿y con plan?»)."""
    if (dated := _list_source(kb, topic, text)) is not None:
        return dated, topic
    if (added := _added_since(kb, topic, text)) is not None:
        return added
    kind = topic.key.partition("@")[0]
    if kb.vocabulary.asks_absence(text):  # «¿y cuáles no?»
        return list_reply(kb, kind, text), Topic("lista", kind)
    if (year := year_of(text)) is not None and len(text.split()) <= YEAR_ELLIPSIS_WORDS:  # «¿y en 2018?»
        return list_answer(kb, kind, year), Topic("lista", f"{kind}@{year}")
    if (aspect := kb.vocabulary.aspect(text)) in ("stl", "pal"):
        return list_answer(kb, aspect), Topic("lista", aspect)
    return None


def _several_states(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y cuál se sumó primero?» after a few states: each of them."""
    states = [state for name in topic.key.split(STATES_SEPARATOR) if (state := kb.state(name))]
    aspect = kb.vocabulary.aspect(text) or ("ingreso" if kb.vocabulary.asks_when(text) else None)
    if len(states) < 2 or aspect is None:
        return None
    return "\n".join(status_answer(kb, state, aspect) for state in states), topic


def of_the_country(kb: KnowledgeBase, state: State, text: str) -> str | None:
    """«¿Cuántos compromisos tiene ese plan?» of a state: the documents give that figure for the country
    only, said so with it (after the part of the state's status the message asks, if any); None when the
    message asks no such figure."""
    if (metric := national_only(kb, text)) is None:
        return None
    said = national_only_answer(kb, metric, state.name, text)
    aspect = kb.vocabulary.aspect(text)
    return f"{status_answer(kb, state, aspect)}\n{said}" if aspect in ("stl", "pal", "ingreso") else said


def _state(kb: KnowledgeBase, topic: Topic, text: str, strict: bool) -> Answer | None:
    """A part of the state's status («¿y cuántos planes?»), or its status in a year («¿y en 2018?»)."""
    if (state := kb.state(topic.key)) is None:
        return None
    if (countrywide := of_the_country(kb, state, text)) is not None:  # «¿cuántos compromisos tiene ese plan?»
        return countrywide, topic
    aspect = kb.vocabulary.aspect(text)
    ellipsis = len(text.split()) <= YEAR_ELLIPSIS_WORDS or kb.vocabulary.of_one(text)
    national = kb.vocabulary.national(text)
    if (year := year_of(text)) is not None and aspect != "ingreso" and ellipsis and not national:
        # «¿y en 2018?», «¿y cuántos tenía en 2018?»
        return affirmed(kb, state, text, aspect, year) + status_in_year(kb, state, year, aspect), topic
    if (members := members_answer(kb, state, text)) is not None:  # «¿quiénes están en ese secretariado?»
        return members, topic
    if strict and aspect is None and kb.vocabulary.follow_up(text) not in ("back", "source"):
        return None  # «¿de qué documento sale eso?»: the status, which names its sources
    return affirmed(kb, state, text, aspect) + status_answer(kb, state, aspect), topic


def _asks(kb: KnowledgeBase, text: str) -> str | None:
    """What a follow-up asks of the last answer (:meth:`knowledge.vocabulary.Vocabulary.follow_up`); a bare
    «¿y cuándo?» after something dated asks its date."""
    asks = kb.vocabulary.follow_up(text)
    if asks is None and len(text.split()) <= BARE_WHEN_WORDS and mentions(kb.vocabulary.context.when, text):
        return "date"
    return asks


_YEAR_WORDS = re.compile(r"\b(?:(?:en|de|del|a|al)\s+)?(?:\w+\s+de\s+)?20[0-3]\d\b")
AGAIN_WORDS = 5  # «¿y cuáles son?», «¿cuántos son en total?»: no more than this
AGAIN_IN_YEAR_WORDS = 12  # «¿y cómo estaba eso en el comunicado de enero de 2018?»
AGAIN_SAME_WORDS = 20  # «¿Y en el corte de enero de 2018, cuáles estaban en esa situación?»


def asks_again_in_year(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` names a year and is short, or says it asks the same («en esa situación»), as a
    follow-up that asks the last question again of that year."""
    words = len(text.split())
    same = mentions(kb.vocabulary.context.same, text) and words <= AGAIN_SAME_WORDS
    return year_of(text) is not None and (words <= AGAIN_IN_YEAR_WORDS or same)


def _asked_again(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """The question just computed asked again: which ones or how many («¿cuáles son?», «¿cuántos son en
    total?»; its answer counts and names them), or as of another year («¿y en enero de 2018?»); None for
    other messages."""
    words = len(text.split())
    questions = topic.key.split(THEN)
    asks = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text)
    year = year_of(text)
    # «y de esos, ¿cuáles ya tenían plan en 2020?» filters them further; «¿y de esos cuántos son?» does not
    filters = kb.vocabulary.refers_to_those(text) and (year is not None or words > AGAIN_WORDS)
    if kb.vocabulary.aspect(text) in ("stl", "pal") or filters:
        return None
    if year is not None and asks_again_in_year(kb, text) and metric_of(kb, text) in (None, "estados"):
        last = f"{_YEAR_WORDS.sub(' ', fold(questions[-1]))} en {year}"
    elif asks and words <= AGAIN_WORDS and metric_of(kb, text) in (None, "estados"):
        last = questions[-1]
    else:
        return None
    again = combined_answer(kb, last, previous=questions[:-1]) or figure_question_answer(kb, last)
    return (again, Topic("consulta", THEN.join([*questions[:-1], last]))) if again else None


def _list_source(kb: KnowledgeBase, topic: Topic, text: str) -> str | None:
    """«¿Y esas de qué fecha son?» after a list: the document it comes from, with its date; None when the
    message asks something else."""
    kind, _, year = topic.key.partition("@")
    listed = kb.list_as_of(kind, int(year) if year.isdigit() else None)
    asks = _asks(kb, text)
    return source_answer(kb, listed.source) if listed and asks in ("date", "source") else None


def _added_since(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿Y cuáles se agregaron después?» after the list of a year: the states in the newest list of that
    kind and not in that year's; None for other follow-ups."""
    kind, _, shown = topic.key.partition("@")
    words = kb.vocabulary.conditions
    year = year_of(text) or (int(shown) if shown.isdigit() else None)  # «¿…después de 2018?» names it
    if year is None or not (mentions(words.added, text) or mentions(words.joined, text)):
        return None  # «se agregaron», «se sumaron», «entraron» to that list
    added = added_since_answer(kb, kind, year)
    return (added, Topic("lista", kind)) if added else None


def _figure(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """A figure's follow-up: another year («¿y en 2018?»), its history, the document it comes from, or
    another figure asked the same way («¿y los STL?» after the history of the compromisos, or after their
    figure of a year)."""
    metric, _, shown = topic.key.partition("@")
    if metric not in kb.figures.metrics or kb.vocabulary.missing(text) is not None:
        return None  # «y ya que andamos, ¿qué municipios participan?»: no figure, the honest reply
    named = metrics_named(kb, text)  # «¿y autoridades? ¿y organismos garantes?» asks both, the last one too
    others = named if len(named) > 1 else [other for other in named if other != metric]
    asks = kb.vocabulary.figure_questions
    if others and year_of(text) is None:  # «¿y autoridades? ¿y organismos garantes en ese entonces?»
        found = [said for other in others if (said := _other_figure(kb, other, shown, text)) is not None]
        if len(found) == len(others):
            return "\n".join(said for said, _ in found), found[-1][1]
    year = year_of(text)
    newest = mentions(asks.now, text)  # «¿de qué documento sale el dato más reciente?»
    if _asks(kb, text) in ("source", "date"):  # «¿de qué comunicado sale?», «¿y eso de qué fecha es?»
        of = others[0] if len(others) == 1 else metric  # «y compromisos cuántos llevaban? ¿a qué fecha?»
        asked = year or (int(shown) if shown.isdigit() and not newest else None)
        return figure_source_answer(kb, of, asked), (Topic("cifra", of) if of != metric else topic)
    if year is not None:
        return figure_answer(kb, metric, year, month=month_of(text)), Topic("cifra", f"{metric}@{year}")
    if metric in ("stl", "pal") and mentions(asks.which, text):
        if shown.isdigit():  # «¿y cuáles eran?» after the STL of 2018: that year's list
            return list_answer(kb, metric, int(shown)), Topic("lista", f"{metric}@{shown}")
        if not shown:  # «¿y en qué estados?» after the newest figure of STL: the newest list
            return list_answer(kb, metric), Topic("lista", metric)
        added = mentions(asks.which_changed, text) and shown == HISTORY
        first = kb.lists_of_kind(metric)[0].date.year
        if added and (since := added_since_answer(kb, metric, first)) is not None:
            return since, Topic("lista", metric)  # «¿cuáles fueron?» after how many were installed since
    if kb.vocabulary.asks_history(text):
        return figure_answer(kb, metric, history=True), Topic("cifra", metric)
    if mentions(kb.vocabulary.figure_questions.now, text):  # «¿y ahora?» after a year's figure: the change
        changed = change_answer(kb, metric, int(shown)) if shown.isdigit() else figure_answer(kb, metric)
        return changed, Topic("cifra", metric)
    return None


def _other_figure(kb: KnowledgeBase, other: str, shown: str, text: str) -> Answer | None:
    """Another figure asked the way the last one was shown: its change after a change («¿y cuántos PAL
    más?»), its history after a history, its value of the year shown; None otherwise."""
    asks = kb.vocabulary.figure_questions
    if shown == HISTORY and mentions([*asks.more_or_less, *asks.difference], text):
        return change_answer(kb, other), Topic("cifra", f"{other}@{HISTORY}")
    if shown == HISTORY or kb.vocabulary.asks_history(text):  # «¿cuántos compromisos en cada fecha?»
        return figure_answer(kb, other, history=True), Topic("cifra", f"{other}@{HISTORY}")
    if shown.isdigit():
        return figure_answer(kb, other, int(shown)), Topic("cifra", f"{other}@{shown}")
    return None


def _recommendation(kb: KnowledgeBase, ordinal: int, text: str) -> Answer | None:
    last = len(kb.recommendations.items)
    step = kb.vocabulary.step(text, ordinal, last)
    if step is not None:
        return recommendation_answer(kb, step), Topic("recomendacion", str(step))
    asks = _asks(kb, text)
    topic = Topic("recomendacion", str(ordinal))
    if asks in ("issuer", "session", "date"):
        return issuer_answer(kb, ordinal), topic
    if asks == "audience":
        return audience_answer(kb), topic
    if asks == "plain":
        return plain_answer(kb, ordinal), topic
    if asks == "back":
        return recommendation_answer(kb, ordinal), topic
    return None


_OTHER_PURPOSE = re.compile(r"\W*(?:y\s+)?(?:para|pa|la de|la del)\b")  # «¿y para…?», «¿y la de…?»


def _guide(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    guide = next((g for g in kb.guides if g.id == topic.key), None)
    if guide is None:
        return None
    position = kb.guides.index(guide) + 1
    moved = kb.vocabulary.step(text, position, len(kb.guides))  # «¿y la siguiente?»
    if moved is not None and 1 <= moved <= len(kb.guides) and moved != position:
        return guide_answer(kb, kb.guides[moved - 1]), Topic("guia", kb.guides[moved - 1].id)
    other = guide_of(kb, None, text) if _OTHER_PURPOSE.match(fold(text)) else None
    if other is not None and other != guide:  # «¿y para mejorar los compromisos?»: its guide
        return guide_answer(kb, other), Topic("guia", other.id)
    asks = _asks(kb, text)
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
    asks = _asks(kb, text)
    if term is not None and asks in ("date", "source"):  # «¿de qué fecha es eso?»
        return sources_answer(kb, list(dict.fromkeys(d.source for d in term.definitions))), topic
    if term is not None and asks == "issuer":  # «¿y quién la impulsa?»: the definition says who
        return definition_answer(kb, topic.key), topic
    counted = metric_of(kb, term.term) if term is not None and kb.vocabulary.asks_count(text) else None
    if counted is not None and metric_of(kb, text) is None:  # «¿y cuántos hay?» after what a STL is
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
    documents give (and that they give no phone or e-mail)."""
    if kb.vocabulary.asks_link(text) or mentions(kb.vocabulary.contact_details, text):
        return contacts_answer(kb, text), Topic("contacto", "inai")
    return None


def _next_step(kb: KnowledgeBase, term_id: str, text: str) -> str | None:
    """The step «la siguiente» or «¿qué sigue?» leads to from a term that is a step of another (the STL,
    then the PAL); None for a term that is no step, or a message that moves nowhere."""
    parent = next((term for term in kb.glossary if term_id in term.steps), None)
    if parent is None:
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
    "ingreso": _joined,
    "documento": _document,
    "definicion": _definition,
    "cifra": _figure,
    "consulta": _asked_again,
    "lista": _listing,
    "estados": _several_states,
}
