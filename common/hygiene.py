"""Input hygiene for every channel: what Rasa should see of a person's message.

Control characters are removed, a blank message becomes the ``mensaje_vacio`` intent, text that looks
like an intent payload but names no intent of the domain is plain text, a payload's entities keep only
text and number values (an object or a list never reaches the actions), and an over-long message is
cut to a limit (MAX_MESSAGE_CHARS). Standard library only, so it is tested in either environment.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Collection
from typing import Any

EMPTY_INTENT = "/mensaje_vacio"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PAYLOAD = re.compile(r"^/([a-z_]+)(\{.*\})?$", re.DOTALL)


def as_text(value: Any) -> str:
    """What a client sent as a message or sender id, as text: a number, list or object as its JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def _is_entity_value(value: Any) -> bool:
    """Whether an entity may have ``value``: text or a finite number (not true/false, null, list, object)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, str) or (isinstance(value, int | float) and math.isfinite(value))


def _payload(intent: str, entities: str | None) -> str:
    """``/intent`` with the entities of its JSON ``entities`` whose values are text or numbers; the others,
    and JSON that is not an object, are dropped («/feedback{"valor": {"x": 1}}» → «/feedback»)."""
    try:
        parsed = json.loads(entities) if entities else {}
    except (ValueError, RecursionError):  # not JSON, a number too long, or nested too deep
        parsed = {}
    if not isinstance(parsed, dict):
        parsed = {}
    kept = {name: value for name, value in parsed.items() if _is_entity_value(value)}
    return f"/{intent}{json.dumps(kept, ensure_ascii=False)}" if kept else f"/{intent}"


def clean_text(text: Any, limit: int, intents: Collection[str]) -> tuple[str, bool]:
    """The text Rasa should see, and whether it was cut. Blank input becomes the empty-message intent;
    only the domain's ``intents`` may be sent as ``/intent`` payloads (buttons), with entities of text
    and numbers only."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", as_text(text))).strip()
    if not text:
        return EMPTY_INTENT, False
    payload = _PAYLOAD.match(text)
    if payload and payload.group(1) in intents:
        text = _payload(payload.group(1), payload.group(2))
    elif text.startswith("/"):
        text = text.lstrip("/").strip() or EMPTY_INTENT  # "/start" or "/foo bar": plain text
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True


_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|</?[a-z][^<>]{0,200}>", re.IGNORECASE | re.DOTALL)
_STRETCHED = re.compile(r"([^\W\dw])\1{2,}", re.IGNORECASE)


# a message whose letters are this share capitals or more is written in capitals throughout («QUIEN LAS
# SACO ESAS»): read in small letters, as the training examples are written (the sentence embedding is
# case-sensitive); no shorter message is («STL?», «INAI»)
SHOUTED_SHARE = 0.6
SHOUTED_MIN_LETTERS = 12


def _unshouted(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    shouted = sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)
    return text.lower() if len(letters) >= SHOUTED_MIN_LETTERS and shouted else text


def plain_words(text: str) -> str:
    """The words NLU should read in ``text``: markup tags dropped («<b>que es un stl</b>» → «que es un
    stl»), a letter stretched three or more times said once («holaaaa» → «hola», «graciaaas» →
    «gracias») and a message in capitals throughout read in small letters. Double letters (ll, rr, cc,
    ee) and digits are kept; so is the text when nothing is left."""
    words = " ".join(_STRETCHED.sub(r"\g<1>", _MARKUP.sub(" ", _unshouted(text))).split())
    return words or text
