"""State status and lists of states: plain functions over the knowledge base."""

from __future__ import annotations

from typing import Any

from index.analysis import StateFinder
from knowledge import KnowledgeBase
from knowledge.schema import DatedList, State
from knowledge.text import spanish_date, spanish_month
from knowledge.vocabulary import asked_part, mentions

from .definitions import definition_answer
from .wording import (
    Cited,
    according_to,
    closed,
    join_names,
    listed,
    sentence_start,
    sentences,
    source_line,
    with_source,
)


def _newest(kb: KnowledgeBase, kind: str) -> DatedList:
    return kb.lists_of_kind(kind)[-1]


def _listing_count(state: State, lst: DatedList) -> int:
    return next((li.count for li in state.listed if li.list == lst.id), 0)


def _has(kb: KnowledgeBase, state: State, lst: DatedList, past: bool = False, among: bool = False) -> str:
    """``tiene Secretariado Técnico Local (STL)`` (of a list asked by its date, ``among``: ``…, uno de los 16
    de esa lista``) / ``no figura entre los 21 estados con …``."""
    count = _listing_count(state, lst)
    verb = "tenía" if past else "tiene"
    if lst.kind == "stl":
        states = len(kb.members(lst.id))
        if (
            count
        ):  # of a past list, how many it names: «…tenía Secretariado Técnico Local (STL), uno de los 16…»
            of_list = f", uno de los {states} de esa lista" if among else ""
            return f"{verb} Secretariado Técnico Local (STL){of_list}"
        return (
            f"no figura{'ba' if past else ''} entre los {states} estados con Secretariado Técnico Local (STL)"
        )
    if count == 1:
        return f"{verb} 1 Plan de Acción Local (PAL) publicado"
    if count:
        return f"{verb} {count} Planes de Acción Local (PAL) publicados"
    states = len(kb.members(lst.id))
    return (
        f"no figura{'ba' if past else ''} entre los {states} estados con Plan de Acción Local (PAL) publicado"
    )


def joined_sentence(kb: KnowledgeBase, state: State, shown: tuple[str, ...] = ()) -> str:
    """The year a state joined, with its source; when the documents give none, the years they do give
    and the oldest dated list that names the state (unless it is one of the lists ``shown`` by the rest
    of the answer)."""
    if state.joined:
        return (
            f"{state.name} se sumó a la iniciativa en {state.joined.year} "
            f"({according_to(kb, state.joined.sources[-1])})."
        )
    newest = kb.joined_source()
    years = join_names([str(year) for year in kb.joined_years()])
    said = (
        f"Los documentos no dicen en qué año se sumó {state.name}: no aparece entre los estados que "
        f"se sumaron en {years} ({according_to(kb, newest)})."
    )
    first = _first_list(kb, state)
    if first is None or first.id in shown:
        return said
    return (
        f"{said} Sí figura en la lista de {first.label} del {spanish_date(first.date)} "
        f"({according_to(kb, first.source)})."
    )


def _first_list(kb: KnowledgeBase, state: State) -> DatedList | None:
    """The oldest dated list that names the state, if any."""
    return min(
        (kb.lists[listing.list] for listing in state.listed), key=lambda dated: dated.date, default=None
    )


def _not_reported(kb: KnowledgeBase, state: State, aspect: str | None = None) -> str:
    """A state no document names: what is missing, and the lists (with source and date) that leave it out."""
    years = join_names([str(year) for year in kb.joined_years()])
    newest = _newest(kb, "stl")
    checked = (
        f"no está entre los que se sumaron en {years} ({according_to(kb, kb.joined_source())}) ni en las "
        f"listas de STL o de PAL, la más reciente de {spanish_month(newest.date)} "
        f"({according_to(kb, newest.source)})"
    )
    if aspect == "ingreso":  # «¿y desde cuándo?»
        return (
            f"Los documentos no dicen si {state.name} se sumó a la iniciativa ni cuándo: {checked}. "
            "Eso no quiere decir que no participe."
        )
    if aspect in ("stl", "pal"):  # «¿aquí en Tamaulipas hay STL?»: not among those the newest list counts
        listed = _newest(kb, aspect)
        dated = f"{spanish_month(listed.date)} ({according_to(kb, listed.source)})"
        joined = f"los que se sumaron en {years} ({according_to(kb, kb.joined_source())})"
        return (
            f"{state.name} {_has(kb, state, listed)} de la lista de {dated}, ni entre {joined} ni en otra "
            "lista de los documentos. Su situación no está reportada, lo que no quiere decir que no "
            "participe."
        )
    return (
        f"Los documentos no nombran a {state.name} entre los estados participantes: {checked}. Su situación "
        "no está reportada, lo que no quiere decir que no participe."
    )


