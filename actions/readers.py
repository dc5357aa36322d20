"""The readings any answer action tries before its own: a message that follows up the last answer, asks
several questions in turn, asks something every action answers the same way (a source, a figure to
confirm, a state's status, how to put a term into practice), or calls for a refusal or an honest "not in
the documents"."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from answers.acronyms import acronym_answer, acronym_in_use, acronyms_asked, acronyms_named, acronyms_written
from answers.contacts import contacts_answer, inai_today_answer
from answers.context import followup_answer
from answers.definitions import (
    definition_answer,
    guide_for,
    how_to_answer,
    of_another_thing,
    origin_answer,
    plain_definition_answer,
    steps_answer,
    terms_named,
)
from answers.figure_followups import asked_again, asks_again_in_year, each_of, of_the_list
from answers.figure_questions import asked_figure, new_ones_answer, new_participants_answer, parts_answer
from answers.figures import (
    asks_difference,
    asks_what_it_is,
    change_answer,
    changed_figure,
    changes_answer,
    claim_answer,
    counted_figures,
    date_of_quoted,
    each_figure_answer,
    figure_answer,
    figure_question_answer,
    figures_asked_answer,
    figures_at,
    joined_year_asked,
    metric_of,
    metrics_named,
    month_of,
    national_only,
    national_only_answer,
    overview_answer,
    percent_answer,
    quoted_figures,
    said_by_answer,
    several_figures_answer,
    since_answer,
    year_of,
    years_of,
)
from answers.guides import (
    all_guides_answer,
    asked_guide,
    guide_answer,
    guide_of,
    guides_asked,
    some_guides_answer,
)
from answers.questions import (
    THEN,
    added_since_answer,
    along_with,
    combined_answer,
    complement_answer,
    enumerated_parts,
    in_year_of,
    joined_questions,
    of_plans,
    other_side_answer,
    parse,
    plans_of,
    question_parts,
    states_meeting,
)
from answers.recommendations import issued_answer, issuer_answer, recommendation_answer, recommendation_named
from answers.search import (
    NOT_FOUND,
    beside_reply,
    document_reply,
    missing_said,
    not_found,
    plain_of_passage,
    refusal,
    sharper_quote,
)
from answers.sources import (
    asks_about_sources,
    cited_in,
    documents_answer,
    note_answer,
    source_answer,
    sources_answer,
    sources_named,
    time_between_answer,
)
from answers.state_followups import counts_another_year, counts_them_again
from answers.states import (
    among_answer,
    busiest_year_answer,
    counted_list_answer,
    list_reply,
    plans_by_count_answer,
    plans_count_answer,
    several_status_answer,
    status_answer,
    undated_years_answer,
)
from answers.topic import HISTORY, STATES_SEPARATOR, YEAR_ELLIPSIS_WORDS, Topic, follow_up_of
from answers.wording import inai_note, join_names, says_inai_note
from index import Searcher
from knowledge import KnowledgeBase
from knowledge.base import INITIATIVE
from knowledge.schema import State
from knowledge.text import fold, spanish_date
from knowledge.vocabulary import (
    and_then,
    asked_part,
    bare,
    before_aside,
    first_question,
    marked_questions,
    mentions,
    question_sentence,
    spans,
    without,
)

from . import resources
from .leads import unanswered
from .turn import (
    Reply,
    dated_as_before,
    last_passage,
    last_quoted,
    previous_question,
    previous_questions,
    quoted,
    remember,
    remembered,
    text_of,
    topic_of,
    with_slots,
    with_text,
)

log = logging.getLogger(__name__)


# A message this short that a follow-up of the last answer resolves («¿desde qué año?», «¿y a principios
# de 2018?») is read as one, whatever intent NLU gave it; a longer one is a question of its own.
CONTEXT_MAX_WORDS = 8
MAX_STATES_AT_ONCE = 6  # a message naming more states is answered for the one in the slot, or asked


AND_THEN_MAX_WORDS = 12  # «¿y para mejorar los compromisos del plan de acción?»: a longer «y…» follows up
# «¿Me da el número y la fecha del comunicado de donde sale ese dato de 2020?»: a message this short that
# points at something with a demonstrative follows up the last answer
POINTED_MAX_WORDS = 16


# «¿y cuántos planes lleva?», «¿y desde cuándo está en la iniciativa?» right after a state: a message opening
# with «y» this short continues it.
ELLIPSIS_MAX_WORDS = 8
SAME_AGAIN_WORDS = 12  # «y lo mismo con los planes de acción local»: asks the same of another, no longer
# the not_in_documents topic (knowledge/vocabulary.yaml) of what a guide contains
GUIDE_CONTENTS = "contenido_guias"
MEMBER_MAX_WORDS = 20  # «¿y figura entre los estados con…?» right after a state: no longer than this


def _continues_state(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿y cuántos planes lleva?», «cuántos planes sacó» after a state: short, opens with «y» or has a
    verb whose subject is one state, asks a part of a state's status and not about the whole country; or
    asks whether it is in a list («¿y figura entre los estados con PAL…?»); after a few states, asks of
    them («¿y alguno de los dos tiene plan?»). One that asks for a guide
    («¿dónde está la Guía de Secretariados Técnicos Locales?») asks for the guide, not the state's STL."""
    words = text.lower().split()
    # «¿y figura entre los estados con Plan de Acción Local publicado según el dato más reciente?»
    member = mentions(kb.vocabulary.context.member_of, text) and len(words) <= MEMBER_MAX_WORDS
    # «¿y su STL ya estaba instalado para enero de 2018?»: its own
    member = member or (mentions(kb.vocabulary.context.its, text) and len(words) <= MEMBER_MAX_WORDS)
    # «¿Y en cuál de los comunicados aparece por primera vez con STL, en el de enero de 2018 o en el de…?»
    member = member or mentions(kb.vocabulary.context.first_listed, text)
    short = 1 < len(words) <= ELLIPSIS_MAX_WORDS and (and_then(text) or kb.vocabulary.of_one(text))
    short = short and not mentions(kb.vocabulary.figure_questions.which, text)  # «¿y quiénes se sumaron…?»
    # «¿Y para agosto de 2020 ya se encontraba entre los 30 estados participantes?»: whether it takes part
    taking_part = member and mentions(kb.vocabulary.participating, text)
    # «¿Y alguno de los dos tiene Plan de Acción Local publicado según el corte más reciente?» after two
    either = topic.kind == "estados" and mentions(kb.vocabulary.context.either_of_them, text)
    return (
        (topic.kind == "estado" or either)
        # «¿Y desde cuándo aparece con Secretariado Técnico Local?» names two parts: any will do
        and (kb.vocabulary.names_aspect(text) or taking_part)
        and not kb.vocabulary.asks_guide(text)
        and (member or either or (short and not kb.vocabulary.national(text)))
    )


