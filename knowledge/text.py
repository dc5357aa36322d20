"""Text helpers shared by the knowledge base and the index: accent folding (``common/folding.py``, shared
with the NLU inside Rasa) and whitespace."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from text_to_num import alpha2digit

from common.folding import fold as fold  # re-exported: the knowledge side imports it from here
from common.numbers import joined_number_words

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


# «en el dieciocho», «del 18», «el año '17», «dos mil veinte»: a year said short or in words; not «del 16 al
# 21», «el 18 de marzo», «en el 20 %» (a count, a day, a share) nor «la lista de 16», «¿y el 16 de dónde
# sale?» (a figure)
_SPOKEN_YEAR = re.compile(
    r"\b(?:(?:en\s+el\s+ano|del\s+ano|el\s+ano|en\s+el|del)\s+(?!dos\s+mil)('?\w+)|(dos\s+mil\s+\w+))\b"
    rf"(?!\s*(?:%|por\s+ciento|al?\s|de\s+(?:{'|'.join(MONTHS)})\b))"
)


_SPOKEN_RANGE = re.compile(r"\bentre\s+el\s+('?\w+)\s+y\s+el\s+('?\w+)\b")


def _year_said(said: str, years: range) -> int | None:
    """The year of ``years`` a word or a short number says («dieciocho», «'17», «dos mil veinte»), or None."""
    number = alpha2digit(said.lstrip("'"), "es", threshold=0).replace(" ", "")
    year = int(number) + (2000 if len(number) == 2 else 0) if number.isdigit() else None
    return year if year in years else None


def with_spoken_years(text: str, years: range) -> str:
    """``text`` with each year of ``years`` it says short or in words written in full («¿cuántos había en el
    dieciocho?» → «…en el 2018?»); other numbers as they are."""
    text = joined_number_words(text)  # «en el dieci seis»
    places = []
    for found in _SPOKEN_YEAR.finditer(fold(text)):
        group = 1 if found.group(1) else 2
        if (year := _year_said(found.group(group), years)) is not None:
            places.append((found.start(group), found.end(group), str(year)))
    for found in _SPOKEN_RANGE.finditer(fold(text)):  # «entre el dieciocho y el veinte»: both, or neither
        said = [_year_said(found.group(group), years) for group in (1, 2)]
        if None not in said:
            places += [(found.start(g), found.end(g), str(y)) for g, y in zip((1, 2), said, strict=True)]
    for start, end, written in sorted(set(places), reverse=True):
        text = f"{text[:start]}{written}{text[end:]}"
    return text
