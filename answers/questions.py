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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from knowledge import KnowledgeBase
from knowledge.schema import DatedList, State
from knowledge.text import MONTHS, fold, spanish_date, spanish_month, squash
from knowledge.vocabulary import asked_part, mentions, question_sentence, spans

from .wording import Cited, closed, join_names, listed, sentences

_CLAUSE_BREAK = re.compile(r"[,;:¿?¡!]")
_YEAR = re.compile(r"\b(20[0-3]\d)\b")
NOT_LISTED = (
    "Que un estado no figure en una lista no quiere decir que no lo tenga: los documentos no lo reportan."
)
# «ni en la lista de 2018 ni en la de 2020», «ni en 2018 ni en 2020»: two dates, neither of which holds
_LIST_OF = r"(?:en\s+)?(?:(?:la|el)\s+)?(?:(?:lista|listado)\s+)?(?:del?\s+)?"
_NEITHER = re.compile(rf"(?:\bni\s+)?{_LIST_OF}(20[0-3]\d)\s*,?\s*\bni\s+{_LIST_OF}(20[0-3]\d)\b")
ALONE = ("change", "unknown_year")  # conditions a question may set alone
THEN = " || "  # between the questions a «y de esos…» topic keeps
WINDOW = 70  # characters before an aspect word searched for a word that denies it


@dataclass(frozen=True)
class Condition:
    """One condition on a state; ``text`` says it in Spanish («figuran en la lista de STL»); ``kind``:
    ``listed`` or ``denied`` (in one dated list, or not), ``change`` (in a later list and not in an
    earlier one), ``plans`` (a number of plans), ``joined`` (the year joined) or ``unknown_year`` (none
    reported)."""

    text: str
    holds: Callable[[State], bool] = field(compare=False)
    sources: tuple[str, ...] = ()
    kind: str = "listed"


@dataclass(frozen=True)
class Query:
    conditions: tuple[Condition, ...]
    compares_plans: bool  # «más de un plan», «dos o más»: not a plain list question
    # «¿todos los que entraron en 2015 tienen STL?»: also name those of the group that do not
    every: bool = False
    # «…de 2017 ninguno instaló STL, ¿es verdad?»: also name those of the group that did
    none: bool = False


def _listed(members: set[str], listed: bool) -> Callable[[State], bool]:
    return lambda state: (state.id in members) == listed


def _denied(kb: KnowledgeBase, folded: str, start: int) -> bool:
    """Whether a word of negation stands before ``start`` in the same clause («pero no PAL»)."""
    said = folded[:start]
    for begin, end in spans(kb.vocabulary.conditions.rhetorical, said):  # «¿acaso no es…?» denies nothing
        said = f"{said[:begin]}{' ' * (end - begin)}{said[end:]}"
    before = _CLAUSE_BREAK.split(said[max(0, start - WINDOW) :])[-1]
    separators = spans(kb.vocabulary.conditions.separators, before)
    clause = before[separators[-1][1] :] if separators else before
    return mentions(kb.vocabulary.conditions.negation, clause)


_NOT_YET = re.compile(r"\s*(?:(?:todavia|aun|tampoco)\s+)?no\b")  # «…plan de acción todavía no publicaron»


def _denied_after(kb: KnowledgeBase, folded: str, end: int) -> bool:
    """Whether a negation follows the aspect word ending at ``end`` in its clause, which names no other
    («¿cuáles tienen secretariado pero plan de acción todavía no publicaron?»), not «…PAL no tienen STL»."""
    after = _CLAUSE_BREAK.split(folded[end : end + WINDOW])[0]
    separators = spans(kb.vocabulary.conditions.separators, after)
    clause = after[: separators[0][0]] if separators else after
    named = any(spans(words, clause) for words in kb.vocabulary.aspects.values())
    return _NOT_YET.match(clause) is not None and not named


_DENIES_VERB = re.compile(r"\b(?:no|nunca)\s+(?:se\s+|le\s+)?$")


def _joined_denied(kb: KnowledgeBase, folded: str, year_at: int) -> bool:
    """Whether the verb of joining before the year at ``year_at`` is denied («no se sumó en 2015»)."""
    verbs = [start for start, _ in spans(kb.vocabulary.conditions.joined, folded[:year_at])]
    if not verbs:
        return False
    # «¿cuál no estaba entre los que se sumaron en 2015?», «…pero no figura entre las entidades que se
    # sumaron…»
    among = _alternatives(kb.vocabulary.context.member_of)
    group = r"(?:los|las)\s+(?:\w+\s+){0,2}?que\s+(?:se\s+)?$"
    denied_member = re.search(rf"\bno\s+(?:{among})\s+{group}", folded[: verbs[-1]])
    return _DENIES_VERB.search(folded[: verbs[-1]]) is not None or denied_member is not None


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


def plans_of(kb: KnowledgeBase, state: State) -> int:
    """How many plans the newest PAL list gives ``state`` (0 when it does not name it)."""
    newest = kb.lists_of_kind("pal")[-1]
    return next((li.count for li in state.listed if li.list == newest.id), 0)


def _dated_list(kb: KnowledgeBase, kind: str, year: int | None) -> DatedList:
    """The list of a kind as of ``year`` (the last one printed by then), else the newest."""
    return kb.list_as_of(kind, year) or kb.lists_of_kind(kind)[-1]


def _alternatives(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(map(fold, words), key=len, reverse=True)))


_MONTH_OR_NOT = rf"(?:(?:{'|'.join(MONTHS)})\s+(?:de\s+|del\s+)?)?"  # «enero de » before a year
_DATE = re.compile(rf"(?:\b({'|'.join(MONTHS)})\s+(?:de\s+|del\s+)?)?\b(20[0-3]\d)\b")  # month, year


