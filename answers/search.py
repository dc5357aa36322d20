"""Answers from the documents: the sentence that answers, quoted (never generated), with its source and
date; or an honest "not in the documents" that names what they lack when the vocabulary knows it."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from index import EmptyQuery, Hit, Searcher
from index.answering import Answerer, NotInDocuments, Quote
from knowledge import KnowledgeBase
from knowledge.text import fold, spanish_date
from knowledge.vocabulary import first_question, mentions, question_sentence, without

from .definitions import definition_answer, plain_definition_answer
from .questions import question_parts
from .recommendations import recommendation_quoted
from .sources import newest_of, sources_named
from .wording import inai_note, shorten, source_line, with_inai_note

# how much more of a question's words (by rarity) the documents' answer must speak of than an overview
# reply for the documents to answer instead (:func:`sharper_quote`)
SHARPER_BY = 0.15
BEYOND_SHARE = 0.5  # of what an overview leaves unsaid, held by a passage of the source it sums up
NOT_FOUND = "No encontré eso en los documentos que conozco."
BESIDE_WORDS = 6  # «¿y después qué sigue?»: a message that moves along a document is no longer
ELLIPTIC_WORDS = 10  # a message this short that names nothing of the initiative follows up the last quote


def _topics(kb: KnowledgeBase) -> str:
    return f"las {len(kb.recommendations.items)} recomendaciones del {kb.recommendations.issuer_short}"


def refusal(kb: KnowledgeBase, text: str = "") -> str:
    """The short neutral refusal for legal advice and subjects outside the initiative, saying what the
    assistant can help with; with the dated note on INAI when the message (``text``) names it («¿puedo ir al
    INAI a quejarme?»)."""
    said = (
        "Eso está fuera de lo que puedo responder: no doy asesoría legal ni información de otros temas. "
        "Puedo ayudarte con la iniciativa Gobierno Abierto: Cocreación desde lo local (estados, STL, planes "
        f"de acción, cifras), {_topics(kb)} ante la COVID-19, las guías y los contactos."
    )
    return f"{said}\n{inai_note(kb)}" if mentions(kb.vocabulary.sends_to_inai.names, text) else said


ACRONYM_MAX = 4  # a phrase asked about this short is an acronym («snt», «inai»)


def not_defined(kb: KnowledgeBase, phrase: str, mention: DocumentReply) -> str:
    """«¿Qué es un organismo garante?» when the documents define no such thing: that they do not, then
    the sentence that mentions it when the documents' answer does, else what the assistant can help with."""
    named = phrase.upper() if len(phrase) <= ACRONYM_MAX else phrase  # «SNT»
    said = f"Los documentos no definen «{named}»."
    main = max(phrase.split(), key=len)
    if mention.answered and main[: len(main) - 1] in fold(mention.text):  # «garante» / «garantes»
        return f"{said} Lo mencionan así:\n{mention.text}"
    return not_found(kb, said=said)


def missing_said(kb: KnowledgeBase, missing: str, place: str | None = None) -> str:
    """That the documents do not give a ``not_in_documents`` topic of the vocabulary, naming it, and the
    state asked about (``place``): «Los documentos no mencionan el presupuesto… (tampoco de Oaxaca).»"""
    where = f" (tampoco de {place})" if place else ""
    return f"Los documentos no mencionan {kb.vocabulary.not_in_documents[missing].says}{where}."


def not_found(
    kb: KnowledgeBase, missing: str | None = None, place: str | None = None, said: str | None = None
) -> str:
    """What to say when the documents do not answer, naming what they lack (a ``not_in_documents`` topic
    of the vocabulary) when known (else ``said``, else that it found nothing), and the state asked about
    (``place``), and what the assistant can answer instead: the definition the topic sends to («¿qué
    partido creó la iniciativa?»: who drives it), else what it can help with."""
    topic = kb.vocabulary.not_in_documents[missing] if missing else None
    said = missing_said(kb, missing, place) if missing else said or NOT_FOUND
    if topic and topic.see:
        return f"{said} Lo que sí dicen:\n{definition_answer(kb, topic.see)}"
    return (
        f"{said} Puedo ayudarte con:\n"
        "• la situación de un estado (por ejemplo, «¿Jalisco tiene STL?»)\n"
        "• las cifras de la iniciativa («¿cuántos planes de acción hay?»)\n"
        f"• {_topics(kb)} («¿qué dice la tercera?»)\n"
        "• las guías y los contactos"
    )


