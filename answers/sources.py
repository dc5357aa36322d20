"""Questions about the source documents themselves: their number, title, date and issuer, and the figures
each gives («¿qué número tiene el comunicado de 2020?», «¿de qué fecha es el material de formación?»)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from knowledge import KnowledgeBase
from knowledge.text import fold, spanish_date, spanish_month
from knowledge.vocabulary import marked_questions, mentions, question_sentence, spans, without

from .definitions import terms_named
from .figures import figure_text, month_of, quoted_figures, year_of
from .questions import question_parts
from .wording import (
    BULLET,
    according_to,
    cited,
    inai_note,
    join_names,
    listed,
    sentence_start,
    sentences,
    source_line,
    with_inai_note,
)


def sources_named(kb: KnowledgeBase, text: str) -> list[str]:
    """The sources ``text`` names: by number («265/19»), else by kind («el comunicado», «el material de
    formación») narrowed by the year and month it names; none when it names no source."""
    folded = fold(text)
    if by_number := kb.numbered_in(folded):
        return by_number
    documents = kb.vocabulary.documents
    # «de los documentos que tienes, ¿cuál es el más reciente?», «¿cuál es el más antiguo y cuál el más
    # reciente?»
    newest, oldest = mentions(documents.newest, folded), mentions(documents.oldest, folded)
    if newest or oldest:
        by_date = sorted((source.date, ref) for ref, source in kb.sources.items() if source.date is not None)
        return [*([by_date[0][1]] if oldest else []), *([by_date[-1][1]] if newest else [])]
    kinds = documents.kinds
    found = {kind: spans(words, folded) for kind, words in kinds.items()}
    everywhere = [(kind, span) for kind, held in found.items() for span in held]
    # «un comunicado de recomendaciones»: the recommendations, not the comunicados («comunicado» is inside)
    said = {
        kind
        for kind, (start, end) in everywhere
        if not any(
            other != kind and a <= start and end <= b and b - a > end - start for other, (a, b) in everywhere
        )
    }
    # «el comunicado que contiene las cuatro recomendaciones»: the recommendations' own
    if "comunicado" in said and mentions(kb.vocabulary.about.names, folded) and "recomendaciones" in kinds:
        said = {"recomendaciones"}
    named = [ref for ref, source in kb.sources.items() if source.kind in said]
    year, month = year_of(text), month_of(text)
    dates = {ref: kb.sources[ref].date for ref in named}
    dated = [ref for ref in named if year is None or ((day := dates[ref]) is not None and day.year == year)]
    # «el comunicado sobre la emergencia sanitaria… trae número de 2019»: a year none of them is of, and the
    # words of one's title, name that one
    titled = _titled(kb, named, folded)
    dated = dated or (titled if len(titled) < len(named) else [])
    in_month = [ref for ref in dated if month and (day := dates[ref]) is not None and day.month == month]
    return _giving(kb, _titled(kb, in_month or dated, folded), folded)


def source_scene(kb: KnowledgeBase, text: str) -> tuple[str, dt.date | None]:
    """«Según el comunicado del 27 de marzo de 2018, ¿qué entidades se sumaron en 2016?», «En el comunicado
    INAI/002/18, ¿qué estados tienen STL?»: the folded text without the date or the number that names the
    one source it names, and that source's date (the lists asked are those of it); the folded text and
    None when it names no one dated source."""
    folded = fold(text)
    named = sources_named(kb, text)
    date = kb.sources[named[0]].date if len(named) == 1 else None
    if date is None:
        return folded, None
    number = kb.sources[named[0]].number
    said = [fold(spanish_date(date)), fold(spanish_month(date)), *([fold(number)] if number else [])]
    for words in said:
        folded = folded.replace(words, " ")
    kinds = "|".join(map(re.escape, kb.vocabulary.documents.kind_words))
    # «en ese mismo comunicado de 2020»
    folded = re.sub(rf"\b((?:{kinds})\s+(?:de|del)\s+){date.year}\b", r"\1", folded)
    return folded, date


TITLE_WORDS = 2  # words of a source's title or summary (none all the others share) that name it
_WORD = re.compile(r"\w{5,}")  # a word this long says what a document is about


def _titled(kb: KnowledgeBase, refs: list[str], folded: str) -> list[str]:
    """Those of ``refs`` whose title the text quotes («el comunicado que habla de la emergencia
    sanitaria», «titulado 'Avanza México hacia…'»), by the words of theirs no other title has; all of
    them when it quotes none."""
    if len(refs) < 2:
        return refs
    words = {ref: set(_WORD.findall(fold(kb.sources[ref].title))) for ref in refs}
    seen = Counter(word for held in words.values() for word in held)
    asked = set(_WORD.findall(without(kb.whole_names(), folded)))  # not the initiative's name
    quoted = {ref: len({w for w in held if seen[w] == 1} & asked) for ref, held in words.items()}
    most = max(quoted.values())
    return [ref for ref in refs if quoted[ref] == most] if most >= TITLE_WORDS else refs


def _giving(kb: KnowledgeBase, refs: list[str], folded: str) -> list[str]:
    """Those of ``refs`` that give a figure the text quotes with its word («el comunicado que dice que
    participan 30 estados»); all of them when it quotes none, or none of them gives it."""
    quoted = set(quoted_figures(kb, folded))
    given = {o.source for o in kb.figures.observations if (o.value, o.metric) in quoted}
    return [ref for ref in refs if ref in given] or refs


# «entre la emisión de las recomendaciones y ese comunicado de agosto»: the two documents
_BETWEEN = re.compile(r"\bentre\s+(.+?)\s+y\s+(.+)$")


def _one_named(kb: KnowledgeBase, part: str) -> list[str]:
    """The sources a part of a question names (:func:`sources_named`); «las recomendaciones», said alone,
    name the recommendations' document."""
    named = sources_named(kb, part)
    # «…entre el comunicado más viejo que usted tiene y el más reciente?»: the oldest or newest dated one (of
    # the kind named, if any)
    documents = kb.vocabulary.documents
    end = None
    if mentions(documents.first_of_them, part):
        end = 0
    elif mentions(documents.last_of_them, part):
        end = -1
    kinds = {kb.sources[ref].kind for ref in named}
    dated = sorted(
        (s.date, ref) for ref, s in kb.sources.items() if s.date and (not kinds or s.kind in kinds)
    )
    if end is not None and len(named) != 1 and dated:
        return [dated[end][1]]
    if named:
        return named
    about = mentions(kb.vocabulary.about.names, part)
    return [ref for ref, source in kb.sources.items() if source.kind == "recomendaciones"] if about else []


