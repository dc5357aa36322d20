"""The speller NLU uses for misspelt state names (common/spelling.py; channels/nlu/state_spelling.py)."""

from __future__ import annotations

import pytest

from common.spelling import Speller

STATES = ["guanajuato", "oaxaca", "puebla", "veracruz", "tamaulipas", "sonora", "colima", "durango"]
KNOWN = ["que", "tiene", "stl", "cuantos", "planes", "pueblo", "colina"]


@pytest.fixture
def speller() -> Speller:
    return Speller(STATES, KNOWN, cutoff=0.8, min_letters=5)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("guanajuto tiene stl", "guanajuato tiene stl"),
        ("oaxaka cuando entro", "oaxaca cuando entro"),
        ("cuantos planes tiene veracrus", "cuantos planes tiene veracruz"),
        ("Tamaulipaz participa?", "tamaulipas participa?"),
    ],
)
def test_a_misspelt_state_is_read_as_the_state(speller: Speller, typed: str, read: str) -> None:
    assert speller.correct(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "el pueblo quiere saber",  # a known word, close to «puebla»
        "la colina",  # known
        "las ideas sonoras",  # an inflection of «sonora», not a typo
        "pueblos y comunidades",  # plural of a word close to «puebla»
        "Guanajuato y Oaxaca",  # already right
        "oaxa",  # too short to correct
        "cuanto duran los planes",  # a verb «durango» starts with, two letters short: another word
    ],
)
def test_ordinary_words_and_right_names_stay(speller: Speller, text: str) -> None:
    assert speller.correct(text) == text
