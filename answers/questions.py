"""Questions that combine conditions on the states, answered by computing over the knowledge base.

«¿Qué estados tienen STL pero no PAL?», «¿cuántos tienen secretariado pero ningún plan?», «¿cuáles
tienen dos planes o más?», «¿qué estados se sumaron en 2016 y ya publicaron plan?». The question is
read with the vocabulary into a :class:`Query` (conditions and whether a number is asked); the states
are filtered over the newest dated lists (or those of the year asked) and the years joined, and every
list used is cited with its date. A state missing from a list "no figura": the documents do not report
it, which is not a "no".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from knowledge import KnowledgeBase
from knowledge.schema import DatedList, State
from knowledge.text import fold
from knowledge.vocabulary import mentions, spans

from .wording import join_names

_CLAUSE_BREAK = re.compile(r"[,;:¿?¡!]")
_YEAR = re.compile(r"\b(20[0-3]\d)\b")
NOT_LISTED = (
    "Que un estado no figure en una lista no quiere decir que no lo tenga: los documentos no lo reportan."
)
WINDOW = 30  # characters before an aspect word searched for a word that denies it


@dataclass(frozen=True)
class Condition:
    """One condition on a state; ``text`` says it in Spanish («figuran en la lista de STL»)."""

    text: str
    holds: Callable[[State], bool] = field(compare=False)
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Query:
    conditions: tuple[Condition, ...]
    compares_plans: bool  # «más de un plan», «dos o más»: not a plain list question


def _listed(members: set[str], listed: bool) -> Callable[[State], bool]:
    return lambda state: (state.id in members) == listed


def _denied(kb: KnowledgeBase, folded: str, start: int) -> bool:
    """Whether a word of negation stands before ``start`` in the same clause («pero no PAL»)."""
    before = _CLAUSE_BREAK.split(folded[max(0, start - WINDOW) : start])[-1]
    separators = spans(kb.vocabulary.conditions.separators, before)
    clause = before[separators[-1][1] :] if separators else before
    return mentions(kb.vocabulary.conditions.negation, clause)


def _plans_comparison(kb: KnowledgeBase, folded: str) -> tuple[str, int] | None:
    """``(">", 1)`` for «más de un plan», ``(">=", 2)`` for «al menos dos» or «dos planes o más»."""
    words = kb.vocabulary.conditions
    numbers = {fold(w): n for w, n in words.numbers.items()}
    number = "|".join([r"\d", *map(re.escape, sorted(numbers, key=len, reverse=True))])
    nouns = "|".join(map(re.escape, sorted(map(fold, kb.vocabulary.aspects["pal"]), key=len, reverse=True)))

    def value(word: str) -> int:
        return int(word) if word.isdigit() else numbers[word]

    for op, lead in ((">", words.more_than), (">=", words.at_least)):
        lead_words = "|".join(map(re.escape, map(fold, lead)))
        found = re.search(rf"(?<!\w)(?:{lead_words})\s+({number})\s+(?:{nouns})(?!\w)", folded)
        if found:
            return op, value(found.group(1))
    or_more = "|".join(map(re.escape, map(fold, words.or_more)))
    found = re.search(rf"(?<!\w)({number})\s+(?:(?:{nouns})\s+)?(?:{or_more})(?!\w)", folded)
    if found and mentions(kb.vocabulary.aspects["pal"], folded):
        return ">=", value(found.group(1))
    return None


def _plans_phrase(n: int) -> str:
    return (
        "1 Plan de Acción Local (PAL) publicado" if n == 1 else f"{n} Planes de Acción Local (PAL) publicados"
    )


def _plans(kb: KnowledgeBase, state: State) -> int:
    newest = kb.lists_of_kind("pal")[-1]
    return next((li.count for li in state.listed if li.list == newest.id), 0)


def _dated_list(kb: KnowledgeBase, kind: str, year: int | None) -> DatedList:
    """The list of a kind as of ``year`` (the last one printed by then), else the newest."""
    lists = kb.lists_of_kind(kind)
    by_then = [lst for lst in lists if year is not None and lst.date.year <= year]
    return by_then[-1] if by_then else lists[-1]


def parse(kb: KnowledgeBase, text: str) -> Query:
    """The conditions ``text`` sets on the states, read with the vocabulary. A year that is not the year
    states joined («¿cuáles tenían secretariado en 2018 pero no plan?») picks the lists of that year."""
    folded = fold(text)
    conditions: list[Condition] = []
    comparison = _plans_comparison(kb, folded)
    year = _YEAR.search(folded)
    joins = bool(year) and mentions(kb.vocabulary.conditions.joined, folded)
    as_of = int(year.group(1)) if year and not joins else None
    for kind, label in (("stl", "STL"), ("pal", "PAL")):
        found = spans(kb.vocabulary.aspects[kind], folded)
        if not found or (kind == "pal" and (comparison or kb.vocabulary.plan_count_of(folded) is not None)):
            continue
        newest = _dated_list(kb, kind, as_of)
        members = {state.id for state, _ in kb.members(newest.id)}
        denied = _denied(kb, folded, found[0][0])
        wording = f"{'no ' if denied else ''}figuran en la lista de {label}"
        conditions.append(Condition(wording, _listed(members, not denied), (newest.source,)))
    exactly = None if comparison else kb.vocabulary.plan_count_of(folded)
    if exactly is not None:  # «¿qué estados con un solo plan se sumaron en 2015?»
        n_plans = exactly
        plans = _plans_phrase(n_plans)
        source = kb.lists_of_kind("pal")[-1].source
        conditions.append(Condition(f"tienen {plans}", lambda s: _plans(kb, s) == n_plans, (source,)))
    if comparison:
        op, n = comparison
        if op == ">":
            phrase = f"tienen más de {_plans_phrase(n)}"
        else:
            phrase = f"tienen {n} o más Planes de Acción Local (PAL) publicados"
        source = kb.lists_of_kind("pal")[-1].source
        test = (lambda s: _plans(kb, s) > n) if op == ">" else (lambda s: _plans(kb, s) >= n)
        conditions.append(Condition(phrase, test, (source,)))
    if year and joins:
        joined = int(year.group(1))
        conditions.append(
            Condition(
                f"se sumaron a la iniciativa en {joined}",
                lambda s: bool(s.joined and s.joined.year == joined),
                (kb.joined_source(),),
            )
        )
    return Query(tuple(conditions), comparison is not None)


def combined_answer(kb: KnowledgeBase, text: str, asks_for_states: bool = True) -> str | None:
    """The answer to a question that combines conditions (or compares a number of plans), computed over
    the knowledge base; None when ``text`` is a plain question the list and figure answers serve.

    ``asks_for_states`` is False for a question about figures: there «¿cuántos STL y PAL hay?» asks for
    two national figures, so only a denied list, a year or a comparison makes it a question about states.
    """
    query = parse(kb, text)
    plain = all(c.text.startswith("figuran") for c in query.conditions)
    if not query.compares_plans and (len(query.conditions) < 2 or (plain and not asks_for_states)):
        return None
    states = [s for s in kb.states if all(c.holds(s) for c in query.conditions)]
    sources = list(dict.fromkeys(ref for c in query.conditions for ref in c.sources))
    cited = join_names([kb.citation(ref) for ref in sources])
    described = join_names([c.text for c in query.conditions])
    denied = any(c.text.startswith("no figuran") for c in query.conditions)
    caution = f" {NOT_LISTED}" if denied else ""
    if not states:
        return f"Según {cited}, ningún estado cumple esto: {described}.{caution}"
    names = join_names([s.name for s in states])
    one = len(states) == 1
    counted = "1 estado" if one else f"{len(states)} estados"
    return f"Según {cited}, {counted} {_singular(described) if one else described}: {names}.{caution}"


def _singular(described: str) -> str:
    """«figuran … tienen … se sumaron» said of one state."""
    for plural, singular in (("figuran", "figura"), ("tienen", "tiene"), ("se sumaron", "se sumó")):
        described = described.replace(plural, singular)
    return described


def question_parts(kb: KnowledgeBase, text: str) -> list[str]:
    """The questions a message asks, split where «y» starts a second one («¿cuántos participan y desde
    cuándo?» → two parts), folded; one part when it asks one thing."""
    folded = fold(text)
    starts = {start for start, _ in spans(kb.vocabulary.figure_questions.second_question, folded)}
    cuts = [m.start() for m in re.finditer(r"(?<!\w)y\s+¿?", folded) if m.end() in starts and m.start() > 0]
    bounds = [0, *cuts, len(folded)]
    parts = [folded[a:b].strip(" ,;") for a, b in itertools.pairwise(bounds)]
    parts = [part.removeprefix("y ").strip() for part in parts]
    return [part for part in parts if part] or [folded]
