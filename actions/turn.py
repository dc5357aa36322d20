"""Reading the turn a tracker holds (the message, its intent and entities, the topic of the last answer)
and the events that keep a reply's topic."""

from __future__ import annotations

import re
from functools import lru_cache

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from answers.figures import metrics_named, year_of
from answers.sources import sources_named
from answers.topic import PASSAGE, Topic
from common.redaction import install_log_redaction
from index import glossary_term
from knowledge import KnowledgeBase
from knowledge.text import fold, without_emoji
from knowledge.vocabulary import bare, first_question, mentions, question_sentence, spans

from . import resources
from .clarify import asked_text

install_log_redaction()  # what people type may be logged: never their e-mail, phone, CURP or RFC

Reply = tuple[str, list[EventType]]


def text_of(tracker: Tracker) -> str:
    """The text of the person's latest message (a year said beside the last answer's as that year:
    :func:`with_year_beside`), without the mark of a numbered item («3) …») or emoji, its
    phone shorthand written out and the
    domain's words spelt right (:meth:`knowledge.KnowledgeBase.spelled_out`: «d q fecha es» → «de que fecha
    es») and its years in full («en el dieciocho» → «en el 2018»), from what follows «ya en serio» when it
    says so and after a first sentence that only acknowledges («Muy bien. ¿Y…?»), without the greetings and
    farewells around it («buenas tardes otra vez y… muchas gracias, hasta luego»), without a last question
    that only doubts the one before («¿…cuántos fueron? ¿Seguro?»), a month of one document
    given its year («¿y en el de marzo?»), a document named by number its date when the message names a
    year too, and a long one from the sentence of its question
    (:func:`without_story`); after a button of a clarification («¿Te refieres a…?»), the question they typed
    before it."""
    read = _read(asked_text(tracker) or tracker.latest_message.get("text") or "")
    return with_year_beside(resources.kb(), read, topic_of(tracker))


def with_year_beside(kb: KnowledgeBase, text: str, topic: Topic | None) -> str:
    """«¿y en el año anterior cuántas fueron?» right after the states of 2017 (a topic of one year): ``text``
    with that year's neighbour («en 2016») in place of the words that point at it; as it is otherwise."""
    shown = (topic.key if topic.kind == "ingreso" else topic.key.partition("@")[2]) if topic else ""
    context = kb.vocabulary.context
    step = -1 if mentions(context.year_before, text) else 1 if mentions(context.year_after, text) else 0
    if not shown.isdigit() or not step or year_of(text) is not None:
        return text
    return _in_place(text, [*context.year_before, *context.year_after], f"en {int(shown) + step}")


def _in_place(text: str, words: list[str], said: str) -> str:
    """``text`` with ``said`` where the first of ``words`` stands in it (``text`` as it is without one)."""
    found = spans(words, fold(text))  # fold keeps every character where it was
    return f"{text[: found[0][0]]}{said}{text[found[0][1] :]}" if found else text


# «3) Comparando ambas listas…», «b) ¿y en 2020?»: the mark of an item of a numbered list of questions
_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}|[a-eA-E])\)\s+")
# «Pregunta rápida: 1) ¿desde qué año…? 2) ¿quién la impulsa?»: the numbers of a numbered list of questions
_NUMBERED = re.compile(r"(?:^|(?<=[\s:;,.?¿]))[1-9]\)\s+")


def _without_numbers(text: str) -> str:
    """``text`` without the marks of a list it numbers from «1)» (they are no figure, nor an ordinal)."""
    marks = _NUMBERED.findall(text)
    return _NUMBERED.sub("", text) if len(marks) > 1 and marks[0].startswith("1") else text


@lru_cache(maxsize=256)
def _read(typed: str) -> str:
    """:func:`text_of` of a message as typed: every reader asks for it, so it is read once."""
    kb = resources.kb()
    # «…joven coma fíjese…»: the marks said aloud written
    marked = kb.vocabulary.with_marks(without_emoji(_ITEM_MARK.sub("", _without_numbers(typed))))
    spelled = kb.with_years_written(kb.spelled_out(marked))
    opened = kb.vocabulary.without_acknowledgement(kb.vocabulary.in_earnest_part(spelled))
    opened = kb.vocabulary.without_doubt(kb.vocabulary.without_courtesy(opened))
    opened = kb.vocabulary.without_years_had(opened)
    dated = kb.with_dates_of_numbers(kb.with_year_of_month(opened))
    return without_story(kb, dated)


STORY_MIN_WORDS = 40  # a message this long may tell a story before it asks


