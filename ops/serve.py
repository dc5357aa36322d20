"""Start the assistant's servers and keep them running; Ctrl-C stops them all.

Rasa, the action server, and (when configured) the Telegram bridge, the widget's page and the knowledge
team's dashboard each run in a process group of its own under ops/supervisor.py: a server that dies or
stops answering its health check is started again, logged with the reason, and never takes the others
down; none outlives the launcher.
Ready («Listo») when Rasa's readiness check (``/webhooks/ready/``) says Rasa and the action server answer.
Files the servers write (conversations, endpoints with passwords) are readable by their owner only.

Configuration (environment, with safe defaults):
  RASA_HOST / RASA_PORT           where Rasa's channels listen (127.0.0.1:5005)
  ACTIONS_HOST / ACTIONS_PORT     where the action server listens (127.0.0.1:5055)
  ACTION_SERVER_URL               the action endpoint Rasa calls (default from the two above)
  TRACKER_STORE_URL               postgresql://user:password@host:port/db (or sqlite:///file.db)
  LOCK_STORE_URL                  redis://[:password@]host:port/db: Redis lock store, shared by replicas
                                  (and the rate limit's counters); unset: in memory, one instance
  RATE_LIMIT_PER_MINUTE           messages a minute a sender may send: a burst of 20, then one every 3 s
                                  (20); 0: no limit
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE  the same per client address, whatever its sender ids (120); not for
                                  loopback or Telegram's chats; 0: no limit
  TRUSTED_PROXY_HEADER            e.g. X-Forwarded-For: the client address is its rightmost entry (the
                                  proxy's); unset: the TCP peer. Only when Rasa is reachable through it alone
  MAX_TURNS_IN_PROGRESS           turns Rasa handles at once (10); past it a turn waits TURN_WAIT_MS (500)
                                  for a place, then gets «hay mucha demanda» and is not processed; 0: no bound
  RETENTION_DAYS                  days conversations are kept (30): `make purge`, the privacy notice
  CORS_ORIGINS                    space-separated origins allowed to call Rasa (localhost:8080)
  RASA_ENABLE_API=1               turn on Rasa's HTTP API; refused unless RASA_API_TOKEN is set (passed to
                                  Rasa by the environment, never on its command line)
  ACTION_TIMEOUT_S                seconds Rasa waits for the action server before apologising (6)
  MAX_MESSAGE_CHARS               longer messages are cut, and the person told (1000)
  TELEGRAM_BOT_TOKEN              when set, the Telegram bridge (python -m clients.telegram) starts too
  TELEGRAM_BRIDGE_SECRET          proves to Rasa that a `telegram:` sender comes from the bridge; unset: a
                                  new random one each start (set the same one where bridge and Rasa are
                                  started apart, e.g. replicas behind a load balancer)
  WIDGET_HOST / WIDGET_PORT       the widget's demo page (python -m clients.widget.server), 127.0.0.1:8080;
                                  WIDGET_PORT=0: not started
  WIDGET_RASA_URL                 the assistant's address as the browser sees it (http://localhost:RASA_PORT)
  DASHBOARD_TOKEN                 when set, the knowledge team's dashboard (python -m ops.dashboard) starts
                                  too, on DASHBOARD_HOST / DASHBOARD_PORT (127.0.0.1:8090)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import yaml

from common import settings
from common.redaction import install_log_redaction
from ops import supervisor

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build"
READY_TIMEOUT_S = 300
WARM_TIMEOUT_S = 60
CHECK_INTERVAL_S = 1.0
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
    """``redis://[:password@]host:6379/1`` → Rasa's Redis lock store, which serves from memory while Redis
    is away (channels/stores.py)."""
    parts = urllib.parse.urlparse(url)
    if parts.scheme != "redis":
        raise StartError(f"LOCK_STORE_URL must start with redis://, not {parts.scheme}://")
    store = {
        "type": "channels.stores.DegradableRedisLockStore",
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
    private_file(path).write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    store = endpoints.get("tracker_store") or {}
    if store.get("dialect") == "sqlite":
        private_file(REPO / store["db"])  # the conversations
    return path


def private_file(path: Path) -> Path:
    """``path``, readable and writable by its owner only (it holds a password or conversations)."""
    if path.exists():
        path.chmod(0o600)
    else:
        path.touch(mode=0o600)
    return path


def _rasa(subcommand: str, endpoints: Path) -> list[str]:
    """``rasa <subcommand>`` with the trained model and the endpoints written for this environment.

    Rasa is started by ``channels.rasa_main``, which takes the HTTP API token from the environment, so
    the token is not in the command line that every local user can read (``ps``)."""
    python = REPO / ".venv-rasa" / "bin" / "python"
    command = [str(python), "-m", "channels.rasa_main", subcommand]
    return [*command, "--model", str(REPO / "models"), "--endpoints", str(endpoints)]


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
        if not os.environ.get("RASA_API_TOKEN"):
            raise StartError(
                "RASA_ENABLE_API=1 needs RASA_API_TOKEN: the HTTP API can load models and must not be open"
            )
        command.append("--enable-api")  # the token goes by the environment: channels/rasa_main.py
    return command


def _python(module: str) -> list[str]:
    return [str(REPO / ".venv" / "bin" / "python"), "-m", module]


def preflight(env: dict) -> bool:
    """The action server's start-up check (actions/preflight.py): knowledge loads, a usable index serves."""
    return supervisor.run_once(_python("actions.preflight"), env, REPO) == 0


