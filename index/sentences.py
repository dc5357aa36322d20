"""Sentences of a passage: what an answer quotes.

Passages cut from a source document are split into sentences; a passage composed from the facts (a
state's status, a dated list, a figure, a recommendation, a definition…) is already one statement and
stays whole. Spanish text needs care: abbreviations («Lic.», «núm.», «Q. Roo», «EE. UU.») and initials
do not end a sentence, a numbered item («1) La instalación…», «2. Disponible en:…») starts one, a
heading in capitals is cut from the sentence after it, and a lone label («Primera.») stays with the
sentence it introduces. Ids such as «INAI/265/19», links and footnote markers («(nota 1)») have no
sentence end inside them.
"""

from __future__ import annotations

import re

from knowledge.text import fold

from .passages import Passage

# Abbreviations (folded, without their dot) after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "art",
        "arts",
        "av",
        "cap",
        "col",
        "coord",
        "dr",
        "dra",
        "dras",
        "drs",
        "ed",
        "ej",
        "fracc",
        "fr",
        "ing",
        "lic",
        "mtra",
        "mtro",
        "no",
        "nos",
        "num",
        "p",
        "pag",
        "pags",
        "prof",
        "profa",
        "q",
        "sr",
        "sra",
        "sras",
        "sres",
        "srta",
        "tel",
        "ee",
        "uu",
        "vol",
    ]
)
_END = re.compile(r"""[.!?…]+["”»’)]*\s+(?=["“«¿¡(]?[A-ZÁÉÍÓÚÑ0-9])""")
_ITEM = re.compile(r"\s(?=\d{1,2}[.)]\s+[A-ZÁÉÍÓÚÑ«“])")
_LAST_WORD = re.compile(r"(\S+)[.!?…]+[\"”»’)]*\s+$")
_CAPS_WORD = re.compile(r"^[^a-záéíóúñü]*[A-ZÁÉÍÓÚÑ][^a-záéíóúñü]*$")
_NUMERAL = re.compile(r"^[(«“]?(?:[IVXLC]+|[A-ZÁÉÍÓÚÑ])[.,;:)»”]?$")
MIN_WORDS = 3  # a shorter piece («Primera.», «RECOMENDACIONES Primera.») leads the next sentence
CAPS_RUN = 3  # this many words in capitals make a heading


def _ends_sentence(piece: str) -> bool:
    """Whether the break after ``piece`` is a sentence end, not an abbreviation or an initial."""
    last = _LAST_WORD.search(piece)
    if last is None:
        return True
    word = fold(last.group(1)).lstrip('(«“"')
    if word in ABBREVIATIONS:
        return False
    return not re.fullmatch(r"[a-z]", word) or piece.rstrip().endswith(("?", "!"))


def _heading_breaks(text: str) -> list[int]:
    """Offsets where a run of words in capitals (a heading) gives way to ordinary text."""
    breaks, run = [], 0
    for match in re.finditer(r"\S+", text):
        if _NUMERAL.match(match.group()):
            continue  # «I», «IV», «A»: neither part of a heading nor the end of one
        if _CAPS_WORD.match(match.group()):
            run += 1
            continue
        if run >= CAPS_RUN:
            breaks.append(match.start())
        run = 0
    return breaks


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order; joined with spaces they give ``text`` back."""
    cuts = {m.end() for m in _END.finditer(text) if _ends_sentence(text[: m.end()])}
    cuts |= {m.end() for m in _ITEM.finditer(text)}
    cuts |= set(_heading_breaks(text))
    pieces, start = [], 0
    for cut in sorted(cuts):
        if 0 < cut < len(text):
            pieces.append(text[start:cut].strip())
            start = cut
    pieces.append(text[start:].strip())
    sentences: list[str] = []
    lead = ""
    for piece in filter(None, pieces):
        piece = f"{lead} {piece}".strip()
        if len(piece.split()) < MIN_WORDS and not piece.endswith("?"):
            lead = piece
            continue
        sentences.append(piece)
        lead = ""
    if lead and sentences:
        sentences[-1] = f"{sentences[-1]} {lead}"
    elif lead:
        sentences.append(lead)
    return sentences


def is_heading(sentence: str) -> bool:
    """Whether a sentence is a title or dateline (mostly capitals, no full stop): nothing to quote."""
    letters = [ch for ch in sentence if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return bool(letters) and upper / len(letters) > 0.5 and not sentence.rstrip().endswith(".")


def is_verbatim(passage: Passage) -> bool:
    """Whether the passage is the documents' own words (a chunk of a source), not composed from facts."""
    return "#" in passage.id


def units(passage: Passage) -> list[str]:
    """What can be quoted from a passage: its sentences, or the whole of a passage made from facts."""
    return split_sentences(passage.text) if is_verbatim(passage) else [passage.text]
