"""The action for national figures: the newest, a year's, or their history."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from answers.context import followup_answer
from answers.figure_questions import asked_figure, new_ones_answer, parts_answer
from answers.figures import (
    asks_change,
    asks_difference,
    date_of_quoted,
    document_figures_answer,
    each_figure_answer,
    figures_asked_answer,
    metric_of,
    metrics_named,
    overview_answer,
    percent_answer,
    several_figures_answer,
    year_of,
    years_of,
)
from answers.questions import THEN, combined_answer, in_year_of, parse, period_of, question_parts
from answers.state_followups import counts_them_again
from answers.states import joined_in_answer, list_reply
from answers.topic import HISTORY, Topic
from knowledge import KnowledgeBase
from knowledge.text import fold, spanish_month
from knowledge.vocabulary import before_aside, mentions

from . import resources
from .base import AnswerAction
from .readers import (
    QUESTION_MAX_CHARS,
    changes_topic,
    computed,
    counted_joining,
    figures_topic,
    first_or_last_joined,
    joined_with,
    of_a_state,
    sharper,
)
from .turn import Reply, entity_of, previous_question, remember, text_of, topic_of, with_text

BARE_FIGURE_WORDS = 3  # «compromisos 2018»: a figure and a year, no more
FOLLOW_UP_WORDS = 8  # «¿y cuántos Planes de Acción Local más?» after a figure's change: no more than this


def figures_reply(kb: KnowledgeBase, tracker: Tracker) -> Reply:
    """The figure the message names, or each part of a two-part question («¿cuántos participan y desde
    cuándo?»), the second part taking the figure of the first when it names none."""
    text = text_of(tracker)
    topic = topic_of(tracker)
    # «cuantos son? cuentalos bien…» right after the states of a year: those, counted (the question, not the
    # aside after it)
    joined = topic is not None and topic.kind == "ingreso" and topic.key.isdigit()
    if joined and topic is not None and counts_them_again(kb, text.partition("?")[0]):
        return joined_in_answer(kb, int(topic.key)), [remember(topic)]
    # «¿y cuáles de ellos tenían plan en agosto de 2020?» after the states of a year or a list: of those
    of_those = topic is not None and topic.kind in ("ingreso", "lista", "consulta")
    # «¿cuántos de esos tienen STL con el dato más reciente?»: those counted, not «¿cuántos compromisos
    # tenían?»
    counted = kb.vocabulary.asks_count(text) and metric_of(kb, text) in (None, "estados", "stl", "pal")
    which = (
        of_those
        and kb.vocabulary.refers_to_those(text)
        and (mentions(kb.vocabulary.figure_questions.which, text) or counted)
    )
    if which and (those := computed(kb, tracker)) is not None:
        return those
    # «¿Y cuántas de ellas lo hicieron en el primer año?» right after how many had joined: of joining
    joining = counted_joining(topic)
    if joining and (first_or_last := first_or_last_joined(kb, text, joining)) is not None:
        return first_or_last
    # «¿y ese año cuántos estados entraron en total?» after a state, or a few that joined the same year
    words = kb.vocabulary.conditions
    same_joining = mentions(words.same_year, text) and mentions(words.joined, text)
    if same_joining and joined_with(kb, topic) is not None and (of_year := computed(kb, tracker)) is not None:
        return of_year
    # «y osea cuántos estados son en total esos?» after a computed list: that list, which counts them
    pointed = kb.vocabulary.context.demonstratives
    if (
        topic is not None
        and topic.kind == "consulta"
        and mentions([*pointed.far, *pointed.near], text)
        and kb.vocabulary.asks_count(text)
        and metric_of(kb, text) in (None, "estados")
        and (again := computed(kb, with_text(tracker, topic.key.split(THEN)[-1]))) is not None
    ):
        return again
    dated = topic.key.partition("@")[2] if topic is not None and topic.kind in ("lista", "cifra") else ""
    if topic is not None and topic.kind == "consulta":  # after «¿cuáles tenían STL y plan en 2018?»
        dated = str(year_of(topic.key.split(THEN)[-1]) or "")
    # «¿y planes de acción publicados ese mismo año cuántos?» after a question of 2018 about a state: its year
    words = kb.vocabulary
    same_year = mentions(words.conditions.same_year, text) and not mentions(words.conditions.joined, text)
    if not dated and same_year and topic is not None and topic.kind == "estado":
        dated = str(year_of(previous_question(tracker) or "") or "")
    past = mentions(kb.vocabulary.context.past, text) and len(text.split()) <= FOLLOW_UP_WORDS
    back = kb.vocabulary.points_back(text, near=False) or past or same_year
    # not «¿Y cuántos STL había en cada fecha?», each date
    if dated.isdigit() and year_of(text) is None and back and not kb.vocabulary.asks_history(text):
        # «¿cuántos compromisos tenían esos planes?», «¿y cuántos compromisos sumaban?» after those of 2018
        text = f"{text} en {dated}"
        tracker = with_text(tracker, text)
    # «¿en cuántos planes estaban esos 62 compromisos?»: of the date of the figure quoted by its value
    those = mentions(kb.vocabulary.context.demonstratives.far, text)
    if year_of(text) is None and those and (when := date_of_quoted(kb, text)) is not None:
        text = f"{text} en {spanish_month(when)}"
        tracker = with_text(tracker, text)
    # «Según el comunicado INAI/002/18, ¿cuántos compromisos contenían los planes a esa fecha?»: of its date
    numbered = kb.numbered_in(text)
    now = mentions(kb.vocabulary.figure_questions.now, text)
    if len(numbered) == 1 and year_of(text) is None and not now and (day := kb.sources[numbered[0]].date):
        text = f"{text} en {spanish_month(day)}"
        tracker = with_text(tracker, text)
    ref = topic.document if topic is not None and topic.kind == "documento" else None
    reported = ref in kb.sources and year_of(text) is None and mentions(kb.vocabulary.documents.reports, text)
    # «¿y cuántos reporta el comunicado más reciente?» names another
    reported = reported and (
        not mentions(kb.vocabulary.documents.kind_words, text) or kb.vocabulary.points_back(text, near=False)
    )
    if reported and ref and (given := document_figures_answer(kb, ref, text)) is not None:
        return given, [remember(topic)]  # «¿cuántos planes y cuántos compromisos reporta?» of that document
    short = len(text.split()) <= FOLLOW_UP_WORDS and year_of(text) is None
    # «¿Entonces cuántos compromisos más hay de un año al otro? Lo voy a usar…» after their two dates
    metric, _, shown = topic.key.partition("@") if topic is not None else ("", "", "")
    again = shown == HISTORY and asks_difference(kb, text) and metric_of(kb, text) in (None, metric)
    short = short or (again and year_of(text) is None)
    if (
        topic is not None
        and topic.kind == "cifra"
        and short
        and (followed := followup_answer(kb, topic, text))
    ):
        return followed[0], [SlotSet("cifra", followed[1].key.partition("@")[0]), remember(followed[1])]
    # «¿en qué porcentaje crecieron los PAL entre enero 2018 y agosto 2020?»: the change in percent, before
    # the states new to the list
    if (percent := percent_answer(kb, text, tracker.get_slot("cifra"))) is not None:  # «…en porcentaje»
        # «¿de qué comunicado sale ese dato?» may follow
        shared = metric_of(kb, text) or tracker.get_slot("cifra")
        return percent, [remember(Topic("cifra", shared) if shared in kb.figures.metrics else None)]
    if (new_ones := new_ones_answer(kb, text)) is not None:  # «¿cuántos STL nuevos hubo…? ¿y cuáles son?»
        return new_ones, [remember(Topic("consulta", text[:QUESTION_MAX_CHARS]))]
    parts = question_parts(kb, text)
    # «¿cuántos estados tienen STL pero ningún plan? Deme el conteo y la lista», «¿qué estados tienen STL
    # pero ningún plan? y ¿cuántos son en total?»: the states, which the answer counts
    counts_states = "estados" in metrics_named(kb, text)  # checked before the parse, which costs more
    kinds = [condition.kind for condition in parse(kb, text).conditions] if counts_states else []
    # «de las entidades que se sumaron en 2015, ¿cuántas contaban con STL en agosto de 2020?»: those too
    # not «Dame las cifras … de estados, secretariados y compromisos, y aparte las de 2018»: figures
    joining = (
        "joined" in kinds and len(kinds) > 1 and not mentions(kb.vocabulary.figure_questions.nouns, text)
    )
    denied = "denied" in kinds or joining
    counted = len(parts) > 1 and mentions(kb.vocabulary.figure_questions.which, parts[0])
    counted = counted and all(metric_of(kb, part) is None for part in parts[1:])
    if (denied or counted) and (states := combined_answer(kb, text)) is not None:
        return states, [remember(Topic("consulta", text[:QUESTION_MAX_CHARS]))]
    kind = metric_of(kb, text)
    in_states = mentions(kb.vocabulary.figure_questions.which_states, text) or mentions(
        kb.vocabulary.figure_questions.which, text
    )
    if kind in ("stl", "pal") and in_states and kb.vocabulary.asks_count(text):
        # «¿cuántos planes había en enero de 2018 y en qué estados?»: the list, which counts them too; «¿en
        # cuántos estados había planes a principios de 2018, y en cuántos en agosto de 2020?»: each
        years = sorted(set(years_of(text)))
        if len(years) == 2:
            return "\n\n".join(list_reply(kb, kind, text, year) for year in years), [remember(None)]
        year = year_of(text)
        listed = Topic.dated("lista", kind, year)
        return list_reply(kb, kind, text, year), [remember(listed)]
    if (several := several_figures_answer(kb, text)) is not None:  # «¿cuántos STL y PAL en 2018 y en 2020?»
        return several, [remember(changes_topic(kb, text))]
    if (together := figures_asked_answer(kb, text)) is not None:  # «dame las cifras de estados, STL y…»
        return together, [remember(None)]
    if len(parts) == 1 and (each := each_figure_answer(kb, text)) is not None:  # «¿cuántos STL y PAL hay?»
        return each, [remember(figures_topic(kb, text))]  # «¿en qué estados?» may follow
    last = tracker.get_slot("cifra")
    if last is None and topic is not None and topic.kind == "definicion" and topic.key in kb.figures.metrics:
        last = topic.key  # «¿Y cuántos de ellos se habían publicado a inicios de 2018?» after what a PAL is
    if len(parts) > 1:
        reply, over_time = parts_answer(kb, parts, last)
        if over_time is not None:  # «¿y compromisos?» may follow
            return reply, [SlotSet("cifra", over_time), remember(Topic("cifra", f"{over_time}@{HISTORY}"))]
        return reply, [remember(figures_topic(kb, text))]
    hint = entity_of(tracker, "anio")
    reply, metric = asked_figure(kb, text, last, hint)
    if reply == overview_answer(kb) and (sharpened := sharper(kb, tracker, reply)) is not None:
        return sharpened  # «ese comunicado habla de una Cumbre, ¿fue en mayo?»: no figure, the documents
    changed = asks_change(kb, text)  # «¿cuántos más había en agosto de 2020 que en enero de 2018?»
    if metric is None:
        metric = metric_of(kb, text) if changed or period_of(kb, text) else None  # a computed change
        if metric not in kb.figures.metrics:  # a computed answer: «¿y cuáles?» may follow it
            return reply, [remember(Topic("consulta", text[:QUESTION_MAX_CHARS]))]
        return reply, [SlotSet("cifra", metric), remember(Topic("cifra", f"{metric}@{HISTORY}"))]
    year = year_of(hint or text)
    # «según el INAI/002/18, ¿cuántos hay ahora?»: «¿y cuáles de ellos…?» of 2018
    numbered = kb.years_numbered(text)
    year = year or (numbered[0] if len(numbered) == 1 and not changed else None)
    key = f"{metric}@{year}" if year else f"{metric}@{HISTORY}" if changed else metric
    return reply, [SlotSet("cifra", metric), remember(Topic("cifra", key))]


class ActionCifras(AnswerAction):
    action_name = "action_cifras"
    honest_first = True

    def respond(self, kb: KnowledgeBase, tracker: Tracker) -> Reply:
        return of_a_state(kb, tracker) or figures_reply(kb, tracker)


def counted(kb: KnowledgeBase, tracker: Tracker) -> Reply | None:
    """A count of one of the figures (or «la cifra» of one) that NLU did not take for a figure question
    («tmb kiero saber cuantos compromisos hay porfa»), answered as one; None when the message asks no count
    of a figure, names a state, or asks for something the documents never give."""
    text = text_of(tracker)
    # «…requiero la cifra más reciente de STL…» asks for it as surely as «¿cuántos STL hay?», and so does a
    # bare «compromisos 2018»
    bare = len(text.split()) <= BARE_FIGURE_WORDS and year_of(text) is not None
    asks = kb.vocabulary.asks_count(text) or mentions(kb.vocabulary.figure_questions.nouns, text) or bare
    if not asks or metric_of(kb, text) not in kb.figures.metrics:
        return None
    # «¿cuántas entidades participan…? Le pido la cifra y la fecha del documento»: the aside asks no link
    asks_link = kb.vocabulary.asks_link(before_aside(text))
    if resources.state_finder().find(text) or kb.vocabulary.missing(text) or asks_link:
        return None
    topic = topic_of(tracker)
    # «…se sumaron ese mismo año» after a state: of its year, the states (the question engine's)
    joined = joined_with(kb, topic)
    if joined is not None and in_year_of(kb, text, joined) != fold(text):
        return None
    if len(parse(kb, text).conditions) > 1:  # «…se sumaron en 2015, tienen STL y plan. ¿Cuántos son?»: states
        return None
    return figures_reply(kb, tracker)
