"""Follow-ups of a figure («¿y en 2018?», «¿de qué comunicado sale?», «¿y los STL?»), of a list of states
(«¿y cuáles no?», «¿y cuáles se agregaron después?») and of a question the question engine computed
(«¿cuántos son en total?», «¿y en enero de 2018?»)."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase
from knowledge.schema import Observation, State
from knowledge.text import MONTHS, fold
from knowledge.vocabulary import mentions, spans, without

from .figures import (
    asks_difference,
    change_answer,
    figure_answer,
    figure_question_answer,
    figure_source_answer,
    metric_of,
    metrics_named,
    missing_answer,
    month_of,
    percent_answer,
    year_of,
)
from .questions import THEN, added_since_answer, combined_answer, states_meeting
from .sources import cited_in, source_answer
from .state_followups import counts_them_again
from .states import (
    list_answer,
    list_reply,
    participants_answer,
    several_status_answer,
)
from .topic import AGAIN_WORDS, HISTORY, YEAR_ELLIPSIS_WORDS, Answer, Topic, follow_up_of
from .wording import join_names


def each_of(kb: KnowledgeBase, states: list[State], text: str) -> str | None:
    """«¿Y en qué año se sumó cada uno?» after a list of states: that part of each one's status; None when
    the message asks nothing of each of them."""
    aspect = kb.vocabulary.aspect(text)
    if len(states) < 2 or aspect is None or not mentions(kb.vocabulary.context.each_of_them, text):
        return None
    return several_status_answer(kb, states, aspect)


def after_listing(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """Its date or source, what was added since, «¿y cuáles no?», the list of another year, or the other
    list («¿y con plan?»), or something of each state in it («¿y cuándo se sumó cada uno?»)."""
    kind, _, dated = topic.key.partition("@")
    listing = kb.list_as_of(kind, int(dated) if dated.isdigit() else None)
    members = [state for state, _ in kb.members(listing.id)] if listing else []
    if (each := each_of(kb, members, text)) is not None:
        return each, topic
    if (source := _list_source(kb, topic, text)) is not None:
        return source, topic
    if (added := _added_since(kb, topic, text)) is not None:
        return added
    if kb.vocabulary.asks_absence(text):  # «¿y cuáles no?»
        return list_reply(kb, kind, text), Topic("lista", kind)
    if (year := year_of(text)) is not None and of_the_list(kb, kind, text):  # «¿y en 2018 eran cuántos?»
        return list_answer(kb, kind, year), Topic("lista", f"{kind}@{year}")
    counted = metric_of(kb, text)  # «¿y cuántos compromisos tenían esos planes?» after the plans of 2018
    if counted in kb.figures.metrics and counted not in (kind, "estados") and kb.vocabulary.asks_count(text):
        at = year_of(text) or (int(dated) if dated.isdigit() else None)
        return figure_answer(kb, counted, at), Topic.dated("cifra", counted, at)
    if (aspect := kb.vocabulary.aspect(text)) in ("stl", "pal"):
        return list_answer(kb, aspect), Topic("lista", aspect)
    question = text.partition("?")[0]  # «¿Y antes cuántos eran? porque yo tengo apuntado otro número…»
    earlier = not dated and mentions(kb.vocabulary.conditions.earlier_list, question)
    if earlier and counts_them_again(kb, question):  # «¿y antes cuántos eran?» after the newest list
        first = kb.lists_of_kind(kind)[0].date.year
        return list_answer(kb, kind, first), Topic("lista", f"{kind}@{first}")
    if dated and mentions(kb.vocabulary.figure_questions.now, text) and year_of(text) is None:
        return list_answer(kb, kind), Topic("lista", kind)  # «¿y ahorita cuántos son?» after the 2018 list
    if counts_them_again(kb, text):
        # «¿cuántos son en total?»: the list again, which counts them
        return list_answer(kb, kind, int(dated) if dated.isdigit() else None), topic
    return None


_YEAR_WORDS = re.compile(r"\b(?:(?:en|de|del|a|al)\s+)?(?:\w+\s+de\s+)?20[0-3]\d\b")
AGAIN_IN_YEAR_WORDS = 12  # «¿y cómo estaba eso en el comunicado de enero de 2018?»
AGAIN_SAME_WORDS = 20  # «¿Y en el corte de enero de 2018, cuáles estaban en esa situación?»


def asks_again_in_year(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` names a year and is short, or says it asks the same («en esa situación»), as a
    follow-up that asks the last question again of that year."""
    words = len(text.split())
    same = mentions(kb.vocabulary.context.same, text) and words <= AGAIN_SAME_WORDS
    return year_of(text) is not None and (words <= AGAIN_IN_YEAR_WORDS or same)


