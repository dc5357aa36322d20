"""Keep a few servers running: start each in a process group of its own, watch its exit and its health,
and start it again with a growing pause. Runs in .venv (the launcher, ops/serve.py).

- A server that exits is started again, and the reason (exit code or signal) is logged.
- A server with a health URL that stops answering it (its ``patience``, ``FAILED_PROBES`` by default,
  probes in a row, each bounded by ``PROBE_TIMEOUT_S``) after it had answered once, or that has not
  answered ``START_TIMEOUT_S`` after it started, is stopped as a whole process group (SIGKILL: a frozen or
  half-dead server does not stop politely) and started again.
- One server's fault never stops the others.
- The pause before a restart doubles with each restart (1, 2, 4 … ``MAX_RESTART_PAUSE_S``) and is back
  to 1 s once the server has been well for ``STABLE_AFTER_S``.
- No server outlives the launcher: each child asks the kernel (``prctl(PR_SET_PDEATHSIG)``) to kill it
  when the launcher dies, even by ``kill -9``. Written with ctypes because no maintained package on PyPI
  does only this (python-prctl needs libcap headers to build).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROBE_TIMEOUT_S = 2.0
FAILED_PROBES = 3
START_TIMEOUT_S = 300.0
MAX_RESTART_PAUSE_S = 30.0
STABLE_AFTER_S = 30.0
STOP_GRACE_S = 8.0
_PR_SET_PDEATHSIG = 1
log = logging.getLogger("ops.supervisor")


def answers(url: str) -> bool:
    """Whether ``url`` answers HTTP 200 within ``PROBE_TIMEOUT_S``."""
    try:
        with urllib.request.urlopen(url, timeout=PROBE_TIMEOUT_S) as reply:
            return reply.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _die_with_parent(parent: int) -> Callable[[], None]:
    """What a child runs between fork and exec: be killed when ``parent`` dies; if it died already, exit."""
    libc = ctypes.CDLL(None, use_errno=True)

    def in_child() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the launcher died before prctl: nobody would kill this child
            os._exit(1)

    return in_child


def spawn(command: list[str], env: dict, cwd: Path) -> subprocess.Popen:
    """Start ``command`` in a new process group (stopping it stops its workers), killed with the launcher."""
    return subprocess.Popen(
        command, cwd=cwd, env=env, start_new_session=True, preexec_fn=_die_with_parent(os.getpid())
    )


def run_once(command: list[str], env: dict, cwd: Path) -> int:
    """Run a command to its end, as :func:`spawn` starts it; its exit code."""
    process = spawn(command, env, cwd)
    try:
        return process.wait()
    finally:
        _kill_group(process)


def _kill_group(process: subprocess.Popen, signum: int = signal.SIGKILL) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)


def exit_reason(returncode: int) -> str:
    """How a process ended, for a person: «exit code 1», «killed by SIGKILL»."""
    if returncode < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-returncode).name}"
    return f"exit code {returncode}"


@dataclass
class Server:
    """One server the launcher keeps running."""

    name: str
    command: list[str]
    env: dict
    cwd: Path
    health: str | None = None  # a URL that answers 200 while the server is well; None: only exits count
    patience: int = FAILED_PROBES  # failed health checks in a row before it is restarted
    on_well: Callable[[], None] | None = None  # run each time the server answers its health URL again
    process: subprocess.Popen | None = None
    restarts: int = 0
    failed_probes: int = 0
    well: bool = False
    started_at: float = 0.0
    restart_at: float | None = None
    _clock: Callable[[], float] = field(default=time.monotonic, repr=False)

    def start(self) -> None:
        self.process = spawn(self.command, self.env, self.cwd)
        self.started_at = self._clock()
        self.failed_probes, self.well, self.restart_at = 0, False, None

    def is_well(self) -> bool:
        """Running, and (if it has a health URL) answering it."""
        running = self.process is not None and self.process.poll() is None
        return running and (self.health is None or answers(self.health))

    def pause(self) -> float:
        """How long to wait before the next start: doubling with each restart, up to a bound."""
        return float(min(2**self.restarts, MAX_RESTART_PAUSE_S))

    def check(self) -> None:
        """Look at the server once: restart it when it is due, notice an exit or a failed health check."""
        now = self._clock()
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.restarts += 1
                self.start()
            return
        assert self.process is not None
        if self.process.poll() is not None:
            self._schedule_restart(exit_reason(self.process.returncode))
        elif self.health is not None:
            self._probe(now)

    def _probe(self, now: float) -> None:
        if answers(self.health or ""):
            if not self.well and self.on_well is not None:
                self.on_well()
            self.well, self.failed_probes = True, 0
            if now - self.started_at >= STABLE_AFTER_S:
                self.restarts = 0
            return
        if not self.well:
            if now - self.started_at > START_TIMEOUT_S:
                self._schedule_restart(f"no answer from {self.health} {START_TIMEOUT_S:.0f} s after starting")
            return
        self.failed_probes += 1
        if self.failed_probes >= self.patience:
            self._schedule_restart(f"no answer from {self.health} in {self.patience} checks")

    def _schedule_restart(self, reason: str) -> None:
        assert self.process is not None
        _kill_group(self.process)  # a frozen server, or workers left by a dead main process
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=STOP_GRACE_S)
        pause = self.pause()
        log.warning("%s stopped (%s): starting it again in %.0f s", self.name, reason, pause)
        self.restart_at = self._clock() + pause
        self.well = False


def stop_all(servers: list[Server]) -> None:
    """Stop every server and its workers: politely, then by force, within ``STOP_GRACE_S`` in all."""
    running = [s.process for s in reversed(servers) if s.process is not None]
    for process in running:
        _kill_group(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for process in running:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        _kill_group(process)
