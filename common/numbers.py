"""Number words as a voice note's transcript splits them. Runs in both environments (.venv and .venv-rasa)."""

from __future__ import annotations

import re

# «dos mil dieci siete», «en el dieci seis»: a transcript may split a number word in two
_SPLIT = re.compile(
    r"\b(dieci|veinti)\s+(?=(?:uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\b)", re.IGNORECASE
)


def joined_number_words(text: str) -> str:
    """``text`` with each number word a transcript split in two written as one («dieci siete» →
    «diecisiete»)."""
    return _SPLIT.sub(r"\1", text)
