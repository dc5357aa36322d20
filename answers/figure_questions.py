"""Questions on the national figures, read and answered without Rasa: one question, or each part of a
two-part one («¿cuántos participan y desde cuándo?»). Runs in the action server (``.venv``)."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase
from knowledge.text import fold
from knowledge.vocabulary import before_aside, mentions, without

from .figures import (
    asks_difference,
    bare_count,
    breakdown_answer,
    breakdown_of,
    change_answer,
    changed,
    changed_figure,
    changes_answer,
    compares_values,
    difference_line,
    each_figure_answer,
    figure_answer,
    figure_question_answer,
    figures_asked_answer,
    figures_at,
    metric_of,
    metrics_named,
    month_of,
    overview_answer,
    source_figure_answer,
    states_having,
    unknown_figure_answer,
    year_of,
    years_of,
)
from .questions import added_since_answer, combined_answer, combined_parts, date_in, earliest_date, parse
from .sources import sources_named
from .states import list_reply
from .wording import Cited, closed

_YEARS = re.compile(r"\b20[0-3]\d\b")


def _elliptic(kb: KnowledgeBase, part: str) -> bool:
    """Whether a later part of a question names no figure and no part of a state's status («…¿y cuántos
    en 2020?»): it asks the part before it again, of its own year."""
    return not metrics_named(kb, part) and kb.vocabulary.aspect(part) is None


def _names_nothing(kb: KnowledgeBase, text: str) -> bool:
    """Whether a count of a year names nothing to count («¿y en 2018 cuántos eran?»)."""
    asks = kb.vocabulary.figure_questions
    left = without([*asks.count, *asks.bare_count], _YEARS.sub(" ", fold(text)))
    return not re.sub(r"[^\w]", " ", left).split()


def asked_figure(
    kb: KnowledgeBase,
    text: str,
    last: str | None,
    year_hint: str | None = None,
    source_hint: str | None = None,
) -> tuple[str, str | None]:
    """One question on figures: its answer and the figure it was about (None for a computed answer or
    the overview). A bare «¿y antes?» or a year alone means the figure ``last`` asked about; a count of
    something that is not one of the figures is not answered with another figure; a figure of one document
    (``source_hint`` when the text names none) is that document's."""
    if (together := figures_asked_answer(kb, text)) is not None:  # «dame las cifras de estados, STL y…»
        return together, None
    if (unreported := _unreported_year(kb, text)) is not None:
        return unreported
    # «¿cuántos STL nuevos hay entre 2018 y 2020? Nómbralos»: which states, too
    named = mentions(kb.vocabulary.figure_questions.which, text)
    computed = combined_answer(kb, text, asks_for_states=named) or figure_question_answer(kb, text)
    if computed is not None:
        return computed, None
    year = year_of(year_hint or text)
    metric = metric_of(kb, text)
    history = kb.vocabulary.asks_history(text) or compares_values(kb, text)  # «unos dicen 26 y otros 30»
    now = mentions(kb.vocabulary.figure_questions.now, text)  # «…¿y cuántos hay ahora?»
    if metric is None and (year or history or now):
        metric = last
    if metric not in kb.figures.metrics and year is not None and _names_nothing(kb, text):
        return overview_answer(kb, year), None  # «¿y en 2018 cuántos eran?» with nothing before it
    if metric not in kb.figures.metrics:
        return (unknown_figure_answer(kb) if kb.vocabulary.asks_count(text) else overview_answer(kb)), None
    if (part := breakdown_of(kb, metric, text)) is not None:  # «¿cuántos compromisos sobre covid?»
        return breakdown_answer(kb, metric, part), None
    kind = states_having(kb, text)
    if kind == "pal" or (kind == "stl" and kb.vocabulary.asks_absence(text)):
        # «¿cuántos estados tenían plan en 2018?»: those a list names, not the plans; «…no tienen STL?»: those
        # it does not; «¿cuántos estados tienen STL?» is the figure of STL, one a state
        return list_reply(kb, kind, text, year), None
    # «¿cuántos compromisos había en enero 2018 y en agosto 2020?»: each year's figure, and how it changed
    years = list(dict.fromkeys(years_of(text)))
    # (a year NLU found is one of them, not another)
    hinted = year_hint is None or year_hint in {str(year) for year in years}
    if hinted and not history and len(years) == 2 and not _one_document(kb, text, years):
        each = [figure_answer(kb, metric, asked) for asked in years]
        difference = difference_line(kb, metric, text)
        return "\n".join([*each, *([difference] if difference else [])]), metric
    sources = sources_named(kb, text) or ([source_hint] if source_hint else [])  # «…según el material…»
    of_one = len(sources) == 1 and year is None and not history
    if of_one and (given := source_figure_answer(kb, metric, sources[0])) is not None:
        return given, metric
    return figure_answer(kb, metric, year, history, month_of(text)), metric


