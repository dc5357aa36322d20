"""Store outages on a running assistant (python -m ops.serve on real PostgreSQL and Redis): what a person
reads while the tracker store or the lock store is away, that no turn is lost in silence, and that the log
stays small (channels/stores.py)."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator

import pytest

from common.texts import STORE_DOWN

from ..servers import Process, assistant_missing, skip_or_fail, start_assistant
from ..services import PG_DB, PG_PASSWORD, PG_USER, Postgres, Redis, postgres_bin, services_missing

PG_PORT, REDIS_PORT = 54339, 63809
RASA_PORT, ACTIONS_PORT = 5225, 5275
BACK_WITHIN_S = 30
LOG_GROWTH_BOUND = 20_000  # bytes for 20 turns during an outage: a traceback per turn was about 9 KB


@pytest.fixture(scope="module")
def services(tmp_path_factory) -> Iterator[tuple[Postgres, Redis]]:
    for missing in (assistant_missing(), services_missing()):
        if missing:
            skip_or_fail(missing)
    postgres = Postgres(PG_PORT)
    redis = Redis(tmp_path_factory.mktemp("redis"), REDIS_PORT)
    yield postgres, redis
    redis.stop()
    postgres.stop()


@pytest.fixture(scope="module")
def assistant(services, tmp_path_factory) -> Iterator[Process]:
    postgres, redis = services
    env = {
        "RASA_PORT": str(RASA_PORT),
        "ACTIONS_PORT": str(ACTIONS_PORT),
        "TELEGRAM_BOT_TOKEN": "",
        "TRACKER_STORE_URL": postgres.url,
        "LOCK_STORE_URL": redis.url,
        "RATE_LIMIT_PER_MINUTE": "0",
    }
    server = start_assistant(env, tmp_path_factory.mktemp("logs"))
    yield server
    server.stop()


def say(sender: str, text: str) -> str:
    body = json.dumps({"sender": sender, "message": text}).encode()
    url = f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook"
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        return " ".join(r.get("text") or "" for r in json.loads(reply.read()))


def stored_events(sender: str) -> int:
    """How many events of ``sender``'s conversation PostgreSQL holds."""
    query = f"SELECT count(*) FROM events WHERE sender_id = '{sender}'"
    psql = [str(postgres_bin() / "psql"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", PG_USER, "-d", PG_DB]
    env = {**os.environ, "PGPASSWORD": PG_PASSWORD}
    result = subprocess.run([*psql, "-tAc", query], capture_output=True, text=True, check=True, env=env)
    return int(result.stdout.strip())


def _log_size(server: Process) -> int:
    server.log.flush()
    return server.log_path.stat().st_size


def test_while_the_tracker_store_is_away_people_are_told_and_no_context_is_lost(assistant, services):
    postgres, _ = services
    assert "Jalisco" in say("outage-pg", "jalisco tiene stl?")
    before = stored_events("outage-pg")
    postgres.halt()
    try:
        assert say("outage-pg", "cuantos planes de accion hay") == STORE_DOWN
        assert say("outage-pg", "y desde cuando?") == STORE_DOWN
    finally:
        postgres.resume()
    assert stored_events("outage-pg") == before  # nothing half-stored
    deadline = time.monotonic() + BACK_WITHIN_S
    while (answer := say("outage-pg", "y desde cuando?")) == STORE_DOWN:
        assert time.monotonic() < deadline, "the assistant did not come back with the tracker store"
        time.sleep(1)
    assert "Jalisco se sumó" in answer  # the conversation goes on from before the outage


def test_while_redis_is_away_people_are_answered_and_the_log_stays_small(assistant, services):
    _, redis = services
    assert "Secretariados Técnicos Locales" in say("outage-redis-0", "cuantos stl hay")
    size = _log_size(assistant)
    redis.halt()
    try:
        for turn in range(20):
            assert "Secretariados Técnicos Locales" in say(f"outage-redis-{turn % 5}", "cuantos stl hay")
    finally:
        redis.resume()
    grown = assistant.log_path.read_text(encoding="utf-8", errors="replace")[size:]
    assert len(grown.encode()) < LOG_GROWTH_BOUND
    assert "Traceback" not in grown
    time.sleep(6)  # past the lock store's wait before it tries Redis again
    assert "Secretariados Técnicos Locales" in say("outage-redis-0", "cuantos stl hay")
    assert "the Redis lock store is back" in assistant.log_path.read_text(encoding="utf-8", errors="replace")
