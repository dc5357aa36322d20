"""Turning Rasa's replies into Telegram messages: text split under the size limit, inline keyboards.

Callback data is limited to 64 bytes, so it carries one of these short forms: the bridge's own keyboards
say ``e:<state id>`` (a state of the /estado picker), ``r:<ordinal>`` (a recommendation of
/recomendaciones) or ``s:<n>`` (a starter of /start), which survive a restart; Rasa's buttons say
``p:<payload>`` (a payload that fits) or ``k:<key>`` (a longer one, kept in a bounded in-memory map per
chat).

An answer's 👍/👎 (payload ``/feedback{…}``) go together on the last row, under its suggestions (one a row).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from . import texts

MAX_MESSAGE = 4096  # Telegram's limit for one message's text
MAX_CALLBACK_DATA = 64  # bytes
STATE_PREFIX, PAYLOAD_PREFIX, KEY_PREFIX = "e:", "p:", "k:"
RECOMMENDATION_PREFIX, STARTER_PREFIX = "r:", "s:"
FEEDBACK_INTENT, REASON_INTENT = "/feedback", "/feedback_motivo"
_EXAMPLE = re.compile(r"^\s*•\s*«([^»\n]{1,200})»", re.MULTILINE)  # a help example: • «…»
_ROW_CHARS = 24  # button titles per row, in characters, before starting a new row
_ROW_BUTTONS = 3


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message to send: plain text and an optional inline keyboard."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None
    feedback: bool = False  # the keyboard holds 👍/👎 for this answer


def is_rating(payload: str) -> bool:
    """A 👍/👎 payload: ``/feedback`` with or without its entities (not ``/feedback_motivo``)."""
    return payload == FEEDBACK_INTENT or payload.startswith(FEEDBACK_INTENT + "{")


def is_reason(payload: str) -> bool:
    """A reason after 👎 («¿Qué faltó?»): ``/feedback_motivo…``."""
    return payload.startswith(REASON_INTENT)


def _units(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units), so emoji never push a part over the limit."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Cut ``text`` into parts of at most ``limit``, at a paragraph, line or word boundary if possible."""
    parts: list[str] = []
    rest = text.strip()
    while _units(rest) > limit:
        window = rest[:limit]
        while _units(window) > limit:
            window = window[:-1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > 0:
                break
        if cut <= 0:
            cut = len(window)
        part = rest[:cut].rstrip()
        if part:
            parts.append(part)
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def state_payload(name: str) -> str:
    """The message that asks Rasa for a state's status, as a button payload would."""
    return "/estado_situacion" + json.dumps({"estado": name}, ensure_ascii=False)


def _fits(data: str) -> bool:
    return len(data.encode("utf-8")) <= MAX_CALLBACK_DATA


class ButtonStore:
    """Payloads too long for callback data, under short keys: bounded per chat and in chats kept."""

    def __init__(self, per_chat: int = 200, chats: int = 5000) -> None:
        self.per_chat = per_chat
        self.chats = chats
        self._maps: OrderedDict[int, OrderedDict[str, str]] = OrderedDict()
        self._counter = 0

    def put(self, chat_id: int, payload: str) -> str:
        """Remember ``payload`` for ``chat_id``; return its key."""
        entries = self._maps.pop(chat_id, None) or OrderedDict()
        self._maps[chat_id] = entries
        while len(self._maps) > self.chats:
            self._maps.popitem(last=False)
        for key, known in entries.items():
            if known == payload:
                entries.move_to_end(key)
                return key
        self._counter += 1
        key = format(self._counter, "x")
        entries[key] = payload
        while len(entries) > self.per_chat:
            entries.popitem(last=False)
        return key

    def get(self, chat_id: int, key: str) -> str | None:
        """The payload stored under ``key`` for ``chat_id``, or None when unknown or forgotten."""
        entries = self._maps.get(chat_id)
        return entries.get(key) if entries is not None else None


def callback_data(chat_id: int, payload: str, store: ButtonStore) -> str:
    """Callback data for a Rasa button: the payload itself when it fits, else a short key."""
    direct = PAYLOAD_PREFIX + payload
    return direct if _fits(direct) else KEY_PREFIX + store.put(chat_id, payload)


def _rows(buttons: Sequence[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    """Pack buttons into rows: short titles (like 👍 👎) share a row, long ones get their own."""
    rows: list[list[InlineKeyboardButton]] = []
    width = 0
    for button in buttons:
        size = len(button.text)
        if rows and len(rows[-1]) < _ROW_BUTTONS and width + size <= _ROW_CHARS:
            rows[-1].append(button)
            width += size
        else:
            rows.append([button])
            width = size
    return rows


def rasa_keyboard(
    chat_id: int, buttons: Iterable[dict[str, Any]], store: ButtonStore
) -> InlineKeyboardMarkup | None:
    """Rasa's buttons as an inline keyboard; a URL payload becomes a link button. With 👍/👎 among them,
    the others (next-step suggestions) go one a row and 👍 👎 share the last row."""
    made: list[InlineKeyboardButton] = []
    ratings: list[InlineKeyboardButton] = []
    for button in buttons:
        if not isinstance(button, dict):
            continue
        title = str(button.get("title") or "").strip()
        payload = str(button.get("payload") or button.get("url") or "").strip()
        if not title or not payload:
            continue
        if payload.startswith(("https://", "http://")):
            made.append(InlineKeyboardButton(title, url=payload))
        else:
            data = callback_data(chat_id, payload, store)
            (ratings if is_rating(payload) else made).append(InlineKeyboardButton(title, callback_data=data))
    rows = ([[button] for button in made] + [ratings]) if ratings else _rows(made)
    return InlineKeyboardMarkup(rows) if rows else None


def without_ratings(
    keyboard: InlineKeyboardMarkup | None, payload_of: Callable[[str], str | None]
) -> InlineKeyboardMarkup | None:
    """``keyboard`` less its 👍/👎 (``payload_of`` reads a button's callback data); None when nothing
    is left."""
    rows = [
        kept
        for row in (keyboard.inline_keyboard if keyboard else ())
        if (kept := [b for b in row if not is_rating(payload_of(str(b.callback_data or "")) or "")])
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def with_examples(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The help reply's examples («• «¿Jalisco tiene STL?»») as buttons that ask them, on a reply that
    has none."""
    out = []
    for message in messages:
        examples = _EXAMPLE.findall(str(message.get("text") or ""))
        if examples and not message.get("buttons"):
            message = {**message, "buttons": [{"title": e, "payload": e} for e in examples]}
        out.append(message)
    return out


def columns_keyboard(buttons: Sequence[tuple[str, str]], columns: int = 2) -> InlineKeyboardMarkup:
    """A keyboard of the bridge's own (title, callback data) buttons, ``columns`` a row."""
    made = [InlineKeyboardButton(title, callback_data=data) for title, data in buttons]
    for button in made:
        if not _fits(str(button.callback_data)):
            raise ValueError(f"callback data too long: {button.callback_data!r}")
    return InlineKeyboardMarkup([made[i : i + columns] for i in range(0, len(made), columns)])


def state_keyboard(states: Sequence[tuple[str, str]], columns: int = 2) -> InlineKeyboardMarkup:
    """The /estado picker: every state (id, name) as a button carrying ``e:<id>``."""
    return columns_keyboard([(name, STATE_PREFIX + state_id) for state_id, name in states], columns)


def render(chat_id: int, messages: Iterable[dict[str, Any]], store: ButtonStore) -> list[Outgoing]:
    """Rasa's REST reply (a list of messages) as the Telegram messages to send, in order."""
    out: list[Outgoing] = []
    for message in messages:
        if not isinstance(message, dict):
            continue
        lines = [str(message.get("text") or "").strip(), str(message.get("image") or "").strip()]
        text = "\n".join(line for line in lines if line)
        buttons = message.get("buttons") or []
        keyboard = rasa_keyboard(chat_id, buttons, store) if isinstance(buttons, list) else None
        if not text and keyboard is None:
            continue
        parts = split_text(text) or [texts.PICK_OPTION]
        feedback = any(is_rating(str(b.get("payload", ""))) for b in buttons if isinstance(b, dict))
        out.extend(Outgoing(part) for part in parts[:-1])
        out.append(Outgoing(parts[-1], keyboard, feedback and keyboard is not None))
    return out