def date_in(texts: Sequence[str]) -> str:
    """The first date the texts name, as written and folded («enero de 2018», «2020»), or ""."""
    return next((found.group() for text in texts if (found := _DATE.search(fold(text)))), "")


def earliest_date(text: str) -> tuple[int, int | None] | None:
    """The earliest year ``text`` names, with its month when given («en agosto de 2020 que en enero de
    2018» → (2018, 1)); None when it names no year."""
    dates = [
        (int(found.group(2)), MONTHS.index(found.group(1)) + 1 if found.group(1) else 0)
        for found in _DATE.finditer(squash(fold(text)))
    ]
    if not dates:
        return None
    year, month = min(dates)
    return year, month or None


def period_of(kb: KnowledgeBase, text: str) -> tuple[int, int | None] | None:
    """The years of a change the question asks about: «entre enero de 2018 y agosto de 2020» → (2018,
    2020), «después de 2018» → (2018, None: the newest); None when it asks about none."""
    folded = fold(text)
    words = kb.vocabulary.conditions
    between = re.search(
        rf"(?<!\w)(?:{_alternatives(words.between)})\s+{_MONTH_OR_NOT}(20[0-3]\d)\s+(?:y|a|al|hasta)\s+{_MONTH_OR_NOT}(20[0-3]\d)",
        folded,
    )
    if between:
        return int(between.group(1)), int(between.group(2))
    after = re.search(rf"(?<!\w)(?:{_alternatives(words.after)})\s+{_MONTH_OR_NOT}(20[0-3]\d)", folded)
    if after:
        return int(after.group(1)), None
    # two years and a word of change: «la lista de 2018 con la de 2020: ¿qué estados se agregaron?»
    years = sorted({int(y) for y in _YEAR.findall(folded)})
    if len(years) == 2 and (mentions(words.added, folded) or mentions(words.removed, folded)):
        return years[0], years[1]
    # «¿qué estados tienen STL ahora que no tenían en 2018?»: from that year to the newest list
    now = mentions(kb.vocabulary.figure_questions.now, kb.vocabulary.without_opener(folded))
    if len(years) == 1 and years[0] < kb.newest_date().year and now and mentions(words.added, folded):
        return years[0], None
    return None


def _counts_items(kb: KnowledgeBase, folded: str, kind: str) -> bool:
    """Whether the question counts STL or plans themselves («¿cuántos planes más hay?»), not states."""
    nouns = _alternatives(kb.vocabulary.aspects[kind])
    after = rf"(?<!\w)cuant[oa]s\s+(?:\w+\s+)?(?:{nouns})(?!\w)"
    # «y planes de acción local, ¿cuántos más se publicaron de 2018 a 2020?»: named before
    before = rf"(?<!\w)(?:{nouns})\W+(?:\w+\W+){{0,2}}cuant[oa]s\s+(?:mas|menos)(?!\w)"
    return re.search(after, folded) is not None or re.search(before, folded) is not None


def _change(
    kb: KnowledgeBase, kind: str, label: str, period: tuple[int, int | None], removed: bool = False
) -> Condition | None:
    """In the list of a kind of the period's end and not in the one of its start (``removed``: the other
    way round); None when the documents have no list of the start, or the same list for both."""
    start, end = period
    before = kb.list_as_of(kind, start)
    newer = _dated_list(kb, kind, end)
    if before is None or before == newer:
        return None
    # «¿cuáles de la lista de 2018 ya no aparecen en la de 2020?»: in the older list, not the newer
    inside, outside = (before, newer) if removed else (newer, before)
    kept = {state.id for state, _ in kb.members(inside.id)}
    left = {state.id for state, _ in kb.members(outside.id)}
    return Condition(
        f"figuran en la lista de {label} del {spanish_date(inside.date)} ({len(kept)} estados) y no en la "
        f"del {spanish_date(outside.date)} ({len(left)})",
        lambda state: state.id in kept and state.id not in left,
        (inside.source, outside.source),
        "change",
    )


_MONTH = rf"(?:(?:el\s+)?\d{{1,2}}\s+de\s+)?(?:{'|'.join(MONTHS)})\s+(?:de\s+|del\s+)?"
# «hasta 2018», «para marzo de 2018», «a agosto de 2020», «al 14 de agosto de 2020»: a date things stood at
_AS_OF = re.compile(rf"(?:(?<!\w)(?:hasta|para)\s+(?:{_MONTH})?|(?<!\w)(?:a|al)\s+{_MONTH})$")
# «…con las de agosto de 2020»: a year after a month is a date; the documents give states' years of joining
# without months
_AFTER_MONTH = re.compile(rf"{_MONTH}$")


def as_of(folded: str, at: int) -> bool:
    """Whether the year at ``at`` in ``folded`` is the date things stood at («¿cuántos se habían sumado a
    marzo de 2018?»), not a year in which something happened."""
    return _AS_OF.search(folded[:at]) is not None or _AFTER_MONTH.search(folded[:at]) is not None


def asks_as_of(kb: KnowledgeBase, text: str) -> bool:
    """Whether the first year ``text`` names is a date things stood at («… a marzo de 2018 y … a agosto
    de 2020?», «¿cuántos se habían sumado en 2018?»)."""
    if kb.vocabulary.asks_count(text) and mentions(kb.vocabulary.conditions.by_then, text):
        return True
    folded = fold(text)
    found = _YEAR.search(folded)
    return found is not None and as_of(folded, found.start())


