"""Questions of kinds the sets of the twenty-second pass of issue 11 found misread: claims put to check
(«¿no es cierto que…?», «¿acaso no…?») about a state's lists, a group of states, a document's date or the
recommendations; two lists compared in other words; an opinion asked again in a follow-up; and what the
documents never give (a document's number, the subjects of the compromisos). Each asserts what a person
reads."""

from __future__ import annotations

import pytest

from actions.followup import ActionSeguimiento
from actions.offtopic import ActionFueraDeTema
from actions.recommendations import ActionRecomendacion
from actions.search import ActionBuscar
from actions.states import ActionEstado

from .trackers import reply_text, run, texts, turn

pytestmark = pytest.mark.usefixtures("actions_index")


def test_a_claim_about_an_old_list_also_gets_the_newest_list_when_it_says_otherwise():
    said = reply_text(
        ActionEstado(),
        "Una compañera asegura que el Estado de México ya tenía su Secretariado Técnico Local desde enero "
        "de 2018. ¿Es cierto eso?",
        "estado_situacion",
        {"estado": "Estado de México", "anio": "2018"},
    )
    assert "no figuraba entre los 16 estados con Secretariado Técnico Local" in said
    assert "agosto de 2020" in said and "tiene Secretariado Técnico Local" in said
    assert "Plan de Acción" not in said  # the STL was asked, not the whole status


def test_an_old_list_that_says_the_same_as_the_newest_is_not_repeated():
    said = reply_text(
        ActionEstado(), "¿Jalisco tenía STL en 2018?", "estado_situacion", {"estado": "Jalisco", "anio": "2018"}
    )
    assert "enero de 2018" in said and "agosto de 2020" not in said


def test_a_claim_that_something_came_only_in_the_newest_list_gets_the_older_list_too():
    said = reply_text(
        ActionSeguimiento(),
        "¿Acaso su plan de acción no se publicó hasta 2020? Yo no recuerdo que existiera antes.",
        "seguimiento",
        {"anio": "2020"},
        {"tema": "estado:Campeche", "estado": "Campeche"},
    )
    assert "2 Planes de Acción Local" in said and "enero de 2018" in said and "1 Plan de Acción Local" in said


def test_a_rhetorical_no_about_a_group_of_states_is_no_negation():
    said = reply_text(
        ActionEstado(),
        "De los estados que se sumaron en 2016, ¿acaso no es Campeche el único que tiene plan de acción publicado?",
        "estado_situacion",
        {"estado": "Campeche", "anio": "2016"},
    )
    assert all(state in said for state in ("Campeche", "Chihuahua", "Nuevo León"))
    assert "Sonora" not in said


def test_states_without_a_list_then_with_it_are_the_ones_added():
    said = reply_text(
        ActionBuscar(), "q estados no tenian stl en 2018 y para 2020 ya si tenian", "nlu_fallback"
    )
    new = ("Baja California Sur", "Chihuahua", "Colima", "Estado de México", "Guanajuato")
    assert all(state in said for state in new) and "Jalisco" not in said


def test_a_claim_about_a_documents_date_gets_its_date():
    said = reply_text(
        ActionBuscar(),
        "¿No es cierto que el comunicado INAI/083/18 salió en 2020, ya en plena pandemia?",
        "consulta",
        {"anio": "2020"},
    )
    assert "27 de marzo de 2018" in said


def test_a_document_without_a_number_is_said_to_have_none():
    said = reply_text(
        ActionBuscar(),
        "¿Qué número de acuerdo u oficio le corresponde al comunicado de recomendaciones del 25 de mayo de "
        "2020? Lo necesito para el índice.",
        "consulta",
    )
    assert said.startswith("Los documentos no dan un número") and "25 de mayo de 2020" in said


