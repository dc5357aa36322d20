"""Who may use the dashboard: its configuration check, password hashes, sessions and the failure throttle.

``DASHBOARD_TOKEN`` is required; ``DASHBOARD_PASSWORD_HASH``, when set, is the scrypt hash of a password
that logs in too. Secrets are compared in constant time (``hmac.compare_digest``, over SHA-256 digests
where the lengths differ). Sessions live in memory (a restart ends them); failures are counted per client
address.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass

from common import settings

MIN_TOKEN_CHARS = 16
MAX_SESSIONS = 1000
FAILURE_LIMIT = 10
FAILURE_WINDOW_S = 600.0
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


@dataclass(frozen=True)
class Config:
    """What the dashboard needs to start: the secrets, the session's length and the store."""

    token: str
    password_hash: str = ""
    session_hours: int = settings.DEFAULT_DASHBOARD_SESSION_HOURS
    store_url: str | None = None  # None: TRACKER_STORE_URL, else build/tracker.db

    @classmethod
    def from_env(cls) -> Config:
        return cls(
            token=settings.dashboard_token(),
            password_hash=settings.dashboard_password_hash(),
            session_hours=settings.dashboard_session_hours(),
        )


def config_problem(config: Config) -> str:
    """Why the dashboard must not start with ``config`` (for a person), or "" when it can."""
    if not config.token:
        return (
            "DASHBOARD_TOKEN is not set: the dashboard shows what people asked and never starts open. "
            "Set it to a long random value, e.g. "
            "DASHBOARD_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )
    if len(config.token) < MIN_TOKEN_CHARS:
        return (
            f"DASHBOARD_TOKEN is too short ({len(config.token)} characters): use at least "
            f"{MIN_TOKEN_CHARS}, e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    if config.password_hash and _parse_hash(config.password_hash) is None:
        return (
            "DASHBOARD_PASSWORD_HASH is not a hash made by `python -m ops.dashboard hash-password` "
            "(scrypt$N$r$p$salt$hash)"
        )
    if config.session_hours < 1:
        return f"DASHBOARD_SESSION_HOURS must be 1 or more, not {config.session_hours}"
    return ""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """``password`` as ``scrypt$N$r$p$salt$hash`` (base64url), for DASHBOARD_PASSWORD_HASH."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=256 * n * r * p + 2**20
    )


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """The parameters of a ``hash_password`` result, or None when it is not one (or asks too much work)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not all(part.isdigit() for part in parts[1:4]):
        return None
    n, r, p = (int(part) for part in parts[1:4])
    if n < 2 or n & (n - 1) or n > 2**17 or not 1 <= r <= 16 or not 1 <= p <= 4:
        return None
    try:
        salt, digest = _unb64(parts[4]), _unb64(parts[5])
    except (binascii.Error, ValueError):
        return None
    return (n, r, p, salt, digest) if len(salt) >= 8 and len(digest) == 32 else None


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` (a ``hash_password`` result) was made from."""
    parsed = _parse_hash(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    return hmac.compare_digest(_scrypt(password, salt, n, r, p), digest)


def same(given: str, expected: str) -> bool:
    """``given == expected`` in constant time, whatever their lengths."""
    return hmac.compare_digest(
        hashlib.sha256(given.encode("utf-8", "surrogatepass")).digest(),
        hashlib.sha256(expected.encode("utf-8")).digest(),
    )


class Sessions:
    """Logins: the SHA-256 of each session cookie and when it expires, in memory (a restart ends them)."""

    def __init__(self, lifetime_s: float, limit: int = MAX_SESSIONS) -> None:
        self.lifetime_s = lifetime_s
        self.limit = limit
        self._expiry: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(value: str) -> str:
        return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()

    def open(self, now: float) -> str:
        value = secrets.token_urlsafe(32)
        with self._lock:
            for key in [key for key, expiry in self._expiry.items() if expiry <= now]:
                del self._expiry[key]
            while len(self._expiry) >= self.limit:  # the oldest login goes first
                self._expiry.popitem(last=False)
            self._expiry[self._key(value)] = now + self.lifetime_s
        return value

    def valid(self, value: str, now: float) -> bool:
        with self._lock:
            expiry = self._expiry.get(self._key(value))
            return expiry is not None and now < expiry

    def close(self, value: str) -> None:
        with self._lock:
            self._expiry.pop(self._key(value), None)


class Throttle:
    """Failed logins (and wrong tokens) per client address: more than ``limit`` within ``window_s`` and
    the address must wait until the oldest failure is that old."""

    def __init__(self, limit: int = FAILURE_LIMIT, window_s: float = FAILURE_WINDOW_S) -> None:
        self.limit = limit
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, who: str, now: float) -> float:
        """Seconds ``who`` must wait before trying again; 0 when it may try now."""
        with self._lock:
            failures = self._failures.get(who)
            if failures is None:
                return 0.0
            while failures and failures[0] <= now - self.window_s:
                failures.popleft()
            if not failures:
                del self._failures[who]
                return 0.0
            return failures[0] + self.window_s - now if len(failures) >= self.limit else 0.0

    def fail(self, who: str, now: float) -> None:
        with self._lock:
            if len(self._failures) > 10_000:  # bounded memory: forget addresses with old failures
                for key in [k for k, v in self._failures.items() if not v or v[-1] <= now - self.window_s]:
                    del self._failures[key]
            self._failures.setdefault(who, deque(maxlen=self.limit)).append(now)