def not_why(state: State) -> str:
    """That the documents give no reasons for a state's status."""
    return f"Los documentos no explican por qué {state.name} figura o no en cada lista."


def lists_not_why(kb: KnowledgeBase) -> str:
    """«¿Y por qué no lo tienen?» after a list of states: the documents give dated lists, never reasons."""
    newest = _newest(kb, "stl")
    return (
        "Los documentos no explican por qué un estado figura o no en las listas de STL o de PAL: solo dan "
        f"las listas, con su fecha (la más reciente, {according_to(kb, newest.source)})."
    )


def undated_answer(kb: KnowledgeBase, state: State) -> str:
    """When a state installed its STL or published a plan: the documents do not say; then what they do
    say: the year it joined and each dated list, oldest first («¿ya tenía su secretariado en 2018 o desde
    cuándo aparece?»)."""
    said = (
        f"Los documentos no dan la fecha en que {state.name} instaló su Secretariado Técnico Local ni la "
        "de sus planes; dicen en qué listas fechadas figura."
    )
    if not state.joined and not state.listed:
        return f"{said}\n{status_answer(kb, state)}"
    dated_lists = [dated for kind in ("stl", "pal") for dated in kb.lists_of_kind(kind)]
    lists = " ".join(status_in_year(kb, state, year) for year in sorted({d.date.year for d in dated_lists}))
    return f"{said}\n{joined_sentence(kb, state, tuple(d.id for d in dated_lists))} {lists}"


def undated_joining_answer(kb: KnowledgeBase, state: State) -> str:
    """The day or month a state joined: the documents give only the year; then that year, with its source."""
    return (
        f"Los documentos no dan el día ni el mes en que {state.name} se sumó a la iniciativa; solo el año.\n"
        f"{status_answer(kb, state, 'ingreso')}"
    )


def undated_list_answer(kb: KnowledgeBase, kind: str) -> str:
    """When, or in what order, the states installed their STL or published plans: the documents do not
    say; then the newest list."""
    return (
        "Los documentos no dan la fecha ni el orden en que cada estado instaló su Secretariado Técnico "
        f"Local o publicó sus planes; dan listas fechadas.\n{list_answer(kb, kind)}"
    )


def status_answer(kb: KnowledgeBase, state: State, aspect: str | None = None) -> str:
    """What the documents say about one state: newest lists first, with source and date."""
    if not state.joined and not state.listed:
        return _not_reported(kb, state, aspect)
    if aspect == "ingreso":
        return joined_sentence(kb, state)
    kinds = [aspect] if aspect in ("stl", "pal") else ["stl", "pal"]
    newest = [_newest(kb, kind) for kind in kinds]
    current = (
        f"Según {kb.citation(newest[0].source)}, {state.name} "
        f"{' y '.join(_has(kb, state, lst) for lst in newest)}."
    )
    if aspect is None:
        return f"{joined_sentence(kb, state, tuple(lst.id for lst in newest))} {current}"
    older = [kb.lists_of_kind(kind)[0] for kind in kinds]
    if older[0].id == newest[0].id:
        return current
    before = (
        f"En la lista de {spanish_month(older[0].date)} ({according_to(kb, older[0].source)}) "
        f"{' y '.join(_has(kb, state, lst, past=True) for lst in older)}."
    )
    return f"{current} {before}"


def several_status_answer(kb: KnowledgeBase, states: list[State], aspect: str | None = None) -> str:
    """The status of each of a few states («¿jalisco, chiapas y sonora tienen stl?», «¿y cuál se sumó
    primero?»), one a line, the lists' sources once at the end."""
    return closed(kb, [_status_of_one(kb, state, aspect) for state in states])


