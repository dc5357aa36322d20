"""The bridge's handlers: commands, text messages and button presses, each forwarded to Rasa."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from telegram import Bot, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from common import settings
from common.texts import privacy_notice

from . import texts
from .rasa_client import RasaClient, RasaUnavailable, sender_id
from .render import (
    FEEDBACK_PREFIX,
    KEY_PREFIX,
    PAYLOAD_PREFIX,
    STATE_PREFIX,
    ButtonStore,
    Outgoing,
    render,
    state_keyboard,
    state_payload,
)

log = logging.getLogger(__name__)
TYPING_EVERY = 4.5  # seconds; Telegram shows "typing…" for about 5 s


class Bridge:
    """Forwards each chat's messages to Rasa (sender ``telegram:<chat_id>``) and sends the replies."""

    def __init__(
        self,
        rasa: RasaClient,
        states: Sequence[tuple[str, str]],
        years: str,
        log_text: bool = False,
    ) -> None:
        self.rasa = rasa
        self.states = dict(states)
        self.state_keyboard = state_keyboard(states)
        self.buttons = ButtonStore()
        self.years = years
        self.log_text = log_text
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()
        self._feedback_message: OrderedDict[int, int] = OrderedDict()

    def register(self, application: Application) -> None:
        """Add every handler to ``application``."""
        application.add_handler(CommandHandler("start", self.on_start))
        application.add_handler(CommandHandler("help", self._forwarding(texts.HELP_MESSAGE)))
        application.add_handler(CommandHandler("estado", self.on_estado))
        application.add_handler(
            CommandHandler("recomendaciones", self._forwarding(texts.RECOMMENDATIONS_MESSAGE))
        )
        application.add_handler(CommandHandler("guias", self._forwarding(texts.GUIDES_MESSAGE)))
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT, self.on_text))
        application.add_handler(MessageHandler(filters.UpdateType.MESSAGE & ~filters.TEXT, self.on_other))
        application.add_error_handler(self.on_error)

    # -- handlers ------------------------------------------------------------------------------

    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start: what the assistant answers and the privacy notice (the same the ``privacidad`` intent
        gives, with this chat's conversation id); Rasa is not involved."""
        if update.effective_chat:
            chat_id = update.effective_chat.id
            notice = privacy_notice(settings.retention_days(), settings.privacy_contact(), sender_id(chat_id))
            await context.bot.send_message(chat_id, texts.start_text(self.years, notice))

    def _forwarding(self, message: str) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
        """A command handler that sends a fixed message to Rasa, as if the person had typed it."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.effective_chat:
                await self.converse(context.bot, update.effective_chat.id, message)

        return handler

    async def on_estado(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/estado: the picker of every state; a press asks Rasa for that state's status."""
        if update.effective_chat:
            await context.bot.send_message(
                update.effective_chat.id, texts.PICK_STATE, reply_markup=self.state_keyboard
            )

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message (not a known command): forwarded to Rasa as it is."""
        message = update.effective_message
        if update.effective_chat and message and message.text is not None:
            await self.converse(context.bot, update.effective_chat.id, message.text)

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice…: the assistant reads text only."""
        if update.effective_chat:
            await context.bot.send_message(update.effective_chat.id, texts.TEXT_ONLY)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on an inline keyboard: acknowledge it, then send its payload to Rasa."""
        query = update.callback_query
        chat = update.effective_chat
        if query is None:
            return
        data = query.data or ""
        payload: str | None = None
        if chat is not None:
            if data.startswith(STATE_PREFIX) and data[len(STATE_PREFIX) :] in self.states:
                payload = state_payload(self.states[data[len(STATE_PREFIX) :]])
            elif data.startswith(PAYLOAD_PREFIX):
                payload = data[len(PAYLOAD_PREFIX) :]
            elif data.startswith(KEY_PREFIX):
                payload = self.buttons.get(chat.id, data[len(KEY_PREFIX) :])
        if payload is None or chat is None:
            await query.answer(texts.STALE_BUTTON)
            return
        await query.answer()
        if payload.startswith(FEEDBACK_PREFIX) and query.message is not None:
            # One rating per answer: the 👍/👎 keyboard goes once it is used.
            self._feedback_message.pop(chat.id, None)
            await self._drop_keyboard(context.bot, chat.id, query.message.message_id)
        await self.converse(context.bot, chat.id, payload)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log what failed (never the message text); the bridge goes on."""
        error = context.error
        log.error(
            "error while handling an update: %s",
            type(error).__name__,
            exc_info=(type(error), error, error.__traceback__) if error else None,
        )

    # -- the conversation ----------------------------------------------------------------------

    async def converse(self, bot: Bot, chat_id: int, message: str) -> None:
        """Send ``message`` to Rasa for ``chat_id`` and deliver the replies, one chat at a time.

        The rate limit per sender is Rasa's channel's (RATE_LIMIT_PER_MINUTE): its notice comes back as
        a reply like any other."""
        if self.log_text:
            log.debug("chat %s says %r", chat_id, message)
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = self._locks[chat_id] = asyncio.Lock()
        async with lock:
            try:
                async with self._typing(bot, chat_id):
                    replies = await self.rasa.send(sender_id(chat_id), message)
            except RasaUnavailable as problem:
                log.warning("chat %s: %s", chat_id, problem)
                await bot.send_message(chat_id, texts.UNAVAILABLE)
                return
            outgoing = render(chat_id, replies, self.buttons) or [Outgoing(texts.NO_ANSWER)]
            log.debug("chat %s: %d replies from Rasa, %d messages", chat_id, len(replies), len(outgoing))
            for item in outgoing:
                await self._send(bot, chat_id, item)

    async def _send(self, bot: Bot, chat_id: int, item: Outgoing) -> None:
        """Plain text (no parse mode: nothing is read as HTML or Markdown, and links stay clickable)."""
        if self.log_text:
            log.debug("chat %s gets %r", chat_id, item.text)
        sent = await bot.send_message(chat_id, item.text, reply_markup=item.keyboard)
        if item.feedback:
            # Only the latest answer can be rated, so a rating always refers to the answer it is under.
            previous = self._feedback_message.pop(chat_id, None)
            self._feedback_message[chat_id] = sent.message_id
            while len(self._feedback_message) > 10000:
                self._feedback_message.popitem(last=False)
            if previous is not None:
                await self._drop_keyboard(bot, chat_id, previous)

    @staticmethod
    async def _drop_keyboard(bot: Bot, chat_id: int, message_id: int) -> None:
        try:
            await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
        except TelegramError as problem:
            log.debug("chat %s: could not remove a keyboard: %s", chat_id, type(problem).__name__)

    @contextlib.asynccontextmanager
    async def _typing(self, bot: Bot, chat_id: int) -> AsyncIterator[None]:
        """Show "typing…" in the chat until the block ends."""

        async def typing() -> None:
            try:
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            except TelegramError as problem:
                log.debug("chat %s: no typing action: %s", chat_id, type(problem).__name__)

        async def keep_typing() -> None:
            while True:
                await asyncio.sleep(TYPING_EVERY)
                await typing()

        await typing()
        task = asyncio.create_task(keep_typing())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
