"""Questions that combine conditions on the states: computed over the knowledge base, every list cited."""

from __future__ import annotations

import re

import pytest

from answers.figures import each_figure_answer, figure_question_answer, joined_year_asked, since_answer
from answers.questions import (
    NOT_LISTED,
    asks_as_of,
    combined_answer,
    enumerated_parts,
    of_plans,
    question_parts,
)


def _members(kb, kind: str) -> dict[str, int]:
    newest = kb.lists_of_kind(kind)[-1]
    return {state.name: count for state, count in kb.members(newest.id)}


def _named(answer: str) -> set[str]:
    """The names listed after the colon: «…: A, B y C.», or one a line when more than three («…:\n• A»)."""
    if bullets := [line.removeprefix("• ") for line in answer.splitlines() if line.startswith("• ")]:
        return set(bullets)
    listed = answer.split(": ", 1)[1].split(".", 1)[0]
    return {name.strip() for part in listed.split(", ") for name in part.split(" y ")}


def _said(answer: str) -> str:
    """The answer without its closing source line («Fuente: …» / «Fuentes: …»)."""
    return answer.rsplit("\nFuente", 1)[0]


@pytest.mark.parametrize(
    "question",
    [
        "¿qué estados tienen STL pero no PAL?",
        "cuantos tienen secretariado pero ningun plan",
        "estados sin plan pero con secretariado",
    ],
)
def test_stl_but_not_pal(kb, question):
    expected = set(_members(kb, "stl")) - set(_members(kb, "pal"))
    answer = combined_answer(kb, question)
    assert answer is not None and f"{len(expected)} estados" in answer
    assert _named(answer) == expected
    assert kb.citation(kb.lists_of_kind("stl")[-1].source) in answer
    assert _said(answer).endswith(NOT_LISTED)  # not in a list is "not reported", never "no"


def test_more_than_one_plan_and_two_or_more(kb):
    expected = {name for name, plans in _members(kb, "pal").items() if plans > 1}
    for question in ("¿cuáles tienen más de un plan?", "cuales tienen dos planes o mas", "al menos 2 planes"):
        answer = combined_answer(kb, question)
        assert answer is not None and _named(answer) == expected, question


def test_joined_in_a_year_and_published_a_plan_cites_both_sources(kb):
    expected = {s.name for s in kb.states if s.joined and s.joined.year == 2016} & set(_members(kb, "pal"))
    answer = combined_answer(kb, "¿qué estados se sumaron en 2016 y ya publicaron plan?")
    assert answer is not None and _named(answer) == expected
    assert kb.citation(kb.joined_source()) in answer
    assert kb.citation(kb.lists_of_kind("pal")[-1].source) in answer


def test_no_state_meets_an_impossible_condition(kb):
    most = max(_members(kb, "pal").values())
    answer = combined_answer(kb, f"cuales tienen al menos {most + 1} planes")
    assert answer is not None and "ningún estado" in answer.lower()


@pytest.mark.parametrize(
    "question", ["que estados tienen stl", "que estados no tienen stl", "que estados tienen 2 planes", "hola"]
)
def test_plain_list_questions_are_left_to_the_list_answers(kb, question):
    assert combined_answer(kb, question) is None


@pytest.mark.parametrize(
    "question", ["cuantos stl y pal hay", "cuantos pal hay desde 2018", "cuantos stl habia en 2018"]
)
def test_figure_questions_stay_figure_questions(kb, question):
    assert combined_answer(kb, question, asks_for_states=False) is None


@pytest.mark.parametrize(
    "question, parts",
    [
        ("¿Cuántos participan y desde cuándo?", ["¿cuantos participan", "desde cuando?"]),
        ("cuantas osc hay y cuantos organismos garantes", ["cuantas osc hay", "cuantos organismos garantes"]),
        ("¿Jalisco y Oaxaca tienen STL?", ["¿jalisco y oaxaca tienen stl?"]),
        ("estados con stl y pal", ["estados con stl y pal"]),
    ],
)
def test_a_second_question_after_y_is_a_part_of_its_own(kb, question, parts):
    assert question_parts(kb, question) == parts


