"""Questions of kinds the sets of the twenty-third pass of issue 11 found misread: a question that names
nothing after a sentence that says what it asks; several counts in one question, or one question said twice
without «y»; a figure of a document named by number, and its share of the 32 entidades; claims put to
check («Dicen que…, ¿es real?»); follow-ups after one or two states, a computed list, a quote or a
document; the documents asked for as a catalogue (oldest, newest, who issued them); and opinions, legal
advice and what the documents never give, asked in new words. Each asserts what a person reads."""

from __future__ import annotations

import pytest

from actions.definitions import ActionDefinicion
from actions.figures import ActionCifras
from actions.followup import ActionSeguimiento
from actions.offtopic import ActionFueraDeTema
from actions.recommendations import ActionRecomendacion
from actions.search import ActionBuscar
from actions.states import ActionEstado, ActionListaEstados

from .trackers import reply_text, run, turn

pytestmark = pytest.mark.usefixtures("actions_index")


def test_a_bare_question_asks_what_the_sentence_before_says():
    said = reply_text(
        ActionListaEstados(),
        "Estoy marcando en mi tabla los estados que tienen STL pero todavía no tienen PAL publicado según la "
        "lista de agosto de 2020. ¿Cuáles son?",
        "estados_con_stl",
        {"anio": "2020"},
    )
    assert "7 estados" in said and all(name in said for name in ("Colima", "Sinaloa", "Sonora"))


def test_a_question_that_names_nothing_asks_the_conditions_before_it():
    said = reply_text(
        ActionBuscar(),
        "Ejercicio con tres condiciones: estados que se sumaron en 2015, que tienen STL y que además "
        "tienen al "
        "menos un Plan de Acción Local publicado según el comunicado de agosto de 2020. ¿Cuántos son y "
        "cuáles?",
        "nlu_fallback",
        {"anio": "2020"},
    )
    assert said.startswith("10 estados")


def test_the_others_asked_in_the_same_question():
    said = reply_text(
        ActionListaEstados(),
        "De los estados que se sumaron en 2015, ¿cuántos ya tenían Secretariado Técnico Local instalado "
        "según "
        "el comunicado del 2 de enero de 2018, y cuáles no?",
        "estados_con_stl",
        {"anio": "2018"},
    )
    assert "11 estados" in said and "Chiapas y Hidalgo" in said


def test_a_list_member_that_did_not_join_in_a_year():
    said = reply_text(
        ActionListaEstados(),
        "De los 10 estados con Plan de Acción Local publicado en enero de 2018, ¿cuál no estaba entre los "
        "que "
        "se sumaron en 2015, y en qué año se sumó?",
        "estados_con_pal",
        {"anio": "2018"},
    )
    assert "Campeche (se sumó en 2016)" in said


def test_a_question_said_twice_without_y_is_two_parts():
    said = reply_text(
        ActionEstado(),
        "cuantos planes de accion hay cuantos son de oaxaca",
        "estado_situacion",
        {"estado": "Oaxaca"},
    )
    assert "21 Planes de Acción Local" in said and "Oaxaca" in said and "2 Planes" in said


def test_three_counts_in_one_question_are_each_answered():
    said = reply_text(
        ActionBuscar(),
        "Según el documento más reciente del acervo, ¿cuántas entidades participan, cuántos Secretariados "
        "Técnicos Locales hay y cuántos actores locales colaboran?",
        "nlu_fallback",
    )
    assert all(figure in said for figure in ("30 estados", "21 Secretariados", "400 actores"))


def test_three_levels_of_taking_part_count_states_with_a_plan_not_plans():
    said = reply_text(
        ActionBuscar(),
        "Según el documento más reciente, ¿cuántas entidades federativas se habían sumado a la iniciativa, "
        "cuántas habían instalado un Secretariado Técnico Local y en cuántas entidades distintas —no cuántos "
        "planes— se había publicado al menos un Plan de Acción Local?",
        "nlu_fallback",
    )
    assert "30 estados" in said and "21 Secretariados" in said and "14 estados tienen 1 o más" in said