def _status_of_one(kb: KnowledgeBase, state: State, aspect: str | None) -> Cited:
    """One state's status for :func:`several_status_answer`: what :func:`status_answer` says, its sources
    apart (a state the documents do not report, or whose year they do not give, cites within)."""
    if not state.joined and not state.listed:
        return Cited(_not_reported(kb, state, aspect))
    joined = state.joined
    unknown = f"Los documentos no dicen en qué año se sumó {state.name}"
    if aspect == "ingreso":
        if joined is not None:
            return Cited(f"{state.name} se sumó a la iniciativa en {joined.year}.", (joined.sources[-1],))
        first = _first_list(kb, state)
        assert first is not None  # listed, as it is reported
        said = f"{unknown}; figura en la lista de {first.label} del {spanish_date(first.date)}."
        return Cited(said, (kb.joined_source(), first.source))
    kinds = [aspect] if aspect in ("stl", "pal") else ["stl", "pal"]
    newest = [_newest(kb, kind) for kind in kinds]
    has = " y ".join(_has(kb, state, lst) for lst in newest)
    if aspect is None:
        if joined is None:
            return Cited(f"{unknown}; {has}.", (kb.joined_source(), newest[0].source))
        said = f"{state.name} se sumó a la iniciativa en {joined.year}; {has}."
        return Cited(said, (joined.sources[-1], newest[0].source))
    older = [kb.lists_of_kind(kind)[0] for kind in kinds]
    if older[0].id == newest[0].id:
        return Cited(f"{state.name} {has}.", (newest[0].source,))
    had = " y ".join(_has(kb, state, lst, past=True) for lst in older)
    said = f"{state.name} {has}; en la lista de {spanish_month(older[0].date)} {had}."
    return Cited(said, (newest[0].source, older[0].source))


BARE_YES_OR_NO_WORDS = 4  # «¿y cdmx con stl?»: a question this short asks whether it has it


def affirmed(kb: KnowledgeBase, state: State, text: str, aspect: str | None, year: int | None = None) -> str:
    """«Sí. » before the status when ``text`` asks whether the state has an STL or a PAL («¿y en 2018 ya
    tenía STL?») and the list (of ``year``, else the newest) names it; else nothing («¿está obligado a
    tenerlo?» asks no such thing). A state a list does not name gets no «No»: the status says which list
    leaves it out. Nor does a question that asks something else of it («¿los planes de Oaxaca están
    traducidos al zapoteco?»): a long question that names the STL or the plans needs a verb of having or
    being listed («tiene», «figura»); one that names neither asks the last one again («¿y en agosto de
    2020?»)."""
    short = len(asked_part(text).split()) <= BARE_YES_OR_NO_WORDS
    having = mentions(kb.vocabulary.context.of_one, text) or short or kb.vocabulary.aspect(text) is None
    if (
        aspect not in ("stl", "pal")
        or not having
        or not kb.vocabulary.asks_yes_or_no(text)
        or kb.vocabulary.asks_obligation(text)
    ):
        return ""
    listed = kb.list_as_of(aspect, year)
    named = listed is not None and any(member.id == state.id for member, _ in kb.members(listed.id))
    return "Sí. " if named else ""


def status_after_documents(kb: KnowledgeBase, state: State, aspect: str | None = None) -> str:
    """«¿Y después de 2020 ya instaló su secretariado?»: the documents have no later lists; the newest."""
    newest = _newest(kb, "stl").date.year
    return f"{no_later_lists(kb)}; la más reciente dice: {status_in_year(kb, state, newest, aspect)}"


def no_later_lists(kb: KnowledgeBase) -> str:
    """That the documents have no lists after the newest («Los documentos no tienen listas posteriores a
    agosto de 2020»)."""
    return f"Los documentos no tienen listas posteriores a {spanish_month(_newest(kb, 'stl').date)}"


def status_in_year(kb: KnowledgeBase, state: State, year: int, aspect: str | None = None) -> str:
    """«¿Y en 2018?» after a state: what the lists of that year (the last printed by then) say of it."""
    if state.joined is None and not state.listed and aspect is None:  # «¿Puebla está entre los 30 de 2020?»
        return _not_reported(kb, state, aspect)
    kinds = [aspect] if aspect in ("stl", "pal") else ["stl", "pal"]
    lists = [found for kind in kinds if (found := kb.list_as_of(kind, year)) is not None]
    if not lists:
        return f"Los documentos no tienen listas de {year}. {status_answer(kb, state, aspect)}"
    if year > lists[0].date.year:  # «¿cuántos planes lleva Baja California Sur en 2024?»: after the documents
        newest = spanish_month(lists[0].date)
        said = f"Los documentos no tienen listas de {year}; la más reciente es de {newest}."
        return f"{said} {status_in_year(kb, state, lists[0].date.year, aspect)}"
    return (
        f"En la lista de {spanish_month(lists[0].date)} ({according_to(kb, lists[0].source)}) {state.name} "
        f"{' y '.join(_has(kb, state, found, found != _newest(kb, found.kind), True) for found in lists)}."
    )


