"""The topic of the last answer (``Topic``: a kind and the object's key, kept as a short text in one slot)
and what a follow-up of it asks (:func:`follow_up_of`)."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

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
    "nota",
)


PASSAGE = "#"  # «inai-083-18#4»: a document's passage, as the index names it


@dataclass(frozen=True)
class Topic:
    """What the last answer was about: ``estado:Jalisco`` (``estados:Oaxaca|Sonora`` for a few),
    ``recomendacion:3``, ``guia:guia-stl``, ``definicion:stl``, ``cifra:stl`` (``cifra:stl@2018`` for a
    year's figure, ``cifra:stl@historia`` for its history or change), ``lista:pal``,
    ``recomendaciones:todas``, ``guias:todas`` (the list of guides), ``contacto:inai``,
    ``consulta:<question>`` (a question the question engine computed: «y de esos…» filters its states
    further), ``documento:<source id>`` (the document a quoted answer comes from; ``documento:inai-083-18#4``
    with the passage it quoted, for «¿y qué sigue?»), ``ingreso:2016`` (the states that joined in a year),
    ``nota:snt-recomendaciones-covid19@2`` (a document's footnote)."""

    kind: str
    key: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def dated(cls, kind: str, key: str, year: int | None) -> Topic:
        """``kind:key@year`` for a figure or list of one year (``lista:stl@2018``), ``kind:key`` for the
        newest."""
        return cls(kind, f"{key}@{year}" if year else key)

    @property
    def document(self) -> str:
        """The source id of a ``documento`` topic, without the passage it may keep («inai-083-18»)."""
        return self.key.partition(PASSAGE)[0]

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
AGAIN_WORDS = 5  # «¿y cuáles son?», «¿cuántos son en total?»: no more than this


def follow_up_of(kb: KnowledgeBase, text: str) -> str | None:
    """What a follow-up asks of the last answer (:meth:`knowledge.vocabulary.Vocabulary.follow_up`); a bare
    «¿y cuándo?» after something dated asks its date."""
    asks = kb.vocabulary.follow_up(text)
    if asks is None and len(text.split()) <= BARE_WHEN_WORDS and mentions(kb.vocabulary.context.when, text):
        return "date"
    return asks
