"""Lists read as lists, one source line, the note on INAI short and said once (answers/wording.py)."""

from __future__ import annotations

import re

import pytest

from answers.contacts import contacts_answer, inai_today_answer
from answers.figures import missing_answer, overview_answer, several_figures_answer
from answers.questions import combined_answer
from answers.states import list_answer, participants_answer, years_answer
from answers.wording import inai_note, listed, says_inai_note, source_line, with_inai_note

CITED = re.compile(r"INAI/\d{3}/\d\d|Módulo 2 Sesión 3|recomendaciones del SNT en materia")


def test_more_than_three_items_go_one_a_line_three_or_fewer_inline():
    assert listed("Se sumaron", ["A", "B", "C"]) == "Se sumaron: A, B y C."
    assert listed("Había", ["A", "B"], inline=" ") == "Había A y B."
    assert listed("Se sumaron", ["A", "B", "C", "D"]) == "Se sumaron:\n• A\n• B\n• C\n• D"


def test_one_source_line_names_each_source_once(kb):
    one = kb.citation("inai-265-19")
    assert source_line(kb, "inai-265-19", "inai-265-19") == f"Fuente: {one}."
    two = source_line(kb, "inai-265-19", "inai-002-18")
    assert two == f"Fuentes: {one} y {kb.citation('inai-002-18')}."
    three = source_line(kb, "inai-265-19", "inai-002-18", "inai-083-18")
    assert three.count("; ") == 1 and three.count(" y ") == 1 and source_line(kb) == ""


@pytest.mark.parametrize(
    "answer",
    [
        lambda kb: list_answer(kb, "stl"),
        lambda kb: list_answer(kb, "pal", 2018),
        years_answer,
        participants_answer,
        missing_answer,
        overview_answer,
        lambda kb: overview_answer(kb, 2018),
        lambda kb: several_figures_answer(
            kb, "como cambiaron los estados, los stl y los pal entre 2018 y 2020"
        ),
        lambda kb: combined_answer(kb, "que estados estan en la lista de 2020 pero no en la de 2018"),
        contacts_answer,
    ],
)
def test_a_list_answer_has_no_inline_list_of_more_than_three_and_names_each_source_once(kb, answer):
    reply = answer(kb)
    for line in reply.splitlines():
        if line.startswith(("Fuente", "Nota", "• ")) or ": " not in line:
            continue
        items = line.rsplit(": ", 1)[1].split(", ")  # «…: A, B, C y D.» would be four items inline
        assert len(items) + (" y " in items[-1]) <= 3, line
    named = CITED.findall(reply)
    assert named and len(named) == len(set(named)), reply
    assert re.search(r"^Fuentes?: .+\.$", reply, re.MULTILINE)
    assert not re.search(r",\s*[.,;:)]|según\s*[.,;:)]|,\s*$", reply, re.MULTILINE)  # no stray comma


def test_the_inai_note_is_short_said_once_and_whole_when_asked_what_became_of_inai(kb):
    (note,) = kb.notes_for("INAI")
    assert note.short and inai_note(kb) == note.short.strip() and len(note.short) < len(note.text)
    reply = contacts_answer(kb)
    assert reply.endswith(inai_note(kb)) and reply.count("se extinguió") == 1
    today = inai_today_answer(kb)
    assert all(n.text.strip().removeprefix("Nota: ")[1:] in today for n in kb.notes)
    assert inai_note(kb) not in today and says_inai_note(kb, today)
    # a reply that already says it (a quoted passage of the note, the notes in full) does not get it again
    assert with_inai_note(kb, today) == today