def search_unavailable(kb: KnowledgeBase) -> str:
    """What to say when the index cannot be searched: what can still be answered without it."""
    return (
        "Ahora mismo no puedo buscar en los documentos. Sí puedo decirte la situación de un estado, las "
        f"cifras de la iniciativa, {_topics(kb)}, las guías y los contactos."
    )


def passage_source(kb: KnowledgeBase, hit: Hit) -> str:
    """The source line of a passage: a document, or a dated note with its references."""
    passage = hit.passage
    if passage.source in kb.sources:
        return source_line(kb, passage.source)
    note = next(n for n in kb.notes if n.id == passage.source)
    references = "; ".join(
        f"{r.title}" + (f", {spanish_date(r.date)}" if r.date else "") for r in note.references
    )
    when = spanish_date(dt.date.fromisoformat(passage.date)) if passage.date else "sin fecha"
    return f"Fuente: nota del {when} ({references})."


@lru_cache(maxsize=4)
def _answerer(searcher: Searcher) -> Answerer:
    return Answerer(searcher)


def quote_reply(kb: KnowledgeBase, quote: Quote) -> str:
    """The answering sentence(s) quoted «…» (the whole passage when short), then the source and date.
    A passage composed from the facts, which is not the documents' wording, is not put in quotes."""
    text = shorten(quote.text)
    shown = f"«{text}»" if quote.verbatim else text
    # «¿el gobierno tiene que dejar todo documentado?»: which of the four recommendations says it
    if quote.verbatim and (held := recommendation_quoted(kb, quote.hit.passage.source, quote.text)):
        shown = f"Lo dice {held}: {shown}"
    return f"{shown}\n{passage_source(kb, quote.hit)}{newer_figures(kb, quote.hit, text)}"


def newer_figures(kb: KnowledgeBase, hit: Hit, shown: str) -> str:
    """After a quote that gives figures newer sources replace («…se han sumado ya 26 estados…»): the newest
    of those figures with their sources, on a line of its own; nothing otherwise."""
    source = hit.passage.source
    folded = fold(shown)
    metrics = [o.metric for o in kb.superseded() if o.source == source and fold(o.quote) in folded]
    newest = newest_of(kb, [source], metrics)
    return f"\n{newest}" if newest else ""


class DocumentReply(NamedTuple):
    """A reply from the documents: its text, whether they answer, and the source document or dated note
    it quotes first (None when they do not answer)."""

    text: str
    answered: bool
    source: str | None = None
    passage: str | None = None  # the passage quoted last, for «¿y qué sigue?»


def document_reply(
    kb: KnowledgeBase, searcher: Searcher, text: str, last_source: str | None = None
) -> DocumentReply:
    """The reply to ``text`` from the documents: the quoted sentence with its source, or the honest "not
    in the documents" naming what is missing when the vocabulary knows it. A question about the document
    the last answer quoted (``last_source``: «en ese mismo comunicado…») is asked of it first."""
    answerer = _answerer(searcher)
    try:
        named = sources_named(kb, text)  # «…según el material de formación»: that one document, if one
        plain = kb.vocabulary.context.plain  # «explícamelo fácil» says how to answer, not what
        asked = without(plain, text) if mentions(plain, text) else claim_asked(kb, text)
        # «¿qué instituciones idearon el proyecto "Gobierno Abierto: Cocreación desde lo Local"?»: the
        # initiative's name is what every document is about, not what is asked
        named_initiative = without(kb.initiative_names(), asked)
        if mentions(kb.initiative_names(), asked) and _content_left(answerer, named_initiative):
            asked = named_initiative
        if last_source and mentions(kb.vocabulary.documents.same, text):
            named = [last_source]
            asked = without(kb.vocabulary.documents.same, text)  # «ese comunicado» points, it is not asked
        # «¿Cuál comunicado dice que es también para municipios?»: of the documents of that kind
        which = len(named) > 1 and mentions(kb.vocabulary.documents.which, text)
        found = answerer.answer(asked, within=named if len(named) == 1 or which else ())
        if last_source and not named:
            found = _of_last_quote(kb, answerer, text, last_source, found)
    except EmptyQuery:
        found = NotInDocuments()
    # «¿cuándo fue la cumbre y en qué página me registraba?»: each part, when no one sentence answers both
    parts = (
        _parts_answered(answerer, kb, text, apart=isinstance(found, NotInDocuments))
        if isinstance(found, Quote) or not found.topic
        else []
    )
    if isinstance(found, NotInDocuments) and not parts:
        # «Acá en Querétaro hay tensión entre las OSC y el gobierno. ¿El STL tiene poder de decisión…?»: the
        # scene set before the question may drown it; the question alone
        question = question_sentence(text)
        if not found.topic and question != text and "¿" in question:
            return document_reply(kb, searcher, question[question.index("¿") :], last_source)
        return DocumentReply(not_found(kb, found.topic, said=_place_unknown(text, found)), False)
    quotes = parts or ([found] if isinstance(found, Quote) else [])
    source = quotes[0].hit.passage.source
    reply = with_inai_note(kb, "\n".join(quote_reply(kb, quote) for quote in quotes))
    return DocumentReply(reply, True, source, quotes[-1].hit.passage.id)


