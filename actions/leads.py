"""Where a reply leads: the buttons under it (the links it points to, then follow-up questions), for an
answer and for a reply that could not answer («not in the documents»), which is no dead end either."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from answers.next_steps import links, next_steps
from answers.topic import Topic

from . import resources
from .turn import text_of, topic_of

NOT_FOUND = "not_found"  # the outcome the report counts as a question with no answer


def step_buttons(tracker: Tracker, about: Topic | None) -> list[dict[str, Any]]:
    """Up to three follow-up questions after a reply about ``about`` (not the one just asked), as buttons."""
    steps = next_steps(resources.kb(), about, text_of(tracker))
    return [{"title": step.title, "payload": step.question} for step in steps]


def lead_buttons(tracker: Tracker, about: Topic | None) -> list[dict[str, Any]]:
    """The links an answer about ``about`` points to, then its follow-up questions, as buttons."""
    opened = [{"title": link.title, "payload": link.url} for link in links(resources.kb(), about)]
    return opened + step_buttons(tracker, about)


def unanswered(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
    """Send a reply that did not answer (marked ``not_found`` for the report), with follow-ups in the
    conversation's topic so it is no dead end (no link: it answered nothing to open)."""
    dispatcher.utter_message(text=text, buttons=step_buttons(tracker, topic_of(tracker)), outcome=NOT_FOUND)
