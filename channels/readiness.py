"""``GET /webhooks/ready/``: whether this Rasa can answer people now. Runs inside Rasa (.venv-rasa).

200 ``{"status": "ready"}`` only when Rasa's model is loaded and the action server answers its
``/health`` within ``PROBE_TIMEOUT_S``; otherwise 503 with what is missing («modelo», «servidor de
acciones»). The launcher (ops/serve.py) waits for it before saying «Listo»; a load balancer in front of
several Rasa replicas probes it to send people only to replicas that can answer them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

PROBE_TIMEOUT_S = 2.0


def health_url(action_webhook: str) -> str:
    """The action server's health check beside its webhook (``…/webhook`` → ``…/health``)."""
    return action_webhook.rsplit("/", 1)[0] + "/health"


async def _answers(url: str) -> bool:
    try:
        timeout = aiohttp.ClientTimeout(total=PROBE_TIMEOUT_S)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as reply:
            return reply.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return False


async def missing(app: Any) -> list[str]:
    """What this Rasa lacks to answer a person, in Spanish; empty when it is ready."""
    agent = getattr(app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        return ["modelo"]
    endpoint = agent.action_endpoint
    if endpoint is not None and not await _answers(health_url(endpoint.url)):
        return ["servidor de acciones"]
    return []


class ReadinessInput(InputChannel):
    """A channel that takes no messages: only the readiness check, at ``/webhooks/ready/``."""

    @classmethod
    def name(cls) -> str:
        return "ready"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = Blueprint("ready_webhook", __name__)

        @blueprint.route("/", methods=["GET"])
        async def ready(request: Request) -> response.HTTPResponse:
            lacking = await missing(request.app)
            if lacking:
                return response.json({"status": "no listo", "falta": lacking}, status=503)
            return response.json({"status": "ready"})

        return blueprint