def _one_document(kb: KnowledgeBase, text: str, years: list[int]) -> bool:
    """Whether ``text`` names one document to read the figures of, not one of a kind for each of its
    ``years`` («…entre el comunicado de enero de 2018 y el de agosto de 2020?»)."""
    named = sources_named(kb, text)
    if len(named) != 1:
        return False
    kind = kb.sources[named[0]].kind
    dated = {source.date.year for source in kb.sources.values() if source.kind == kind and source.date}
    return not set(years) <= dated


def _unreported_year(kb: KnowledgeBase, text: str) -> tuple[str, str] | None:
    """«En 2018 se hablaba de más de 120 OSC. ¿Cuántas participaban según el comunicado de agosto de 2020?»:
    a figure asked of a year after its first report that no document reports it for is said to be missing
    there, with what that year's documents do give and the figure's newest value, and never compared with
    itself; None otherwise (a year before its first report, «¿cómo cambió de 2017 a 2020?», is answered
    from the first)."""
    metric = metric_of(kb, text)
    if metric is None or metric not in kb.figures.metrics:
        return None
    reported = {o.date.year for o in kb.history(metric) if o.date}
    if not reported:
        return None
    missing = [year for year in years_of(text) if year > min(reported) and year not in reported]
    return (figure_answer(kb, metric, max(missing)), metric) if missing else None


def _now_after_then(kb: KnowledgeBase, before: str, part: str) -> bool:
    """Whether ``part`` asks in the present («¿…y cuántos hay ya?») after a part asked in the past of a year
    (``before``: «¿cuántos había en 2018…»), so it asks the newest figure."""
    context = kb.vocabulary.context
    then = bool(_YEARS.search(before)) and mentions(context.past, before)
    return then and mentions(context.present, part) and not mentions(context.past, part)


