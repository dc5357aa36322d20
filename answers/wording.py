"""Wording shared by every answer: citing a source, the INAI note, cutting text for a phone screen."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

PHONE_CHARS = 700
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


def according_to(kb: KnowledgeBase, source_id: str) -> str:
    """``según el comunicado INAI/265/19, 14 de agosto de 2020``."""
    return f"según {kb.citation(source_id)}"


def from_source(kb: KnowledgeBase, source_id: str) -> str:
    """``del comunicado INAI/265/19, 14 de agosto de 2020`` («de el» contracted)."""
    cited = kb.citation(source_id)
    return f"del {cited[3:]}" if cited.startswith("el ") else f"de {cited}"


def source_line(kb: KnowledgeBase, source_id: str) -> str:
    """The closing source line: ``Fuente: el comunicado INAI/265/19, 14 de agosto de 2020.``"""
    return f"Fuente: {kb.citation(source_id)}."


def inai_note(kb: KnowledgeBase) -> str:
    """The dated note(s) every answer that sends a person to INAI carries."""
    return " ".join(note.text.strip() for note in kb.notes_for("INAI"))


def with_inai_note(kb: KnowledgeBase, reply: str) -> str:
    """``reply`` with the dated note on INAI at the end when what it quotes sends people to INAI (its
    micrositio, its contacts, its advice: ``sends_to_inai``)."""
    sends = kb.vocabulary.sends_to_inai
    if not mentions(sends.names, reply) or not mentions(sends.words, reply):
        return reply
    note = inai_note(kb)
    return reply if note in reply else f"{reply}\n{note}"


def shorten(text: str, limit: int = PHONE_CHARS) -> str:
    """Cut ``text`` at a sentence end before ``limit`` characters (or at a word, with "…")."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if not kept:
        kept = text[:limit].rsplit(" ", 1)[0]
    return kept + " …"


def sentence_start(text: str) -> str:
    """``text`` with its first letter in capitals, to open a sentence («el comunicado…» → «El…»)."""
    return f"{text[:1].upper()}{text[1:]}"


def join_names(names: list[str]) -> str:
    """``['A', 'B', 'C']`` → ``A, B y C``."""
    return ", ".join(names[:-1]) + " y " + names[-1] if len(names) > 1 else "".join(names)