def test_a_figure_and_its_share_of_the_entidades_are_one_answer():
    said = reply_text(
        ActionCifras(),
        "Para mi base necesito el dato más reciente: ¿cuántos estados participan en la estrategia y qué "
        "porcentaje de las 32 entidades es eso?",
        "cifras",
    )
    assert "30 estados participantes" in said and "93.75 %" in said and "Ningún documento" not in said


def test_a_figure_of_a_document_named_by_number_is_that_documents_in_its_words():
    said = reply_text(
        ActionFueraDeTema(),
        "Según el comunicado INAI/083/18, ¿cuántas de las entidades federativas del país se habían sumado "
        "a la "
        "iniciativa y desde qué año la impulsaban el INAI y el Sistema Nacional de Transparencia?",
        "fuera_de_tema",
    )
    assert (
        "«26 de las 32 entidades federativas se han sumado a la iniciativa»" in said and "Desde 2015" in said
    )


def test_two_figures_compared_between_a_numbered_comunicado_and_a_date():
    said = reply_text(
        ActionCifras(),
        "Estoy armando un cuadro comparativo. ¿Cuántos Planes de Acción Local y cuántos compromisos "
        "reporta el "
        "comunicado INAI/002/18 y cuántos el de agosto de 2020?",
        "cifras",
        {"anio": "2020"},
    )
    assert "de 10 Planes" in said and "de 62 compromisos" in said and "posteriores" not in said


def test_the_growth_over_the_32_entidades_gives_each_share():
    said = reply_text(
        ActionCifras(),
        "Si tomo como denominador las 32 entidades federativas del país, ¿cuántas se habían sumado según el "
        "comunicado de marzo de 2018 y cuántas según el de agosto de 2020, de modo que pueda expresar la "
        "cobertura en proporción y señalar su variación?",
        "cifras",
    )
    assert "81.25 %" in said and "93.75 %" in said


def test_the_differences_of_two_figures():
    said = reply_text(
        ActionCifras(), "Dame las diferencias exactas: ¿cuántos planes y cuántos compromisos más?", "cifras"
    )
    assert "11 más" in said and "78 más" in said


def test_a_claim_put_to_check_is_searched_as_a_whole():
    said = reply_text(
        ActionBuscar(),
        "Dicen que el INAI convocó a una Cumbre de Gobierno Abierto. ¿Es real? ¿En qué fechas iba a ser?",
        "consulta",
    )
    assert "Cumbre de Gobierno Abierto" in said and "13 de abril" in said


def test_a_claim_that_the_law_obliges_the_states_gets_that_the_initiative_is_voluntary():
    said = reply_text(
        ActionDefinicion(),
        "Circula que la ley obliga a todos los estados a participar en Cocreación desde lo local. ¿Es "
        "verdad?",
        "que_es_iniciativa",
    )
    assert "voluntaria" in said


def test_a_definition_asked_after_a_scene_that_compares_is_no_change_of_figures():
    said = reply_text(
        ActionBuscar(),
        "En el módulo de capacitación sobre la iniciativa, que compara su mecánica con la participación de "
        "México en la Alianza para el Gobierno Abierto, ¿cómo se define la integración del Secretariado "
        "Técnico Local y qué papel se le asigna dentro de la entidad?",
        "nlu_fallback",
    )
    assert "sociedad civil" in said and "más" not in said.split("\n")[0][:20]
    assert "de 16 Secretariados" not in said


def test_whether_a_state_was_among_the_participants_after_it():
    said = reply_text(
        ActionListaEstados(),
        "¿Y para agosto de 2020 ya se encontraba entre los 30 estados participantes?",
        "estados_por_anio",
        {"anio": "2020"},
        {"tema": "estado:Nayarit", "estado": "Nayarit"},
    )
    assert "Los documentos no nombran a Nayarit" in said


def test_either_of_two_states_just_named():
    said = reply_text(
        ActionBuscar(),
        "¿Y alguno de los dos tiene Plan de Acción Local publicado según el corte más reciente?",
        "nlu_fallback",
        slots={"tema": "estados:Sonora|Sinaloa"},
    )
    assert "Sonora no figura entre los 14 estados con Plan" in said and "Sinaloa no figura" in said