def parts_answer(kb: KnowledgeBase, parts: list[str], last: str | None) -> tuple[str, str | None]:
    """Each part of a question answered in turn, and the one figure they all asked about over several
    dates (None otherwise): «¿y compromisos?» may follow it. A later part that names no figure takes the
    one before; the years and the one document of the first part carry over to parts that name none. Two
    dates of the one figure asked get their difference after them, which a part that asks only for it
    («¿y de cuánto fue el aumento?») gets instead of an answer of its own."""
    replies: list[str] = []
    # «Entre el comunicado INAI/002/18 y el de agosto de 2020, …»: a document named by number dates it too
    years = " ".join(sorted({*_YEARS.findall(parts[0]), *map(str, kb.years_numbered(parts[0]))}))
    if not years and bare_count(kb, parts[0]):
        years = date_in(parts)  # «¿cuántos STL y cuántos compromisos había en enero de 2018?»
    asked, metrics, dates = "", set[str | None](), set[str]()
    changes: list[tuple[str, tuple[int | None, int | None]]] = []  # the parts answered with a change
    several: list[str] = []  # the figures of a part that counts more than one («planes y compromisos»)
    named = sources_named(kb, parts[0])  # «según la sesión de capacitación, ¿cuántos… y cuántos…?»: of it
    if not named and not years and bare_count(kb, parts[0]):
        # «¿Cuántos PAL y cuántos compromisos se reportan en el comunicado INAI/002/18?»: of it, both
        named = sources_named(kb, parts[-1])
    source = named[0] if len(named) == 1 else None
    difference_asked = False  # «…y cuántos en 2020? y ¿de cuánto fue el aumento?»: said once, at the end
    for part in parts:
        later = part is not parts[0] and not _YEARS.search(part) and len(metrics) == 1
        # «¿y cuántos más son de diferencia?»; not «¿y cuántos hay hoy?», «…había en ese entonces y cuántos
        # hay ya?… que cambió»: a value of its own
        explicit = mentions(kb.vocabulary.figure_questions.difference, part)
        # «…¿de cuánto fue el brinco? Sáquele bien la cuenta, que luego me hacen bolas.»: not in the aside
        newest = mentions(kb.vocabulary.figure_questions.now, before_aside(part))
        now = newest or _now_after_then(kb, asked, part)
        later = later and (explicit or not now)
        if later and asks_difference(kb, part) and metric_of(kb, part) in (None, last):
            difference_asked = True
            # «…¿y cuántos hay en lo más reciente, o sea cuántos más son?» asks the newest value too
            if not newest:
                continue
        if changes and _elliptic(kb, part):  # «¿cuántos… en enero de 2018 (comparativo) y cuántos en 2020?»
            continue  # the change answered both
        # «¿Es cierta la cifra y de qué fecha es?»: the figure's answer gives its source and date
        dated = kb.vocabulary.follow_up(part) in ("date", "source") and not _YEARS.search(part)
        if replies and dated and _elliptic(kb, part):
            continue
        if several and _elliptic(kb, part):
            # «…en 2018 y cuántos hay según el dato más reciente?»: each of them again, of that date
            now = mentions(kb.vocabulary.figure_questions.now, part)
            year = year_of(part) or (None if now else year_of(asked))
            replies.append(figures_at(kb, several, year))
            continue
        if asked and _YEARS.search(asked) and (found := _YEARS.search(part)) and _elliptic(kb, part):
            # «en 2018 ¿cuántos estados tenían plan y cuántos en 2020?»: the same question, of 2020
            asked = _YEARS.sub(found.group(), asked)
        elif (
            _YEARS.search(part)
            or mentions(kb.vocabulary.figure_questions.now, part)
            or _now_after_then(kb, asked, part)
        ):
            asked = part  # «…en 2018 y cuántos hay ahora?», «…había en ese entonces y cuántos hay ya?»: now
        else:
            # «¿cuántos STL nuevos hubo de 2018 a 2020 y cuántos planes nuevos?»: the years carry over
            asked = f"{part} {years}".strip()
        counted = metrics_named(kb, asked)
        several = [metric for metric in counted if metric != "estados"]
        # «…según el material, ¿cuántos planes y compromisos había?», «Según el comunicado INAI/083/18,
        # ¿cuántas entidades se habían sumado…?»: as it gives them
        of_source = several or counted
        given = [
            said for metric in of_source if source and (said := source_figure_answer(kb, metric, source))
        ]
        if given:
            replies.append("\n".join(given))
            metrics.update(of_source)
            continue
        if len(several) > 1 and (each := each_figure_answer(kb, asked)) is not None:
            replies.append(each)  # «¿cuántos planes y compromisos había en 2018…?»
            metrics.update(several)
            continue
        several = []
        reply, metric = asked_figure(kb, asked, last, source_hint=source)
        if (change := _change_asked(kb, asked, reply)) is not None:
            changes.append(change)
        replies.append(reply)
        metrics.add(metric)
        dates.update(_YEARS.findall(asked))
        last = metric or last
    over_time = last if len(metrics) == 1 and last in metrics and len(dates) > 1 else None
    # «…¿y cuántos en agosto de 2020? ¿Cuáles son los nuevos?»: the states the newer list adds
    listed = over_time if over_time in ("stl", "pal") else None
    which = mentions(kb.vocabulary.figure_questions.which_changed, " ".join(parts))
    if len(changes) == len(replies) > 1 and len({start for _, start in changes}) == 1:
        # «¿cuántos STL nuevos hubo de 2018 a 2020 y cuántos planes nuevos?»: the changes together, cited once
        replies = [changes_answer(kb, [metric for metric, _ in changes], *changes[0][1])]
    if listed and which and (added := added_since_answer(kb, listed, int(min(dates)))):
        replies.append(added)
    elif (
        (len(replies) == 2 or difference_asked)
        and len(metrics) == 1
        and (metric := next(iter(metrics))) is not None
        and not changes
        and (difference := difference_line(kb, metric, f"{' '.join(parts)} {years}")) is not None
    ):
        replies.append(difference)  # «¿cuántos compromisos había en enero de 2018 y cuántos en 2020?»
    return "\n".join(replies), over_time