def _joined_until(kb: KnowledgeBase, folded: str, joined_in: re.Match[str] | None) -> tuple[int, int] | None:
    """«…se sumaron entre 2015 y 2017…», «…de 2015 a 2017…»: the last year states joined in a range that
    starts at the year joined, and where it stands; None when no range starts there."""
    if joined_in is None:
        return None
    between = _alternatives(kb.vocabulary.conditions.between)
    pattern = rf"(?<!\w)(?:{between})\s+{joined_in.group(1)}\s+(?:y|a|al|hasta)\s+(?:el\s+)?(20[0-3]\d)\b"
    found = re.compile(pattern).search(folded, max(joined_in.start() - 8, 0))
    if found is None or found.start(1) <= joined_in.start() or int(found.group(1)) <= int(joined_in.group(1)):
        return None
    return int(found.group(1)), found.start(1)


_ALSO_YEAR = re.compile(r"\s*(?:,|y|e|o)\s+(?:en\s+(?:el\s+)?)?(20[0-3]\d)\b")


def _joined_also(folded: str, joined_in: re.Match[str] | None) -> tuple[int, int] | None:
    """«…se sumaron en 2015 y en 2016…»: a second year of joining right after the first, and where it
    stands; None when none follows."""
    if joined_in is None:
        return None
    found = _ALSO_YEAR.match(folded, joined_in.end())
    return (int(found.group(1)), found.start(1)) if found else None


def _year_joined(kb: KnowledgeBase, folded: str, at: int) -> bool:
    """Whether the year at ``at`` is the year states joined («¿cuáles se sumaron en 2016?»), not the date
    of a list («¿cuáles que ya se sumaron no tienen STL en 2020?») nor the date things stood at («¿cuántos
    se habían sumado a marzo de 2018?»): the nearer word before it decides."""
    if as_of(folded, at):
        return False
    conditions = kb.vocabulary.conditions
    joined = spans(conditions.joined, folded)
    aspects = [*spans(kb.vocabulary.aspects["stl"], folded), *spans(kb.vocabulary.aspects["pal"], folded)]

    def nearest(found: list[tuple[int, int]]) -> int:
        return max((end for _, end in found if end <= at), default=-1)

    if joined and nearest(joined) >= max(nearest(aspects), 0):  # a word of joining before it, nearer
        return True
    # «¿y cuáles de 2016 no tienen plan?»: the states that joined then, when any did (2018 dates lists)
    before = folded[:at].rstrip()
    those_of = any(end == len(before) for _, end in spans(conditions.those_of, before))
    return those_of and any(s.joined and str(s.joined.year) == folded[at : at + 4] for s in kb.states)


def _joined_any(kb: KnowledgeBase) -> Condition:
    """The states the documents give a year of joining for."""
    years = kb.joined_years()
    return Condition(
        f"se sumaron a la iniciativa (entre {years[0]} y {years[-1]})",
        lambda s: s.joined is not None,
        (kb.joined_source(),),
        "joined",
    )


def _blanked(text: str, found: re.Match[str]) -> str:
    """``text`` with what ``found`` matched written as spaces (the positions of the rest kept)."""
    return f"{text[: found.start()]}{' ' * len(found.group())}{text[found.end() :]}"


def _question_start(folded: str) -> int:
    """Where the sentence that holds the question of a message that sets a scene first begins
    (:func:`question_sentence`, a suffix of the message): 0 when the message is all question."""
    return len(folded) - len(question_sentence(folded))