def claim_asked(kb: KnowledgeBase, text: str) -> str:
    """«Dicen que el INAI convocó a una Cumbre. ¿Es real? ¿En qué fechas iba a ser?»: a claim put to check,
    whose question opens by asking whether it holds, asks about what it claims: the whole message, without
    its question marks; else ``text``."""
    if not (question := first_question(text)):
        return text
    scene = text[: text.index("¿")]
    claims = kb.vocabulary.figure_questions.claims
    if not (mentions(claims, scene) and mentions(claims, question)):
        return text
    return text.replace("¿", "").replace("?", ".")


NAMES_LEFT = 2  # names a question must keep without the initiative's name to be asked without it


def _content_left(answerer: Answerer, text: str) -> bool:
    """Whether ``text`` still names enough the documents use, other than by verbs («¿qué instituciones
    idearon el proyecto…?», not «¿desde cuándo existe…?»)."""
    try:
        return len(answerer.names(text)) >= NAMES_LEFT
    except EmptyQuery:
        return False


def _place_unknown(text: str, found: NotInDocuments) -> str | None:
    """«¿Y en Ecatepec hay algún ejercicio?»: that the documents do not mention the place asked about (a
    word no document uses, said after «en»); None when no such word names a place."""
    folded = fold(text)
    for word in found.unknown_words:
        if re.search(rf"\ben\s+{re.escape(word)}\b", folded):
            return f"Los documentos no mencionan «{word.title()}»."
    return None


def beside_reply(kb: KnowledgeBase, searcher: Searcher, passage_id: str, text: str) -> DocumentReply | None:
    """«¿Y qué sigue?», «¿y lo anterior?» right after a quote: the passage that follows (or precedes) the one
    quoted in its document, quoted whole with its source; «¿y en qué consiste?»: the passage quoted, whole.
    None when the message moves nowhere, or there is no such passage."""
    says = mentions(kb.vocabulary.context.says, text)  # what the thing just quoted is: its whole passage
    step = kb.vocabulary.step(text, 0, 0)
    step = 0 if step is None and says else step
    if len(text.split()) > BESIDE_WORDS or not (step in (1, -1) or (step == 0 and says)):
        return None
    passage = _answerer(searcher).beside(passage_id, step)
    if passage is None:
        return None
    hit = Hit(passage, 0.0)
    reply = with_inai_note(kb, f"«{shorten(passage.text)}»\n{passage_source(kb, hit)}")
    return DocumentReply(reply, True, passage.source, passage.id)


PLAIN_WORDS = 12  # «Explíquemelo fácil, para un usuario joven de la biblioteca.» right after a quote


def plain_of_passage(
    kb: KnowledgeBase, searcher: Searcher, passage_id: str, text: str
) -> tuple[str, str | None] | None:
    """«Explícamelo fácil» right after a quote: the plain summary of the one glossary term the quoted
    passage names, with that term's id; when it names none or several, that there is no summary of it
    in plain words, and the passage again. None when the message asks no such thing."""
    if kb.vocabulary.follow_up(text) != "plain" or len(text.split()) > PLAIN_WORDS:
        return None
    passage = _answerer(searcher).beside(passage_id, 0)
    if passage is None:
        return None
    terms = [term.id for term in kb.glossary if mentions(term.aliases, passage.text)]
    if len(terms) == 1:
        return plain_definition_answer(kb, terms[0]), terms[0]
    quoted = f"«{shorten(passage.text)}»\n{passage_source(kb, Hit(passage, 0.0))}"
    return f"No tengo un resumen en palabras sencillas de ese fragmento. Dice así:\n{quoted}", None


