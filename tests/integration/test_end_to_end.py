"""The whole assistant: action server and Rasa started as `make run` starts them, talked to over REST
and socket.io, through the dev conversations."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

from common.texts import APOLOGY, SLOW_DOWN
from knowledge.text import fold

from ..conftest import REPO
from ..servers import answers, socketio_exchange, start_assistant
from .hostile import hostile_messages

CONVERSATIONS = yaml.safe_load(
    (REPO / "tests" / "stories" / "dev_conversations.yml").read_text(encoding="utf-8")
)
UNDERSTANDING = yaml.safe_load(  # issue 11: NLU, combined facts, documents, no answer, context, guardrails
    (REPO / "tests" / "stories" / "dev_understanding.yml").read_text(encoding="utf-8")
)
RASA_PORT, ACTIONS_PORT = "5015", "5065"
BRIDGE_SECRET = "secreto-del-puente-de-prueba"  # how the stand-in bridge proves its telegram: senders
LONG_MESSAGE = "quiero saber sobre gobierno abierto en jalisco " * 130  # over 6,000 characters
SENDERS = {
    **{id(c): f"dev-{i}" for i, c in enumerate(CONVERSATIONS)},
    **{id(c): f"understanding-{i}" for i, c in enumerate(UNDERSTANDING)},
}
PLAYERS = 3  # dev conversations played at once: on two cores, 1.7 times as fast as one at a time
_NO_PARAMS = SimpleNamespace(params={})


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    """The running assistant, on its own ports and a fresh tracker store; stopped after the module."""
    tracker = tmp_path_factory.mktemp("tracker") / "tracker.db"
    env = {
        "RASA_PORT": RASA_PORT,
        "ACTIONS_PORT": ACTIONS_PORT,
        "TRACKER_STORE_URL": f"sqlite:///{tracker}",
        "TELEGRAM_BRIDGE_SECRET": BRIDGE_SECRET,
    }
    server = start_assistant(env, tmp_path_factory.mktemp("logs"))
    yield f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook"
    server.stop()


def say(url: str, sender: str, text: Any) -> list[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        assert reply.status == 200
        return json.loads(reply.read())


@pytest.fixture(scope="module")
def played(assistant, request) -> dict[str, list[list[dict] | Exception]]:
    """Every dev conversation this run selected, played before any is checked: ``PLAYERS`` conversations at
    a time, each as its own sender with its turns in order, so Rasa and the action server keep both cores
    busy. What each turn got (the replies, or the error), by sender."""
    chosen = [
        item.callspec.params["conversation"]
        for item in request.session.items
        if item.module is request.module and "conversation" in getattr(item, "callspec", _NO_PARAMS).params
    ]
    with ThreadPoolExecutor(PLAYERS) as pool:
        return dict(pool.map(lambda conversation: _play(assistant, conversation), chosen))


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["name"] for c in CONVERSATIONS])
def test_dev_conversation(played, conversation):
    _check(conversation, played[SENDERS[id(conversation)]])


def _understanding() -> list:
    """The issue-11 conversations; one marked `pendiente: <why>` is a known failure, expected to fail
    (strictly: once it passes, the mark must go), and `make eval-qa` still counts it."""
    return [
        pytest.param(c, id=c["name"], marks=pytest.mark.xfail(strict=True, reason=c["pendiente"]))
        if c.get("pendiente")
        else pytest.param(c, id=c["name"])
        for c in UNDERSTANDING
    ]


@pytest.mark.parametrize("conversation", _understanding())
def test_dev_understanding(played, conversation):
    _check(conversation, played[SENDERS[id(conversation)]])


def _play(assistant: str, conversation: dict) -> tuple[str, list[list[dict] | Exception]]:
    """Each turn of ``conversation`` said as its sender; the sender and what each turn got."""
    sender = SENDERS[id(conversation)]
    got: list[list[dict] | Exception] = []
    for turn in conversation["turns"]:
        try:
            got.append(say(assistant, sender, LONG_MESSAGE if turn["user"] == "@long" else turn["user"]))
        except Exception as error:  # noqa: BLE001 - kept for the turn's check, which raises it
            got.append(error)
    return sender, got


def _check(conversation: dict, got: list[list[dict] | Exception]) -> None:
    """Each turn of ``conversation`` in order: every `expect` string in the reply it ``got``, no `avoid`
    string, a button for each `buttons` string."""
    for turn, replies in zip(conversation["turns"], got, strict=True):
        if isinstance(replies, Exception):
            raise replies
        said = " ".join(r.get("text") or "" for r in replies)
        assert said.strip(), f"no reply to {turn['user']!r}"
        folded = fold(said)
        for expected in turn.get("expect", []):
            assert fold(expected) in folded, f"{turn['user']!r}: expected {expected!r} in:\n{said}"
        for avoided in turn.get("avoid", []):
            assert fold(avoided) not in folded, f"{turn['user']!r}: did not expect {avoided!r} in:\n{said}"
        titles = [fold(b.get("title") or "") for r in replies for b in r.get("buttons") or []]
        for button in turn.get("buttons", []):
            assert any(fold(button) in title for title in titles), f"{turn['user']!r}: no button {button!r}"
        assert "traceback" not in folded and "exception" not in folded


def test_every_factual_answer_names_its_source(assistant):
    for question in (
        "jalisco tiene stl?",
        "cuantos stl hay",
        "q dice la 3a recomendacion",
        "guia de cocreacion",
        "que es un pal",
        "que es follow the money",
    ):
        said = " ".join(r.get("text") or "" for r in say(assistant, "fuentes", question))
        assert "según" in said.lower() or "fuente" in said.lower(), question


def test_concurrent_senders_each_get_the_answer_to_their_own_question(assistant, kb):
    """Rasa parses in its own thread while the event loop serves other senders: no answer may cross."""
    states = [
        state.name
        for state in kb.states
        if not any(fold(state.name) in fold(other.name) for other in kb.states if other is not state)
    ][:10]
    with ThreadPoolExecutor(len(states)) as pool:
        questions = [(f"a-la-vez-{name}", f"{name} tiene stl?") for name in states]
        replies = list(pool.map(lambda question: say(assistant, *question), questions))
    for name, reply in zip(states, replies, strict=True):
        said = fold(" ".join(r.get("text") or "" for r in reply))
        assert [other for other in states if fold(other) in said] == [name], said


def test_substantive_answers_offer_feedback_buttons(assistant):
    replies = say(assistant, "botones", "cuantos pal hay")
    assert [b["title"] for b in replies[-1]["buttons"]][-2:] == ["👍", "👎"]
    replies = say(assistant, "botones", replies[-1]["buttons"][-1]["payload"])
    assert "Lo tomaremos en cuenta" in replies[0]["text"]


@pytest.mark.parametrize(
    "question",
    [
        "hola q tal",
        "como va jalisco",
        "q dice la 2a recomendacion",
        "guia de cocreacion",
        "que es un stl",
        "cuantos stl hay",
        "que estados tienen plan de accion",
        "contactos",
        "quiero hablar con una persona",
    ],
)
def test_every_next_step_offered_is_answered(assistant, question):
    """A suggestion pressed right after the answer that offered it gets an answer of its own (one that can
    be rated), never a clarification, a refusal or «not in the documents»."""
    offered = [
        b
        for b in say(assistant, f"pasos-{question}", question)[-1].get("buttons") or []
        if not b["payload"].startswith(("/", "http"))
    ]
    assert offered or question.startswith("hola"), question
    for step in offered:
        sender = f"pasos-{question}-{step['title']}"
        say(assistant, sender, question)
        replies = say(assistant, sender, step["payload"])
        rated = [b["title"] for r in replies for b in r.get("buttons") or []][-2:] == ["👍", "👎"]
        assert rated, f"{question!r} → {step['payload']!r}: {[r.get('text') for r in replies]}"


def test_markup_is_never_echoed(assistant):
    replies = say(assistant, "html", "<img src=x onerror=alert(1)> que es un stl")
    assert all("<img" not in (r.get("text") or "") for r in replies)


def test_hostile_messages_all_get_a_reply_and_no_stack_trace(assistant):
    """A few hundred malformed or hostile messages: each one HTTP 200 (asserted by ``say``) and a reply."""
    messages = hostile_messages(300)
    for number, message in enumerate(messages):
        replies = say(assistant, f"fuzz-{number // 10}", message)  # 10 per sender: under the rate limit
        said = " ".join(r.get("text") or "" for r in replies)
        assert said.strip(), f"no reply to message {number}: {message!r:.200}"
        assert not any(word in fold(said) for word in ("traceback", "exception", "error:")), said


@pytest.mark.parametrize(
    "body",
    [
        b"no es json",
        b"[1, 2]",
        b'"hola"',
        b"{}",
        b'{"sender": {"a": 1}}',
        b'{"sender": "cuerpos", "message": "hola", "metadata": "x"}',
    ],
)
def test_a_malformed_body_still_gets_a_reply(assistant, body):
    request = urllib.request.Request(assistant, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        assert reply.status == 200 and json.loads(reply.read())[0]["text"]


def test_socketio_turns_a_message_that_is_not_text_into_text(assistant):
    received = socketio_exchange(RASA_PORT, "socket-numero", 12345)
    assert received and received[0]["text"]


def test_a_sender_over_the_rate_limit_is_asked_to_wait(assistant):
    replies = [say(assistant, "rafaga", "hola") for _ in range(21)]  # the default limit: 20 a minute
    assert all("asistente virtual" in r[0]["text"] for r in replies[:20])
    assert [r.get("text") for r in replies[20]] == [SLOW_DOWN]
    assert "asistente virtual" in say(assistant, "otra-persona", "hola")[0]["text"]


def test_socketio_channel_answers(assistant):
    received = socketio_exchange(RASA_PORT, "socket-prueba", "cuantos stl hay")
    assert received and "21 Secretariados Técnicos Locales" in received[0]["text"]


def test_telegram_bridge_against_the_real_assistant(assistant, kb, monkeypatch):
    """/estado → press a state → its status, from the real Rasa, through a stand-in Bot API."""
    monkeypatch.setenv("TELEGRAM_BRIDGE_SECRET", BRIDGE_SECRET)
    from clients.telegram.app import catalogue
    from clients.telegram.config import Settings as TelegramSettings

    from .telegram_fakes import TOKEN, BridgeThread, FakeBotApi

    states = catalogue(kb)
    rasa_url = assistant.removesuffix("/webhooks/rest/webhook")
    with FakeBotApi() as api:
        settings = TelegramSettings(
            token=TOKEN, api_url=api.base_url, rasa_url=rasa_url, poll_timeout=1, rasa_timeout=30
        )
        with BridgeThread(settings, states):
            api.say(77, "/estado")
            [picker] = api.wait_sent(77, 1)
            jalisco = next(
                b["callback_data"]
                for row in picker["reply_markup"]["inline_keyboard"]
                for b in row
                if b["text"] == "Jalisco"
            )
            api.press(77, picker["result"], jalisco)
            _, status = api.wait_sent(77, 2, timeout=60)
            api.say(77, "y cuantos planes tiene?")
            *_, plans = api.wait_sent(77, 3, timeout=60)
    assert "Jalisco" in status["text"] and "INAI/265/19" in status["text"]
    assert "2 Planes de Acción Local" in plans["text"]


def _listening_addresses(port: str) -> set[str]:
    """The local addresses with a socket listening on ``port``, from /proc/net/tcp and tcp6 (hex)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == int(port):
                found.add(address)
    return found