def parse(kb: KnowledgeBase, text: str, kind_asked: str | None = None) -> Query:
    """The conditions ``text`` sets on the states, read with the vocabulary. A year that is not the year
    states joined («¿cuáles tenían secretariado en 2018 pero no plan?») picks the lists of that year.
    ``kind_asked`` (``stl`` or ``pal``): the lists meant when the text names a list and no kind."""
    folded = fold(text)
    conditions: list[Condition] = []
    comparison = _plans_comparison(kb, folded)
    # «¿cuáles tenían STL en agosto de 2020 y se sumaron en 2017?»: a year joined and a date of the lists
    named_years = list(_YEAR.finditer(folded))
    # «…que no salga en las listas de los que se sumaron en 2015, 2016 o 2017?»: no year of joining
    unknown = mentions(kb.vocabulary.conditions.unknown_year, folded)
    joined_in = next((found for found in named_years if _year_joined(kb, folded, found.start())), None)
    joined_in = None if unknown else joined_in
    # «…que se sumaron entre 2015 y 2017…»: the years joined run to the second year, which dates no list
    until = _joined_until(kb, folded, joined_in)
    also = None if until else _joined_also(folded, joined_in)  # «…en 2015 y en 2016…»: either year
    taken = {(until or (0, -1))[1], (also or (0, -1))[1]}
    others = [found for found in named_years if found is not joined_in and found.start() not in taken]
    dated = others[0] if others else None
    joins = joined_in is not None
    period = period_of(kb, folded)
    as_of = (period[1] if period and not joins else int(dated.group(1))) if dated else None
    # «¿cuáles de los del 2016 tienen STL en agosto de 2020 pero no lo tenían en 2018?»: a change of the
    # lists, of the states that joined in a year
    changing = period_of(kb, _blanked(folded, joined_in)) if joined_in else period
    question_at = _question_start(folded)
    for kind, label in (("stl", "STL"), ("pal", "PAL")):
        found = spans(kb.vocabulary.aspects[kind], folded) or ([(0, 0)] if kind == kind_asked else [])
        # «No todos los estados con STL sacaron su plan. ¿Cuáles tienen STL pero no plan?»: the question
        # says what is asked of each list, not the scene set before it
        found = [span for span in found if span[0] >= question_at] or found
        if not found or (kind == "pal" and (comparison or kb.vocabulary.plan_count_of(folded) is not None)):
            continue
        # «¿cuáles no tenían secretariado ni en la lista de 2018 ni en la de 2020?»: on neither list
        neither = _NEITHER.search(folded)
        if neither and any(_denied(kb, folded, start) for start, _ in found):
            for year in dict.fromkeys(int(found_year) for found_year in neither.groups()):
                dated_list = _dated_list(kb, kind, year)
                members = {state.id for state, _ in kb.members(dated_list.id)}
                wording = f"no figuran en la lista de {label}"  # its date follows, as for any dated list
                conditions.append(Condition(wording, _listed(members, False), (dated_list.source,), "denied"))
            continue
        removed = mentions(kb.vocabulary.conditions.removed, folded)
        changed = _change(kb, kind, label, changing, removed) if changing else None
        named = mentions(kb.vocabulary.figure_questions.which, folded)  # «¿cuántos nuevos…? Nómbralos»
        if changed is not None and (named or not _counts_items(kb, folded, kind)):
            conditions.append(changed)
            continue
        newest = _dated_list(kb, kind, as_of)
        members = {state.id for state, _ in kb.members(newest.id)}
        # «Cruce STL vs PAL: ¿qué estados tienen STL pero no aparecen en la lista de PAL?»: denied anywhere
        denied = any(_denied(kb, folded, start) or _denied_after(kb, folded, end) for start, end in found)
        wording = f"{'no ' if denied else ''}figuran en la lista de {label}"
        kind_of = "denied" if denied else "listed"
        conditions.append(Condition(wording, _listed(members, not denied), (newest.source,), kind_of))
    exactly = None if comparison else kb.vocabulary.plan_count_of(folded)
    if exactly is not None:  # «¿qué estados con un solo plan se sumaron en 2015?»
        n_plans = exactly
        plans = _plans_phrase(n_plans)
        source = kb.lists_of_kind("pal")[-1].source
        exact = Condition(f"tienen {plans}", lambda s: plans_of(kb, s) == n_plans, (source,), "plans")
        conditions.append(exact)
        years = sorted({int(found) for found in _YEAR.findall(folded)})
        if len(years) == 2 and not joins and mentions(kb.vocabulary.aspects["pal"], folded):
            # «¿cuáles de los que tenían plan en 2018 siguen con uno solo en 2020?»: listed then, so many now
            then = _dated_list(kb, "pal", years[0])
            members = {state.id for state, _ in kb.members(then.id)}
            listed = f"figuraban en la lista de PAL de {spanish_month(then.date)}"
            conditions.insert(0, Condition(listed, _listed(members, True), (then.source,), "listed"))
    if comparison:
        op, n = comparison
        if op == ">":
            phrase = f"tienen más de {_plans_phrase(n)}"
        else:
            phrase = f"tienen {n} o más Planes de Acción Local (PAL) publicados"
        source = kb.lists_of_kind("pal")[-1].source
        test = (lambda s: plans_of(kb, s) > n) if op == ">" else (lambda s: plans_of(kb, s) >= n)
        conditions.append(Condition(phrase, test, (source,), "plans"))
    if joined_in is not None and until is not None:
        first, last = int(joined_in.group(1)), until[0]
        within = f"se sumaron a la iniciativa entre {first} y {last}"
        # «…pero no figura entre las entidades que se sumaron de 2015 a 2017?»: nor any year reported
        denied = _joined_denied(kb, folded, joined_in.start())
        conditions.append(
            Condition(
                f"no figuran entre los que {within}" if denied else within,
                lambda s: denied != bool(s.joined and first <= s.joined.year <= last),
                (kb.joined_source(),),
                "not_joined" if denied else "joined",
            )
        )
    elif joined_in is not None and also is not None:
        either = (int(joined_in.group(1)), also[0])
        conditions.append(
            Condition(
                f"se sumaron a la iniciativa en {either[0]} o en {either[1]}",
                lambda s: bool(s.joined and s.joined.year in either),
                (kb.joined_source(),),
                "joined",
            )
        )
    elif joined_in is not None:
        joined = int(joined_in.group(1))
        if _joined_denied(kb, folded, joined_in.start()):  # «¿cuál de esos no se sumó en 2015?»
            conditions.append(
                Condition(
                    f"no se sumaron a la iniciativa en {joined}",
                    lambda s: bool(s.joined and s.joined.year != joined),  # a year not reported is no other
                    (kb.joined_source(),),
                    "not_joined",
                )
            )
        else:
            conditions.append(
                Condition(
                    f"se sumaron a la iniciativa en {joined}",
                    lambda s: bool(s.joined and s.joined.year == joined),
                    (kb.joined_source(),),
                    "joined",
                )
            )
    # not «…¿cuáles tienen su secretariado pero no plan? los de ahorita»: «los de» joined only before a year
    words = kb.vocabulary.conditions
    joining = [
        (start, end)
        for start, end in spans(words.joined, folded)
        if not mentions(words.of_a_year, folded[start:end]) or _YEAR.match(folded, end + 1)
    ]
    if (
        not joins
        and any(c.kind == "denied" for c in conditions)
        and (joining or mentions(kb.vocabulary.participating, folded))
    ):
        conditions.append(_joined_any(kb))  # «¿cuáles que ya se sumaron (participan) no tienen STL?»
    if mentions(kb.vocabulary.conditions.unknown_year, folded):
        conditions.append(
            Condition(
                "no tienen año de ingreso en los documentos",
                lambda s: s.joined is None,
                (kb.joined_source(),),
                "unknown_year",
            )
        )
    every = mentions(kb.vocabulary.conditions.all_of, folded)
    none = mentions(kb.vocabulary.conditions.none_of, folded)
    return Query(tuple(conditions), comparison is not None, every, none)


