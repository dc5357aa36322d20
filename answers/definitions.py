"""What the initiative, an STL or a PAL is: in plain words, then in the documents' own words."""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher

from knowledge import KnowledgeBase
from knowledge.schema import Guide, Quoted, Term
from knowledge.text import fold
from knowledge.vocabulary import mentions, spans

from .guides import guide_answer
from .wording import PHONE_CHARS, inai_note, listed, source_line


def _newest_first(kb: KnowledgeBase, definitions: list[Quoted]) -> list[Quoted]:
    dated = [d for d in definitions if kb.sources[d.source].date]
    undated = [d for d in definitions if not kb.sources[d.source].date]
    return sorted(dated, key=lambda d: kb.sources[d.source].date or dt.date.min, reverse=True) + undated


def definition_answer(kb: KnowledgeBase, term_id: str) -> str:
    """The term in plain words first (our summary), then its definitions quoted, newest source first, as
    many as fit a phone screen."""
    term = kb.term(term_id)
    if term is None:
        raise KeyError(f"knowledge/facts/glossary.yaml has no term {term_id!r}")
    chosen: list[Quoted] = []
    for definition in _newest_first(kb, term.definitions):
        if chosen and sum(len(d.quote) for d in chosen) + len(definition.quote) > PHONE_CHARS:
            break
        chosen.append(definition)
    lines = [f"{term.term}: {term.summary[:1].lower()}{term.summary[1:]}", "En palabras de los documentos:"]
    for i, definition in enumerate(chosen):
        lines.append(f"«{definition.quote}»")
        if i + 1 == len(chosen) or chosen[i + 1].source != definition.source:
            lines.append(source_line(kb, definition.source))
    if steps := _steps_line(kb, term_id):  # «¿en qué consiste la iniciativa?»: its steps too
        lines.append(steps)
    return "\n".join(lines)


def _steps_line(kb: KnowledgeBase, term_id: str) -> str:
    """«Según …, funciona en 2 pasos: …»: a term's steps named, with the source that defines them; "" for
    a term with none."""
    if (steps := _steps_of(kb, term_id)) is None:
        return ""
    named = [step.term for step in steps[1]]
    return listed(f"Según {kb.citation(steps[0])}, funciona en {len(named)} pasos", named)


def _steps_of(kb: KnowledgeBase, term_id: str) -> tuple[str, list[Term]] | None:
    """The terms of a term's steps and the one source that defines every one of them; None when it has no
    steps or no such source."""
    term = kb.term(term_id)
    steps = [found for step in (term.steps if term else []) if (found := kb.term(step)) is not None]
    common = set.intersection(*({d.source for d in step.definitions} for step in steps)) if steps else set()
    return (sorted(common)[0], steps) if common else None


def steps_source(kb: KnowledgeBase, term_id: str) -> str | None:
    """The one source that defines every step of a term, None when it has no steps or no such source."""
    found = _steps_of(kb, term_id)
    return found[0] if found else None


def purpose_answer(kb: KnowledgeBase, term_id: str) -> str | None:
    """What a term is for, in its source's words («¿y eso para qué me sirve?»); None when the glossary
    gives no purpose for it."""
    term = kb.term(term_id)
    if term is None or term.purpose is None:
        return None
    return f"{term.term}, para qué sirve:\n«{term.purpose.quote}»\n{source_line(kb, term.purpose.source)}"


def origin_answer(kb: KnowledgeBase, term_id: str) -> str | None:
    """Who devised a term, in its source's words («¿quién inventó lo de Cocreación desde lo Local?»); None
    when the glossary gives no origin for it."""
    term = kb.term(term_id)
    if term is None or term.origin is None:
        return None
    return f"{term.term}, quién lo ideó:\n«{term.origin.quote}»\n{source_line(kb, term.origin.source)}"


def guide_for(kb: KnowledgeBase, term_id: str) -> Guide | None:
    """The guide for putting a term into practice (``guide`` in glossary.yaml), if it has one."""
    term = kb.term(term_id)
    return next((g for g in kb.guides if term and g.id == term.guide), None)


def how_to_answer(kb: KnowledgeBase, term_id: str, guide: Guide) -> str:
    """«¿Cómo armo un PAL?»: the term's definition, then the guide for putting it into practice."""
    return f"{definition_answer(kb, term_id)}\n\nLa guía para hacerlo:\n{guide_answer(kb, guide)}"


def steps_answer(kb: KnowledgeBase, term_id: str) -> str | None:
    """«¿Qué pasos sigue un estado para sumarse?»: how the term works, step by step, in the words of the one
    source that defines every step, then the guide for each step; None when it has no steps."""
    term = kb.term(term_id)
    if term is None or (found := _steps_of(kb, term_id)) is None:
        return None
    source, steps = found
    lines = [f"Según {kb.citation(source)}, «{term.term}» funciona así:"]
    for n, step in enumerate(steps, 1):
        quote = next(d.quote for d in step.definitions if d.source == source)
        lines.append(f"{n}. «{quote}»")
    guides = [guide for step in steps if (guide := guide_for(kb, step.id)) is not None]
    if guides:
        lines.append("Guías para cada paso:")
        lines += [f"• {guide.title}: {guide.url}" for guide in guides]
        lines.append(inai_note(kb))
    return "\n".join(lines)


