"""The SNT recommendations on open government during COVID-19: one by its ordinal, or all of them."""

from __future__ import annotations

import re
from typing import Any

from index.analysis import SynonymExpander, content_words, tokens
from index.sentences import split_sentences
from knowledge import KnowledgeBase
from knowledge.text import fold, spanish_date
from knowledge.vocabulary import mentions, question_sentence, spans

from .wording import join_names, source_line

# «¿cuáles son las (cuatro) recomendaciones…?»: all of them, whatever subject follows
_ALL = re.compile(
    r"\b(?:son|eran|fueron)\s+(?:las|sus|esas|estas|aquellas)\s+(?:\w+\s+)?recomendaciones\b"
    r"|\b(?:dimelas|digamelas|dame|deme|damelas|demelas|enumeralas|enumeremelas|listalas)\s+(?:todas|las\s+cuatro)\b"
    r"|\btodas\s+las\s+recomendaciones\b"
    r"|\blista\s+de\s+(?:las\s+)?(?:\w+\s+)?recomendaciones\b"  # «la lista de las recomendaciones… sobre…»
)
_WORDS = re.compile(r"\w+")
# «las cuatro recomendaciones», «…son 4, ¿no?»: a count, not an ordinal
_COUNTED = re.compile(
    r"\b(?:(?:las|sus)\s+\w+\s+recomendaciones|(?:son|eran|fueron|hay)\s+(?:\d|dos|tres|cuatro))\b"
)


def ordinal_of(kb: KnowledgeBase, value: Any, text: str = "") -> int | None:
    """The ordinal in an entity value ("3", "tercera", "3a") or, failing that, in the message («la
    última» included). «De las cuatro recomendaciones, ¿cuáles…?» counts them: it names no ordinal."""
    folded = fold(text)
    uncounted = _COUNTED.sub("las recomendaciones", folded)
    if uncounted != folded and kb.vocabulary.ordinal(uncounted) is None:
        value, text = None, uncounted
    # «¿cuáles no estaban en la primera lista?»: NLU's «1» is no recommendation
    if kb.vocabulary.orders_another(text):
        value = None
    for candidate in ([*value] if isinstance(value, list) else [value]) + [text]:
        if isinstance(candidate, str) and (found := kb.vocabulary.ordinal(candidate)) is not None:
            return found
    last = len(kb.recommendations.items)
    return last if kb.vocabulary.step(text, 0, last) == last else None  # «la última»


def recommendation_named(kb: KnowledgeBase, text: str) -> int | None:
    """The ordinal ``text`` names when a recommendation has it («la cuarta»), else None («la quinta»)."""
    ordinal = kb.vocabulary.ordinal(text)
    return ordinal if ordinal is not None and 1 <= ordinal <= len(kb.recommendations.items) else None


def recommendation_answer(kb: KnowledgeBase, ordinal: int) -> str:
    """One recommendation: our plain summary first, then its official text, who approved it and when."""
    recs = kb.recommendations
    item = kb.recommendation(ordinal)
    if item is None:
        return (
            f"Son {len(recs.items)} recomendaciones; no hay una con el número {ordinal}. "
            f"Puedes pedir de la primera a la {recs.items[-1].name.lower()}."
        )
    return (
        f"Recomendación {item.name.lower()} de {len(recs.items)}, en pocas palabras: "
        f"{item.summary[:1].lower()}{item.summary[1:]}\n"
        f"Texto oficial, aprobado el {spanish_date(recs.approved)} por la {recs.issuer}:\n"
        f"«{item.text}»\n{source_line(kb, recs.source)}"
    )


def recommendation_quoted(kb: KnowledgeBase, source: str, quoted: str) -> str | None:
    """«la segunda recomendación»: the recommendation whose text holds ``quoted``, a sentence quoted from
    ``source``; None when it is another document's or no recommendation's (the document's preamble)."""
    if source != kb.recommendations.source:
        return None
    said = " ".join(fold(quoted).split()).strip(" .«»")
    holding = [r for r in kb.recommendations.items if said and said in " ".join(fold(r.text).split())]
    return f"la {holding[0].name.lower()} recomendación del SNT" if len(holding) == 1 else None