JOINING = ("joined", "not_joined")  # the kinds of condition on the year a state joined


def combined_answer(
    kb: KnowledgeBase, text: str, asks_for_states: bool = True, previous: Sequence[str] = ()
) -> str | None:
    """The answer to a question that combines conditions, its sources at the end (:func:`combined_parts`);
    None when ``text`` is a plain question the list and figure answers serve."""
    parts = combined_parts(kb, text, asks_for_states, previous)
    return closed(kb, parts) if parts else None


def combined_parts(
    kb: KnowledgeBase, text: str, asks_for_states: bool = True, previous: Sequence[str] = ()
) -> list[Cited]:
    """The answer to a question that combines conditions (or compares a number of plans), computed over
    the knowledge base, its sources apart (for an answer that says more from them); none when ``text`` is
    a plain question the list and figure answers serve.

    ``asks_for_states`` is False for a question about figures: there «¿cuántos STL y PAL hay?» asks for
    two national figures, so only a denied list, a year or a comparison makes it a question about states.
    ``previous``: the questions whose states ``text`` filters further («y de esos, ¿cuáles…?»): their
    conditions hold too.
    """
    if each := _each_list(kb, text, asks_for_states, previous):
        return each
    query = parse(kb, text)
    # «y de los q sí tienen, ¿cuáles ya tienen plan?» after those of 2016 without STL: those with it
    other_side = mentions(kb.vocabulary.conditions.those_with, text)
    # «y cuáles se quedaron sin secretariado de esos?» after those of 2016 with one: the list the other way
    # round replaces the one it contradicts
    contradicted = {(_flipped(c).text, c.sources) for c in query.conditions if c.kind in ("listed", "denied")}
    # «¿y cuáles de esos mismos del 2016 tienen STL en 2020 pero no lo tenían en 2018?» after those with one
    # in 2018: a change between two lists replaces what was asked of either, and a condition said again
    # counts once
    compared = {source for c in query.conditions if c.kind == "change" for source in c.sources}
    said = {c.text for c in query.conditions}
    # «y los que entraron en 2017 igual, ¿cuál de esos no aparece?» after those of 2015: another year of
    # joining replaces the one asked before (a state joined in one year only)
    joins = any(c.kind in JOINING for c in query.conditions)
    for at, question in enumerate(previous):
        before = parse(kb, question, kind_asked=_kind_meant(kb, question, text))
        conditions = tuple(
            c
            for c in before.conditions
            if (c.text, c.sources) not in contradicted
            and not (c.kind in ("listed", "denied") and set(c.sources) <= compared)
            and c.text not in said
            and not (joins and c.kind in JOINING)
        )
        denied = [i for i, c in enumerate(conditions) if c.kind == "denied"]
        if other_side and at == len(previous) - 1 and denied:
            conditions = tuple(_flipped(c) if i == denied[-1] else c for i, c in enumerate(conditions))
        query = Query(
            conditions + query.conditions,
            before.compares_plans or query.compares_plans,
            query.every,
            query.none,
        )
    # a figure question counts a change in a list as a change in the figure (answers/figures.py)
    plain = {"listed"} if asks_for_states else {"listed", "change"}
    telling = [c for c in query.conditions if c.kind not in plain]
    several = len(query.conditions) > 1 and (asks_for_states or bool(telling))
    # alone, only the conditions no list answer serves («¿cuáles instalaron su STL después de 2018?»)
    alone = len(query.conditions) == 1 and asks_for_states and query.conditions[0].kind in ALONE
    if not (query.compares_plans or several or alone):
        return []
    return [_states_meeting(kb, query)]


def _answer(kb: KnowledgeBase, query: Query) -> str:
    """The states that meet every condition of ``query``, counted and named, then the lists cited."""
    return closed(kb, [_states_meeting(kb, query)])


def _described(kb: KnowledgeBase, conditions: Sequence[Condition]) -> list[str]:
    """Each condition as said, those on lists of several dates with the month of theirs («no figuran en la
    lista de PAL de enero de 2018 y figuran en la lista de PAL de agosto de 2020»)."""
    on_lists = [c for c in conditions if c.kind in ("listed", "denied") and c.sources]
    if len({c.sources for c in on_lists}) < 2:
        return [c.text for c in conditions]
    return [
        f"{c.text} de {spanish_month(day)}"
        if c in on_lists and (day := kb.sources[c.sources[0]].date)
        else c.text
        for c in conditions
    ]


def _states_meeting(kb: KnowledgeBase, query: Query) -> Cited:
    """The states that meet every condition of ``query``, counted and named (one a line when more than
    three), and the sources of the lists used."""
    states = [s for s in kb.states if all(c.holds(s) for c in query.conditions)]
    sources = tuple(dict.fromkeys(ref for c in query.conditions for ref in c.sources))
    described = join_names(_described(kb, query.conditions))
    denied = any(c.kind == "denied" for c in query.conditions)
    caution = NOT_LISTED if denied else ""
    if not states:
        return Cited(sentences(f"Ningún estado cumple esto: {described}.", caution), sources)
    one = len(states) == 1
    counted = "1 estado" if one else f"{len(states)} estados"
    # «¿cuál de esos no se sumó en 2015?»: each with the year it did
    years = any(c.kind == "not_joined" for c in query.conditions)
    names = [f"{s.name} (se sumó en {s.joined.year})" if years and s.joined else s.name for s in states]
    said = listed(f"{counted} {_singular(described) if one else described}", names)
    rest, some_not = _the_rest(kb, query, states)
    return Cited(sentences(said, rest, NOT_LISTED if some_not else caution), sources)