def _of_last_quote(
    kb: KnowledgeBase, answerer: Answerer, text: str, last_source: str, found: Quote | NotInDocuments
) -> Quote | NotInDocuments:
    """The answer from the document the last answer quoted instead of ``found`` (the documents' answer)
    when the question points at it («¿en qué consiste ese compromiso?»), or is short, names nothing of the
    initiative and that document answers it as well as any other; and always when it names nothing at all
    («¿y cuándo iba a ser eso?»: no other document could answer it)."""
    elliptic = len(text.split()) <= ELLIPTIC_WORDS and not kb.vocabulary.in_domain(text)
    pointed = kb.vocabulary.points_back(text, near=False)
    if not (elliptic or pointed):
        return found
    within = answerer.answer(text, within=(last_source,))
    if elliptic and answerer.names_nothing(text):
        return within
    if not isinstance(within, Quote):
        return found
    as_well = not isinstance(found, Quote) or within.support >= found.support
    return within if pointed or as_well else found


def _parts_answered(answerer: Answerer, kb: KnowledgeBase, text: str, apart: bool = False) -> list[Quote]:
    """«¿Cómo les dicen a los participantes y cuánto dura la sesión?»: the answer to each part of a
    two-part question when the documents answer them with different sentences; none otherwise. When no
    sentence answers the whole (``apart``), questions asked one after another are parts too («¿Cuándo fue
    la Cumbre…? ¿En qué página era el registro?», «…registro página dónde? fecha cuándo?»)."""
    parts = question_parts(kb, text)
    one_after_another = len(parts) < 2 and apart
    if one_after_another:
        parts = [part for part in _ASKED_APART.split(fold(text)) if re.search(r"\w", part)]
    quotes: list[Quote] = []
    for part in parts if len(parts) > 1 else []:
        try:
            quote = answerer.answer(part)
            if not isinstance(quote, Quote) and quotes:  # «…la Cumbre, y cuál era la liga para el registro?»:
                quote = answerer.answer(part, within=(quotes[-1].hit.passage.source,))  # where the last was
            # «fecha cuándo?» after «cumbre… registro página dónde?»: of what the first part names
            if not isinstance(quote, Quote) and part is not parts[0] and answerer.names_nothing(part):
                quote = answerer.answer(f"{part} {_named_in(answerer, parts[0])}")
        except EmptyQuery:
            continue
        if isinstance(quote, Quote) and all(quote.sentences != q.sentences for q in quotes):
            quotes.append(quote)
    # questions asked one after another are of one thing: one document answers them all, or none does
    scattered = one_after_another and len({quote.hit.passage.source for quote in quotes}) > 1
    return quotes if len(quotes) > 1 and not scattered else []


_ASKED_APART = re.compile(r"(?<=\?)\s+")  # «…dónde? fecha cuándo?»: one question after another


def _named_in(answerer: Answerer, part: str) -> str:
    """The words of ``part`` that name what the documents speak of («cumbre»), not how it asks."""
    names = answerer.names(part)
    return " ".join(word for word in re.findall(r"\w+", part) if any(word.startswith(name) for name in names))


def retrieval_answer(kb: KnowledgeBase, searcher: Searcher, text: str) -> str | None:
    """The quoted answer to ``text`` with its source; None when the documents do not answer it."""
    found = document_reply(kb, searcher, text)
    return found.text if found.answered else None


def sharper_quote(
    kb: KnowledgeBase, searcher: Searcher, text: str, overview: str, within: str | None = None
) -> str | None:
    """The documents' answer to ``text`` when it speaks of clearly more of what is asked than the
    ``overview`` an intent would give («¿en qué sesión se aprobaron las recomendaciones?» is not answered
    by the list of the four), or, from the source ``within`` the overview sums up, when it holds most of
    what the overview leaves unsaid («¿con qué fundamento legal se emitieron?»); None otherwise."""
    answerer = _answerer(searcher)
    try:
        found = answerer.answer(text)
    except EmptyQuery:
        return None
    if not isinstance(found, Quote):
        return None
    gain = answerer.coverage(text, found.text) - answerer.coverage(text, overview)
    own = within is not None and found.hit.passage.source == within
    if gain >= SHARPER_BY or (own and answerer.beyond(text, overview, found.text) >= BEYOND_SHARE):
        return with_inai_note(kb, quote_reply(kb, found))
    return None
