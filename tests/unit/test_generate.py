"""ops/generate.py: the Rasa responses that state facts are written from knowledge/, never by hand."""

from __future__ import annotations

import re

import yaml

from ops.generate import DOMAIN_OUT, domain_data, nlu_data

from ..conftest import REPO


def _texts(responses: dict) -> list[str]:
    return [variant.get("text", "") for variants in responses.values() for variant in variants]


def test_the_greeting_counts_the_recommendations_the_knowledge_holds(kb):
    greeting = domain_data(kb)["responses"]["utter_saludar"][0]["text"]
    count = len(kb.recommendations.items)
    assert f"las {count} recomendaciones del {kb.recommendations.issuer_short}" in greeting


def test_help_gives_the_years_the_documents_cover(kb):
    first = min(s.joined.year for s in kb.states if s.joined)
    last = max(s.date.year for s in kb.sources.values() if s.date)
    assert f"{first}–{last}" in domain_data(kb)["responses"]["utter_ayuda"][0]["text"]


def test_state_buttons_name_states_of_the_knowledge_and_ask_for_them(kb):
    buttons = domain_data(kb)["responses"]["utter_ask_estado"][0]["buttons"]
    assert buttons
    for button in buttons:
        assert kb.state(button["title"]) is not None
        assert button["payload"] == f'/estado_situacion{{"estado": "{button["title"]}"}}'


def test_every_state_spelling_maps_to_its_name(kb):
    synonyms = {s["synonym"]: s["examples"] for s in nlu_data(kb)["nlu"] if "synonym" in s}
    assert set(synonyms) == {state.name for state in kb.states}
    assert "- cdmx\n" in synonyms["Ciudad de México"]


def test_hand_written_responses_state_no_number():
    """A number in a response is a fact: it belongs in knowledge/ and the generated file."""
    for path in sorted((REPO / "domain").glob("*.yml")):
        if path == DOMAIN_OUT:
            continue
        responses = yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}
        for text in _texts(responses):
            assert not re.search(r"\d", text), f"{path.name}: {text!r}"