def test_a_follow_up_opening_with_y_and_a_question_mark_is_of_the_state():
    said = reply_text(
        ActionDefinicion(),
        "¿Y desde cuándo aparece con Secretariado Técnico Local?",
        "que_es_stl",
        slots={"tema": "estado:Chihuahua", "estado": "Chihuahua"},
    )
    assert "Chihuahua" in said and not said.startswith("Secretariado Técnico Local (STL): un espacio")


def test_another_year_after_a_years_states_is_that_year():
    said = reply_text(
        ActionListaEstados(),
        "¿Y en 2016 cuántos fueron?",
        "estados_por_anio",
        {"anio": "2016"},
        {"tema": "ingreso:2015"},
    )
    assert "En 2016 se sumaron 10 estados" in said


def test_the_year_each_state_of_a_computed_list_joined():
    asked = (
        "Para identificar la expansión entre documentos, ¿qué entidades aparecen con Secretariado Técnico "
        "Local en el comunicado de agosto de 2020 que no figuraban en la lista de los 16 STL del comunicado "
        "de enero de 2018?"
    )
    said = reply_text(
        ActionListaEstados(),
        "¿Y en qué año se había sumado a la iniciativa cada una de esas entidades, según las listas de "
        "adhesión por año que ofrecen los documentos de 2018?",
        "estados_por_anio",
        {"anio": "2018"},
        {"tema": f"consulta:{asked}"},
    )
    assert (
        "Chihuahua se sumó a la iniciativa en 2016" in said
        and "Guanajuato se sumó a la iniciativa en 2017" in said
    )
    assert "Colima" in said


def test_the_states_added_to_a_list_between_two_comunicados():
    said = reply_text(
        ActionBuscar(),
        "Comparando la lista de entidades con Plan de Acción Local del comunicado de enero de 2018 con la "
        "del "
        "comunicado de agosto de 2020, ¿qué entidades se incorporaron al grupo de las que ya habían "
        "publicado "
        "plan en ese intervalo?",
        "nlu_fallback",
        {"anio": "2020"},
    )
    assert all(name in said for name in ("Chihuahua", "Guanajuato", "Nuevo León", "Tabasco"))


def test_the_oldest_and_the_newest_document():
    said = reply_text(
        ActionSeguimiento(),
        "Entre los documentos que sí traen fecha, ¿cuál es el más antiguo y cuál el más reciente? Deme "
        "número "
        "y fecha de cada uno.",
        "seguimiento",
    )
    assert "INAI/002/18" in said and "INAI/265/19" in said


def test_who_issued_the_comunicado_of_the_recommendations():
    said = reply_text(
        ActionRecomendacion(),
        "¿Quién emitió el comunicado que contiene las cuatro recomendaciones sobre gobierno abierto ante el "
        "COVID-19, y en qué fecha?",
        "recomendacion",
    )
    assert "Transparencia Proactiva" in said and "25 de mayo de 2020" in said and "INAI/002/18" not in said


def test_a_catalogue_card_of_a_dated_comunicado():
    said = reply_text(
        ActionFueraDeTema(),
        "Necesito completar la ficha catalográfica del comunicado fechado el 2 de enero de 2018: número, "
        "título "
        "completo y quién lo emite.",
        "fuera_de_tema",
        {"anio": "2018"},
    )
    assert "INAI/002/18" in said and "alto impacto" in said


def test_what_the_acronym_of_inai_stands_for():
    said = reply_text(ActionDefinicion(), "q es el inai", "que_es_iniciativa")
    assert "Instituto Nacional de Transparencia" in said


def test_a_figure_that_goes_on_is_no_question_about_inais_end():
    said = reply_text(
        ActionCifras(),
        "En los comunicados de 2018 se habla de 26 entidades participantes. Le pido precisar si ese dato "
        "sigue "
        "vigente o si es histórico, y cuál es la cifra más reciente.",
        "cifras",
        {"anio": "2018"},
    )
    assert "30 estados participantes" in said and "simplificación orgánica" not in said


