"""Answers from retrieval: the best passage quoted (never generated), or an honest "not found"."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from index import EmptyQuery, Hit, Searcher
from knowledge import KnowledgeBase
from knowledge.text import spanish_date

from .formato import fuente, shorten

# A hit is trusted only when both sides agree it is on topic. Calibrated on the retrieval dev set
# (94 of 95 questions pass) against off-topic messages (recipes, weather, jokes, markup), see README.
MIN_DENSE = 0.82
MIN_BM25 = 2.5

NOT_FOUND = ("No encontré eso en los documentos que conozco. Puedo ayudarte con:\n"
             "• la situación de un estado (por ejemplo, «¿Jalisco tiene STL?»)\n"
             "• las cifras de la iniciativa («¿cuántos planes de acción hay?»)\n"
             "• las cuatro recomendaciones del SNT («¿qué dice la tercera?»)\n"
             "• las guías y los contactos")

SEARCH_UNAVAILABLE = ("Ahora mismo no puedo buscar en los documentos. Sí puedo decirte la situación de un "
                      "estado, las cifras de la iniciativa, las cuatro recomendaciones del SNT, las guías "
                      "y los contactos.")


def is_confident(hit: Hit) -> bool:
    return (hit.dense or 0.0) >= MIN_DENSE and (hit.bm25 or 0.0) >= MIN_BM25


def passage_source(kb: KnowledgeBase, hit: Hit) -> str:
    """The source line of a passage: a document, or a dated note with its references."""
    passage = hit.passage
    if passage.source in kb.sources:
        return fuente(kb, passage.source)
    note = next(n for n in kb.notes if n.id == passage.source)
    references = "; ".join(f"{r.title}" + (f", {spanish_date(r.date)}" if r.date else "")
                           for r in note.references)
    return f"Fuente: nota del {spanish_date(dt.date.fromisoformat(passage.date))} ({references})."


def retrieval_answer(kb: KnowledgeBase, searcher: Searcher, text: str) -> Optional[str]:
    """The best passage for ``text``, cut for a phone, with its source; None when nothing fits."""
    try:
        hits = searcher.search(text, k=1)
    except EmptyQuery:
        return None
    if not hits or not is_confident(hits[0]):
        return None
    return f"{shorten(hits[0].passage.text)}\n{passage_source(kb, hits[0])}"
