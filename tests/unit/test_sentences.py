"""Sentences of a passage, as an answer quotes them: Spanish abbreviations, numbered items, ids, headings."""

from __future__ import annotations

import pytest

from index.passages import build_passages
from index.sentences import is_heading, split_sentences, units


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = (
        "La Lic. Ana Pérez y el Dr. J. López visitaron Q. Roo el martes. Después fueron a EE. UU. con ellos."
    )
    assert split_sentences(text) == [
        "La Lic. Ana Pérez y el Dr. J. López visitaron Q. Roo el martes.",
        "Después fueron a EE. UU. con ellos.",
    ]


def test_ids_links_and_footnote_markers_stay_inside_their_sentence():
    text = (
        "El comunicado INAI/265/19 pone a disposición la “Guía de Secretariados” (nota 1) en "
        "http://eventos.inai.org.mx/1racumbrenacional_ga/ y otros sitios. Así se busca apoyar."
    )
    assert len(split_sentences(text)) == 2
    assert split_sentences(text)[0].endswith("y otros sitios.")


def test_numbered_items_start_a_sentence():
    text = "Notas 1. Disponible en: https://a.mx/uno.pdf 2. Disponible en: https://a.mx/dos.pdf"
    assert split_sentences(text) == [
        "Notas 1. Disponible en: https://a.mx/uno.pdf",
        "2. Disponible en: https://a.mx/dos.pdf",
    ]


def test_a_heading_in_capitals_is_cut_from_the_sentence_after_it():
    text = (
        "INAI/002/18 GOBIERNO ABIERTO, INSTRUMENTO PARA ENCONTRAR SOLUCIONES: INAI 26 estados impulsan algo."
    )
    first, second = split_sentences(text)
    assert is_heading(first) and second == "26 estados impulsan algo."


def test_a_lone_label_stays_with_the_sentence_it_introduces():
    assert split_sentences("Tercera. Innovar estrategias y modelos de apertura gubernamental.") == [
        "Tercera. Innovar estrategias y modelos de apertura gubernamental."
    ]


def test_quotes_and_questions_end_where_they_close():
    text = "¿Quieres saber más? Puedes revisar el «portal». Ahí está todo."
    assert split_sentences(text) == ["¿Quieres saber más?", "Puedes revisar el «portal».", "Ahí está todo."]


@pytest.fixture(scope="module")
def passages(kb):
    return build_passages(kb)


def test_every_source_passage_is_its_sentences_and_facts_stay_whole(passages):
    for passage in passages:
        parts = units(passage)
        assert " ".join(parts) == passage.text
        if "#" not in passage.id:
            assert parts == [passage.text]


def test_the_voluntary_sentence_is_one_sentence(passages):
    sentences = [s for p in passages if "#" in p.id for s in units(p)]
    voluntary = [s for s in sentences if "iniciativa voluntaria" in s]
    assert len(voluntary) == 1 and voluntary[0].startswith("A pesar de ser una iniciativa voluntaria")
    assert voluntary[0].endswith("en agendas muy diversas.")