def _change_asked(
    kb: KnowledgeBase, asked: str, reply: str
) -> tuple[str, tuple[int | None, int | None]] | None:
    """The figure and the date (year, month) a part of a question was answered the change of, when its
    reply is that change; None otherwise."""
    metric = changed_figure(kb, asked)
    if metric is None:
        return None
    start = earliest_date(asked) or (year_of(asked), month_of(asked))
    return (metric, start) if reply == change_answer(kb, metric, *start) else None


def new_participants_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«De 26 estados en 2018 pasaron a 30 en 2020. ¿Cuáles son esos 4 estados nuevos?»: how many more took
    part, both dates cited, and that the documents do not say which (they give the year of joining only of
    the first years'); None unless the message asks which states were added."""
    asks = kb.vocabulary.figure_questions
    if not (mentions(asks.which_changed, text) or mentions(kb.vocabulary.conditions.added, text)):
        return None
    # not «¿qué estados tienen STL en 2020 pero no en 2018?» (a list), nor a year of joining
    if metrics_named(kb, text) != ["estados"] or states_having(kb, text) or kb.vocabulary.aspect(text):
        return None
    if mentions(kb.vocabulary.conditions.lists, text):  # «…en la lista de 2020 y no en la de 2018?»: of lists
        return None
    if changed_figure(kb, text) != "estados" or len(set(years_of(text))) < 2:
        return None
    year, month = earliest_date(text) or (None, None)
    years = kb.joined_years()
    unnamed = Cited(
        f"Los documentos no dicen cuáles son los estados que se sumaron en ese lapso: dan el año de ingreso "
        f"de los que se sumaron de {years[0]} a {years[-1]}."
    )
    return closed(kb, [changed(kb, "estados", year, month), unnamed])


def new_ones_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«¿Cuántos STL se instalaron entre 2018 y 2020 y en qué estados?»: how the figure changed, both dates
    cited, then the states new to its list; None unless the message asks both how STL or plans changed and
    which states."""
    metric = changed_figure(kb, text)
    if metric not in ("stl", "pal", "estados") or not mentions(kb.vocabulary.figure_questions.which, text):
        return None
    if metric == "estados":  # «de 26 pasaron a 30. ¿cuáles son esos 4 estados nuevos?»
        return new_participants_answer(kb, text)
    if not any(condition.kind == "change" for condition in parse(kb, text).conditions):
        return None  # «de los que se sumaron en 2015, ¿alguno sin STL en 2020?»: a year joined, no change
    if not (states := combined_parts(kb, text)):
        return None
    year, month = earliest_date(text) or (None, None)
    percent = mentions(kb.vocabulary.figure_questions.percent, text)  # «variación porcentual»
    return closed(kb, [changed(kb, metric, year, month, percent), *states])
