"""Faults injected into a running `make run` (python -m ops.serve), with the Telegram bridge (talking to a
stand-in Bot API) and the widget's page: what a person reads, and when, while a server is killed or frozen,
and that nothing outlives the launcher."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from common.texts import APOLOGY

from ..servers import (
    Process,
    answers,
    assistant_missing,
    port_taken,
    skip_or_fail,
    socketio_exchange,
    start_assistant,
)
from .telegram_fakes import TOKEN, FakeBotApi

RASA_PORT, ACTIONS_PORT, WIDGET_PORT = 5221, 5271, 8221
APOLOGY_WITHIN_S = 10  # the bound: a person reads the apology in at most this
BACK_WITHIN_S = 30  # … and the action server answers again within this
RASA_BACK_WITHIN_S = 120  # Rasa loads its model again when it is restarted
GONE_WITHIN_S = 10


def _env(tmp_path: Path, api: FakeBotApi, rasa_port: int, actions_port: int, widget_port: int) -> dict:
    return {
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "WIDGET_PORT": str(widget_port),
        "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'tracker.db'}",
        "RATE_LIMIT_PER_MINUTE": "0",
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_URL": api.base_url,
    }


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake  # type: ignore[misc]


@pytest.fixture(scope="module")
def launcher(tmp_path_factory, api) -> Iterator[Process]:
    """The assistant as `make run` starts it, with Telegram and the widget; stopped after the module."""
    tmp = tmp_path_factory.mktemp("faults")
    server = start_assistant(_env(tmp, api, RASA_PORT, ACTIONS_PORT, WIDGET_PORT), tmp)
    yield server
    server.stop()


def say(sender: str, text: str, port: int = RASA_PORT) -> tuple[str, float]:
    """What the assistant answers over REST, as one text, and how many seconds it took."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=120) as reply:
        replies = json.loads(reply.read())
    return " ".join(r.get("text") or "" for r in replies), time.monotonic() - started


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _processes() -> dict[int, tuple[int, int, str]]:
    """Every process: pid → (parent, session, command line)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = _stat(int(entry.name))
                if stat[0] == "Z":
                    continue
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except (OSError, IndexError):
                continue
            found[int(entry.name)] = (int(stat[1]), int(stat[3]), command)
    return found


def child(launcher: Process, module: str) -> int:
    """The pid of the launcher's server running ``module``."""
    for pid, (parent, _, command) in _processes().items():
        if parent == launcher.process.pid and f"-m {module}" in command:
            return pid
    raise AssertionError(f"the launcher runs no {module}")


def _until(check, within: float, what: str):
    deadline = time.monotonic() + within
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, f"{what} not within {within} s"
        time.sleep(1)


def _answers_again(within: float) -> None:
    def answered() -> bool:
        try:
            return "Secretariados Técnicos Locales" in say("vuelve", "cuantos stl hay")[0]
        except OSError:  # Rasa is starting again: its port is closed
            return False

    _until(answered, within, "answers")


def test_ready_only_when_rasa_and_the_action_server_answer(launcher):
    with urllib.request.urlopen(f"http://127.0.0.1:{RASA_PORT}/webhooks/ready/", timeout=10) as reply:
        assert json.loads(reply.read()) == {"status": "ready"}
    actions = child(launcher, "actions.server")
    os.kill(actions, signal.SIGSTOP)
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{RASA_PORT}/webhooks/ready/", timeout=10)
        assert refused.value.code == 503
        assert json.loads(refused.value.read())["falta"] == ["servidor de acciones"]
    finally:
        os.kill(actions, signal.SIGCONT)


def socketio_says(session: str, text: str) -> tuple[str, float]:
    """What the assistant answers over socket.io, as the widget asks, and how many seconds it took."""
    started = time.monotonic()
    received = socketio_exchange(RASA_PORT, session, text)
    return " ".join(data.get("text") or "" for data in received), time.monotonic() - started


def telegram_says(api: FakeBotApi, chat: int, text: str) -> tuple[str, float]:
    """What the Telegram bridge sends back to ``chat``, and how many seconds it took."""
    before = len(api.sent(chat))
    started = time.monotonic()
    api.say(chat, text)
    sent = api.wait_sent(chat, before + 1, timeout=60)
    return sent[-1]["text"], time.monotonic() - started


