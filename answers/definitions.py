"""What the initiative, an STL or a PAL is, in the documents' own words."""

from __future__ import annotations

import datetime as dt

from knowledge import KnowledgeBase
from knowledge.schema import Quoted

from .wording import PHONE_CHARS, source_line


def _newest_first(kb: KnowledgeBase, definitions: list[Quoted]) -> list[Quoted]:
    dated = [d for d in definitions if kb.sources[d.source].date]
    undated = [d for d in definitions if not kb.sources[d.source].date]
    return sorted(dated, key=lambda d: kb.sources[d.source].date or dt.date.min, reverse=True) + undated


def definition_answer(kb: KnowledgeBase, term_id: str) -> str:
    """The term's definitions quoted, newest source first, as many as fit a phone screen."""
    term = kb.term(term_id)
    if term is None:
        raise KeyError(f"knowledge/facts/glossary.yaml has no term {term_id!r}")
    chosen: list[Quoted] = []
    for definition in _newest_first(kb, term.definitions):
        if chosen and sum(len(d.quote) for d in chosen) + len(definition.quote) > PHONE_CHARS:
            break
        chosen.append(definition)
    lines = [f"{term.term}:"]
    for i, definition in enumerate(chosen):
        lines.append(f"«{definition.quote}»")
        if i + 1 == len(chosen) or chosen[i + 1].source != definition.source:
            lines.append(source_line(kb, definition.source))
    return "\n".join(lines)
