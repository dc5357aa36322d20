"""Spelling a few known words right: used inside Rasa for the states' names (channels/nlu/state_spelling.py).

A word of ``min_letters`` or more that is not a known word and is close to a target word (``difflib``
ratio ≥ ``cutoff``, after lower-casing and dropping accents) is replaced by that target. A word that
differs from a target only in its final vowel or a plural ending is an inflection, not a typo («pueblo»
is not «puebla»), and one the target starts with, short of two letters or more, is another word («duran»
is not «durango»): both stay as written; so does a verb of «vosotros» written with its accent («recomendáis»
is not «recomendaciones»)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from common.folding import fold

WORD = re.compile(r"[^\W\d_]+")
VOWELS = "aeiou"
# «recomendáis», «opináis», «tenéis»: a verb of «vosotros», written with its accent, is no typo of a noun
_VOSOTROS = re.compile(r"(?:áis|éis)$", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return WORD.findall(fold(text))


def _inflection(word: str, target: str) -> bool:
    same_stem = word[:-1] == target[:-1] and word[-1] in VOWELS and target[-1] in VOWELS
    return same_stem or word in (target + "s", target + "es")


def cut_short(word: str, target: str) -> bool:
    """A word the target starts with, two or more letters short, is another word («duran» is no
    «durango»): a typo changes or drops a letter inside, it seldom cuts the end."""
    return target.startswith(word) and len(target) - len(word) >= 2


class Speller:
    """Corrects misspellings of ``targets``; never touches a word of ``known``."""

    def __init__(self, targets: Iterable[str], known: Iterable[str], cutoff: float, min_letters: int) -> None:
        self.targets = sorted(set(targets))
        self.known = set(known) | set(self.targets)
        self._cutoff = cutoff
        self._min_letters = min_letters

    def correct(self, text: str) -> str:
        """``text`` with each misspelt target word replaced by the target («guanajuto» → «guanajuato»)."""

        def replace(match: re.Match[str]) -> str:
            word = fold(match.group())
            if len(word) < self._min_letters or word in self.known or _VOSOTROS.search(match.group()):
                return match.group()
            close = difflib.get_close_matches(word, self.targets, n=1, cutoff=self._cutoff)
            kept = not close or _inflection(word, close[0]) or cut_short(word, close[0])
            return match.group() if kept else close[0]

        return WORD.sub(replace, text)