def test_what_the_recommendations_say_and_who_issued_them_gets_both():
    said = reply_text(
        ActionRecomendacion(),
        "Me pasaron unas recomendaciones del INAI sobre gobierno abierto por la pandemia, creo que eran "
        "tres. ¿Qué dicen y quién las emitió?",
        "recomendacion",
    )
    assert "Comisión de Gobierno Abierto" in said and "25 de mayo de 2020" in said
    assert "4." in said  # each of the four, not only who issued them


def test_recommendations_asked_for_with_the_pandemic_named_are_all_given():
    said = reply_text(
        ActionRecomendacion(), "pasame las recomendaciones del snt sobre covid, cuales son", "recomendacion"
    )
    assert "Ninguna" not in said and "4." in said


def test_none_of_them_about_a_subject_names_those_that_are():
    said = reply_text(
        ActionRecomendacion(),
        "¿Acaso ninguna de las cuatro menciona los objetivos de desarrollo sostenible?",
        "recomendacion",
    )
    assert said.startswith("Lo tratan las recomendaciones primera y cuarta")


def test_an_opinion_asked_again_in_a_follow_up_is_refused_again():
    _, messages = run(
        ActionSeguimiento(), turn("y de morena?", "seguimiento", slots={"tema": "estado:Colima"})
    )
    assert messages[0].get("response") == "utter_opinion_politica"


def test_an_opinion_put_as_a_claim_to_check_is_refused():
    _, messages = run(
        ActionEstado(),
        turn(
            "¿No le parece que el gobierno de Campeche usó el gobierno abierto nada más para la foto? Sea sincero.",
            "estado_situacion",
            {"estado": "Campeche"},
        ),
    )
    assert messages[0].get("response") == "utter_opinion_politica"


def test_a_sports_question_after_a_figure_is_refused_not_read_as_its_year():
    said = reply_text(
        ActionFueraDeTema(), "quien gano el mundial 2018", "fuera_de_tema", {"anio": "2018"}, {"tema": "cifra:pal"}
    )
    assert "fuera de lo que puedo responder" in said and "Planes" not in said


def test_money_a_claim_names_for_a_state_is_said_to_be_missing():
    said = reply_text(
        ActionEstado(),
        "¿No es cierto que el INAI le dio a Campeche unos 5 millones de pesos para su plan de acción local?",
        "estado_situacion",
        {"estado": "Campeche"},
    )
    assert "Los documentos no mencionan el presupuesto" in said


def test_the_subjects_of_the_compromisos_are_said_to_be_missing():
    said = reply_text(
        ActionSeguimiento(),
        "de esos 140 compromisos cuantos son pal campo, agricultura",
        "seguimiento",
        slots={"tema": "cifra:compromisos"},
    )
    assert "Los documentos no mencionan de qué temas son los compromisos" in said


def test_asking_for_advice_of_inai_today_gets_the_contacts_and_the_dated_note():
    said = reply_text(
        ActionEstado(),
        "¿Y no es cierto que hoy puedo pedirle asesoría a la Dirección General de Gobierno Abierto y "
        "Transparencia del INAI para el STL de Campeche?",
        "estado_situacion",
        {"estado": "Campeche"},
    )
    assert "Dirección General de Gobierno Abierto" in said and "extingui" in said


def test_who_the_inai_devised_the_project_with_is_not_read_as_an_acronym():
    said = reply_text(
        ActionBuscar(),
        "¿Y con qué organismo ideó el INAI el proyecto, según ese mismo módulo? Démelo con nombre completo y siglas.",
        "consulta",
    )
    assert "Conferencia Mexicana para el Acceso a la Información Pública (COMAIP)" in said


def test_a_count_asked_with_an_aside_after_it_follows_up_the_list():
    events, messages = run(
        ActionBuscar(),
        turn(
            "¿Cuántos son en total? Quiero poner el número en la ficha.",
            "nlu_fallback",
            slots={"tema": "ingreso:2015"},
        ),
    )
    said = "\n".join(t or "" for t in texts(messages))
    assert "13 estados" in said
