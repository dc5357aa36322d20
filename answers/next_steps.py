"""Where an answer leads: the follow-up questions offered under it (``vocabulary.yaml`` ``next_steps``, by
the kind of its topic) and the links it opens (a guide's document)."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge import KnowledgeBase
from knowledge.text import fold, squash
from knowledge.vocabulary import PLACEHOLDER, START_STEPS, NextStep

from .topic import STATES_SEPARATOR, Topic

MAX_STEPS = 3
OPEN_GUIDE = "📄 Abrir la guía"


@dataclass(frozen=True)
class Step:
    """A follow-up to offer: what the button says and the question it asks."""

    title: str
    question: str


@dataclass(frozen=True)
class Link:
    """A page or document an answer points to, to open rather than to ask about."""

    title: str
    url: str


def _values(kb: KnowledgeBase, topic: Topic | None) -> dict[str, str]:
    """What the placeholders of ``topic``'s steps stand for: its state, the next recommendation, its guide."""
    if topic is None:
        return {}
    key = topic.key.partition("@")[0]
    if topic.kind in ("estado", "estados"):
        return {"state": key.split(STATES_SEPARATOR)[0]}
    if topic.kind == "recomendacion" and key.isdigit():
        following = kb.recommendation(int(key) + 1)
        return {"next": following.name.lower()} if following else {}
    if topic.kind == "guia":
        titles = [guide.title for guide in kb.guides if guide.id == key]
        return {"guide": titles[0]} if titles else {}
    return {}


def _filled(step: NextStep, values: dict[str, str]) -> Step | None:
    """``step`` with its placeholders filled, or None when one has no value."""
    if any(name not in values for name in PLACEHOLDER.findall(step.title + step.question)):
        return None
    return Step(step.title.format(**values), step.question.format(**values))


def _same(one: str, other: str) -> bool:
    return squash(fold(one).strip(" ¿?¡!.")) == squash(fold(other).strip(" ¿?¡!."))


def next_steps(kb: KnowledgeBase, topic: Topic | None, asked: str = "") -> list[Step]:
    """Up to three follow-ups for an answer about ``topic`` (the general ones when it has none), leaving
    out the question just ``asked``."""
    by_kind = kb.vocabulary.next_steps
    templates = by_kind.get(topic.kind if topic else START_STEPS) or by_kind[START_STEPS]
    values = _values(kb, topic)
    steps = [step for template in templates if (step := _filled(template, values)) is not None]
    return [step for step in steps if not _same(step.question, asked)][:MAX_STEPS]


def starters(kb: KnowledgeBase) -> list[Step]:
    """The questions offered before anything is asked."""
    return next_steps(kb, None)


def links(kb: KnowledgeBase, topic: Topic | None) -> list[Link]:
    """The documents an answer about ``topic`` points to: a guide's own link."""
    if topic is None or topic.kind != "guia":
        return []
    return [Link(OPEN_GUIDE, str(guide.url)) for guide in kb.guides if guide.id == topic.key]
