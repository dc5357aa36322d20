"""Lexical analysis for BM25 and query expansion: folding, stop words, stemming, synonyms."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from common.spelling import cut_short
from knowledge import KnowledgeBase
from knowledge.text import fold, squash
from knowledge.vocabulary import mentions, without

_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
# Frequent Spanish function words (accent-free): they carry no topic.
STOP_WORDS = frozenset(
    [
        "a",
        "al",
        "algo",
        "algun",
        "alguna",
        "algunas",
        "algunos",
        "ante",
        "antes",
        "asi",
        "aun",
        "cada",
        "como",
        "con",
        "contra",
        "cual",
        "cuales",
        "cuando",
        "de",
        "del",
        "desde",
        "donde",
        "dos",
        "el",
        "ella",
        "ellas",
        "ellos",
        "en",
        "entre",
        "era",
        "es",
        "esa",
        "ese",
        "eso",
        "esta",
        "estan",
        "este",
        "esto",
        "estos",
        "fue",
        "ha",
        "han",
        "hay",
        "hace",
        "hasta",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "mas",
        "me",
        "mi",
        "mis",
        "mucho",
        "muy",
        "nada",
        "ni",
        "no",
        "nos",
        "o",
        "otra",
        "otro",
        "para",
        "pero",
        "poco",
        "por",
        "porque",
        "pues",
        "que",
        "q",
        "quien",
        "quienes",
        "se",
        "segun",
        "ser",
        "si",
        "sin",
        "sobre",
        "son",
        "su",
        "sus",
        "tal",
        "tambien",
        "te",
        "tiene",
        "tienen",
        "toda",
        "todas",
        "todo",
        "todos",
        "tu",
        "un",
        "una",
        "uno",
        "unos",
        "y",
        "ya",
        "yo",
        "dime",
        "dice",
        "dicen",
        "sabes",
        "quiero",
        "saber",
        "cual",
        "cuales",
    ]
)


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


_STEMMER = snowballstemmer.stemmer("spanish")


# Legal terms the documents use as one name, kept as one word: «sujetos obligados» (the bodies the
# transparency law binds) says nothing about whether anyone is obliged («¿los obligan a participar?»).
_TERMS = re.compile(r"\bsujetos?\s+obligados?\b")


def _words(text: str) -> list[str]:
    return _WORD.findall(_TERMS.sub("sujetos-obligados", fold(text)))


def tokens(text: str) -> list[str]:
    """Accent-folded, lower-cased, stemmed content words of ``text``."""
    return [_stem(w) for w in _words(text) if w not in STOP_WORDS]


def content_words(text: str) -> list[tuple[str, str]]:
    """Each content word of ``text`` as written (folded) with its stem: what :func:`tokens` keeps."""
    return [(w, _stem(w)) for w in _words(text) if w not in STOP_WORDS]


class PhraseMatcher:
    """Finds known phrases in text (folded, at word boundaries, longest first) and returns their values."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self._values = {squash(fold(k)): v for k, v in phrases.items() if squash(fold(k))}
        alternatives = sorted(self._values, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)")
            if alternatives
            else None
        )

    def find(self, text: str) -> list[str]:
        """The values of the phrases in ``text``, in order of appearance, without repeats."""
        if self._pattern is None:
            return []
        found = [self._values[m.group(1)] for m in self._pattern.finditer(squash(fold(text)))]
        return list(dict.fromkeys(found))