def rest_url() -> str:
    return f"http://127.0.0.1:{settings.rasa_port()}/webhooks/rest/"


def ready_url() -> str:
    """Rasa's readiness check (channels/readiness.py): 200 only when Rasa and the action server answer."""
    return f"http://127.0.0.1:{settings.rasa_port()}/webhooks/ready/"


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
        urllib.request.urlopen(request, timeout=WARM_TIMEOUT_S).read()
    except (urllib.error.URLError, OSError) as problem:
        log.warning("could not warm the action server: %s", problem)


class Warmer:
    """Warms the action server each time it answers again, in a thread, so that supervising goes on
    meanwhile (a warm call to a server that froze meanwhile would hold it up to ``WARM_TIMEOUT_S``)."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None

    def __call__(self) -> None:
        self._thread = threading.Thread(target=warm_actions, name="warm", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the last warm call has ended."""
        if self._thread is not None:
            self._thread.join(WARM_TIMEOUT_S)


def ports_in_use() -> list[str]:
    """The ports this assistant would listen on that something else holds already, named for a person."""
    wanted = [("RASA_PORT", settings.rasa_host(), settings.rasa_port())]
    wanted.append(("ACTIONS_PORT", settings.actions_host(), settings.actions_port()))
    if os.environ.get("WIDGET_PORT") != "0":
        wanted.append(("WIDGET_PORT", _env("WIDGET_HOST", "127.0.0.1"), int(_env("WIDGET_PORT", "8080"))))
    if settings.dashboard_token():
        wanted.append(("DASHBOARD_PORT", settings.dashboard_host(), settings.dashboard_port()))
    taken = []
    for name, host, port in wanted:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, port))
            except OSError:
                taken.append(f"{name}={port}")
    return taken


def wait_until_ready(servers: list[supervisor.Server], timeout: float) -> None:
    """Until Rasa and the action server answer the readiness check (and both have answered the
    supervisor's probes). A server that stops before it ever answered, or a wait past ``timeout``, is a
    start error (its log is above); one that answered and then failed is restarted, as later."""
    deadline = time.monotonic() + timeout
    while not (supervisor.answers(ready_url()) and all(server.well for server in servers)):
        for server in servers:
            stopped = server.process is not None and server.process.poll() is not None
            if (
                stopped and not server.well and server.restart_at is None
            ):  # it never answered: it cannot start
                reason = supervisor.exit_reason(server.process.returncode)
                raise StartError(f"{server.name} stopped while starting ({reason}): see its log above")
            server.check()  # restarts one that answered, then failed; warms the action server when it answers
        if time.monotonic() > deadline:
            raise StartError(f"not ready after {timeout:.0f} s")
        time.sleep(0.5)


def supervise(servers: list[supervisor.Server]) -> None:
    """Keep every server up until the launcher is stopped (Ctrl-C, SIGTERM, SIGHUP): see ops/supervisor.py."""
    while True:
        for server in servers:
            server.check()
        time.sleep(CHECK_INTERVAL_S)


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(0)


