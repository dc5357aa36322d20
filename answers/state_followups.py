"""Follow-ups of a state («¿y en 2018?», «¿y cuántos planes?», «¿de qué documento sale eso?»), of a few
states («¿y cuál se sumó primero?») and of the states that joined in a year («¿y al año siguiente?»)."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase
from knowledge.schema import State
from knowledge.text import fold
from knowledge.vocabulary import mentions

from .figures import (
    PER_STATE,
    metric_of,
    national_only,
    national_only_answer,
    year_of,
)
from .sources import sources_answer
from .states import (
    affirmed,
    first_listed_answer,
    joined_in_answer,
    members_answer,
    not_why,
    several_status_answer,
    status_answer,
    status_in_year,
    status_then_and_now,
    undated_answer,
    undated_joining_answer,
)
from .topic import AGAIN_WORDS, STATES_SEPARATOR, YEAR_ELLIPSIS_WORDS, Answer, Topic, follow_up_of

SAME_YEAR_WORDS = 10  # «¿y cuántos fueron en total ese año?»: no longer


def counts_them_again(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` asks how many the states just listed are («¿cuántos son?», «¿y cuántos fueron en
    total ese año?»), not another figure nor another year («¿Y en 2016 cuántos fueron?»)."""
    if year_of(text) is not None or _short_year(text) is not None:
        return False
    words = len(text.split())
    short = words <= AGAIN_WORDS or (
        words <= SAME_YEAR_WORDS and mentions(kb.vocabulary.conditions.same_year, text)
    )
    return short and kb.vocabulary.asks_count(text) and metric_of(kb, text) in (None, "estados")


ANOTHER_YEAR_WORDS = 7  # «y en el 2015 cuántos fueron»: no longer


