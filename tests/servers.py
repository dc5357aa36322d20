"""Starting the assistant's servers for the tests that need them running (end to end, widget)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def assistant_missing() -> str:
    if not (REPO / ".venv-rasa" / "bin" / "rasa").exists():
        return "the Rasa environment is missing: run `make test`"
    if not list((REPO / "models").glob("*.tar.gz")):
        return "no trained model: run `make model`"
    return ""


def skip_or_fail(reason: str) -> None:
    """Something a test needs is missing: fail in CI, where everything must be installed; skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Process:
    """A server started for the tests, its output in a log file, stopped by ``stop``."""

    def __init__(self, name: str, command: list[str], env: dict, log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self.log = open(self.log_path, "w+", encoding="utf-8")  # noqa: SIM115 - open until stop()
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_until(self, url: str, timeout: float) -> str | None:
        """None when ``url`` answers 200 within ``timeout`` s; else the reason, with the log's end."""
        deadline = time.monotonic() + timeout
        while not answers(url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.log.flush()
                tail = self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
                return f"{self.name} did not start ({url}):\n{tail}"
            time.sleep(0.5)
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def start_assistant(env: dict[str, str], log_dir: Path) -> Process:
    """The assistant as `make run` starts it (``python -m ops.serve``) with ``env`` over this environment
    (``RASA_PORT`` at least; no widget page unless given), once its readiness check says Rasa and the
    action server answer. A missing environment skips (fails in CI); a failed start fails, with the log."""
    if assistant_missing():
        skip_or_fail(assistant_missing())
    command = [sys.executable, "-m", "ops.serve"]
    server = Process("assistant", command, {**os.environ, "WIDGET_PORT": "0", **env}, log_dir)
    problem = server.wait_until(f"http://127.0.0.1:{env['RASA_PORT']}/webhooks/ready/", timeout=300)
    if problem:
        server.stop()
        pytest.fail(problem)
    return server


def socketio_exchange(
    port: int | str, session: str, message: object, headers: dict | None = None
) -> list[dict]:
    """Send ``message`` over socket.io as the widget does (``session_request``, then ``user_uttered``);
    what the bot utters back within 30 s."""
    socketio = pytest.importorskip("socketio")
    client = socketio.Client()
    received: list[dict] = []
    client.on("bot_uttered", lambda data: received.append(data))
    url = f"http://127.0.0.1:{port}"
    client.connect(
        url, socketio_path="/socket.io", transports=["websocket"], headers=headers or {}, wait_timeout=10
    )
    try:
        client.emit("session_request", {"session_id": session})
        time.sleep(0.5)
        client.emit("user_uttered", {"message": message, "session_id": session})
        deadline = time.monotonic() + 30
        while not received and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        client.disconnect()
    return received
