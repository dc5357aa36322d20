"""Rasa's REST channel: one POST per message, ``sender`` keeps each chat's conversation apart.

Rasa takes a ``telegram:`` sender only from the bridge: each POST carries TELEGRAM_BRIDGE_SECRET in the
X-Bridge-Secret header (common/bounds.py), when it is set, as it must be in Rasa's environment too.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from common import settings
from common.bounds import BRIDGE_SECRET_HEADER

log = logging.getLogger(__name__)


class RasaUnavailable(RuntimeError):
    """Rasa did not answer in time, or answered something that is not a list of messages."""


def sender_id(chat_id: int) -> str:
    """The Rasa conversation of a Telegram chat."""
    return f"telegram:{chat_id}"


class RasaClient:
    """A small async client of ``{RASA_URL}/webhooks/rest/``; each call is independent, so it recovers
    by itself when Rasa comes back."""

    def __init__(self, base_url: str, timeout: float = 10.0, client: httpx.AsyncClient | None = None) -> None:
        self.webhook = f"{base_url.rstrip('/')}/webhooks/rest/webhook"
        self.health = f"{base_url.rstrip('/')}/webhooks/rest/"
        self._client = client or httpx.AsyncClient(timeout=httpx.Timeout(timeout))
        secret = settings.telegram_bridge_secret()
        self._headers = {BRIDGE_SECRET_HEADER: secret} if secret else {}

    async def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        """Send one message; return Rasa's replies or raise :class:`RasaUnavailable`."""
        try:
            response = await self._client.post(
                self.webhook, json={"sender": sender, "message": message}, headers=self._headers
            )
        except httpx.HTTPError as problem:
            raise RasaUnavailable(f"Rasa did not answer: {type(problem).__name__}") from None
        if response.status_code == 403:
            raise RasaUnavailable(
                "Rasa refused the bridge (HTTP 403): give Rasa and the bridge the same TELEGRAM_BRIDGE_SECRET"
            )
        if response.status_code != 200:
            raise RasaUnavailable(f"Rasa answered HTTP {response.status_code}")
        try:
            replies = response.json()
        except ValueError:
            raise RasaUnavailable("Rasa's answer is not JSON") from None
        if not isinstance(replies, list):
            raise RasaUnavailable("Rasa's answer is not a list of messages")
        return [reply for reply in replies if isinstance(reply, dict)]

    async def is_up(self) -> bool:
        """Whether the REST channel answers ``{"status": "ok"}``."""
        try:
            response = await self._client.get(self.health)
            return response.status_code == 200 and response.json().get("status") == "ok"
        except (httpx.HTTPError, ValueError, AttributeError):
            return False

    async def close(self) -> None:
        await self._client.aclose()