def _the_rest(kb: KnowledgeBase, query: Query, meeting: Sequence[State]) -> tuple[str, bool]:
    """«¿Todos los que entraron en 2015 tienen STL?»: of the group the other conditions make (the states
    that joined in a year), those not in the list asked about, or that all are, and whether some are not;
    «…de 2017 ninguno tiene STL, ¿es verdad?»: those of the group in the list. Empty otherwise."""
    group = [c for c in query.conditions if c.kind in ("joined", "not_joined", "plans")]
    tested = [c for c in query.conditions if c.kind in ("listed", "denied")]
    # «¿hay alguno que no tenga STL?» is answered by the list of those that do not
    every = query.every and len(tested) == 1 and tested[0].kind == "listed"
    none = query.none and len(tested) == 1 and tested[0].kind == "denied"
    if not (group and (every or none)):
        return "", False
    members = [s for s in kb.states if all(c.holds(s) for c in group)]
    rest = [s.name for s in members if s not in meeting]
    group_text = join_names([c.text for c in group])
    if not rest:
        return f"Son todos los {len(members)} estados que {group_text}.", False
    other = f"no {tested[0].text}" if every else tested[0].text.removeprefix("no ")
    return f"De los {len(members)} estados que {group_text}, {other}: {join_names(rest)}.", every


_BARE_NUMBER = re.compile(r"\b(?:[1-9]|uno|una|dos|tres|cuatro)\b(?!\s*(?:de|del)\s+20)")


def _names_kind(kb: KnowledgeBase, folded: str) -> bool:
    """Whether ``folded`` names STL or PAL (a kind of dated list)."""
    return any(spans(kb.vocabulary.aspects[kind], folded) for kind in ("stl", "pal"))


def in_year_of(kb: KnowledgeBase, text: str, state: State | None) -> str:
    """«De los estados que entraron ese mismo año…» right after a state: ``text`` with the year it joined
    said; ``text`` itself when it names no such year or the documents give none."""
    if state is None or state.joined is None:
        return text
    pattern = rf"(?<!\w)(?:en\s+)?(?:{_alternatives(kb.vocabulary.conditions.same_year)})(?!\w)"
    return re.sub(pattern, f"en {state.joined.year}", fold(text), count=1)


def along_with(kb: KnowledgeBase, text: str, state: State | None) -> str:
    """«De las entidades que se sumaron junto con Querétaro, ¿cuáles…?»: ``text`` folded, with «junto con
    Querétaro» said as the year that state joined; ``text`` itself when it says no such thing or the
    documents give no year for the state."""
    if state is None or state.joined is None:
        return text
    names = _alternatives([fold(name) for name in (state.name, *state.aliases)])
    pattern = rf"(?<!\w)({_alternatives(kb.vocabulary.conditions.along_with)})\s+(?:{names})(?!\w)"
    year = state.joined.year

    def said(found: re.Match[str]) -> str:  # «los que entraron con Edomex» → «los que entraron en 2016»
        along = found.group(1)
        verb = along.rsplit(" ", 1)[0] if mentions(kb.vocabulary.conditions.joined, along) else ""
        return f"{verb} en {year}".strip()

    return re.sub(pattern, said, fold(text), count=1)


def of_plans(kb: KnowledgeBase, text: str, after: str) -> str:
    """«y de esos, ¿cuántos tienen 2?», «¿y los que solo tienen 1?» right after an answer about plans
    (``after``: its question, or ``pal`` for the list of plans): a bare number counts plans, so the
    question is read with the noun said; ``text`` itself otherwise."""
    folded = fold(text)
    about_plans = after == "pal" or bool(spans(kb.vocabulary.aspects["pal"], fold(after)))
    number = _BARE_NUMBER.search(folded)
    if not about_plans or _names_kind(kb, folded) or _YEAR.search(folded) or number is None:
        return text
    return f"{folded[: number.end()]} planes{folded[number.end() :]}"


def added_since_answer(kb: KnowledgeBase, kind: str, year: int) -> str | None:
    """The states in the newest list of a kind (``stl`` or ``pal``) and not in the one of ``year``, with
    both lists cited; None when the documents have no earlier list for that year."""
    changed = _change(kb, kind, kind.upper(), (year, None))
    return _answer(kb, Query((changed,), False)) if changed else None


def _conditions_of(kb: KnowledgeBase, previous: Sequence[str]) -> list[Condition]:
    """Every condition the questions ``previous`` set, in order."""
    return [c for question in previous for c in parse(kb, question).conditions]


def states_meeting(kb: KnowledgeBase, previous: Sequence[str]) -> list[State]:
    """The states that meet every condition the questions ``previous`` set («¿cuáles de ellas ya tenían
    STL en agosto de 2020?»), for a follow-up about each of them."""
    conditions = _conditions_of(kb, previous)
    return [s for s in kb.states if conditions and all(c.holds(s) for c in conditions)]


COMPLEMENT_WORDS = 12  # «¿y cuáles de ese grupo de 2015 no lo tenían?»: no longer than this


