"""What the benchmarks that talk to the running assistant share.

The assistant is started as `make run` starts it (`python -m ops.serve`), on the ports the caller
gives, with a fresh SQLite tracker store in a temporary folder, and stopped with its servers even on
error or Ctrl-C. Memory is the RSS of each server's process tree (Rasa; the action server).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
LONG = "quiero saber sobre gobierno abierto en jalisco " * 130
READY_TIMEOUT_S = 300
STOP_TIMEOUT_S = 60


@dataclass(frozen=True)
class Assistant:
    url: str  # the REST channel's webhook
    pid: int  # ops.serve, the root of the servers' process tree
    startup_s: float


def conversations() -> list[list[str]]:
    """The user's side of every dev conversation; ``@long`` is a message over 6,000 characters."""
    data = yaml.safe_load((REPO / "tests/stories/dev_conversations.yml").read_text("utf-8"))
    return [[LONG if t["user"] == "@long" else t["user"] for t in c["turns"]] for c in data]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def descendants(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().split(")")[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found + [g for c in found for g in descendants(c)]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def server_memory(root: int) -> dict[str, float]:
    """RSS in MiB of Rasa's processes and of the action server's, under ``root``."""
    memory = {"rasa_mib": 0.0, "actions_mib": 0.0}
    for pid in descendants(root):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
            key = "rasa_mib" if "channels.rasa_main" in command else "actions_mib"
            memory[key] += rss_mib(pid)
        except OSError:
            continue
    return {k: round(v, 1) for k, v in memory.items()}


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def _port_taken(port: str) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", int(port))) == 0


def _wait_ready(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while not _answers(url):
        if server.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text("utf-8", errors="replace")[-4000:]
            raise SystemExit(f"the assistant did not start ({url}):\n{tail}")
        time.sleep(0.5)


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM to ops.serve's group (it stops its servers' groups); what is left after a minute, killed."""
    workers = descendants(server.pid)
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=STOP_TIMEOUT_S)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        for pid in [server.pid, *workers]:
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                continue
        server.wait()


@contextmanager
def running_assistant(rasa_port: str, actions_port: str, env: dict[str, str]) -> Iterator[Assistant]:
    """The assistant on its own ports (plus ``env``), ready; stopped when the block ends."""
    for port in (rasa_port, actions_port):
        if _port_taken(port):
            raise SystemExit(f"port {port} is already in use: is another benchmark running?")
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        environment = {
            **os.environ,
            **env,
            "RASA_PORT": rasa_port,
            "ACTIONS_PORT": actions_port,
            "TRACKER_STORE_URL": f"sqlite:///{folder}/tracker.db",
        }
        url = f"http://127.0.0.1:{rasa_port}/webhooks/rest/"
        ready = f"http://127.0.0.1:{rasa_port}/webhooks/ready/"
        log = Path(folder) / "assistant.log"
        started = time.monotonic()
        with open(log, "w", encoding="utf-8") as output:
            server = subprocess.Popen(
                [sys.executable, "-m", "ops.serve"],
                cwd=REPO,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            _wait_ready(ready, server, log)
            yield Assistant(url + "webhook", server.pid, round(time.monotonic() - started, 1))
        finally:
            _stop(server)
