"""The bridge's handlers: commands, deep links, text and voice messages and button presses, each
forwarded to Rasa."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import warnings
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from telegram import Audio, Bot, InlineKeyboardMarkup, Update, Voice
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
from telegram.warnings import PTBDeprecationWarning

from common import settings
from common.texts import privacy_notice

from . import texts
from .rasa_client import RasaClient, RasaUnavailable, sender_id
from .render import (
    KEY_PREFIX,
    PAYLOAD_PREFIX,
    RECOMMENDATION_PREFIX,
    STARTER_PREFIX,
    STATE_PREFIX,
    ButtonStore,
    Outgoing,
    columns_keyboard,
    is_rating,
    is_reason,
    render,
    state_keyboard,
    state_payload,
    with_examples,
    without_ratings,
)
from .voice import Busy, ModelUnavailable, TooLong, Transcriber, Undecodable

if TYPE_CHECKING:
    from .app import Catalogue

log = logging.getLogger(__name__)
TYPING_EVERY = 4.5  # seconds; Telegram shows "typing…" for about 5 s
MAX_AUDIO_BYTES = 20 * 1024 * 1024  # the Bot API's own limit on what a bot may download


def _seconds(media: Voice | Audio) -> float:
    """A voice note's or audio file's duration as Telegram states it (int or timedelta in PTB 22)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        duration: Any = media.duration
    return duration.total_seconds() if isinstance(duration, dt.timedelta) else float(duration or 0)