def first_listed_answer(kb: KnowledgeBase, state: State, text: str) -> str | None:
    """«¿En cuál de los comunicados aparece por primera vez con STL?» of a state: the first list of the kind
    ``text`` names (STL or plans) that names the state, and the earlier ones that did not; that none does,
    when none; None when ``text`` asks no such thing."""
    aspect = kb.vocabulary.listed_kind(text)
    if aspect is None or not mentions(kb.vocabulary.context.first_listed, text):
        return None
    lists = kb.lists_of_kind(aspect)
    what = "Secretariado Técnico Local (STL)" if aspect == "stl" else "Plan de Acción Local (PAL)"

    def dated(lst: DatedList) -> str:
        return f"de {spanish_month(lst.date)} ({according_to(kb, lst.source)})"

    first = next((lst for lst in lists if _listing_count(state, lst)), None)
    if first is None:
        nowhere = f"{state.name} no figura con {what} en ninguna lista de los documentos"
        return f"{nowhere}; la última es la {dated(lists[-1])}."
    said = f"{state.name} figura con {what} por primera vez en la lista {dated(first)}"
    earlier = lists[: lists.index(first)]
    if not earlier:
        return f"{said}, la primera de los documentos."
    return f"{said}; no figuraba en {' ni en '.join(f'la {dated(lst)}' for lst in earlier)}."


def _differs(kb: KnowledgeBase, state: State, year: int, other: int, aspect: str | None) -> bool:
    """Whether the lists of ``year`` and of ``other`` say something different of the state."""
    kinds = [aspect] if aspect in ("stl", "pal") else ["stl", "pal"]
    for kind in kinds:
        lists = [kb.list_as_of(kind, year), kb.list_as_of(kind, other)]
        if None not in lists and len({_listing_count(state, lst) for lst in lists if lst}) > 1:
            return True
    return False


def status_then_and_now(
    kb: KnowledgeBase, state: State, year: int, aspect: str | None = None, history: bool = False
) -> str:
    """A state's status in the lists of ``year`` («¿no es cierto que ya tenía STL desde enero de 2018?»),
    then in the newest lists where they say otherwise, so that a claim about an old list also gets the
    newest status with its date; asked of the newest year with ``history`` («¿su plan no se publicó
    hasta 2020? no recuerdo que existiera antes»), the older lists after it where they say otherwise."""
    said = status_in_year(kb, state, year, aspect)
    newest = kb.newest_date().year
    oldest = min(lst.date.year for kind in ("stl", "pal") for lst in kb.lists_of_kind(kind))
    other = newest if year < newest else oldest if history else None
    if other is None or other == year or not _differs(kb, state, year, other, aspect):
        return said
    return f"{said} {status_in_year(kb, state, other, aspect)}"


def list_answer(kb: KnowledgeBase, kind: str, year: int | None = None) -> str:
    """The states in the newest list of a kind (``stl`` or ``pal``), or in the one of ``year``, with the
    PAL counts; before the first list, that the documents have none, then the first."""
    lst = kb.list_as_of(kind, year)
    earlier = ""
    if lst is None:
        lst = kb.lists_of_kind(kind)[0]
        what = "Secretariados Técnicos Locales" if kind == "stl" else "Planes de Acción Local"
        earlier = f"Los documentos no tienen una lista de {what} de {year}; la primera es esta."
    members = kb.members(lst.id)
    past = lst != _newest(kb, kind)
    when = f"Al {spanish_date(lst.date)} " if past else ""
    if kind == "stl":
        names = [state.name for state, _ in members]
        lead = f"{when}{'había' if past else 'hay'} {lst.total} Secretariados Técnicos Locales (STL)"
    else:
        names = [f"{s.name} ({n})" if n > 1 else s.name for s, n in members]
        published = "se habían publicado" if past else "se han publicado"
        lead = f"{when}{published} {lst.total} Planes de Acción Local (PAL) en {len(members)} estados"
    return with_source(kb, sentences(earlier, listed(sentence_start(lead), names)), lst.source)