def all_recommendations_answer(kb: KnowledgeBase) -> str:
    recs = kb.recommendations
    lines = "\n".join(f"{item.ordinal}. {item.name}: {item.summary}" for item in recs.items)
    return (
        f"El {spanish_date(recs.approved)} la {recs.issuer} aprobó {len(recs.items)} recomendaciones "
        f"de gobierno abierto ante la COVID-19, dirigidas a {recs.addressed_to}:\n{lines}\n"
        f"Pide una por su número para leer su texto completo (por ejemplo, «la tercera»).\n"
        f"{source_line(kb, recs.source)}"
    )


def issuer_answer(kb: KnowledgeBase, ordinal: int | None = None, audience: bool = False) -> str:
    """Who issued the recommendations (or the one ``ordinal`` names), when, and in what session; with
    ``audience``, also to whom they are addressed."""
    recs = kb.recommendations
    item = kb.recommendation(ordinal) if ordinal else None
    which = (
        f"La {item.name.lower()} recomendación la" if item else f"Las {len(recs.items)} recomendaciones las"
    )
    when = spanish_date(recs.approved)
    session = f"en la {recs.approved_at}"
    addressed = f" Están dirigidas a {recs.addressed_to}." if audience else ""
    return f"{which} aprobó la {recs.issuer} el {when}, {session}.{addressed}\n{source_line(kb, recs.source)}"


def issued_answer(kb: KnowledgeBase, text: str) -> str:
    """«¿Quién emitió las recomendaciones?»: who, when and in what session (and to whom, when asked);
    «¿qué dicen y quién las emitió?», «¿cuáles son las cuatro y de qué fecha son?»: them all, which says who
    issued them and when."""
    # «¿cuáles son las cuatro…?», not «¿quién emitió las cuatro?»
    which = mentions(kb.vocabulary.whole_group, text) and mentions(kb.vocabulary.about.asks, text)
    if mentions(kb.vocabulary.documents.bare_says, text) or which:
        return all_recommendations_answer(kb)
    return issuer_answer(kb, audience=mentions(kb.vocabulary.context.audience, text))


def audience_answer(kb: KnowledgeBase, ordinal: int | None = None) -> str:
    """To whom the recommendations are addressed (all of them: the document addresses them together); for
    one of them, also its text, which names whom it asks («Que los Organismos Garantes, los STL…»)."""
    recs = kb.recommendations
    item = kb.recommendation(ordinal) if ordinal else None
    own = f"\nLa {item.name.lower()} dice: «{item.text}»" if item else ""
    return (
        f"Las {len(recs.items)} recomendaciones están dirigidas a {recs.addressed_to}.{own}\n"
        f"{source_line(kb, recs.source)}"
    )


def plain_answer(kb: KnowledgeBase, ordinal: int) -> str:
    """One recommendation in plain words (our summary, marked as such), then where its text is."""
    recs = kb.recommendations
    item = kb.recommendation(ordinal)
    if item is None:
        return recommendation_answer(kb, ordinal)
    return (
        f"En palabras sencillas, la {item.name.lower()} recomendación pide: {item.summary}\n"
        "(Es un resumen nuestro; el texto oficial es el de la recomendación.)\n"
        f"{source_line(kb, recs.source)}"
    )


# the fewest words of a question a recommendation must share to be "about" it
MIN_SHARED = 2
RARE_STEM_LETTERS = 6  # a stem this long that one recommendation alone uses («document») names it


def _ignored(kb: KnowledgeBase) -> set[str]:
    """The stems of the words that say nothing of a recommendation's subject (:attr:`About.ignore`, the
    ordinals)."""
    ordinal_words = [w for words in kb.vocabulary.ordinals.values() for w in words]
    return {stem for word in [*kb.vocabulary.about.ignore, *ordinal_words] for _, stem in content_words(word)}


_FUNCTION_WORDS = r"(?:\s*\b(?:de|del|la|el|los|las|lo|en|sobre|acerca|a|al)\b)+"


