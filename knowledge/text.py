"""Text helpers shared by the knowledge base and the index: accent folding (``common/folding.py``, shared
with the NLU inside Rasa) and whitespace."""

from __future__ import annotations

import datetime as dt
import re

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


def spanish_date(value: dt.date) -> str:
    """``2020-08-14`` → ``14 de agosto de 2020``."""
    return f"{value.day} de {MONTHS[value.month - 1]} de {value.year}"


def spanish_month(value: dt.date) -> str:
    """``2020-08-14`` → ``agosto de 2020``."""
    return f"{MONTHS[value.month - 1]} de {value.year}"
