"""Abuse of the channels (issue 12, items 8-11 and 14), against the running assistant as `make run` starts
it: what a client sees, and what the tracker store keeps."""

from __future__ import annotations

import http.client
import json
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from common.bounds import BRIDGE_SECRET_HEADER, MAX_SENDER_CHARS, bounded_sender
from common.settings import DEFAULT_MAX_BODY_BYTES
from common.texts import APOLOGY

from ..servers import port_taken, start_assistant

RASA_PORT, ACTIONS_PORT = "5217", "5267"
SECRET = "secreto-de-prueba-del-puente"
OTHER_SITE = "https://otro-sitio.example"
TEN_MB = 10 * 1024 * 1024


@dataclass
class Assistant:
    url: str  # the REST webhook
    tracker: Path  # the SQLite tracker store

    def senders(self) -> set[str]:
        with sqlite3.connect(self.tracker) as db:
            return {row[0] for row in db.execute("SELECT DISTINCT sender_id FROM events")}

    def user_events(self, sender: str) -> list[dict]:
        with sqlite3.connect(self.tracker) as db:
            query = "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id"
            return [json.loads(row[0]) for row in db.execute(query, (sender,))]

    def stored_bytes(self) -> int:
        return sum(path.stat().st_size for path in self.tracker.parent.glob(self.tracker.name + "*"))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Iterator[Assistant]:
    """The running assistant, with a bridge secret, on its own ports and a fresh tracker store."""
    if port_taken(int(RASA_PORT)) or port_taken(int(ACTIONS_PORT)):
        pytest.fail(f"port {RASA_PORT} or {ACTIONS_PORT} is in use: the abuse tests need them")
    tracker = tmp_path_factory.mktemp("tracker") / "tracker.db"
    env = {
        "RASA_PORT": RASA_PORT,
        "ACTIONS_PORT": ACTIONS_PORT,
        "TRACKER_STORE_URL": f"sqlite:///{tracker}",
        "TELEGRAM_BRIDGE_SECRET": SECRET,
        "TELEGRAM_BOT_TOKEN": "",
        "CORS_ORIGINS": "",  # the default: http://localhost:8080 http://127.0.0.1:8080
    }
    server = start_assistant(env, tmp_path_factory.mktemp("logs"))
    yield Assistant(f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook", tracker)
    server.stop()


def post(url: str, body: bytes | dict, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """POST ``body`` (a dict as JSON); the HTTP status and the JSON answer."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def said(replies: list[dict]) -> str:
    return " ".join(reply.get("text") or "" for reply in replies)


def test_a_body_over_the_bound_is_refused_with_413_before_it_is_read(assistant):
    """Only the headers and 1 KB of a 10 MB body are sent: the refusal comes without the rest."""
    before = assistant.stored_bytes()
    connection = http.client.HTTPConnection("127.0.0.1", int(RASA_PORT), timeout=30)
    try:
        connection.putrequest("POST", "/webhooks/rest/webhook")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(TEN_MB))
        connection.endheaders(b'{"sender": "grande", "message": "' + b"x" * 1024)
        reply = connection.getresponse()
        assert reply.status == 413
        assert "demasiado grande" in json.loads(reply.read())["error"]
    finally:
        connection.close()
    assert assistant.stored_bytes() - before < 100_000


def upload(body: dict) -> int | None:
    """POST ``body`` whole; the HTTP status, or None when the server closed the connection before all of it
    was sent (it answers 413 as soon as it reads the length, and a client still sending may not see it)."""
    connection = http.client.HTTPConnection("127.0.0.1", int(RASA_PORT), timeout=60)
    try:
        connection.request(
            "POST", "/webhooks/rest/webhook", json.dumps(body), {"Content-Type": "application/json"}
        )
        return connection.getresponse().status
    except ConnectionError:
        return None
    finally:
        connection.close()


@pytest.mark.parametrize("field", ["sender", "metadata", "message"])
def test_a_10_mb_field_is_refused_and_nothing_is_stored(assistant, field):
    before = assistant.stored_bytes()
    body = {"sender": f"diez-mb-{field}", "message": "hola"}
    body[field] = {"a": "x" * TEN_MB} if field == "metadata" else "x" * TEN_MB
    assert upload(body) in (413, None)
    assert assistant.stored_bytes() - before < 100_000
    assert f"diez-mb-{field}" not in assistant.senders()


def test_a_body_just_under_the_bound_is_answered_with_its_sender_and_metadata_bounded(assistant):
    before = assistant.stored_bytes()
    big = "y" * (DEFAULT_MAX_BODY_BYTES // 3)
    status, replies = post(assistant.url, {"sender": big, "message": "hola", "metadata": {"a": big}})
    assert status == 200 and said(replies).strip()
    assert all(len(sender) <= MAX_SENDER_CHARS for sender in assistant.senders())
    assert assistant.stored_bytes() - before < 100_000  # the metadata is not kept, four times or once
    status, _ = post(assistant.url, {"sender": big, "message": "hola", "metadata": {"pagina": "inicio"}})
    first, second = (event.get("metadata") or {} for event in assistant.user_events(bounded_sender(big)))
    assert status == 200 and "a" not in first and second["pagina"] == "inicio"


def test_a_300_character_sender_keeps_one_bounded_conversation(assistant):
    """On PostgreSQL (a column of 255) a 300-character sender was never stored and lost its context."""
    sender = "s" * 300
    for message in ("hola", "cuantos stl hay"):
        status, replies = post(assistant.url, {"sender": sender, "message": message})
        assert status == 200 and said(replies).strip()
    stored = bounded_sender(sender)
    assert len(stored) <= MAX_SENDER_CHARS and sender not in assistant.senders()
    assert [event["text"] for event in assistant.user_events(stored)] == ["hola", "cuantos stl hay"]


def test_a_telegram_sender_over_rest_needs_the_bridges_secret(assistant):
    for headers in ({}, {BRIDGE_SECRET_HEADER: "adivinado"}):
        for sender in ("telegram:46", "TELEGRAM:46"):
            status, answer = post(assistant.url, {"sender": sender, "message": "hola"}, headers)
            assert status == 403 and "telegram:" in answer["error"]
    assert not {"telegram:46", "TELEGRAM:46"} & assistant.senders()
    status, replies = post(
        assistant.url, {"sender": "telegram:46", "message": "hola"}, {BRIDGE_SECRET_HEADER: SECRET}
    )
    assert status == 200 and said(replies).strip()
    assert [event["text"] for event in assistant.user_events("telegram:46")] == ["hola"]


def socketio_exchange(session: str, message: dict, wait: float = 30) -> tuple[list[str], list[dict]]:
    """Ask for ``session`` over socket.io and send ``message`` in it; the session ids confirmed and what
    the bot utters (within ``wait`` s)."""
    socketio = pytest.importorskip("socketio")
    client = socketio.Client(reconnection=False)
    confirmed: list[str] = []
    received: list[dict] = []
    client.on("session_confirm", lambda session: confirmed.append(session))
    client.on("bot_uttered", lambda data: received.append(data))
    client.connect(f"http://127.0.0.1:{RASA_PORT}", socketio_path="/socket.io", transports=["websocket"])
    try:
        client.emit("session_request", {"session_id": session})
        client.emit("user_uttered", {"session_id": session, **message})
        deadline = time.monotonic() + wait
        while not received and time.monotonic() < deadline and client.connected:
            time.sleep(0.2)
    finally:
        client.disconnect()
    return confirmed, received


def test_a_telegram_session_over_socketio_is_not_the_telegram_persons(assistant):
    confirmed, received = socketio_exchange("telegram:47", {"message": "hola"})
    assert received and received[0]["text"]
    assert confirmed and confirmed[0] != "telegram:47"
    assert "telegram:47" not in assistant.senders() and assistant.user_events(confirmed[0])


def test_socketio_bounds_messages_and_metadata(assistant):
    before = assistant.stored_bytes()
    _, received = socketio_exchange(
        "socket-enorme", {"message": "hola", "metadata": {"a": "x" * 500_000}}, 10
    )
    assert not received and "socket-enorme" not in assistant.senders()  # engine.io closed the connection
    assert assistant.stored_bytes() - before < 100_000
    _, received = socketio_exchange("socket-metadatos", {"message": "hola", "metadata": {"a": "x" * 10_000}})
    assert received and "a" not in (assistant.user_events("socket-metadatos")[0].get("metadata") or {})


def test_a_cross_origin_post_is_refused_and_not_stored(assistant):
    body = json.dumps({"sender": "de-otro-sitio", "message": "hola"}).encode()
    status, answer = post(assistant.url, body, {"Origin": OTHER_SITE, "Content-Type": "text/plain"})
    assert status == 403 and "CORS_ORIGINS" in answer["error"]
    assert "de-otro-sitio" not in assistant.senders()
    status, replies = post(
        assistant.url, {"sender": "del-sitio", "message": "hola"}, {"Origin": "http://localhost:8080"}
    )
    assert status == 200 and said(replies).strip()


def test_the_privacy_notice_does_not_echo_a_hostile_sender(assistant):
    hostile = "<script>alert(1)</script>"
    status, replies = post(assistant.url, {"sender": hostile, "message": "/privacidad"})
    text = said(replies)
    assert status == 200 and "Aviso de privacidad" in text
    assert "<script" not in text and "alert" not in text


def test_an_entity_that_is_an_object_gets_a_normal_reply_and_never_reaches_the_actions(assistant):
    status, replies = post(
        assistant.url, {"sender": "entidad-objeto", "message": '/feedback{"valor": {"x":1}}'}
    )
    assert status == 200 and said(replies).strip() and said(replies) != APOLOGY
    (event,) = assistant.user_events("entidad-objeto")
    assert all(isinstance(entity["value"], str | int | float) for entity in event["parse_data"]["entities"])
