"""Messages the assistant understood before its words moved to knowledge/vocabulary.yaml, still understood."""

from __future__ import annotations

import pytest

from answers.guides import guide_of
from answers.recommendations import ordinal_of
from answers.states import list_reply


@pytest.mark.parametrize(
    "text",
    [
        "¿y antes cuántos había?",
        "cifras anteriores",
        "anteriormente eran menos",
        "la historia de los STL",
        "datos históricos",
        "evolución de los PAL",
        "¿cuántos había al inicio?",
        "desde el principio",
        "¿ha cambiado el número?",
        "¿cambió?",
        "¿cómo cambia?",
        "ha cambiao mucho",
        "cifras cambiadas",
        "¿ha crecido?",
        "¿creció la iniciativa?",
        "¿ha aumentado?",
        "¿pasó de cuántos a cuántos?",
        "las primeras cifras",
        "los primeros datos",
        "la primera cifras",
    ],
)
def test_questions_about_the_past_ask_for_history(kb, text):
    assert kb.vocabulary.asks_history(text)
    assert kb.vocabulary.asks_past(text)


@pytest.mark.parametrize("text", ["cuantos stl hay en 2018", "y en 1999?"])
def test_a_year_welcomes_older_passages_but_is_no_history(kb, text):
    assert kb.vocabulary.asks_past(text) and not kb.vocabulary.asks_history(text)


@pytest.mark.parametrize("text", ["cuantos stl hay", "que es un pal", "cuantas recomendaciones son"])
def test_questions_about_now_ask_for_no_history(kb, text):
    assert not kb.vocabulary.asks_past(text)


def test_lists_by_plan_count_or_absence(kb):
    assert "tienen 2 Planes" in list_reply(kb, "pal", "¿quiénes tienen 2 PALs?")
    assert "tienen 2 Planes" in list_reply(kb, "pal", "estados con dos planes")
    assert "no figuran" in list_reply(kb, "stl", "¿qué estados no cuentan con STL?")
    assert list_reply(kb, "stl", "¿qué estados tienen 2 planes?") == list_reply(kb, "stl", "")
    assert list_reply(kb, "pal", "¿qué estados tienen PAL?") == list_reply(kb, "pal", "")
    assert list_reply(kb, "pal", "¿cuáles son los 21 PAL?") == list_reply(kb, "pal", "")  # the total


@pytest.mark.parametrize(
    "value, text, guide",
    [
        ("guia-stl", "", "guia-stl"),
        (None, "la guía para instalar un secretariado", "guia-stl"),
        (["co-creación"], "", "guia-cocreacion-compromisos-ii"),
        (None, "guía de TP", "guia-transparencia-proactiva"),
        (None, "qué guías hay", None),
    ],
)
def test_a_guide_is_found_by_its_id_or_its_words(kb, value, text, guide):
    found = guide_of(kb, value, text)
    assert (found.id if found else None) == guide


def test_an_ordinal_entity_wins_over_the_message(kb):
    assert ordinal_of(kb, "3ra", "la primera") == 3
    assert ordinal_of(kb, ["2°"], "") == 2
    assert ordinal_of(kb, None, "la 3ª") == 3
