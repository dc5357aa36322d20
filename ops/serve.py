"""Start the action server and Rasa together; Ctrl-C stops both. Ready when the REST channel answers.

Configuration (environment, with safe defaults):
  RASA_HOST / RASA_PORT           where Rasa's channels listen (127.0.0.1:5005)
  ACTIONS_HOST / ACTIONS_PORT     where the action server listens (127.0.0.1:5055)
  ACTION_SERVER_URL               the action endpoint Rasa calls (default from the two above)
  TRACKER_STORE_URL               postgresql://user:password@host:port/db (or sqlite:///file.db)
  LOCK_STORE_URL                  redis://[:password@]host:port/db: Redis lock store, shared by replicas
                                  (and the rate limit's counters); unset: in memory, one instance
  RATE_LIMIT_PER_MINUTE           messages a sender may send in any 60 s (20); 0: no limit
  RETENTION_DAYS                  days conversations are kept (30): `make purge`, the privacy notice
  CORS_ORIGINS                    space-separated origins allowed to call Rasa (localhost:8080)
  RASA_ENABLE_API=1               turn on Rasa's HTTP API; refused unless RASA_API_TOKEN is set
  MAX_MESSAGE_CHARS               longer messages are cut, and the person told (1000)
  TELEGRAM_BOT_TOKEN              when set, the Telegram bridge (python -m clients.telegram) starts too
  WIDGET_HOST / WIDGET_PORT       the widget's demo page (python -m clients.widget.server), 127.0.0.1:8080;
                                  WIDGET_PORT=0: not started
  WIDGET_RASA_URL                 the assistant's address as the browser sees it (http://localhost:RASA_PORT)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

from common import settings
from common.redaction import install_log_redaction

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build"
READY_TIMEOUT_S = 300
MAX_RESTART_PAUSE_S = 30
log = logging.getLogger("ops.serve")


class StartError(RuntimeError):
    """The assistant cannot start as configured; the message says why."""


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


def tracker_store(url: str) -> dict:
    """``postgresql://user:pass@host:5432/db`` or ``sqlite:///path.db`` → Rasa's SQL tracker store."""
    if url.startswith("sqlite:///"):
        return {"type": "SQL", "dialect": "sqlite", "db": url[len("sqlite:///") :]}
    parts = urllib.parse.urlparse(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise StartError(
            f"TRACKER_STORE_URL must start with postgresql:// or sqlite:///, not {parts.scheme}://"
        )
    store = {
        "type": "SQL",
        "dialect": "postgresql",
        "url": parts.hostname or "localhost",
        "port": parts.port or 5432,
        "db": parts.path.lstrip("/") or "rasa",
    }
    if parts.username:
        store["username"] = urllib.parse.unquote(parts.username)
    if parts.password:
        store["password"] = urllib.parse.unquote(parts.password)
    return store


def lock_store(url: str) -> dict:
    """``redis://[:password@]host:6379/1`` → Rasa's Redis lock store."""
    parts = urllib.parse.urlparse(url)
    if parts.scheme != "redis":
        raise StartError(f"LOCK_STORE_URL must start with redis://, not {parts.scheme}://")
    store = {
        "type": "redis",
        "url": parts.hostname or "localhost",
        "port": parts.port or 6379,
        "db": int(parts.path.lstrip("/") or 1),
    }
    if parts.password:
        store["password"] = urllib.parse.unquote(parts.password)
    return store


def runtime_endpoints() -> Path:
    """Write ``build/endpoints-<RASA_PORT>.yml``: ``endpoints.yml`` with the environment applied.

    One file per port, so instances started side by side with different settings do not share one.
    """
    endpoints = yaml.safe_load((REPO / "endpoints.yml").read_text(encoding="utf-8"))
    actions = f"http://{settings.actions_host()}:{settings.actions_port()}/webhook"
    endpoints["action_endpoint"] = {"url": _env("ACTION_SERVER_URL", actions)}
    if settings.tracker_store_url():
        endpoints["tracker_store"] = tracker_store(settings.tracker_store_url())
    if settings.lock_store_url():
        endpoints["lock_store"] = lock_store(settings.lock_store_url())
    path = BUILD / f"endpoints-{settings.rasa_port()}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    return path


def _rasa(subcommand: str, endpoints: Path) -> list[str]:
    """``rasa <subcommand>`` with the trained model and the endpoints written for this environment."""
    rasa = REPO / ".venv-rasa" / "bin" / "rasa"
    return [str(rasa), subcommand, "--model", str(REPO / "models"), "--endpoints", str(endpoints)]


def rasa_threads() -> dict[str, str]:
    """One OpenMP and one OpenBLAS thread for Rasa, unless the operator chose otherwise.

    Both libraries read these once, when loaded, so they must be in Rasa's environment from the start. Rasa
    parses in one thread beside its event loop (``channels/speedups.py``) on two cores: with the default
    two threads each, e5 took a second OpenMP thread and numpy's OpenBLAS kept a thread spinning.
    """
    return {name: os.environ.get(name) or "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")}