def plain_definition_answer(kb: KnowledgeBase, term_id: str) -> str:
    """A term in plain words (our summary, marked as such), citing the definition it summarises."""
    term = kb.term(term_id)
    if term is None:
        raise KeyError(f"knowledge/facts/glossary.yaml has no term {term_id!r}")
    newest = _newest_first(kb, term.definitions)[0]
    said = (
        f"{term.term}, en palabras sencillas: {term.summary}\n"
        f"(Es un resumen nuestro.) Fuente de la definición: {kb.citation(newest.source)}."
    )
    return f"{said}\n{steps}" if (steps := _steps_line(kb, term_id)) else said


def term_named(kb: KnowledgeBase, text: str) -> str | None:
    """The id of the glossary term ``text`` names by its id or an alias («y pal?»), or None."""
    return next((t.id for t in kb.glossary if mentions([t.id, *t.aliases], text)), None)


# «¿qué es un organismo garante?»: the words after the question, up to a second question or a comma
_THAT_OF = re.compile(r"^(?:eso|esto|aquello|lo)\s+del?\s+")  # «eso de», «lo del»: the thing named after it
_ASKED = re.compile(
    # not «ya que es bueno para las cuentas», «lo que es», «puesto que es»: no question
    r"(?<!\bya )(?<!\blo )(?<!\bpuesto )(?<!\bdado )(?<!\bporque )(?<!\bpor lo )"
    r"\b(?:(?:que|q|k|ke) (?:es|son|significa|significan)|a que se refiere|en que consisten?)\s+"
    r"(?!lo (?:que|q)\b)"  # «¿qué es lo que sigue?» asks what comes next
    r"(?:(?:un|una|el|la|los|las|lo|del|de)\s+)?([^?¿.,;:!]+)"
)
_AND = re.compile(r"\s+(?:y|o|e|en|para|segun|de acuerdo|que|q)\s+")  # «la OGP que sale en…»: «OGP»
MAX_ASKED_WORDS = 4
SAME_TERM = 0.85  # a phrase this close to a term's alias (difflib ratio) is that term misspelt


def undefined_asked(kb: KnowledgeBase, text: str) -> str | None:
    """What «¿qué es X?» asks about when X is none of the glossary's terms nor the initiative itself
    («organismo garante», «SNT»): the documents define only those; None otherwise."""
    found = _ASKED.search(fold(text))
    if found is None:
        return None
    words = _AND.split(found.group(1))[0].split()
    while words and words[0].endswith("mente"):  # «¿en qué consiste exactamente…?»: no thing named
        words.pop(0)
    phrase = " ".join(words[:MAX_ASKED_WORDS])
    known = [word for term in kb.glossary for word in (term.id, *term.aliases)]
    if not phrase or mentions([*known, *kb.vocabulary.initiative_words], phrase) or kb.state(phrase):
        return None
    # «el Módulo 2», «ese compromiso»
    if mentions(kb.vocabulary.documents.kind_words, phrase) or kb.vocabulary.points_back(phrase):
        return None
    misspelt = any(SequenceMatcher(None, phrase, fold(word)).ratio() >= SAME_TERM for word in known)
    return None if misspelt else phrase  # «plan de acsion local» is a term


def terms_named(kb: KnowledgeBase, text: str) -> list[str]:
    """The ids of every glossary term ``text`` names («¿qué es un STL y qué es un PAL?»), in glossary
    order; not a term named only within or across another's longer name («gobierno abierto» in «¿Qué es
    Gobierno Abierto: Cocreación desde lo local?»)."""
    found = {t.id: spans([t.id, *t.aliases], text) for t in kb.glossary}

    def inside(term: str) -> bool:  # every place it is named overlaps a longer name of another term
        others = [at for other, spans_of in found.items() if other != term for at in spans_of]
        return all(
            any(s < end and start < e and end - start > e - s for start, end in others)
            for s, e in found[term]
        )

    return [term for term, at in found.items() if at and not inside(term)]


def of_another_thing(kb: KnowledgeBase, text: str, term_id: str) -> bool:
    """Whether «¿en qué consiste X…?» asks about a thing the term only qualifies («¿en qué consiste la
    mecánica de operación de la iniciativa?»: its mechanics, which the documents' text gives), not the
    term itself («¿en qué consiste la iniciativa?»)."""
    found = _ASKED.search(fold(text))
    term = kb.term(term_id)
    if found is None or term is None:
        return False
    phrase = _THAT_OF.sub("", found.group(1))  # «¿qué es eso de PAL?» asks about PAL itself
    names = [term.id, *term.aliases]
    at = spans(names, phrase)
    return bool(at) and at[0][0] > 0 and " de " in phrase[: at[0][0] + 1]
