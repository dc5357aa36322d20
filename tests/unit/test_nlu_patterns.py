"""The entity patterns Rasa's RegexEntityExtractor uses (data/nlu/entidades.yml and the generated states'
lookup table), matched the way it matches them: whole names, never fragments; «México» alone is the
country."""

from __future__ import annotations

import re

import pytest
import yaml

from knowledge import KnowledgeBase
from ops.generate import nlu_data

from ..conftest import REPO


@pytest.fixture(scope="module")
def patterns(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Entity name -> regexes, with the lookup table turned into one alternation as Rasa does."""
    data = yaml.safe_load((REPO / "data" / "nlu" / "entidades.yml").read_text(encoding="utf-8"))["nlu"]
    found: dict[str, list[str]] = {}
    for item in data:
        found.setdefault(item["regex"], []).extend(
            line[2:] for line in item["examples"].splitlines() if line.startswith("- ")
        )
    for item in nlu_data(kb)["nlu"]:
        if "lookup" in item:
            names = [line[2:] for line in item["examples"].splitlines() if line.startswith("- ")]
            found.setdefault(item["lookup"], []).append(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    return found


def extract(patterns: dict[str, list[str]], text: str) -> set[tuple[str, str]]:
    return {
        (entity, match.group())
        for entity, regexes in patterns.items()
        for regex in regexes
        for match in re.finditer(regex, text, flags=re.IGNORECASE)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cuantos STL hay en mexico", set()),
        ("qué guías tiene el inai", set()),
        ("la Guía de Secretariados Técnicos Locales", {("guia", "Secretariados Técnicos Locales")}),
        ("y la de stl?", {("guia", "stl")}),
        ("guia de cocreacion de compromisos II", {("guia", "cocreacion de compromisos II")}),
        ("q dice la 3a recomendacion", {("ordinal", "3a")}),
        ("la recomendacion numero 2", {("ordinal", "2")}),
        ("estados con 2 planes", set()),
        ("que estados se sumaron en 2016", {("anio", "2016")}),
        ("edomex tiene stl?", {("estado", "edomex")}),
        ("la ciudad de mexico participa?", {("estado", "ciudad de mexico")}),
        ("el Estado de México desde cuando", {("estado", "Estado de México")}),
    ],
)
def test_entities_are_whole_names(patterns: dict[str, list[str]], text: str, expected: set) -> None:
    assert extract(patterns, text) == expected
