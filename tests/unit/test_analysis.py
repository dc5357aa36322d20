"""Lexical analysis: folding, stemming, abbreviations people type, misspelt state names."""

from __future__ import annotations

import pytest

from index.analysis import StateFinder, SynonymExpander, tokens
from knowledge.text import fold


def test_fold_removes_accents_and_case():
    assert fold("Michoacán, QUERÉTARO y Yucatán") == "michoacan, queretaro y yucatan"


def test_tokens_are_stemmed_content_words():
    assert tokens("¿Cuáles son los Secretariados?") == tokens("cuales secretariado")
    assert "que" not in tokens("q es lo que dice")


@pytest.fixture(scope="module")
def expander(kb):
    return SynonymExpander.from_knowledge(kb)


@pytest.mark.parametrize(
    "typed, added",
    [
        ("cuantos stl hay", "secretariado tecnico local"),
        ("q dice la 3a recomendacion", "tercera"),
        ("edomex", "estado de mexico"),
        ("CDMX tiene pal", "plan de accion local"),
        ("q. roo", "quintana roo"),
        ("que es el snt", "sistema nacional de transparencia"),
    ],
)
def test_abbreviations_are_expanded(expander, typed, added):
    assert added in fold(expander.expand(typed))


def test_spelled_out_words_are_not_repeated(expander):
    text = "Secretariado Técnico Local (STL)"
    assert expander.expand(text) == text


def test_text_without_aliases_is_unchanged(expander):
    assert expander.expand("gobierno local") == "gobierno local"


@pytest.fixture(scope="module")
def finder(kb):
    return StateFinder(kb)


@pytest.mark.parametrize(
    "typed, state",
    [
        ("guanajuto tiene stl", "guanajuato"),
        ("zacatecs", "zacatecas"),
        ("veracrus", "veracruz"),
        ("michuacan", "michoacan"),
        ("san luis potosi", "san-luis-potosi"),
        ("edomex", "estado-de-mexico"),
        ("baja california sur", "baja-california-sur"),
        ("baja california", "baja-california"),
        ("cdmx y jalisco", "ciudad-de-mexico"),
        ("chiguagua cuantos planes tiene", "chihuahua"),  # sounds alike: gu/hu
        ("oajaca", "oaxaca"),  # x as j
        ("sacatecas", "zacatecas"),
        ("vaja california en que ano entro", "baja-california"),  # a whole name as it sounds
        ("vaja california sur", "baja-california-sur"),
    ],
)
def test_states_are_found_despite_typos(finder, typed, state):
    assert state in finder.find(typed)


@pytest.mark.parametrize(
    "text",
    [
        "como va mi estado",
        "estados con stl",
        "la ciudad",
        "sociedad civil",
        "planes de accion local",
        "recomendaciones",
        "participacion",
        "organismos garantes",
        "en mexico",
        "son 21 sin ver nada",
        "cuanto duran los planes",  # «durango» starts with it, two letters more: another word
        "cuantos estados de mexico participan",  # the country, not the Estado de México
    ],
)
def test_ordinary_words_name_no_state(finder, text):
    assert finder.find(text) == []