def counted_list_answer(kb: KnowledgeBase, states: int) -> str | None:
    """«¿Cuáles eran esos 16 estados?»: the one group of ``states`` states the documents name, a dated list
    (the 16 with an STL in January 2018) or the states of a year of joining (the 13 of 2015); None when no
    group or several have that many."""
    lists = [(lst.kind, lst.date.year) for lst in kb.lists.values() if len(kb.members(lst.id)) == states]
    years = [year for year, joined in kb.joined_by_year().items() if len(joined) == states]
    if len(lists) + len(years) != 1:
        return None
    return list_answer(kb, *lists[0]) if lists else joined_in_answer(kb, years[0])


def list_reply(kb: KnowledgeBase, kind: str, text: str, year: int | None = None) -> str:
    """The list of states of a ``kind`` that ``text`` asks for: with a number of plans («¿quiénes tienen
    2 planes?»), the states a list does not name («¿qué estados no tienen STL?»), or the whole list (of
    ``year`` when given: «¿qué estados tenían STL en enero de 2018?»)."""
    plans = kb.vocabulary.plan_count_of(text)
    if kind == "pal" and plans is not None:
        return plans_count_answer(kb, plans)
    if kb.vocabulary.asks_absence(text):
        return absent_answer(kb, kind)
    return list_answer(kb, kind, year)


def plans_count_answer(kb: KnowledgeBase, plans: int) -> str:
    """The states with exactly ``plans`` Planes de Acción Local in the newest PAL list."""
    lst = _newest(kb, "pal")
    names = [state.name for state, count in kb.members(lst.id) if count == plans]
    counted = (
        "1 Plan de Acción Local (PAL) publicado"
        if plans == 1
        else f"{plans} Planes de Acción Local (PAL) publicados"
    )
    if not names:
        return f"Según {kb.citation(lst.source)}, ningún estado tiene {counted}."
    states = "1 estado tiene" if len(names) == 1 else f"{len(names)} estados tienen"
    return with_source(kb, listed(f"{states} {counted}", names), lst.source)


def plans_by_count_answer(kb: KnowledgeBase) -> str:
    """«¿Cuántos planes tiene cada estado?»: the states of the newest PAL list grouped by how many plans
    each has, most first, one group a line; the others do not figure in it."""
    lst = _newest(kb, "pal")
    members = kb.members(lst.id)
    counts = sorted({count for _, count in members}, reverse=True)
    groups = []
    for n in counts:
        names = [state.name for state, count in members if count == n]
        plans = f"{n} Plan{'es' if n > 1 else ''} de Acción Local"
        groups.append(listed(f"Con {plans} ({len(names)} estado{'s' if len(names) > 1 else ''})", names))
    return "\n".join(
        [
            "Los estados con Plan de Acción Local (PAL) publicado, por número de planes:",
            *groups,
            "Los demás estados no figuran en esa lista: los documentos no reportan que tengan plan.",
            source_line(kb, lst.source),
        ]
    )


def most_plans_answer(kb: KnowledgeBase) -> str:
    """«¿Cuál es el estado con más planes?»: the most Planes de Acción Local a state has in the newest
    list, and the states that have that many."""
    most = max(count for _, count in kb.members(_newest(kb, "pal").id))
    return sentences(
        f"El mayor número de Planes de Acción Local publicados por un estado es {most}.",
        plans_count_answer(kb, most),
    )


def joined_in_answer(kb: KnowledgeBase, year: int) -> str:
    """The states that joined the initiative in ``year``."""
    return closed(kb, [joined_in(kb, year)])


def joined_in_years_answer(kb: KnowledgeBase, years: list[int], difference: bool = False) -> str:
    """The states that joined in each of ``years`` («¿qué estados se sumaron en 2017 y cuáles en 2015?»),
    a year after another, then how many in all when they are several (with ``difference``, of two years,
    how many more joined in one than in the other), the sources once at the end."""
    each = [joined_in(kb, year) for year in years]
    by_year = kb.joined_by_year()
    counted = {year: len(by_year[year]) for year in dict.fromkeys(years) if year in by_year}
    if difference and len(counted) == 2:  # «…y de cuánto es la diferencia entre uno y otro?»
        (more, most), (fewer, least) = sorted(counted.items(), key=lambda pair: -pair[1])
        each.append(Cited(f"Diferencia: {most - least} estados más en {more} que en {fewer}."))
    elif len(counted) > 1:  # «¿y cuántas acumulaba al cierre de ese año, sumando las de 2015?»
        each.append(Cited(f"En total, {sum(counted.values())} estados."))
    return closed(kb, each)


