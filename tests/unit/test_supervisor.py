"""The launcher's supervision (ops/supervisor.py), with real short-lived processes on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ops import supervisor

REPO = Path(__file__).resolve().parents[2]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _server(command: list[str], clock: Clock, health: str | None = None) -> supervisor.Server:
    server = supervisor.Server(
        "the test server", command, dict(os.environ), REPO, health=health, _clock=clock
    )
    server.start()
    return server


def _gone(pid: int, within: float = 5.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        with open(f"/proc/{pid}/stat") as stat:  # a zombie is gone too: it only waits to be reaped
            if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        time.sleep(0.1)
    return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_exit_reasons_name_the_signal_or_the_code():
    assert supervisor.exit_reason(-9) == "killed by SIGKILL"
    assert supervisor.exit_reason(3) == "exit code 3"


def test_a_server_that_exits_is_started_again_after_a_growing_pause(caplog):
    clock = Clock()
    server = _server([sys.executable, "-c", "raise SystemExit(3)"], clock)
    server.process.wait()
    server.check()
    assert "the test server stopped (exit code 3): starting it again in 1 s" in caplog.text
    first = server.process
    server.check()  # not yet: the pause has not passed
    assert server.process is first
    clock.now += 1
    server.check()
    assert server.process is not first and server.restarts == 1
    server.process.wait()
    server.check()
    assert server.restart_at == clock.now + 2  # the pause doubles


def test_a_frozen_server_is_killed_and_started_again(monkeypatch):
    monkeypatch.setattr(supervisor, "PROBE_TIMEOUT_S", 0.3)
    port = _free_port()
    clock = Clock()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    server = _server(command, clock, health=f"http://127.0.0.1:{port}/")
    try:
        deadline = time.monotonic() + 20
        while not server.well:
            assert time.monotonic() < deadline, "the test server never answered"
            server.check()
            time.sleep(0.2)
        frozen = server.process
        os.kill(frozen.pid, signal.SIGSTOP)
        for _ in range(supervisor.FAILED_PROBES):
            server.check()
        assert server.restart_at is not None
        assert frozen.poll() == -signal.SIGKILL
    finally:
        supervisor.stop_all([server])


def test_a_server_that_never_answers_is_started_again(monkeypatch):
    monkeypatch.setattr(supervisor, "PROBE_TIMEOUT_S", 0.3)
    clock = Clock()
    server = _server(
        [sys.executable, "-c", "import time; time.sleep(60)"], clock, f"http://127.0.0.1:{_free_port()}/"
    )
    try:
        server.check()
        assert server.restart_at is None  # still starting
        clock.now += supervisor.START_TIMEOUT_S + 1
        server.check()
        assert server.restart_at is not None and server.process.poll() is not None
    finally:
        supervisor.stop_all([server])


def test_stop_all_stops_a_server_that_ignores_sigterm(monkeypatch):
    monkeypatch.setattr(supervisor, "STOP_GRACE_S", 1.0)
    stubborn = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    stubborn += "print(1, flush=True); time.sleep(60)"
    server = supervisor.Server("stubborn", [sys.executable, "-c", stubborn], dict(os.environ), REPO)
    server.process = subprocess.Popen(
        [sys.executable, "-c", stubborn], start_new_session=True, stdout=subprocess.PIPE, text=True
    )
    server.process.stdout.readline()  # SIGTERM is ignored from here on
    supervisor.stop_all([server])
    assert _gone(server.process.pid)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_no_server_outlives_the_launcher(signum):
    launcher = (
        "import os, sys, time; from pathlib import Path; from ops import supervisor; "
        "child = supervisor.spawn(['sleep', '600'], dict(os.environ), Path('.')); "
        "print(child.pid, flush=True); time.sleep(600)"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", launcher],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    child = int(process.stdout.readline())
    process.send_signal(signum)
    process.wait()
    assert _gone(child), "the server outlived its launcher"
