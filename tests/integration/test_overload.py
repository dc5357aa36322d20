"""Abuse and overload against the running assistant, as a client sees them: sender ids rotated from one
client address are refused past the address's limit (REST and socket.io, the address named by a trusted
proxy header), and a burst of senders past MAX_TURNS_IN_PROGRESS gets «hay mucha demanda» at once, turns
neither processed nor stored."""

from __future__ import annotations

import json
import sqlite3
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from common.texts import BUSY, SLOW_DOWN

from ..servers import socketio_exchange, start_assistant

RASA_PORT, ACTIONS_PORT = "5219", "5269"
ADDRESS_LIMIT = 3  # a burst of 3, then one every 20 s: no refill while a test runs
BOUND = 2  # turns in progress at once
BURST = 30  # senders at the same instant


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    """The assistant behind a (pretend) proxy that writes X-Forwarded-For, with small limits."""
    tracker = tmp_path_factory.mktemp("tracker") / "tracker.db"
    env = {
        "RASA_PORT": RASA_PORT,
        "ACTIONS_PORT": ACTIONS_PORT,
        "TRACKER_STORE_URL": f"sqlite:///{tracker}",
        "TRUSTED_PROXY_HEADER": "X-Forwarded-For",
        "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": str(ADDRESS_LIMIT),
        "MAX_TURNS_IN_PROGRESS": str(BOUND),
        "TURN_WAIT_MS": "50",
    }
    server = start_assistant(env, tmp_path_factory.mktemp("logs"))
    yield f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook", tracker
    server.stop()


def say(url: str, sender: str, text: str, forwarded_for: str | None = None) -> list[str]:
    """One REST message (through the pretend proxy when ``forwarded_for``); the texts of the replies."""
    headers = {"Content-Type": "application/json"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as reply:
        return [message.get("text") for message in json.loads(reply.read())]


def test_rotating_sender_ids_from_one_address_are_refused_past_its_limit(assistant):
    url, _ = assistant
    # each message a new sender id and a new address made up on the left; the proxy's entry is the same
    replies = [
        say(url, f"rotativo-{n}", "hola", f"10.9.0.{n}, 198.51.100.7") for n in range(ADDRESS_LIMIT + 3)
    ]
    assert all(SLOW_DOWN not in said and said for said in replies[:ADDRESS_LIMIT])
    assert replies[ADDRESS_LIMIT:] == [[SLOW_DOWN]] * 3
    assert SLOW_DOWN not in say(url, "vecino", "hola", "198.51.100.8")  # another address has its own limit


def _socketio_says(session: str, text: str, forwarded_for: str) -> list[str]:
    """One socket.io message through the pretend proxy; the text of the first reply."""
    received = socketio_exchange(RASA_PORT, session, text, headers={"X-Forwarded-For": forwarded_for})
    return [data.get("text") for data in received[:1]]


def test_rotating_socketio_sessions_from_one_address_are_refused_past_its_limit(assistant):
    replies = [
        _socketio_says(f"sesion-rotativa-{n}", "hola", "198.51.100.9") for n in range(ADDRESS_LIMIT + 2)
    ]
    assert all(said and said != [SLOW_DOWN] for said in replies[:ADDRESS_LIMIT])
    assert replies[ADDRESS_LIMIT:] == [[SLOW_DOWN]] * 2


def _stored_senders(tracker: Path) -> set[str]:
    with sqlite3.connect(f"file:{tracker}?mode=ro", uri=True) as db:
        return {sender for (sender,) in db.execute("SELECT DISTINCT sender_id FROM events")}


def test_a_burst_past_the_bound_is_told_of_the_demand_and_those_turns_are_not_stored(assistant):
    url, tracker = assistant
    senders = [f"rafaga-{n}" for n in range(BURST)]
    with ThreadPoolExecutor(BURST) as pool:
        replies = dict(
            zip(senders, pool.map(lambda sender: say(url, sender, "cuantos stl hay"), senders), strict=True)
        )
    refused = {sender for sender, said in replies.items() if said == [BUSY]}
    answered = set(senders) - refused
    assert refused and len(answered) >= BOUND
    assert all("Secretariados Técnicos Locales" in " ".join(replies[sender]) for sender in answered)
    stored = _stored_senders(tracker)
    assert answered <= stored and not refused & stored
