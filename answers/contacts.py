"""Where the documents send people for advice, with the dated note on INAI."""

from __future__ import annotations

from knowledge import KnowledgeBase
from knowledge.vocabulary import mentions

from .wording import according_to, join_names


def contacts_answer(kb: KnowledgeBase, text: str = "") -> str:
    """The contacts the documents give, each with what it was for and its source, then the dated notes on
    INAI once; first, that they give no phone or e-mail when ``text`` asks for one."""
    lines = "\n".join(
        f"• {c.title}: {c.description} {c.url} ({according_to(kb, c.source)})" for c in kb.contacts
    )
    notes = " ".join(
        note.text.strip()
        for note in {n.id: n for c in kb.contacts for n in kb.notes_for(c.institution)}.values()
    )
    said = "Los documentos remiten a"
    if mentions(kb.vocabulary.contact_details, text):  # «me pasas el teléfono del INAI»
        said = "Los documentos no dan teléfonos ni correos; remiten a estas páginas"
    return f"{said}:\n{lines}\n{notes}"


def inai_today_answer(kb: KnowledgeBase) -> str:
    """What happened to INAI and the SNT after the documents, from the dated notes."""
    notes = sorted(kb.notes, key=lambda n: n.date)
    lines = "\n".join(f"• {note.text.strip()}" for note in notes)
    references = sorted(
        {
            f"{r.title}" + (f" ({r.date.isoformat()})" if r.date else "")
            for note in notes
            for r in note.references
        }
    )
    years = join_names(sorted({str(source.date.year) for source in kb.sources.values() if source.date}))
    return (
        f"Los documentos de la iniciativa son de {years}. Después:\n{lines}\n"
        f"Fuentes: {', '.join(references)}."
    )
