"""Number words written as digits, for the plain words NLU reads (channels/nlu/plain_text.py).

Dictated messages and voice notes spell numbers out («cuántos eran en el dos mil dieciocho», «más de ciento
veinte organizaciones»); the readers of the question look for digits (years, counts). text2num's
``alpha2digit`` writes them as digits; a number word standing alone up to ``KEPT_UP_TO`` stays a word, and
so do ordinals, which the vocabulary reads as words («la tercera», «dos planes», «una de las cuatro»).
Runs inside Rasa (.venv-rasa); it imports no Rasa, so it is tested in .venv too.
"""

from __future__ import annotations

from text_to_num import alpha2digit

from common.numbers import joined_number_words

KEPT_UP_TO = 20  # «la tercera», «dos planes o más», «cuatro recomendaciones»: words the vocabulary reads


def with_digits(text: str) -> str:
    """``text`` with its spelt-out numbers as digits («dos mil veinte» → «2020», «dos mil dieci siete» →
    «2017»); small numbers standing alone and ordinals stay words."""
    return alpha2digit(joined_number_words(text), "es", threshold=KEPT_UP_TO)