class SynonymExpander:
    """Appends the documents' wording to text that uses an alias (``cdmx`` → ``ciudad de mexico``).

    Aliases come from ``knowledge/facts/synonyms.yaml`` and the states' names and aliases.
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._matcher = PhraseMatcher(
            {
                alias: squash(fold(canonical))
                for alias, canonical in pairs
                if squash(fold(alias)) != squash(fold(canonical))
            }
        )

    @classmethod
    def from_knowledge(cls, kb: KnowledgeBase) -> SynonymExpander:
        pairs = [(alias, syn.canonical) for syn in kb.synonyms for alias in syn.aliases]
        pairs += [(name, state.name) for name, state in kb.state_names().items()]
        return cls(pairs)

    @classmethod
    def of(cls, kb: KnowledgeBase) -> SynonymExpander:
        """The expander of ``kb``, built once and shared by everything that reads it."""
        if kb.digest not in _EXPANDERS:
            _EXPANDERS[kb.digest] = cls.from_knowledge(kb)
        return _EXPANDERS[kb.digest]

    def expand(self, text: str) -> str:
        """``text`` followed by the canonical phrases of the aliases it uses and does not spell out."""
        folded = squash(fold(text))
        extra = [c for c in self._matcher.find(text) if c not in folded]
        return f"{text} ({'; '.join(extra)})" if extra else text


_EXPANDERS: dict[str, SynonymExpander] = {}  # by knowledge digest: see SynonymExpander.of


# Spellings that sound alike in Mexican Spanish: «chiguagua» is heard as «chihuahua», «sacatecas» as
# «zacatecas», «oajaca» as «oaxaca». Applied in order to folded words.
_SOUNDS = (
    ("ch", "\x00"),
    ("gu", "w"),
    ("hu", "w"),
    ("h", ""),
    ("v", "b"),
    ("z", "s"),
    ("ce", "se"),
    ("ci", "si"),
    ("ll", "y"),
    ("qu", "k"),
    ("ca", "ka"),  # «sakatecas» is heard as «zacatecas»
    ("co", "ko"),
    ("cu", "ku"),
    ("x", "j"),
    ("\x00", "ch"),
)


def _sound(word: str) -> str:
    """How a folded word sounds, as a key: words that sound alike share it."""
    for written, heard in _SOUNDS:
        word = word.replace(written, heard)
    return word


class StateFinder:
    """Finds the states a text names: by any name or alias, or by a misspelt distinctive word.

    A distinctive word is a word of five or more letters of one state's name only, and not an ordinary
    word (``guanajuato``, ``potosi``; not ``california``, ``estado`` or ``nuevo``): "guanajuto" or
    "zacatecs" still find their state. Ordinary words close to a state's (the vocabulary's
    ``not_states``: «pueblo», «clima», «señora») find none, nor a word a state's starts with that is two
    letters short or more («duran»).
    """

    FUZZY_CUTOFF = 0.8
    MIN_LETTERS = 5

    def __init__(self, kb: KnowledgeBase) -> None:
        self._ordinary = frozenset(fold(word) for word in kb.vocabulary.not_states)
        self._other_places = kb.vocabulary.other_places
        self._exact = PhraseMatcher({name: state.id for name, state in kb.state_names().items()})
        owners: dict[str, set[str]] = {}
        for state in kb.states:
            for word in _WORD.findall(fold(state.name)):
                if len(word) >= self.MIN_LETTERS and word not in self._ordinary | STOP_WORDS:
                    owners.setdefault(word, set()).add(state.id)
        self._words = {word: ids.pop() for word, ids in owners.items() if len(ids) == 1}
        self._sounds = {_sound(word): state_id for word, state_id in self._words.items()}
        # «vaja california»: a name of several words that sounds like a state's whole name, longest first
        spoken = {
            tuple(_sound(word) for word in _WORD.findall(fold(name))): state.id
            for name, state in kb.state_names().items()
        }
        several = [(key, state_id) for key, state_id in spoken.items() if len(key) > 1]
        self._spoken = sorted(several, key=lambda pair: -len(pair[0]))
        self.names = {state.id: state.name for state in kb.states}

    def _heard(self, text: str) -> list[str]:
        """Ids of the states whose whole name of several words ``text`` says as it sounds («vaja
        california»), each span once, the longest names first."""
        sounds = [_sound(word) for word in _WORD.findall(fold(text))]
        found, taken = [], set[int]()
        for key, state_id in self._spoken:
            for start in range(len(sounds) - len(key) + 1):
                span = set(range(start, start + len(key)))
                if tuple(sounds[start : start + len(key)]) == key and not taken & span:
                    found.append(state_id)
                    taken |= span
        return found

    def find(self, text: str) -> list[str]:
        """Ids of the states ``text`` names, exact matches first (else names as they sound), without
        repeats; a town named after a state and in another names none («San Luis Río Colorado»)."""
        text = without(self._other_places, text) if mentions(self._other_places, text) else text
        found = self._exact.find(text) or self._heard(text)
        for word in _WORD.findall(fold(text)):
            if len(word) < self.MIN_LETTERS or word in self._ordinary:
                continue
            close = difflib.get_close_matches(word, self._words, n=1, cutoff=self.FUZZY_CUTOFF)
            if close and cut_short(word, close[0]):  # «¿cuánto duran…?» names no Durango
                continue
            if close:
                found.append(self._words[close[0]])
            elif (heard := self._sounds.get(_sound(word))) is not None:
                found.append(heard)
        return list(dict.fromkeys(found))
