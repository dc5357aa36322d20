"""Accent folding, one definition for both environments: the knowledge base and the index (``.venv``,
through ``knowledge.text``) and the NLU inside Rasa (``.venv-rasa``, through ``common.spelling``)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents and diacritics (``Michoacán`` → ``michoacan``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