class Bridge:
    """Forwards each chat's messages to Rasa (sender ``telegram:<chat_id>``) and sends the replies."""

    def __init__(
        self,
        rasa: RasaClient,
        known: Catalogue,
        transcriber: Transcriber | None = None,
        log_text: bool = False,
    ) -> None:
        self.rasa = rasa
        self.states = dict(known.states)
        self.years = known.years
        self.state_keyboard = state_keyboard(known.states)
        self.recommendations = {
            str(ordinal): texts.RECOMMENDATION_QUESTION.format(name=name.lower())
            for ordinal, name in known.recommendations
        }
        self.recommendation_keyboard = columns_keyboard(
            [
                (f"{ordinal}. {name}", f"{RECOMMENDATION_PREFIX}{ordinal}")
                for ordinal, name in known.recommendations
            ]
        )
        self.starters = [payload for _, payload in known.starters]
        self.starter_keyboard = columns_keyboard(
            [(title, f"{STARTER_PREFIX}{i}") for i, (title, _) in enumerate(known.starters)], columns=1
        )
        self.transcriber = transcriber
        self.buttons = ButtonStore()
        self.log_text = log_text
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()
        # chat -> the latest answer with 👍/👎: its message id and keyboard
        self._rated: OrderedDict[int, tuple[int, InlineKeyboardMarkup | None]] = OrderedDict()

    def register(self, application: Application) -> None:
        """Add every handler to ``application``."""
        application.add_handler(CommandHandler("start", self.on_start))
        application.add_handler(CommandHandler("help", self.on_help))
        application.add_handler(CommandHandler("estado", self.on_estado))
        application.add_handler(CommandHandler("recomendaciones", self.on_recommendations))
        application.add_handler(CommandHandler("guias", self._forwarding(texts.GUIDES_MESSAGE)))
        application.add_handler(CallbackQueryHandler(self.on_button))
        message = filters.UpdateType.MESSAGE
        application.add_handler(MessageHandler(message & filters.TEXT, self.on_text))
        application.add_handler(MessageHandler(message & (filters.VOICE | filters.AUDIO), self.on_voice))
        application.add_handler(MessageHandler(message & ~filters.TEXT, self.on_other))
        application.add_error_handler(self.on_error)

    # -- commands ------------------------------------------------------------------------------

    async def on_start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/start: what the assistant answers, the privacy notice (the same the ``privacidad`` intent
        gives, with this chat's conversation id) and the starter buttons; Rasa is not involved. A deep
        link (``/start jalisco``, ``/start recomendaciones``, ``/start guias``) opens that topic instead."""
        chat = update.effective_chat
        if chat is None:
            return
        topic = (context.args or [""])[0].strip().lower()
        if topic in self.states or topic in (texts.DEEP_LINK_RECOMMENDATIONS, texts.DEEP_LINK_GUIDES):
            await context.bot.send_message(chat.id, texts.DEEP_LINK_PRIVACY)
            if topic == texts.DEEP_LINK_RECOMMENDATIONS:
                await self.recommendations_for(context.bot, chat.id)
            elif topic == texts.DEEP_LINK_GUIDES:
                await self.converse(context.bot, chat.id, texts.GUIDES_MESSAGE)
            else:
                await self.converse(context.bot, chat.id, state_payload(self.states[topic]))
            return
        notice = privacy_notice(settings.retention_days(), settings.privacy_contact(), sender_id(chat.id))
        await context.bot.send_message(
            chat.id,
            texts.start_text(self.years, notice),
            reply_markup=self.starter_keyboard if self.starters else None,
        )

    def _forwarding(self, message: str) -> Callable[[Update, Any], Coroutine[Any, Any, None]]:
        """A command handler that sends a fixed message to Rasa, as if the person had typed it."""

        async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.effective_chat:
                await self.converse(context.bot, update.effective_chat.id, message)

        return handler

    async def on_help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/help: Rasa's help, its example questions as buttons that ask them."""
        if update.effective_chat:
            await self.converse(context.bot, update.effective_chat.id, texts.HELP_MESSAGE, with_examples)

    async def on_recommendations(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/recomendaciones: Rasa's list, then a button for each recommendation."""
        if update.effective_chat:
            await self.recommendations_for(context.bot, update.effective_chat.id)

    async def recommendations_for(self, bot: Bot, chat_id: int) -> None:
        """Rasa's list of the recommendations, then (when Rasa answered) the buttons 1–4."""
        async with self._lock(chat_id):
            if await self._exchange(bot, chat_id, texts.RECOMMENDATIONS_MESSAGE):
                await bot.send_message(
                    chat_id, texts.PICK_RECOMMENDATION, reply_markup=self.recommendation_keyboard
                )

    async def on_estado(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/estado: the picker of every state; a press asks Rasa for that state's status."""
        if update.effective_chat:
            await context.bot.send_message(
                update.effective_chat.id, texts.PICK_STATE, reply_markup=self.state_keyboard
            )

    # -- messages ------------------------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message (not a known command): forwarded to Rasa as it is."""
        message = update.effective_message
        if update.effective_chat and message and message.text is not None:
            await self.converse(context.bot, update.effective_chat.id, message.text)

    async def on_voice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A voice note or audio file: transcribed, shown («Entendí: «…»») and forwarded like text."""
        chat, message = update.effective_chat, update.effective_message
        media = message and (message.voice or message.audio)
        if chat is None or not media:
            return
        async with self._lock(chat.id):
            heard = await self._hear(context.bot, chat.id, media)
            if heard:
                if self.log_text:
                    log.debug("chat %s said by voice %r", chat.id, heard)
                await self._send(context.bot, chat.id, Outgoing(texts.HEARD.format(text=heard)))
                await self._exchange(context.bot, chat.id, heard)

    async def _hear(self, bot: Bot, chat_id: int, media: Voice | Audio) -> str | None:
        """The transcript of ``media``; None after telling the person why there is none."""
        transcriber = self.transcriber
        if transcriber is None:
            await bot.send_message(chat_id, texts.VOICE_UNAVAILABLE)
            return None
        too_long = texts.VOICE_TOO_LONG.format(seconds=f"{transcriber.max_seconds:.0f}")
        if _seconds(media) > transcriber.max_seconds or (media.file_size or 0) > MAX_AUDIO_BYTES:
            await bot.send_message(chat_id, too_long)
            return None
        if transcriber.available():
            await bot.send_message(chat_id, texts.VOICE_UNAVAILABLE)
            return None
        try:
            async with self._typing(bot, chat_id):
                audio = await (await media.get_file()).download_as_bytearray()
                heard = await transcriber.transcribe(bytes(audio))
            if heard:
                return heard
            problem = texts.VOICE_EMPTY
        except TooLong:
            problem = too_long
        except Undecodable as why:
            log.info("chat %s: a voice note could not be decoded (%s)", chat_id, why)
            problem = texts.VOICE_UNREADABLE
        except Busy:
            log.warning("chat %s: a voice note refused, the transcription queue is full", chat_id)
            problem = texts.VOICE_BUSY
        except ModelUnavailable as why:
            log.error("voice notes cannot be transcribed: %s", why)
            problem = texts.VOICE_UNAVAILABLE
        except (TelegramError, RuntimeError) as why:
            log.warning("chat %s: a voice note failed: %s", chat_id, type(why).__name__)
            problem = texts.VOICE_UNREADABLE
        await bot.send_message(chat_id, problem)
        return None

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, video…: the assistant reads text and hears voice notes only."""
        if update.effective_chat:
            await context.bot.send_message(update.effective_chat.id, texts.TEXT_ONLY)

    # -- buttons -------------------------------------------------------------------------------

    def _payload(self, chat_id: int, data: str) -> str | None:
        """What a button's callback ``data`` asks Rasa; None when unknown or forgotten."""
        prefix, rest = data[:2], data[2:]
        if prefix == STATE_PREFIX:
            return state_payload(self.states[rest]) if rest in self.states else None
        if prefix == RECOMMENDATION_PREFIX:
            return self.recommendations.get(rest)
        if prefix == STARTER_PREFIX:
            index = int(rest) if rest.isdigit() else -1
            return self.starters[index] if 0 <= index < len(self.starters) else None
        if prefix == PAYLOAD_PREFIX:
            return rest
        if prefix == KEY_PREFIX:
            return self.buttons.get(chat_id, rest)
        return None

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on an inline keyboard: acknowledge it, then send its payload to Rasa. A 👍/👎 press
        removes the rating buttons (the suggestions stay); a reason press removes the reasons."""
        query = update.callback_query
        chat = update.effective_chat
        if query is None:
            return
        payload = self._payload(chat.id, query.data or "") if chat else None
        if payload is None or chat is None:
            await query.answer(texts.STALE_BUTTON)
            return
        await query.answer()
        message = query.message
        if message is not None and (is_rating(payload) or is_reason(payload)):
            if is_rating(payload):
                self._rated.pop(chat.id, None)
                markup = getattr(message, "reply_markup", None)
                left = without_ratings(markup, lambda data: self._payload(chat.id, data))
            else:
                left = None
            await self._edit_keyboard(context.bot, chat.id, message.message_id, left)
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

    def _lock(self, chat_id: int) -> asyncio.Lock:
        """The lock that keeps one chat's turns in order."""
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = self._locks[chat_id] = asyncio.Lock()
        return lock

    async def converse(
        self,
        bot: Bot,
        chat_id: int,
        message: str,
        adapt: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None,
    ) -> None:
        """Send ``message`` to Rasa for ``chat_id`` and deliver the replies (through ``adapt``, if given),
        one chat at a time.

        The rate limit per sender is Rasa's channel's (RATE_LIMIT_PER_MINUTE): its notice comes back as
        a reply like any other."""
        if self.log_text:
            log.debug("chat %s says %r", chat_id, message)
        async with self._lock(chat_id):
            await self._exchange(bot, chat_id, message, adapt)

    async def _exchange(
        self,
        bot: Bot,
        chat_id: int,
        message: str,
        adapt: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None,
    ) -> bool:
        """One turn with Rasa, the chat's lock held; False when Rasa could not answer (after apologising)."""
        try:
            async with self._typing(bot, chat_id):
                replies = await self.rasa.send(sender_id(chat_id), message)
        except RasaUnavailable as problem:
            log.warning("chat %s: %s", chat_id, problem)
            await bot.send_message(chat_id, texts.UNAVAILABLE)
            return False
        if adapt:
            replies = adapt(replies)
        outgoing = render(chat_id, replies, self.buttons) or [Outgoing(texts.NO_ANSWER)]
        log.debug("chat %s: %d replies from Rasa, %d messages", chat_id, len(replies), len(outgoing))
        for item in outgoing:
            await self._send(bot, chat_id, item)
        return True

    async def _send(self, bot: Bot, chat_id: int, item: Outgoing) -> None:
        """Plain text (no parse mode: nothing is read as HTML or Markdown, and links stay clickable)."""
        if self.log_text:
            log.debug("chat %s gets %r", chat_id, item.text)
        sent = await bot.send_message(chat_id, item.text, reply_markup=item.keyboard)
        if item.feedback:
            # Only the latest answer can be rated, so a rating always refers to the answer it is under.
            previous = self._rated.pop(chat_id, None)
            self._rated[chat_id] = (sent.message_id, item.keyboard)
            while len(self._rated) > 10000:
                self._rated.popitem(last=False)
            if previous is not None:
                message_id, keyboard = previous
                left = without_ratings(keyboard, lambda data: self._payload(chat_id, data))
                await self._edit_keyboard(bot, chat_id, message_id, left)

    @staticmethod
    async def _edit_keyboard(
        bot: Bot, chat_id: int, message_id: int, keyboard: InlineKeyboardMarkup | None
    ) -> None:
        """Replace a message's keyboard with ``keyboard`` (None: no keyboard)."""
        try:
            await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=keyboard)
        except TelegramError as problem:
            log.debug("chat %s: could not change a keyboard: %s", chat_id, type(problem).__name__)

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
