"""Questions of kinds the thirty-first pass of issue 11 found misread: a claim of how many were missing or of
what a numbered document says, a group of states named by its count, a town named after a state, a
restatement with «o sea», questions asked one after another, pressing after a missing subject, a body
misspelt and asked whether it still exists, a procedural question taken for an opinion. Each asserts what
a person reads."""

from __future__ import annotations

import pytest

from actions.figures import ActionCifras
from actions.guides import ActionGuia
from actions.offtopic import ActionAyuda, ActionFueraDeTema, ActionOpinionPolitica
from actions.search import ActionBuscar
from actions.states import ActionEstado

from .trackers import reply_text, said_to, turn

pytestmark = pytest.mark.usefixtures("actions_index")


def test_a_claim_of_how_many_were_missing_is_checked_against_all_the_entidades():
    said = reply_text(
        ActionBuscar(),
        "En marzo de 2018 un funcionario estatal dijo que 'solo faltaban 6 estados' por sumarse a la "
        "iniciativa. ¿Cuadra con lo que decía el INAI entonces?",
        "nlu_fallback",
    )
    assert said.startswith("Sí") and "26 de las 32" in said and "faltaban 6" in said


def test_a_figure_claimed_of_the_wrong_document_is_denied_with_its_date_and_the_right_one():
    said = reply_text(
        ActionBuscar(),
        "El comunicado INAI/083/18 es el de enero de 2018 donde dan las cifras de 16 STL, verdad? "
        "confirmame la fecha",
        "nlu_fallback",
    )
    assert not said.startswith("Sí") and "27 de marzo de 2018" in said and "INAI/002/18" in said


def test_a_group_of_states_named_by_its_count_is_listed():
    said = reply_text(ActionBuscar(), "¿cuáles eran esos 16 estados?", "nlu_fallback")
    assert "Morelos" in said and "Tabasco" in said and "2 de enero de 2018" in said


def test_a_town_named_after_a_state_is_not_that_state():
    said = reply_text(
        ActionEstado(),
        "Mi hermano tiene un restaurante en San Luis Rio Colorado, del lado de Sonora. Sonora cuando entro a "
        "la iniciativa y cuantos estados entraron ese mismo año?",
        "estado_situacion",
        {"estado": "Sonora"},
        {"estado": "Sonora"},
    )
    assert "San Luis Potosí" not in said and "10 estados" in said


def test_guides_asked_in_an_indigenous_language_are_declined_before_the_guides():
    said = reply_text(
        ActionBuscar(),
        "Muchos de nuestra gente hablan mejor purépecha que español. ¿Las guías de gobierno abierto están "
        "traducidas a lenguas indígenas?",
        "fuera_de_tema",
    )
    assert said.startswith("Los documentos no mencionan traducciones") and "Guía de Secretariados" in said


def test_commitments_of_a_sector_the_documents_never_name_are_not_answered_with_the_plans():
    said = reply_text(
        ActionEstado(),
        "los planes de durango traen algun compromiso de ganaderia o sanidad animal?",
        "estado_situacion",
        {"estado": "Durango"},
        {"estado": "Durango"},
    )
    assert said.startswith("Los documentos no mencionan de qué temas son los compromisos")


def test_every_figure_counted_of_a_numbered_communique_is_of_it():
    said = reply_text(
        ActionCifras(),
        "¿Cuántos Planes de Acción Local y cuántos compromisos se reportan en el comunicado INAI/002/18?",
        "cifras",
    )
    assert "10 Planes de Acción Local" in said and "62 compromisos" in said


def test_o_sea_asking_how_many_more_gets_the_difference():
    said = reply_text(
        ActionCifras(),
        "este cuántos planes de acción local había en 2018 y cuántos en 2020 o sea cuántos planes más se "
        "hicieron",
        "cifras",
    )
    assert "Diferencia: 11 más" in said and "posteriores" not in said


def test_two_documents_dated_in_one_question_give_the_change_between_them():
    said = reply_text(
        ActionCifras(),
        "Necesito un dato para mi informe: ¿cuántos compromisos de gobierno abierto se sumaron entre el "
        "comunicado de enero de 2018 y el de agosto de 2020?",
        "cifras",
        {"anio": "2018"},
    )
    assert "62" in said and "140" in said and "78 más" in said