def time_between_answer(kb: KnowledgeBase, text: str) -> str | None:
    """«¿Cuántos días transcurrieron entre la emisión de las recomendaciones y ese comunicado de agosto?»:
    the days from the date of one document named to the other's, both cited; that the documents give no
    date when one has none; None unless the message asks the time between two documents it names."""
    folded = fold(text)
    between = _BETWEEN.search(folded)
    if not mentions(kb.vocabulary.documents.elapsed, folded) or between is None:
        return None
    first = _one_named(kb, between.group(1))
    # «…entre el comunicado de enero de 2018 y el de marzo?»: the second of the kind of the first
    like = kb.sources[first[0]].kind if first else ""
    second = _one_named(kb, between.group(2)) or _one_named(kb, f"{like} {between.group(2)}")
    if len(first) != 1 or len(second) != 1 or first == second:
        return None
    dated = sorted((day, ref) for ref in (first[0], second[0]) if (day := kb.sources[ref].date) is not None)
    if len(dated) < 2:
        undated = next(ref for ref in (first[0], second[0]) if kb.sources[ref].date is None)
        said = f"Los documentos no dan la fecha de {kb.sources[undated].cite_as}: no hay con qué contar."
        return said.replace(" de el ", " del ")
    (start, earlier), (end, later) = dated
    return f"Entre {kb.citation(earlier)} y {kb.citation(later)} pasaron {(end - start).days} días."


