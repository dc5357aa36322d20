"""``python -m clients.telegram``: run the Telegram bridge until Ctrl-C or SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from telegram.error import InvalidToken

from common import settings as shared
from knowledge import load_knowledge

from . import logs
from .app import Catalogue, catalogue, serve
from .config import ConfigError, Settings, from_env

log = logging.getLogger("clients.telegram")


async def _run(settings: Settings, known: Catalogue) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(settings, known, stop)


def main(argv: list[str] | None = None) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        from . import config

        print(config.__doc__, file=sys.stderr)
        return 0
    try:
        settings = from_env()
        shared.retention_days()  # told in every /start: a bad RETENTION_DAYS stops the bridge here
        known = catalogue(load_knowledge())  # with clients/starters.json, checked here
    except (ConfigError, ValueError) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    logs.setup(settings.log_level, [settings.token, settings.webhook_secret or ""], settings.log_text)
    log.info(
        "starting: Rasa at %s, %s mode", settings.rasa_url, "webhook" if settings.webhook_url else "polling"
    )
    try:
        asyncio.run(_run(settings, known))
    except InvalidToken:
        log.error("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