def base_env() -> dict[str, str]:
    return {
        **os.environ,
        "SANIC_HOST": settings.actions_host(),
        # one figure for every privacy notice (the Telegram bridge has no default) and `make purge`
        "RETENTION_DAYS": str(settings.retention_days()),
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "PYTHONPATH": str(REPO),
        # the action server embeds one query at a time: one OpenMP thread (index/config.py)
        "EMBEDDINGS_THREADS": os.environ.get("EMBEDDINGS_THREADS") or "1",
        # Rasa takes `telegram:` senders only from the bridge, which proves it with this (channels/inputs.py)
        "TELEGRAM_BRIDGE_SECRET": settings.telegram_bridge_secret() or secrets.token_urlsafe(32),
    }


def servers_to_start(
    env: dict, endpoints: Path, warmer: Warmer
) -> tuple[list[supervisor.Server], list[supervisor.Server]]:
    """The servers of the assistant (action server, Rasa), then the channels' helpers (Telegram, widget)."""
    actions = supervisor.Server(
        "the action server",
        _python("actions.server"),
        env,
        REPO,
        health=f"http://127.0.0.1:{settings.actions_port()}/health",
        on_well=warmer,
    )
    rasa_env = {**env, **rasa_threads()}
    # a restart of Rasa costs a model load: it gets more patience than the action server
    rasa = supervisor.Server("Rasa", rasa_command(endpoints), rasa_env, REPO, health=rest_url(), patience=5)
    helpers = []
    if os.environ.get("TELEGRAM_BOT_TOKEN"):
        rasa_url = os.environ.get("RASA_URL") or f"http://127.0.0.1:{settings.rasa_port()}"
        bridge_env = {**env, "RASA_URL": rasa_url}
        helpers.append(
            supervisor.Server("the Telegram bridge", _python("clients.telegram"), bridge_env, REPO)
        )
    if os.environ.get("WIDGET_PORT") != "0":
        widget_rasa = os.environ.get("WIDGET_RASA_URL") or f"http://localhost:{settings.rasa_port()}"
        widget_env = {**env, "WIDGET_RASA_URL": widget_rasa}
        helpers.append(
            supervisor.Server("the widget page", _python("clients.widget.server"), widget_env, REPO)
        )
    if settings.dashboard_token():
        helpers.append(dashboard_server(env))
    return [actions, rasa], helpers


def dashboard_server(env: dict) -> supervisor.Server:
    """The knowledge team's dashboard (ops/dashboard), checked at ``/salud``; refused at start, not
    restarted in a loop, when its settings cannot work (no token, a short one, a malformed hash)."""
    from ops.dashboard.auth import Config, config_problem

    problem = config_problem(Config.from_env())
    if problem:
        raise StartError(problem)
    host = settings.dashboard_host()
    probe = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
    health = f"http://{probe}:{settings.dashboard_port()}/salud"
    return supervisor.Server("the dashboard", _python("ops.dashboard"), env, REPO, health=health)


def serve(shell: bool = False) -> int:
    env = base_env()
    os.umask(0o077)  # what the servers write (conversations, endpoints with passwords) is the operator's only
    servers: list[supervisor.Server] = []
    for signum in (signal.SIGTERM, signal.SIGHUP):  # servers run in their own groups: stop them here
        signal.signal(signum, _exit_on_signal)
    started = time.monotonic()
    try:
        taken = ports_in_use()
        if taken:
            raise StartError(f"already in use: {', '.join(taken)}; is another assistant running?")
        endpoints = runtime_endpoints()
        if shell:
            if not preflight(env):
                raise StartError("the action server cannot start: see the reason above")
            servers, _ = servers_to_start(env, endpoints, Warmer())
            servers[0].start()
            return subprocess.call(_rasa("shell", endpoints), cwd=REPO, env=env)
        warmer = Warmer()
        servers, helpers = servers_to_start(env, endpoints, warmer)
        actions, rasa = servers
        rasa.start()  # Rasa loads its model meanwhile: the slowest part of starting
        if not preflight(env):
            raise StartError("the action server cannot start: see the reason above")
        actions.start()
        wait_until_ready(servers, READY_TIMEOUT_S)
        warmer.wait()  # the index and the model are loaded before the first person
        for helper in helpers:
            helper.start()
        servers += helpers
        print(
            f"Listo en {time.monotonic() - started:.0f} s: {rest_url()}webhook (Ctrl-C para salir)",
            flush=True,
        )
        supervise(servers)
        return 0
    except KeyboardInterrupt:
        return 0
    except StartError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    finally:
        supervisor.stop_all(servers)


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
