"""Scale-out on real engines: two replicas (Rasa + action server each) share PostgreSQL (tracker store)
and Redis (lock store, rate-limit counters), both started on loopback for these tests. One conversation
alternates between the replicas, survives a restart, and is exported and deleted on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from common.texts import SLOW_DOWN
from knowledge.text import fold

from ..conftest import REPO
from ..servers import Process, assistant_missing, skip_or_fail
from ..services import Postgres, Redis, services_missing

PG_PORT, REDIS_PORT = 54329, 63799
REPLICAS = {"a": ("5045", "5095"), "b": ("5046", "5096")}
RATE_LIMIT = 12
API_TOKEN = "token-de-prueba"
PERSONAL = ["ana.lopez@example.com", "55 1234 5678", "LOPA800101MDFRRN09", "LOPA800101AB1"]


def _missing() -> str:
    return assistant_missing() or services_missing()


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    if _missing():
        skip_or_fail(_missing())
    postgres = Postgres(PG_PORT)
    redis = Redis(tmp_path_factory.mktemp("redis"), REDIS_PORT)
    yield postgres, redis
    redis.stop()
    postgres.stop()


class Replica:
    """One replica as `make run` starts it (Rasa and its action server), on its own ports."""

    def __init__(self, name: str, env: dict, log_dir: Path) -> None:
        self.name, self.env, self.log_dir = name, env, log_dir
        self.rasa_port = env["RASA_PORT"]
        self.server = self._start()

    def _start(self) -> Process:
        return Process(f"replica-{self.name}", [sys.executable, "-m", "ops.serve"], self.env, self.log_dir)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def wait(self) -> None:
        problem = self.server.wait_until(f"{self.url}/webhooks/rest/", timeout=300)
        if problem:
            pytest.fail(problem)

    def restart(self) -> None:
        self.server.stop()
        self.server = self._start()
        self.wait()

    def say(self, sender: str, text: str) -> str:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as reply:
            return "\n".join(r.get("text") or "" for r in json.loads(reply.read()))

    def log(self) -> str:
        self.server.log.flush()
        return self.server.log_path.read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def replicas(services, tmp_path_factory):
    """Replicas a and b. a logs at DEBUG (every message is logged); b has the HTTP API on, with a token."""
    postgres, redis = services
    logs = tmp_path_factory.mktemp("replica-logs")
    started = {}
    for name, (rasa_port, actions_port) in REPLICAS.items():
        env = {
            **os.environ,
            "RASA_PORT": rasa_port,
            "ACTIONS_PORT": actions_port,
            "WIDGET_PORT": "0",
            "TRACKER_STORE_URL": postgres.url,
            "LOCK_STORE_URL": redis.url,
            "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
        }
        if name == "a":
            env["LOG_LEVEL"] = "DEBUG"
        else:
            env.update(RASA_ENABLE_API="1", RASA_API_TOKEN=API_TOKEN)
        started[name] = Replica(name, env, logs)
    try:
        for replica in started.values():
            replica.wait()
        yield started["a"], started["b"]
    finally:
        for replica in started.values():
            replica.server.stop()


def _has(text: str, *parts: str) -> bool:
    return all(fold(part) in fold(text) for part in parts)


def test_a_conversation_alternating_between_replicas_keeps_its_context(replicas, services):
    a, b = replicas
    assert _has(a.say("alterna", "jalisco tiene stl?"), "jalisco", "secretariado tecnico local")
    on_b = b.say("alterna", "¿y Guanajuato?")
    assert _has(on_b, "guanajuato", "2017") and "jalisco" not in fold(on_b)
    assert _has(a.say("alterna", "y cuantos planes tiene?"), "guanajuato", "1 plan de accion local")
    assert "cmdstat_set:" in services[1].command("info", "commandstats")  # Rasa's Redis lock store


def test_a_conversation_survives_a_restart(replicas):
    a, _ = replicas
    assert _has(a.say("reinicio", "como va oaxaca"), "oaxaca")
    a.restart()
    assert _has(a.say("reinicio", "y cuantos planes tiene?"), "oaxaca", "plan")


def test_the_rate_limit_counts_across_replicas(replicas):
    a, b = replicas
    replies = [(a if turn % 2 else b).say("rafaga", "hola") for turn in range(RATE_LIMIT + 1)]
    assert all(_has(reply, "asistente virtual") for reply in replies[:RATE_LIMIT])
    assert replies[RATE_LIMIT] == SLOW_DOWN
    assert _has(a.say("otra-persona", "hola"), "asistente virtual")  # others are not slowed down


def test_logs_never_hold_personal_data(replicas):
    a, _ = replicas
    message = f"mi correo es {PERSONAL[0]}, mi cel {PERSONAL[1]}, curp {PERSONAL[2]} y rfc {PERSONAL[3]}"
    a.say("datos", message)
    log = a.log()
    # DEBUG logs the parse of every message, with the text the person typed left out (common/redaction.py)
    assert f'"parse_data_text": "[omitido: {len(message)} caracteres]"' in log
    assert not [value for value in PERSONAL if value in log]


def test_the_http_api_needs_its_token(replicas):
    _, b = replicas
    tracker = f"{b.url}/conversations/alterna/tracker"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(tracker, timeout=30)
    assert refused.value.code == 401
    with urllib.request.urlopen(f"{tracker}?token={API_TOKEN}", timeout=30) as reply:
        assert reply.status == 200 and json.loads(reply.read())["sender_id"] == "alterna"


def _tool(postgres: Postgres, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ops.conversations", *args, "--db", postgres.url],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_privacy_and_report_commands_work_on_postgres(replicas, services):
    a, b = replicas
    postgres = services[0]
    a.say("derechos", "cuantos pal hay")
    b.say("derechos", '/feedback{"valor": "negativo"}')
    a.say("derechos", "hay algo sobre blockchain")
    report = json.loads(_tool(postgres, "report", "--json").stdout)
    assert [g["examples"] for g in report["negative"]["groups"]] == [["cuantos pal hay"]]
    assert ["hay algo sobre blockchain"] in [g["examples"] for g in report["not_found"]["groups"]]

    exported = json.loads(_tool(postgres, "export", "derechos").stdout)
    said = [(turn["from"], turn["text"]) for turn in exported["turns"]]
    assert said[0] == ("persona", "cuantos pal hay") and ("persona", "👎") in said
    assert _tool(postgres, "delete", "derechos", "--yes").returncode == 0
    gone = _tool(postgres, "export", "derechos")
    assert gone.returncode == 1 and "derechos" in gone.stderr and "Traceback" not in gone.stderr
    assert _has(a.say("derechos", "hola"), "asistente virtual")  # the person starts afresh
    purged = _tool(postgres, "purge", "--days", "1")
    assert purged.returncode == 0 and purged.stdout.startswith("purged 0 events")  # all of today