def test_the_servers_listen_on_loopback_only(assistant):
    loopback = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1, as the kernel shows them
    for port in (RASA_PORT, ACTIONS_PORT):
        addresses = _listening_addresses(port)
        assert addresses and addresses <= loopback, (port, addresses)


def _port_of(process: Path) -> str | None:
    """The ACTIONS_PORT in a process's environment."""
    for variable in (process / "environ").read_bytes().split(b"\0"):
        if variable.startswith(b"ACTIONS_PORT="):
            return variable.split(b"=", 1)[1].decode()
    return None


def _action_server_pids() -> list[int]:
    """The action server of the `assistant` fixture (python -m actions.server, whose environment has
    ACTIONS_PORT) and all its descendants."""
    parents: dict[int, int] = {}
    main = None
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                if b"actions.server" in command and _port_of(entry) == ACTIONS_PORT:
                    main = int(entry.name)
            except (OSError, IndexError, ValueError):
                continue
    assert main is not None, "no action server is running"
    family = [main]
    for pid in family:  # grows while walking: children, grandchildren…
        family.extend(child for child, parent in parents.items() if parent == pid)
    return family


def test_a_killed_action_server_gives_an_apology_then_answers_come_back(assistant):
    say(assistant, "caida", "hola")
    for pid in _action_server_pids():
        os.kill(pid, signal.SIGKILL)
    replies = say(assistant, "caida", "cuantos stl hay")
    assert [r.get("text") for r in replies] == [APOLOGY]
    assert answers(f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/")  # Rasa keeps serving
    deadline = time.monotonic() + 120
    while True:
        said = " ".join(r.get("text") or "" for r in say(assistant, "caida", "cuantos stl hay"))
        if "21 Secretariados Técnicos Locales" in said:
            break
        assert time.monotonic() < deadline, f"answers did not come back: {said!r}"
        time.sleep(2)
