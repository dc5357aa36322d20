"""Settings of the Telegram bridge, read from environment variables with safe defaults.

TELEGRAM_BOT_TOKEN        the bot's token from BotFather (required)
TELEGRAM_API_URL          Bot API base URL, the token is appended (https://api.telegram.org/bot)
RASA_URL                  where Rasa's REST channel listens (http://127.0.0.1:5005)
RASA_TIMEOUT              seconds to wait for Rasa before apologising (10)
TELEGRAM_WEBHOOK_URL      public HTTPS URL for webhook mode; polling when unset
TELEGRAM_WEBHOOK_SECRET   secret token Telegram sends with each update (random when unset)
TELEGRAM_WEBHOOK_LISTEN   address the webhook server binds (127.0.0.1)
TELEGRAM_WEBHOOK_PORT     port the webhook server binds (8443)
RETENTION_DAYS, PRIVACY_CONTACT  told in /start; read from common/settings.py, as every channel does
RATE_LIMIT_PER_MINUTE     Rasa's channel limits each chat (common/settings.py); the bridge adds no limit
TELEGRAM_BRIDGE_SECRET    sent to Rasa with each message (common/settings.py); Rasa, given the same one,
                          takes ``telegram:`` senders only with it
LOG_LEVEL                 logging level (INFO)
TELEGRAM_LOG_TEXT=1       also log message texts and library debug output (off)
VOICE_MAX_SECONDS         longest voice note or audio file transcribed, in seconds (60)
WHISPER_MODEL             the CTranslate2 Whisper model directory of voice notes (common/settings.py;
                          build/whisper-base, put there by `make whisper`)
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from common import settings as shared

DEFAULT_API_URL = "https://api.telegram.org/bot"
DEFAULT_RASA_URL = "http://127.0.0.1:5005"
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ConfigError(ValueError):
    """The environment does not describe a bridge that can start; the message says why."""


@dataclass(frozen=True)
class Settings:
    """Everything the bridge needs to run. The token and the webhook secret never appear in repr."""

    token: str = field(repr=False)
    api_url: str = DEFAULT_API_URL
    rasa_url: str = DEFAULT_RASA_URL
    rasa_timeout: float = 10.0
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"
    log_text: bool = False
    poll_timeout: float = 10.0
    voice_max_seconds: float = 60.0
    whisper_model: str = shared.DEFAULT_WHISPER_MODEL

    @property
    def file_url(self) -> str:
        """Where the Bot API serves files: ``TELEGRAM_API_URL`` with its last ``/bot`` made ``/file/bot``
        (python-telegram-bot's ``base_file_url``), so a self-hosted Bot API server serves them too."""
        head, separator, tail = self.api_url.rstrip("/").rpartition("/bot")
        return f"{head}/file/bot{tail}" if separator else f"{self.api_url.rstrip('/')}/file/bot"

    @property
    def webhook_path(self) -> str:
        """The path of the webhook URL, where the local webhook server listens (no leading slash)."""
        return urlparse(self.webhook_url or "").path.lstrip("/")


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _number(
    env: Mapping[str, str],
    name: str,
    default: float,
    kind: type = float,
    minimum: float = 0,
    maximum: float = float("inf"),
) -> float:
    raw = _get(env, name)
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name} must be between {minimum} and {maximum}, not {raw!r}")
    return float(value)


def _url(env: Mapping[str, str], name: str, default: str | None) -> str | None:
    value = _get(env, name) or default
    if value is not None and urlparse(value).scheme not in ("http", "https"):
        raise ConfigError(f"{name} must be an http:// or https:// URL")
    return value


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Read :class:`Settings` from ``env`` (default ``os.environ``); raise :class:`ConfigError`."""
    env = os.environ if env is None else env
    token = _get(env, "TELEGRAM_BOT_TOKEN")
    if token is None:
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and export "
            "its token, e.g. TELEGRAM_BOT_TOKEN=123456:ABC... python -m clients.telegram"
        )
    webhook_url = _url(env, "TELEGRAM_WEBHOOK_URL", None)
    secret = _get(env, "TELEGRAM_WEBHOOK_SECRET")
    if secret is not None and not _SECRET.match(secret):
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET may only hold 1-256 characters A-Z, a-z, 0-9, _ and -")
    if webhook_url and secret is None:
        secret = secrets.token_urlsafe(32)
    return Settings(
        token=token,
        api_url=_url(env, "TELEGRAM_API_URL", DEFAULT_API_URL) or DEFAULT_API_URL,
        rasa_url=(_url(env, "RASA_URL", DEFAULT_RASA_URL) or DEFAULT_RASA_URL).rstrip("/"),
        rasa_timeout=_number(env, "RASA_TIMEOUT", 10.0, minimum=0.1),
        webhook_url=webhook_url,
        webhook_secret=secret,
        webhook_listen=_get(env, "TELEGRAM_WEBHOOK_LISTEN") or "127.0.0.1",
        webhook_port=int(_number(env, "TELEGRAM_WEBHOOK_PORT", 8443, int, 1, 65535)),
        log_level=(_get(env, "LOG_LEVEL") or "INFO").upper(),
        log_text=_get(env, "TELEGRAM_LOG_TEXT") == "1",
        voice_max_seconds=_number(env, "VOICE_MAX_SECONDS", 60.0, minimum=1, maximum=600),
        whisper_model=_get(env, "WHISPER_MODEL") or shared.DEFAULT_WHISPER_MODEL,
    )