def rasa_command(endpoints: Path) -> list[str]:
    command = [
        *_rasa("run", endpoints),
        "--credentials",
        str(REPO / "credentials.yml"),
        "--interface",
        settings.rasa_host(),
        "--port",
        str(settings.rasa_port()),
        "--cors",
        *settings.cors_origins(),
    ]
    if os.environ.get("RASA_ENABLE_API") == "1":
        token = os.environ.get("RASA_API_TOKEN")
        if not token:
            raise StartError(
                "RASA_ENABLE_API=1 needs RASA_API_TOKEN: the HTTP API can load models and must not be open"
            )
        command += ["--enable-api", "--auth-token", token]
    return command


def preflight_command() -> list[str]:
    return [str(REPO / ".venv" / "bin" / "python"), "-m", "actions.preflight"]


def preflight(env: dict) -> bool:
    """The action server's start-up check (actions/preflight.py): knowledge loads, a usable index serves."""
    return subprocess.run(preflight_command(), cwd=REPO, env=env).returncode == 0


def actions_command() -> list[str]:
    return [
        str(REPO / ".venv" / "bin" / "python"),
        "-m",
        "rasa_sdk",
        "--actions",
        "actions",
        "--port",
        str(settings.actions_port()),
    ]


def telegram_command() -> list[str]:
    return [str(REPO / ".venv" / "bin" / "python"), "-m", "clients.telegram"]


def widget_command() -> list[str]:
    return [str(REPO / ".venv" / "bin" / "python"), "-m", "clients.widget.server"]


def rest_url() -> str:
    return f"http://127.0.0.1:{settings.rasa_port()}/webhooks/rest/"


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except (urllib.error.URLError, OSError):
        return False


def warm_actions() -> None:
    """Ask the action server for one search, so the index and model load before the first person."""
    port = str(settings.actions_port())
    call = {
        "next_action": "action_buscar",
        "sender_id": "arranque",
        "version": "3.6.21",
        "domain": {},
        "tracker": {
            "sender_id": "arranque",
            "slots": {},
            "events": [],
            "latest_message": {"text": "gobierno abierto", "intent": {}, "entities": []},
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": None,
        },
    }
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhook",
        data=json.dumps(call).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        urllib.request.urlopen(request, timeout=120).read()
    except (urllib.error.URLError, OSError) as problem:
        log.warning("could not warm the action server: %s", problem)