def test_pressing_after_a_missing_subject_gets_the_same_honest_reply():
    tracker = turn(
        "andale aunque sea un aproximado, no te voy a quemar en el video, palabra",
        "fuera_de_tema",
        before=["cuanta lana se gasto el inai en toda esta iniciativa de cocreacion?"],
    )
    said = said_to(ActionFueraDeTema(), tracker)
    assert said.startswith("Los documentos no mencionan el presupuesto")


def test_questions_asked_one_after_another_are_each_answered():
    said = reply_text(
        ActionBuscar(), "cumbre gobierno abierto registro pagina dónde? fecha cuándo?", "nlu_fallback"
    )
    assert "1racumbrenacional" in said and "11 al 13 de abril" in said


def test_a_misspelt_body_asked_whether_it_still_exists_is_quoted_as_extinct():
    said = reply_text(
        ActionBuscar(),
        "En un material de curso vi que también participó la CONAIP al principio, ¿esa conferencia todavía "
        "existe o ya no?",
        "nlu_fallback",
    )
    assert "COMAIP" in said and "la extinta Conferencia Mexicana" in said


def test_any_of_the_states_of_a_year_with_an_stl_filters_them():
    said = reply_text(
        ActionCifras(),
        "¿Alguna de esas contaba con Secretariado Técnico Local según el comunicado de agosto de 2020?",
        "cifras",
        slots={"tema": "ingreso:2017"},
    )
    assert "Baja California Sur y Guanajuato" in said and "21 Secretariados" not in said


def test_a_clause_with_que_es_asks_no_definition():
    said = reply_text(
        ActionFueraDeTema(),
        "Ya que es bueno para las cuentas: ¿Cuál es el par de apriete de un tornillo M12 grado 8.8 en seco?",
        "fuera_de_tema",
    )
    assert "fuera de lo que puedo responder" in said and "no definen" not in said


def test_who_approved_a_recommendation_is_no_opinion():
    said = reply_text(
        ActionOpinionPolitica(),
        "y esa la aprobo el Consejo Nacional del SNT en pleno, no?",
        "opinion_politica",
        slots={"tema": "recomendacion:2"},
    )
    assert "Comisión de Gobierno Abierto" in said and "No doy opiniones" not in said


def test_when_a_state_set_up_its_stl_gives_every_dated_list():
    said = reply_text(
        ActionEstado(),
        "oiga guanajuato ya tenía su secretariado técnico local en 2018 o desde cuándo aparece",
        "estado_situacion",
        {"estado": "Guanajuato"},
        {"estado": "Guanajuato"},
    )
    assert "no figuraba entre los 16" in said and "uno de los 21" in said


def test_pues_clipped_is_no_state():
    said = reply_text(
        ActionBuscar(), "¿y eso' pa' qué sirven, pue'? explíqueme como pa' taxista", "nlu_fallback"
    )
    assert "Puebla" not in said


def test_guides_asked_in_sign_language_are_declined_first():
    said = reply_text(ActionGuia(), "guías INAI video lengua señas mexicana versión hay? LSM", "guia")
    assert said.startswith("Los documentos no mencionan a las personas con discapacidad")


def test_a_request_to_repeat_gets_the_last_answer_again():
    newest = (
        "Al 14 de agosto de 2020 había 21 Secretariados Técnicos Locales (STL) (según el comunicado "
        "INAI/265/19, 14 de agosto de 2020)."
    )
    tracker = turn("perdon no le entendi coma me lo repite en una sola frase", "ayuda")
    tracker.events = [
        {
            "event": "user",
            "text": "cuantos secretariados tecnicos locales se habian instalado a inicios de 2018",
        },
        {"event": "bot", "text": "Al 2 de enero de 2018 había 16 Secretariados Técnicos Locales (STL)."},
        {"event": "user", "text": "y en 2020"},
        {"event": "bot", "text": newest},
        {"event": "user", "text": tracker.latest_message["text"]},
    ]
    assert said_to(ActionAyuda(), tracker) == newest
