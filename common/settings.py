"""Every server-wide setting in one place: read from the environment, with safe defaults.

The launcher (ops/serve.py), the channels inside Rasa, the action server and the clients all read their
shared settings here, so each default is written once. docs/configuration.md has the full table.
"""

from __future__ import annotations

import os

DEFAULT_RASA_HOST = "127.0.0.1"
DEFAULT_RASA_PORT = 5005
DEFAULT_ACTIONS_HOST = "127.0.0.1"
DEFAULT_ACTIONS_PORT = 5055
DEFAULT_CORS_ORIGINS = ("http://localhost:8080", "http://127.0.0.1:8080")
DEFAULT_RETENTION_DAYS = 30
DEFAULT_RATE_LIMIT_PER_MINUTE = 20
DEFAULT_MAX_MESSAGE_CHARS = 1000


def _text(name: str, default: str = "") -> str:
    return (os.environ.get(name) or "").strip() or default


def _int(name: str, default: int) -> int:
    raw = _text(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


def rasa_host() -> str:
    """RASA_HOST: where Rasa's channels listen."""
    return _text("RASA_HOST", DEFAULT_RASA_HOST)


def rasa_port() -> int:
    """RASA_PORT: the port of Rasa's channels."""
    return _int("RASA_PORT", DEFAULT_RASA_PORT)


def actions_host() -> str:
    """ACTIONS_HOST: where the action server listens."""
    return _text("ACTIONS_HOST", DEFAULT_ACTIONS_HOST)


def actions_port() -> int:
    """ACTIONS_PORT: the action server's port."""
    return _int("ACTIONS_PORT", DEFAULT_ACTIONS_PORT)


def cors_origins() -> list[str]:
    """CORS_ORIGINS (space-separated): the web origins allowed to talk to Rasa (REST and socket.io)."""
    return _text("CORS_ORIGINS").split() or list(DEFAULT_CORS_ORIGINS)


def retention_days() -> int:
    """RETENTION_DAYS: days a conversation is kept (`make purge`, every privacy notice)."""
    return _int("RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def rate_limit_per_minute() -> int:
    """RATE_LIMIT_PER_MINUTE: messages one sender may send in any 60 s; 0 switches the limit off."""
    return _int("RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE)


def max_message_chars() -> int:
    """MAX_MESSAGE_CHARS: longer messages are cut, and the person is told."""
    return _int("MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS)


def privacy_contact() -> str:
    """PRIVACY_CONTACT: where people send access, correction or deletion (ARCO) requests; empty: the
    operator's, unnamed."""
    return _text("PRIVACY_CONTACT")


def lock_store_url() -> str:
    """LOCK_STORE_URL: ``redis://…`` shared by replicas (lock store and rate limit); empty: in memory."""
    return _text("LOCK_STORE_URL")


def tracker_store_url() -> str:
    """TRACKER_STORE_URL: ``postgresql://…`` or ``sqlite:///…``; empty: the SQLite file of endpoints.yml."""
    return _text("TRACKER_STORE_URL")
