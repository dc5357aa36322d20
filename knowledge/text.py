"""Text helpers shared by the knowledge base and the index: accent folding and whitespace."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents and diacritics (``Michoacán`` → ``michoacan``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def squash(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    return _SPACES.sub(" ", text).strip()


MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


def spanish_date(value: dt.date) -> str:
    """``2020-08-14`` → ``14 de agosto de 2020``."""
    return f"{value.day} de {MONTHS[value.month - 1]} de {value.year}"


def spanish_month(value: dt.date) -> str:
    """``2020-08-14`` → ``agosto de 2020``."""
    return f"{MONTHS[value.month - 1]} de {value.year}"
