"""Input hygiene applied by the channels before Rasa sees a message."""

from __future__ import annotations

import pytest

from common.hygiene import EMPTY_INTENT, as_text, clean_text, plain_words

INTENTS = frozenset({"feedback", "estado_situacion", "mensaje_vacio"})


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", None, "\x00\x07"])
def test_blank_messages_become_the_empty_message_intent(raw):
    assert clean_text(raw, 1000, INTENTS) == (EMPTY_INTENT, False)


def test_control_characters_are_removed_and_text_kept():
    assert clean_text("hola\x00 jalisco\x1b", 1000, INTENTS) == ("hola  jalisco", False)


def test_over_long_messages_are_cut_at_a_word():
    text, cut = clean_text("palabra " * 1000, 1000, INTENTS)
    assert cut and len(text) <= 1000 and text.endswith("palabra")


def test_button_payloads_of_the_domain_pass_and_others_are_plain_text():
    assert clean_text('/feedback{"valor": "positivo"}', 1000, INTENTS) == (
        '/feedback{"valor": "positivo"}',
        False,
    )
    assert clean_text("/estado_situacion", 1000, INTENTS) == ("/estado_situacion", False)
    assert clean_text("/start", 1000, INTENTS) == ("start", False)
    assert clean_text("/restart", 1000, INTENTS) == ("restart", False)
    assert clean_text("/ hola", 1000, INTENTS) == ("hola", False)


def test_text_is_normalised_to_composed_unicode():
    decomposed = "Michoaca\u0301n"
    assert clean_text(decomposed, 1000, INTENTS) == ("Michoacán", False)


@pytest.mark.parametrize(
    "value, text",
    [
        (None, ""),
        ("hola", "hola"),
        (12345, "12345"),
        (True, "true"),
        (["hola"], '["hola"]'),
        ({"a": "é"}, '{"a": "é"}'),
    ],
)
def test_whatever_a_client_sends_becomes_text(value, text):
    assert as_text(value) == text


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("holaaaa", "hola"),
        ("graciaaas!!", "gracias!!"),
        ("<img src=x onerror=alert(1)><script>x=2</script><b>que es un stl</b>", "que es un stl"),
        ("cuantos stl hay en 2020", "cuantos stl hay en 2020"),  # digits and double letters stay
        ("llevo 3 correos y nadie me contesta", "llevo 3 correos y nadie me contesta"),
        ("1 < 2 y 3 > 2", "1 < 2 y 3 > 2"),  # not a tag
        ("<b></b>", "<b></b>"),  # nothing but markup: kept as typed
    ],
)
def test_nlu_reads_the_plain_words(typed, read):
    assert plain_words(typed) == read


@pytest.mark.parametrize(
    ("typed", "seen"),
    [
        ('/feedback{"valor": {"x":1}}', "/feedback"),
        ('/feedback{"valor": ["positivo"]}', "/feedback"),
        ('/feedback{"valor": null}', "/feedback"),
        ('/feedback{"valor": true}', "/feedback"),
        ('/feedback{"valor": NaN}', "/feedback"),
        ('/feedback{"valor": {"a": {"b": [1, {"c": 2}]}}}', "/feedback"),
        ('/feedback{"valor": "positivo", "x": {"y": 1}}', '/feedback{"valor": "positivo"}'),
        (
            '/estado_situacion{"estado": "Jalisco", "anio": 2020}',
            '/estado_situacion{"estado": "Jalisco", "anio": 2020}',
        ),
        ("/feedback{no es json}", "/feedback"),
        ('/feedback{"a":' + "[" * 100_000 + "]" * 100_000 + "}", "/feedback"),
        ("/feedback{}", "/feedback"),
    ],
)
def test_payload_entities_are_only_text_or_numbers(typed, seen):
    assert clean_text(typed, 1_000_000, INTENTS) == (seen, False)
