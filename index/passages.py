"""What the index holds: paragraph-sized chunks of the sources and short passages made from the facts.

Every passage carries the metadata an answer cites: source id, title, number, date, url, kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace

from knowledge import KnowledgeBase
from knowledge.schema import DatedList, Observation, Source, State
from knowledge.text import fold, spanish_date, squash

MAX_CHUNK_CHARS = 1200
SHORT_BLOCK_CHARS = 150  # a shorter line without a full stop (dateline, heading) leads the next chunk
SHORT_SENTENCE_CHARS = 100  # a shorter closing sentence stays with the chunk before it
NOT_REPORTED = (
    " Ninguno de los documentos la nombra entre los estados participantes: "
    "su participación no está reportada."
)
_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^\s*[-*]\s+", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)]+)\)")
_FIELD = re.compile(r"^\**[\wÁÉÍÓÚÑáéíóúñ ]{2,30}:\**\s")
_DECORATION = re.compile(r"^[-\s]*o0o[-\s]*$|^-{3,}$|^\*{3,}$")
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-ZÁÉÍÓÚÑ¿“«])")

DOCUMENT_PASSAGE = "#"  # «inai-083-18#4»: a passage of a document's own text
GLOSSARY = "glosario"  # «glosario:pal:1»: a passage of a term's definition


@dataclass(frozen=True)
class Passage:
    """One retrievable unit of text with the citation metadata of its source."""

    id: str
    text: str
    source: str
    title: str
    date: str | None
    url: str | None
    kind: str
    number: str | None
    subject: str | None = None  # a state id: the passage only answers questions naming that state
    historical: bool = False  # reports figures or lists that a newer source replaces

    def to_dict(self) -> dict:
        return asdict(self)


def _meta(source: Source) -> dict:
    return {
        "source": source.id,
        "title": source.title,
        "kind": source.kind,
        "number": source.number,
        "date": source.date.isoformat() if source.date else None,
        "url": str(source.url) if source.url else None,
    }


def plain(block: str) -> str:
    """Markdown block → plain text: no heading marks, bullets, emphasis; links as ``text (url)``."""
    text = _HEADING.sub("", block)
    text = _BULLET.sub("", text)
    text = _LINK.sub(
        lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", text
    )
    return squash(text.replace("**", "").replace("*", ""))


def _split_long(text: str) -> list[str]:
    """Cut a paragraph longer than MAX_CHUNK_CHARS at sentence ends into parts under that size."""
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    parts, current = [], ""
    for sentence in _SENTENCE_END.split(text):
        if current and len(current) + len(sentence) + 1 > MAX_CHUNK_CHARS:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    return [*parts, current] if current else parts


def _blocks(body: str) -> Iterator[str]:
    """Blank-line separated blocks; a block of several bullets yields each bullet on its own."""
    for block in re.split(r"\n\s*\n", body):
        lines = block.strip().split("\n")
        if len(lines) > 1 and all(_BULLET.match(line) for line in lines):
            yield from lines
        else:
            yield block


def chunk_text(body: str) -> list[str]:
    """Paragraph-sized chunks of a Markdown body.

    Headings, datelines and other short lines without a full stop lead the next paragraph;
    "Campo: valor" lines do too when they open a section, and otherwise stay with the paragraph
    before them; a short closing sentence stays with the paragraph before it.
    """
    chunks: list[str] = []
    lead: list[str] = []
    for raw in _blocks(body):
        if not raw.strip() or _DECORATION.match(raw.strip()):
            continue
        text = plain(raw)
        is_heading = bool(_HEADING.match(raw.strip()))
        is_field = bool(_FIELD.match(raw.strip()))
        if is_field and chunks and not lead:
            chunks[-1] = f"{chunks[-1]} {text}"
        elif is_heading or is_field or (len(text) < SHORT_BLOCK_CHARS and not text.endswith(".")):
            lead.append(text)
        elif len(text) < SHORT_SENTENCE_CHARS and chunks and not lead:
            chunks[-1] = f"{chunks[-1]} {text}"
        else:
            chunks.extend(_split_long(" ".join([*lead, text])))
            lead = []
    if lead:
        chunks.append(" ".join(lead))
    return chunks


def source_passages(source: Source) -> Iterator[Passage]:
    """The chunks of one source document."""
    for i, text in enumerate(chunk_text(source.text), start=1):
        yield Passage(id=f"{source.id}{DOCUMENT_PASSAGE}{i}", text=text, **_meta(source))


def _names(items: list[tuple[str, int]], with_counts: bool) -> str:
    names = [f"{name} ({count})" if with_counts and count > 1 else name for name, count in items]
    return ", ".join(names[:-1]) + " y " + names[-1] if len(names) > 1 else "".join(names)


def _list_facts(kb: KnowledgeBase, state: State, source_id: str) -> list[str]:
    """What the dated lists of one source say about one state, absences included."""
    facts: list[str] = []
    lists = sorted(
        (lst for lst in kb.lists.values() if lst.source == source_id), key=lambda lst: lst.kind, reverse=True
    )
    for lst in lists:
        listing = next((li for li in state.listed if li.list == lst.id), None)
        if listing is None:
            facts.append(f"no figura en la lista de {lst.label} ({lst.total} en total)")
        elif lst.kind == "stl":
            facts.append("tiene Secretariado Técnico Local (STL)")
        elif listing.count == 1:
            facts.append("tiene 1 Plan de Acción Local (PAL) publicado")
        else:
            facts.append(f"tiene {listing.count} Planes de Acción Local (PAL) publicados")
    return facts


def _joined_passage(kb: KnowledgeBase, state: State, label: str, joined_source: str) -> Passage:
    if state.joined:
        source_id = state.joined.sources[-1]
        text = (
            f"{label} se sumó a la iniciativa Gobierno Abierto: Cocreación desde lo local en "
            f"{state.joined.year}, según {kb.citation(source_id)}."
        )
    else:
        source_id = joined_source
        years = kb.joined_years()
        count = sum(1 for s in kb.states if s.joined)
        text = (
            f"{label} no figura entre los {count} estados que se sumaron a la iniciativa Gobierno "
            f"Abierto: Cocreación desde lo local en {', '.join(map(str, years[:-1]))} y {years[-1]}, "
            f"según {kb.citation(source_id)}: el año en que se sumó no está reportado."
        )
        if not state.listed:
            text += NOT_REPORTED
    return Passage(
        id=f"estado:{state.id}:ingreso", text=text, subject=state.id, **_meta(kb.sources[source_id])
    )


def _state_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    list_sources = sorted({lst.source for lst in kb.lists.values()})
    joined_source = kb.joined_source()
    for state in kb.states:
        short = list(dict.fromkeys(a.upper() for a in state.aliases if "." not in a and " " not in a))
        label = f"{state.name} ({', '.join(short[:3])})" if short else state.name
        yield _joined_passage(kb, state, label, joined_source)
        never_named = state.joined is None and not state.listed
        for source_id in list_sources:
            text = f"{label}, según {kb.citation(source_id)}: {'; '.join(_list_facts(kb, state, source_id))}."
            if never_named:
                text += NOT_REPORTED
            yield Passage(
                id=f"estado:{state.id}:{source_id}",
                text=text,
                subject=state.id,
                **_meta(kb.sources[source_id]),
            )


def _list_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    for lst in kb.lists.values():
        members = [(state.name, count) for state, count in kb.members(lst.id)]
        text = (
            f"Estados con {lst.label} según {kb.citation(lst.source)}: {lst.total} en total, en "
            f"{len(members)} estados: {_names(members, with_counts=lst.kind == 'pal')}."
        )
        yield Passage(id=f"lista:{lst.id}", text=text, **_meta(kb.sources[lst.source]))
    for year, joined in kb.joined_by_year().items():
        source_id = next(s.joined.sources[-1] for s in joined if s.joined)
        text = (
            f"Estados que se sumaron a la iniciativa Gobierno Abierto: Cocreación desde lo local en "
            f"{year}, según {kb.citation(source_id)}: {len(joined)} estados: "
            f"{_names([(s.name, 1) for s in joined], with_counts=False)}."
        )
        yield Passage(id=f"ingreso:{year}", text=text, **_meta(kb.sources[source_id]))


def _figure_text(kb: KnowledgeBase, obs: Observation) -> str:
    qualifier = f"{obs.qualifier} " if obs.qualifier else ""
    return f"{qualifier}{obs.value} {kb.figures.metrics[obs.metric].label}"


def _figure_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    by_source: dict[str, list[Observation]] = {}
    for obs in kb.figures.observations:
        by_source.setdefault(obs.source, []).append(obs)
        text = (
            f"Número de {kb.figures.metrics[obs.metric].label}: {_figure_text(kb, obs)}, según "
            f"{kb.citation(obs.source)} (cifra nacional de la iniciativa Gobierno Abierto: "
            f"Cocreación desde lo local)."
        )
        yield Passage(id=f"cifra:{obs.metric}:{obs.source}", text=text, **_meta(kb.sources[obs.source]))
    for source_id, observations in by_source.items():
        figures = "; ".join(_figure_text(kb, obs) for obs in observations)
        text = (
            f"Cuántos hay: cifras nacionales de la iniciativa Gobierno Abierto: Cocreación desde lo "
            f"local según {kb.citation(source_id)}: {figures}."
        )
        yield Passage(id=f"cifras:{source_id}", text=text, **_meta(kb.sources[source_id]))


def _recommendation_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    recs = kb.recommendations
    meta = _meta(kb.sources[recs.source])
    approved = spanish_date(recs.approved)
    total = len(recs.items)
    for item in recs.items:
        text = (
            f"Recomendación {item.name.lower()} ({item.ordinal} de {total}) de la {recs.issuer}, "
            f"aprobada el {approved}: {item.text}"
        )
        yield Passage(id=f"recomendacion:{item.ordinal}", text=text, **meta)
    listing = " ".join(f"{item.name}: {item.summary}" for item in recs.items)
    text = (
        f"Las {total} recomendaciones en materia de Gobierno Abierto ante la COVID-19, dirigidas a "
        f"{recs.addressed_to}, aprobadas el {approved} por la {recs.issuer}. {listing}"
    )
    yield Passage(id="recomendaciones", text=text, **meta)


def _guide_and_contact_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    for guide in kb.guides:
        text = (
            f"{guide.title}: {guide.purpose} Para: {guide.audience} Enlace: {guide.url} "
            f"(según {kb.citation(guide.source)})."
        )
        yield Passage(id=f"guia:{guide.id}", text=text, **_meta(kb.sources[guide.source]))
    for contact in kb.contacts:
        notes = " ".join(note.text for note in kb.notes_for(contact.institution))
        text = (
            f"{contact.title}: {contact.description} Enlace: {contact.url} "
            f"(según {kb.citation(contact.source)}). {notes}"
        ).strip()
        yield Passage(id=f"contacto:{contact.id}", text=text, **_meta(kb.sources[contact.source]))


def _note_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    for note in kb.notes:
        yield Passage(
            id=f"nota:{note.id}",
            text=squash(note.text),
            source=note.id,
            title="Contexto institucional posterior a los documentos",
            kind="nota",
            number=None,
            date=note.date.isoformat(),
            url=str(note.references[0].url),
        )


def glossary_term(passage_id: str) -> str | None:
    """The glossary term whose definition the passage ``passage_id`` quotes; None for any other passage."""
    kind, _, rest = passage_id.partition(":")
    return rest.partition(":")[0] if kind == GLOSSARY else None


def _glossary_passages(kb: KnowledgeBase) -> Iterator[Passage]:
    for term in kb.glossary:
        for i, definition in enumerate(term.definitions, start=1):
            text = f"Definición: ¿qué es {term.term}? {definition.quote}"
            yield Passage(id=f"{GLOSSARY}:{term.id}:{i}", text=text, **_meta(kb.sources[definition.source]))


def _replaced(kb: KnowledgeBase, lst: DatedList) -> bool:
    """Whether a newer list of the same kind replaces ``lst``."""
    return kb.lists_of_kind(lst.kind)[-1].date > lst.date


def _superseded_by_newer(kb: KnowledgeBase, passage: Passage) -> bool:
    """Whether a passage reports figures or lists of a source that newer ones replace."""
    kind, _, rest = passage.id.partition(":")
    if kind == "lista":
        return _replaced(kb, kb.lists[rest])
    if kind == "cifras":
        return any(o in kb.superseded() for o in kb.figures.observations if o.source == rest)
    if kind == "cifra":
        metric, _, source_id = rest.partition(":")
        return any(o.metric == metric and o.source == source_id for o in kb.superseded())
    if kind == "estado" and passage.id.endswith(":ingreso"):
        return _listed_since(kb, passage.subject, passage.date)
    if kind == "estado":
        return all(_replaced(kb, lst) for lst in kb.lists.values() if lst.source == passage.source)
    if "#" in passage.id:
        old = kb.superseded()
        mentioned = [
            o
            for o in kb.figures.observations
            if o.source == passage.source and _mentions(passage.text, o, kb)
        ]
        return any(o in old for o in mentioned) and not any(o not in old for o in mentioned)
    return False


def _listed_since(kb: KnowledgeBase, state_id: str | None, date: str | None) -> bool:
    """Whether a state whose year of joining is not reported is in a list newer than ``date``: «no figura
    entre los estados que se sumaron» is then older news than what a newer source says of it."""
    state = next((s for s in kb.states if s.id == state_id), None)
    if state is None or state.joined is not None or date is None:
        return False
    return any(kb.lists[listing.list].date.isoformat() > date for listing in state.listed)


def _mentions(text: str, obs: Observation, kb: KnowledgeBase) -> bool:
    """Whether ``text`` gives the figure ``obs``: its number followed, within four words, by its name."""
    words = "|".join(re.escape(w) for w in kb.figures.metrics[obs.metric].words)
    pattern = rf"\b{obs.value}\b(?:\s+\S+){{0,4}}?\s+(?:{words})\b"
    return re.search(pattern, fold(text)) is not None


def build_passages(kb: KnowledgeBase) -> list[Passage]:
    """Every passage the index holds, in a stable order."""
    passages = [p for source in kb.sources.values() for p in source_passages(source)]
    for make in (
        _glossary_passages,
        _state_passages,
        _list_passages,
        _figure_passages,
        _recommendation_passages,
        _guide_and_contact_passages,
        _note_passages,
    ):
        passages.extend(make(kb))
    return [replace(p, historical=_superseded_by_newer(kb, p)) for p in passages]