def test_since_when_is_the_first_year_any_state_joined(kb):
    first = min(s.joined.year for s in kb.states if s.joined)
    answer = since_answer(kb)
    assert answer.startswith(f"Desde {first}. Ese año se sumaron los primeros ")
    assert all(s.name in answer for s in kb.states if s.joined and s.joined.year == first)
    assert kb.citation(kb.joined_source()) in answer


def test_a_year_that_is_not_the_year_joined_picks_that_years_lists(kb):
    reply = combined_answer(kb, "que estados tenian secretariado en 2018 pero todavia no plan")
    assert reply.startswith("6 estados") and reply.endswith(
        "Fuente: el comunicado INAI/002/18, 2 de enero de 2018."
    )
    assert "Nuevo León" in reply and "Colima" not in reply


def _listed(kb, list_id: str) -> set[str]:
    return {state.name for state, _ in kb.members(list_id)}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("que estados instalaron su secretariado despues de enero de 2018", "stl"),
        ("cuales publicaron su primer plan despues de 2018", "pal"),
        ("que estados pusieron su stl entre 2018 y 2020", "stl"),
    ],
)
def test_a_period_asks_for_the_states_of_the_later_list_only(kb, question, kind):
    older, newer = kb.lists_of_kind(kind)[0], kb.lists_of_kind(kind)[-1]
    expected = _listed(kb, newer.id) - _listed(kb, older.id)
    reply = combined_answer(kb, question)
    assert reply is not None and _named(reply) == expected
    assert kb.citation(newer.source) in reply and kb.citation(older.source) in reply


def test_a_count_of_stl_over_a_period_is_the_change_of_the_figure(kb):
    assert combined_answer(kb, "cuantos secretariados tecnicos se instalaron entre 2018 y 2020") is None
    reply = figure_question_answer(kb, "cuantos secretariados tecnicos se instalaron entre 2018 y 2020")
    stl = kb.history("stl")
    assert reply is not None and f"{stl[-1].value - stl[0].value} más" in reply


def test_a_year_of_joining_not_reported_is_a_condition_of_its_own(kb):
    expected = {s.name for s in kb.states if s.joined is None} & set(_members(kb, "stl"))
    reply = combined_answer(kb, "que estados tienen stl pero no se sabe en que año se unieron")
    assert reply is not None and _named(reply) == expected


def test_de_esos_filters_the_states_of_the_last_question_further(kb):
    first = "que estados tenian secretariado en 2018 pero todavia no plan"
    reply = combined_answer(kb, "y de esos cuales ya tenian plan en agosto de 2020", previous=[first])
    stl_2018, pal_2018 = kb.lists_of_kind("stl")[0].id, kb.lists_of_kind("pal")[0].id
    expected = (_listed(kb, stl_2018) - _listed(kb, pal_2018)) & set(_members(kb, "pal"))
    assert reply is not None and _named(reply) == expected


def test_a_year_after_a_list_word_dates_the_list_not_the_joining(kb):
    """«¿cuáles que ya se sumaron no tienen STL en 2020?»: the states with a year of joining that the
    August 2020 list of STL does not name; 2020 is the list's year, not a year anyone joined."""
    stl_2020 = kb.list_as_of("stl", 2020)
    listed = {state.name for state, _ in kb.members(stl_2020.id)}
    expected = {s.name for s in kb.states if s.joined and s.name not in listed}
    answer = combined_answer(
        kb, "de los estados que ya se sumaron, cuales no tienen secretariado tecnico en 2020"
    )
    assert answer is not None and _named(answer) == expected
    assert _said(answer).endswith(NOT_LISTED)
    joined_2016 = combined_answer(kb, "cuales se sumaron en 2016 y no tienen pal")
    assert joined_2016 is not None and "se sumaron a la iniciativa en 2016" in joined_2016


def test_two_list_dates_and_a_word_of_change_ask_who_was_added(kb):
    stl_2018, stl_2020 = kb.list_as_of("stl", 2018), kb.list_as_of("stl", 2020)
    before = {state.name for state, _ in kb.members(stl_2018.id)}
    expected = {state.name for state, _ in kb.members(stl_2020.id)} - before
    answer = combined_answer(
        kb, "comparando la lista de stl de enero de 2018 con la de agosto de 2020, cuales se agregaron"
    )
    assert answer is not None and _named(answer) == expected