def subject_of(kb: KnowledgeBase, text: str) -> str:
    """What a «¿cuál habla de …?» question asks about, as written after the word that asks it («datos
    abiertos»), or "" when nothing follows it."""
    folded = fold(text)
    found = spans(kb.vocabulary.about.treats, folded)
    written = text.lower() if len(text) == len(folded) else folded  # with its accents where it can
    rest = written[found[-1][1] :].split("?")[0] if found else ""  # «…? resumidas, para una lámina»: an aside
    # «…de educación o escuelas en lo del covid»: up to the name of the recommendations
    names = spans(kb.vocabulary.about.names, fold(rest))
    rest = rest[: names[0][0]] if names and len(rest) == len(fold(rest)) else rest
    rest = re.sub(_FUNCTION_WORDS + r"\s*$", "", rest)
    return re.sub(r"^" + _FUNCTION_WORDS, "", rest).strip(" ¿?¡!.,")


def recommendations_about(kb: KnowledgeBase, text: str) -> list[int] | None:
    """The ordinals of the recommendations a «¿cuál habla de …?» question is about: those sharing the
    most of its words (stemmed; at least ``MIN_SHARED``, or all of them when it has fewer); [] when none
    shares any and it asks what they treat («¿cuál habla del clima?»); None when it does not ask that way
    or the match is partial."""
    about = kb.vocabulary.about
    if not mentions(about.asks, text) or _ALL.search(fold(text)):  # «¿cuáles son las cuatro…?»: all
        return None
    ignored = _ignored(kb)  # «covid» adds none; nor «abiertos» («gobierno abierto» is everywhere)
    # without the ignored words, small words kept: «dejar por escrito» is a synonym as a whole phrase
    own = " ".join(
        word
        for word in _WORDS.findall(fold(text))
        if all(stem not in ignored for _, stem in content_words(word))
    )
    asked = {stem for _, stem in content_words(SynonymExpander.of(kb).expand(own)) if stem not in ignored}
    held = {item.ordinal: set(tokens(item.text)) for item in kb.recommendations.items}
    shared = {ordinal: _shared(asked, stems) for ordinal, stems in held.items()}
    best = max(shared.values(), default=0)
    if asked and best >= min(MIN_SHARED, len(asked)):
        return [ordinal for ordinal, n in shared.items() if n == best]
    # «¿el SNT les pidió a las dependencias que documentaran lo que hacían?»: a word only one of them uses,
    # not one of their issuer's name («…de la Comisión de … Transparencia Proactiva, ¿cuántas se emiten?»)
    issuer = set(tokens(kb.recommendations.issuer))
    rare = {
        ordinal
        for stem in asked - issuer
        if len(stem) >= RARE_STEM_LETTERS
        for ordinal in [o for o, stems in held.items() if _shared({stem}, stems)]
        if sum(1 for stems in held.values() if _shared({stem}, stems)) == 1
    }
    # «¿sale algo de seguridad pública o nomás de salud?»: a phrase the document says whole outside the four
    # is none of theirs, though one of its words is («público» of «gasto público»)
    if len(rare) == 1 and not _said_outside(kb, subject_of(kb, text)):
        return sorted(rare)
    if len(rare) == 1:
        return []
    # «none of them» only when no recommendation shares a word: a partial match is no proof of absence
    # and only when the question itself asks what they treat («…unas recomendaciones sobre gobierno abierto…
    # ¿cuáles son?» sets the scene with «sobre»)
    # and only when what follows the word that asks it names a subject («…del SNT sobre covid, ¿cuáles
    # son?» asks for them all)
    subject = {stem for _, stem in content_words(subject_of(kb, text)) if stem not in ignored}
    treats = mentions(about.treats, question_sentence(text))
    # «¿las recomendaciones piden publicar datos abiertos de camas y casos covid?»: a word their document
    # never uses («camas») is no part of any of them either
    document = set(tokens(kb.sources[kb.recommendations.source].text))
    yes_or_no = kb.vocabulary.asks_yes_or_no(question_sentence(text))  # not «¿qué les pide exactamente…?»
    foreign = yes_or_no and any(_shared({stem}, document) == 0 for stem in subject)
    return [] if asked and (best == 0 or foreign) and treats and subject else None


SAME_STEM_LETTERS = 5  # stems this long that start one another are one word («economi», «econom»)