@pytest.mark.parametrize(("fault", "chat"), [("killed", 61), ("frozen", 62)])
def test_an_action_server_fault_gives_a_quick_apology_in_every_channel_then_answers_come_back(
    launcher, api, fault, chat
):
    say("falla", "hola")
    time.sleep(3)  # a server that has been answering, as the launcher sees it (probes every second)
    actions = child(launcher, "actions.server")
    os.kill(actions, signal.SIGKILL if fault == "killed" else signal.SIGSTOP)
    with ThreadPoolExecutor(2) as pool:  # the three channels at once, while the action server is down
        rest = pool.submit(say, "falla", "cuantos stl hay")
        telegram = pool.submit(telegram_says, api, chat, "cuantos stl hay")
        socket = socketio_says(f"falla-{fault}", "cuantos stl hay")  # its client's threads want the main one
        replies = {"REST": rest.result(), "socket.io": socket, "Telegram": telegram.result()}
    for channel, (text, took) in replies.items():
        assert (channel, text) == (channel, APOLOGY)
        assert took <= APOLOGY_WITHIN_S, channel
    _answers_again(BACK_WITHIN_S)
    assert child(launcher, "actions.server") != actions


def test_a_killed_rasa_is_restarted_while_the_other_channels_keep_serving(launcher, api):
    assert "Jalisco" in say("sigue", "jalisco tiene stl?")[0]
    bridge = child(launcher, "clients.telegram")
    os.kill(child(launcher, "channels.rasa_main"), signal.SIGKILL)
    assert answers(f"http://127.0.0.1:{WIDGET_PORT}/")  # the widget's page is still served
    _answers_again(RASA_BACK_WITHIN_S)
    assert "Jalisco se sumó" in say("sigue", "y desde cuando?")[0]  # the conversation goes on
    assert child(launcher, "clients.telegram") == bridge  # the bridge was not stopped with Rasa
    api.say(71, "cuantos stl hay")
    sent = api.wait_sent(71, 1, timeout=60)
    assert "Secretariados Técnicos Locales" in sent[-1]["text"]


def test_a_killed_telegram_bridge_is_restarted_and_the_web_keeps_serving(launcher, api):
    bridge = child(launcher, "clients.telegram")
    os.kill(bridge, signal.SIGKILL)
    assert "Secretariados Técnicos Locales" in say("web", "cuantos stl hay")[0]
    _until(lambda: child_or_none(launcher, "clients.telegram") not in (None, bridge), 30, "a new bridge")
    api.say(72, "cuantos stl hay")
    assert "Secretariados Técnicos Locales" in api.wait_sent(72, 1, timeout=60)[-1]["text"]


def child_or_none(launcher: Process, module: str) -> int | None:
    try:
        return child(launcher, module)
    except AssertionError:
        return None


def _sessions_of(launcher_pid: int) -> set[int]:
    """The process groups (sessions) of the launcher's servers."""
    return {pid for pid, (parent, _, _) in _processes().items() if parent == launcher_pid}


@pytest.mark.parametrize(
    ("stop", "after", "telegram"),
    [("SIGKILL", "ready", True), ("SIGTERM", 5.0, True), ("SIGKILL", 15.0, False), ("SIGTERM", 30.0, False)],
)
def test_nothing_outlives_the_launcher(tmp_path, api, stop, after, telegram):
    if assistant_missing():
        skip_or_fail(assistant_missing())
    ports = (5223, 5273, 8223)
    env = {**os.environ, **_env(tmp_path, api, *ports)}
    if not telegram:
        env["TELEGRAM_BOT_TOKEN"] = ""
    launcher = Process("launcher", [sys.executable, "-m", "ops.serve"], env, tmp_path)
    try:
        if after == "ready":
            assert launcher.wait_until(f"http://127.0.0.1:{ports[0]}/webhooks/ready/", timeout=300) is None
        else:
            time.sleep(after)
        sessions = _sessions_of(launcher.process.pid)
        assert sessions, "the launcher had started no server"
        launcher.process.send_signal(getattr(signal, stop))
        launcher.process.wait(timeout=GONE_WITHIN_S)
        left = lambda: [c for _, s, c in _processes().values() if s in sessions]  # noqa: E731
        _until(lambda: not left(), GONE_WITHIN_S, f"servers gone ({left()})")
        _until(lambda: not any(port_taken(p) for p in ports), GONE_WITHIN_S, "ports free")
    finally:
        launcher.stop()