def joined_in(kb: KnowledgeBase, year: int) -> Cited:
    """The states that joined the initiative in ``year``, their source apart; or that the documents do
    not say, citing what they do say."""
    joined = kb.joined_by_year().get(year, [])
    years = kb.joined_years()
    source = kb.joined_source()
    if not joined:
        said = (
            f"Los documentos no dicen qué estados se sumaron en {year}: registran los que se sumaron en "
            f"{join_names([str(y) for y in years])} ({according_to(kb, source)})."
        )
        return Cited(said + (_joined_later(kb) if years and year > years[-1] else ""))
    counted = "1 estado" if len(joined) == 1 else f"{len(joined)} estados"
    return Cited(listed(f"En {year} se sumaron {counted}", [s.name for s in joined]), (source,))


def _joined_later(kb: KnowledgeBase) -> str:
    """« Para el 14 de agosto de 2020 participaban 30 estados (…), 4 más que los 26 que registran por año»:
    how many more took part by the newest figure than the documents date; "" when none more."""
    newest = kb.latest("estados")
    dated = sum(1 for s in kb.states if s.joined)
    if newest is None or newest.date is None or newest.value <= dated:
        return ""
    return (
        f" Para el {spanish_date(newest.date)} participaban {newest.value} estados "
        f"({according_to(kb, newest.source)}), {newest.value - dated} más que los {dated} que "
        "registran por año."
    )


def busiest_year_answer(kb: KnowledgeBase) -> str:
    """«¿En qué año se sumaron más estados?»: the year (or years) the most states joined, and which."""
    by_year = {year: [state.name for state in states] for year, states in kb.joined_by_year().items()}
    most = max(len(names) for names in by_year.values())
    lines = [
        listed(f"En {year} se sumaron {most} estados, más que en ningún otro año", names)
        for year, names in by_year.items()
        if len(names) == most
    ]
    others = [f"{len(names)} en {year}" for year, names in by_year.items() if len(names) != most]
    if others:
        lines.append(f"Los demás años que dan los documentos: {join_names(others)}.")
    return closed(kb, [Cited("\n".join(lines), (kb.joined_source(),))])


def years_answer(kb: KnowledgeBase) -> str:
    """Which states joined each year, all years."""
    return closed(kb, [years_joined(kb)])


def years_joined(kb: KnowledgeBase) -> Cited:
    """Which states joined each year, all years, a year after another; the source apart."""
    groups = ["Los estados que se sumaron a la iniciativa, por año:"]
    for year, states in kb.joined_by_year().items():
        names = [s.name for s in states]
        groups.append(listed(f"En {year}, {len(names)} estado{'s' if len(names) > 1 else ''}", names))
    return Cited("\n".join(groups), (kb.joined_source(),))


def participants_answer(kb: KnowledgeBase, year: int | None = None) -> str:
    """Which states took part by the newest figure (or ``year``'s last): those the documents name by the
    year they joined, those a list of that date names without one, and how many they do not name."""
    dated = [(o, o.date) for o in kb.history("estados") if o.date and (year is None or o.date.year == year)]
    if not dated:
        return years_answer(kb)
    figure, day = dated[-1]
    joined = [s for s in kb.states if s.joined and s.joined.year <= day.year]
    firsts = [
        (s, first) for s in kb.states if not s.joined and (first := _first_list(kb, s)) and first.date <= day
    ]
    said = f"Al {spanish_date(day)} participaban {figure.value} estados."
    if len(joined) + len(firsts) < figure.value or firsts:
        said += " Los documentos no los nombran en una sola lista."
    parts = [Cited(said, (figure.source,)), years_joined(kb)]
    for state, first in firsts:
        parts.append(
            Cited(
                f"{state.name} no tiene año de ingreso en los documentos, pero figura en la lista de "
                f"{first.kind.upper()} del {spanish_date(first.date)}.",
                (first.source,),
            )
        )
    unnamed = figure.value - len(joined) - len(firsts)
    if unnamed > 0:
        parts.append(
            Cited(
                f"Los documentos no dicen cuáles son {'el otro' if unnamed == 1 else f'los otros {unnamed}'}."
            )
        )
    return closed(kb, parts)