def complement_answer(kb: KnowledgeBase, previous: Sequence[str], text: str) -> str | None:
    """«¿Y cuáles no?», «¿y cuáles de ese grupo no lo tenían?» right after a computed list (``previous``:
    the questions it answered): the states that meet its conditions but the last one on a dated list, the
    other way round; None when ``text`` names a kind of list or a year of its own, denies nothing, or is
    long (a question of its own), or the questions before set no condition on a list."""
    folded = fold(text)
    short = len(folded.split()) <= COMPLEMENT_WORDS
    if not short or not mentions(kb.vocabulary.conditions.negation, folded):
        return None
    asked = {int(year) for question in previous for year in _YEAR.findall(fold(question))}
    if any(int(year) not in asked for year in _YEAR.findall(folded)):
        return None  # «¿y cuáles no en 2020?» asks of another date
    conditions = _conditions_of(kb, previous)
    on_lists = [i for i, c in enumerate(conditions) if c.kind in ("listed", "denied")]
    if not on_lists:
        return None
    flipped = conditions[on_lists[-1]]
    # «¿y cuáles se quedaron sin STL?» after those with STL names the same list; another list is another
    # question
    named = kb.vocabulary.aspect(folded)
    same = named in ("stl", "pal") and f"lista de {(named or '').upper()}" in flipped.text
    if _names_kind(kb, folded) and not same:
        return None
    return _flipped_answer(kb, conditions, on_lists[-1])


def _flipped(condition: Condition) -> Condition:
    """A condition on a list the other way round: on it for not on it, and back."""
    listed = condition.kind == "denied"
    wording = condition.text.removeprefix("no ") if listed else f"no {condition.text}"
    return Condition(
        wording, lambda state: not condition.holds(state), condition.sources, "listed" if listed else "denied"
    )


def _flipped_answer(kb: KnowledgeBase, conditions: list[Condition], at: int) -> str:
    """The states that meet ``conditions`` with the one at ``at`` (on a list) the other way round."""
    conditions = list(conditions)
    conditions[at] = _flipped(conditions[at])
    return _answer(kb, Query(tuple(conditions), False))


def other_side_answer(kb: KnowledgeBase, question: str, previous: Sequence[str] = ()) -> str | None:
    """«Los que entraron en 2017, ¿ya tienen STL o no?»: of a group asked yes or no about one list, those
    not on it, to follow those on it; None unless ``question`` sets one condition on a list and another
    (a year of joining) makes the group. After ``previous`` questions that made the group («¿Y esos mismos
    dos ya aparecen con STL en la lista de agosto de 2020 o siguen sin él?»), the list ``question`` names."""
    conditions = _conditions_of(kb, [*previous, question])
    on_lists = [i for i, c in enumerate(conditions) if c.kind in ("listed", "denied")]
    before = len(_conditions_of(kb, previous)) if previous else 0
    if previous and on_lists and on_lists[-1] >= before > 0:
        return _flipped_answer(kb, conditions, on_lists[-1])
    if previous or len(on_lists) != 1 or len(conditions) < 2:
        return None
    return _flipped_answer(kb, conditions, on_lists[0])


def _kind_meant(kb: KnowledgeBase, question: str, then: str) -> str | None:
    """The kind of list an earlier question on lists of no kind meant, read from the follow-up ``then``:
    after «¿cuáles están en la lista de 2020 y no en la de 2018?», «de esos, ¿cuáles tienen plan?» filters
    the new STL (every state new to the list of plans has one); None when ``question`` names a kind."""
    folded = fold(question)
    if _names_kind(kb, folded) or not mentions(kb.vocabulary.conditions.lists, folded):
        return None
    return "pal" if spans(kb.vocabulary.aspects["stl"], fold(then)) else "stl"


def _each_list(kb: KnowledgeBase, text: str, asks_for_states: bool, previous: Sequence[str]) -> list[Cited]:
    """«¿Qué estados están en la lista de 2020 pero no en la de 2018?»: a change between two dated lists
    that names neither STL nor PAL, answered for each kind, one after the other; none for other questions."""
    folded = fold(text)
    lists = mentions(kb.vocabulary.conditions.lists, folded)
    if previous or not asks_for_states or _names_kind(kb, folded) or not lists:
        return []
    if period_of(kb, folded) is None or _year_joined(kb, folded, len(folded)):
        return []
    replies = []
    for kind in ("stl", "pal"):
        query = parse(kb, text, kind_asked=kind)
        if any(c.kind == "change" for c in query.conditions):
            replies.append(_states_meeting(kb, query))
    return replies


def _singular(described: str) -> str:
    """«figuran … tienen … se sumaron» said of one state (not «…entre los que se sumaron»)."""
    for plural, singular in (("figuran", "figura"), ("tienen", "tiene"), ("se sumaron", "se sumó")):
        described = re.sub(rf"(?<!que ){plural}", singular, described)
    return described


_ITEM = re.compile(r"(?:^|\s)[-•*]\s+(?=\w)")  # an item of a list written in a message («- cuántos STL hay»)


_LEADS = r"(?:en|de|a|con|para|por)"  # a word that may lead the word that opens a question («¿de cuánto…»)
_LEAD_BEFORE = re.compile(rf"(?<!\w){_LEADS}$")


_HOW_MANY_MORE = re.compile(r"cuant[oa]s\s+(?:\w+\s+){0,3}(?:mas|menos)\b")  # «cuántos planes más…»


