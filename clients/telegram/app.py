"""Building and running the bridge: polling by default, a webhook with a secret token when configured."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder

from knowledge import KnowledgeBase

from . import texts
from .config import Settings
from .handlers import Bridge
from .limits import FloodLimiter
from .rasa_client import RasaClient

log = logging.getLogger(__name__)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
BOOTSTRAP_RETRIES = 5
MAX_BACKOFF = 60.0


@dataclass(frozen=True)
class Catalogue:
    """What the bridge says by itself from the knowledge base: the states of the /estado picker (id,
    name) and the years the documents cover, in /start."""

    states: list[tuple[str, str]]
    years: str


def catalogue(kb: KnowledgeBase) -> Catalogue:
    return Catalogue([(state.id, state.name) for state in kb.states], kb.years_covered())


def build_application(settings: Settings) -> Application:
    """A python-telegram-bot Application pointed at ``settings.api_url``, with flood limits."""
    return (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_url)
        .rate_limiter(FloodLimiter())
        .concurrent_updates(64)  # chats in parallel; each chat stays in order (Bridge's lock)
        .build()
    )


async def register_commands(bot: Bot) -> None:
    """Show the commands in Telegram's menu; a failure is logged, not fatal."""
    try:
        await bot.set_my_commands([BotCommand(name, description) for name, description in texts.COMMANDS])
    except TelegramError as problem:
        log.warning("could not register the commands: %s", type(problem).__name__)


async def _wait(stop: asyncio.Event, seconds: float) -> bool:
    """Sleep up to ``seconds``; True when ``stop`` was set meanwhile."""
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except asyncio.TimeoutError:
        return False
    return True


async def _connect(application: Application, stop: asyncio.Event) -> bool:
    """Initialize (``getMe``), retrying while the Bot API is unreachable; False when stopped first."""
    delay = 1.0
    while not stop.is_set():
        try:
            await application.initialize()
            return True
        except InvalidToken:
            raise
        except NetworkError as problem:
            log.warning(
                "the Bot API does not answer (%s); trying again in %.0f s", type(problem).__name__, delay
            )
        if await _wait(stop, delay):
            return False
        delay = min(delay * 2, MAX_BACKOFF)
    return False


async def serve(
    settings: Settings,
    known: Catalogue,
    stop: asyncio.Event,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Run the bridge until ``stop`` is set. Raises InvalidToken when Telegram rejects the token."""
    rasa = RasaClient(settings.rasa_url, settings.rasa_timeout)
    application = build_application(settings)
    bridge = Bridge(rasa, known.states, known.years, settings.log_text)
    bridge.register(application)
    updater = application.updater
    assert updater is not None
    try:
        if not await _connect(application, stop):
            return
        await register_commands(application.bot)
        if not await rasa.is_up():
            log.warning(
                "Rasa does not answer at %s yet: people get an apology until it does", settings.rasa_url
            )
        await application.start()
        if settings.webhook_url:
            await updater.start_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=settings.webhook_path,
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES,
            )
            log.info(
                "webhook mode: listening on %s:%s/%s",
                settings.webhook_listen,
                settings.webhook_port,
                settings.webhook_path,
            )
        else:
            await updater.start_polling(
                timeout=int(settings.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES,
            )
            log.info("polling mode: asking the Bot API for updates")
        if on_ready:
            on_ready()
        await stop.wait()
    finally:
        if updater.running:
            await updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        await rasa.close()
        log.info("stopped")
