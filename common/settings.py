"""Every server-wide setting in one place: read from the environment, with safe defaults.

The launcher (ops/serve.py), the channels inside Rasa, the action server and the clients all read their
shared settings here, so each default is written once. docs/configuration.md has the full table.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_RASA_HOST = "127.0.0.1"
DEFAULT_RASA_PORT = 5005
DEFAULT_ACTIONS_HOST = "127.0.0.1"
DEFAULT_ACTIONS_PORT = 5055
DEFAULT_CORS_ORIGINS = ("http://localhost:8080", "http://127.0.0.1:8080")
DEFAULT_RETENTION_DAYS = 30
DEFAULT_RATE_LIMIT_PER_MINUTE = 20
DEFAULT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = 120  # six senders' worth: several people behind one NAT
DEFAULT_MAX_TURNS_IN_PROGRESS = 10  # measured: bench/overload_bench.py, docs/evaluation.md
DEFAULT_TURN_WAIT_MS = 500
DEFAULT_MAX_MESSAGE_CHARS = 1000
DEFAULT_MAX_BODY_BYTES = 262_144  # a 200,000-character message still gets its cut and its answer
DEFAULT_MAX_METADATA_BYTES = 2048
DEFAULT_ACTION_TIMEOUT_S = 6
DEFAULT_DASHBOARD_HOST = "127.0.0.1"
DEFAULT_DASHBOARD_PORT = 8090
DEFAULT_DASHBOARD_SESSION_HOURS = 8
#: Whisper base for CTranslate2, joined and checked by `make whisper` (clients/telegram/whisper_model.py)
DEFAULT_WHISPER_MODEL = str(Path(__file__).resolve().parent.parent / "build" / "whisper-base")


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
    """RATE_LIMIT_PER_MINUTE: messages a minute one sender may send (a burst of that many, then one every
    60/N s); 0 switches the limit off."""
    return _int("RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE)


def rate_limit_per_address_per_minute() -> int:
    """RATE_LIMIT_PER_ADDRESS_PER_MINUTE: messages a minute one client address may send, whatever sender
    ids it uses, as RATE_LIMIT_PER_MINUTE counts (Telegram's chats: per chat only); 0 switches it off."""
    return _int("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE)


def trusted_proxy_header() -> str:
    """TRUSTED_PROXY_HEADER (e.g. ``X-Forwarded-For``): the client address is the rightmost address in
    this header, the one the proxy in front of Rasa wrote; empty: the TCP peer's. Set it only when every
    request reaches Rasa through that proxy, or a client can name any address."""
    return _text("TRUSTED_PROXY_HEADER")


def max_turns_in_progress() -> int:
    """MAX_TURNS_IN_PROGRESS: turns one Rasa handles at once; past it a turn waits up to TURN_WAIT_MS for
    a place, then is answered «hay mucha demanda» and not processed; 0 switches this bound off."""
    return _int("MAX_TURNS_IN_PROGRESS", DEFAULT_MAX_TURNS_IN_PROGRESS)


def turn_wait_ms() -> int:
    """TURN_WAIT_MS: how long a turn waits for a place among MAX_TURNS_IN_PROGRESS before it is refused."""
    return _int("TURN_WAIT_MS", DEFAULT_TURN_WAIT_MS)


def max_message_chars() -> int:
    """MAX_MESSAGE_CHARS: longer messages are cut, and the person is told."""
    return _int("MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS)


def max_body_bytes() -> int:
    """MAX_BODY_BYTES: the largest request body REST and socket.io read; larger ones get HTTP 413, unread."""
    return _int("MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)


def max_metadata_bytes() -> int:
    """MAX_METADATA_BYTES: a message's ``metadata`` is stored only when it is a JSON object at most this
    long (as compact JSON); otherwise it is dropped, and the message answered."""
    return _int("MAX_METADATA_BYTES", DEFAULT_MAX_METADATA_BYTES)


def telegram_bridge_secret() -> str:
    """TELEGRAM_BRIDGE_SECRET: shared by Rasa and the Telegram bridge, which sends it in X-Bridge-Secret;
    REST takes a ``telegram:`` sender only with it. Empty: REST refuses every ``telegram:`` sender."""
    return _text("TELEGRAM_BRIDGE_SECRET")


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


def action_timeout_s() -> int:
    """ACTION_TIMEOUT_S: seconds Rasa waits for the action server before the turn fails with an apology."""
    return _int("ACTION_TIMEOUT_S", DEFAULT_ACTION_TIMEOUT_S)


def whisper_model() -> str:
    """WHISPER_MODEL: the CTranslate2 Whisper model directory that transcribes Telegram's voice notes."""
    return _text("WHISPER_MODEL", DEFAULT_WHISPER_MODEL)


def dashboard_host() -> str:
    """DASHBOARD_HOST: where the knowledge team's dashboard listens (ops/dashboard)."""
    return _text("DASHBOARD_HOST", DEFAULT_DASHBOARD_HOST)


def dashboard_port() -> int:
    """DASHBOARD_PORT: the dashboard's port."""
    return _int("DASHBOARD_PORT", DEFAULT_DASHBOARD_PORT)


def dashboard_token() -> str:
    """DASHBOARD_TOKEN: the dashboard's access token (login form and ``Authorization: Bearer``); empty: the
    dashboard does not start, and `make run` does not start it."""
    return _text("DASHBOARD_TOKEN")


def dashboard_password_hash() -> str:
    """DASHBOARD_PASSWORD_HASH: an optional password for the dashboard's login form, stored only as the
    scrypt hash ``python -m ops.dashboard hash-password`` prints; empty: the token alone logs in."""
    return _text("DASHBOARD_PASSWORD_HASH")


def dashboard_session_hours() -> int:
    """DASHBOARD_SESSION_HOURS: how long a dashboard login lasts before it is asked again."""
    return _int("DASHBOARD_SESSION_HOURS", DEFAULT_DASHBOARD_SESSION_HOURS)
