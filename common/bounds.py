"""Bounds on what a client sends besides its message: who it says it is, from where, and what else.

The channels (channels/inputs.py) apply them before Rasa sees a request. Two outcomes:
- refused by REST with HTTP 403: a browser on an origin not in CORS_ORIGINS (``origin_allowed``), a
  ``telegram:`` sender without the bridge's secret (``is_reserved``, ``bridge_authentic``); a body over
  MAX_BODY_BYTES is refused by both channels, unread (413);
- bounded, and the message answered: a sender that is long or has other characters becomes a stable
  stand-in (``bounded_sender``), metadata that is not a small JSON object is dropped (``bounded_metadata``),
  an ``input_channel`` that is not a short name is the channel's own (``channel_name``).
Standard library only, so it is tested in either environment.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import urllib.parse
from collections.abc import Collection
from typing import Any

MAX_SENDER_CHARS = 128  # PostgreSQL's sender_id column holds 255; every stand-in is 34
SENDER = re.compile(rf"[A-Za-z0-9_.:-]{{1,{MAX_SENDER_CHARS}}}")
RESERVED_PREFIX = "telegram:"  # the Telegram bridge's senders (clients/telegram/rasa_client.py)
BRIDGE_SECRET_HEADER = "X-Bridge-Secret"
_CHANNEL_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")


def is_reserved(sender: str) -> bool:
    """Whether ``sender`` is one only the Telegram bridge may use (``telegram:``, in any case)."""
    return sender[: len(RESERVED_PREFIX)].lower() == RESERVED_PREFIX


def bridge_authentic(given: str | None, secret: str) -> bool:
    """Whether a request carries the bridge's ``secret`` (compared in constant time); never without one."""
    return bool(secret and given) and hmac.compare_digest(str(given).encode(), secret.encode())


def bounded_sender(sender: str, trusted: bool = False) -> str:
    """The sender id Rasa stores: ``sender`` itself when it is 1–128 characters of ``A-Z a-z 0-9 _ . : -``
    and, unless ``trusted`` (the Telegram bridge), not reserved; otherwise a stable stand-in, ``x-`` and 32
    hex digits of its SHA-256, so the same odd or long id always reaches the same bounded conversation."""
    if SENDER.fullmatch(sender) and (trusted or not is_reserved(sender)):
        return sender
    return "x-" + hashlib.sha256(sender.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def bounded_metadata(value: Any, limit: int) -> dict | None:
    """``value`` when it is a JSON object of at most ``limit`` bytes as compact JSON; otherwise None."""
    if not isinstance(value, dict):
        return None
    try:
        size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "replace"))
    except (TypeError, ValueError, RecursionError):
        return None
    return value if size <= limit else None


def channel_name(value: str, default: str) -> str:
    """The ``input_channel`` Rasa stores: ``value`` when it is a short lowercase name, else ``default``."""
    return value if _CHANNEL_NAME.fullmatch(value) else default


def origin_allowed(origin: str | None, host: str | None, allowed: Collection[str]) -> bool:
    """From a browser on an ``allowed`` origin or on the server's own (``host``); other clients send no
    Origin and are allowed."""
    if not origin or "*" in allowed or origin in allowed:
        return True
    try:
        return bool(host) and urllib.parse.urlsplit(origin).netloc == host
    except ValueError:  # not a URL («http://[::1»)
        return False
