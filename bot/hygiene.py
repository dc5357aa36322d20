"""Input hygiene for every channel: what Rasa should see of a person's message.

Control characters are removed, a blank message becomes the ``mensaje_vacio`` intent, text that looks
like an intent payload but names no intent of the domain is plain text, and an over-long message is
cut to ``MAX_MESSAGE_CHARS`` (default 1000). No Rasa import here, so it is tested in either environment.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DOMAIN = Path(__file__).resolve().parent.parent / "domain.yml"
EMPTY_INTENT = "/mensaje_vacio"
CUT_NOTICE = ("Tu mensaje era muy largo: leí solo los primeros {limit} caracteres. "
              "Si puedes, haz una pregunta más corta.")
SLOW_DOWN = ("Estás enviando muchos mensajes seguidos. Espera un minuto y vuelve a escribir; "
             "con gusto te respondo.")
APOLOGY = "Lo siento: no pude responder en este momento. Intenta de nuevo en unos minutos."
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def max_message_chars() -> int:
    return int(os.environ.get("MAX_MESSAGE_CHARS", "1000"))


@lru_cache(maxsize=1)
def known_intents() -> frozenset:
    """The intents of ``domain.yml``: only these may be sent as ``/intent`` payloads (buttons)."""
    try:
        with open(os.environ.get("RASA_DOMAIN") or DOMAIN, encoding="utf-8") as domain:
            return frozenset(yaml.safe_load(domain).get("intents", []))
    except OSError:
        return frozenset()


def as_text(value: Any) -> str:
    """What a client sent as a message or sender id, as text: a number, list or object as its JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def clean_text(text: Any, limit: int) -> tuple[str, bool]:
    """The text Rasa should see, and whether it was cut. Blank input becomes the empty-message intent."""
    text = as_text(text)
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", text)).strip()
    if not text:
        return EMPTY_INTENT, False
    payload = re.match(r"^/([a-z_]+)(\{.*\})?$", text, re.DOTALL)
    if text.startswith("/") and not (payload and payload.group(1) in known_intents()):
        text = text.lstrip("/").strip() or EMPTY_INTENT  # "/start" or "/foo bar": plain text
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut), True