def undated_years_answer(kb: KnowledgeBase, extreme: str | None = None) -> str:
    """When, or in what order, the states joined («¿en qué orden se sumaron?»): the documents give the
    year only; then the states of each year, or only those of the first or the last year (``extreme``:
    «¿cuál fue el último estado en sumarse?»)."""
    said = "Los documentos no dan la fecha ni el orden en que se sumó cada estado; dan el año."
    years = kb.joined_years()
    if extreme not in ("first", "last") or not years:
        return f"{said}\n{years_answer(kb)}"
    year = years[0] if extreme == "first" else years[-1]
    names = [s.name for s in kb.joined_by_year()[year]]
    source = kb.joined_source()
    which = "Los primeros" if extreme == "first" else "Los últimos que nombran"
    counted = f"{len(names)} estado{'s' if len(names) > 1 else ''}"
    answer = sentences(said, listed(f"{which}, en {year} ({counted})", names))
    latest = kb.latest("estados")
    dated = sum(1 for s in kb.states if s.joined)
    if extreme == "last" and latest is not None and latest.date is not None and latest.value > dated:
        later = (
            f"Después se sumaron más: al {spanish_date(latest.date)} participaban {latest.value} estados; "
            "los documentos no dicen cuáles se sumaron después ni cuándo."
        )
        return with_source(kb, sentences(answer, later), source, latest.source)
    return with_source(kb, answer, source)


def state_from(kb: KnowledgeBase, finder: StateFinder, value: Any, text: str) -> State | None:
    """The state a turn is about: the extracted entity, else a name (or misspelling) in the text."""
    for candidate in value if isinstance(value, list) else [value]:
        if isinstance(candidate, str) and kb.state(candidate):
            return kb.state(candidate)
    found = finder.find(text or "")
    return kb.state(found[0].replace("-", " ")) if found else None


def absent_answer(kb: KnowledgeBase, kind: str) -> str:
    """The states the newest list of a kind does not name: "not in the list", never "no"."""
    lst = _newest(kb, kind)
    named = {state.id for state, _ in kb.members(lst.id)}
    absent = [s.name for s in kb.states if s.id not in named]
    what = "Secretariado Técnico Local (STL)" if kind == "stl" else "Plan de Acción Local (PAL) publicado"
    lead = f"{len(absent)} estados no figuran en la lista de estados con {what} del {spanish_date(lst.date)}"
    said = sentences(listed(lead, absent), "Que no figuren no quiere decir que no participen.")
    return with_source(kb, said, lst.source)


def members_answer(kb: KnowledgeBase, state: State, text: str) -> str | None:
    """«¿Quiénes están en ese secretariado?» of a state: the documents name no one, and say what every
    Secretariado is made of; None when ``text`` does not ask who sits on it."""
    if kb.vocabulary.follow_up(text) != "members" or kb.vocabulary.aspect(text) not in (None, "stl"):
        return None
    return (
        f"Los documentos no nombran a quienes integran el Secretariado Técnico Local de {state.name}. "
        f"Lo que sí dicen de los Secretariados:\n{definition_answer(kb, 'stl')}"
    )


def among_answer(kb: KnowledgeBase, states: list[State], kinds: list[str], year: int | None = None) -> str:
    """«De Sonora, Chihuahua, Coahuila y Nuevo León, ¿cuáles tenían STL y cuáles plan en enero de 2018?»:
    for each list asked (of ``year``, else the newest), which of the states named figure in it and which
    do not (not figuring is not «no»: the documents do not report it)."""
    parts = []
    for kind in kinds:
        lst = kb.list_as_of(kind, year)
        if lst is None:
            continue
        members = {state.id for state, _ in kb.members(lst.id)}
        inside = [state.name for state in states if state.id in members]
        outside = [state.name for state in states if state.id not in members]
        said = f"En la lista de {lst.label} del {spanish_date(lst.date)}"
        found = f"{_figure(inside)} {join_names(inside)}" if inside else "no figura ninguno de ellos"
        missing = f"; no {_figure(outside)} {join_names(outside)}" if inside and outside else ""
        parts.append(Cited(f"{said} {found}{missing}.", (lst.source,)))
    if not parts:
        return ""
    caution = (
        "Que un estado no figure en una lista no quiere decir que no lo tenga: los documentos no lo reportan."
    )
    return closed(kb, [*parts, Cited(caution)])


def _figure(names: list[str]) -> str:
    return "figuran" if len(names) > 1 else "figura"
