"""Where answers lead: the follow-ups offered under them, the links they open, the route to a person."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from answers.human import human_route_answer
from answers.next_steps import MAX_STEPS, OPEN_GUIDE, links, next_steps, starters
from answers.topic import KINDS, Topic
from knowledge import KnowledgeError, load_knowledge
from knowledge.loader import knowledge_root
from knowledge.vocabulary import START_STEPS


def test_every_kind_of_topic_with_steps_is_one_the_answers_keep(kb):
    assert set(kb.vocabulary.next_steps) <= {*KINDS, START_STEPS}


@pytest.mark.parametrize(
    "topic",
    [
        None,
        "estado:Jalisco",
        "estados:Oaxaca|Sonora",
        "recomendacion:1",
        "recomendaciones:todas",
        "guia:guia-stl",
        "guias:todas",
        "definicion:stl",
        "cifra:stl@2018",
        "lista:pal",
        "contacto:inai",
        "documento:inai-083-18#4",
        "ingreso:2016",
        "consulta:que estados tienen stl",
        "nota:x@1",
    ],
)
def test_every_answer_offers_two_or_three_filled_questions(kb, topic):
    steps = next_steps(kb, Topic.parse(topic))
    assert 2 <= len(steps) <= MAX_STEPS
    for step in steps:
        assert "{" not in step.title + step.question and step.question.endswith("?")


def test_after_a_state_its_own_plans_are_offered(kb):
    steps = next_steps(kb, Topic("estado", "Nuevo León"))
    assert ("Planes de Nuevo León", "¿Cuántos planes de acción tiene Nuevo León?") in [
        (s.title, s.question) for s in steps
    ]


def test_after_a_recommendation_the_next_one_and_not_after_the_last(kb):
    assert "¿Cuál es la tercera recomendación?" in [
        s.question for s in next_steps(kb, Topic("recomendacion", "2"))
    ]
    last = str(len(kb.recommendations.items))
    assert not [s for s in next_steps(kb, Topic("recomendacion", last)) if "La " in s.title]


def test_the_question_just_asked_is_not_offered_again(kb):
    asked = "que estados tienen STL"
    assert "¿Qué estados tienen STL?" not in [
        s.question for s in next_steps(kb, Topic("lista", "stl"), asked)
    ]
    assert "¿Qué estados tienen STL?" in [s.question for s in next_steps(kb, Topic("lista", "stl"))]


def test_the_starters_are_the_steps_of_an_answer_with_no_topic(kb):
    assert starters(kb) == next_steps(kb, None) and starters(kb)


def test_a_guide_answer_links_to_its_document_and_nothing_else_does(kb):
    guide = kb.guides[0]
    assert [(link.title, link.url) for link in links(kb, Topic("guia", guide.id))] == [
        (OPEN_GUIDE, str(guide.url))
    ]
    assert links(kb, Topic("estado", "Jalisco")) == [] and links(kb, None) == []


def test_a_step_with_a_placeholder_the_answers_cannot_fill_names_the_file_entry_and_field(tmp_path: Path):
    root = tmp_path / "knowledge"
    shutil.copytree(knowledge_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = root / "vocabulary.yaml"
    vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
    vocabulary["next_steps"]["estado"][0]["question"] = "¿Y {municipio}?"
    path.write_text(yaml.safe_dump(vocabulary, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(root)
    assert "vocabulary.yaml" in str(raised.value) and "next_steps.estado[0]" in str(raised.value)
    assert "{municipio}" in str(raised.value)


def test_the_human_route_says_where_a_person_can_act_with_the_dated_note_once(kb):
    reply = human_route_answer(kb)
    people = [c for c in kb.contacts if c.reaches_people]
    assert people and all(str(c.url) in reply for c in people)
    note = kb.notes_for("INAI")[0].text.strip()
    assert reply.count(note) == 1 and "Secretaría Anticorrupción y Buen Gobierno" in reply
    assert reply.count("Fuente") == 1 and "👎" in reply
    assert "no puedo pasarte con una persona" in reply