def _continues_figure(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿y cuántos compromisos tenían?» right after a year's figure: short, opens with «y», names another
    figure and neither a year nor «ahora», so it asks about the same date («y lo mismo con los planes»
    after a figure's history: that history)."""
    words = text.lower().split()
    metric, _, shown = topic.key.partition("@")
    longest = SAME_AGAIN_WORDS if mentions(kb.vocabulary.context.same, text) else ELLIPSIS_MAX_WORDS
    return (
        topic.kind == "cifra"
        and (shown.isdigit() or shown == HISTORY)
        and 1 < len(words) <= longest
        and and_then(text)
        and metric_of(kb, text) not in (None, metric)
        and year_of(text) is None
        and not mentions(kb.vocabulary.figure_questions.now, text)
    )


def _another_year(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿Y en 2018?» right after a figure: short, opens with «y», names a year and no other figure."""
    metric = topic.key.partition("@")[0]
    return (
        topic.kind == "cifra"
        and and_then(text)
        and len(text.split()) <= YEAR_ELLIPSIS_WORDS
        and year_of(text) is not None
        and metric_of(kb, text) in (None, metric)
    )


def _same_date(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«A esa misma fecha, ¿cuántos planes había y cuántos compromisos?» right after a year's figure: other
    figures, of the date of that one."""
    metric, _, shown = topic.key.partition("@")
    named = metrics_named(kb, text)
    return (
        topic.kind == "cifra"
        and shown.isdigit()
        and mentions(kb.vocabulary.context.same_date, text)
        and bool(named)
        and named != [metric]
        and year_of(text) is None
    )


def _continues_list(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿y en 2018 eran cuántos?» right after a list: that year's list."""
    kind = topic.key.partition("@")[0]
    return topic.kind == "lista" and year_of(text) is not None and of_the_list(kb, kind, text)


def _counts_the_term(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿y cuántos hay?» right after what a STL is: short, asks how many and names no figure itself; or
    asks in which states («¿y cuántos hay en el país y en qué estados están?»)."""
    words = len(text.split())
    metric = metric_of(kb, text)
    counts = words <= ELLIPSIS_MAX_WORDS and kb.vocabulary.asks_count(text) and metric is None
    where = mentions(kb.vocabulary.figure_questions.which_states, text) and metric in (None, "estados")
    return topic.kind == "definicion" and (counts or (where and words <= MEMBER_MAX_WORDS))


def _asked_again(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿cuántos son?», «¿y cuáles son?» right after a computed question, a list or the states of a year: it,
    asked again
    (:func:`answers.context.followup_answer` decides whether it is)."""
    if topic.kind == "consulta":
        return asked_again(kb, text)
    # «¿cuántos son en total?» after a list or the states of a year: them counted, not another figure
    counted = counts_them_again(kb, text) or (topic.kind == "ingreso" and counts_another_year(kb, text))
    return topic.kind in ("ingreso", "lista") and counted  # «¿Y en 2016 cuántos fueron?» after 2015's


def _moves(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿y la anterior qué decía?» right after a recommendation or a guide, «¿y la segunda de qué trata?»
    right after the list of guides: a short message moving along them, or picking one of the guides."""
    short = len(text.split()) <= ELLIPSIS_MAX_WORDS
    picks = topic.kind == "guias" and kb.vocabulary.ordinal(text) is not None
    # «¿y hay otra de transparencia proactiva?» after a guide
    other = guide_of(kb, None, text) if topic.kind == "guia" else None
    picks = picks or (other is not None and other.id != topic.key)
    along = topic.kind in ("recomendacion", "recomendaciones", "guia", "guias")
    if along and short and (picks or kb.vocabulary.step(text, 1, 1) is not None):
        return True
    # «¿Me podría pasar el enlace de la segunda, por favor?», «¿y esa última dónde la bajo?», «¿Y esa de los
    # compromisos, para qué sirve?» right after the list of guides: one of them, unless it names the
    # recommendations
    chosen = (
        kb.vocabulary.ordinal(text) or kb.vocabulary.step(text, 0, len(kb.guides)) or guide_of(kb, None, text)
    )
    of_guides = topic.kind == "guias" and not mentions(kb.vocabulary.about.names, text)
    return of_guides and chosen is not None and len(text.split()) <= PICKED_GUIDE_WORDS


PICKED_GUIDE_WORDS = 16  # «…pasar el enlace de la segunda…» after the guides: one of them, asked this long
ASKS_OF_IT_WORDS = 5  # «¿de qué año es?», «¿y el link?», «¿quién la hizo?» right after a thing: no longer
_OF_A_THING = ("guia", "guias", "recomendacion", "recomendaciones", "documento", "definicion", "contacto")


def _asks_of_it(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿de qué año es?», «¿y el link?» right after a guide, a recommendation, a document, a definition or
    the contacts: short, asks its date, source, issuer, audience or link, and names no figure, list or
    state's part of its own."""
    asks = follow_up_of(kb, text) in ("date", "source", "issuer", "audience") or kb.vocabulary.asks_link(text)
    names = metric_of(kb, text) is not None or kb.vocabulary.aspect(text) in ("stl", "pal")
    return topic.kind in _OF_A_THING and len(text.split()) <= ASKS_OF_IT_WORDS and asks and not names


def _made_plain(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«explícamelo fácil, como para compañeros que nunca han oído de gobierno abierto» right after a
    definition or a recommendation: it again, in plain words, unless the message names a term of its own."""
    plain = topic.kind in ("definicion", "recomendacion") and kb.vocabulary.follow_up(text) == "plain"
    other = set(terms_named(kb, fold(text))) - {topic.key} or recommendation_named(kb, text) is not None
    # «y eso que significa? que es el inai?»: asks what something else is
    other = other or kb.vocabulary.asks_definition(without(kb.vocabulary.context.plain, text))
    return plain and not other


def pointing_back(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """A message that can only mean the thing just answered («¿y cuántos planes tienen allá?», «esa
    guía», «¿y cuántos planes lleva?» after a state, «¿y cuántos compromisos tenían?» after a year's figure,
    «¿y cuántos hay?» after a definition, «¿y la anterior?» after a recommendation, «¿cuántos son?» after
    a computed question) and names no state, answered in the last topic whatever intent NLU gave it; else
    None."""
    if (along := along_the_document(kb, tracker)) is not None:  # «¿y qué sigue?» after a quote
        return along
    if (again := figures_again(kb, tracker)) is not None:  # «¿Y en 2020?» after two figures of 2018
        return again
    text = before_aside(text_of(tracker))  # «¿Y en 2018? Yo me acuerdo que eran los mismos.»: the question
    topic = topic_of(tracker)
    if topic is None or kb.vocabulary.asks_advice(text):  # «…remite a la Dirección. ¿Puedo acudir ahí?»
        return None
    if says_inai_gone(kb, text):  # «¿el INAI todavía existe pa ir a quejarme ahí?» after a state
        return None
    counted = topic.kind == "ingreso" and counts_them_again(kb, text)  # «…ese año, contando a Michoacán?»
    if resources.state_finder().find(text) and not counted:
        return None
    readings = (
        _continues_state,
        _continues_figure,
        _another_year,
        _same_date,
        _continues_list,
        _counts_the_term,
        _moves,
        _asked_again,
        _asks_of_it,
        _made_plain,
    )
    if not (kb.vocabulary.refers_back(text) or any(reads(kb, topic, text) for reads in readings)):
        return None
    # «¿y plan de acción publicado a esa misma fecha?» after whether a state was in the list of January 2018
    text = dated_as_before(kb, tracker, text) if topic.kind == "estado" else text
    found = followup_answer(kb, topic, text)
    return (found[0], remembered(found[1])) if found else None


FIGURES_AGAIN_WORDS = 12  # «¿y en el comunicado de agosto de 2020?», «cuál es la variación de cada uno…?»


def figures_again(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Y en 2020?», «¿y en el comunicado de agosto de 2020?» right after a question that counted two
    figures or more («¿cuántos planes… y cuántos compromisos contenían?»): the same figures of the date it
    names; «¿cuál es la variación de cada uno entre ambos cortes?»: how each changed. None otherwise."""
    topic, text = topic_of(tracker), text_of(tracker)
    if topic is None or topic.kind != "cifra" or len(text.split()) > FIGURES_AGAIN_WORDS:
        return None
    if metric_of(kb, text) is not None or resources.state_finder().find(text):
        return None
    metric = topic.key.partition("@")[0]
    counted = [metrics_named(kb, asked) for asked in previous_questions(tracker, DATES_BACK)]
    named = next((found for found in counted if len(found) > 1 and metric in found), None)
    if named is None:
        return None
    year = year_of(text)
    asks = kb.vocabulary.figure_questions
    if year is None and mentions(asks.difference, text):  # «la variación de cada uno»
        return changes_answer(kb, named), [remember(Topic("cifra", f"{named[0]}@{HISTORY}"))]
    if year is None or not (and_then(text) or len(text.split()) <= YEAR_ELLIPSIS_WORDS + 4):
        return None
    if mentions(asks.difference, text) or mentions(asks.growth, text):  # «…¿cuánto creció?»: the change
        return None
    return figures_at(kb, named, year, month_of(text)), [remember(Topic("cifra", f"{named[0]}@{year}"))]


def of_the_cited(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿De qué fecha exacta es ese comunicado?» right after an answer that cites one document: that
    document's number, title, date and issuer; None when the message points at no document, asks nothing
    of it, or the last answer cites none or several."""
    text = text_of(tracker)
    if not mentions(kb.vocabulary.documents.same, text) or last_quoted(tracker) is not None:
        return None
    if follow_up_of(kb, text) not in ("date", "source", "issuer"):
        return None
    said = next((str(e.get("text") or "") for e in reversed(tracker.events) if e.get("event") == "bot"), "")
    cited = cited_in(kb, said)
    return (source_answer(kb, cited[0]), [quoted(cited[0])]) if len(cited) == 1 else None


def about_sources(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué número tiene el comunicado de 2020?», «¿de qué fecha es el material de formación?»: a question
    about the source documents it names, answered with their number, date and figures whatever intent NLU
    gave it; None otherwise."""
    text = text_of(tracker)
    if (elapsed := time_between_answer(kb, text)) is not None:  # «¿cuántos días pasaron entre … y …?»
        return elapsed, [remember(None)]
    if not asks_about_sources(kb, text):
        return None
    named = sources_named(kb, text)
    comunicados = named and all(kb.sources[ref].kind == "comunicado" for ref in named)
    if comunicados and "session" in kb.vocabulary.follow_ups(text):
        # «¿y en qué sesión aprobaron ese comunicado?»: only the recommendations' was approved in one
        named = [kb.recommendations.source]
    if len(named) > 1 and (last := last_quoted(tracker)) in named and year_of(text) is None:
        named = [last]  # «¿q número de comunicado era?» right after a quote of one: that one
    pointed = mentions(kb.vocabulary.context.demonstratives.far, text) and year_of(text) is None
    # «¿qué número de comunicado es ese?» right after a figure: the one that gives it
    given = [ref for ref in named if ref in _sources_of_topic(kb, topic_of(tracker))]
    if len(named) > 1 and pointed and len(given) == 1:
        named = given
    each = mentions(kb.vocabulary.documents.each, text)  # «¿qué número y fecha tiene cada uno?»: all of them
    if len(named) > 1 and not each and (found := searcher()) is not None:
        # «¿qué número de comunicado convoca a la I Cumbre…?»: the one whose text says it, quoted
        said = document_reply(kb, found, text)
        if said.answered and said.source in named:
            return said.text, [quoted(said.source, said.passage)]
    ordinal = recommendation_named(kb, text) if named == [kb.recommendations.source] else None
    if ordinal is not None:  # «…¿de qué fecha es y qué pide la tercera recomendación?»: it, with its date
        return recommendation_answer(kb, ordinal), [remember(Topic("recomendacion", str(ordinal)))]
    if named == [kb.recommendations.source] and kb.vocabulary.follow_up(text) in ("issuer", "session"):
        # «¿quién emitió las cuatro recomendaciones y en qué sesión se aprobaron?»: who, when and where
        return issued_reply(kb, tracker), [remember(Topic("recomendaciones", "todas"))]
    # «En el comunicado INAI/083/18 mencionan un compromiso común. ¿Cuál es y de qué trata?»: the term as
    # that document defines it
    one = named[0] if len(named) == 1 else None
    defines = [term for term in terms_named(kb, text) if one in _defined_by(kb, term)]
    # «…precisar cuál es el compromiso común que menciona el INAI en su comunicado de marzo de 2018»
    if len(defines) == 1 and (
        kb.vocabulary.asks_definition(text) or mentions(kb.vocabulary.which_term, text)
    ):
        return definition_answer(kb, defines[0]), [remember(Topic("definicion", defines[0]))]
    topic = Topic("documento", named[0]) if len(named) == 1 else None  # «¿y de qué trata?» may follow
    said = sources_answer(kb, named, text)
    # «¿Cuánto dura esa sesión y con qué institución, hoy extinta, ideó el INAI el proyecto?»: who too
    if (origin := devised_in_part(kb, tracker)) is not None:
        return f"{said}\n\n{origin[0]}", [remember(topic)]
    return said, [remember(topic)]


def _defined_by(kb: KnowledgeBase, term_id: str) -> set[str]:
    """The documents that define a glossary term."""
    term = kb.term(term_id)
    return {definition.source for definition in term.definitions} if term else set()


def explained(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«Explícamelo fácil, ¿qué es eso del STL?»: a message asking for one term it names in plain words (and
    naming no state) gets our plain summary of it, whatever intent NLU gave it; None otherwise."""
    text = text_of(tracker)
    named = terms_named(kb, text)
    if len(named) != 1 or kb.vocabulary.follow_up(text) != "plain" or resources.state_finder().find(text):
        return None  # «no entendí mucho… ¿veracruz ya tiene su plan?»: asks about the state
    # «Explíquemelo sencillo: ¿en cuántos planes aumentó?», «Explíqueme fácil: ¿cuáles no tienen plan?»
    if kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text):
        return None
    return plain_definition_answer(kb, named[0]), [remember(Topic("definicion", named[0]))]


def guide_asked(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«…vamos a elaborar el segundo Plan de Acción Local, ¿qué guía me recomiendan y cuál es la liga?»:
    the guide a message asks for, by its words or those of the term it is for; None otherwise."""
    text = text_of(tracker)
    asks_of_it = kb.vocabulary.follow_ups(text) & {"date", "issuer", "audience", "plain", "source", "current"}
    if asks_of_it and not mentions(kb.vocabulary.which_guide, text):
        return None  # «¿de qué fecha es la guía…?»: the guides action
    # «¿Qué guías puso a disposición el INAI, según el comunicado de recomendaciones…?»: those it presents
    named = sources_named(kb, text)
    presented = (
        [g for g in kb.guides if named and named[0] in (g.source, *g.also_in)] if len(named) == 1 else []
    )
    # «¿qué etapas propone la Guía de Cocreación…?», «¿las guías están en mixteco?»: what the documents
    # lack, then what they say of the guides
    missing = kb.vocabulary.missing(text)
    lacking = f"{missing_said(kb, missing)}\n" if missing is not None else ""
    # of several guides, only what is asked of the guides themselves (not «…para cocrear los compromisos»)
    of_all = lacking if missing is not None and kb.vocabulary.not_in_documents[missing].of_guides else ""
    if presented and mentions(kb.vocabulary.all_guides, text):
        return of_all + some_guides_answer(kb, presented), remembered(Topic("guias", "todas"))
    if len(guides := guides_asked(kb, text)) > 1:  # «¿qué guías hay para los STL y los planes?»
        return of_all + some_guides_answer(kb, guides), remembered(Topic("guia", guides[-1].id))
    if (guide := asked_guide(kb, text)) is not None:
        return lacking + guide_answer(kb, guide), remembered(Topic("guia", guide.id))
    if mentions(kb.vocabulary.all_guides, text):  # «¿qué guías pone el INAI a disposición?»
        return of_all + all_guides_answer(kb), remembered(Topic("guias", "todas"))
    return None


def _which_term(kb: KnowledgeBase, text: str, named: list[str]) -> bool:
    """Whether ``text`` names one term with «un» or «una» (or «el… que») and asks which it is («mencionan un
    compromiso común de varios estados, ¿cuál era?»): what it is."""
    if len(named) != 1 or (term := kb.term(named[0])) is None:
        return False
    names = [fold(name) for name in (term.term, *term.aliases)]
    terms = "|".join(map(re.escape, names))
    # «¿cuál es el compromiso común que se repite en varios estados?»: a name of several words, not «el STL»,
    # in a message that asks one thing
    several = [name for name in names if " " in name] if len(question_parts(kb, text)) == 1 else []
    phrases = "|".join(re.escape(name) for name in several) or "(?!)"
    introduced = re.search(
        rf"\b(?:(?:un[ao]?|algun[ao]?)\s+(?:{terms})|(?:el|la)\s+(?:{phrases})\s+que)\b", fold(text)
    )
    # «…habla de un compromiso que traen varios estados. cuál»: a bare «cuál» ending the message asks it too
    bare_which = re.search(r"\bcual(?:es)?\W*$", fold(text)) is not None
    asks = bare_which or mentions(kb.vocabulary.which_term, question_sentence(text) or text)
    return introduced is not None and asks


def defined(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«…me pidieron investigar de los secretariados técnicos locales, qué son y para qué sirven…»: a
    message that asks what glossary terms are gets their definitions, each in turn («¿Qué es un STL y qué es
    un PAL?»); None otherwise."""
    text = text_of(tracker)
    named = terms_named(kb, text)
    asks = kb.vocabulary.asks_definition(text) or _which_term(kb, text, named)
    if not named or not asks or kb.vocabulary.asks_count(text):
        return None  # «¿qué es un STL y cuántos hay?»: the figure's action answers both
    if recommendation_named(kb, text) is not None and mentions(kb.vocabulary.about.names, text):
        return None  # «de qué trata la primera recomendación del covid, lo de gobierno abierto»: that one
    # «…no entendí mucho… ¿veracruz ya tiene su plan?»: asks about the state; not «quesque en michoacán hay un
    # secretariado técnico local, qué es eso y pa qué sirve» (the state's status follows: :func:`any_intent`)
    question = first_question(text) or text
    what_it_is = kb.vocabulary.asks_definition(question) and kb.vocabulary.follow_up(question) != "members"
    if resources.state_finder().find(text) and not what_it_is:
        return None
    if mentions(kb.vocabulary.acronym_asks, text):  # «el significado de las siglas STL y PAL… la iniciativa»
        named = [term for term in named if term in acronyms_written(kb, text)] or named
    if any(of_another_thing(kb, text, term) for term in named):
        return None  # «¿en qué consiste la mecánica de operación de la iniciativa?»: the documents' text
    # several terms, each asked in the question itself: not «Una vecina que es de Toluca… ¿qué estados
    # tenían STL pero no tenían plan?»
    asked = first_question(text) or text
    if len(named) > 1 and (
        not kb.vocabulary.asks_definition(asked) or mentions(kb.vocabulary.figure_questions.which, asked)
    ):
        return None
    return "\n\n".join(definition_answer(kb, term) for term in named), [
        remember(Topic("definicion", named[-1]))
    ]


def devised(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Con qué organismo ideó el INAI el proyecto Cocreación desde lo Local?»: who devised the one term the
    message names, in its source's words, whatever intent NLU gave it; None when it asks no such thing, names
    no term or several, or the glossary gives no origin for it."""
    text = text_of(tracker)
    named = terms_named(kb, text)
    # «…la COMAIP, la que ideó el proyecto. ¿Qué es la COMAIP?»: the question asks something else; «¿cuánto
    # dura y con qué organismo ideó el INAI el proyecto?»: each part (:func:`each_part`)
    if len(named) != 1 or not mentions(kb.vocabulary.devised, question_sentence(text) or text):
        return None
    # «¿quién ideó el proyecto y con qué organismo colaboró?»: both of the origin; not «¿cuánto dura esa
    # sesión y con qué institución ideó el INAI el proyecto?», which the document answers too
    # (:func:`about_sources`)
    # «¿en qué año inició la iniciativa y con qué organismo colaboró el INAI para idearla?»: when is no origin
    words = kb.vocabulary
    of_origin = [*words.devised, *words.beyond_definition]
    parts = question_parts(kb, text)
    if not all(
        mentions(words.devised, part)
        or (mentions(of_origin, part) and not mentions(words.context.when, part))
        for part in parts
    ):
        return None
    if mentions(kb.vocabulary.documents.asks, without(kb.vocabulary.devised, text)):
        return None
    return _origin(kb, named[0])


def devised_before(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿y quién la armó o quién la impulsó?» right after a question that named one glossary term (the
    initiative): who devised it, in its source's words; None when the message names a term itself or asks
    no such thing."""
    text = before_aside(text_of(tracker))  # «…¿quién la impulsó? dice que pa saber a quién echarle la culpa»
    asks = mentions(kb.vocabulary.devised, text) or kb.vocabulary.follow_up(text) == "issuer"
    if not asks or terms_named(kb, text) or len(text.split()) > CONTEXT_MAX_WORDS:
        return None
    before = terms_named(kb, previous_question(tracker) or "")
    return _origin(kb, before[0]) if len(before) == 1 else None


def devised_in_part(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿con qué organismo colaboró el INAI para idear el proyecto y cuáles son los dos elementos de su
    mecánica?»: who devised the one term named, asked in one part of a message that asks something else
    too (:func:`devised` answers a message all about it); None otherwise."""
    text = text_of(tracker)
    named = terms_named(kb, text)
    if len(named) != 1 or not mentions(kb.vocabulary.devised, text):
        return None
    return _origin(kb, named[0])


def _document_in_part(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """What the one document a message names says of itself (its duration, date, number…), asked in one
    part of a message that asks something else too; None otherwise."""
    text = text_of(tracker)
    named = sources_named(kb, text)
    asked = any(mentions(kb.vocabulary.documents.asks, part) for part in question_parts(kb, text))
    return (
        (source_answer(kb, named[0]), [remember(Topic("documento", named[0]))])
        if len(named) == 1 and asked
        else None
    )


def _origin(kb: KnowledgeBase, term: str) -> Reply | None:
    """Who devised ``term``, in its source's words; None when the glossary gives no origin for it."""
    origin = origin_answer(kb, term)
    return (origin, [remember(Topic("definicion", term))]) if origin is not None else None


def as_many_plans_as(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿qué otros estados tienen la misma cantidad que Veracruz?»: the states with as many plans in the
    newest list as the one state named (or the last); None unless the message asks that."""
    text = text_of(tracker)
    if not mentions(kb.vocabulary.figure_questions.as_many_as, text):
        return None
    named = resources.state_finder().find(text)
    topic = topic_of(tracker)
    last = topic.key if topic is not None and topic.kind == "estado" else None
    name = named[0].replace("-", " ") if len(named) == 1 else last
    state = kb.state(name) if name else None
    if state is None:
        return None
    if (plans := plans_of(kb, state)) == 0:
        return None
    return plans_count_answer(kb, plans), [remember(Topic("lista", "pal"))]


def each_named_before(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«Entonces solo datos: ¿cuántos planes tenía cada uno?» right after a question that named a few states
    (and got no answer of theirs: an opinion refused): the part of each one's status asked; None when the
    message names a state, asks no part of a status, or the question before named fewer than two."""
    text = text_of(tracker)
    aspect = kb.vocabulary.aspect(text)
    topic = topic_of(tracker)
    if not mentions(kb.vocabulary.context.each_of_them, text) or aspect not in ("stl", "pal", "ingreso"):
        return None
    if resources.state_finder().find(text) or (topic is not None and topic.kind not in ("estado", "estados")):
        return None
    before = previous_question(tracker) or ""
    states = [
        state for name in resources.state_finder().find(before) if (state := kb.state(name.replace("-", " ")))
    ]
    if not 1 < len(states) <= MAX_STATES_AT_ONCE:
        return None
    names = STATES_SEPARATOR.join(state.name for state in states)
    return several_status_answer(kb, states, aspect), [remember(Topic("estados", names))]


def own_sources(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿De dónde sacas la info? ¿Qué fuentes o documentos usas?»: the documents the assistant answers
    from; None when the message does not ask that."""
    if not mentions(kb.vocabulary.own_sources, text_of(tracker)):
        return None
    return documents_answer(kb), [remember(None)]


def _sources_of_topic(kb: KnowledgeBase, topic: Topic | None) -> set[str]:
    """The sources the last answer came from: the document that gives a figure (of the year it asked), those
    that give the guides, or the recommendations' document; none for other topics."""
    if topic is None:
        return set()
    if topic.kind == "cifra" and (metric := topic.key.partition("@")[0]) in kb.figures.metrics:
        year = topic.key.partition("@")[2]
        given = [o for o in kb.history(metric) if not year.isdigit() or (o.date and o.date.year == int(year))]
        return {given[-1].source} if given else set()
    if topic.kind in ("guia", "guias"):
        guides = [guide for guide in kb.guides if topic.kind == "guias" or guide.id == topic.key]
        return {ref for guide in guides for ref in (guide.source, *guide.also_in)}
    if topic.kind in ("recomendacion", "recomendaciones"):
        return {kb.recommendations.source}
    return set()


def any_intent(kb: KnowledgeBase, tracker: Tracker, term: str | None = None) -> Reply | None:
    """What a message gets whatever intent NLU gave it: the source documents it asks about
    (:func:`about_sources`), the documents that give a number (:func:`said_by`), a figure it asks to
    confirm (:func:`claimed`) or a part of one state's status (:func:`of_a_state`); else each of these it
    asks, together («¿qué guía uso y a quién le pido asesoría?»): how to put a term into practice
    (:func:`how_to`; ``term`` is the one asked about by a message that names none), else a term in plain
    words (:func:`explained`) or what it is (:func:`defined`) and the guide it asks for
    (:func:`guide_asked`); whether taking part is obligatory (:func:`obliged`); whom to ask for advice
    (:func:`advice`) or what became of INAI (:func:`inai_gone`). None when it asks none of these."""
    readers = (
        own_sources,
        verbatim,
        of_the_cited,
        footnote,
        acronym,
        devised,
        about_sources,
        said_by,
        counted_states,
        busiest_year,
        start_claim,
        claimed,
        of_a_state,
        per_state,
        as_many_plans_as,
        each_named_before,
    )
    if (alone := next(_replies(kb, tracker, readers), None)) is not None:
        return alone
    # «¿cómo armo un PAL?» is answered with its definition and its guide: neither is added again
    howto = how_to(kb, tracker, term)
    terms: tuple[Readers, ...] = () if howto else ((explained, defined), (guide_asked,))
    found = [howto] if howto else []
    for group in (*terms, (obliged,), (advice, inai_gone)):
        if (reply := next(_replies(kb, tracker, group), None)) is not None:
            found.append(reply)
    if not found:
        return None
    # «¿con qué organismo colaboró el INAI para idear el proyecto y cuáles son los dos elementos de su
    # mecánica?»: who devised it too, before how it works; «¿cuánto dura esa sesión y cuáles son los dos
    # pasos…según el módulo?», «¿dice si es obligatorio entrar? y cuánto dura la sesión»: the document too
    for part in (devised_in_part, _document_in_part):
        if (said := part(kb, tracker)) is not None:
            found.insert(0, said)
    if (status := _also_a_state(kb, tracker)) is not None:  # «…¿cómo le hacemos? ¿guanajuato ya tiene algo?»
        # the state said in passing keeps its slot; the topic stays what was asked («¿y quién hace eso hoy?»)
        found.append((status[0], [event for event in status[1] if event.get("name") != "tema"]))
    return note_once(kb, [text for text, _ in found]), [event for _, events in found for event in events]


def note_once(kb: KnowledgeBase, texts: list[str]) -> str:
    """Replies given together, the dated note on INAI once: the replies that end with it lose it, and it
    comes at the end unless a reply holds it within its text (what became of INAI lists it)."""
    note = inai_note(kb)
    kept = [text.rstrip().removesuffix(note).rstrip() for text in texts]
    joined = "\n\n".join(kept)
    said = any(note in text for text in texts)
    return f"{joined}\n{note}" if said and not says_inai_note(kb, joined) else joined


def _names_nothing(kb: KnowledgeBase, question: str) -> bool:
    """Whether a question names nothing it could ask about: no figure, list, year, state or joining («¿Cuántos
    son y cuáles?»)."""
    named = (
        kb.vocabulary.names_aspect(question)
        or metric_of(kb, question) is not None
        or bool(years_of(question))
    )
    named = named or bool(resources.state_finder().find(question))
    return not (named or mentions(kb.vocabulary.conditions.joined, question))


def _names_what(kb: KnowledgeBase, part: str) -> bool:
    """Whether a part of a question names what it counts (a figure, STL, plans), not «¿cuántos en 2016?»."""
    return metric_of(kb, part) is not None or kb.vocabulary.aspect(part) in ("stl", "pal")


ELLIPTIC_PART_WORDS = 8  # «y en cuánto el de PAL publicados?»: a later part this short asks as the first did


_AND_MARKED = re.compile(r"(?<=\?)\s*(?=¿\s*y\s)")  # «…lleva? ¿y nosotros…?»: a question marked after another


def each_part(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«Primero, ¿desde qué año se impulsa la iniciativa?, y además, ¿qué ley se tomó como referente?»: each
    question of a message that asks them in turn (or whose second question filters the answer to the first:
    «¿qué estados se sumaron en 2017 y cuáles de ellos tienen STL?»), answered in turn (:func:`part_reply`);
    a question that nothing answers is said so. None when the message does not enumerate questions, or none
    is answered."""
    text = text_of(tracker)
    parts = enumerated = enumerated_parts(kb, text)
    those = [] if parts else question_parts(kb, text)  # «¿qué estados se sumaron en 2017 y cuáles de ellos…?»
    if len(those) == 2 and kb.vocabulary.refers_to_those(those[1]) and not kb.vocabulary.asks_count(those[0]):
        parts = those  # the list, then of it
    elif len(those) == 2 and all(kb.vocabulary.asks_count(part) for part in those):
        # «¿cuántos se sumaron en 2016 y cuántos STL había en enero de 2018?»: two counts, of two figures
        metrics = [metric_of(kb, part) for part in those]
        dated = all(year_of(part) for part in those)  # not «¿cuántos STL y cuántos compromisos en 2018?»
        parts = those if None not in metrics and metrics[0] != metrics[1] and dated else parts
        # «cuantos planes de accion hay cuantos son de oaxaca»: the figure, then a state's part of it
        states = [resources.state_finder().find(part) for part in those]
        of_a_state = not states[0] and len(states[1]) == 1 and metrics[0] is not None and metrics[1] is None
        parts = those if of_a_state else parts
    elif len(those) > 2 and all(kb.vocabulary.asks_count(part) and _names_what(kb, part) for part in those):
        parts = those  # «¿cuántas se habían sumado, cuántas tenían STL y en cuántas había plan?»: each count
    # «Campeche… ¿en qué año entró y cuántos planes lleva? ¿y nosotros en Q. Roo cuándo entramos?»: the parts
    # of each state, one after the other; a part that names none asks of the state before it
    marked = [piece for part in those for piece in _AND_MARKED.split(part) if piece.strip()]
    placed_parts = [resources.state_finder().find(part) for part in marked]
    by_state = len(marked) > 1 and bool(placed_parts[0]) and all(len(found) <= 1 for found in placed_parts)
    if by_state and len({state for found in placed_parts for state in found}) > 1:
        parts = marked
        named_state = ""
        for at, found in enumerate(placed_parts):
            named_state = found[0].replace("-", " ") if found else named_state
            parts[at] = parts[at] if found else f"{named_state}: {parts[at]}"
    # «¿quién la promueve y desde qué año existe?», unless the message as a whole is read whatever its intent
    # («…¿a quién acudimos y qué guía nos sirve?»: advice and a guide together) or the question engine
    # computes it («¿cuántos STL se instalaron entre 2018 y 2020 y en qué estados?»: the new ones)
    # «¿cuántos STL había en 2018 y en qué estados?»: the list, which counts them (figures_reply)
    which_states = kb.vocabulary.figure_questions.which_states
    listed = metric_of(kb, text) in ("stl", "pal") and mentions(which_states, text)
    # «¿cuántos estados participan y qué porcentaje de las 32 entidades es eso?»: one figure and its share
    whole = combined_answer(kb, text) or percent_answer(kb, text)
    if not parts and not listed and any_intent(kb, tracker) is None and whole is None:
        parts = joined_questions(kb, text)
    if len(parts) < 2 or refused(kb, tracker):
        return None
    # «Analizo el material «Módulo 2 Sesión 3». Primero, …»: each part asks of the document named before it
    scene = text[: text.index(parts[0])].strip() if enumerated else ""
    if scene and kb.vocabulary.missing(scene) is not None:  # «¿Cuál fue el presupuesto…? a) ¿Qué monto…?»:
        return None  # the parts detail what the documents never give
    about = f"{scene} " if scene and len(sources_named(kb, scene)) == 1 else ""
    # «Voy a utilizar a Oaxaca como caso de estudio… a) ¿En qué año se sumó?; b) …»: each part of that state
    placed = resources.state_finder().find(scene) if scene and not about else []
    about = f"{placed[0].replace('-', ' ')}: " if len(placed) == 1 else about
    # «Según el módulo de capacitación, ¿quién ideó este proyecto? ¿Y cuánto dura esa sesión?»: what the first
    # question says before its «¿» names the document a later one asks of too
    lead = parts[0][: parts[0].find("¿")] if not about and "¿" in parts[0] else ""
    carried = lead if len(sources_named(kb, lead)) == 1 else ""
    replies: list[Reply | None] = []
    of_document: list[int] = []  # the parts asked of the document the first one names
    asked = tracker
    # «Entre el comunicado INAI/002/18 y el de agosto de 2020, ¿en qué porcentaje…? y ¿cuántos compromisos más
    # hay?»: a later part that asks a difference and names no date asks it between the first part's dates
    dates = " ".join(map(str, sorted({*years_of(parts[0]), *kb.years_numbered(parts[0])})))
    change_words = kb.vocabulary.figure_questions.growth
    changes = " ".join(fold(parts[0])[start:end] for start, end in spans(change_words, parts[0]))
    for part in parts:  # each follows up the one before («…2017; segundo, cuáles de ellas…»)
        between = part is not parts[0] and not years_of(part) and len(dates.split()) == 2
        if between and asks_difference(kb, part):
            part = f"{part} {dates}"
        elif (
            between
            and changes
            and kb.vocabulary.asks_count(part)
            and len(part.split()) <= ELLIPTIC_PART_WORDS
        ):
            # «…¿en cuánto se incrementó el número de compromisos y en cuánto el de PAL?»: that change too
            part = f"{part} {dates} {changes}"
        if part is not parts[0] and carried and not sources_named(kb, part):
            part = f"{carried}{part}"
            of_document.append(len(replies))
        replies.append(reply := part_reply(kb, asked, f"{about}{part}"))
        asked = with_slots(asked, reply[1]) if reply else asked
    if all(reply is None for reply in replies) or (not enumerated and None in replies):
        return None
    joined = not enumerated and parts is not those
    # «…y en qué fechas sería?»: the quote of the whole question answers it better than a passage found for
    # its second half alone, unless that half asks of the document the first names («El comunicado
    # INAI/083/18 menciona un evento. ¿De qué evento se trata y en qué fechas se celebraría?»)
    if joined and any(_quotes(reply) for at, reply in enumerate(replies) if at and at not in of_document):
        return None
    texts: list[str] = []
    for part, reply in zip(parts, replies, strict=True):
        said = reply[0] if reply else f"Sobre «{part.strip(' ¿?.')}»: {NOT_FOUND[0].lower()}{NOT_FOUND[1:]}"
        if said not in texts:
            texts.append(said)
    if of_document and len(texts) == 1:  # «…unas recomendaciones. ¿Qué dicen y de qué fecha son?»: one
        return None  # answer of the document for both: the message as a whole is read
    last = next(reply for reply in reversed(replies) if reply is not None)
    return note_once(kb, texts), last[1]


def _quotes(reply: Reply | None) -> bool:
    """Whether ``reply`` quotes the documents (it keeps the document it quotes as the topic)."""
    topics = [event.get("value") for event in (reply[1] if reply else []) if event.get("name") == "tema"]
    return any(str(topic).startswith("documento:") for topic in topics)


def part_reply(kb: KnowledgeBase, tracker: Tracker, part: str) -> Reply | None:
    """One of the questions of a message that asks several in turn: what a message of its own gets from
    :func:`any_intent`, a recommendation it names by its ordinal (when the message speaks of the
    recommendations), the question engine (:func:`computed`), a follow-up of the part before
    (:func:`in_context`), the list of states it asks for, a figure it counts, or the documents; None when
    none answers it."""
    asked = with_text(tracker, part)
    if (found := any_intent(kb, asked)) is not None:
        return found
    # «Dice mi abuelo: ¿en qué año se sumó Oaxaca…? ¿Y cuántos entraron ese mismo año?»: the state first
    named = resources.state_finder().find(part)
    if (stated := _of_one_state(kb, part, named, short=False)) is not None:
        return stated
    ordinal = recommendation_named(kb, part)
    if ordinal is not None and mentions(kb.vocabulary.about.names, text_of(tracker)):
        return recommendation_answer(kb, ordinal), remembered(Topic("recomendacion", str(ordinal)))
    if (found := computed(kb, asked) or in_context(kb, asked)) is not None:  # «…y qué les pide?»
        return found
    aspect = kb.vocabulary.aspect(part)  # «¿qué estados tienen STL…»: the list, for «…y cuáles de ellos…?»
    members = kb.vocabulary.follow_up(part) == "members"  # not «¿por quiénes se integra un STL…?»
    if aspect in ("stl", "pal") and mentions(kb.vocabulary.figure_questions.which, part) and not members:
        year = year_of(part)
        listed = Topic.dated("lista", aspect, year)
        return list_reply(kb, aspect, part, year), [remember(listed)]
    if kb.vocabulary.asks_count(part) and (metric := metric_of(kb, part)) in kb.figures.metrics:
        counts = question_parts(kb, part)  # «¿cuántos había a inicios de 2018 y cuántos en agosto de 2020?»
        if len(counts) > 1:
            return parts_answer(kb, counts, None)[0], [remember(None)]
        # «…y de qué fecha es?», «¿y en enero de 2018?» may follow, about that figure
        year = year_of(part)
        figure = Topic.dated("cifra", metric, year)
        return asked_figure(kb, part, None)[0], [remember(figure)]
    return from_documents(kb, asked)


def _also_a_state(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The status of the one state a message that asks several things names in a question of its own, or in
    the question it ends with («…¿y ya hay algo funcionando en Nuevo León?»); None otherwise («soy de SLP,
    ¿hay una guía para el plan?» names the state only to introduce itself)."""
    text = text_of(tracker)
    named = resources.state_finder().find(text)
    state = kb.state(named[0].replace("-", " ")) if len(named) == 1 else None
    if state is None or (text.count("?") < 2 and not resources.state_finder().find(asked_part(text))):
        return None
    return status_answer(kb, state), [SlotSet("estado", state.name), remember(Topic("estado", state.name))]


Readers = tuple[Callable[[KnowledgeBase, Tracker], "Reply | None"], ...]


def _replies(kb: KnowledgeBase, tracker: Tracker, readers: Readers) -> Iterator[Reply]:
    """The replies of ``readers`` that read the message, in order."""
    return (reply for reader in readers if (reply := reader(kb, tracker)) is not None)


def said_by(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué comunicado dice 26 estados?», «¿y el que decía 26?»: the documents that give a number; None
    when the message asks no such thing."""
    said = said_by_answer(kb, text_of(tracker))
    if not said:
        return None
    # «¿y el título exacto?» may follow, about the one document that says it
    cited = cited_in(kb, said)
    return said, [quoted(cited[0]) if len(cited) == 1 else remember(None)]


COUNTED_WORDS = 12  # «¿cuáles eran esos 16 estados?»: a question this short names a group by its count


def _after_number(text: str, value: int) -> str:
    """The word right after ``value`` in ``text`` («esos 16 estados» → «estados»), or ""."""
    found = re.search(rf"(?<![\w/.]){value}\s+(\w+)", fold(text))
    return found.group(1) if found else ""


def counted_states(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿cuáles eran esos 16 estados?»: the one group of that many states the documents name (a dated list,
    the states of a year of joining); None when the message names no such count, or a year or a state."""
    text = text_of(tracker)
    if len(text.split()) > COUNTED_WORDS or not mentions(kb.vocabulary.figure_questions.which, text):
        return None
    if year_of(text) is not None or resources.state_finder().find(text):
        return None
    # «esos 16 estados», «los 21 STL»: the number right before what it counts (not «14.- Explica qué es…»)
    counted = [
        value
        for value, metric in quoted_figures(kb, text)
        if metric in ("estados", "stl", "pal")
        and mentions(kb.figure_words(metric), _after_number(text, value))
    ]
    if len(counted) != 1 or (said := counted_list_answer(kb, counted[0])) is None:
        return None
    return said, [remember(None)]


def claimed(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«El INAI me dijo que ya son 32 estados, confírmalo»: the documents' figure against the one claimed;
    None when the message asks to confirm no figure."""
    text = text_of(tracker)
    if joined_year_asked(kb, text) is not None:  # «¿es cierto que en 2015 se sumaron 13?»: the states of 2015
        return None
    later = (year := year_of(text)) is not None and year > kb.newest_date().year
    if later and kb.vocabulary.asks_count(question_sentence(text)):
        return None  # «Leí que son 21 STL. ¿Cuántos hay ahora, en 2025?»: a count the documents do not reach
    if resources.state_finder().find(kb.vocabulary.without_origin(text)):
        return None  # «…son 30 estados, ¿Tamaulipas ya está entre esos 30?»: that state's status
    if (said := claim_answer(kb, text)) is None:
        return None
    metric = metric_of(kb, text)  # «entonces, ¿cuál es el último dato documentado?» may follow
    return said, [remember(Topic("cifra", metric) if metric in kb.figures.metrics else None)]


def acronym(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué significa la sigla COMAIP?», «que son esas siglas INAI y SNT»: the name the documents write
    before each, and the documents that use it; None when the message asks no acronym of theirs."""
    text = text_of(tracker)
    if kb.vocabulary.asks_guide(text):  # «el nombre completo de cada guía que menciona… del SNT»: the guides
        return None
    # «¿cómo se llama la persona titular de la dirección… del INAI? nombre completo»: a person's name
    if kb.vocabulary.asks_for_names(text):
        return None
    # «¿con quién ideó el INAI el proyecto? con siglas», «…no lo ideó solo sino con otra institución. ¿Cómo se
    # llamaba y cuáles eran sus siglas?»; not «…la que ideó el proyecto junto con el INAI. ¿Qué es la COMAIP,
    # cómo se llama completa?», which names the acronym it asks
    question = question_sentence(text) or text
    asked = acronyms_asked(kb, text)
    named = [acronym for acronym in asked if acronym.lower() in re.findall(r"\w+", fold(question))]
    beyond = kb.vocabulary.beyond_definition
    if mentions(beyond, question) or (mentions(beyond, text) and not named):
        return None
    said = [found for acronym in asked if (found := acronym_answer(kb, acronym))]
    return ("\n".join(said), [remember(None)]) if said else None


def busiest_year(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿En qué año se sumaron más estados y cuántos fueron?»: that year, its states and the other years;
    None when the message asks no such thing."""
    if not mentions(kb.vocabulary.figure_questions.busiest_year, text_of(tracker)):
        return None
    return busiest_year_answer(kb), [remember(None)]


def start_claim(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Es correcto que la iniciativa arrancó en 2017?»: «No.» or «Sí.», then since when it runs (the first
    year states joined); None when the message says no year the initiative began, or names a state or a
    part of one's status («¿Jalisco empezó en 2016?» is that state's)."""
    text = text_of(tracker)
    claimed_year = kb.vocabulary.start_claimed(text)
    # «¿qué estados arrancaron en 2015?» asks which states joined then
    which = mentions(kb.vocabulary.figure_questions.which, text) or kb.vocabulary.asks_count(text)
    if claimed_year is None or which or resources.state_finder().find(text):
        return None
    if kb.vocabulary.aspect(text) in ("stl", "pal"):
        return None
    first = kb.first_joined_year()
    return f"{'Sí' if claimed_year == first else 'No'}. {since_answer(kb)}", [remember(None)]


def inai_gone(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué pasa con las recomendaciones ahora que no hay INAI?»: the dated notes on what became of INAI;
    None when the message does not say INAI is gone."""
    text = text_of(tracker)
    if not says_inai_gone(kb, text):
        return None
    # «sale COMAIP 👀 ¿qué es eso? ¿sigue existiendo??»: another body, which its name answers
    other = _other_bodies(kb, text)
    if other and (named := acronym_answer(kb, other[0])) is not None:
        # and how the documents speak of it («…en colaboración con la extinta…»)
        used = acronym_in_use(kb, other[0])
        return (f"{named.splitlines()[0]}\n{used}" if used else named), [remember(None)]
    return inai_today_answer(kb), [remember(Topic("contacto", "inai"))]


def _other_bodies(kb: KnowledgeBase, text: str) -> list[str]:
    """The acronyms ``text`` names of bodies the notes on what became of INAI say nothing of (COMAIP)."""
    return [acronym for acronym in acronyms_named(kb, text) if not kb.notes_for(acronym)]


def says_inai_gone(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` says INAI (or the initiative) is gone or asks if it goes on; not of a figure it
    points at («…26 entidades participantes. ¿Ese dato sigue vigente?»: the newest figure answers that)."""
    figure = mentions(kb.vocabulary.figure_questions.this_figure, text) and metric_of(kb, text) is not None
    # «cable dice «62 compromisos». sigue vigente?»: a figure quoted by its value, asked whether it holds
    return mentions(kb.vocabulary.inai_gone, text) and not figure and not quoted_figures(kb, text)


def obliged(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Mi estado está obligado a tener plan de acción?», «¿es obligatorio o es por gusto?»: what the
    documents say of it (the initiative is voluntary), not a list or a state's status; None otherwise."""
    text = text_of(tracker)
    if not kb.vocabulary.asks_obligation(text) or refused(kb, tracker):
        return None
    # the documents say it of the initiative as a whole: «¿Jalisco está obligado a entrar?», «¿los STL los
    # tengo que armar sí o sí?» are asked as that
    return from_documents(kb, tracker, kb.vocabulary.obligation_asked)


def how_to(kb: KnowledgeBase, tracker: Tracker, term: str | None = None) -> Reply | None:
    """«¿Cómo armo un PAL?», «¿qué pasos seguimos para arrancar un ejercicio de gobierno abierto?»: the
    term's definition and its guide, or how the initiative works step by step (a message about the
    initiative that names no term asks about ``term``, else about the initiative); None when the message asks
    no such thing."""
    text = text_of(tracker)
    if not kb.vocabulary.asks_how_to(text) or refused(kb, tracker):
        return None
    if kb.vocabulary.missing(text) == GUIDE_CONTENTS:  # «¿qué etapas propone la guía para diseñar…?»
        return None
    # «…la crónica, como se hace con cualquier proceso: ¿en qué año arrancó?»: the question asks another thing
    question = question_sentence(text) if "¿" in text else ""
    if (
        question
        and mentions(kb.vocabulary.interrogatives, question)
        and not kb.vocabulary.asks_how_to(question)
    ):
        return None
    # «¿cómo podríamos empezar algo así en nuestro estado?»: the initiative, in one's own state
    ours = mentions(kb.vocabulary.own_state, text)
    named = terms_named(kb, text) or (
        [term or INITIATIVE] if kb.vocabulary.in_domain(text) or term or ours else []
    )
    if len(named) != 1:
        return None
    if (guide := guide_for(kb, named[0])) is not None:
        return how_to_answer(kb, named[0], guide), [remember(Topic("guia", guide.id))]
    # «¿y eso cómo se hace?» after «gobierno abierto»: a term with no steps is practised by the initiative
    term = named[0] if kb.term(named[0]) and kb.term(named[0]).steps else INITIATIVE
    steps = steps_answer(kb, term)
    return (steps, [remember(Topic("definicion", term))]) if steps else None


def advice(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«…queremos instalar un STL, ¿a quién le podemos pedir asesoría?»: whom to turn to, the contacts the
    documents give with the dated INAI note, whatever intent NLU gave the message; None otherwise."""
    if not kb.vocabulary.asks_advice(text_of(tracker)) or refused(kb, tracker):
        return None
    if kb.vocabulary.asks_for_names(text_of(tracker)):  # «¿cómo se llaman quienes daban la asesoría?»
        return None
    return contacts_answer(kb, text_of(tracker)), [remember(Topic("contacto", "inai"))]


def of_a_state(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """A message that names one state and asks one part of its status («oaxaka cuántos planes lleva»,
    «qroo se unió en qué año»), answered for that state whatever intent NLU gave it; None otherwise."""
    text = text_of(tracker)
    return _of_one_state(kb, text, resources.state_finder().find(text))


def _of_one_state(kb: KnowledgeBase, text: str, named: list[str], short: bool = True) -> Reply | None:
    """A part of the status of the one state ``text`` names («qroo se unió en qué año»), in a short message
    (any, when not ``short``: one question of several); None otherwise."""
    if len(named) != 1 or not kb.vocabulary.aspect(text):
        return None
    if short and _subject_words(kb, text) > CONTEXT_MAX_WORDS:
        return None
    asks_guide = kb.vocabulary.asks_guide(asked_part(text))
    # «…en Tamaulipas. ¿Hay algún documento de apoyo?»: the state only introduces; «por que chiapas no tiene
    # stl»: why, which the state's own answer says the documents do not explain
    if asks_guide or mentions(kb.vocabulary.why, text):
        return None
    state = kb.state(named[0].replace("-", " "))
    found = followup_answer(kb, Topic("estado", state.name), text, strict=True) if state else None
    return (found[0], remembered(found[1])) if found else None


def _subject_words(kb: KnowledgeBase, text: str) -> int:
    """How many words ``text`` has besides the names of the initiative and of open government (the terms
    that are no step of another): «chiguagua desde cuándo está en lo de gobierno abierto» asks of a state
    in five."""
    return len(without(kb.whole_names(), text).split())


BARE_WORDS = 5  # «cdmx», «q onda con oaxaca», «q dice la 3»: a message this short names one thing
LISTED_WORDS = 8  # «baja califa esta en la lista o nel»: a state asked of the list, this short


_FEMININE = re.compile(r"\bla\s+\S+|\b(?:primera|segunda|tercera|cuarta)\b")


def state_alone(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«cdmx», «q onda con oaxaca»: a short message that names one state and asks nothing else gets its
    status, as does one that asks whether it is in the list («baja califa esta en la lista o nel»); None
    otherwise."""
    text = text_of(tracker)
    named = resources.state_finder().find(text)
    listed = mentions(kb.vocabulary.context.member_of, text) and len(text.split()) <= LISTED_WORDS
    if len(named) != 1 or not (len(text.split()) <= BARE_WORDS or listed) or kb.vocabulary.aspect(text):
        return None
    state = kb.state(named[0].replace("-", " "))
    if state is None:
        return None
    return status_answer(kb, state), remembered(Topic("estado", state.name))


def recommendation_alone(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«q dice la 3», «¿y la cuarta?»: a short message naming «la» and an ordinal, and nothing else the
    documents count (no state, figure, list or guide), asks for that recommendation unless the guides were
    just listed; None otherwise."""
    text = text_of(tracker).split(",")[-1]  # «ok gracias, y q dice la 2?»
    if (topic := topic_of(tracker)) is not None and topic.kind == "guias":
        return None  # «¿y la segunda?» after the list of guides: the second guide
    ordinal = recommendation_named(kb, text)
    if ordinal is None or len(text.split()) > BARE_WORDS:
        return None
    others = (
        resources.state_finder().find(text)
        or metric_of(kb, text) not in (None, "estados")
        or kb.vocabulary.aspect(text)
        or kb.vocabulary.asks_guide(text)
    )
    if others or not _FEMININE.search(fold(text)):
        return None
    return recommendation_answer(kb, ordinal), remembered(Topic("recomendacion", str(ordinal)))


DATES_BACK = 3  # «¿… entre una fecha y otra?»: the dates of the last messages this far back
MAX_STATES_EACH = 8  # «¿y allá cuántos planes tenían?» is answered state by state for no more than these


def against_the_list(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Y cuáles no?» right after a computed list or a list of states: the others
    (:func:`complement_answer`); «¿cuáles se agregaron después?» right after a dated list or figure of STL
    or plans: the states in the newest list and not in that one. None otherwise, or when the message names
    a state."""
    topic, text = topic_of(tracker), text_of(tracker)
    if (
        topic is None
        or topic.kind not in ("consulta", "lista", "cifra")
        or resources.state_finder().find(text)
    ):
        return None
    kind, _, year = topic.key.partition("@")
    added = topic.kind != "consulta" and kind in ("stl", "pal")
    added = added and mentions(kb.vocabulary.conditions.added, text) and year_of(text) is None
    # «…entre una fecha y la otra se publicaron cuántos nuevos?» after a figure: how many more, not which
    counted = kb.vocabulary.asks_count(text) and not mentions(kb.vocabulary.figure_questions.which, text)
    added = added and not (topic.kind == "cifra" and counted)
    if added and not kb.vocabulary.aspect(text):
        # «¿cuáles se agregaron entre una lista y otra?» after the newest figure: since the one asked before
        asked_years = [asked for asked in map(year_of, previous_questions(tracker, DATES_BACK)) if asked]
        since = min([*([int(year)] if year.isdigit() else []), *asked_years], default=None)
        first = kb.lists_of_kind(kind)[0].date if kb.lists_of_kind(kind) else None
        if mentions(kb.vocabulary.conditions.first_list, text) and first is not None:
            since = first.year  # «¿cuáles son los que no estaban en la primera lista?»
        if since is not None and (found := added_since_answer(kb, kind, since)) is not None:
            asked = f"¿qué estados con {kind} se agregaron después de {since}?"
            return found, [remember(Topic("consulta", asked))]
    if topic.kind == "cifra":
        return None
    previous = topic.key.split(THEN) if topic.kind == "consulta" else _listed(topic)[0]
    # «¿Y en qué año se había sumado cada una de esas entidades?» after a computed list: each one's year
    asks_of_each = topic.kind == "consulta" and kb.vocabulary.follow_up(text) != "source"
    if asks_of_each and (each := each_of(kb, states_meeting(kb, previous), text)) is not None:
        return each, []
    aspect = kb.vocabulary.aspect(text)
    back = kb.vocabulary.refers_back(text) or kb.vocabulary.refers_to_those(text)
    each_counted = kb.vocabulary.asks_count(text) and not mentions(
        kb.vocabulary.figure_questions.count_of_those, text
    )
    if topic.kind == "consulta" and back and aspect in ("stl", "pal") and each_counted:
        # «¿y allá cuántos planes tenían?» after the states of 2017 with STL: each of them; not «¿cuántos de
        # esos tenían PAL?», which counts the states
        group = states_meeting(kb, previous)
        if 0 < len(group) <= MAX_STATES_EACH:
            return "\n".join(status_answer(kb, state, aspect) for state in group), []
    other = complement_answer(kb, previous, text)
    return (other, []) if other is not None else None


def per_state(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Cuántos planes tiene cada estado?»: the states grouped by their number of plans, whatever intent NLU
    gave it; None when the message asks no count of plans state by state, or names a state."""
    text = text_of(tracker)
    if not mentions(kb.vocabulary.per_state, text) or resources.state_finder().find(text):
        return None
    if kb.vocabulary.aspect(text) != "pal" and (metric := national_only(kb, text)) is not None:
        # «¿cuántos compromisos hay por estado?»: the documents give the country's figure only
        return national_only_answer(kb, metric, "cada estado", text), [remember(Topic("cifra", metric))]
    if kb.vocabulary.aspect(text) != "pal" or not kb.vocabulary.asks_count(text):
        return None
    return plans_by_count_answer(kb), [remember(Topic("lista", "pal"))]


NOTE_REACH = 12  # characters either side of «nota» where its number stands («la segunda nota», «nota no. 3»)


def verbatim(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«Cítame textual la frase del comunicado de agosto de 2020 donde vienen las cifras»: the documents' own
    sentence, asked of them without the words that ask for it verbatim; None when the message asks for no
    sentence of a document, or they have none."""
    text = text_of(tracker)
    sentence = mentions([*kb.vocabulary.documents.kind_words, *kb.vocabulary.verbatim_of], text)
    if not mentions(kb.vocabulary.verbatim, text) or not sentence or kb.vocabulary.asks_guide(text):
        return None  # «¿qué guías da el comunicado…? dame los nombres tal cual»: the guides
    if recommendation_named(kb, text) is not None:  # «cítame textual la primera»: its official text
        return None
    terms = terms_named(kb, text)
    if len(terms) == 1 and kb.vocabulary.asks_definition(text):
        # «¿Cómo define textualmente el módulo al STL?»: the definition, with the documents' words
        return definition_answer(kb, terms[0]), [remember(Topic("definicion", terms[0]))]
    return from_documents(kb, tracker, without(kb.vocabulary.verbatim, text))


def footnote(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿A qué documento remite la nota 2?», «¿y la 4?» right after a footnote: the footnote as it reads and
    the sentence that cites it, of the document named, or just quoted, or the one document with notes;
    None otherwise."""
    text, topic = text_of(tracker), topic_of(tracker)
    after_note = topic is not None and topic.kind == "nota" and len(text.split()) <= CONTEXT_MAX_WORDS
    after_note = after_note and not kb.vocabulary.in_domain(text)  # «¿y la tercera recomendación?»
    if not (mentions(kb.vocabulary.footnotes, text) or after_note):
        return None
    # the number next to the note's word («la nota 2», «la segunda nota»), not «¿qué estados tienen dos
    # planes? Es para una nota al pie»
    near = [
        fold(text)[max(start - NOTE_REACH, 0) : end + NOTE_REACH]
        for start, end in spans(kb.vocabulary.footnotes, text)
    ]
    if (number := kb.vocabulary.ordinal(" ".join(near) if near else text)) is None:
        return None
    noted = [ref for ref, source in kb.sources.items() if source.notes]
    named = [ref for ref in sources_named(kb, text) if ref in noted]
    before = topic.key.partition("@")[0] if after_note and topic else last_quoted(tracker)
    refs = named or ([before] if before in noted else noted)
    if len(refs) != 1 or (said := note_answer(kb, refs[0], number)) is None:
        return None
    return said, [remember(Topic("nota", f"{refs[0]}@{number}"))]


PLAIN_OPENING_WORDS = 4  # «Explíquemelo más sencillo, para…»: an opening this short asks only plain words


REPEAT_WORDS = 14  # «perdón no le entendí coma me lo repite en una sola frase»: no longer than this


def repeated(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«perdón, no le entendí, ¿me lo repite?»: the last answer again, its topic kept; None when the message
    asks no such thing or nothing was answered yet."""
    text = text_of(tracker)
    if len(text.split()) > REPEAT_WORDS or not mentions(kb.vocabulary.context.repeat, text):
        return None
    said = [
        event.get("text") for event in tracker.events if event.get("event") == "bot" and event.get("text")
    ]
    return (said[-1], [remember(topic_of(tracker))]) if said else None


def in_context(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """A short message that a follow-up of the last answer resolves («¿desde qué año?», «la anterior»,
    «¿y para quién es?»), or that names one state and a part of its status («qroo se unió en qué
    año»), answered in that topic although NLU sent it elsewhere (to search, or to the off-topic
    refusal); None otherwise."""
    if (again := repeated(kb, tracker)) is not None:  # «¿me lo repite?»
        return again
    if along := along_the_document(kb, tracker) or against_the_list(kb, tracker) or footnote(kb, tracker):
        return along  # «¿y qué sigue?» after a quote, «¿y cuáles no?» after a list, «¿y la 4?» after a note
    if (again := figures_again(kb, tracker)) is not None:  # «¿cuál es la variación de cada uno…?»
        return again
    if (origin := devised_before(kb, tracker)) is not None:  # «¿y quién la armó?» after the initiative
        return origin
    text = text_of(tracker)
    named = resources.state_finder().find(text)
    if (stated := _of_one_state(kb, text, named)) is not None:  # «qroo se unió en qué año»: that state's
        return stated
    topic = topic_of(tracker)
    if named and not (
        topic and topic.kind == "estado" and kb.state(topic.key) == kb.state(named[0].replace("-", " "))
    ):
        return None  # another state: a question of its own
    # «Muy amable. ¿Y de qué documento…?», «¿Qué medio lo reportó? Lo necesito para la bibliografía.»
    short = _subject_words(kb, asked_part(text).partition("?")[0]) <= CONTEXT_MAX_WORDS
    # «¿y cómo estaba eso en el comunicado de enero de 2018?» after a computed question
    again = topic is not None and topic.kind == "consulta" and asks_again_in_year(kb, text)
    short = short or again
    # «¿y para mejorar los compromisos del plan de acción?»: a message that starts with «y» continues
    short = short or (and_then(text) and len(text.split()) <= AND_THEN_MAX_WORDS)
    # «Explíquemelo fácil, para un usuario joven de la biblioteca.»: plain words of the last answer
    short = short or (kb.vocabulary.follow_up(text) == "plain" and not kb.vocabulary.in_domain(text))
    # «Explíquemelo más sencillo, para unas vecinas que nunca han oído de gobierno abierto.»: the request
    # opens the message; what follows says for whom
    opening = re.split(r"[,.:;]", text, maxsplit=1)[0]
    short = short or (
        kb.vocabulary.follow_up(opening) == "plain" and len(opening.split()) <= PLAIN_OPENING_WORDS
    )
    # «¿De qué fecha es ese dato de los STL?», «¿cuáles son los nuevos vs esa lista de antes?»: of what was
    # just said, pointed at
    short = short or (kb.vocabulary.points_back(text, near=False) and len(text.split()) <= POINTED_MAX_WORDS)
    # «No, te pregunté por 2018, por el comunicado de enero de ese año.»: the last question, corrected
    short = short or mentions(kb.vocabulary.context.corrections, text)
    # «¿Y alguno de los dos tiene Plan de Acción Local publicado según el corte más reciente?» after two
    short = short or (topic is not None and _continues_state(kb, topic, text))
    # «¿Qué entidades explican el incremento entre ambos cortes?» after a figure of two dates: how it changed
    short = short or (topic is not None and _changed_since_figure(kb, topic, text))
    if topic is None or (not short and not _asks_of_document(kb, topic, text)):
        return None
    if acronyms_asked(kb, text):  # «y eso que significa? que es el inai?»: what the acronym stands for
        return None
    if says_inai_gone(kb, text) and _other_bodies(kb, text):  # «…la CONAIP… ¿todavía existe?»: of its own
        return None
    # «Asimismo, en marzo de 2018, ¿cuántas entidades federativas faltaban por sumarse?» after a computed
    # question: the entidades missing from the initiative, a question of its own
    if topic.kind == "consulta" and kb.vocabulary.asks_missing(text) and metric_of(kb, text) == "estados":
        return None
    # «¿Y cuáles son los que aparecen en 2020 y no estaban en la lista de 2018?»: the question engine's
    if len(set(years_of(text))) > 1 and mentions(kb.vocabulary.figure_questions.which, text):
        return None
    found = followup_answer(kb, topic, text, strict=True)
    # «¿Cuántos son en total? Lo pongo en la ficha.»: the question, without the aside after it
    if found is None and (asked := before_aside(text)) != text:
        found = followup_answer(kb, topic, asked, strict=True)
    return (found[0], remembered(found[1])) if found else None


def _changed_since_figure(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«Entonces, ¿cuántos se sumaron entre una fecha y otra?», «¿Y cuáles de esos son nuevos comparado con
    la lista de 2018?» right after a figure: a message that names no other figure and no state and asks what
    was added or how much it changed asks it of that figure."""
    if topic.kind != "cifra" or metrics_named(kb, text) or resources.state_finder().find(text):
        return False
    words = kb.vocabulary
    return mentions(words.conditions.added, text) or mentions(words.figure_questions.difference, text)


def _asks_of_document(kb: KnowledgeBase, topic: Topic, text: str) -> bool:
    """«¿En el marco de qué sesión se aprobaron y bajo qué modalidad se celebró dicha sesión?»: a long
    message asking who issued, when, in what session or for whom, right after the recommendations or a
    guide, follows them up (no other topic has these)."""
    asks = kb.vocabulary.follow_up(text)
    if topic.kind == "guias" and len(sources_named(kb, text)) == 1:  # «¿y cuál de esas no aparece en el…?»
        return True
    # «¿y qué número trae? porque yo vi algo raro, como de 2019» right after a document: its own
    if (
        topic.kind == "documento"
        and mentions(kb.vocabulary.documents.number, text)
        and not sources_named(kb, text)
    ):
        return True
    # «Para la cita correcta, ¿cuál es la fecha exacta del documento y tiene número de comunicado?»
    source = (
        asks == "source"
        and topic.kind == "recomendacion"
        and mentions(kb.vocabulary.documents.kind_words, text)
    )
    return source or (asks in ("issuer", "session", "date", "audience") and topic.kind in _FOLLOWED_UP)


_FOLLOWED_UP = ("recomendacion", "recomendaciones", "guia")


COHORT_WORDS = 10  # «¿y cuáles se quedaron sin STL?» after the states of a year: no longer
# the longest question kept as the topic a «y de esos…» filters further
QUESTION_MAX_CHARS = 400


def computed(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """The question engine's answer when it can read the message (conditions on the states, a change in
    a figure, the entidades missing), whatever intent NLU gave it: those questions name figures and
    lists precisely enough to be in the domain; «y de esos…» after one of them filters its states
    further. None when it cannot."""
    if (other := against_the_list(kb, tracker)) is not None:  # «¿y cuáles no?» after a list
        return other
    # «Ya tengo los estados de 2015 y 2016… ¿Qué estados se sumaron durante 2017?»: the sentences before the
    # question's set the scene; their years and lists are not asked
    text = whole = text_of(tracker)
    if asks_what_it_is(kb, text):  # «…, que compara su mecánica con la de la AGA, ¿cómo se define…?»
        return None
    # «…los compromisos que tiene Coahuila en sus dos planes, ¿cuáles son?»: a figure the documents give for
    # the country only, asked of one state (the state's answer says so)
    if len(resources.state_finder().find(text)) == 1 and national_only(kb, text) is not None:
        return None
    # «¿cuántos se metieron el primer año?»: the first year's states
    # «¿Y cuántas de ellas lo hicieron en el primer año?» right after how many had joined: of joining too
    if (first_or_last := first_or_last_joined(kb, text, counted_joining(topic_of(tracker)))) is not None:
        return first_or_last
    # «de 26 estados en 2018 pasaron a 30 en 2020. ¿cuáles son esos 4 estados nuevos?»: the documents do
    # not name them; the scene gives the change
    if (unnamed := new_participants_answer(kb, text)) is not None:
        return unnamed, [remember(Topic("cifra", f"estados@{HISTORY}"))]
    # «El Estado de México entró en 2016. De los … ese mismo año…», «…de agosto de 2020… en esa fecha?»: whole
    # «Me dijeron que todos los de 2015 tienen STL. ¿Es cierto?»: the claim is what is asked
    back = [
        *kb.vocabulary.conditions.same_year,
        *kb.vocabulary.context.same_date,
        *kb.vocabulary.context.of_scene,
    ]
    # «Estoy marcando los estados que tienen STL pero todavía no tienen PAL… ¿Cuáles son?», «…estados que se
    # sumaron en 2015, que tienen STL y plan. ¿Cuántos son y cuáles?»: a question that names nothing asks
    # what the sentence before says
    question = question_sentence(text)
    # «Leí que algunos estados tienen dos planes de acción. ¿Cuáles son esos estados?»: those of the scene
    pointed = kb.vocabulary.context.demonstratives
    of_scene = question != text and mentions([*pointed.far, *pointed.near], question)
    of_scene = of_scene and not mentions(kb.vocabulary.conditions.added, question)  # not «…los 5 nuevos?»
    scene = text[: len(text) - len(question)]
    if (
        not mentions(back, question)
        and not bare(question)
        and not _names_nothing(kb, question)
        and not of_scene
    ):
        # «Crucé la lista de STL de 2018 con la de 2020. ¿Qué estados aparecen en 2020 que no estaban en
        # 2018?»: the scene names the list the question means
        listed = kb.vocabulary.aspect(scene)
        named = kb.vocabulary.aspect(question) in ("stl", "pal")
        text = f"{question} {listed}" if listed in ("stl", "pal") and not named else question
    # «Leí que en 2018 había PAL en Morelos, Durango… ¿Qué estados se agregaron para 2020?»: since then
    asked_years = set(years_of(question))
    added = mentions(kb.vocabulary.conditions.added, question) and len(asked_years) < 2
    # «El comunicado INAI/002/18 reporta 16 STL y el de agosto de 2020, 21. ¿Qué estados explican esa
    # diferencia?»: since the earliest date the scene names, by year or by a document's number
    dated = [*years_of(scene), *kb.years_numbered(scene)]
    if (quoted := date_of_quoted(kb, scene)) is not None:  # «Los STL pasaron de 16 a 21… ¿cuáles…?»
        dated.append(quoted.year)
    if added and (since := min(dated, default=None)) is not None and since not in asked_years:
        text = f"{text} {kb.vocabulary.conditions.after[0]} {since}"
    topic = topic_of(tracker)
    # «los que entraron ese mismo año» after a state (or a few that joined the same year)
    text = in_year_of(kb, text, joined_with(kb, topic))
    joins = any(c.kind in ("joined", "not_joined") for c in parse(kb, text).conditions)  # not a figure's year
    # how figures changed; not «¿qué estados explican esa diferencia?», which asks for the states
    which = mentions(kb.vocabulary.figure_questions.which_states, text)
    if not joins and not which and (several := several_figures_answer(kb, text)) is not None:
        return several, [remember(changes_topic(kb, text))]
    # «dame las cifras de estados, STL y PAL…»; not «De los estados que entraron en 2015, ¿cuáles no tienen
    # STL?», states
    listing = joins and mentions(kb.vocabulary.figure_questions.which, text)
    if not listing and (asked := figures_asked_answer(kb, text)) is not None:
        return asked, [remember(None)]
    counts_states = "estados" in metrics_named(kb, text) or mentions(
        kb.vocabulary.figure_questions.which, text
    )
    if (
        not counts_states and (each := each_figure_answer(kb, text)) is not None
    ):  # «¿cuántos STL hay? ¿y planes?»
        return each, [remember(figures_topic(kb, text))]
    if (topic is None or topic.kind != "estado") and len(named := resources.state_finder().find(text)) == 1:
        # «…el mismo año que Michoacán?»
        # «De las entidades que se sumaron junto con Querétaro, ¿cuáles…?»: of that year too
        one = kb.state(named[0].replace("-", " "))
        text = along_with(kb, in_year_of(kb, text, one), one)
    same_year = mentions(kb.vocabulary.conditions.same_year, text)  # «…de los que entraron ese año…»
    # «¿y cuáles se quedaron sin STL?» right after the states of a year: of them
    which_of = mentions(kb.vocabulary.figure_questions.which, text) and year_of(text) is None
    which_of = which_of and kb.vocabulary.aspect(text) in ("stl", "pal") and len(text.split()) <= COHORT_WORDS
    those = kb.vocabulary.refers_to_those(text) or same_year or which_of
    if topic is not None and topic.kind == "ingreso" and those:
        # «¿y cuál de ellos tiene PAL?» after the states of 2017: those that joined that year
        text = f"{text} {kb.vocabulary.conditions.joined[0]} en {topic.key}"
    asked = text
    # «¿y cuáles de esas entidades…?» after how many STL there were: the states of that list
    if topic is not None and topic.kind == "cifra" and topic.key.partition("@")[0] in ("stl", "pal"):
        topic = Topic("lista", topic.key)
    if topic is not None and topic.kind in ("consulta", "lista"):  # «y de esos, ¿cuántos tienen 2?»
        text = of_plans(kb, text, topic.key.partition("@")[0] if topic.kind == "lista" else topic.key)
    if topic is not None and topic.kind == "lista" and (added := _added_to_the_list(kb, topic, text)):
        return added  # «¿Cuáles de esos estados no estaban en la lista de 2018?» after the STL of 2020
    if topic is not None and topic.kind == "lista" and (compared := _lists_compared(kb, topic, text)):
        return compared  # «diferencia entre ambas fechas» after the plans of 2018 and of 2020
    # «y de los q sí tienen, ¿cuáles…?»: the others of that group
    pointed = kb.vocabulary.refers_to_those(text) or mentions(kb.vocabulary.conditions.those_with, text)
    those = topic is not None and topic.kind in ("consulta", "lista") and pointed
    previous = []
    if topic is not None and those and topic.kind == "consulta":
        previous = topic.key.split(THEN)
    elif topic is not None and those:  # «y de esos, ¿cuáles tenían plan?» after the STL of 2018: in 2018
        previous, year = _listed(topic)
        past = year and year_of(text) is None and mentions(kb.vocabulary.context.past, text)  # not «tienen»
        text = f"{text} en {year}" if past else text
    if not previous and (new_ones := new_ones_answer(kb, text)) is not None:  # «¿cuántos… y en qué estados?»
        return new_ones, [remember(Topic("consulta", text[:QUESTION_MAX_CHARS]))]
    # «De Sonora, Chihuahua…, ¿cuáles…?», «Compárenos con los vecinos: Querétaro… ¿Cuáles tienen STL?»;
    # not «Leí que había PAL en Morelos, Durango… ¿Qué estados se agregaron para 2020?»: a change of the list
    scene = whole if not mentions(kb.vocabulary.conditions.added, text) else text
    if not previous and (among := _among_named(kb, scene)) is not None:
        return among
    combined = combined_answer(kb, text, previous=previous)
    parts = question_parts(kb, text)
    # «De los que se sumaron en 2015, ¿cuántos ya tenían STL…, y cuáles no?», «¿…ya tenían su STL en enero de
    # 2018? ¿Hubo alguno de esa cohorte que no lo tuviera?»: the others too
    two = parts if len(parts) == 2 else marked_questions(text)
    others = complement_answer(kb, two[:1], two[-1]) if combined and len(two) == 2 else None
    if combined and not others and kb.vocabulary.asks_yes_or_no(text):
        others = other_side_answer(kb, text, previous)  # «los que entraron en 2017 ya tienen STL o no?»: both
    if combined is not None:
        combined = f"{combined}\n{others}" if others else combined
        kept = THEN.join([*previous, text[:QUESTION_MAX_CHARS]])
        return combined, [remember(Topic("consulta", kept))]
    found = figure_question_answer(kb, text)
    # «¿en qué año inició la iniciativa y con qué organismo colaboró el INAI para idearla?»: who too
    if found is not None and (origin := devised_in_part(kb, tracker)) is not None:
        found = f"{found}\n\n{origin[0]}"
    # «¿y los que solo tienen 1?»: the states with that many plans; not «¿y cuántos compromisos tenían esos
    # planes?», a figure
    if found is None and text != asked and metric_of(kb, text) in (None, "pal", "estados"):
        return list_reply(kb, "pal", text, None), [remember(Topic("lista", "pal"))]
    joined = joined_year_asked(kb, text)  # «¿y al año siguiente?» may follow the states of a year
    changed = changed_figure(kb, text)  # «¿y cuántos PAL más?» may follow a figure's change
    kept_topic = (
        Topic("ingreso", str(joined))
        if joined
        else Topic("cifra", f"{changed}@{HISTORY}")
        if changed
        else Topic("consulta", text[:QUESTION_MAX_CHARS])
    )
    if found and joined and (others := _joined_elsewhen(kb, text, joined)):  # «…y guerrero entró antes?»
        said, cut, source = found.rpartition("\nFuente")
        found = "\n".join([said, *others]) + cut + source if cut else "\n".join([found, *others])
    return (found, [remember(kept_topic)]) if found else None


def joined_with(kb: KnowledgeBase, topic: Topic | None) -> State | None:
    """The state of the last answer, for «ese mismo año»: the one state, or the first of a few that joined
    the same year («Guerrero y Michoacán entraron el mismo año?» → «¿y ese año cuántos entraron?»); None
    otherwise."""
    if topic is None or topic.kind not in ("estado", "estados"):
        return None
    states = [kb.state(name) for name in topic.key.split(STATES_SEPARATOR)]
    years = {state.joined.year if state and state.joined else None for state in states}
    return states[0] if len(years) == 1 and None not in years else None


def counted_joining(topic: Topic | None) -> bool:
    """Whether the last answer counted the states that had joined."""
    return topic is not None and topic.kind == "cifra" and topic.key.partition("@")[0] == "estados"


def first_or_last_joined(kb: KnowledgeBase, text: str, joining: bool = False) -> Reply | None:
    """«y de esos, ¿cuántos se metieron el primer año?»: the states of the first (or last) year of joining,
    the documents giving years and no order; None unless a count or a list of them is asked, of no list.
    With ``joining`` (the last answer counted the states that had joined) the question need not say so."""
    extreme = kb.vocabulary.extreme(text)
    asked = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text)
    # «En esa última fecha, ¿cuántos actores locales colaboraban?»: another figure, not the states joining
    joining = joining and metric_of(kb, text) in (None, "estados")
    if not extreme or not asked or not (joining or mentions(kb.vocabulary.conditions.joined, text)):
        return None
    if year_of(text) is not None or kb.vocabulary.aspect(text) in ("stl", "pal"):
        return None
    return undated_years_reply(kb, extreme)


def undated_years_reply(kb: KnowledgeBase, extreme: str | None) -> Reply:
    """The years states joined, the documents giving no order within them; after the first (or last) year's
    states the topic is that year, so «¿y de esos cuáles ya sacaron su plan?» asks of them."""
    years = kb.joined_years()
    shown = {"first": years[0], "last": years[-1]}.get(extreme or "")
    return undated_years_answer(kb, extreme), [remember(Topic("ingreso", str(shown)) if shown else None)]


def _added_to_the_list(kb: KnowledgeBase, topic: Topic, text: str) -> Reply | None:
    """«¿Cuáles de esos estados no estaban en la lista de 2018?» right after a list of STL or plans (the
    newest, or of a later year): the states it adds to that earlier list; None for other follow-ups."""
    kind, _, shown = topic.key.partition("@")
    year = year_of(text)
    listed = kb.vocabulary.listed_kind(text)
    if kind not in ("stl", "pal") or listed not in (None, kind):
        return None
    # «Comparando ambas listas, ¿qué estados aparecen en la segunda que no estaban en la primera?»: the first
    earlier = mentions(kb.vocabulary.conditions.earlier_list, text) or kb.vocabulary.orders_another(text)
    if year is None and earlier:
        year = kb.lists_of_kind(kind)[0].date.year
    if year is None:
        return None
    pointed = kb.vocabulary.refers_to_those(text) or earlier
    if not (pointed and mentions(kb.vocabulary.conditions.added, text)):
        return None
    if year >= (int(shown) if shown.isdigit() else kb.newest_date().year):
        return None
    added = added_since_answer(kb, kind, year)
    return (added, [remember(Topic("lista", kind))]) if added else None


LISTS_COMPARED_WORDS = 8  # «¿cuál es la diferencia entre ambas fechas?» after a list: no longer


def _lists_compared(kb: KnowledgeBase, topic: Topic, text: str) -> Reply | None:
    """«diferencia entre ambas fechas», «¿cuál es la diferencia?» right after a list of STL or plans: how
    the figure changed from the first list to the newest, and the states the newest adds; None for other
    follow-ups (one that names another figure or list, or a year)."""
    kind = topic.key.partition("@")[0]
    if kind not in ("stl", "pal") or len(text.split()) > LISTS_COMPARED_WORDS or year_of(text) is not None:
        return None
    if not mentions(kb.vocabulary.figure_questions.difference, text):
        return None
    if kb.vocabulary.listed_kind(text) not in (None, kind) or metric_of(kb, text) not in (None, kind):
        return None
    first = kb.lists_of_kind(kind)[0].date.year
    added = added_since_answer(kb, kind, first)
    changed = change_answer(kb, kind, first)
    return (f"{changed}\n{added}" if added else changed), [remember(Topic("lista", kind))]


def _joined_elsewhen(kb: KnowledgeBase, text: str, year: int) -> list[str]:
    """When each state a question about the states of ``year`` names besides them joined («¿quiénes se
    sumaron en 2017, y guerrero entró antes o después?»), from the same list of years joined."""
    named = [kb.state(name.replace("-", " ")) for name in resources.state_finder().find(text)]
    return [
        f"{state.name} se sumó a la iniciativa en {state.joined.year}."
        if state.joined
        else status_answer(kb, state, "ingreso")
        for state in named
        if state is not None and not (state.joined and state.joined.year == year)
    ]


def _among_named(kb: KnowledgeBase, text: str) -> Reply | None:
    """«De Sonora, Chihuahua, Coahuila y Nuevo León, ¿cuáles tenían STL y cuáles plan en enero de 2018?»:
    which of the states named first figure in each list asked; None unless the message names two states
    or more before asking which of them."""
    found = resources.state_finder().find(text)
    states = [state for name in found if (state := kb.state(name.replace("-", " "))) is not None]
    kinds = [kind for kind in ("stl", "pal") if mentions(kb.vocabulary.aspects[kind], text)]
    asks = kb.vocabulary.figure_questions.which
    which = spans(asks, text)
    first = min((start for name in found for start, _ in spans([name.replace("-", " ")], text)), default=None)
    named_first = which and first is not None and first < which[0][0]
    if len(states) < 2 or not kinds or not (named_first or mentions(kb.vocabulary.conditions.those_of, text)):
        return None
    said = among_answer(kb, states, kinds, year_of(text))
    topic = Topic("estados", STATES_SEPARATOR.join(state.name for state in states))
    return (said, [remember(topic)]) if said else None


def changes_topic(kb: KnowledgeBase, text: str) -> Topic | None:
    """The topic after how several figures changed: the one :func:`figures_topic` names, with its history
    («¿y en lo relativo a los actores?», «¿cuántos más?» may follow)."""
    topic = figures_topic(kb, text)
    return Topic("cifra", f"{topic.key.partition('@')[0]}@{HISTORY}") if topic is not None else None


def figures_topic(kb: KnowledgeBase, text: str) -> Topic | None:
    """The topic after several figures given together: the first with a list of states (STL, PAL), of the
    year asked, so that «¿en qué estados?» lists them; None when none has a list."""
    named = metrics_named(kb, text)
    # «¿cuántos compromisos hay en los planes?», «¿cuántos compromisos había en 2018 y cuántos en 2020?»: the
    # figure counted first, for «¿y antes cuántos eran?», «¿cuántos más?»
    folded = fold(text)
    counted = [end for _, end in spans(kb.vocabulary.figure_questions.count, folded)]
    first = metric_of(kb, folded[counted[0] :]) if counted else None
    listed = [first] if first in named else [metric for metric in named if metric in ("stl", "pal")]
    # «…ya son 30 estados. ¿Es cierta la cifra y de qué fecha es?»: the one figure named, for «¿qué número
    # de comunicado es ese?»
    listed = listed or (named if len(named) == 1 else [])
    if not listed:
        return None
    # of one year; of several, or of a year and now («…en 2018 y cuántos hay ahora?»), the newest list follows
    years = set(re.findall(r"\b20[0-3]\d\b", text))
    dated = len(years) == 1 and not mentions(kb.vocabulary.figure_questions.now, text)
    return Topic("cifra", f"{listed[0]}@{years.pop()}" if dated else listed[0])


def _listed(topic: Topic) -> tuple[list[str], str | None]:
    """The question a list answers, in the engine's words («estados con stl en 2018» for
    ``lista:stl@2018``), and the year of the list, if it has one."""
    kind, _, year = topic.key.partition("@")
    dated = year if year.isdigit() else None
    return [f"estados con {kind}" + (f" en {dated}" if dated else "")], dated


def figures_of_date(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«Bueno, entonces ¿cuál es la cifra correcta de agosto de 2020?»: a figure named by no metric, of a
    year the message names, is every figure of that date; None otherwise."""
    text = text_of(tracker)
    year = year_of(text)
    if year is None or metric_of(kb, text) is not None:
        return None
    if not mentions(kb.vocabulary.figure_questions.nouns, text) or resources.state_finder().find(text):
        return None
    return overview_answer(kb, year), [remember(None)]


def after_the_documents(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Qué ley publicó el DOF en 2025?»: a message naming a year of the knowledge base's dated notes on
    what happened after the documents (INAI's extinction, the new laws) gets those notes; None otherwise."""
    year = year_of(text_of(tracker))
    if year is None or year not in {note.date.year for note in kb.notes}:
        return None
    return inai_today_answer(kb), [remember(Topic("contacto", "inai"))]


def unanswerable(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """The honest reply when the message asks for something the documents never give (a budget,
    salaries, names: the vocabulary's ``not_in_documents``), naming it; None otherwise. One that says INAI
    is gone and asks what came after the documents gets the dated note on INAI too, once."""
    said = _unanswerable(kb, tracker)
    text = text_of(tracker)
    asked = kb.vocabulary.missing(text)
    after = asked is not None and kb.vocabulary.not_in_documents[asked].after_inai
    if said and after and says_inai_gone(kb, text) and not says_inai_note(kb, said):
        return f"{said}\n{inai_note(kb)}"
    return said


def _unanswerable(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """:func:`unanswerable` without the note on INAI."""
    text = text_of(tracker)
    # the documents do say these; not a name asked of a document's date («¿cómo se llamaba la persona
    # comisionada presidenta cuando salió el comunicado de agosto de 2020?»)
    names = kb.vocabulary.asks_for_names(text)  # «¿cómo se llaman los servidores públicos de la asesoría?»
    # «dato: presupuesto que destinó el INAI a la estrategia, monto y año. fuente?»: never in them either
    asked = kb.vocabulary.missing(text)
    money = asked is not None and kb.vocabulary.not_in_documents[asked].of_the_initiative
    if (asks_about_sources(kb, text) or kb.vocabulary.asks_advice(text)) and not (names or money):
        return None
    # «…al INAI lo desaparecieron»: the dated notes say it
    if says_inai_gone(kb, text) and not (asked and kb.vocabulary.not_in_documents[asked].after_inai):
        return None
    # «el promedio de compromisos por plan», «…sumando las dos»: figures computed from the documents'
    computing = [*kb.vocabulary.figure_questions.average, *kb.vocabulary.figure_questions.sum]
    if mentions(computing, text) and len(metrics_named(kb, text)) > 1:
        return None
    missing = kb.vocabulary.missing(kb.vocabulary.without_origin(text))  # not «fui presidente de un comité…»
    missing = missing or missing_before(kb, tracker)
    named = {
        state.name
        for name in resources.state_finder().find(text)
        if (state := kb.state(name.replace("-", " ")))
    }
    # «la fecha exacta de publicación del Módulo 2 Sesión 3»: of a document the documents describe, not of
    # a state's step
    of_document = not named and bool(sources_named(kb, text))
    if missing and kb.vocabulary.not_in_documents[missing].of_a_state and of_document:
        return None
    place = named.pop() if len(named) == 1 else None  # «…de Oaxaca» named back
    if not missing:
        return _after_the_last(kb, text, place)
    # «…quién sacó esas recomendaciones del covid, si fue el presidente o quién las firmó»: no name, and who
    # issued them, which the documents say
    if names and kb.vocabulary.follow_up(text) == "issuer" and mentions(kb.vocabulary.about.names, text):
        return f"{missing_said(kb, missing, place)}\n{issuer_answer(kb)}"
    lacking = kb.vocabulary.not_in_documents[missing].words
    if counted := counted_figures(
        kb, text, lacking
    ):  # «¿qué resultados hubo después de 2020? ¿cuántos estados?»
        return "\n".join(
            [missing_said(kb, missing, place), *(figure_answer(kb, metric) for metric in counted)]
        )
    if (others := _other_parts(kb, tracker)) is not None:  # «¿de qué fecha es y quién lo firmó?»: the date
        return "\n".join([missing_said(kb, missing, place), *others])
    state = kb.state(place) if place and kb.vocabulary.not_in_documents[missing].of_a_state else None
    if state is not None:  # «¿qué día exacto se sumó la cdmx?»: the year the documents give
        return f"{missing_said(kb, missing, place)} Lo que sí dicen: {status_answer(kb, state)}"
    return not_found(kb, missing, place)


PRESSING_WORDS = 20  # «ándale aunque sea un aproximado, no te voy a quemar en el video, palabra»: no longer


def missing_before(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """«¿y a Sonora?» right after «¿y cuánto dinero le dieron a BCS?»: what the question before asked of
    another state, which the documents do not give either; «ándale, aunque sea un aproximado» right after
    «¿cuánta lana se gastó el INAI?»: what it presses for again. None unless the message is that short and
    names one state (and the one before asked such a thing of a state), or presses and names nothing of the
    initiative."""
    text, finder = text_of(tracker), resources.state_finder()
    before = previous_question(tracker) or ""
    asked = kb.vocabulary.missing(kb.vocabulary.without_origin(before))
    if asked is None:
        return None
    presses = mentions(kb.vocabulary.context.presses, text) and not kb.vocabulary.in_domain(text)
    if presses and len(text.split()) <= PRESSING_WORDS and not finder.find(text):
        return asked
    if not and_then(text) or len(text.split()) > BARE_WORDS or len(finder.find(text)) != 1:
        return None
    return asked if finder.find(before) and not kb.vocabulary.aspect(text) else None


def _other_parts(kb: KnowledgeBase, tracker: Tracker) -> list[str] | None:
    """The answers to the parts of a question that ask for what the documents do give, when another part
    asks for what they never give («¿de qué fecha es el documento y quién lo firmó?»); None when every
    part asks for it, or a part nothing answers."""
    parts = question_parts(kb, text_of(tracker))
    lacking = [kb.vocabulary.missing(kb.vocabulary.without_origin(part)) for part in parts]
    if len(parts) < 2 or None not in lacking or all(found is None for found in lacking):
        return None
    asked = [part for part, found in zip(parts, lacking, strict=True) if found is None]
    answered = [reply[0] for part in asked if (reply := part_reply(kb, tracker, part)) is not None]
    return answered if len(answered) == len(asked) else None


def _after_the_last(kb: KnowledgeBase, text: str, place: str | None) -> str | None:
    """«¿Michoacán ya publicó su plan en 2022 o 2023?»: years after the newest document (and after none of
    the dated notes) are beyond what the documents say, said so, with where things stood by then (of the
    state and part of its status asked, if any); None when the message names no such year."""
    newest = kb.newest_date()
    noted = {note.date.year for note in kb.notes}
    if metric_of(kb, text) is not None and kb.vocabulary.asks_count(text):
        return None  # «¿cuántos STL había en 2023?»: the figure answers say it, with theirs
    later = sorted(
        {int(y) for y in re.findall(r"\b20[0-9]\d\b", text) if newest.year < int(y) and int(y) not in noted}
    )
    if not later:
        return None
    years = join_names([str(year) for year in later])
    said = f"Los documentos no llegan a {years}: el más reciente es del {spanish_date(newest)}."
    state = kb.state(place) if place else None
    aspect = kb.vocabulary.aspect(text)
    if state is not None and aspect in ("stl", "pal", "ingreso"):
        return f"{said} Hasta entonces:\n{status_answer(kb, state, aspect)}"
    return not_found(kb, said=said)


def refused(kb: KnowledgeBase, tracker: Tracker) -> bool:
    """Whether the message asks for legal advice («¿puedo meter un amparo?») or about a subject outside the
    initiative («¿cómo está el clima en Oaxaca?»), whatever intent NLU gave it: both get the short
    refusal (``answers.search.refusal``, which says what the assistant can help with)."""
    text = text_of(tracker)
    # «¿qué es un STL según los documentos? La definición de ellos, no la que yo le pondría en una demanda»
    defines = bool(terms_named(kb, text)) and kb.vocabulary.asks_definition(first_question(text) or text)
    # «¿el INAI todavía existe pa ir a quejarme ahí o ya no?»: what became of it answers that
    current = says_inai_gone(kb, text) and kb.vocabulary.follow_up(text) == "current"
    legal = kb.vocabulary.asks_legal_advice(text) and not defines and not current
    return legal or kb.vocabulary.asks_off_topic(text)


def declined(dispatcher: CollectingDispatcher, kb: KnowledgeBase, tracker: Tracker) -> bool:
    """Send the refusal (legal advice, a subject outside the initiative: :func:`refused`) or the honest
    "not in the documents" (:func:`unanswerable`) when the message calls for one; whether it did."""
    if refused(kb, tracker):
        dispatcher.utter_message(text=refusal(kb, text_of(tracker)))
        return True
    if honest := unanswerable(kb, tracker):
        unanswered(dispatcher, tracker, honest)
        return True
    return False


def searcher() -> Searcher | None:
    """The warm searcher; None (logged) when the index cannot be opened."""
    try:
        return resources.searcher()
    except Exception:
        log.exception("search is unavailable")
        return None


def from_documents(kb: KnowledgeBase, tracker: Tracker, asked: str | None = None) -> Reply | None:
    """The documents' answer to the message (or to ``asked``, the message reworded), the document it quotes
    kept as the topic; None when they do not answer it or cannot be searched."""
    if (found := searcher()) is None:
        return None
    reply = document_reply(kb, found, asked or text_of(tracker), last_quoted(tracker))
    return (reply.text, [quoted(reply.source, reply.passage)]) if reply.answered else None


def along_the_document(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Y luego?», «¿qué sigue?» right after a quote: the passage that follows the one quoted (or precedes
    it: «¿y lo anterior?») in its document; None otherwise, or when the documents cannot be searched."""
    passage, text = last_passage(tracker), text_of(tracker)
    if passage is None or resources.state_finder().find(text) or re.search(r"\d", text):
        return None  # «¿y después de 2018?» moves in time, not along the document
    if kb.vocabulary.in_domain(text) or (found := searcher()) is None:  # «¿qué sigue después del STL?»
        return None
    if (plain := plain_of_passage(kb, found, passage, text)) is not None:  # «explícamelo fácil»
        said, term = plain
        return said, [remember(Topic("definicion", term))] if term else []
    reply = beside_reply(kb, found, passage, text)
    return (reply.text, [quoted(reply.source, reply.passage)]) if reply else None


CONTINUATION_WORDS = 8  # «¿y en qué página se registraba uno?» after a quote: no more than this


def continued(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """«¿Y todavía me puedo registrar?» right after a quote of the documents (on the Cumbre): a short
    message that names nothing of the domain and that the documents do not answer on its own («¿qué papel
    tuvo la COMAIP?» they do) is asked of them together with the question before it; None otherwise, or
    when they do not answer it."""
    topic = topic_of(tracker)
    text = text_of(tracker)
    if topic is None or topic.kind != "documento" or len(text.split()) > CONTINUATION_WORDS:
        return None
    if kb.vocabulary.in_domain(text) or not (before := previous_question(tracker)):
        return None
    return from_documents(kb, tracker) or from_documents(kb, tracker, f"{kb.spelled_out(before)} {text}")


def issued_reply(kb: KnowledgeBase, tracker: Tracker) -> str:
    """«¿Quién emitió las recomendaciones…?»: who issued them, when and in what session (and to whom, when
    asked); and the documents' answer to another part asked with it («¿…y con base en qué artículos?»)."""
    text = text_of(tracker)
    issued = issued_answer(kb, text)
    # «¿Fue presencial? ¿y en qué artículos se fundamentan?», «¿Quién emitió… y con base en qué
    # artículos…?»
    parts = question_parts(kb, text)
    two = text.count("?") > 1 or len(parts) > 1
    # «¿en qué artículos se apoyó la Comisión…? y ¿en qué sesión se aprobaron?»: the documents' answer
    # to the part the issuer's answer does not give
    others = [part for part in parts if kb.vocabulary.follow_up(part) not in ("issuer", "session", "date")]
    asked = with_text(tracker, others[0]) if len(parts) > 1 and len(others) == 1 else tracker
    if two and (more := sharper(kb, asked, issued, kb.recommendations.source)):
        issued = f"{issued}\n{more[0]}"
    return issued


def sharper(kb: KnowledgeBase, tracker: Tracker, overview: str, within: str | None = None) -> Reply | None:
    """The documents' answer when it speaks of clearly more of the question than the ``overview`` the
    intent gives («¿en qué sesión se aprobaron las recomendaciones?»), or of what the overview of the
    source ``within`` leaves unsaid, with no topic kept; None when it does not, or when the documents
    cannot be searched."""
    if (found := searcher()) is None:
        return None
    reply = sharper_quote(kb, found, text_of(tracker), overview, within)
    return (reply, [remember(None)]) if reply else None
