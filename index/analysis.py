"""Lexical analysis for BM25 and query expansion: folding, stop words, stemming, synonyms."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import snowballstemmer

from knowledge import KnowledgeBase
from knowledge.text import fold, squash

_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
# Frequent Spanish function words (accent-free): they carry no topic.
STOP_WORDS = frozenset("""
a al algo algun alguna algunos ante antes asi aun cada como con contra cual cuales cuando de del
desde donde dos el ella ellas ellos en entre era es esa ese eso esta estan este esto estos fue ha han
hay hace hasta la las le les lo los mas me mi mis mucho muy nada ni no nos o otra otro para pero
poco por porque pues que q quien quienes se segun ser si sin sobre son su sus tal tambien te tiene
tienen todo todos tu un una uno unos y ya yo dime dice dicen sabes quiero saber cual cuales
""".split())


@lru_cache(maxsize=20000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


_STEMMER = snowballstemmer.stemmer("spanish")


def tokens(text: str) -> list[str]:
    """Accent-folded, lower-cased, stemmed content words of ``text``."""
    return [_stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]


class PhraseMatcher:
    """Finds known phrases in text (folded, at word boundaries, longest first) and returns their values."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self._values = {squash(fold(k)): v for k, v in phrases.items() if squash(fold(k))}
        alternatives = sorted(self._values, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<![\w.])(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)"
        ) if alternatives else None

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
        self._matcher = PhraseMatcher({alias: squash(fold(canonical)) for alias, canonical in pairs
                                       if squash(fold(alias)) != squash(fold(canonical))})

    @classmethod
    def from_knowledge(cls, kb: KnowledgeBase) -> "SynonymExpander":
        pairs = [(alias, syn.canonical) for syn in kb.synonyms for alias in syn.aliases]
        pairs += [(name, state.name) for name, state in kb.state_names().items()]
        return cls(pairs)

    def expand(self, text: str) -> str:
        """``text`` followed by the canonical phrases of the aliases it uses."""
        extra = self._matcher.find(text)
        return f"{text} ({'; '.join(extra)})" if extra else text


def state_matcher(kb: KnowledgeBase) -> PhraseMatcher:
    """Finds the states a text names, by any name or alias; values are state ids."""
    return PhraseMatcher({name: state.id for name, state in kb.state_names().items()})