def counts_another_year(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` asks, briefly, how many or which states joined in a year it names («¿Y en 2016
    cuántos fueron?», «y en el 2016 cuáles»), right after the states of another year."""
    asks = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.which, text)
    short = len(text.split()) <= ANOTHER_YEAR_WORDS and asks
    return short and metric_of(kb, text) in (None, "estados") and year_of(text) is not None


# «¿y en el 17?», «¿y los del 16?» right after the states of a year: a year of the initiative in two digits
_SHORT_YEAR = re.compile(r"\b(?:el|del|en)\s+'?(1[5-9]|20)\b")


def _short_year(text: str) -> int | None:
    found = _SHORT_YEAR.search(fold(text))
    return 2000 + int(found.group(1)) if found else None


def after_joined(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y al año siguiente?», «¿y en 2015?» after the states that joined in 2016."""
    if not topic.key.isdigit():
        return None
    joined = int(topic.key)
    if follow_up_of(kb, text) in ("source", "date"):  # «¿de qué comunicado sacaste eso y de qué año es?»
        return sources_answer(kb, [kb.joined_source()]), topic
    if counts_them_again(kb, text):  # «¿cuántos son?», not «¿cuántos STL hay ahorita?»
        return joined_in_answer(kb, joined), topic
    first = text.partition("?")[0]  # «y en 2016? lista completa»: the question that names the year
    asked = first if year_of(first) is not None else text
    short = len(asked.split()) <= YEAR_ELLIPSIS_WORDS or counts_another_year(kb, text)
    year = (year_of(asked) or _short_year(asked)) if short else None
    # the next or the previous year, or, short, the last any state joined in («¿y la última?»; not «…según
    # lo último que hay»)
    moved = year or kb.vocabulary.step(text, joined, kb.joined_years()[-1] if short else joined)
    if moved is None or moved == joined:
        return None
    return joined_in_answer(kb, moved), Topic("ingreso", str(moved))


_YEAR_WORD = re.compile(r"\bano\b")


def cohort_of(kb: KnowledgeBase, state: State, text: str) -> Answer | None:
    """«¿quién más ese año?», «¿y al año siguiente?» right after a state: the states that joined the year
    it did, or the year after (before); None when the message asks another aspect, names no such year or
    the documents give no year for the state."""
    if state.joined is None or kb.vocabulary.aspect(text) not in (None, "ingreso"):
        return None
    year = state.joined.year
    # «¿qué estados entraron a la iniciativa junto con Tlaxcala?»: a year named asks something else
    along = mentions(kb.vocabulary.conditions.along_with, text) and year_of(text) is None
    if not (mentions(kb.vocabulary.conditions.same_year, text) or along):
        # «¿y al año siguiente?», not «¿y la siguiente?» (a recommendation's word)
        short = len(text.split()) <= YEAR_ELLIPSIS_WORDS and _YEAR_WORD.search(fold(text)) is not None
        moved = kb.vocabulary.step(text, year, year) if short else None
        if moved is None or moved == year:  # «la última»: no year of a state
            return None
        year = moved
    return joined_in_answer(kb, year), Topic("ingreso", str(year))


def after_states(kb: KnowledgeBase, topic: Topic, text: str) -> Answer | None:
    """«¿y cuál se sumó primero?» after a few states: each of them."""
    states = [state for name in topic.key.split(STATES_SEPARATOR) if (state := kb.state(name))]
    aspect = kb.vocabulary.aspect(text) or ("ingreso" if kb.vocabulary.asks_when(text) else None)
    if len(states) < 2 or aspect is None:
        return None
    return several_status_answer(kb, states, aspect), topic


def of_the_country(kb: KnowledgeBase, state: State, text: str, last: str | None = None) -> str | None:
    """«¿Cuántos compromisos tiene ese plan?» of a state: the documents give that figure for the country
    only, said so with it (after the part of the state's status the message asks, if any); None when the
    message asks no such figure. ``last``: the figure just answered, which «y de esos, ¿cuántos son de
    Coahuila?» counts."""
    metric = national_only(kb, text)
    those = last is not None and metric_of(kb, text) is None and kb.vocabulary.refers_to_those(text)
    if metric is None and those and kb.vocabulary.asks_count(text) and last not in PER_STATE:
        metric = last
    if metric is None:
        return None
    said = national_only_answer(kb, metric, state.name, text)
    aspect = kb.vocabulary.aspect(text)
    return f"{status_answer(kb, state, aspect)}\n{said}" if aspect in ("stl", "pal", "ingreso") else said


def after_state(kb: KnowledgeBase, topic: Topic, text: str, strict: bool) -> Answer | None:
    """A part of the state's status («¿y cuántos planes?»), or its status in a year («¿y en 2018?»)."""
    if (state := kb.state(topic.key)) is None:
        return None
    if (cohort := cohort_of(kb, state, text)) is not None:  # «¿quién más ese año?», «¿y al año siguiente?»
        return cohort
    if (countrywide := of_the_country(kb, state, text)) is not None:  # «¿cuántos compromisos tiene ese plan?»
        return countrywide, topic
    aspect = kb.vocabulary.aspect(text)
    # «¿en cuál comunicado aparece por primera vez con STL?»
    if (first := first_listed_answer(kb, state, text)) is not None:
        return first, topic
    ellipsis = len(text.split()) <= YEAR_ELLIPSIS_WORDS or kb.vocabulary.of_one(text)
    national = kb.vocabulary.national(text)
    if (year := year_of(text)) is not None and aspect != "ingreso" and ellipsis and not national:
        # «¿y en 2018?», «¿y cuántos tenía en 2018?»; «¿y su STL ya estaba para 2018?»: the newest list too
        # where it says otherwise
        checked = aspect in ("stl", "pal") and kb.vocabulary.asks_yes_or_no(text)
        said = (
            status_then_and_now(kb, state, year, aspect)
            if checked
            else status_in_year(kb, state, year, aspect)
        )
        return affirmed(kb, state, text, aspect, year) + said, topic
    if (members := members_answer(kb, state, text)) is not None:  # «¿quiénes están en ese secretariado?»
        return members, topic
    if mentions(kb.vocabulary.exact_day, text):  # «¿y desde qué día lo tiene?»: a day no document gives
        joined = mentions(kb.vocabulary.conditions.joined, text)
        return (undated_joining_answer(kb, state) if joined else undated_answer(kb, state)), topic
    if mentions(kb.vocabulary.why, text):  # «y ¿POR QUÉ no tiene secretariado técnico?»: no reason given
        return f"{status_answer(kb, state, aspect)} {not_why(state)}", topic
    if strict and aspect is None and kb.vocabulary.follow_up(text) not in ("back", "source"):
        return None  # «¿de qué documento sale eso?»: the status, which names its sources
    return affirmed(kb, state, text, aspect) + status_answer(kb, state, aspect), topic
