"""Turning Rasa's replies into Telegram messages: text split under the size limit, inline keyboards.

Callback data is limited to 64 bytes, so it carries one of three short forms:
``e:<state id>`` (a state of the /estado picker), ``p:<payload>`` (a Rasa button payload that fits) or
``k:<key>`` (a longer payload, kept in a bounded in-memory map per chat).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from . import texts

MAX_MESSAGE = 4096  # Telegram's limit for one message's text
MAX_CALLBACK_DATA = 64  # bytes
STATE_PREFIX, PAYLOAD_PREFIX, KEY_PREFIX = "e:", "p:", "k:"
FEEDBACK_PREFIX = "/feedback"
_ROW_CHARS = 24  # button titles per row, in characters, before starting a new row
_ROW_BUTTONS = 3


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message to send: plain text and an optional inline keyboard."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None
    feedback: bool = False  # the keyboard holds 👍/👎 for this answer


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
        return self._maps.get(chat_id, {}).get(key)


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
    """Rasa's buttons as an inline keyboard; a URL payload becomes a link button."""
    made: list[InlineKeyboardButton] = []
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
            made.append(InlineKeyboardButton(title, callback_data=callback_data(chat_id, payload, store)))
    return InlineKeyboardMarkup(_rows(made)) if made else None


def state_keyboard(states: Sequence[tuple[str, str]], columns: int = 2) -> InlineKeyboardMarkup:
    """The /estado picker: every state (id, name) as a button carrying ``e:<id>``."""
    buttons = [InlineKeyboardButton(name, callback_data=STATE_PREFIX + state_id) for state_id, name in states]
    for button in buttons:
        if not _fits(button.callback_data):  # type: ignore[arg-type]
            raise ValueError(f"state id too long for callback data: {button.callback_data!r}")
    return InlineKeyboardMarkup([buttons[i : i + columns] for i in range(0, len(buttons), columns)])


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
        feedback = any(
            str(b.get("payload", "")).startswith(FEEDBACK_PREFIX) for b in buttons if isinstance(b, dict)
        )
        out.extend(Outgoing(part) for part in parts[:-1])
        out.append(Outgoing(parts[-1], keyboard, feedback and keyboard is not None))
    return out
