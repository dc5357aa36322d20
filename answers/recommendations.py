"""The SNT recommendations on open government during COVID-19: one by its ordinal, or all of them."""

from __future__ import annotations

from typing import Any

from knowledge import KnowledgeBase
from knowledge.text import spanish_date

from .wording import source_line


def ordinal_of(kb: KnowledgeBase, value: Any, text: str = "") -> int | None:
    """The ordinal in an entity value ("3", "tercera", "3a") or, failing that, in the message («la
    última» included)."""
    for candidate in ([*value] if isinstance(value, list) else [value]) + [text]:
        if isinstance(candidate, str) and (found := kb.vocabulary.ordinal(candidate)) is not None:
            return found
    last = len(kb.recommendations.items)
    return last if kb.vocabulary.step(text, 0, last) == last else None  # «la última»


def recommendation_answer(kb: KnowledgeBase, ordinal: int) -> str:
    recs = kb.recommendations
    item = kb.recommendation(ordinal)
    if item is None:
        return (
            f"Son {len(recs.items)} recomendaciones; no hay una con el número {ordinal}. "
            f"Puedes pedir de la primera a la {recs.items[-1].name.lower()}."
        )
    return (
        f"Recomendación {item.name.lower()} de {len(recs.items)}, "
        f"aprobada el {spanish_date(recs.approved)} "
        f"por la {recs.issuer}:\n«{item.text}»\n{source_line(kb, recs.source)}"
    )


def all_recommendations_answer(kb: KnowledgeBase) -> str:
    recs = kb.recommendations
    lines = "\n".join(f"{item.ordinal}. {item.name}: {item.summary}" for item in recs.items)
    return (
        f"El {spanish_date(recs.approved)} la {recs.issuer} aprobó {len(recs.items)} recomendaciones "
        f"de gobierno abierto ante la COVID-19, dirigidas a {recs.addressed_to}:\n{lines}\n"
        f"Pide una por su número para leer su texto completo (por ejemplo, «la tercera»).\n"
        f"{source_line(kb, recs.source)}"
    )


def issuer_answer(kb: KnowledgeBase, ordinal: int | None = None) -> str:
    """Who issued the recommendations (or the one ``ordinal`` names) and when."""
    recs = kb.recommendations
    item = kb.recommendation(ordinal) if ordinal else None
    which = (
        f"La {item.name.lower()} recomendación la" if item else f"Las {len(recs.items)} recomendaciones las"
    )
    when = spanish_date(recs.approved)
    return f"{which} aprobó la {recs.issuer} el {when}.\n{source_line(kb, recs.source)}"


def plain_answer(kb: KnowledgeBase, ordinal: int) -> str:
    """One recommendation in plain words (our summary, marked as such), then where its text is."""
    recs = kb.recommendations
    item = kb.recommendation(ordinal)
    if item is None:
        return recommendation_answer(kb, ordinal)
    return (
        f"En palabras sencillas, la {item.name.lower()} recomendación pide: {item.summary}\n"
        "(Es un resumen nuestro; el texto oficial es el de la recomendación.)\n"
        f"{source_line(kb, recs.source)}"
    )
