"""Text helpers shared by the knowledge base and the index: accent folding (``common/folding.py``, shared
with the NLU inside Rasa) and whitespace."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from common.folding import fold as fold  # re-exported: the knowledge side imports it from here

_SPACES = re.compile(r"\s+")


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


_JOINERS = {"\u200d", "\ufe0f", "\ufe0e"}  # what glues emoji together or picks their style


def without_emoji(text: str) -> str:
    """``text`` without emoji and other pictographs («y en el 2016 cuales 🤔» → «y en el 2016 cuales»): they
    ask nothing, and a short question must stay short. A message of emoji alone («👎») keeps them."""
    kept = squash("".join(c for c in text if unicodedata.category(c) != "So" and c not in _JOINERS))
    return kept if kept and kept != squash(text) else text


def spanish_date(value: dt.date) -> str:
    """``2020-08-14`` → ``14 de agosto de 2020``."""
    return f"{value.day} de {MONTHS[value.month - 1]} de {value.year}"


def spanish_month(value: dt.date) -> str:
    """``2020-08-14`` → ``agosto de 2020``."""
    return f"{MONTHS[value.month - 1]} de {value.year}"