def test_neither_nor_denies_both(kb):
    """«ni con secretariado ni con plan»: in neither list, among the states that joined in 2015."""
    stl = set(_members(kb, "stl"))
    pal = set(_members(kb, "pal"))
    expected = {s.name for s in kb.states if s.joined and s.joined.year == 2015} - stl - pal
    answer = combined_answer(
        kb, "de los que entraron en 2015 cuales no salen ni con secretariado ni con plan"
    )
    assert answer is not None and _named(answer) == expected


def test_two_dated_lists_of_no_kind_named_are_each_compared(kb):
    reply = combined_answer(kb, "¿qué estados están en la lista de 2020 pero no en la de 2018?")
    assert reply is not None
    *lists, sources = re.split(r"\n(?!• )", reply)  # each list with its items, then the sources once
    assert len(lists) == 2 and sources.startswith("Fuentes: ")
    stl, pal = lists
    for kind, line in (("stl", stl), ("pal", pal)):
        old, new = kb.lists_of_kind(kind)[0], kb.lists_of_kind(kind)[-1]
        added = {s.name for s, _ in kb.members(new.id)} - {s.name for s, _ in kb.members(old.id)}
        assert _named(line) == added
    assert combined_answer(kb, "¿cuáles se sumaron en 2016 y no están en la lista?") is None


def test_states_that_left_a_list_are_computed_not_the_ones_missing_from_it(kb):
    reply = combined_answer(kb, "que estados de la lista de stl de 2018 ya no aparecen en la de 2020")
    old, new = kb.lists_of_kind("stl")[0], kb.lists_of_kind("stl")[-1]
    left = {s.name for s, _ in kb.members(old.id)} - {s.name for s, _ in kb.members(new.id)}
    assert (
        reply is not None
        and "figuran en la lista de STL del 2 de enero de 2018 (16 estados) y no en la del" in reply
    )
    assert ("ningún estado" in reply.lower()) == (not left)


def test_a_bare_number_after_an_answer_about_plans_counts_plans(kb):
    assert of_plans(kb, "y de esos cuantos tienen 2?", "pal") == "y de esos cuantos tienen 2 planes?"
    assert (
        of_plans(kb, "y los q solo tienen 1", "cuales tienen mas de un plan")
        == "y los q solo tienen 1 planes"
    )
    assert of_plans(kb, "y cuantos tienen 2?", "stl") == "y cuantos tienen 2?"  # STL are not counted by state
    assert of_plans(kb, "y en 2018", "pal") == "y en 2018"


@pytest.mark.parametrize(
    ("text", "stood_at"),
    [
        ("¿cuántos estados se habían sumado a marzo de 2018 y cuántos a agosto de 2020?", True),
        ("cuantos se habian sumado hasta 2017", True),
        ("cuantos se sumaron al 14 de agosto de 2020", True),
        ("cuantos se sumaron en 2016", False),
        ("¿Cuántos estados se habían sumado en 2018?", True),  # by then, not in that year
        ("que estados se sumaron a la iniciativa en 2015", False),
    ],
)
def test_a_date_things_stood_at_is_not_the_year_states_joined(kb, text, stood_at):
    assert asks_as_of(kb, text) == stood_at
    assert (joined_year_asked(kb, text) is None) == stood_at


def test_the_state_with_the_most_plans_is_computed_not_a_comparison_of_two(kb):
    newest = kb.lists_of_kind("pal")[-1]
    most = max(count for _, count in kb.members(newest.id))
    reply = figure_question_answer(kb, "¿Cuál es el estado con más planes de acción?")
    assert reply is not None and f"es {most}." in reply
    assert figure_question_answer(kb, "¿Jalisco tiene más planes que Nuevo León?") is None


def test_how_a_figure_changed_between_two_years_is_computed(kb):
    said = figure_question_answer(kb, "¿cómo cambiaron los compromisos de 2018 a 2020?")
    assert said is not None and said.startswith("De 62 compromisos de Gobierno Abierto")
    assert said.endswith(
        "140 compromisos de Gobierno Abierto (según el comunicado INAI/265/19, 14 de agosto de 2020): 78 más."
    )


def test_a_count_of_two_figures_gives_each(kb):
    said = each_figure_answer(kb, "cuantas autoridades y organizaciones participaban en 2018")
    assert said is not None
    assert "80 autoridades" in said and "120 organizaciones de la sociedad civil (OSC)" in said
    assert each_figure_answer(kb, "cuantos planes hay") is None