def question_parts(kb: KnowledgeBase, text: str) -> list[str]:
    """The questions a message asks, split where «y» starts a second one («¿cuántos participan y desde
    cuándo?» → two parts), folded; one part when it asks one thing."""
    folded = fold(text)
    starts = {start for start, _ in spans(kb.vocabulary.figure_questions.second_question, folded)}
    cuts = [m.start() for m in re.finditer(r"(?<!\w)y\s+¿?", folded) if m.end() in starts and m.start() > 0]
    # «…y cuántos en 2020 o sea cuántos planes más se hicieron»: a restatement that asks how many more is a
    # question of its own; not «¿cuántos actores, o sea cuántas personas, colaboran?»
    cuts += [
        m.start()
        for m in re.finditer(r"(?<!\w)o sea,?\s+¿?", folded)
        if m.end() in starts and m.start() > 0 and _HOW_MANY_MORE.match(folded, m.end())
    ]
    # «necesito: - cuántos estados participan - cuántos STL hay»: each item of a list asked
    cuts += [m.start() for m in _ITEM.finditer(folded) if m.start() > 0]
    # «cuantos planes hay cuantos son de oaxaca», «¿cuántas se habían sumado, cuántas tenían STL y en
    # cuántas…?»: the word that opens the question, said again
    asked = folded.index("¿") if "¿" in folded else 0
    opening = re.compile(r"[¿\s]*(\w+)").match(folded, asked)
    asks = kb.vocabulary.figure_questions
    if opening is not None and opening.group(1) in asks.second_question:
        # «¿cuántas entidades participan, cuántos STL hay…?»: any word that counts, when one opens it
        counting = [w for w in asks.count if " " not in w]
        repeated = counting if opening.group(1) in counting else [opening.group(1)]
        again = rf"(?:,\s*|\s+)(?:y\s+)?¿?(?:{_LEADS}\s+)?¿?(?:{'|'.join(repeated)})\b"
        # «…en 2020? ¿de cuánto fue el brinco?»: not between «¿de» and the word it leads
        found = [m.start() for m in re.compile(again).finditer(folded, opening.end())]
        cuts = sorted({*cuts, *(at for at in found if not _LEAD_BEFORE.search(folded, 0, at))})
    bounds = [0, *sorted(set(cuts)), len(folded)]
    parts = [folded[a:b].strip(" ,;-•*") for a, b in itertools.pairwise(bounds)]
    if len(parts) > 1 and parts[0].endswith(":"):  # «para la tarjeta necesito: - …»: what leads the list in
        parts = parts[1:]
    parts = [part.removeprefix("y ").strip() for part in parts]
    return [part for part in parts if re.search(r"\w", part)] or [folded]  # «¿y cuántos…?»: no «¿» alone


def enumerated_parts(kb: KnowledgeBase, text: str) -> list[str]:
    """The questions of a message that asks them in turn («Primero, ¿desde qué año…?, y además, ¿qué
    ley…?»), each as written, without what comes before the first («Me interesa la genealogía del
    proyecto.»); none when it does not enumerate them."""
    words = kb.vocabulary.enumeration
    first = "|".join(re.escape(fold(w)) for w in sorted(words.first, key=len, reverse=True))
    then = "|".join(re.escape(fold(w)) for w in sorted(words.then, key=len, reverse=True))
    folded = fold(text)  # the same length as ``text``: a position in one is a position in the other
    opening = re.search(rf"(?:^|[.:;,?!¿]\s*)(?:{first})\s*[,:]", folded)
    if opening is None:
        return _lettered_parts(text)
    marker = rf"(?:y\s+)?(?:{then})\b\s*[,:]?\s*"
    nexts = [
        opening.end() + m.start(1) for m in re.finditer(rf"[.;,?]\s*({marker})", folded[opening.end() :])
    ]
    if not nexts:
        return []
    parts = []
    for start, end in itertools.pairwise([opening.end(), *nexts, len(text)]):
        said = re.match(marker, folded[start:end])
        parts.append(text[start + (said.end() if said else 0) : end].strip(" ,;:"))
    return [part for part in parts if re.search(r"\w", part)]


# the marks of a question lettered in a message: «a) ¿en qué fecha…?; b) …» (numbered ones, «1) … 2) …»,
# are read as the parts of one question: question_parts)
_LETTERED = re.compile(r"(?:^|(?<=[\s:;,.?¿]))[a-e]\)\s+")


def _lettered_parts(text: str) -> list[str]:
    """The questions of a message that letters them («…En particular: a) ¿en qué fecha se emitió?; b) ¿qué
    evento convoca…?»), each as written; none unless it marks at least two, the first «a)»."""
    marks = list(_LETTERED.finditer(text))
    if len(marks) < 2 or not marks[0].group().startswith("a"):
        return []
    bounds = [mark.end() for mark in marks]
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    parts = [text[start:end].strip(" ,;:.") for start, end in zip(bounds, ends, strict=True)]
    return [part for part in parts if re.search(r"\w", part)]


def joined_questions(kb: KnowledgeBase, text: str) -> list[str]:
    """«¿Quién promueve la iniciativa y desde qué año existe?»: the two questions of a message that joins a
    question to another with «y» and an interrogative, each as written; none when it joins no two
    questions (or more than two)."""
    words = "|".join(re.escape(w) for w in sorted(kb.vocabulary.interrogatives, key=len, reverse=True))
    asking = rf"(?:(?:a|de|desde|en|para|por|con)\s+)?(?:{words})\b"  # «¿desde qué año…?», «¿a quién…?»
    folded = fold(text)  # the same length as ``text``: a position in one is a position in the other
    joins = list(re.finditer(rf"\s+¿?y\s+(?={asking})", folded))  # «…este proyecto? ¿Y cuánto dura…?»
    counted = question_parts(kb, text)  # «¿cuántos había en 2018 y cuántos en 2020?»: the engine's own
    if len(joins) != 1 or (len(counted) > 1 and kb.vocabulary.asks_count(counted[0])):
        return []
    first, second = text[: joins[0].start()].strip(" ,"), text[joins[0].end() :].strip()
    # «Confirma que son 32 y que hay 200…» asks nothing: the first part must open with its question word
    if not re.match(asking, fold(asked_part(first)).lstrip("¿ ")) or len(second.split()) < 2:
        return []
    if "¿" in text:  # «¿Quién…?», «¿desde qué año…?»: each a question of its own
        first, second = (first if "?" in first else f"{first}?"), f"¿{second.lstrip('¿')}"
    return [first, second]
