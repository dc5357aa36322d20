"""The domain's vocabulary (``knowledge/vocabulary.yaml``) and the one matcher that reads messages with it.

Every domain word in a message is found through :func:`mentions`: folded text (lower case, no accents),
whole words, a space in an entry matching any white space. The metric words of ``facts/figures.yaml``
go through it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from pydantic import Field

from .schema import Strict
from .text import fold

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted({fold(w).strip() for w in words}, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def mentions(words: Iterable[str], text: str) -> bool:
    """Whether ``text`` holds any of ``words`` as a whole word, ignoring case and accents."""
    return bool(_pattern(tuple(words)).search(fold(text)))


def first_mentioned(groups: Mapping[str, Iterable[str]], text: str) -> str | None:
    """The first key of ``groups`` (in its order) whose words ``text`` mentions, or None."""
    return next((key for key, words in groups.items() if mentions(words, text)), None)


class PlanCount(Strict):
    numbers: dict[str, int]
    nouns: list[str] = Field(min_length=1)


class Vocabulary(Strict):
    """Word groups of the domain, and the questions code asks of a message with them."""

    aspects: dict[str, list[str]]
    ordinals: dict[int, list[str]]
    guides: dict[str, list[str]]
    history: list[str] = Field(min_length=1)
    absence: list[str] = Field(min_length=1)
    plan_count: PlanCount

    def aspect(self, text: str) -> str | None:
        """What part of a state's status ``text`` asks about: ``pal``, ``stl``, ``ingreso`` or None."""
        return first_mentioned(self.aspects, text)

    def ordinal(self, text: str) -> int | None:
        """The ordinal ``text`` names («la 3a», «tercera», «3»), or None."""
        found = first_mentioned({str(n): words for n, words in self.ordinals.items()}, text)
        return int(found) if found else None

    def guide(self, text: str) -> str | None:
        """The id of the guide ``text`` names, or None."""
        return first_mentioned(self.guides, text)

    def asks_history(self, text: str) -> bool:
        """Whether ``text`` asks about the past or how something changed («¿y antes?», «¿ha crecido?»)."""
        return mentions(self.history, text)

    def asks_past(self, text: str) -> bool:
        """Whether ``text`` asks about history or names a year, so older figures are as welcome as new."""
        return self.asks_history(text) or bool(_YEAR.search(text))

    def asks_absence(self, text: str) -> bool:
        """Whether ``text`` asks for what a list does not name («¿qué estados no tienen STL?»)."""
        return mentions(self.absence, text)

    def plan_count_of(self, text: str) -> int | None:
        """The number of plans ``text`` asks about («¿quiénes tienen 2 planes?»), or None."""
        numbers = {fold(word): value for word, value in self.plan_count.numbers.items()}
        nouns = _pattern(tuple(self.plan_count.nouns)).pattern.removeprefix(r"(?<!\w)")
        words = "|".join(map(re.escape, sorted(numbers, key=len, reverse=True)))
        found = re.search(rf"(?<!\w)(\d+|{words})\s+{nouns}", fold(text))
        if not found:
            return None
        return int(found.group(1)) if found.group(1).isdigit() else numbers[found.group(1)]
