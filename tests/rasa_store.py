"""Rasa 3.6's tracker-store table written by hand, as ``SQLTrackerStore`` writes it
(rasa/core/tracker_store.py, ``SQLEvent``): for the tests and benchmarks that need a store without Rasa."""

from __future__ import annotations

import json
from typing import Any

# the metadata Rasa 3.6 adds to every event it stores
META = {"model_id": "124ca1398a4f48c58c4cab5abf666987", "assistant_id": "gobierno-abierto-cocreacion"}
INDEX = "CREATE INDEX ix_events_sender_id ON events (sender_id)"
INSERT = (
    "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def events_ddl(id_type: str = "INTEGER") -> tuple[str, str]:
    """The statements that create the ``events`` table and its index (``SERIAL`` ids on PostgreSQL)."""
    table = f"""CREATE TABLE events (
    id {id_type} NOT NULL,
    sender_id VARCHAR(255) NOT NULL,
    type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT,
    intent_name VARCHAR(255),
    action_name VARCHAR(255),
    data TEXT,
    PRIMARY KEY (id))"""
    return table, INDEX


def columns(sender: str, event: dict[str, Any]) -> tuple[str, str, float, str | None, str | None, str]:
    """The row Rasa stores for ``event``, in :data:`INSERT`'s order: as ``SQLTrackerStore.save``, the
    intent of its ``parse_data`` and its ``name`` (an action's, a slot's…), then the event as JSON."""
    intent = (event.get("parse_data") or {}).get("intent", {}).get("name")
    return sender, event["event"], event["timestamp"], intent, event.get("name"), json.dumps(event)


def action_event(name: str, at: float, policy: str | None = "RulePolicy") -> dict[str, Any]:
    """An ``action`` event as Rasa stores it."""
    return {
        "event": "action",
        "timestamp": at,
        "metadata": META,
        "name": name,
        "policy": policy,
        "confidence": 1.0,
        "action_text": None,
        "hide_rule_turn": False,
    }


def bot_event(
    text: str, at: float, buttons: list[dict[str, str]] | None = None, **metadata: Any
) -> dict[str, Any]:
    """A ``bot`` event as Rasa stores it: ``text``, ``buttons`` and the reply's own ``metadata``."""
    return {
        "event": "bot",
        "timestamp": at,
        "metadata": {**metadata, **META},
        "text": text,
        "data": {
            "elements": None,
            "quick_replies": None,
            "buttons": buttons,
            "attachment": None,
            "image": None,
            "custom": None,
        },
    }
