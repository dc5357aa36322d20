"""Wording shared by every answer: citing a source, the INAI note, lists, cutting text for a phone screen."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from knowledge import KnowledgeBase
from knowledge.text import fold
from knowledge.vocabulary import mentions

PHONE_CHARS = 700
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
BULLET = "• "
INLINE_MAX = 3  # a list of more items is read one item a line («• …»); this many or fewer stay inline


def according_to(kb: KnowledgeBase, source_id: str) -> str:
    """``según el comunicado INAI/265/19, 14 de agosto de 2020``."""
    return f"según {kb.citation(source_id)}"


def from_source(kb: KnowledgeBase, source_id: str) -> str:
    """``del comunicado INAI/265/19, 14 de agosto de 2020`` («de el» contracted)."""
    cited = kb.citation(source_id)
    return f"del {cited[3:]}" if cited.startswith("el ") else f"de {cited}"


def cited(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """The sources named once each, in order: ``A``, ``A y B``, ``A; B y C`` (a citation holds a comma
    before its date, so three or more are parted by «;»)."""
    names = [kb.citation(ref) for ref in dict.fromkeys(source_ids)]
    if len(names) > 2:
        return "; ".join(names[:-1]) + " y " + names[-1]
    return join_names(names)


def source_line(kb: KnowledgeBase, *source_ids: str) -> str:
    """The closing source line: ``Fuente: el comunicado INAI/265/19, 14 de agosto de 2020.``, or
    ``Fuentes: A y B.`` for several (each once); "" for none."""
    refs = list(dict.fromkeys(source_ids))
    if not refs:
        return ""
    return f"Fuente{'s' if len(refs) > 1 else ''}: {cited(kb, refs)}."


def with_source(kb: KnowledgeBase, text: str, *source_ids: str) -> str:
    """``text`` closed by its source line on a line of its own."""
    line = source_line(kb, *source_ids)
    return f"{text}\n{line}" if line else text


class Cited(NamedTuple):
    """A part of an answer and the sources of what it says, named once for the whole answer at its end
    (:func:`closed`); a part that cites its sources within its text has none here."""

    text: str
    sources: tuple[str, ...] = ()


def closed(kb: KnowledgeBase, parts: Iterable[Cited], between: str = "\n") -> str:
    """The parts of an answer one after another, then one source line naming each of their sources once."""
    parts = [part for part in parts if part.text]
    text = between.join(part.text for part in parts)
    return with_source(kb, text, *(ref for part in parts for ref in part.sources))


def dated_notes(kb: KnowledgeBase, institutions: Iterable[str]) -> str:
    """The dated notes that apply to ``institutions``, each once and in its short form (``short`` in
    notes.yaml, else its text)."""
    notes = {note.id: note for institution in institutions for note in kb.notes_for(institution)}
    return " ".join((note.short or note.text).strip() for note in notes.values())


def inai_note(kb: KnowledgeBase) -> str:
    """The dated note every answer that sends a person to INAI carries, in its short form: said once, at
    the end («¿qué pasó con el INAI?» gives the notes in full: :func:`answers.contacts.inai_today_answer`)."""
    return dated_notes(kb, ["INAI"])


def _opening(text: str) -> str:
    """A note's first clause, folded, without «Nota:»: ``el inai se extinguio en 2025``."""
    return re.split(r"[(;.]", fold(text).strip().removeprefix("nota:"), maxsplit=1)[0].strip()


def says_inai_note(kb: KnowledgeBase, reply: str) -> bool:
    """Whether ``reply`` already says the note on INAI, short or in full (or quotes its opening, as a
    passage of the note found by search does): it is not said again."""
    folded = fold(reply)
    notes = kb.notes_for("INAI")
    return any(_opening(said) in folded for note in notes for said in (note.text, note.short or note.text))


def with_inai_note(kb: KnowledgeBase, reply: str) -> str:
    """``reply`` with the dated note on INAI at the end when what it quotes sends people to INAI (its
    micrositio, its contacts, its advice: ``sends_to_inai``), unless it says it already."""
    sends = kb.vocabulary.sends_to_inai
    if not mentions(sends.names, reply) or not mentions(sends.words, reply):
        return reply
    return reply if says_inai_note(kb, reply) else f"{reply}\n{inai_note(kb)}"


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


def join_names(names: Sequence[str]) -> str:
    """``['A', 'B', 'C']`` → ``A, B y C``: a few names within a sentence (a list of more than
    ``INLINE_MAX`` is :func:`listed`)."""
    return ", ".join(names[:-1]) + " y " + names[-1] if len(names) > 1 else "".join(names)


def is_listed(items: Sequence[str]) -> bool:
    """Whether ``items`` are read one a line (more than ``INLINE_MAX``)."""
    return len(items) > INLINE_MAX


def listed(lead: str, items: Sequence[str], inline: str = ": ") -> str:
    """A list after the words that introduce it: ``lead: A, B y C.`` for three items or fewer (``inline``
    between: «: », or « » within a sentence: «había 80 autoridades y 26 organismos garantes.»); ``lead:``
    and then one item a line, each opening with «• », for more (no closing stop)."""
    if is_listed(items):
        return f"{lead}:\n" + "\n".join(f"{BULLET}{item}" for item in items)
    return f"{lead}{inline}{join_names(items)}."


def ends_in_list(text: str) -> bool:
    """Whether the last line of ``text`` is an item of a list («• …»)."""
    return text.rsplit("\n", 1)[-1].startswith(BULLET)


def sentences(*parts: str) -> str:
    """The parts of a reply in order, one after another on a line, but on a new line after a list (what
    follows a list must not read as its last item); empty parts are left out."""
    said = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        said = part if not said else f"{said}{chr(10) if ends_in_list(said) else ' '}{part}"
    return said