def test_the_recommendations_document_names_a_subject_none_of_them_treats():
    said = reply_text(ActionRecomendacion(), "¿alguna recomendación habla de educación?", "recomendacion")
    assert "Ninguna de las 4 recomendaciones habla de «educación»" in said and "educativo" in said


def test_the_third_recommendation_named_in_a_long_message():
    said = reply_text(
        ActionBuscar(),
        "la tercera de esas recomendaciones del covid que dice, algo de empleos? porque aqui en monclova "
        "con lo "
        "de la acerera no hay trabajo",
        "nlu_fallback",
        {"ordinal": "3"},
    )
    assert said.startswith("Recomendación tercera de 4") and "empleos" in said


@pytest.mark.parametrize(
    "asked",
    [
        "Ustedes qué opinan: ¿el gobierno de Morelos lo está haciendo mejor o peor que el de Guerrero en "
        "transparencia?",
        "Desde su punto de vista, ¿fue acertada la decisión del gobierno federal de extinguir el INAI?",
    ],
)
def test_opinions_asked_in_new_words_are_refused(asked):
    _, messages = run(ActionEstado(), turn(asked, "estado_situacion"))
    assert messages[0].get("response") == "utter_opinion_politica"


def test_a_definition_from_a_point_of_view_is_no_opinion():
    said = reply_text(
        ActionDefinicion(),
        "Desde el punto de vista del arreglo institucional, ¿qué es un Secretariado Técnico Local y "
        "quiénes lo "
        "integran?",
        "que_es_stl",
    )
    assert "No doy opiniones" not in said and "sociedad civil" in said


def test_a_request_that_ends_a_message_is_checked_for_off_topic():
    said = reply_text(
        ActionDefinicion(),
        "Ay oiga, ya me cansé de tanto gobierno abierto. Mejor dígame cómo se hace el pozole verde estilo "
        "Guerrero, que el jueves tengo visitas.",
        "que_es_iniciativa",
    )
    assert "fuera de lo que puedo responder" in said


def test_legal_advice_on_whether_an_act_binds_is_refused_but_the_legal_basis_of_the_recommendations_is_not():
    binding = reply_text(
        ActionBuscar(),
        "¿Nuestro punto de acuerdo sería jurídicamente vinculante para obligar al Ejecutivo estatal a "
        "cumplir su "
        "Plan de Acción? ¿Qué fundamento legal nos conviene invocar?",
        "nlu_fallback",
    )
    assert "fuera de lo que puedo responder" in binding
    basis = reply_text(
        ActionBuscar(), "con que fundamento legal emitio la comision las recomendaciones covid", "consulta"
    )
    assert "fuera de lo que puedo responder" not in basis


@pytest.mark.parametrize(
    ("asked", "missing"),
    [
        (
            "Mi editor quiere el dato de cuánto presupuesto destinó el INAI a Cocreación desde lo local. "
            "¿Me lo "
            "puedes reportar?",
            "el presupuesto",
        ),
        ("qué día exacto se sumó quintana roo? solo sé que fue en 2017 jaja", "la fecha exacta"),
        ("¿Y desde cuándo está extinta la COMAIP?", "se extinguió la COMAIP"),
        (
            "Circula un nombre como titular de la Dirección General de Gobierno Abierto y Transparencia "
            "del INAI en "
            "2020. ¿Quién era esa persona?",
            "los nombres de las personas",
        ),
    ],
)
def test_what_the_documents_never_give_asked_in_new_words(asked, missing):
    said = reply_text(ActionBuscar(), asked, "nlu_fallback")
    assert "Los documentos no mencionan" in said and missing in said


def test_schools_taking_part_are_not_in_the_documents():
    said = reply_text(
        ActionEstado(), "cuantas escuelas de chiapas participan", "estado_situacion", {"estado": "Chiapas"}
    )
    assert "Los documentos no mencionan universidades ni escuelas participantes" in said
