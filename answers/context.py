"""Follow-ups answered in the topic of the last answer: «¿quién la emitió?» after a recommendation, «¿de qué
fecha es esa guía?», «explícamelo fácil», a bare «¿y pal?» after a definition, «¿cuándo se sumó?» after a
state, «la siguiente» in a numbered list.

The dialogue keeps the last answer's topic as a short text (``Topic``: a kind and the object's key) in
one slot; every answer sets it, so a new topic replaces the old one.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge import KnowledgeBase

from .definitions import definition_answer, plain_definition_answer, term_named
from .guides import guide_answer, guide_date_answer, guide_issuer_answer, guide_plain_answer
from .recommendations import issuer_answer, plain_answer, recommendation_answer
from .states import status_answer

KINDS = ("estado", "recomendacion", "recomendaciones", "guia", "definicion", "cifra", "lista")


@dataclass(frozen=True)
class Topic:
    """What the last answer was about: ``estado:Jalisco``, ``recomendacion:3``, ``guia:guia-stl``,
    ``definicion:stl``, ``cifra:stl``, ``lista:pal``, ``recomendaciones:todas``."""

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


def followup_answer(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """The answer to ``text`` read as a follow-up of ``topic``, and the topic after it; None when the
    message asks nothing this topic can answer (the caller then reads it on its own)."""
    if topic.kind == "recomendacion" and topic.key.isdigit():
        return _recommendation(kb, int(topic.key), text)
    if topic.kind == "recomendaciones" and kb.vocabulary.follow_up(text) in ("issuer", "date"):
        return issuer_answer(kb), topic
    if topic.kind == "guia":
        return _guide(kb, topic, text)
    if topic.kind == "definicion":
        return _definition(kb, topic, text)
    if topic.kind == "estado" and (state := kb.state(topic.key)) is not None:
        return status_answer(kb, state, kb.vocabulary.aspect(text)), topic
    return None


def _recommendation(kb: KnowledgeBase, ordinal: int, text: str) -> Answer | None:
    last = len(kb.recommendations.items)
    step = kb.vocabulary.step(text, ordinal, last)
    if step is not None:
        return recommendation_answer(kb, step), Topic("recomendacion", str(step))
    asks = kb.vocabulary.follow_up(text)
    topic = Topic("recomendacion", str(ordinal))
    if asks in ("issuer", "date"):
        return issuer_answer(kb, ordinal), topic
    if asks == "plain":
        return plain_answer(kb, ordinal), topic
    return None


def _guide(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    guide = next((g for g in kb.guides if g.id == topic.key), None)
    if guide is None:
        return None
    asks = kb.vocabulary.follow_up(text)
    if asks == "date":
        return guide_date_answer(kb, guide), topic
    if asks == "issuer":
        return guide_issuer_answer(kb, guide), topic
    if asks == "plain":
        return guide_plain_answer(kb, guide), topic
    if kb.vocabulary.asks_link(text) or asks == "back":
        return guide_answer(kb, guide), topic
    return None


def _definition(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    other = term_named(kb, text)
    if other is not None and other != topic.key:
        return definition_answer(kb, other), Topic("definicion", other)
    if kb.vocabulary.follow_up(text) == "plain" and kb.term(topic.key) is not None:
        return plain_definition_answer(kb, topic.key), topic
    return None
