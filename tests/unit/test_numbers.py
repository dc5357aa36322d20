"""Number words written as digits before NLU and the actions read a message (dictated messages)."""

from __future__ import annotations

import pytest

from channels.nlu.numbers import with_digits


@pytest.mark.parametrize(
    "said, read",
    [
        ("cuántos eran en el dos mil dieciocho", "cuántos eran en el 2018"),
        ("en dos mil dieciocho eran dieciséis secretariados", "en 2018 eran 16 secretariados"),
        ("hay veintiuno", "hay 21"),
        ("más de ciento veinte organizaciones", "más de 120 organizaciones"),
        ("creo que eran cuatro o cinco", "creo que eran 4 o 5"),
    ],
)
def test_spelt_out_years_and_counts_become_digits(said: str, read: str) -> None:
    assert with_digits(said) == read


@pytest.mark.parametrize(
    "text",
    [
        "dime la tercera",  # an ordinal: the vocabulary reads the word
        "la primera y la cuarta",
        "dos planes o más",  # a small count standing alone
        "las cuatro recomendaciones",
        "un estado",
        "INAI/265/19 del 14 de agosto de 2020",
    ],
)
def test_ordinals_small_numbers_and_digits_stay(text: str) -> None:
    assert with_digits(text) == text
