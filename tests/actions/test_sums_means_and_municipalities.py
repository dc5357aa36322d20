"""Questions of kinds the twenty-ninth pass of issue 11 found misread: figures added up or divided, the days
between the oldest and the newest communiqué, a range of years denied, two states asked in one message, a
municipality asked after or beside its state, a name that follows the question, legal advice asked as an
opinion. Each asserts what a person reads."""

from __future__ import annotations

import pytest

from actions.figures import ActionCifras
from actions.offtopic import ActionOpinionPolitica
from actions.recommendations import ActionRecomendacion
from actions.search import ActionBuscar
from actions.states import ActionEstado

from .trackers import reply_text

pytestmark = pytest.mark.usefixtures("actions_index")


def test_the_mean_of_commitments_per_plan_is_computed_for_each_year_asked():
    said = reply_text(
        ActionCifras(),
        "Saqueme el promedio de compromisos por Plan de Accion Local en 2018 y en 2020. ¿Subio o bajo?",
        "cifras",
    )
    assert "62 compromisos de Gobierno Abierto entre 10 Planes de Acción Local (PAL) = 6.2" in said
    assert "140 compromisos de Gobierno Abierto entre 21 Planes de Acción Local (PAL) = 6.67" in said


def test_figures_of_one_date_are_added_up_with_their_lower_bound():
    said = reply_text(
        ActionCifras(),
        "si sumo las autoridades, los organismos garantes y las OSC que participaban en marzo de 2018, "
        "cuantos actores da en total? es para compararlo con los 400 de 2020",
        "cifras",
    )
    assert "80 autoridades + 26 organismos garantes + más de 120" in said and "= más de 226" in said
    assert "INAI/083/18" in said


def test_the_days_between_the_oldest_and_the_newest_communique():
    said = reply_text(
        ActionBuscar(),
        "¿Cuantos dias exactos pasaron entre el comunicado mas viejo del INAI que usted tiene y el mas "
        "reciente?",
        "consulta",
    )
    assert "INAI/002/18" in said and "INAI/265/19" in said and "955 días" in said


def test_a_percentage_uses_a_decimal_point():
    said = reply_text(
        ActionCifras(),
        "Si el pais tiene 32 entidades, ¿que porcentaje de ellas participaba en marzo de 2018 y que "
        "porcentaje en agosto de 2020?",
        "cifras",
    )
    assert "81.25 %" in said and "93.75 %" in said


def test_a_state_with_a_secretariat_not_among_those_that_joined_in_a_range_of_years():
    said = reply_text(
        ActionBuscar(),
        "¿Qué entidad aparece con Secretariado Técnico Local en agosto de 2020 pero no figura entre las "
        "entidades que se sumaron a la iniciativa de 2015 a 2017?",
        "consulta",
    )
    assert "1 estado" in said and "Colima" in said and "Jalisco" not in said


def test_two_states_asked_in_one_message_get_each_their_own_answer():
    said = reply_text(
        ActionEstado(),
        "A ver, Campeche aqui al lado ¿en que año entro y cuantos planes de accion lleva? ¿y nosotros en "
        "Q. Roo cuando entramos?",
        "estado_situacion",
        {"estado": "Campeche"},
    )
    assert "Campeche se sumó a la iniciativa en 2016" in said
    assert "Campeche tiene 2 Planes de Acción Local (PAL)" in said
    assert "Quintana Roo se sumó a la iniciativa en 2017" in said


def test_a_municipality_asked_after_the_question_mark_is_said_missing():
    said = reply_text(
        ActionEstado(),
        "apodaca participa en lo de gobierno abierto? o q municipios de nuevo leon estan",
        "estado_situacion",
        {"estado": "Nuevo León"},
    )
    assert said.startswith("Los documentos no mencionan cuántos ni cuáles municipios participan")


def test_who_issued_the_recommendations_is_not_a_name_said_after_the_question():
    said = reply_text(
        ActionRecomendacion(),
        "Bueno, la pregunta es: ¿quién sacó esas recomendaciones y en qué fecha exactamente? Porque el señor "
        "del ayuntamiento dice que fue el gobierno federal y yo digo que no.",
        "recomendacion",
    )
    assert (
        "Comisión de Gobierno Abierto y de Transparencia Proactiva" in said and "25 de mayo de 2020" in said
    )
    assert "nombres de las personas" not in said


def test_who_issued_the_recommendations_and_on_what_articles():
    said = reply_text(
        ActionRecomendacion(),
        "¿Quién emitió exactamente el comunicado de recomendaciones por el COVID y con base en qué artículos "
        "de los Lineamientos?",
        "recomendacion",
    )
    assert "Comisión de Gobierno Abierto y de Transparencia Proactiva" in said
    assert "artículos 26" in said and "34" in said


def test_a_state_asked_of_the_list_is_no_opinion():
    said = reply_text(ActionOpinionPolitica(), "baja califa esta en la lista o nel", "opinion_politica")
    assert "Baja California" in said and "No doy opiniones" not in said


def test_legal_advice_asked_as_an_opinion_is_refused_as_legal_advice():
    said = reply_text(
        ActionOpinionPolitica(),
        "Deme su opinión jurídica: ¿procede amparo o recurso de revisión, y cómo lo planteo?",
        "opinion_politica",
    )
    assert "fuera de lo que puedo responder" in said and "No doy opiniones" not in said


def test_a_refusal_to_a_message_that_names_inai_carries_its_note():
    said = reply_text(
        ActionBuscar(), "¿Y entonces puedo ir al INAI a demandar al presidente municipal?", "consulta"
    )
    assert "fuera de lo que puedo responder" in said and "se extinguió" in said
