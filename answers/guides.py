"""The guides the documents offer: what each is for, for whom, its link and where it is presented."""

from __future__ import annotations

from typing import Any

from knowledge import KnowledgeBase
from knowledge.schema import Guide
from knowledge.text import fold
from knowledge.vocabulary import asked_part, mentions

from .wording import inai_note, join_names, sentence_start, source_line


def guide_of(kb: KnowledgeBase, value: Any, text: str = "") -> Guide | None:
    """The guide an entity value (its id, or words naming it) or the message names, if any; else the guide
    for the one term the message names («¿qué guía me sirve para elaborar el Plan de Acción Local?»)."""
    guides = {guide.id: guide for guide in kb.guides}
    for candidate in (value if isinstance(value, list) else [value]) + [text]:
        if not isinstance(candidate, str):
            continue
        guide_id = fold(candidate) if fold(candidate) in guides else kb.vocabulary.guide(candidate)
        if guide_id is not None:
            return guides[guide_id]
    for words in (
        text,
        asked_part(text),
    ):  # «Con el propósito de instalar… ¿qué guía para participar en un STL?»
        for_terms = {
            t.guide for t in kb.glossary if t.guide in guides and mentions([t.id, *t.aliases], words)
        }
        if len(for_terms) == 1:
            return guides[for_terms.pop()]
    return None


def asked_guide(kb: KnowledgeBase, text: str) -> Guide | None:
    """The guide a message asks for by a guide's words or a term's («¿qué guía para el PAL?»), if it asks
    for a guide at all."""
    return guide_of(kb, None, text) if kb.vocabulary.asks_guide(text) else None


def guides_asked(kb: KnowledgeBase, text: str) -> list[Guide]:
    """Every guide a message asks for, by its words or by the terms it is for («¿qué guías hay para los
    Secretariados y los planes de acción?»); none when it asks for no guide."""
    if not kb.vocabulary.asks_guide(text):
        return []
    by_terms = [t.guide for t in kb.glossary if t.guide and mentions([t.id, *t.aliases], text)]
    ids = dict.fromkeys([*kb.vocabulary.guides_named(text), *by_terms])
    return [guide for key in ids for guide in kb.guides if guide.id == key]


def _plain(guide: Guide) -> str:
    """The guide's plain summary, to follow its title and a colon («…: explica cómo…»)."""
    return f"{guide.summary[:1].lower()}{guide.summary[1:]}"


def guide_answer(kb: KnowledgeBase, guide: Guide) -> str:
    """A guide in plain words first (its summary), then for whom, its link and the documents presenting it."""
    return (
        f"{guide.title}: {_plain(guide)}\nPara quién: {guide.audience}\n"
        f"Enlace: {guide.url}\n{source_line(kb, guide.source, *guide.also_in)}\n{inai_note(kb)}"
    )


def some_guides_answer(kb: KnowledgeBase, guides: list[Guide]) -> str:
    """Several guides asked together («el link de la de STL y el de la de transparencia proactiva»): each
    with what it is for and its link, the sources and the INAI note once."""
    lines = "\n".join(f"• {g.title}: {_plain(g)} {g.url}" for g in guides)
    sources = [ref for g in guides for ref in [g.source, *g.also_in]]
    return f"{lines}\n{source_line(kb, *sources)}\n{inai_note(kb)}"


def all_guides_answer(kb: KnowledgeBase) -> str:
    lines = "\n".join(f"• {g.title}: {_plain(g)} {g.url}" for g in kb.guides)
    sources = sorted({g.source for g in kb.guides})
    said = f"Los documentos ofrecen {len(kb.guides)} guías:"
    return f"{said}\n{lines}\n{source_line(kb, *sources)}\n{inai_note(kb)}"


def guides_in_answer(kb: KnowledgeBase, ref: str, absent: bool) -> str:
    """«¿Cuál de esas no aparece en el comunicado del 14 de agosto de 2020?»: the guides that document
    presents (``absent``: those it does not), by the documents that present each."""
    picked = [guide for guide in kb.guides if (ref in (guide.source, *guide.also_in)) != absent]
    where = f"{'no ' if absent else ''}aparece{'n' if len(picked) != 1 else ''} en {kb.citation(ref)}"
    if not picked:
        return f"De las {len(kb.guides)} guías, ninguna {where.removeprefix('no ')}."
    lines = "\n".join(f"• {g.title}: {_presented(kb, [g.source, *g.also_in])}" for g in picked)
    return f"De las {len(kb.guides)} guías, {where}:\n{lines}"


def _plural(*cited: str) -> str:
    """«n» after a verb whose subject is the ``cited`` documents («las recomendaciones… dicen»)."""
    return "n" if len(cited) > 1 or cited[0].startswith(("las ", "los ")) else ""


def _presented(kb: KnowledgeBase, refs: list[str]) -> str:
    """«la presentan las recomendaciones del SNT…, 25 de mayo de 2020 y el comunicado INAI/265/19…»."""
    cited = [kb.citation(ref) for ref in refs]
    return f"la presenta{_plural(*cited)} {join_names(cited)}"


def guide_date_answer(kb: KnowledgeBase, guide: Guide, issuer_too: bool = False) -> str:
    """The documents do not date the guides (nor say who wrote them, with ``issuer_too``): say so, and
    which dated documents present this one."""
    who = " ni dicen quién la elaboró" if issuer_too else ""
    return (
        f"Los documentos no dan la fecha de publicación de la {guide.title}{who}; "
        f"{_presented(kb, [guide.source, *guide.also_in])}.\nEnlace: {guide.url}"
    )


def _offered(guide: Guide) -> str:
    """Who the presenting document says offers ``guide``: «el INAI la pone a disposición», or that it
    does not say."""
    offer = guide.offered_by
    return f"{offer.who} la {offer.does}" if offer else "no dice quién la pone a disposición"


def guide_issuer_answer(kb: KnowledgeBase, guide: Guide) -> str:
    """Who puts a guide at people's disposal, as the document presenting it says; none says who wrote
    it."""
    cited, offer = kb.citation(guide.source), guide.offered_by
    if offer is not None:
        said = f"Según {cited}, {offer.who} {offer.does} la {guide.title}"
    else:
        said = f"{sentence_start(cited)} no dice{_plural(cited)} quién pone a disposición la {guide.title}"
    return f"{said}. Los documentos no dicen quién la elaboró.\nEnlace: {guide.url}\n{inai_note(kb)}"


def guides_issuer_answer(kb: KnowledgeBase) -> str:
    """Who puts each guide at people's disposal, as the documents presenting them say («¿quién pone a
    disposición esas guías?»); none says who wrote them."""
    lines = "\n".join(f"• {g.title}: {_offered(g)}." for g in kb.guides)
    sources = list(dict.fromkeys(g.source for g in kb.guides))
    return (
        f"Según {join_names([kb.citation(s) for s in sources])}:\n{lines}\n"
        f"Los documentos no dicen quién elaboró las guías.\n{inai_note(kb)}"
    )


def guide_plain_answer(kb: KnowledgeBase, guide: Guide) -> str:
    """What a guide is for and for whom, in plain words."""
    purpose = guide.purpose[0].lower() + guide.purpose[1:]
    return (
        f"La {guide.title} sirve para {purpose}\nPara quién: {guide.audience}\n"
        f"Enlace: {guide.url}\n{source_line(kb, guide.source)}"
    )


def guide_audience_answer(kb: KnowledgeBase, guide: Guide) -> str:
    """For whom a guide is, as the document that presents it says."""
    return f"La {guide.title} es para: {guide.audience}\nEnlace: {guide.url}\n{source_line(kb, guide.source)}"
