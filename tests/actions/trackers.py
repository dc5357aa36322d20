"""Small fixtures for action tests: a Tracker for one user turn, and running an action on it."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


def turn(
    text: str,
    intent: str,
    entities: dict[str, str] | None = None,
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    before: list[str] | None = None,
) -> Tracker:
    """The tracker right after a person wrote ``text``, understood as ``intent`` with ``entities``, having
    written ``before`` first."""
    return Tracker(
        sender_id="prueba",
        slots=dict(slots or {}),
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 0.99},
            "intent_ranking": [{"name": intent, "confidence": 0.99}],
            "entities": [{"entity": name, "value": value} for name, value in (entities or {}).items()],
        },
        events=[{"event": "user", "text": said} for said in [*(before or []), text]] if before else [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run(action: Action, tracker: Tracker, domain: dict | None = None) -> tuple[list[dict], list[dict]]:
    """Run ``action``; return (events, messages) as Rasa would receive them."""
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, domain or {})
    events = asyncio.run(result) if inspect.isawaitable(result) else result
    return events, dispatcher.messages


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text") for m in messages]


def reply_text(
    action: Action,
    text: str,
    intent: str,
    entities: dict[str, str] | None = None,
    slots: dict[str, Any] | None = None,
) -> str:
    """The texts ``action`` sends to one turn (``text`` understood as ``intent`` with ``entities``, after
    ``slots``), joined a line each."""
    return "\n".join(t or "" for t in texts(run(action, turn(text, intent, entities, slots))[1]))


def said_to(action: Action, tracker: Tracker) -> str:
    """The texts ``action`` sends to ``tracker``, joined a line each."""
    return "\n".join(text or "" for text in texts(run(action, tracker)[1]))