def test_the_states_of_a_year_some_joined_are_those_that_joined(kb):
    said = combined_answer(kb, "y cuales de 2016 no tienen plan")
    assert (
        said is not None
        and "7 estados no figuran en la lista de PAL y se sumaron a la iniciativa en 2016" in said
    )
    assert (
        combined_answer(kb, "que estados de 2018 tenian stl") is None
    )  # no state joined in 2018: a list year


def test_a_question_opening_with_y_is_one_part_not_a_lone_question_mark(kb):
    assert question_parts(kb, "¿y cuántos compromisos suman?") == ["cuantos compromisos suman?"]


def test_those_listed_in_one_year_with_so_many_plans_in_another(kb):
    reply = combined_answer(kb, "¿Y cuáles de los que ya tenían plan en 2018 siguen con uno solo en 2020?")
    then = kb.list_as_of("pal", 2018)
    assert then is not None and reply is not None
    expected = [
        state.name
        for state, _ in kb.members(then.id)
        if next((li.count for li in state.listed if li.list == kb.lists_of_kind("pal")[-1].id), 0) == 1
    ]
    assert expected and all(name in reply for name in expected)
    assert f"figuraban en la lista de PAL de enero de {then.date.year}" in reply


def test_two_figures_of_a_year_and_each_again_by_the_newest_figure(kb):
    from answers.figure_questions import parts_answer

    asked = "¿Cuántos planes de acción y compromisos había en 2018 y cuántos hay según el dato más reciente?"
    reply, _ = parts_answer(kb, question_parts(kb, asked), None)
    for metric in ("pal", "compromisos"):
        first = next(o for o in kb.history(metric) if o.date and o.date.year == 2018)
        newest = kb.latest(metric)
        label = kb.figures.metrics[metric].label
        assert newest is not None and f"{first.value} {label}" in reply and f"{newest.value} " in reply


def test_which_states_take_part_by_a_year_are_those_the_documents_name(kb):
    reply = figure_question_answer(kb, "Según el dato de 2020 participan 30 estados. ¿Cuáles son?")
    newest = kb.latest("estados")
    assert newest is not None and reply is not None
    assert f"participaban {newest.value} estados" in reply and "no los nombran en una sola lista" in reply


def test_two_dates_of_a_list_and_which_are_new(kb):
    from answers.figure_questions import parts_answer

    asked = "¿Cuántos STL había en enero de 2018 y cuántos en agosto de 2020? ¿Cuáles son los nuevos?"
    reply, _ = parts_answer(kb, question_parts(kb, asked), None)
    then, newest = kb.list_as_of("stl", 2018), kb.lists_of_kind("stl")[-1]
    assert then is not None
    before = {state.id for state, _ in kb.members(then.id)}
    added = [state.name for state, _ in kb.members(newest.id) if state.id not in before]
    assert added and all(name in reply for name in added)


def test_the_questions_of_a_message_that_asks_them_in_turn(kb):
    parts = enumerated_parts(
        kb,
        "Me interesa la genealogía del proyecto. Primero, ¿desde qué año se impulsa la iniciativa?, "
        "y además, ¿qué ley general se tomó como referente?",
    )
    assert parts == ["¿desde qué año se impulsa la iniciativa?", "¿qué ley general se tomó como referente?"]
    assert enumerated_parts(
        kb, "dos datos: primero, qué estados se sumaron en 2017; segundo, cuáles tienen STL"
    ) == [
        "qué estados se sumaron en 2017",
        "cuáles tienen STL",
    ]
    assert enumerated_parts(kb, "¿cuál fue el primero en sumarse y además cuándo?") == []


def test_states_that_joined_in_one_year_and_are_listed_at_another_date(kb):
    reply = combined_answer(
        kb, "¿cuáles tenían Secretariado Técnico Local en agosto de 2020 y se sumaron en 2017?"
    )
    joined = {s.name for s in kb.states if s.joined and s.joined.year == 2017}
    listed = {s.name for s, _ in kb.members(kb.lists_of_kind("stl")[-1].id)}
    assert reply is not None and "se sumaron a la iniciativa en 2017" in reply
    assert all(name in reply for name in joined & listed)
    assert not any(name in reply for name in joined - listed)
