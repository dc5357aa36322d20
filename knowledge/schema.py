"""Pydantic models of the knowledge base: what every file under ``knowledge/`` must contain."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

SourceKind = Literal["comunicado", "recomendaciones", "material de formación", "guía"]
ListKind = Literal["stl", "pal"]
Id = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", min_length=1)


class Strict(BaseModel):
    """Base: unknown fields are errors, so a misspelt field name never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_LABELLED = re.compile(r"^\*\*([^*:\n]+):\*\*[ \t]*(.+)$", re.MULTILINE)
_NOTES = re.compile(r"^#+\s*Notas\s*$(.*)", re.MULTILINE | re.DOTALL)  # «### Notas», then «1. Disponible…»
_NOTE = re.compile(r"^(\d+)\.\s+(.+)$", re.MULTILINE)
_WORDS = re.compile(r"\w+")


class Source(Strict):
    """One source document (front matter plus its cleaned text)."""

    id: str = Id
    title: str = Field(min_length=1)
    cite_as: str = Field(min_length=1)  # how answers name it: "el comunicado INAI/265/19"
    kind: SourceKind
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    url: HttpUrl | None = None
    summary: str = Field(min_length=1)
    text: str = Field(min_length=1)
    path: str

    @property
    def labelled(self) -> dict[str, str]:
        """The lines the document labels in bold about itself («**Duración:** 79 minutos.»), label → text."""
        return dict(_LABELLED.findall(self.text))

    @property
    def notes(self) -> dict[int, str]:
        """The document's footnotes by number, from its «Notas» section («1. Disponible en: …»)."""
        found = _NOTES.search(self.text)
        return {int(n): note.strip() for n, note in _NOTE.findall(found.group(1))} if found else {}

    def citing(self, note: int) -> str | None:
        """The sentence of the text that cites footnote ``note`` («…la Guía de Co-creación de Compromisos II
        (nota 2), una herramienta…»), or None."""
        found = re.search(rf"[^.\n]*\(nota {note}\)[^.\n]*\.?", self.text)
        return found.group().strip() if found else None


class Quoted(Strict):
    """A fact taken from a source, with the verbatim passage that supports it."""

    source: str
    quote: str = Field(min_length=8)


class DatedList(Quoted):
    """A dated list of states printed by a source (e.g. the STL of August 2020)."""

    id: str = Id
    kind: ListKind
    label: str
    date: dt.date
    total: int = Field(ge=0)


class Joined(Strict):
    year: int = Field(ge=2015, le=2020)
    sources: list[str] = Field(min_length=1)


class Listing(Strict):
    """A state's appearance in a dated list; ``count`` is the number of plans in PAL lists."""

    list: str
    count: int = Field(default=1, ge=1)


class State(Strict):
    id: str = Id
    name: str
    official_name: str
    aliases: list[str] = []
    joined: Joined | None = None
    listed: list[Listing] = []
    contacts: list[str] = []

    @field_validator("aliases")
    @classmethod
    def _aliases_are_lower_case(cls, aliases: list[str]) -> list[str]:
        for alias in aliases:
            if alias != alias.lower() or not alias.strip():
                raise ValueError(f"alias {alias!r} must be non-empty and lower-case")
        return aliases


class Observation(Quoted):
    """One national figure at one date (``None``: the source is undated, so it is never the newest)."""

    metric: str
    value: int = Field(ge=0)
    qualifier: Literal["más de"] | None = None
    date: dt.date | None


class Metric(Strict):
    label: str
    words: list[str] = Field(min_length=1)
    # figures an older report gave apart where a later one gives only this one (not their sum)
    given_instead_of: list[str] = []


class Figures(Strict):
    metrics: dict[str, Metric]
    observations: list[Observation]


class Recommendation(Strict):
    ordinal: int = Field(ge=1, le=4)
    name: str
    text: str = Field(min_length=20)
    summary: str = Field(min_length=20)


class Recommendations(Strict):
    source: str
    issuer: str
    issuer_short: str  # how answers name the issuer in passing: «las 4 recomendaciones del SNT»
    approved: dt.date
    approved_at: str
    addressed_to: str
    items: list[Recommendation] = Field(min_length=1)


class Offer(Strict):
    """Who the presenting document says puts a guide at people's disposal, with its words."""

    who: str  # «el INAI»
    does: str  # «pone a disposición», «difunde»
    quote: str = Field(min_length=8)


class Guide(Quoted):
    id: str = Id
    title: str
    summary: str = Field(min_length=20, max_length=200)  # ours, one plain sentence, no facts of its own
    purpose: str
    audience: str
    url: HttpUrl
    also_in: list[str] = []
    offered_by: Offer | None = None  # None: the document does not say who


class Contact(Quoted):
    id: str = Id
    title: str
    description: str
    url: HttpUrl
    institution: str
    also_in: list[str] = []
    reaches_people: bool = False  # where a person could ask a person (not a page to read)


class Reference(Strict):
    title: str
    date: dt.date | None = None
    url: HttpUrl


class Note(Strict):
    """A dated note on events after the sources (e.g. INAI's extinction in 2025)."""

    id: str = Id
    applies_to: list[str] = []
    date: dt.date
    text: str = Field(min_length=20)
    # what answers that send people to the institution say, once: words of ``text`` only (no fact of its own)
    short: str | None = Field(default=None, min_length=20)
    references: list[Reference] = Field(min_length=1)

    @model_validator(mode="after")
    def _short_says_no_more(self) -> Note:
        if self.short is None:
            return self
        if len(self.short) >= len(self.text):
            raise ValueError("short must be shorter than text")
        words = set(_WORDS.findall(self.text.lower()))
        if added := [w for w in _WORDS.findall(self.short.lower()) if w not in words]:
            raise ValueError(f"short uses words text does not ({', '.join(dict.fromkeys(added))})")
        return self


class Term(Strict):
    """A term of the initiative and its definitions, quoted from the sources."""

    id: str = Id
    term: str
    aliases: list[str] = []
    summary: str = Field(min_length=20)  # ours, in plain words, adds no fact to the definitions
    definitions: list[Quoted] = Field(min_length=1)
    guide: str | None = None  # the guide of guides.yaml for putting it into practice («¿cómo hago un PAL?»)
    steps: list[str] = []  # the terms whose definitions say how it works («¿qué pasos sigue un estado?»)
    purpose: Quoted | None = None  # what it is for, in a source's words («¿y eso para qué me sirve?»)
    origin: Quoted | None = None  # who devised it, in a source's words («¿quién inventó esto?»)


class Synonym(Strict):
    canonical: str
    aliases: list[str] = Field(min_length=1)
