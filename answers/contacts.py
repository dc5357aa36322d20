"""Where the documents send people for advice, with the dated note on INAI."""

from __future__ import annotations

from knowledge import KnowledgeBase
from knowledge.schema import Contact
from knowledge.text import spanish_date
from knowledge.vocabulary import mentions

from .wording import BULLET, dated_notes, join_names, sentence_start, source_line


def contacts_answer(kb: KnowledgeBase, text: str = "") -> str:
    """The contacts the documents give, each with what it was for, grouped by the source that gives them
    (each group closed by its source line), then the dated note on INAI once; first, that they give no
    phone or e-mail when ``text`` asks for one."""
    by_source: dict[str, list[Contact]] = {}
    for contact in kb.contacts:
        by_source.setdefault(contact.source, []).append(contact)
    lines = []
    for source, contacts in by_source.items():
        lines += [f"{BULLET}{c.title}: {c.description} {c.url}" for c in contacts]
        lines.append(source_line(kb, source))
    said = "Los documentos remiten a"
    if mentions(kb.vocabulary.contact_details, text):  # «me pasas el teléfono del INAI»
        said = "Los documentos no dan teléfonos ni correos; remiten a estas páginas"
    notes = dated_notes(kb, [c.institution for c in kb.contacts])
    return "\n".join([f"{said}:", *lines, *([notes] if notes else [])])


def inai_today_answer(kb: KnowledgeBase) -> str:
    """What happened to INAI and the SNT after the documents: every dated note in full, one a line in the
    order of their dates (a note on what followed a law after the law), then their references once."""
    notes = sorted(kb.notes, key=lambda n: (n.date, bool(n.applies_to)))
    lines = "\n".join(f"{BULLET}{sentence_start(note.text.strip().removeprefix('Nota: '))}" for note in notes)
    references = list(
        dict.fromkeys(
            r.title + (f", {spanish_date(r.date)}" if r.date else "")
            for note in notes
            for r in sorted(note.references, key=lambda r: r.date is None)
        )
    )
    years = join_names(sorted({str(source.date.year) for source in kb.sources.values() if source.date}))
    plural = "s" if len(references) > 1 else ""
    return (
        f"Los documentos de la iniciativa son de {years}. Después:\n{lines}\n"
        f"Fuente{plural}: {join_names(references)}."
    )