def documents_answer(kb: KnowledgeBase) -> str:
    """«¿De dónde sacas la información? ¿Qué fuentes usas?»: the documents every answer comes from, the
    oldest first, each with its date and title; and that what came after them is told by dated notes."""
    refs = sorted(
        kb.sources, key=lambda ref: (kb.sources[ref].date is None, kb.sources[ref].date or dt.date.min)
    )
    lines = [
        f"{BULLET}{sentence_start(kb.citation(ref))}"
        + ("" if "«" in kb.sources[ref].cite_as else f": «{kb.sources[ref].title}»")  # the title once
        for ref in refs
    ]
    after = "Lo que pasó después de ellos lo digo con notas fechadas que citan su fuente."
    return "\n".join([f"Respondo solo con estos {len(refs)} documentos:", *lines, after])


def asks_about_sources(kb: KnowledgeBase, text: str) -> bool:
    """Whether ``text`` asks something of a source document it names (its number, date, figures…), in
    every part of a two-part question («¿cuánto dura y a quién está dirigido?»; «¿como qué agentes actúan
    y cuánto dura?» asks the documents' text too), or what it says as a whole («¿qué dice el comunicado
    INAI/002/18?»; not «¿qué dice … sobre los STL?»)."""
    documents = kb.vocabulary.documents
    if mentions(kb.vocabulary.which_guide, text):  # «¿qué guías da el comunicado…? con su título exacto»
        return False
    # «¿qué dice el…?», «Tengo citado el INAI/083/18. ¿Qué dice, en resumen?»
    whole = (_opens_with_says(kb, text) or _bare_says(kb, text)) and not mentions(documents.subject, text)
    # «¿El STL tiene poder de decisión o es solo consultivo? ¿Qué dice el material?»: what it says of that
    questions = marked_questions(text)
    whole = whole and not (len(questions) > 1 and terms_named(kb, questions[0]))
    # «¿cuál es el más reciente y de qué fecha es?», «¿cuál es el más antiguo…?»
    asks = [*documents.asks, *documents.newest, *documents.oldest]
    alone = {fold(word) for word in documents.asks_alone}
    parts = question_parts(kb, text)
    # «…quién las emitió y qué fecha tienen»: who issued it is asked of the document too
    # «¿Qué es el Módulo 2 Sesión 3 y cuánto dura?»: what a document it names is, too
    asked = whole or all(
        mentions(asks, part)
        or fold(part).strip(" ¿?.,") in alone
        or _issuer_asked(kb, part)
        or _what_document_is(kb, part)
        for part in parts
    )
    # a kind of document named only in the scene set before a question about a STL or a plan («…para el
    # boletín de jubilados… ¿en qué fecha se instaló el STL de Oaxaca?») is not asked about; one named by
    # its number is, and so is one named before a question about nothing else («…¿qué número tiene cada uno?»)
    question = question_sentence(text)
    scene = kb.vocabulary.aspect(question) is None
    named = sources_named(kb, text if scene else question) or kb.numbered_in(text)
    return asked and bool(named)


def _what_document_is(kb: KnowledgeBase, part: str) -> bool:
    """Whether ``part`` asks what a document is, named right after «qué es» («¿Qué es el Módulo 2 Sesión
    3?», «¿qué es el INAI/083/18?»), not a thing it names («¿qué es eso del follow the money de los
    comunicados?»)."""
    found = _WHAT_IS.search(fold(part))
    if found is None:
        return False
    asked = found.group(1)
    kinds = sorted(kb.vocabulary.documents.kind_words, key=len, reverse=True)
    opens = re.match(rf"(?:{'|'.join(re.escape(kind) for kind in kinds)})\b", asked)
    return (opens is not None and bool(sources_named(kb, asked))) or bool(
        kb.numbered_in(asked[:NUMBER_REACH])
    )