def without_story(kb: KnowledgeBase, text: str) -> str:
    """A long message from the sentence that holds its first question mark on («Fíjese que mi comadre se fue
    a Cancún… y por teléfono me preguntó… Le dije que le iba a preguntar: ¿cuáles estados se sumaron en
    2017?»): the story before it asks nothing, and its words (a phone, a city) would. The whole message
    when it is short, when the question points back at the story («ese año», «allá», «de esos»), names
    nothing («¿Ha crecido mucho?»), or leaves to the story a state, a figure or a document it asks about."""
    question = question_sentence(text)
    story = text[: len(text) - len(question)]
    if len(text.split()) < STORY_MIN_WORDS or not story.strip():
        return text
    words = kb.vocabulary.context
    back = [*words.back, *words.same_date, *words.of_scene, *words.those, *kb.vocabulary.conditions.same_year]
    finder = resources.state_finder()
    if mentions(back, question) or (finder.find(story) and not finder.find(question)):
        return text
    # «…cómo ha cambiado el número de STL y de planes. ¿Ha crecido mucho?»: the question names nothing;
    # «…eran 26 estados… y los compromisos 62. ¿Entonces fueron 30 o 26? ¿y los compromisos?»: the story
    # names a figure the question asks without naming it
    if bare(first_question(question)) or set(metrics_named(kb, story)) - set(metrics_named(kb, question)):
        return text
    # «…citamos el comunicado titulado «Avanza México…». ¿Me indica el número de ese comunicado?»
    if sources_named(kb, story) and len(sources_named(kb, question)) != 1:
        return text
    return question


def intent_of(tracker: Tracker) -> str | None:
    """The intent NLU gave the latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def entity_of(tracker: Tracker, name: str) -> str | None:
    """The first text value of entity ``name`` in the latest message. Any client can send an entity whose
    value is an object or a list (``/feedback{"valor": {"x": 1}}``): such a value counts as absent."""
    return next((v for v in tracker.get_latest_entity_values(name) if isinstance(v, str)), None)


def topic_of(tracker: Tracker) -> Topic | None:
    """The topic of the last answer (slot ``tema``), if it had one."""
    return Topic.parse(tracker.get_slot("tema"))


def last_quoted(tracker: Tracker) -> str | None:
    """The source document the last answer quoted, if it quoted one."""
    topic = topic_of(tracker)
    return topic.document if topic is not None and topic.kind == "documento" else None


def last_passage(tracker: Tracker) -> str | None:
    """The passage of a document the last answer quoted («inai-083-18#4»), if it kept one."""
    topic = topic_of(tracker)
    kept = topic is not None and topic.kind == "documento" and PASSAGE in topic.key
    return topic.key if kept and topic else None


def remember(topic: Topic | None) -> EventType:
    """Keep ``topic`` as the conversation's topic; None clears it (a new topic replaces the old)."""
    return SlotSet("tema", str(topic) if topic else None)


def remembered(topic: Topic) -> list[EventType]:
    """Keep ``topic``, and the slot its kind fills (the recommendation's ordinal, the state, the figure,
    the guide)."""
    slots = {"recomendacion": "ordinal", "estado": "estado", "cifra": "cifra", "guia": "guia"}
    filled = slots.get(topic.kind)
    value = topic.key.partition("@")[0]  # «cifra:compromisos@2018» fills cifra with «compromisos»
    return ([SlotSet(filled, value)] if filled else []) + [remember(topic)]


def with_slots(tracker: Tracker, events: list[EventType]) -> Tracker:
    """A copy of ``tracker`` with the slots ``events`` set."""
    copied = tracker.copy()
    copied.slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
    return copied


def with_text(tracker: Tracker, text: str) -> Tracker:
    """A copy of ``tracker`` whose latest message is ``text`` (one question of a longer message)."""
    copied = tracker.copy()
    copied.latest_message = {**copied.latest_message, "text": text, "entities": []}
    return copied


def last_action(tracker: Tracker) -> str | None:
    """The last action the assistant ran before this message (not ``action_listen``), or None."""
    actions = [event.get("name") for event in tracker.events if event.get("event") == "action"]
    return next((name for name in reversed(actions) if name not in ("action_listen", None)), None)


def previous_question(tracker: Tracker) -> str | None:
    """The message the person wrote before the latest one, or None."""
    earlier = previous_questions(tracker, 1)
    return earlier[0] if earlier else None


def dated_as_before(kb: KnowledgeBase, tracker: Tracker, text: str) -> str:
    """«¿y plan de acción publicado a esa misma fecha?» right after a question that named a year: ``text``
    with the words that point at that date («a esa misma fecha») in place of that year; as it is when it
    names a year or no such words, or the question before named none."""
    same = kb.vocabulary.context.same_date
    year = year_of(previous_question(tracker) or "")
    if year is None or year_of(text) is not None:
        return text
    return _in_place(text, same, f"en {year}")


def previous_questions(tracker: Tracker, count: int) -> list[str]:
    """Up to ``count`` messages the person wrote before the latest one, the nearest first."""
    users = [event for event in reversed(tracker.events) if event.get("event") == "user"]
    return [str(event.get("text") or "") for event in users[1 : count + 1]]


def quoted(source: str | None, passage: str | None = None) -> EventType:
    """Keep the source document a reply quotes as the topic («¿de qué fecha es ese documento?»), with the
    passage it quotes last when it is one of the document's own («¿y qué sigue?»); a dated note on what
    became of INAI keeps that («¿qué medio lo reportó?»), and a term's definition the term («explícamelo
    fácil»)."""
    if source is not None and source not in resources.kb().sources:
        return remember(Topic("contacto", "inai"))
    if passage is not None and (term := glossary_term(passage)) is not None:
        return remember(Topic("definicion", term))
    own = passage is not None and passage.startswith(f"{source}{PASSAGE}")
    return remember(Topic("documento", passage if own and passage else source) if source else None)
