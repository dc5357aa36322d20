"""Building and running the bridge: polling by default, a webhook with a secret token when configured."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from telegram import Bot, BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder

from knowledge import KnowledgeBase

from . import texts
from .config import ConfigError, Settings
from .handlers import Bridge
from .limits import FloodLimiter
from .rasa_client import RasaClient
from .voice import Transcriber

log = logging.getLogger(__name__)
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
BOOTSTRAP_RETRIES = 5
MAX_BACKOFF = 60.0
STARTERS = Path(__file__).resolve().parent.parent / "starters.json"


@dataclass(frozen=True)
class Catalogue:
    """What the bridge says by itself: from the knowledge base, the states of the /estado picker (id,
    name), the years the documents cover (in /start) and the recommendations' (ordinal, name) of
    /recomendaciones; from clients/starters.json, the starter buttons of /start (title, question)."""

    states: list[tuple[str, str]]
    years: str
    recommendations: list[tuple[int, str]]
    starters: list[tuple[str, str]]


def load_starters(path: Path = STARTERS) -> list[tuple[str, str]]:
    """The starter buttons (title, payload) of ``path``, a JSON list of {title, payload}, shared with the
    web widget. Raises :class:`ConfigError` when the file is missing or not in that form."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
        starters = [(str(item["title"]).strip(), str(item["payload"]).strip()) for item in items]
    except (OSError, ValueError, TypeError, KeyError) as problem:
        raise ConfigError(
            f"{path}: not a JSON list of {{title, payload}} ({type(problem).__name__}); "
            "`make generate` writes it"
        ) from None
    if not all(title and payload for title, payload in starters):
        raise ConfigError(f"{path}: every starter needs a title and a payload")
    return starters


def catalogue(kb: KnowledgeBase, starters: list[tuple[str, str]] | None = None) -> Catalogue:
    """The :class:`Catalogue` of ``kb``, with ``starters`` (default: clients/starters.json)."""
    return Catalogue(
        [(state.id, state.name) for state in kb.states],
        kb.years_covered(),
        [(item.ordinal, item.name) for item in kb.recommendations.items],
        load_starters() if starters is None else starters,
    )


def build_application(settings: Settings) -> Application:
    """A python-telegram-bot Application pointed at ``settings.api_url`` (files at ``settings.file_url``),
    with flood limits."""
    return (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_url)
        .base_file_url(settings.file_url)
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
    transcriber = Transcriber(
        settings.whisper_model, settings.voice_max_seconds, [n for _, n in known.states]
    )
    if transcriber.available():
        log.warning("voice notes get an apology: %s", transcriber.available())
    bridge = Bridge(rasa, known, transcriber, settings.log_text)
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
        transcriber.close()
        log.info("stopped")