def _shared(asked: set[str], held: set[str]) -> int:
    """How many of the ``asked`` stems the recommendation's stems ``held`` hold, a stem also when one starts
    the other (the stemmer gives «economía» ``economi`` and «económica» ``econom``)."""
    return sum(1 for stem in asked if stem in held or any(_one_word(stem, other) for other in held))


def _one_word(stem: str, other: str) -> bool:
    """Whether two stems, long enough, are one word, one starting the other."""
    long_enough = min(len(stem), len(other)) >= SAME_STEM_LETTERS
    return long_enough and (stem.startswith(other) or other.startswith(stem))


def said_besides(kb: KnowledgeBase, subject: str) -> str | None:
    """The first sentence of the recommendations' document that names every word of ``subject``, or of one
    of the subjects it joins with «o» (stemmed: «educación» finds «…sectores como el económico, social,
    educativo…»); None when none does or the subject has no word of its own. Asked only when none of the
    four shares a word of the question, so no sentence of theirs can be the one."""
    ignored = _ignored(kb)
    # «educación o escuelas»: either
    alternatives = [
        {stem for _, stem in content_words(one) if stem not in ignored} for one in re.split(r"\bo\b", subject)
    ]
    alternatives = [asked for asked in alternatives if asked]
    sentences = [
        sentence
        for paragraph in kb.sources[kb.recommendations.source].text.split("\n\n")
        for sentence in split_sentences(paragraph.strip())
    ]
    # «…algo del ámbito rural entre las problemáticas identificadas?»: all its words but one, when it has
    # several («ámbito» is not in the sentence that names «desarrollo rural sostenible»)
    for missing in (0, 1):
        for sentence in sentences:
            held = set(tokens(sentence))
            if any(
                _shared(asked, held) >= len(asked) - missing and len(asked) >= NEAR_SUBJECT_WORDS * missing
                for asked in alternatives
            ):
                return sentence
    return None


NEAR_SUBJECT_WORDS = 3  # a subject this long is found in a sentence that holds all its words but one


def _said_outside(kb: KnowledgeBase, subject: str) -> bool:
    """Whether a sentence of the recommendations' document, none of the four's, holds every word of a
    subject of two words or more that ``subject`` names (alone or joined with «o»)."""
    ignored = _ignored(kb)
    alternatives = [
        asked
        for one in re.split(r"\bo\b", subject)
        if len(asked := {stem for _, stem in content_words(one) if stem not in ignored}) > 1
    ]
    theirs = [set(tokens(item.text)) for item in kb.recommendations.items]
    for paragraph in kb.sources[kb.recommendations.source].text.split("\n\n"):
        for sentence in split_sentences(paragraph.strip()):
            held = set(tokens(sentence))
            if any(len(held & stems) * 2 > len(held) for stems in theirs):
                continue  # a recommendation's own sentence
            if any(_shared(asked, held) == len(asked) for asked in alternatives):
                return True
    return False


def about_answer(kb: KnowledgeBase, ordinals: list[int], subject: str = "") -> str:
    """The recommendations a subject question found, each quoted; or that none of them treats it (naming
    the ``subject`` asked about when given)."""
    recs = kb.recommendations
    if not ordinals:
        named = f"«{subject}»" if subject else "ese tema"
        besides = said_besides(kb, subject)
        elsewhere = f" El documento lo menciona fuera de ellas: «{besides}»" if besides else ""
        # said nowhere in the document: the documents do not say it; said outside them: where
        lead = "" if besides else "Los documentos no lo dicen: n"
        none = f"{lead or 'N'}inguna de las {len(recs.items)} recomendaciones habla de {named}."
        return (
            f"{none}{elsewhere} Puedes leerlas todas («¿cuáles son las recomendaciones?»).\n"
            f"{source_line(kb, recs.source)}"
        )
    if len(ordinals) == 1:
        return recommendation_answer(kb, ordinals[0])
    items = [item for item in recs.items if item.ordinal in ordinals]
    quoted = "\n".join(f"• {item.name}: «{item.text}»" for item in items)
    names = join_names([item.name.lower() for item in items])
    source = source_line(kb, recs.source)
    return f"Lo tratan las recomendaciones {names} (de {len(recs.items)}):\n{quoted}\n{source}"