def wait_until(check, processes: list[subprocess.Popen], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if any(p.poll() is not None for p in processes):
            raise StartError("a server stopped while starting: see its log above")
        if time.monotonic() > deadline:
            raise StartError(f"not ready after {timeout:.0f} s")
        time.sleep(0.5)


def start(command: list[str], env: dict) -> subprocess.Popen:
    """Start a server in a process group of its own, so stopping it also stops its workers."""
    return subprocess.Popen(command, cwd=REPO, env=env, start_new_session=True)


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def stop(processes: list[subprocess.Popen]) -> None:
    """Stop every server and its workers: newest first, politely, then by force after 20 s."""
    for process in reversed(processes):
        _signal_group(process, signal.SIGTERM)
    for process in reversed(processes):
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
        _signal_group(process, signal.SIGKILL)  # workers left behind by a stopped main process


def supervise(processes: list[subprocess.Popen], env: dict) -> int:
    """Keep the assistant up until it is stopped (Ctrl-C, SIGTERM, SIGHUP).

    ``processes[0]`` is the action server: it is stateless, so when it stops it is started again (with
    a growing pause if it keeps stopping) while Rasa goes on serving and apologises meanwhile. If Rasa
    or the Telegram bridge stops, everything stops.
    """
    restarts = 0
    while True:
        if any(p.poll() is not None for p in processes[1:]):
            return 1
        if processes[0].poll() is not None:
            pause = min(2**restarts, MAX_RESTART_PAUSE_S)
            log.warning(
                "the action server stopped (exit %s): starting it again in %d s",
                processes[0].returncode,
                pause,
            )
            time.sleep(pause)
            restarts += 1
            if preflight(env):
                processes[0] = start(actions_command(), env)
        time.sleep(0.5)


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(0)


def serve(shell: bool = False) -> int:
    env = {
        **os.environ,
        "SANIC_HOST": settings.actions_host(),
        # one figure for every privacy notice (the Telegram bridge has no default) and `make purge`
        "RETENTION_DAYS": str(settings.retention_days()),
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "PYTHONPATH": str(REPO),
        # the action server embeds one query at a time: one OpenMP thread (index/config.py)
        "EMBEDDINGS_THREADS": os.environ.get("EMBEDDINGS_THREADS") or "1",
    }
    endpoints = runtime_endpoints()
    processes: list[subprocess.Popen] = []
    helpers: list[subprocess.Popen] = []  # optional: the assistant keeps running if one stops
    for signum in (signal.SIGTERM, signal.SIGHUP):  # servers run in their own groups: stop them here
        signal.signal(signum, _exit_on_signal)
    started = time.monotonic()
    try:
        if not preflight(env):
            raise StartError("the action server cannot start: see the reason above")
        processes.append(start(actions_command(), env))
        wait_until(
            lambda: _answers(f"http://127.0.0.1:{settings.actions_port()}/health"), processes, READY_TIMEOUT_S
        )
        warm_actions()
        if shell:
            return subprocess.call(_rasa("shell", endpoints), cwd=REPO, env=env)
        processes.append(start(rasa_command(endpoints), {**env, **rasa_threads()}))
        wait_until(lambda: _answers(rest_url()), processes, READY_TIMEOUT_S)
        if os.environ.get("TELEGRAM_BOT_TOKEN"):
            rasa_url = os.environ.get("RASA_URL") or f"http://127.0.0.1:{settings.rasa_port()}"
            processes.append(start(telegram_command(), {**env, "RASA_URL": rasa_url}))
        if os.environ.get("WIDGET_PORT") != "0":
            widget_rasa = os.environ.get("WIDGET_RASA_URL") or f"http://localhost:{settings.rasa_port()}"
            helpers.append(start(widget_command(), {**env, "WIDGET_RASA_URL": widget_rasa}))
        print(
            f"Listo en {time.monotonic() - started:.0f} s: {rest_url()}webhook (Ctrl-C para salir)",
            flush=True,
        )
        return supervise(processes, env)
    except KeyboardInterrupt:
        return 0
    except StartError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    finally:
        stop(processes + helpers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ops.serve", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    install_log_redaction()
    return serve(shell=args.shell)


if __name__ == "__main__":
    sys.exit(main())
