"""Answers from retrieval: the best passage quoted (never generated), or an honest "not found"."""

from __future__ import annotations

import datetime as dt

from index import EmptyQuery, Hit, Searcher
from knowledge import KnowledgeBase
from knowledge.text import spanish_date

from .wording import shorten, source_line


def _topics(kb: KnowledgeBase) -> str:
    return f"las {len(kb.recommendations.items)} recomendaciones del {kb.recommendations.issuer_short}"


def not_found(kb: KnowledgeBase) -> str:
    """What to say when the documents do not answer: what the assistant can answer instead."""
    return (
        "No encontré eso en los documentos que conozco. Puedo ayudarte con:\n"
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


def retrieval_answer(kb: KnowledgeBase, searcher: Searcher, text: str) -> str | None:
    """The best passage for ``text``, cut for a phone, with its source; None when nothing fits."""
    try:
        hits = searcher.search(text, k=1)
    except EmptyQuery:
        return None
    if not hits or not searcher.confident(hits[0]):
        return None
    return f"{shorten(hits[0].passage.text)}\n{passage_source(kb, hits[0])}"