def asked_again(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` is short enough to ask the last question again («¿cuántos son?»), or says it does
    («¿cuántos estados son en total en esa situación?»)."""
    words = len(text.split())
    return words <= AGAIN_WORDS or (mentions(kb.vocabulary.context.same, text) and words <= AGAIN_SAME_WORDS)


def after_question(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """The question just computed asked again: which ones or how many («¿cuáles son?», «¿cuántos son en
    total?»; its answer counts and names them), or as of another year («¿y en enero de 2018?»); None for
    other messages."""
    words = len(text.split())
    questions = topic.key.split(THEN)
    if (each := each_of(kb, states_meeting(kb, questions), text)) is not None:
        return each, topic  # «¿y en qué año se sumó cada uno?»
    sourced = (
        words <= AGAIN_IN_YEAR_WORDS
        and year_of(text) is None
        and follow_up_of(kb, text) in ("source", "date")
    )
    if sourced and (sources := _sources_of_question(kb, questions)) is not None:
        return sources, topic  # «¿de cuándo es ese dato?», «¿quién lo dijo?»
    asks = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text)
    year = year_of(text)
    # «y de esos, ¿cuáles ya tenían plan en 2020?» filters them further; «¿y de esos cuántos son?» does not
    filters = kb.vocabulary.refers_to_those(text) and (year is not None or words > AGAIN_WORDS)
    # «¿y cuáles dos?» after the states with one plan: another number of plans, not the question again
    other_count = kb.vocabulary.plan_count_of(f"{text} {kb.vocabulary.plan_count.nouns[0]}") is not None
    if (swapped := _aspect_swapped(kb, questions[-1], text)) is not None:
        again = combined_answer(kb, swapped, previous=questions[:-1])
        return (again, Topic("consulta", THEN.join([*questions[:-1], swapped]))) if again else None
    if kb.vocabulary.aspect(text) in ("stl", "pal") or filters or other_count:
        return None
    if year is not None and asks_again_in_year(kb, text) and metric_of(kb, text) in (None, "estados"):
        last = f"{_YEAR_WORDS.sub(' ', fold(questions[-1]))} en {year}"
    elif asks and asked_again(kb, text) and metric_of(kb, text) in (None, "estados"):
        last = questions[-1]
    else:
        return None
    again = combined_answer(kb, last, previous=questions[:-1]) or figure_question_answer(kb, last)
    return (again, Topic("consulta", THEN.join([*questions[:-1], last]))) if again else None


def _aspect_swapped(kb: KnowledgeBase, question: str, text: str) -> str | None:
    """«¿¿y plan de acción publicado??» right after which of the states that joined in 2017 have an STL: the
    question again, of the plans instead of the STL (and the other way round); None when the message is no
    short ellipsis naming only the other of the two, or filters those states further («¿y de esos cuáles
    tienen plan?»)."""
    vocabulary = kb.vocabulary
    asked, before = vocabulary.listed_kind(text), vocabulary.listed_kind(question)
    if asked is None or before is None or asked == before:
        return None
    # «¿Y con Plan de Acción Local publicado a esa misma fecha?»: the words of the other list and of the
    # same date do not count
    said = without(
        [*kb.every_figure_word, *vocabulary.aspects[asked], *vocabulary.context.same_date], fold(text)
    )
    if len(re.findall(r"\w+", said)) > AGAIN_WORDS:
        return None
    if vocabulary.refers_to_those(text) or year_of(text) is not None:
        return None
    if metric_of(kb, text) not in (None, asked):
        return None
    folded = fold(question)
    for start, end in reversed(spans(vocabulary.aspects[before], folded)):
        folded = f"{folded[:start]}{vocabulary.aspects[asked][0]}{folded[end:]}"
    return folded


_SOURCES_LINE = re.compile(r"^Fuente(s?): (.+)$", re.MULTILINE)


def _sources_of_question(kb: KnowledgeBase, questions: list[str]) -> str | None:
    """The sources (with their dates) the answer to the last of ``questions`` was computed from; None when
    it cites none."""
    last = questions[-1]
    again = combined_answer(kb, last, previous=questions[:-1]) or figure_question_answer(kb, last) or ""
    found = _SOURCES_LINE.findall(again)
    if not found:
        return _cited_in(kb, again)  # «México tiene 32 entidades (según el comunicado…)»
    plural, sources = found[-1]
    return f"Esa respuesta sale {'de estas fuentes' if plural else 'de esta fuente'}: {sources}"


def _cited_in(kb: KnowledgeBase, said: str) -> str | None:
    """«Esa respuesta sale de…» the sources an answer cites within its sentences («según el comunicado
    INAI/265/19, 14 de agosto de 2020»), in the order cited; None when it cites none."""
    cited = cited_in(kb, said)
    if not cited:
        return None
    sources = join_names([kb.citation(ref) for ref in cited])
    return f"Esa respuesta sale {'de estas fuentes' if len(cited) > 1 else 'de esta fuente'}: {sources}."


_MONTH_OF = re.compile(rf"\b(?:{'|'.join(MONTHS)})\s+(?:de|del)\b")  # «agosto de» before a year


def of_the_list(kb: KnowledgeBase, kind: str, text: str) -> bool:
    """Whether a message that names a year asks for the list shown, of that year: «¿y en 2018?», or a count
    or «cuáles» of no other figure («¿y en 2018 eran cuántos?»)."""
    if len(_MONTH_OF.sub(" ", fold(text)).split()) <= YEAR_ELLIPSIS_WORDS:  # «¿y en agosto de 2020?» too
        return True
    asks = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text)
    return asks and len(text.split()) <= AGAIN_IN_YEAR_WORDS and metric_of(kb, text) in (None, kind)


def _list_source(kb: KnowledgeBase, topic: Topic, text: str) -> str | None:
    """«¿Y esas de qué fecha son?» after a list: the document it comes from, with its date; None when the
    message asks something else."""
    kind, _, year = topic.key.partition("@")
    listed = kb.list_as_of(kind, int(year) if year.isdigit() else None)
    asks = follow_up_of(kb, text)
    # «¿y esa lista de quién es? fuente y fecha»: who gives it is its source
    return source_answer(kb, listed.source) if listed and asks in ("date", "source", "issuer") else None


def _added_since(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿Y cuáles se agregaron después?» after the list of a year: the states in the newest list of that
    kind and not in that year's; None for other follow-ups."""
    kind, _, shown = topic.key.partition("@")
    words = kb.vocabulary.conditions
    # «¿…después de 2018?» names it; «¿cuáles están en la de 2020 y no en esa?» names the other one
    named = year_of(text)
    year = int(shown) if shown.isdigit() and (named is None or named > int(shown)) else named
    if year is None and not shown and mentions(words.earlier_list, text):  # «…vs esa lista de antes?»
        year = kb.lists_of_kind(kind)[0].date.year
    if year is None or not (mentions(words.added, text) or mentions(words.joined, text)):
        return None  # «se agregaron», «se sumaron», «entraron» to that list
    added = added_since_answer(kb, kind, year)
    return (added, Topic("lista", kind)) if added else None


def after_figure(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """A figure's follow-up: another year («¿y en 2018?»), its history, the document it comes from, or
    another figure asked the same way («¿y los STL?» after the history of the compromisos, or after their
    figure of a year)."""
    metric, _, shown = topic.key.partition("@")
    if metric not in kb.figures.metrics or kb.vocabulary.missing(text) is not None:
        return None  # «y ya que andamos, ¿qué municipios participan?»: no figure, the honest reply
    asks = kb.vocabulary.figure_questions
    if metric in ("stl", "pal") and kb.vocabulary.refers_to_those(text) and mentions(asks.which, text):
        return None  # «de esos, ¿cuáles no tenían plan?» after the STL of 2018: the states of that list
    named = metrics_named(kb, text)  # «¿y autoridades? ¿y organismos garantes?» asks both, the last one too
    others = named if len(named) > 1 else [other for other in named if other != metric]
    if metric in ("stl", "pal") and mentions(asks.which_states, text):
        others = [other for other in others if other != "estados"]  # «¿en qué estados?» lists them
    if others and year_of(text) is None:  # «¿y autoridades? ¿y organismos garantes en ese entonces?»
        found = [said for other in others if (said := _other_figure(kb, other, shown, text)) is not None]
        if len(found) == len(others):
            return "\n".join(said for said, _ in found), found[-1][1]
    if (percent := percent_answer(kb, text, metric)) is not None:  # «…calcúlame el crecimiento en porcentaje»
        return percent, Topic("cifra", f"{metric}@{HISTORY}")
    year = year_of(text)
    newest = mentions(asks.now, text)  # «¿de qué documento sale el dato más reciente?»
    # «¿de qué comunicado sale?», «¿y eso de qué fecha es?», «¿y quién lo emitió?»: the document that gives it
    if follow_up_of(kb, text) in ("source", "date", "issuer"):
        of = others[0] if len(others) == 1 else metric  # «y compromisos cuántos llevaban? ¿a qué fecha?»
        asked = year or (int(shown) if shown.isdigit() and not newest else None)
        valued = _values_named(kb, of, text)  # «¿esos 62 de qué año son?»: the figure of that value
        # «¿de qué comunicado sale lo de los 400?» after the civil-society organisations: the actors'
        other = (
            [m for m in kb.figures.metrics if _values_named(kb, m, text)] if not (valued or others) else []
        )
        if len(other) == 1:
            of, valued, asked = other[0], _values_named(kb, other[0], text), year
        asked = asked or (valued[-1].date.year if valued and valued[-1].date else None)
        return figure_source_answer(kb, of, asked), (Topic("cifra", of) if of != metric else topic)
    if others:  # «¿cuántos estados hay hoy?» after the plans: another figure, read on its own
        return None
    # «¿y cuáles aparecen en la de 2020 que no estaban en esa?» after the STL of 2018
    # «¿cuáles son los nuevos que no estaban en la lista de 2018?» after the newest figure
    # «¿cuáles están en la lista nueva pero no estaban en la de 2018?» after the newest: since the earlier
    dates = [int(shown) if shown.isdigit() else None, year]
    since_year = min((date for date in dates if date), default=None)
    # «…los nuevos que no estaban en la lista de antes»: since the first list
    if metric in ("stl", "pal") and mentions(kb.vocabulary.conditions.earlier_list, text):
        since_year = kb.lists_of_kind(metric)[0].date.year
    added = metric in ("stl", "pal") and since_year and mentions(kb.vocabulary.conditions.added, text)
    # not «…entre una fecha y la otra se publicaron cuántos nuevos?»: how many more (the change below)
    added = added and not (kb.vocabulary.asks_count(text) and not mentions(asks.which, text))
    if added and since_year and (since := added_since_answer(kb, metric, since_year)) is not None:
        return since, Topic("lista", metric)
    history = kb.history(metric)
    latest = history[-1].date if history else None
    if year and latest and shown.isdigit() and int(shown) < year == latest.year and asks_difference(kb, text):
        # «¿y en agosto de 2020 cuántos eran? ¿cuántos más que antes?» after the figure of 2018: the change
        return change_answer(kb, metric, int(shown)), Topic("cifra", f"{metric}@{HISTORY}")
    if year is not None:
        return figure_answer(kb, metric, year, month=month_of(text)), Topic("cifra", f"{metric}@{year}")
    # not «¿y cuáles no?» (those missing, below) nor the states of a year of joining
    plain = not mentions(kb.vocabulary.conditions.joined, text) and not kb.vocabulary.asks_absence(text)
    if metric == "estados" and mentions(asks.which, text) and plain:
        # «¿y cuáles son? pásame la lista» after how many take part: those the documents name, how many not
        year_shown = int(shown) if shown.isdigit() else None
        return participants_answer(kb, year_shown), Topic("cifra", f"estados@{shown}" if shown else "estados")
    if metric in ("stl", "pal") and (mentions(asks.which, text) or mentions(asks.which_states, text)):
        if shown.isdigit():  # «¿y cuáles eran?» after the STL of 2018: that year's list
            return list_answer(kb, metric, int(shown)), Topic("lista", f"{metric}@{shown}")
        if not shown:  # «¿y en qué estados?» after the newest figure of STL: the newest list
            return list_answer(kb, metric), Topic("lista", metric)
        # «¿cuáles son los que se agregaron?» after the history too
        asks_new = mentions(asks.which_changed, text) or mentions(kb.vocabulary.conditions.added, text)
        added = asks_new and shown == HISTORY
        first = kb.lists_of_kind(metric)[0].date.year
        if added and (since := added_since_answer(kb, metric, first)) is not None:
            return since, Topic("lista", metric)  # «¿cuáles fueron?» after how many were installed since
    # «¿cuál es la diferencia entre los dos?», «¿en cuántos planes aumentó la cifra entre ambos comunicados?»,
    # «¿cuántos se sumaron entre una fecha y otra?»: the change from the first value, or from the year shown
    if history and (
        mentions(asks.difference, text) or (asks_difference(kb, text) and kb.vocabulary.asks_count(text))
    ):
        start = int(shown) if shown.isdigit() and latest and int(shown) < latest.year else None
        return change_answer(kb, metric, start), Topic("cifra", f"{metric}@{HISTORY}")
    # «¿Seguro que 21? En mis apuntes tengo 16.»: an older value named against the figure: its history
    older = any(o.value != history[-1].value for o in _values_named(kb, metric, text)) if history else False
    if kb.vocabulary.asks_history(text) or older:
        return figure_answer(kb, metric, history=True), Topic("cifra", f"{metric}@{HISTORY}")
    if shown and mentions(asks.more_or_less, text) and kb.vocabulary.asks_count(text):
        # «¿cuántos compromisos más son?» after their figure of 2018 and of 2020: the change
        return change_answer(kb, metric), Topic("cifra", f"{metric}@{HISTORY}")
    if metric == "estados" and kb.vocabulary.asks_absence(text) and not named:  # «¿y cuáles no?»
        absent = missing_answer(kb, int(shown) if shown.isdigit() else None)
        if absent is not None:
            return absent, topic
    if mentions(kb.vocabulary.figure_questions.now, text):  # «¿y ahora?» after a year's figure: the change
        changed = change_answer(kb, metric, int(shown)) if shown.isdigit() else figure_answer(kb, metric)
        return changed, Topic("cifra", metric)
    return None


def _values_named(kb: KnowledgeBase, metric: str, text: str) -> list[Observation]:
    """The dated observations of a figure whose value ``text`` names («esos 62», «tengo 16»)."""
    return [o for o in kb.history(metric) if o.date and re.search(rf"(?<![\d/]){o.value}(?![\d/])", text)]


BARE_FIGURE_WORDS = 5  # «¿y cuántos organismos garantes?»: a message this short only names the figure


def _other_figure(kb: KnowledgeBase, other: str, shown: str, text: str) -> Answer | None:
    """Another figure asked the way the last one was shown: its change after a change («¿y cuántos PAL
    más?»), its history after a history, its value of the year shown; None otherwise."""
    asks = kb.vocabulary.figure_questions
    if shown == HISTORY and mentions([*asks.more_or_less, *asks.difference], text):
        return change_answer(kb, other), Topic("cifra", f"{other}@{HISTORY}")
    if shown == HISTORY or kb.vocabulary.asks_history(text):  # «¿cuántos compromisos en cada fecha?»
        return figure_answer(kb, other, history=True), Topic("cifra", f"{other}@{HISTORY}")
    if shown.isdigit() and mentions(
        asks.now, text
    ):  # «¿y ahorita cuántos compromisos hay?» after 2018's plans
        return figure_answer(kb, other), Topic("cifra", other)
    if shown.isdigit():
        return figure_answer(kb, other, int(shown)), Topic("cifra", f"{other}@{shown}")
    # «y organismos garantes» after the newest OSC; not «¿cuántas empresas participan?» (no figure of theirs)
    bare = len(text.split()) <= BARE_FIGURE_WORDS and not mentions(asks.which, text) and other != "estados"
    if not shown and bare:
        return figure_answer(kb, other), Topic("cifra", other)
    return None
