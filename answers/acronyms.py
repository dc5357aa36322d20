"""What an acronym of the documents stands for («¿qué significa la sigla COMAIP?»), read from the documents
themselves: the name they write right before it in parentheses («…Conferencia Mexicana para el Acceso a la
Información Pública (COMAIP)»), and the documents that use it."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge import KnowledgeBase
from knowledge.text import fold
from knowledge.vocabulary import marked_questions, mentions

from .wording import cited

_IN_PARENTHESES = re.compile(r"\(([A-ZÁÉÍÓÚÑ]{2,8})\)")
_WORD = re.compile(r"\w+")
NAME_MAX_WORDS = 16  # the longest name read before an acronym


def acronyms_asked(kb: KnowledgeBase, text: str) -> list[str]:
    """The acronyms of the documents a message asks the meaning of («¿qué significa la sigla COMAIP?»,
    «¿cómo se desarrolla completa la sigla SNT?», «que son esas siglas INAI y SNT»), in the order written;
    not one the glossary defines (STL, PAL: their definition answers)."""
    if not mentions(kb.vocabulary.acronym_asks, text):
        return []
    # «Tengo columnas STL y PAL. ¿Qué significan esas siglas en los comunicados del INAI?»: their definitions
    if acronyms_written(kb, text):
        return []
    defined = {fold(word) for term in kb.glossary for word in (term.id, *term.aliases)}
    # «¿con qué organización ideó el INAI el proyecto? son unas siglas»: the question that asks the meaning
    asks = kb.vocabulary.acronym_asks
    questions = marked_questions(text)
    asking = [question for question in questions if mentions(asks, question)]
    if questions and not asking:
        return []

    def named(said: str) -> list[str]:
        return [acronym for acronym in acronyms_named(kb, said) if fold(acronym) not in defined]

    # «…aparece COMAIP. ¿Qué significa la sigla?»: the one named before the question that asks it; not
    # «Leí en un comunicado del INAI que… el «Follow the Money», ¿eso qué quiere decir?»
    before = not asking or mentions(kb.vocabulary.acronym_nouns, " ".join(asking))
    # «¿Y eso qué significa? ¿Qué es la COMAIP?»: the acronym another of its questions names
    what_it_is = [q for q in questions if mentions(kb.vocabulary.definition, q)]
    others = named(" ".join(what_it_is)) if asking and len(questions) > 1 else []
    return (named(" ".join(asking)) if asking else []) or (named(text) if before else []) or others


MISSPELT_MIN = 5  # «CONAIP» for «COMAIP»: an acronym this long written in capitals with one letter changed


def _misspelt(word: str, known: dict[str, list[tuple[str, str]]]) -> str:
    """The known acronym a word in capitals misspells by one letter («CONAIP» → «COMAIP»); else the word."""
    if len(word) < MISSPELT_MIN or not word.isupper() or word in known:
        return word
    close = [
        a for a in known if len(a) == len(word) and sum(x != y for x, y in zip(a, word, strict=True)) == 1
    ]
    return close[0] if len(close) == 1 else word


def acronyms_named(kb: KnowledgeBase, text: str) -> list[str]:
    """The acronyms the documents spell out that ``text`` names («sale COMAIP, ¿qué es eso?»; «la CONAIP»,
    misspelt), in order."""
    known = _expansions(kb)
    written = [_misspelt(word, known) for word in _WORD.findall(text)]
    words = [word.upper() for word in _WORD.findall(fold(" ".join(written)))]
    return [acronym for acronym in dict.fromkeys(words) if acronym in known]


_SENTENCE = re.compile(r"[^.\n]+\.")


def acronym_in_use(kb: KnowledgeBase, acronym: str) -> str | None:
    """The first sentence of the documents that uses ``acronym``, quoted with its source («…en colaboración
    con la extinta Conferencia Mexicana… (COMAIP)…»); None when none does."""
    for ref, source in kb.sources.items():
        for sentence in _SENTENCE.findall(source.text):
            if re.search(rf"\b{acronym}\b", sentence):
                return f"«{' '.join(sentence.replace('*', '').split())}»\nFuente: {kb.citation(ref)}."
    return None


def acronyms_written(kb: KnowledgeBase, text: str) -> list[str]:
    """The glossary terms ``text`` names by an acronym in capitals («las siglas STL y PAL» → stl, pal)."""
    written = {fold(word) for word in _WORD.findall(text) if len(word) > 1 and word.isupper()}
    return [term.id for term in kb.glossary if written & {fold(name) for name in (term.id, *term.aliases)}]


def acronym_answer(kb: KnowledgeBase, acronym: str) -> str | None:
    """«COMAIP quiere decir «Conferencia Mexicana para el Acceso a la Información Pública» (según …)», and
    the documents that use it; None when no document writes its name before it."""
    names = _expansions(kb).get(acronym)
    if not names:
        return None
    name, ref = names[0]
    using = [ref for ref, source in kb.sources.items() if re.search(rf"\b{acronym}\b", source.text)]
    said = f"{acronym} quiere decir «{name}» (así lo escribe {kb.citation(ref)})."
    others = {other: where for other, where in names if other != name}  # the SNT's whole name too
    said += "".join(f" En {kb.citation(where)} se escribe «{other}»." for other, where in others.items())
    return f"{said}\nLa sigla aparece en {cited(kb, using)}." if using else said


def _expansions(kb: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    return _read_expansions(tuple((ref, source.text) for ref, source in kb.sources.items()))


@lru_cache(maxsize=4)
def _read_expansions(texts: tuple[tuple[str, str], ...]) -> dict[str, list[tuple[str, str]]]:
    """Each acronym a document writes in parentheses, with the names written right before it (by the
    initials of their capitalised words, else the capitalised run that starts with its first letter) and
    the document: the shortest name first."""
    found: dict[str, list[tuple[str, str]]] = {}
    for ref, text in texts:
        for match in _IN_PARENTHESES.finditer(text):
            acronym = match.group(1)
            segment = text[max(0, match.start() - 200) : match.start()].replace("*", " ")
            words = list(_WORD.finditer(segment))[-NAME_MAX_WORDS:]
            first = _by_initials(words, acronym)
            first = _capitalised_run(words, acronym) if first is None else first
            if first is not None:
                name = " ".join(segment[words[first].start() :].split()).rstrip(" ,")
                found.setdefault(acronym, []).append((name, ref))
    return {acronym: sorted(names, key=lambda pair: len(pair[0])) for acronym, names in found.items()}


_JOINERS = {"de", "del", "la", "las", "el", "los", "y", "e", "para", "a", "al", "en"}


def _by_initials(words: list[re.Match[str]], acronym: str) -> int | None:
    """Where the last words whose capitalised ones spell ``acronym`` start («Sistema Nacional de
    Transparencia» for SNT, the joiners between them kept); None when they do not."""
    letters = list(acronym)
    for i in range(len(words) - 1, -1, -1):
        word = words[i].group()
        if word.lower() in _JOINERS and len(letters) < len(acronym):
            continue
        if not (word[0].isupper() and word[0] == letters[-1]):
            return None
        letters.pop()
        if not letters:
            return i
    return None


def _capitalised_run(words: list[re.Match[str]], acronym: str) -> int | None:
    """Where the capitalised words (and joiners) right before the acronym start, from the first that starts
    with its first letter («Instituto Nacional de Transparencia, Acceso a la … Datos Personales» for INAI)."""
    start = len(words)
    while start > 0 and (
        words[start - 1].group()[0].isupper() or words[start - 1].group().lower() in _JOINERS
    ):
        start -= 1
    firsts = [i for i in range(start, len(words)) if words[i].group()[0] == acronym[0]]
    return firsts[0] if firsts else None