NUMBER_REACH = 24  # «¿qué es el INAI/083/18…?»: where a document's number stands right after «qué es»
_WHAT_IS = re.compile(r"\b(?:que|q|k) (?:es|son) (?:el |la |ese |esa |este |esta |los |las )?(.+)")


def _issuer_asked(kb: KnowledgeBase, part: str) -> bool:
    """Whether ``part`` asks who issued something («¿quién las emitió?»), not who devised the initiative
    («¿con qué instancia lo ideó el INAI?»)."""
    return kb.vocabulary.follow_up(part) == "issuer" and not mentions(kb.vocabulary.devised, part)


_QUESTION_OPENS = re.compile(r"(?:^|[¿?.;:,]|\by)\s*$")  # what stands right before a question's first word


def _bare_says(kb: KnowledgeBase, text: str) -> bool:
    """Whether the question of ``text`` is made of nothing but asking what something says («¿Qué dice,
    en resumen?»), after a sentence that names the document."""
    question = question_sentence(text)
    says = kb.vocabulary.documents.bare_says
    left = re.sub(r"\W+", "", without(says, question))
    return mentions(says, question) and question != text and not left


def _opens_with_says(kb: KnowledgeBase, text: str) -> bool:
    """Whether a question of ``text`` opens asking what a document says («¿qué dice el comunicado…?»),
    not a clause that only describes what it names («¿en qué fechas era la Cumbre que anuncia…?»)."""
    folded = fold(text)
    return any(
        _QUESTION_OPENS.search(folded[:start]) for start, _ in spans(kb.vocabulary.documents.says, folded)
    )


def cited_in(kb: KnowledgeBase, said: str) -> list[str]:
    """The sources an answer cites within its text («según el comunicado INAI/265/19, 14 de agosto de
    2020»), in the order it first cites them."""
    return sorted(
        (ref for ref in kb.sources if kb.citation(ref) in said), key=lambda ref: said.find(kb.citation(ref))
    )


def source_answer(kb: KnowledgeBase, ref: str, newest: bool = True) -> str:
    """A source's number or name, title, date (or that it has none), issuer, summary, the lines it labels
    about itself (objective, duration) and the figures it gives; with ``newest``, the newer figures that
    replace them."""
    source = kb.sources[ref]
    when = f"del {spanish_date(source.date)}" if source.date else "sin fecha (los documentos no la dan)"
    issuer = f", emitido por {source.issuer}" if source.issuer else ""
    named = source.cite_as if "«" in source.cite_as else f"{source.cite_as}: «{source.title}»"  # title once
    said = f"{sentence_start(named)}, {when}{issuer}. {source.summary}"
    if source.labelled:  # «**Duración:** 79 minutos.»: what the document says of itself, as it says it
        said += "".join(f"\n{label}: {value}" for label, value in source.labelled.items())
    figures = list(dict.fromkeys(figure_text(kb, o) for o in kb.figures.observations if o.source == ref))
    if not figures:
        return said
    said += f"\n{listed('Cifras que da', figures)}"
    # «el módulo dice 26 estados, ¿de cuándo es?»: an undated document's figures, matched to a dated one
    if source.date is None and (same := _same_figures(kb, ref)):
        said = sentences(said, f"Son las mismas que da {cited(kb, same)}.")
    # «las cifras que trae el módulo, ¿siguen siendo las más recientes?»: the newer ones, with their source
    newer = newest_of(kb, [ref], [o.metric for o in kb.superseded() if o.source == ref]) if newest else ""
    return f"{said}\n{newer}" if newer else said


MAX_LINKS = 4  # sentences with a link quoted when a document is asked for its link


