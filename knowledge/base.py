"""The loaded knowledge base and the questions code asks of it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from common.spelling import Speller, words

from .schema import (
    Contact,
    DatedList,
    Figures,
    Guide,
    Note,
    Observation,
    Recommendation,
    Recommendations,
    Source,
    State,
    Synonym,
    Term,
)
from .text import MONTHS, fold, spanish_date, spanish_month, squash, with_spoken_years
from .vocabulary import Vocabulary, mentions

MONTH_FOLLOW_UP_WORDS = 6  # «¿y en el de marzo?»: a message this short names a document by its month
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = re.compile(rf"\b({'|'.join(MONTHS)})\b")
# «INAI/002/18, del 2 de enero de 2018», «083/18 (marzo 2018)»: the date a document's number is written with
_DATE_AFTER = re.compile(
    rf"[\s,(]*(?:del?\s+)?(?:\d{{1,2}}\s+de\s+)?(?:(?:{'|'.join(MONTHS)})\s+)?(?:de\s+)?(?:19|20)\d\d"
)

# a word this long, this close (difflib ratio) to a domain word and known nowhere else is a misspelling
SPELLED_MIN_LETTERS, SPELLED_CUTOFF = 5, 0.8
SPELLED_TARGET_MIN_LETTERS = 6  # a shorter target is one letter from common words: «secre» would take «serie»

INITIATIVE = "iniciativa"  # the glossary's term for the initiative itself (knowledge/facts/glossary.yaml)


def _number(number: str) -> re.Pattern[str]:
    """How a document's number («INAI/002/18») may be written: its serial and year, without the zeros in
    front or with the century, joined by a slash or a hyphen («2/18», «002-2018»)."""
    serial, _, year = fold(number).split("/", 1)[-1].partition("/")
    return re.compile(rf"(?<!\d)0*{int(serial)}\s*[/-]\s*(?:20)?{year}(?![\w/-])")


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything under ``knowledge/``, validated. Build it with :func:`knowledge.load_knowledge`."""

    root: Path
    digest: str
    sources: dict[str, Source]
    lists: dict[str, DatedList]
    states: list[State]
    figures: Figures
    recommendations: Recommendations
    guides: list[Guide]
    contacts: list[Contact]
    notes: list[Note]
    glossary: list[Term]
    synonyms: list[Synonym]
    vocabulary: Vocabulary
    _state_names: dict[str, State] = field(default_factory=dict, repr=False)
    _figure_words: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _shorthand: re.Pattern[str] = field(init=False, repr=False)
    _speller: Speller = field(init=False, repr=False)

    def __post_init__(self) -> None:
        for state in self.states:
            for name in (state.id.replace("-", " "), state.name, *state.aliases):
                self._state_names.setdefault(squash(fold(name)), state)
        for metric, spec in self.figures.metrics.items():  # «ong» names the organizaciones
            aliases = [
                alias
                for synonym in self.synonyms
                if mentions(spec.words, f"{synonym.canonical} {_plural(synonym.canonical)}")
                for alias in synonym.aliases
            ]
            self._figure_words[metric] = [*spec.words, *aliases]
        # built once, on a frozen dataclass
        object.__setattr__(
            self, "_shorthand", _shorthand_pattern(self.vocabulary.shorthand, self._state_names)
        )
        object.__setattr__(self, "_speller", self._domain_speller())

    def state(self, name: str) -> State | None:
        """The state called ``name`` (any alias, any case, with or without accents), or None."""
        return self._state_names.get(squash(fold(name)))

    def state_names(self) -> dict[str, State]:
        """Every folded name and alias → its state (for entity lookup tables and query expansion)."""
        return dict(self._state_names)

    def spelled_out(self, text: str) -> str:
        """``text`` with the shorthand people type on phones written out («d q fecha es» → «de que fecha
        es», ``vocabulary.yaml`` ``shorthand``; a state's alias that holds one, «q roo», stays as typed) and
        the domain's words spelt right («planez» → «planes»: :meth:`_domain_speller`)."""
        shorthand = self.vocabulary.shorthand

        def written(match: re.Match[str]) -> str:
            short = match.group("short")
            return shorthand[fold(short)] if short else match.group()

        return self._speller.correct(self._shorthand.sub(written, text))

    def _domain_speller(self) -> Speller:
        """Corrects a misspelt word of the domain (a figure's, an aspect's or a term's single words: «planez»,
        «secretariadoz», «compromizos») that is no word of the documents, the vocabulary or the states."""
        vocabulary = self.vocabulary
        named = [w for m in self.figures.metrics.values() for w in m.words]
        named += vocabulary.aspects["stl"] + vocabulary.aspects["pal"] + vocabulary.guide_words
        named += vocabulary.about.names + [alias for term in self.glossary for alias in term.aliases]
        targets = {fold(w) for w in named if " " not in w.strip() and len(w) >= SPELLED_TARGET_MIN_LETTERS}
        known = {w for source in self.sources.values() for w in words(f"{source.title} {source.text}")}
        known |= set(words(vocabulary.model_dump_json())) | set(words(" ".join(self._state_names)))
        return Speller(targets, known, SPELLED_CUTOFF, SPELLED_MIN_LETTERS)

    def figure_words(self, metric: str) -> list[str]:
        """The words that name a national figure: its own and the aliases of the synonyms for them."""
        return self._figure_words[metric]

    @property
    def every_figure_word(self) -> list[str]:
        """The words that name any of the national figures."""
        return [word for words in self._figure_words.values() for word in words]

    def members(self, list_id: str) -> list[tuple[State, int]]:
        """The states a dated list names, with their count (number of plans for PAL lists)."""
        return [
            (state, listing.count)
            for state in self.states
            for listing in state.listed
            if listing.list == list_id
        ]

    def lists_of_kind(self, kind: str) -> list[DatedList]:
        """The dated lists of one kind (``stl`` or ``pal``), oldest first."""
        return sorted((lst for lst in self.lists.values() if lst.kind == kind), key=lambda lst: lst.date)

    def list_as_of(self, kind: str, year: int | None) -> DatedList | None:
        """The list of a kind printed last by the end of ``year`` (the newest when None); None when the
        first one came later."""
        lists = [lst for lst in self.lists_of_kind(kind) if year is None or lst.date.year <= year]
        return lists[-1] if lists else None

    def history(self, metric: str) -> list[Observation]:
        """Every dated observation of a national figure, oldest first."""
        return sorted(
            (o for o in self.figures.observations if o.metric == metric and o.date),
            key=lambda o: o.date or dt.date.min,
        )

    def latest(self, metric: str) -> Observation | None:
        """The newest observation of a national figure, or None when no source gives it."""
        history = self.history(metric)
        return history[-1] if history else None

    def superseded(self) -> list[Observation]:
        """Observations that a newer one of the same figure replaces (and all undated ones)."""
        newest = {m: latest.date for m in self.figures.metrics if (latest := self.latest(m)) and latest.date}
        return [
            o
            for o in self.figures.observations
            if o.date is None or (o.metric in newest and newest[o.metric] > o.date)
        ]

    def newest_source(self, refs: Iterable[str]) -> str:
        """The most recent of the sources ``refs`` (an undated one counts as the oldest)."""
        return max(refs, key=lambda ref: self.sources[ref].date or dt.date.min)

    def joined_source(self) -> str:
        """The newest source that says when states joined the initiative."""
        return self.newest_source(ref for s in self.states if s.joined for ref in s.joined.sources)

    def joined_by_year(self) -> dict[int, list[State]]:
        """The states the documents give a year of joining for, by that year: the years in order, the
        states of each in the knowledge base's order."""
        by_year: dict[int, list[State]] = {}
        for state in self.states:
            if state.joined:
                by_year.setdefault(state.joined.year, []).append(state)
        return {year: by_year[year] for year in sorted(by_year)}

    def joined_years(self) -> list[int]:
        """The years states joined the initiative, in order (2015, 2016, 2017)."""
        return list(self.joined_by_year())

    def first_joined_year(self) -> int:
        """The first year any state joined the initiative (2015)."""
        return self.joined_years()[0]

    def numbered_in(self, text: str) -> list[str]:
        """The sources whose number ``text`` holds, however written: «265/19», «INAI/002/18», «INAI 265-19»,
        «inai/83/2018» (zeros in front and the century may go, a hyphen may stand for the slash)."""
        folded = fold(text)
        return [
            ref
            for ref, source in self.sources.items()
            if source.number and _number(source.number).search(folded)
        ]

    def with_dates_of_numbers(self, text: str) -> str:
        """``text`` with the month and year of each document it names by number, right after the number, when
        it names a year too («entre el comunicado INAI/002/18 y el de agosto de 2020» → «…INAI/002/18 de
        enero de 2018 y…»), so that what compares dates reads both; as it is when it names no year, when a
        date follows the number already, or when it names the year the number ends in («¿el INAI/265/19 es de
        2019?» asks about the number)."""
        folded = fold(text)
        if not _ANY_YEAR.search(folded):
            return text  # «¿qué evento anunciaba el comunicado INAI/083/18?»: no date to set it against
        places = []
        for source in self.sources.values():
            if not (source.number and source.date):
                continue
            century = f"20{source.number.rsplit('/', 1)[-1]}"
            for found in _number(source.number).finditer(folded):
                dated = _DATE_AFTER.match(folded[found.end() :])
                if not dated and not re.search(rf"\b{century}\b", folded):
                    places.append((found.end(), spanish_month(source.date)))
        for at, month in sorted(places, reverse=True):
            text = f"{text[:at]} de {month}{text[at:]}"
        return text

    def with_year_of_month(self, text: str) -> str:
        """A short ``text`` with the year after a month it names without one, when a single dated document is
        of that month («¿y en el de marzo?» → «¿y en el de marzo de 2018?»: the comunicado of 27 March 2018);
        as it is otherwise (a longer message, a year named, a month of no document or of several)."""
        if _ANY_YEAR.search(text) or len(text.split()) > MONTH_FOLLOW_UP_WORDS:
            return text  # «¿la Cumbre fue en mayo?»: a claim about a month, not a document's
        months = list(_MONTH.finditer(fold(text)))
        if len(months) != 1:
            return text
        month = MONTHS.index(months[0].group(1)) + 1
        years = {day.year for source in self.sources.values() if (day := source.date) and day.month == month}
        if len(years) != 1:
            return text
        end = months[0].end()
        return f"{text[:end]} de {years.pop()}{text[end:]}"

    def with_years_written(self, text: str) -> str:
        """``text`` with the initiative's years it says short or in words in full («¿y en el dieciocho?» →
        «¿y en el 2018?»): :func:`knowledge.text.with_spoken_years`."""
        return with_spoken_years(text, range(self.first_joined_year(), self.newest_date().year + 1))

    def years_numbered(self, text: str) -> list[int]:
        """The years of the dated sources ``text`` names by number («el comunicado INAI/002/18» → 2018)."""
        return sorted({day.year for ref in self.numbered_in(text) if (day := self.sources[ref].date)})

    def newest_date(self) -> dt.date:
        """The date of the newest dated document (14 August 2020)."""
        return max(source.date for source in self.sources.values() if source.date)

    def years_covered(self) -> str:
        """From the first year a state joined to the newest dated document: ``2015–2020``."""
        return f"{self.first_joined_year()}–{self.newest_date().year}"

    def initiative_names(self) -> list[str]:
        """The initiative's own names of more than two words («Gobierno Abierto: Cocreación desde lo
        Local»): every document is about it, so a question that names it names no passage."""
        term = self.term(INITIATIVE)
        names = [term.term, *term.aliases] if term else []
        return [name for name in names if len(name.split()) > 2]

    def term(self, name: str) -> Term | None:
        """The glossary entry for ``name`` (its id, term or an alias), or None."""
        key = squash(fold(name))
        return next(
            (
                t
                for t in self.glossary
                if key in {t.id, squash(fold(t.term)), *map(squash, map(fold, t.aliases))}
            ),
            None,
        )

    def step_parent(self, term_id: str) -> Term | None:
        """The term ``term_id`` is a step of (the initiative, for the STL and the PAL), or None."""
        return next((term for term in self.glossary if term_id in term.steps), None)

    def whole_names(self) -> list[str]:
        """The aliases of the terms that are no step of another: the initiative's and open government's."""
        wholes = [term for term in self.glossary if self.step_parent(term.id) is None]
        return [alias for term in wholes for alias in term.aliases]

    def recommendation(self, ordinal: int) -> Recommendation | None:
        return next((r for r in self.recommendations.items if r.ordinal == ordinal), None)

    def notes_for(self, institution: str) -> list[Note]:
        """Dated notes that must accompany any answer pointing a person to ``institution``."""
        return [note for note in self.notes if institution in note.applies_to]

    def citation(self, source_id: str) -> str:
        """How an answer names a source: ``el comunicado INAI/265/19, 14 de agosto de 2020``."""
        source = self.sources[source_id]
        when = spanish_date(source.date) if source.date else "sin fecha"
        return f"{source.cite_as}, {when}"


def _shorthand_pattern(shorthand: dict[str, str], state_names: Iterable[str]) -> re.Pattern[str]:
    """One pattern for :meth:`KnowledgeBase.spelled_out`: a state's name that holds a shorthand word
    (kept), else a shorthand word standing alone (not in «d.f.»)."""
    short = {fold(word) for word in shorthand}
    kept = sorted((n for n in state_names if short & set(re.split(r"[\s.]+", n))), key=len, reverse=True)
    keep = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in kept) or "(?!)"
    words = "|".join(map(re.escape, sorted(short, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.])(?:{keep})(?![\w])|(?<![\w.])(?P<short>{words})(?![\w.])", re.IGNORECASE)


def _plural(phrase: str) -> str:
    """Each word of ``phrase`` with an «s»: «secretariado técnico local» names the secretariados too."""
    return " ".join(f"{word}s" for word in phrase.split())
