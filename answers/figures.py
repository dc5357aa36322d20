"""National figures of the initiative: the newest with its date and source, history when asked."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from knowledge import KnowledgeBase
from knowledge.schema import Observation, State
from knowledge.text import MONTHS, fold, spanish_date, squash
from knowledge.vocabulary import asked_part, mentions, spans, without

from .questions import asks_as_of, earliest_date, period_of, question_parts
from .states import joined_in_years_answer, most_plans_answer, participants_answer, plans_count_answer
from .wording import (
    BULLET,
    Cited,
    according_to,
    cited,
    closed,
    from_source,
    join_names,
    listed,
    sentence_start,
    sentences,
    with_source,
)

_YEAR = re.compile(r"\b(20[0-3]\d)\b")


def metric_of(kb: KnowledgeBase, text: str) -> str | None:
    """The figure a message asks about (the first named, also by an alias: «ong»); ``estados`` only when
    no more specific figure is named and the message counts no other noun («¿cuántas empresas
    participan?» asks for no figure the documents give)."""
    named = metrics_named(kb, text)
    specific = [m for m in named if m != "estados"]
    if not specific and (_counts_another_noun(kb, text) or _SINGULAR_COUNT.search(fold(text))):
        return None  # «¿cuántas empresas participan?», «¿cuánto dura la sesión?»: not the states
    first = specific or named
    return first[0] if first else None


def metrics_named(kb: KnowledgeBase, text: str) -> list[str]:
    """Every figure ``text`` names, by a word of it or an alias, in the order named; a verb of taking part
    names the states only when nothing else is named («¿cuántos actores participaban?»: the actors)."""
    where = {metric: spans(kb.figure_words(metric), text) for metric in kb.figures.metrics}
    named = [metric for _, metric in sorted((at[0][0], metric) for metric, at in where.items() if at)]
    nouns = [w for w in kb.figure_words("estados") if not mentions(kb.vocabulary.participating, w)]
    if len(named) > 1 and "estados" in named and not mentions(nouns, text):
        named.remove("estados")
    return named


_NUMBER = re.compile(r"\b\d{1,3}\b")
_SINCE_YEAR = re.compile(r"\bdesde\s+(?:el\s+)?20[0-3]\d\b")
QUOTE_WINDOW = 25  # characters either side of a quoted number searched for the figure it counts


def quoted_figures(kb: KnowledgeBase, text: str) -> list[tuple[int, str]]:
    """The figures ``text`` quotes, each number with the figure word nearest it, in order («participan 30
    estados» → ``(30, "estados")``; a number with no figure word near is no figure."""
    folded = fold(text)
    words = [(at, metric) for metric in kb.figures.metrics for at in spans(kb.figure_words(metric), folded)]
    found = []
    for number in _NUMBER.finditer(folded):
        if "/" in folded[max(0, number.start() - 1) : number.end() + 1]:
            continue  # «INAI/083/18»: a document's number, no figure
        near = [
            (min(abs(start - number.end()), abs(number.start() - end)), metric)
            for (start, end), metric in words
        ]
        if near and (closest := min(near))[0] <= QUOTE_WINDOW:
            found.append((int(number.group()), closest[1]))
    return list(dict.fromkeys(found))


def date_of_quoted(kb: KnowledgeBase, text: str) -> dt.date | None:
    """The date of the figure ``text`` quotes by its value («esos 62 compromisos»: 2 de enero de 2018), when
    one dated observation of it has that value; None otherwise."""
    for value, metric in quoted_figures(kb, text):
        dates = {
            o.date for o in kb.figures.observations if o.metric == metric and o.value == value and o.date
        }
        if len(dates) == 1:
            return dates.pop()
    return None


def claim_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«Me dijeron que ya son 32 estados, confírmalo»: for each figure the message quotes, whether it is the
    documents' newest, an older one or none of theirs, with the newest and its source; None when the
    message quotes no figure or asks nothing to confirm."""
    # «26 de las 32 entidades»: the claim is the 26, out of all the entidades
    of_all = _OUT_OF.sub(r"\1", fold(text))
    claimed = quoted_figures(kb, of_all) if mentions(kb.vocabulary.figure_questions.claims, text) else []
    having = states_having(kb, text)  # «¿es cierto que los 32 estados ya tienen STL?»: a count of STL
    # «…que desde 2018 ya había 21 STL», «según el comunicado INAI/083/18, …»: the figure of that year
    numbered = kb.years_numbered(text)
    year = year_of(text) or (numbered[0] if len(numbered) == 1 else None)
    sourced = kb.numbered_in(text)
    # «El comunicado INAI/083/18 es el de enero… con 16 STL, ¿verdad?»: not what that document says
    denied = _source_denied(kb, sourced[0], text, claimed) if len(sourced) == 1 and claimed else []
    lacking = _lacking_claimed(kb, of_all)  # «…dijo que "solo faltaban 6 estados"»: out of all the entidades
    lines = denied or [
        said
        for value, metric in claimed
        if (
            said := _lacking_claim(kb, value, year)
            if metric == "estados" and value in lacking
            else _claim(kb, having if metric == "estados" and having else metric, value, year)
        )
    ]
    if mentions(kb.vocabulary.figure_questions.true_or_false, text):  # «¿Verdadero o falso? …»
        lines = [_TRUE_OR_FALSE.sub(lambda found: _VERDICTS[found.group(1)], line) for line in lines]
    since = _SINCE_YEAR.search(fold(text))
    joined = kb.joined_years()
    if lines and since and int(since.group()[-4:]) in joined:  # «…participan desde 2015»: since when, too
        lines.append(since_answer(kb))
    return "\n".join(lines) if lines else None


def said_by_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«¿Qué comunicado dice 26 estados?», «¿y el que decía 26?»: the documents that give each number the
    message quotes (of the figure named with it, else of any figure, else a line a document labels about
    itself: «Duración: 79 minutos»), or that none gives it, of the date it names if one does; None when the
    message asks no such thing."""
    folded = fold(text)
    if not mentions(kb.vocabulary.figure_questions.said_by, folded) or kb.vocabulary.asks_count(text):
        return None
    quoted: list[tuple[int, str | None]] = [*quoted_figures(kb, text)]
    quoted = quoted or [(int(number), None) for number in _NUMBER.findall(_YEAR.sub(" ", folded))]
    lines = []
    year, month = year_of(text), month_of(text)  # «¿en qué comunicado de enero de 2018 dijo…?»: of that date
    for value, metric in quoted:
        found = [o for o in kb.figures.observations if o.value == value and metric in (None, o.metric)]
        dated = [
            o for o in found if year and o.date and o.date.year == year and month in (None, o.date.month)
        ]
        found = dated or found
        # «una sesión de 79 minutos, ¿qué documento es?»: a line a document labels about itself
        labelled = [
            f"Lo dice {kb.citation(ref)}: «{label}: {said}»"
            for ref, source in kb.sources.items()
            for label, said in source.labelled.items()
            if re.search(rf"(?<!\d){value}(?!\d)", said)
        ]
        if not found and metric is None and labelled:
            lines += labelled
        elif not found and metric is None:
            lines.append(f"Ningún documento da una cifra de {value}.")
        elif not found and metric is not None:
            history = figure_answer(kb, metric, history=True)
            lines.append(f"Ningún documento da {value} {kb.figures.metrics[metric].label}. {history}")
        lines += [
            listed(f"Lo dice {kb.citation(ref)}", texts) for ref, texts in _by_source(kb, found).items()
        ]
    return "\n".join(lines) if lines else None


def document_figures_answer(kb: KnowledgeBase, ref: str, text: str) -> str | None:
    """«¿Cuántos planes y cuántos compromisos reporta?» right after the document ``ref``: the figures
    ``text`` names as that document gives them, and those it does not give; None when it names none."""
    metrics = metrics_named(kb, text)
    if not metrics:
        return None
    given = {o.metric: o for o in kb.figures.observations if o.source == ref and o.metric in metrics}
    said = [figure_text(kb, given[metric]) for metric in metrics if metric in given]
    lines = [listed(sentence_start(according_to(kb, ref)), said)] if said else []
    lacking = [kb.figures.metrics[metric].label for metric in metrics if metric not in given]
    if lacking:
        lines.append(f"Ese documento no da la cifra de {join_names(lacking)}.")
    return "\n".join(lines)


def _by_source(kb: KnowledgeBase, observations: Sequence[Observation]) -> dict[str, list[str]]:
    """Each source of ``observations``, in order, with the figures it gives."""
    by_source: dict[str, list[str]] = {}
    for observation in observations:
        by_source.setdefault(observation.source, []).append(figure_text(kb, observation))
    return by_source


_OUT_OF = re.compile(r"\b(\d+)\s+de\s+l[ao]s\s+\d+\b")
_TRUE_OR_FALSE = re.compile(r"^(Sí|No)\b")
_VERDICTS = {"Sí": "Verdadero", "No": "Falso"}


def _source_denied(kb: KnowledgeBase, ref: str, text: str, claimed: list[tuple[int, str]]) -> list[str]:
    """A claim about what one numbered document says that it does not («el INAI/083/18 es el de enero de
    2018, donde dan 16 STL»): its own date, when the message gives another month or year, and for each
    figure claimed whether it gives it, else what it gives and which documents give that figure; none when
    the document says all of it."""
    source, day = kb.sources[ref], kb.sources[ref].date
    month, year = month_of(text), next(iter(_YEAR.findall(text)), None)
    other_month = month is not None and day is not None and month != day.month
    other_year = year is not None and day is not None and int(year) != day.year
    lines = (
        [f"No: {source.cite_as} es del {spanish_date(day)}."] if day and (other_month or other_year) else []
    )
    given = []
    for value, metric in claimed:
        label = kb.figures.metrics[metric].label
        of_source = [o for o in kb.figures.observations if o.metric == metric and o.source == ref]
        if any(o.value == value for o in of_source):
            given.append(f"Sí: {kb.citation(ref)} da {value} {label}.")
            continue
        gives = f" Da {figure_text(kb, of_source[0])}." if of_source else ""
        others = sorted(
            {o.source for o in kb.figures.observations if o.metric == metric and o.value == value}
        )
        elsewhere = (
            f" Esa cifra la {'dan' if len(others) > 1 else 'da'} {cited(kb, others)}." if others else ""
        )
        lines.append(f"No: {kb.citation(ref)} no da {value} {label}.{gives}{elsewhere}")
    return [*lines, *given] if lines else []


LACKING_REACH = 3  # «faltaban solo 6 estados»: words between what is missing and its number


def _lacking_claimed(kb: KnowledgeBase, folded: str) -> set[int]:
    """The numbers ``folded`` says were missing («solo faltaban 6 estados», «faltan 2»)."""
    missing = "|".join(re.escape(word) for word in kb.vocabulary.figure_questions.missing)
    after = re.finditer(rf"\b(?:{missing})\s+(?:\w+\s+){{0,{LACKING_REACH}}}?(\d+)\b", folded)
    return {int(found.group(1)) for found in after}


def _lacking_claim(kb: KnowledgeBase, value: int, year: int | None) -> str | None:
    """Whether ``value`` entidades were missing (of the year's figure, else the newest): the count of all
    the entidades less those taking part, both cited; then the newest when it is later."""
    history = kb.history("estados")
    of_year = [o for o in history if year and o.date and o.date.year == year]
    then = (of_year or history)[-1] if history else None
    if then is None or (source := entities_source(kb)) is None:
        return None
    total = len(kb.states)
    verdict = "Sí" if total - then.value == value else "No"
    when = f"al {spanish_date(then.date)}" if then.date else according_to(kb, then.source)
    cited = according_to(kb, then.source)
    cited += "" if source == then.source else f"; las {total} entidades, {according_to(kb, source)}"
    said = (
        f"{verdict}: {when} participaban {then.value} de las {total} entidades federativas; faltaban "
        f"{total - then.value} ({cited})."
    )
    newest = history[-1]
    if newest is not then:
        said += f" La cifra más reciente: {figure_text(kb, newest)} ({according_to(kb, newest.source)})."
    return said


def _claim(kb: KnowledgeBase, metric: str, value: int, year: int | None = None) -> str | None:
    history = kb.history(metric)
    if not history:
        return None
    newest = history[-1]
    said = f"{figure_text(kb, newest)} ({according_to(kb, newest.source)})"
    of_year = [o for o in history if year and o.date and o.date.year == year]
    if of_year and of_year[-1] is not newest:  # «…que desde 2018 ya había 21 STL»: the figure of that year
        then = f"{figure_text(kb, of_year[-1])} ({according_to(kb, of_year[-1].source)})"
        if value == of_year[-1].value:
            return f"Sí, en {year}: {then}. La más reciente es {said}."
        if value == newest.value:
            return f"No: en {year} eran {then}. La cifra de {value} es la más reciente: {said}."
        return f"No: en {year} eran {then}. La más reciente es {said}."
    if value == newest.value:
        return f"Sí: {said}."
    if older := [o for o in history if o.value == value]:
        before = f"{figure_text(kb, older[-1])} ({according_to(kb, older[-1].source)})"
        return f"Esa cifra es anterior: {before}. La más reciente es {said}."
    label = kb.figures.metrics[metric].label
    return f"Los documentos no dan esa cifra de {label} ({value}). La más reciente es {said}."


def compares_values(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` quotes two values of a figure («unos dicen 26 estados y otros 30»): a question
    about how it changed; the parts of a document's number («INAI/002/18») or of a course's part («módulo
    2, sesión 3») are no values."""
    parts = "|".join(re.escape(part) for part in kb.vocabulary.figure_questions.course_parts)
    folded = re.sub(rf"\b(?:{parts})\s+\d+\b", " ", fold(text))
    numbers = {n for n in re.findall(r"(?<![\w/])\d+(?![\w/])", folded) if not _YEAR.fullmatch(n)}
    return len(numbers) > 1


def states_having(kb: KnowledgeBase, text: str) -> str | None:
    """The list (``stl`` or ``pal``) by which ``text`` counts states («¿cuántos estados tenían plan en
    2018?», «estados con STL»), not the states and another figure («¿cuántos estados y STL…?»); or None."""
    folded = fold(text)
    states = spans(kb.figures.metrics["estados"].words, folded)
    for kind in ("stl", "pal"):
        after = [
            start
            for start, _ in spans(kb.vocabulary.aspects[kind], folded)
            if states and start > states[0][1]
        ]
        # «estados y STL», «estados, STL», «- estados - STL»: two figures, not states counted by a list
        if after and not re.search(r"\by\b|,|\s[-•]\s|\bcuant[oa]s\b", folded[states[0][1] : after[0]]):
            return kind
    return None


def several_figures_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«¿Cómo cambiaron los estados, los STL y los PAL entre 2018 y 2020?»: the change of each figure
    named, one a line; None unless ``text`` names several figures and asks how they changed (or quotes
    values of them: «el material dice 26 estados y 16 secretariados, ¿uso esas cifras?»). A mean of one
    figure per another is :func:`average_answer`."""
    if asks_what_it_is(kb, text):
        return None
    if (mean := average_answer(kb, text)) is not None:  # «el promedio de compromisos por plan en 2018 y 2020»
        return mean
    if (total := sum_answer(kb, text)) is not None:  # «…autoridades y OSC en 2018, sumando las dos?»
        return total
    named = metrics_named(kb, text)
    if mentions(kb.vocabulary.figure_questions.which, text) or states_having(kb, text):
        named = [metric for metric in named if metric != "estados"]  # «¿qué estados…?» asks for states
    period = period_of(kb, text)
    changes = kb.vocabulary.asks_history(text) or mentions(kb.vocabulary.figure_questions.difference, text)
    # «…en enero de 2018 y en agosto de 2020?», «…el comunicado INAI/002/18 y cuántos el de agosto de 2020?»
    years = sorted({*(int(year) for year in _YEAR.findall(text)), *kb.years_numbered(text)})
    start = period[0] if period else years[0] if years else None
    grew = changes or mentions(kb.vocabulary.figure_questions.growth, text)
    if not named and grew and (period or len(years) > 1):
        # «¿cuánto creció la iniciativa de 2018 a 2020?»: every figure the documents give on both dates
        end = max(years) if years else None
        named = [
            metric
            for metric in kb.figures.metrics
            if (pair := _dated_change(kb, metric, start)) is not None and (end is None or pair[3].year >= end)
        ]
    if len(named) < 2 or not (changes or period or len(years) > 1 or compares_values(kb, text)):
        return None
    percent = mentions(kb.vocabulary.figure_questions.percent, text) or "%" in text
    return changes_answer(kb, named, start, month_of(text), percent)


def average_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«Sáqueme el promedio de compromisos por Plan de Acción Local en 2018 y en 2020»: the first figure named
    divided by the second, both of one date and document (of each year named, else the newest), with the
    computation shown; a year whose document does not give both is said so. None unless a mean of one
    figure per another is asked."""
    named = metrics_named(kb, text)
    if not mentions(kb.vocabulary.figure_questions.average, text) or len(named) != 2:
        return None
    # «…10 planes con sus compromisos, ¿cuántos compromisos les tocaba a cada plan?»: the one counted first
    counted, per = sorted(named, key=lambda metric: metric not in counted_figures(kb, text))
    lines: list[Cited] = []
    asked: list[int | None] = [*years_of(text)] or [None]
    for year in asked:
        base = _plain_figure(kb, per, year, month_of(text))
        top = _as_of(kb, counted, base.date) if base is not None else None
        if base is None or top is None or top.date is None or top.date != base.date or not base.value:
            lines.append(Cited(f"Los documentos no dan ambas cifras de {year}." if year else ""))
            continue
        mean = Decimal(str(top.value / base.value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        said = f"{mean}".rstrip("0").rstrip(".")
        lines.append(
            Cited(
                f"Al {spanish_date(top.date)}: {figure_text(kb, top)} entre {figure_text(kb, base)} = "
                f"{said} en promedio.",
                (top.source,),
            )
        )
    if not any(line.text for line in lines):
        return None
    return closed(kb, [line for line in lines if line.text])


def sum_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«¿Cuántas autoridades y organizaciones de sociedad civil participaban en 2018, sumando las dos?»: the
    figures named added up, all of one date and document (of the year named, else the newest), with the
    computation shown; «más de» when one of them is a lower bound. None unless a sum of two figures or more
    of one date is asked."""
    named = metrics_named(kb, text)
    if not mentions(kb.vocabulary.figure_questions.sum, text) or len(named) < 2:
        return None
    # «…cuántos actores da en total? es para compararlo con los 400 de 2020»: a figure of no such date names
    # what the sum is compared with, not a part of it
    figures = [_plain_figure(kb, metric, year_of(text), month_of(text)) for metric in named]
    found = [figure for figure in figures if figure is not None]
    if len(found) < 2 or len({(figure.date, figure.source) for figure in found}) != 1:
        return None
    total = sum(figure.value for figure in found)
    bound = "más de " if any(figure.qualifier for figure in found) else ""
    day = found[0].date
    added = " + ".join(figure_text(kb, figure) for figure in found)
    lead = f"Al {spanish_date(day)}: " if day else ""
    return closed(kb, [Cited(f"{lead}{added} = {bound}{total}.", (found[0].source,))])


def each_figure_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«¿Cuántas autoridades y organizaciones participaban en 2018?»: each figure a count names (of the year
    asked, else the newest), one a line; None unless it counts two or more figures besides the states, and
    none of them by a part of it."""
    named = [metric for metric in metrics_named(kb, text) if metric != "estados"]
    parts = any(breakdown_of(kb, metric, text) for metric in named)  # «¿cuántos compromisos sobre covid…?»
    if len(named) < 2 or not kb.vocabulary.asks_count(text) or parts:
        return None
    return figures_at(kb, named, year_of(text), month_of(text))


ENUMERATED_FIGURES = 3  # «estados, STL, PAL»: figures named in a row this many ask those figures
_LISTED_APART = re.compile(r"\s*[,/]\s*(?:(?:los|las|el|la)\s+)?")  # «estados, STL, PAL», «STL/PAL»


def enumerates_figures(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` names three figures or more one right after another, apart by a comma or a slash
    («me falta el punto de dic 2019: estados, STL, PAL»): it asks those figures, not states that meet
    conditions (two may be the conditions: «estados con STL, PAL o ambos»)."""
    folded = fold(text)
    at = sorted(span for metric in kb.figures.metrics for span in spans(kb.figure_words(metric), folded))
    run = longest = 1
    for (_, end), (start, _) in itertools.pairwise(at):
        run = run + 1 if _LISTED_APART.fullmatch(folded[end:start]) else 1
        longest = max(longest, run)
    return longest >= ENUMERATED_FIGURES


def figures_asked_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«Dame las cifras más recientes de estados participantes, secretariados, planes y compromisos, y aparte
    las de principios de 2018»: each figure it names, the newest one a line, then apart those of the year
    it names (only those when it asks for no newest); None unless it asks for the figures of two or more."""
    named, asks = metrics_named(kb, text), kb.vocabulary.figure_questions
    # «con los datos de 2020, ¿qué estados tienen STL pero no PAL?» asks which states; «¿cuáles son las
    # cifras más recientes…?», which figures
    asked = mentions(asks.figures, text) or enumerates_figures(kb, text)
    if len(named) < 2 or not asked or mentions(asks.which_states, text):
        return None
    newest = figures_at(kb, named)
    if (year := year_of(text)) is None:
        return newest
    dated = figures_at(kb, named, year, month_of(text))
    return f"{newest}\n\n{dated}" if mentions(asks.now, text) else dated


def _plain_figure(kb: KnowledgeBase, metric: str, year: int | None, month: int | None) -> Observation | None:
    """The figure :func:`figure_answer` gives alone, with nothing more to say (of ``year``, its month's
    when given, else the newest); None when it has more to say (no figure that year, a later report that
    does not update it)."""
    observations = kb.history(metric)
    if year is None:
        newest = observations[-1] if observations else None
        return newest if newest is not None and _later_report(kb, newest) is None else None
    in_year = [o for o in observations if o.date and o.date.year == year]
    in_month = [o for o in in_year if month and o.date and o.date.month == month]
    found = in_month or in_year
    return found[-1] if found else None


def figures_at(
    kb: KnowledgeBase, metrics: Sequence[str], year: int | None = None, month: int | None = None
) -> str:
    """Each figure of ``metrics`` (of ``year``, else the newest): those of one date and document in one
    sentence («Al 27 de marzo de 2018 había 80 autoridades y 26 organismos garantes.»), a figure with more
    to say on a line of its own, then the sources once."""
    parts: list[Cited] = []
    groups: dict[tuple[dt.date | None, str], list[Observation]] = {}
    at: dict[tuple[dt.date | None, str], int] = {}
    for metric in metrics:
        if (obs := _plain_figure(kb, metric, year, month)) is None:
            parts.append(Cited(figure_answer(kb, metric, year, month=month)))
            continue
        key = (obs.date, obs.source)
        if key not in groups:
            at[key] = len(parts)
            parts.append(Cited(""))
        groups.setdefault(key, []).append(obs)
    for (day, source), group in groups.items():
        texts = [figure_text(kb, o) for o in group]
        lead = f"Al {spanish_date(day)} había" if day else f"{sentence_start(kb.citation(source))} da"
        parts[at[(day, source)]] = Cited(listed(lead, texts, inline=" "), (source,))
    return closed(kb, parts)


# «¿cuánto dura…?»: an amount, not a number of states
_SINGULAR_COUNT = re.compile(r"\bcuant[oa]\b(?!.*\bcuant[oa]s\b)")
_COUNTED = re.compile(r"\bcuant[oa]s\s+(\w+)(?:\s+o\s+(\w+))?")  # «¿cuántas personas o actores…?»: either
MIN_NOUN = 5  # a counted word this long ending in «s» is a plural noun («empresas»), not «son» or «mas»


COUNT_REACH = 25  # characters after «cuántos compromisos» where a word of what is counted may follow


def counted_figures(kb: KnowledgeBase, text: str, apart_from: Sequence[str] = ()) -> list[str]:
    """The figures ``text`` counts by name right after «cuántos» («…¿y cuántos estados hay hoy?»), in
    order; not one a noun in between counts («¿cuántas personas integran cada STL?»), nor one followed by
    a word of ``apart_from`` («¿cuántos compromisos cumplió Veracruz?» counts what is fulfilled), unless
    named as the other choice («¿cuántas personas o actores colaboran?» counts the actors)."""
    folded = fold(text)
    apart = [start for start, _ in spans(list(apart_from), folded)]
    found: list[str] = []
    for m in _COUNTED.finditer(folded):
        counted, other = m.group(1), m.group(2) or ""
        near = any(m.start() <= start <= m.end() + COUNT_REACH for start in apart)
        found += metrics_named(kb, other if near else f"{counted} {other}")
    return list(dict.fromkeys(found))


def _counts_another_noun(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` counts a plural noun that names none of the figures («¿cuántas empresas…?»)."""
    counted = _COUNTED.search(fold(text))
    if counted is None:
        return False
    word = counted.group(1)
    return len(word) >= MIN_NOUN and word.endswith("s") and not mentions(kb.every_figure_word, word)


def bare_count(kb: KnowledgeBase, part: str) -> bool:
    """Whether a part of a question is a count of a figure and nothing more («¿cuántos STL…»): the date of
    a later part is then its date too."""
    asked = [*kb.vocabulary.figure_questions.count, *kb.every_figure_word]
    return all(word == "y" for word in re.findall(r"\w+", without(asked, fold(part))))


def year_of(text: str) -> int | None:
    """The year ``text`` names (2000–2039), or None."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def years_of(text: str) -> list[int]:
    """Every year ``text`` names (2000–2039), in order."""
    return [int(year) for year in _YEAR.findall(text)]


def figure_text(kb: KnowledgeBase, obs: Observation) -> str:
    """One observation as said: «más de 400 actores locales»."""
    qualifier = f"{obs.qualifier} " if obs.qualifier else ""
    return f"{qualifier}{obs.value} {kb.figures.metrics[obs.metric].label}"


def month_of(text: str) -> int | None:
    """The month ``text`` names («en enero de 2018» → 1), or None."""
    folded = squash(text.lower())
    return next((i + 1 for i, name in enumerate(MONTHS) if re.search(rf"\b{name}\b", folded)), None)


def figure_answer(
    kb: KnowledgeBase, metric: str, year: int | None = None, history: bool = False, month: int | None = None
) -> str:
    """The newest figure with its source and date; for a year, that year's (the month's when given and
    reported, else the year's last); with history, the timeline."""
    observations = kb.history(metric)
    label = kb.figures.metrics[metric].label
    if not observations:
        return f"Los documentos no dan una cifra de {label}."
    if year is not None:
        in_year = [o for o in observations if o.date and o.date.year == year]
        if not in_year:
            return _not_of_year(kb, metric, year)
        in_month = [o for o in in_year if month and o.date and o.date.month == month]
        obs = (in_month or in_year)[-1]
        when = spanish_date(obs.date) if obs.date else str(year)
        return f"Al {when} había {figure_text(kb, obs)} ({according_to(kb, obs.source)})."
    newest = observations[-1]
    said = figure_text(kb, newest)
    answer = f"{sentence_start(said)}, {according_to(kb, newest.source)}."
    if (later := _later_report(kb, newest)) is not None:  # «¿cuántas OSC participan actualmente?»
        updates = f"{kb.citation(later)}, no la actualiza{_instead(kb, metric, later)}"
        answer += f" Es la cifra más reciente de los documentos ({updates})."
    older = [o for o in observations[:-1] if o.value != newest.value]
    if history and older:
        answer = sentences(
            answer, listed("Antes", [f"{figure_text(kb, o)} ({according_to(kb, o.source)})" for o in older])
        )
    return answer


def source_figure_answer(kb: KnowledgeBase, metric: str, source: str) -> str | None:
    """«¿Cuántos planes se habían publicado según el material de la sesión?»: the figure as ``source``
    gives it, in its words («26 de las 32 entidades federativas…»), then the newest when another source
    gives a later one; None when ``source`` gives none."""
    given = next((o for o in kb.figures.observations if o.metric == metric and o.source == source), None)
    if given is None:
        return None
    said = figure_text(kb, given)
    answer = f"{sentence_start(said)}, {according_to(kb, source)}: «{given.quote}»."
    newest = kb.latest(metric)
    if newest is not None and newest.source != source and newest.value != given.value:
        answer += f" La cifra más reciente: {figure_text(kb, newest)} ({according_to(kb, newest.source)})."
    return answer


def _not_of_year(kb: KnowledgeBase, metric: str, year: int) -> str:
    """A figure the documents do not give for ``year``: say so, then the figures they do give for it (its
    last report: «¿cuántos actores había en 2018?», the authorities and the organisations) and the newest
    of the figure asked, the sources once at the end."""
    label = kb.figures.metrics[metric].label
    newest = kb.history(metric)[-1]
    dated = [o for m in kb.figures.metrics for o in kb.history(m) if o.date and o.date.year == year]
    said = f"Los documentos no dan la cifra de {label} para {year}."
    latest = f"La más reciente: {figure_text(kb, newest)}"
    if metric == "estados" and (joined := _joined_until(kb, year)) is not None:
        return f"{said} {joined} {latest} ({according_to(kb, newest.source)})."
    if not dated:
        return f"{said} {latest} ({according_to(kb, newest.source)})."
    last = max(o.date for o in dated if o.date)
    given = [o for o in dated if o.date == last]
    return closed(
        kb,
        [
            Cited(
                sentences(
                    said, listed(f"Para el {spanish_date(last)} dan", [figure_text(kb, o) for o in given])
                ),
                (given[0].source,),
            ),
            Cited(
                f"{latest}, al {spanish_date(newest.date)}." if newest.date else f"{latest}.",
                (newest.source,),
            ),
        ],
    )


def _joined_until(kb: KnowledgeBase, year: int) -> str | None:
    """«Según los años de ingreso que da el comunicado INAI/083/18, hasta 2016 se habían sumado 23 estados
    (13 en 2015 y 10 en 2016).»: the states that joined up to ``year``, counted from the years of joining
    the documents give; None for a year before the first or after the last of them."""
    by_year = kb.joined_by_year()
    if not by_year or not min(by_year) <= year <= max(by_year):
        return None
    counts = [(joined, len(states)) for joined, states in by_year.items() if joined <= year]
    total = sum(n for _, n in counts)
    each = join_names([f"{n} en {joined}" for joined, n in counts])
    detail = f" ({each})" if len(counts) > 1 else ""
    return (
        f"Según los años de ingreso que da {kb.citation(kb.joined_source())}, hasta {year} se habían sumado "
        f"{total} estados{detail}."
    )


def _later_report(kb: KnowledgeBase, obs: Observation) -> str | None:
    """The source of the newest report of figures when it is later than ``obs`` and does not give that
    figure; None when ``obs`` is of the newest report."""
    dated = [(o.date, o.source) for metric in kb.figures.metrics for o in kb.history(metric) if o.date]
    if obs.date is None or not dated:
        return None
    latest, source = max(dated)
    return source if latest > obs.date else None


def _instead(kb: KnowledgeBase, metric: str, later: str) -> str:
    """«; da en cambio más de 400 actores locales»: what the ``later`` report gives where older ones gave
    ``metric`` apart; "" when it gives nothing in its place."""
    given = [
        figure_text(kb, o)
        for o in kb.figures.observations
        if o.source == later and metric in kb.figures.metrics[o.metric].given_instead_of
    ]
    return f"; da en cambio {join_names(given)}, sin desglosarlos" if given else ""


def _given_before(kb: KnowledgeBase, metric: str, only: Observation) -> str:
    """« Antes daban, en su lugar: 80 autoridades, …»: the figures an earlier document gave apart where
    ``only`` (a figure given once) counts them together, from the last document before it that gives any;
    "" when none does."""
    parts = kb.figures.metrics[metric].given_instead_of
    earlier = [
        o
        for o in kb.figures.observations
        if o.metric in parts and o.date and only.date and o.date < only.date
    ]
    if not earlier:
        return ""
    last = max(o.date for o in earlier if o.date)
    given = [o for o in earlier if o.date == last]
    named = join_names([figure_text(kb, o) for o in given])
    return f" Antes daban, en su lugar: {named} ({according_to(kb, given[0].source)})."


def figure_source_answer(kb: KnowledgeBase, metric: str, year: int | None = None) -> str:
    """Which document gives a figure (the newest, or the one of ``year``) and its date."""
    observations = [o for o in kb.history(metric) if year is None or (o.date and o.date.year == year)]
    if not observations:
        return figure_answer(kb, metric, year)
    obs = observations[-1]
    return f"El dato de {figure_text(kb, obs)} sale {from_source(kb, obs.source)}."


# figures the documents also give state by state (the lists of STL and PAL, the states that joined)
PER_STATE = ("estados", "stl", "pal")
ONE_PER_STATE = ("estados", "stl")  # a state takes part once and installs one STL; it may publish several PAL


def national_only(kb: KnowledgeBase, text: str) -> str | None:
    """The figure ``text`` counts or compares when the documents give it for the whole country only
    («¿cuántos compromisos tiene Jalisco?», «¿qué estado tiene más compromisos?»: ``compromisos``; «¿qué
    prometió en su plan de acción? ¿cuáles son los compromisos?»: the compromisos, not the plans), else
    None."""
    metric = next((named for named in metrics_named(kb, text) if named not in PER_STATE), None)
    asks = kb.vocabulary.figure_questions
    counts = kb.vocabulary.asks_count(text) or mentions(asks.more_or_less, text) or mentions(asks.which, text)
    return metric if metric and counts else None


def national_only_answer(kb: KnowledgeBase, metric: str, place: str, text: str = "") -> str:
    """A figure asked of one state that the documents give for the whole country only: say so (that they
    give no list, when ``text`` asks which: «¿cuáles son los compromisos de Jalisco?»), then the
    national figure with its source."""
    label = kb.figures.metrics[metric].label
    national = figure_answer(kb, metric)
    national = national[0].lower() + national[1:]
    if mentions(kb.vocabulary.figure_questions.which, text) and not kb.vocabulary.asks_count(text):
        return f"Los documentos no dan la lista de {label} de {place}; solo la cifra del país: {national}"
    return f"Los documentos no dan la cifra de {label} de {place}; solo la de todo el país: {national}"


def breakdown_of(kb: KnowledgeBase, metric: str, text: str) -> str | None:
    """The part of a figure a count asks for («compromisos sobre covid»: a word of the figure, a word of
    the vocabulary's ``breakdown`` and the next word; «compromisos de salud»: a word of the figure and
    one of its ``subjects``), or None when it asks for the whole figure."""
    asked = kb.vocabulary.figure_questions
    names = "|".join(re.escape(fold(w)) for w in kb.figures.metrics[metric].words)
    leads = "|".join(map(re.escape, sorted(map(fold, asked.breakdown), key=len, reverse=True)))
    subjects = "|".join(map(re.escape, sorted(map(fold, asked.subjects), key=len, reverse=True)))
    folded = fold(text)
    found = re.search(rf"(?<!\w)(?:{names})\s+(?:{leads})\s+\w+", folded) or re.search(
        rf"(?<!\w)(?:{names})\s+(?:(?:de|del|de\s+la|para|en)\s+)?(?:{subjects})(?!\w)", folded
    )
    return found.group(0) if found else None


def breakdown_answer(kb: KnowledgeBase, metric: str, part: str) -> str:
    """A part of a figure the documents do not break down: say so, and what they give instead (no figure
    that answers something else)."""
    label = kb.figures.metrics[metric].label
    return (
        f"Los documentos no dicen cuántos {part} hay: dan solo el total de {label} («¿cuántos "
        f"{kb.figures.metrics[metric].words[0]} hay?»), sin desglosarlo por tema."
    )


def unknown_figure_answer(kb: KnowledgeBase) -> str:
    """A count the documents do not give: say so, then the figures they do give."""
    return f"Los documentos no dan esa cifra. {overview_answer(kb)}"


def overview_answer(kb: KnowledgeBase, year: int | None = None) -> str:
    """The newest dated source's figures, all together; with ``year``, each figure's newest of that year
    (when the documents give any then), by the source that gives it."""
    dated = [o for o in kb.figures.observations if o.date]
    of_year = [o for o in dated if o.date and o.date.year == year]
    missing = f"Los documentos no dan cifras de {year}." if year is not None and not of_year else ""
    if not of_year:
        newest_source = max(dated, key=lambda o: o.date or dt.date.min).source
        of_year = [o for o in dated if o.source == newest_source]
    newest = {o.metric: o for o in sorted(of_year, key=lambda o: o.date or dt.date.min)}
    by_source = _by_source(kb, sorted(newest.values(), key=lambda o: o.date or dt.date.min))
    initiative = "la iniciativa Gobierno Abierto: Cocreación desde lo local tenía"
    invite = "Puedes preguntar por una cifra y cómo ha cambiado."

    def when(ref: str) -> str:
        day = kb.sources[ref].date
        return f"al {spanish_date(day)}" if day else "sin fecha"

    if len(by_source) == 1:
        ((source, texts),) = by_source.items()
        said = listed(f"{sentence_start(when(source))}, {initiative}", texts, inline=" ")
        return with_source(kb, sentences(missing, said, invite), source)
    each = [listed(sentence_start(when(ref)), texts) for ref, texts in by_source.items()]
    said = "\n".join([sentences(missing, f"{sentence_start(initiative)}:"), *each, invite])
    return with_source(kb, said, *by_source)


def entities_source(kb: KnowledgeBase) -> str | None:
    """The newest source that says how many entidades federativas there are (as many as the states of
    the knowledge base), or None when no document says it."""
    phrase = f"{len(kb.states)} entidades federativas"
    found = [ref for ref, source in kb.sources.items() if phrase in squash(source.text)]
    return kb.newest_source(found) if found else None


def _not_reported(kb: KnowledgeBase) -> list[str]:
    return [s.name for s in kb.states if not s.joined and not s.listed]


def total_answer(kb: KnowledgeBase) -> str | None:
    """How many entidades federativas there are, and how many took part by the newest figure."""
    source = entities_source(kb)
    newest = kb.latest("estados")
    if source is None or newest is None:
        return None
    return (
        f"México tiene {len(kb.states)} entidades federativas ({according_to(kb, source)}). En la "
        f"iniciativa participaban {newest.value}, {according_to(kb, newest.source)}."
    )


def missing_answer(kb: KnowledgeBase, year: int | None = None, month: int | None = None) -> str | None:
    """How many entidades had not joined by the newest figure (or the figure of ``year``, of ``month``
    when given); which ones, the documents do not say."""
    source = entities_source(kb)
    newest = kb.latest("estados")
    if year is not None:
        in_year = [o for o in kb.history("estados") if o.date and o.date.year == year]
        in_month = [o for o in in_year if month and o.date and o.date.month == month]
        if not in_year:
            return figure_answer(kb, "estados", year)
        newest = (in_month or in_year)[-1]
    if source is None or newest is None:
        return None
    missing = len(kb.states) - newest.value
    when = (
        f"Al {spanish_date(newest.date)}" if newest.date else sentence_start(according_to(kb, newest.source))
    )
    total = len(kb.states)
    said = f"{when} participaban {newest.value} de las {total} entidades federativas"
    named = _joined_by(kb, newest)
    if named is not None and len(named[0]) == newest.value:  # the documents name every state taking part
        joined, joined_from = named
        absent = [s.name for s in kb.states if s not in joined]
        years = join_names([str(y) for y in sorted({s.joined.year for s in joined if s.joined})])
        those = f"Las {newest.value} que participaban son las que se sumaron en {years}."
        said = listed(f"{said}; faltaban {missing}", absent)
        return with_source(kb, sentences(said, those), newest.source, source, joined_from)
    unlisted = _not_reported(kb)
    said = f"{said}: faltaban {missing}. Los documentos no dicen cuáles."
    if unlisted:
        lead = f"{len(unlisted)} entidades no aparecen en ninguna lista de los documentos"
        caution = "Que no aparezcan no quiere decir que no participen."
        said = f"{said}\n{sentences(listed(lead, unlisted), caution)}"
    return with_source(kb, said, newest.source, source)


def _joined_by(kb: KnowledgeBase, figure: Observation) -> tuple[list[State], str] | None:
    """The states that the newest document dated by ``figure``'s date says had joined by its year, and
    that document; None when the figure is undated or no such document gives the years."""
    if figure.date is None:
        return None
    day = figure.date
    dated = {ref for ref, source in kb.sources.items() if source.date and source.date <= day}
    joined = [
        s for s in kb.states if s.joined and s.joined.year <= day.year and set(s.joined.sources) & dated
    ]
    if not joined:
        return None
    return joined, kb.newest_source(ref for s in joined if s.joined for ref in set(s.joined.sources) & dated)


def _compared(
    kb: KnowledgeBase, metric: str, year: int | None = None, month: int | None = None
) -> tuple[Observation, Observation] | None:
    """The value of a figure to compare from (of the year given: its month's when given, else its first; else
    the figure's first) and its newest; None when the figure has one value or none of that year."""
    observations = kb.history(metric)
    older = [o for o in observations if year is None or (o.date and o.date.year == year)]
    if len(observations) < 2 or not older:
        return None
    in_month = [o for o in older if month and o.date and o.date.month == month]
    return (in_month or older)[0], observations[-1]


def change_answer(kb: KnowledgeBase, metric: str, year: int | None = None, month: int | None = None) -> str:
    """How a figure changed from a year (its month's value when given, else its first) or from its first
    dated value to the newest, both cited."""
    observations = kb.history(metric)
    label = kb.figures.metrics[metric].label
    if len(observations) < 2:
        only = observations[0] if observations else None
        given = f": {figure_text(kb, only)} ({according_to(kb, only.source)})" if only else ""
        said = f"Los documentos dan una sola cifra de {label}{given}; no hay con qué compararla."
        return f"{said}{_given_before(kb, metric, only)}" if only else said
    if (compared := _compared(kb, metric, year, month)) is None:
        return figure_answer(kb, metric, year)
    before, newest = compared
    if before.date == newest.date and newest.date is not None:  # «¿cuántos hay después de 2020?»
        return (
            f"Los documentos no dan cifras de {label} posteriores al {spanish_date(newest.date)}. La más "
            f"reciente: {figure_text(kb, newest)} ({according_to(kb, newest.source)})."
        )
    difference = newest.value - before.value
    change = f"{abs(difference)} {'más' if difference >= 0 else 'menos'}" if difference else "la misma cifra"
    return (
        f"De {figure_text(kb, before)} ({according_to(kb, before.source)}) a {figure_text(kb, newest)} "
        f"({according_to(kb, newest.source)}): {change}."
    )


def _dated_change(
    kb: KnowledgeBase, metric: str, year: int | None = None, month: int | None = None
) -> tuple[Observation, Observation, dt.date, dt.date] | None:
    """The two values :func:`change_answer` compares and their dates, when both are dated, on different
    dates; else None."""
    compared = _compared(kb, metric, year, month)
    if compared is None:
        return None
    before, newest = compared
    if before.date is None or newest.date is None or before.date == newest.date:
        return None
    return before, newest, before.date, newest.date


def _difference(before: Observation, newest: Observation) -> str:
    difference = newest.value - before.value
    return f"{abs(difference)} {'más' if difference >= 0 else 'menos'}" if difference else "la misma cifra"


def changed(
    kb: KnowledgeBase, metric: str, year: int | None = None, month: int | None = None, percent: bool = False
) -> Cited:
    """How a figure changed (:func:`change_answer`) with its dates, the sources apart, for an answer that
    gives more from the same sources («Del 2 de enero de 2018 al 14 de agosto de 2020, de 16 Secretariados
    Técnicos Locales (STL) a 21 Secretariados Técnicos Locales (STL): 5 más.»; with ``percent``, «5 más
    (+31.25 %)»)."""
    if (pair := _dated_change(kb, metric, year, month)) is None:
        return Cited(change_answer(kb, metric, year, month))
    before, newest, first, last = pair
    grew = f" ({_growth(before, newest)})" if percent and before.value else ""
    return Cited(
        f"Del {spanish_date(first)} al {spanish_date(last)}, de {figure_text(kb, before)} a "
        f"{figure_text(kb, newest)}: {_difference(before, newest)}{grew}.",
        (before.source, newest.source),
    )


def difference_line(kb: KnowledgeBase, metric: str, text: str) -> str | None:
    """«Diferencia: 78 más (+125.81 %).»: how a figure asked at two dates changed between them, when the
    later is its newest value («¿cuántos compromisos había en enero de 2018 y cuántos en agosto de 2020?», «…y
    cuántos hay ahora?»);
    the percentage when ``text`` asks for one. None otherwise."""
    start = earliest_date(text)
    years = {int(year) for year in _YEAR.findall(text)}
    now = mentions(kb.vocabulary.figure_questions.now, text)
    if now:  # «…en 2018 y cuántos hay en lo más reciente?»
        years.add(kb.newest_date().year)
    # «¿cuántos había antes y cuántos hay ora, y cuántos más son?», «¿cuántos… en cada fecha y en cuánto
    # creció?»: the first value to the newest
    before_and_now = start is None and kb.vocabulary.asks_history(text)
    if before_and_now and (pair := _dated_change(kb, metric)) is not None:
        years = {pair[2].year, pair[3].year}
        start = (pair[2].year, None)
    if start is None or len(years) != 2 or (pair := _dated_change(kb, metric, *start)) is None:
        return None
    before, newest, first, last = pair
    if first.year != min(years) or last.year != max(years):
        return None
    percent = mentions(kb.vocabulary.figure_questions.percent, text) or "%" in text
    grew = f" ({_growth(before, newest)})" if percent and before.value else ""
    return f"Diferencia: {_difference(before, newest)}{grew}."


def changes_answer(
    kb: KnowledgeBase,
    metrics: Sequence[str],
    year: int | None = None,
    month: int | None = None,
    percent: bool = False,
) -> str:
    """How several figures changed: between the same two dates, under one lead with one figure a line
    («Del 2 de enero de 2018 al 14 de agosto de 2020:», «• de 16 … a 21 …: 5 más», and with ``percent``
    «(+31.25 %)»), else one change a line; the sources once at the end."""
    pairs = [pair for metric in metrics if (pair := _dated_change(kb, metric, year, month)) is not None]
    dates = {(first, last) for _, _, first, last in pairs}
    if len(pairs) < len(metrics) or len(dates) != 1:
        return closed(kb, [changed(kb, metric, year, month) for metric in metrics])
    ((first, last),) = dates
    lines = [
        f"{BULLET}de {figure_text(kb, b)} a {figure_text(kb, n)}: {_difference(b, n)}"
        + (f" ({_growth(b, n)})" if percent and b.value else "")
        for b, n, _, _ in pairs
    ]
    sources = [ref for before, newest, _, _ in pairs for ref in (before.source, newest.source)]
    said = "\n".join([f"Del {spanish_date(first)} al {spanish_date(last)}:", *lines])
    return with_source(kb, said, *sources)


def _growth(before: Observation, newest: Observation) -> str:
    """«+31.25 %»: how much ``newest`` grew from ``before``, in percent of it."""
    grew = (newest.value - before.value) / before.value * 100
    return f"{'+' if grew >= 0 else ''}{_percent(grew)}"


def _percent(value: float) -> str:
    """«31.25 %», «65.63 %», «30 %»: two decimals at most (half up), a decimal point, as written in Mexico."""
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded}".rstrip("0").rstrip(".") + " %"


def percent_answer(kb: KnowledgeBase, text: str, metric: str | None = None) -> str | None:
    """«¿Qué porcentaje de las 32 entidades participaba en 2020?»: a figure of one per state as a share of
    the entidades federativas; «calcúlame el crecimiento en porcentaje»: how much a figure grew from its
    first dated value (or that of the year named) to the newest, both cited. ``metric``: the figure asked
    about when the message names none. None when the message asks for no percentage."""
    asks = kb.vocabulary.figure_questions
    if not (mentions(asks.percent, text) or "%" in text):
        return None
    # «¿qué porcentaje participaba en 2018 y cuántas en 2020?»: each part in turn; not «¿cuántos estados
    # participan y qué porcentaje de las 32 entidades es eso?», one figure and its share
    growth = mentions(asks.growth, text) or kb.vocabulary.asks_history(text)
    if len(set(_YEAR.findall(text))) > 1 and not growth:
        return None
    if len(question_parts(kb, text)) > 1 and len(metrics_named(kb, text)) > 1:
        return None
    metric = metric_of(kb, text) or metric
    if metric not in kb.figures.metrics:
        return None
    if growth:
        if len(metrics_named(kb, text)) > 1:
            return None  # «el crecimiento de STL y de planes, con porcentaje»: each (several_figures_answer)
        year = year_of(text) if len(set(_YEAR.findall(text))) > 1 else None
        compared = _compared(kb, metric, year)
        if compared is None or compared[0] is compared[1] or not compared[0].value:
            return None
        before, newest = compared
        said = f"{change_answer(kb, metric, year)} En porcentaje: {_growth(before, newest)}."
        total = len(kb.states)
        of_all = re.search(rf"\b{total}\b", text) or mentions(asks.share_of_all, text)
        if metric in ONE_PER_STATE and of_all:
            # «si tomo como denominador las 32 entidades federativas…», «¿qué proporción de las entidades…?»:
            # the share on each date too
            shares = f"{_percent(before.value / total * 100)} y {_percent(newest.value / total * 100)}"
            said += f" De las {total} entidades federativas: {shares}."
        return said
    if metric not in ONE_PER_STATE:
        return None
    year, total = year_of(text), len(kb.states)
    observation = next(
        (o for o in reversed(kb.history(metric)) if year is None or (o.date and o.date.year == year)), None
    )
    source = entities_source(kb)
    if observation is None or source is None:
        return None
    # «¿qué porcentaje de los estados participantes tiene STL?»: of those taking part on that date
    taking_part = metric != "estados" and mentions(kb.vocabulary.participating, text)
    base = _as_of(kb, "estados", observation.date) if taking_part else None
    if base is not None:
        return (
            f"{figure_text(kb, observation)} ({according_to(kb, observation.source)}) de "
            f"{figure_text(kb, base)} ({according_to(kb, base.source)}): "
            f"{_percent(observation.value / base.value * 100)}."
        )
    return (
        f"{figure_text(kb, observation)} ({according_to(kb, observation.source)}) de {total} entidades "
        f"federativas ({according_to(kb, source)}): {_percent(observation.value / total * 100)}."
    )


def _as_of(kb: KnowledgeBase, metric: str, date: dt.date | None) -> Observation | None:
    """The newest dated value of ``metric`` on or before ``date``; None when there is none."""
    dated = [o for o in kb.history(metric) if o.date and date and o.date <= date]
    return max(dated, key=lambda o: o.date or dt.date.min, default=None)


def since_answer(kb: KnowledgeBase) -> str:
    """Since when states take part: the first year any joined, and which joined then."""
    first = kb.first_joined_year()
    firsts = [state for state in kb.states if state.joined and state.joined.year == first]
    source = kb.newest_source(ref for state in firsts if state.joined for ref in state.joined.sources)
    said = listed(f"Ese año se sumaron los primeros {len(firsts)} estados", [state.name for state in firsts])
    return with_source(kb, f"Desde {first}. {said}", source)


def changed_figure(kb: KnowledgeBase, text: str) -> str | None:
    """The figure whose change ``text`` asks (a difference, its history, or two years of it: «¿cuántos
    compromisos más había en 2020 que en 2018?» → ``compromisos``); None otherwise."""
    metric = metric_of(kb, text)
    return metric if metric in kb.figures.metrics and asks_change(kb, text) else None


def asks_what_it_is(kb: KnowledgeBase, text: str) -> bool:
    """Whether the question of ``text`` asks what something is and no change («En el módulo, que compara su
    mecánica con la de la AGA, ¿cómo se define la integración del STL?»): nothing to compute."""
    question = asked_part(text)
    return "¿" in text and kb.vocabulary.asks_definition(question) and not asks_change(kb, question)


_HOW_MANY_MORE = re.compile(r"\bcuant[oa]s\s+(?:\w+\s+){0,3}(?:mas|menos)\b")  # «¿cuántos compromisos más?»


def asks_difference(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` asks how much a figure changed, without dates of its own («¿cuál es la diferencia
    entre ambos?», «¿y de cuánto fue el aumento?», «¿cuántos compromisos más hay?»)."""
    asks = kb.vocabulary.figure_questions
    return mentions([*asks.difference, *asks.growth], text) or _HOW_MANY_MORE.search(fold(text)) is not None


def asks_change(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` asks how a figure changed: its history, a difference, or two years of it."""
    difference = mentions(kb.vocabulary.figure_questions.difference, text)
    return kb.vocabulary.asks_history(text) or difference or len(set(_YEAR.findall(text))) > 1


def joined_year_asked(kb: KnowledgeBase, text: str) -> int | None:
    """The year a message asks which (or how many) states joined in («¿cuántos se sumaron en 2016?»)."""
    year = year_of(text)
    if year is None or asks_as_of(kb, text):  # «¿cuántos se habían sumado a marzo de 2018?»: a figure
        return None
    asks = metric_of(kb, text) in (None, "estados")
    return year if asks and mentions(kb.vocabulary.conditions.joined, text) else None


def _all_ask_joined(kb: KnowledgeBase, text: str) -> bool:
    """Whether every part of a question asks which states joined in a year; a part that names no such
    thing («…y cuáles en 2015?») asks what the part before it asked."""
    joined = True
    for part in question_parts(kb, text):
        if joined_year_asked(kb, part) is not None:
            joined = True
        elif mentions(kb.vocabulary.participating, part) or metrics_named(kb, part):
            joined = False
        if not joined:
            return False
    return True


def asks_most_plans(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` asks which state has the most plans («¿qué estado tiene más planes?»), not whether
    one has more than another («¿Jalisco tiene más planes que Nuevo León?») or more than a number."""
    asks = kb.vocabulary.figure_questions
    folded = fold(text)
    if not (mentions(asks.most, folded) and mentions(asks.which_one, folded)):
        return False
    if not mentions(kb.vocabulary.aspects["pal"], folded) or re.search(r"\bmas\b.*\bque\b", folded):
        return False
    return year_of(folded) is None and not re.search(r"\bmas de\b", folded)


def figure_question_answer(kb: KnowledgeBase, text: str) -> str | None:
    """Figure questions that need a computation: the states with a number of plans («¿cuántos estados
    llevan dos planes?»), the entidades missing, how many in all, since when, the states that joined in a
    year, a change (also over a period, or from a past figure to now). Several figures' change at once is
    :func:`several_figures_answer`, which its callers ask first."""
    asks = kb.vocabulary.figure_questions
    if (percent := percent_answer(kb, text)) is not None:  # «¿qué porcentaje de las 32 entidades…?»
        return percent
    counts_states = kb.vocabulary.asks_count(text) or mentions(asks.which, text)
    if (plans := kb.vocabulary.plan_count_of(text)) is not None and counts_states:
        return plans_count_answer(kb, plans)  # «¿cuántos (estados) tienen dos planes?», not «¿qué guía…?»
    if asks_most_plans(kb, text):
        return most_plans_answer(kb)
    # «¿es correcto que en 2017 la única entidad que se sumó fue Guanajuato? Si no, enliste las que faltan»:
    # those of that year, not the entidades missing from the initiative
    if kb.vocabulary.asks_missing(text) and joined_year_asked(kb, text) is None:
        return missing_answer(kb, year_of(text), month_of(text))
    if mentions(asks.since, text) and metric_of(kb, text) in (None, "estados"):
        return since_answer(kb)
    # «¿cuántos estados en total se sumaron en 2015, el mismo año que Zacatecas?»: those of the year
    joining = joined_year_asked(kb, text) is not None
    if mentions(asks.total, text) and metric_of(kb, text) in (None, "estados") and not joining:
        return total_answer(kb)
    # named as states: «¿cuáles estados participan?», «participan 30 estados, ¿cuáles son?»; not «¿qué
    # ayuda da el INAI a quienes participan?»
    nouns = [word for word in kb.figure_words("estados") if not mentions(kb.vocabulary.participating, word)]
    participating = mentions(kb.vocabulary.participating, text) and mentions(nouns, text)
    if participating and mentions(asks.which, text) and not mentions(kb.vocabulary.conditions.joined, text):
        return participants_answer(kb, year_of(text))  # «participan 30 estados, ¿cuáles son?»
    if joined_year_asked(kb, text) is not None:  # «¿cuántos estados se sumaron en 2016?»: the year's list
        if not _all_ask_joined(kb, text):  # «¿cuántas participaban en 2018…? ¿y cuáles se sumaron en 2017?»
            return None
        years = dict.fromkeys(int(year) for year in _YEAR.findall(text))  # «…en 2017 y cuáles en 2015?»
        return joined_in_years_answer(kb, list(years), mentions(asks.difference, text))
    metric = metric_of(kb, text)
    year = year_of(text)
    # «¿cuánto más…?», not «Entre los dos, ¿cuál tenía más planes en agosto de 2020?» (which one)
    which_one = mentions(asks.which_one, text)
    compared = mentions(asks.more_or_less, text) and (year is not None or kb.vocabulary.asks_history(text))
    # not «…en la pandemia, cuando más faltó el agua»: a count asked
    compared = compared and not which_one and kb.vocabulary.asks_count(text)
    compared = compared or (year is not None and mentions(asks.now, text))  # «en 2018 había 10, ¿y ahora?»
    # «¿cuántos STL se instalaron entre 2018 y 2020?», «… después de 2018?»
    over_period = period_of(kb, text) is not None and kb.vocabulary.asks_count(text)
    # «¿cómo cambiaron los compromisos de 2018 a 2020?»: from that year's figure to the newest
    changed = year is not None and kb.vocabulary.asks_history(text) and not mentions(asks.which, text)
    # «entre el comunicado INAI/002/18 de enero de 2018 y el de agosto de 2020, ¿en cuánto se incrementó…?»
    changed = changed or (mentions(asks.growth, text) and len(set(_YEAR.findall(text))) > 1)
    if metric is not None and (mentions(asks.difference, text) or compared or over_period or changed):
        start, month = earliest_date(text) or (year, month_of(text))
        return change_answer(kb, metric, start, month)  # «¿… más en agosto de 2020 que en enero de 2018?»
    return None