def links_answer(kb: KnowledgeBase, ref: str) -> str:
    """«¿y el link?» after a document: its own address, else the sentences of its text that give one
    (quoted, with the dated note on INAI where they send people there), else that it gives none."""
    source = kb.sources[ref]
    if source.url:
        return f"Enlace de {source.cite_as}: {source.url}"
    found = [m.group().strip() for m in _LINKED.finditer(source.text)][:MAX_LINKS]
    if not found:
        return f"{sentence_start(source.cite_as)} no da ningún enlace."
    quoted = "\n".join(f"«{sentence.strip('*- ')}»" for sentence in found)
    said = f"{quoted}\n{source_line(kb, ref)}"
    return f"{said}\n{inai_note(kb)}" if "inai.org.mx" in quoted else said  # its links are historical


_LINKED = re.compile(r"[^.\n]*https?://[^\s>)»]+[^\n]*")


def newest_of(kb: KnowledgeBase, refs: list[str], metrics: list[str]) -> str:
    """The newest of ``metrics`` where a source other than ``refs`` gives them with another value («Esas
    cifras son anteriores. Las más recientes: …»), with their sources; empty when none does."""
    given = {(o.metric, o.value) for o in kb.figures.observations if o.source in refs}
    newest = [
        obs
        for m in dict.fromkeys(metrics)
        if (obs := kb.latest(m)) and obs.source not in refs and (obs.metric, obs.value) not in given
    ]
    if not newest:
        return ""
    by_source: dict[str, list[str]] = {}
    for obs in newest:
        by_source.setdefault(obs.source, []).append(figure_text(kb, obs))
    said = "Esas cifras son anteriores. Las más recientes"
    if len(by_source) == 1:
        ((newer, texts),) = by_source.items()
        return f"{listed(said, texts)}\n{source_line(kb, newer)}"
    groups = [
        f"{BULLET}{join_names(texts)} ({according_to(kb, source)})" for source, texts in by_source.items()
    ]
    return "\n".join([f"{said}:", *groups])


def _same_figures(kb: KnowledgeBase, ref: str) -> list[str]:
    """The dated sources that give every figure ``ref`` gives, with the same values."""
    given = {(o.metric, o.value) for o in kb.figures.observations if o.source == ref}
    dated = {other for other, source in kb.sources.items() if source.date and other != ref}
    return sorted(
        (
            other
            for other in dated
            if given <= {(o.metric, o.value) for o in kb.figures.observations if o.source == other}
        ),
        key=lambda other: kb.sources[other].date or dt.date.min,
    )


def sources_answer(kb: KnowledgeBase, refs: list[str], text: str = "") -> str:
    """Each source named, one after the other; the newer figures that replace theirs once, when the
    newest source is not among them. Asked (``text``) for the number of one that has none, that first."""
    unnumbered = [kb.sources[ref].cite_as for ref in refs if kb.sources[ref].number is None]
    none = ""
    if unnumbered and mentions(kb.vocabulary.documents.number, text):  # «¿qué número de acuerdo tiene?»
        kinds = "de comunicado, acuerdo u oficio"
        none = f"Los documentos no dan un número ({kinds}) a {join_names(unnumbered)}.\n"
    if len(refs) == 1:
        return none + source_answer(kb, refs[0])
    said = "\n\n".join(source_answer(kb, ref, newest=False) for ref in refs)
    newer = newest_of(kb, refs, [o.metric for o in kb.superseded() if o.source in refs])
    return none + (f"{said}\n\n{newer}" if newer else said)


def note_answer(kb: KnowledgeBase, ref: str, number: int) -> str | None:
    """Footnote ``number`` of a source as it reads, with the sentence that cites it, its source and date
    (and the dated note on INAI when it sends people there); None when the source has no such note."""
    source = kb.sources[ref]
    note = source.notes.get(number)
    if note is None:
        return None
    when = f", del {spanish_date(source.date)}," if source.date else ""
    said = f"La nota {number} de {source.cite_as}{when} dice: «{note}»"
    if (cited := source.citing(number)) is not None:
        said += f"\nLa cita este pasaje: «{cited}»"
    return with_inai_note(kb, said)
