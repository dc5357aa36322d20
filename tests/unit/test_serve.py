"""The launcher's configuration: tracker store URLs, the endpoints it writes, the HTTP API guard."""

from __future__ import annotations

import socket

import pytest
import yaml

from channels import rasa_main
from ops import serve


def test_postgres_url_becomes_rasa_sql_settings():
    assert serve.tracker_store("postgresql://rasa:s%40cret@db.local:6543/conversaciones") == {
        "type": "SQL",
        "dialect": "postgresql",
        "url": "db.local",
        "port": 6543,
        "db": "conversaciones",
        "username": "rasa",
        "password": "s@cret",
    }


def test_sqlite_url_is_accepted():
    assert serve.tracker_store("sqlite:////tmp/t.db") == {
        "type": "SQL",
        "dialect": "sqlite",
        "db": "/tmp/t.db",
    }


def test_other_tracker_urls_are_refused():
    with pytest.raises(serve.StartError, match="postgresql://"):
        serve.tracker_store("mysql://x@y/z")


def _written(monkeypatch, tmp_path, **env: str) -> dict:
    """The endpoints the launcher writes with ``env`` set (and no store URL but those given)."""
    monkeypatch.setattr(serve, "BUILD", tmp_path)
    for name in ("ACTION_SERVER_URL", "TRACKER_STORE_URL", "LOCK_STORE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return yaml.safe_load(serve.runtime_endpoints().read_text(encoding="utf-8"))


def test_runtime_endpoints_apply_the_environment(monkeypatch, tmp_path):
    written = _written(monkeypatch, tmp_path, ACTIONS_PORT="6055", TRACKER_STORE_URL="postgresql://u:p@h/db")
    assert written["action_endpoint"] == {"url": "http://127.0.0.1:6055/webhook"}
    assert written["tracker_store"]["dialect"] == "postgresql"


def test_redis_url_becomes_rasa_lock_store(monkeypatch, tmp_path):
    written = _written(monkeypatch, tmp_path, LOCK_STORE_URL="redis://:cl%40ve@cache.local:6380/3")
    assert written["lock_store"] == {
        "type": "channels.stores.DegradableRedisLockStore",
        "url": "cache.local",
        "port": 6380,
        "db": 3,
        "password": "cl@ve",
    }


def test_other_lock_store_urls_are_refused():
    with pytest.raises(serve.StartError, match="redis://"):
        serve.lock_store("memcached://cache.local")


def test_each_port_gets_its_own_endpoints_file(monkeypatch, tmp_path):
    monkeypatch.setattr(serve, "BUILD", tmp_path)
    monkeypatch.setenv("RASA_PORT", "5101")
    first = serve.runtime_endpoints()
    monkeypatch.setenv("RASA_PORT", "5102")
    assert serve.runtime_endpoints() != first and first.exists()


def test_default_tracker_store_is_sqlite(monkeypatch, tmp_path):
    written = _written(monkeypatch, tmp_path)
    assert written["tracker_store"]["dialect"] == "sqlite"
    assert "lock_store" not in written  # one instance: Rasa's in-memory lock store


def test_http_api_is_off_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("RASA_ENABLE_API", raising=False)
    command = serve.rasa_command(tmp_path / "e.yml")
    assert "--enable-api" not in command and "--interface" in command
    assert command[command.index("--interface") + 1] == "127.0.0.1"


def test_http_api_needs_a_token(monkeypatch, tmp_path):
    monkeypatch.setenv("RASA_ENABLE_API", "1")
    monkeypatch.delenv("RASA_API_TOKEN", raising=False)
    with pytest.raises(serve.StartError, match="RASA_API_TOKEN"):
        serve.rasa_command(tmp_path / "e.yml")
    monkeypatch.setenv("RASA_API_TOKEN", "secreto")
    command = serve.rasa_command(tmp_path / "e.yml")
    assert "--enable-api" in command
    assert "secreto" not in command  # every local user can read a command line (ps)
    assert rasa_main.arguments(command, "secreto")[-2:] == ["--auth-token", "secreto"]


def test_the_token_is_added_only_with_the_http_api():
    assert rasa_main.arguments(["run", "--port", "5005"], "secreto") == ["run", "--port", "5005"]


def test_endpoints_and_the_conversations_are_private_files(monkeypatch, tmp_path):
    monkeypatch.setattr(serve, "BUILD", tmp_path)
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path}/t.db")
    (tmp_path / "t.db").write_text("")
    (tmp_path / "t.db").chmod(0o644)
    endpoints = serve.runtime_endpoints()
    assert endpoints.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "t.db").stat().st_mode & 0o777 == 0o600


def test_ports_held_by_another_program_are_named(monkeypatch):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        monkeypatch.setenv("ACTIONS_PORT", str(free.getsockname()[1]))
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        monkeypatch.setenv("RASA_PORT", str(holder.getsockname()[1]))
        monkeypatch.setenv("WIDGET_PORT", "0")
        assert serve.ports_in_use() == [f"RASA_PORT={holder.getsockname()[1]}"]


def test_rasa_gets_one_openmp_and_one_openblas_thread_unless_the_operator_chose(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    assert serve.rasa_threads() == {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "2"}
