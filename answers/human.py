"""Where a person who wants to talk to a person can turn: the contacts the documents give for that, what
became of the institution behind them (its dated notes, in full: they name who took over), and how to
tell the team behind the assistant what went wrong."""

from __future__ import annotations

from knowledge import KnowledgeBase

from .wording import join_names

REPORT_A_PROBLEM = "Si una de mis respuestas estuvo mal o incompleta, márcala con 👎 y dime qué faltó."


def human_route_answer(kb: KnowledgeBase) -> str:
    """That the assistant cannot hand over to a person; the contacts where people could be asked (with
    their source, once), the dated notes on their institution, and how to report a wrong answer."""
    contacts = [c for c in kb.contacts if c.reaches_people]
    lines = "\n".join(f"• {c.title}: {c.url}" for c in contacts)
    sources = list(dict.fromkeys(c.source for c in contacts))
    notes = {n.id: n for c in contacts for n in kb.notes_for(c.institution)}.values()
    parts = ["Soy un asistente automático: no puedo pasarte con una persona."]
    if contacts:
        cited = join_names([kb.citation(source) for source in sources])
        parts.append(f"Los documentos remiten a:\n{lines}\nFuente: {cited}.")
    parts += [note.text.strip() for note in notes] + [REPORT_A_PROBLEM]
    return "\n".join(parts)
