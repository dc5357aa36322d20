"""Questions of kinds the dev sets of the nineteenth pass of issue 11 found misread: a claim to check («Me
dijeron que… ¿Es cierto?»), whether every (or no) state of a group meets a condition, «explícamelo fácil»
after something that is no recommendation or guide, a count a document just named gives, and a follow-up
asking where the last answer comes from. Each asserts what a person reads."""

from __future__ import annotations

import pytest

from actions.figures import ActionCifras
from actions.followup import ActionSeguimiento
from actions.offtopic import ActionFueraDeTema, ActionOpinionPolitica
from actions.recommendations import ActionRecomendacion
from actions.search import ActionBuscar
from actions.states import ActionEstado, ActionListaEstados
from answers.topic import Topic

from .trackers import reply_text, run, turn

pytestmark = pytest.mark.usefixtures("actions_index")


def _after(topic: str) -> dict[str, str]:
    return {"tema": topic}


def test_a_claim_that_all_of_a_year_have_stl_names_those_that_do_not():
    said = reply_text(
        ActionListaEstados(),
        "Me dijeron que todos los estados que entraron en 2015 ya tienen su Secretariado Técnico Local. "
        "¿Es cierto o hay alguno que no?",
        "estados_con_stl",
        {"anio": "2015"},
    )
    assert said.startswith("11 estados figuran en la lista de STL y se sumaron a la iniciativa en 2015")
    assert "De los 13 estados que se sumaron a la iniciativa en 2015, no figuran en la lista de STL: " in said
    assert "Chiapas y Hidalgo" in said


def test_a_claim_that_none_of_a_year_has_stl_names_those_that_do():
    said = reply_text(
        ActionListaEstados(),
        "Oí que de los estados que se sumaron en 2017 ninguno llegó a instalar Secretariado Técnico Local. "
        "¿Es verdad?",
        "estados_con_stl",
        {"anio": "2017"},
    )
    assert "figuran en la lista de STL: Baja California Sur y Guanajuato." in said


def test_a_request_to_list_them_asks_what_the_sentence_before_describes():
    said = reply_text(
        ActionListaEstados(),
        "Quisiera saber, con el mayor detalle posible, qué estados ya tienen instalado su Secretariado "
        "Técnico Local pero todavía no aparecen con un plan de acción publicado según el documento más "
        "reciente. ¿Me haría el favor de enumerarlos?",
        "estados_con_stl",
    )
    assert said.startswith("7 estados figuran en la lista de STL y no figuran en la lista de PAL")


def test_adhering_in_a_year_is_joining_in_it():
    said = reply_text(
        ActionBuscar(), "¿Qué entidades integraron la primera cohorte de adhesión, la de 2015?", "consulta"
    )
    assert said.startswith("En 2015 se sumaron 13 estados")


def test_plain_words_after_a_figure_explain_what_it_counts():
    said = reply_text(ActionSeguimiento(), "explícamelo fácil", "seguimiento", slots=_after("cifra:stl"))
    assert said.startswith("Secretariado Técnico Local (STL), en palabras sencillas:")


def test_plain_words_are_never_searched_for_as_the_subject():
    said = reply_text(ActionBuscar(), "explicamelo facil", "consulta")
    assert "fácil consulta" not in said


def test_plain_words_after_a_quoted_definition_give_its_summary_even_in_a_longer_message():
    said = reply_text(
        ActionFueraDeTema(),
        "Explíquemelo fácil, para un usuario joven de la biblioteca.",
        "fuera_de_tema",
        slots=_after("definicion:follow-the-money"),
    )
    assert said.startswith("Follow the Money (Sigue el Dinero), en palabras sencillas:")


def test_a_place_no_document_names_is_named():
    said = reply_text(ActionBuscar(), "y en ecatepec hay algun ejercicio de gobierno abierto?", "consulta")
    assert said.startswith("Los documentos no mencionan «Ecatepec».")


def test_whether_a_change_was_a_setback_is_an_opinion():
    _, messages = run(
        ActionOpinionPolitica(),
        turn(
            "Desde su perspectiva, ¿la extinción del INAI representa un retroceso para el gobierno abierto "
            "en México?",
            "opinion_politica",
        ),
    )
    assert [m.get("response") for m in messages] == ["utter_opinion_politica"]


def test_whether_states_were_forced_to_join_is_answered_with_it_being_voluntary():
    said = reply_text(
        ActionBuscar(), "¿Es cierto que a los estados los obligaron a entrar a esta iniciativa?", "consulta"
    )
    assert "voluntaria" in said


def test_two_claimed_figures_get_the_old_and_the_newest():
    said = reply_text(
        ActionBuscar(),
        "Un compadre dice que hay 16 Secretariados Técnicos Locales y otro que son 21. ¿Quién tiene razón?",
        "consulta",
    )
    assert "16 Secretariados Técnicos Locales" in said and "21 Secretariados Técnicos Locales" in said
    assert "INAI/265/19" in said


def test_a_count_right_after_a_document_is_the_one_it_gives():
    said = reply_text(
        ActionCifras(),
        "¿Cuántos Planes de Acción Local y cuántos compromisos reporta?",
        "cifras",
        slots=_after("documento:inai-002-18"),
    )
    assert said == (
        "Según el comunicado INAI/002/18, 2 de enero de 2018: 10 Planes de Acción Local (PAL) y 62 "
        "compromisos de Gobierno Abierto."
    )


def test_a_count_of_another_document_is_not_the_one_just_named():
    said = reply_text(
        ActionCifras(),
        "¿Y cuántos planes reporta el comunicado más reciente?",
        "cifras",
        slots=_after("documento:inai-002-18"),
    )
    assert "21 Planes de Acción Local" in said


def test_where_the_states_of_a_year_come_from_is_the_document_that_lists_them():
    said = reply_text(
        ActionSeguimiento(),
        "de q comunicado sacaste eso y de q año es? pa citarlo bien",
        "seguimiento",
        slots=_after("ingreso:2017"),
    )
    assert said.startswith("El comunicado INAI/083/18") and "27 de marzo de 2018" in said


def test_which_of_those_after_how_many_stl_filters_that_dated_list():
    said = reply_text(
        ActionSeguimiento(),
        "¿Y cuáles de esas entidades ya tenían Plan de Acción Local publicado en ese momento?",
        "seguimiento",
        slots=_after("cifra:stl@2018"),
    )
    assert said.startswith("10 estados figuran en la lista de STL y figuran en la lista de PAL")
    assert "INAI/002/18" in said and "Sonora" not in said


def test_a_count_in_the_past_after_a_question_of_2018_is_of_2018():
    topic = Topic("consulta", "estados con stl en 2018")
    said = reply_text(
        ActionCifras(), "¿Cuántos compromisos contenían esos planes?", "cifras", slots=_after(str(topic))
    )
    assert "62 compromisos" in said and "140" not in said


def test_what_the_recommendations_say_in_short_lists_each():
    said = reply_text(
        ActionSeguimiento(), "y q dicen, resumido", "seguimiento", slots=_after("recomendaciones:todas")
    )
    assert "1. Primera:" in said and "4. Cuarta:" in said


def test_a_year_in_a_statement_after_the_question_is_an_aside():
    said = reply_text(
        ActionEstado(),
        "¿Es cierto que Colima tiene Secretariado Técnico Local? No lo vi en la lista de 2018.",
        "estado_situacion",
        {"estado": "Colima"},
    )
    assert said.startswith("Según el comunicado INAI/265/19, 14 de agosto de 2020, Colima tiene Secretariado")
    assert "no figuraba" in said


def test_a_claim_naming_a_person_gets_the_honest_reply():
    said = reply_text(
        ActionOpinionPolitica(),
        "Me dijeron que el titular de la Dirección General de Gobierno Abierto y Transparencia del INAI era "
        "un tal Ramírez. ¿Es cierto?",
        "opinion_politica",
    )
    assert said.startswith("Los documentos no mencionan los nombres de las personas")


def test_the_legal_basis_named_in_the_recommendations_document_is_quoted():
    said = reply_text(
        ActionRecomendacion(),
        "¿Qué fundamento normativo invoca la Comisión de Gobierno Abierto y de Transparencia Proactiva del "
        "SNT en su comunicado de recomendaciones por la contingencia de COVID-19?",
        "recomendacion",
    )
    assert "artículos 26" in said and "Lineamientos" in said


def test_a_clause_describing_what_a_document_announces_asks_its_text_not_the_whole_document():
    said = reply_text(
        ActionBuscar(),
        "¿En qué fechas era la Cumbre de Gobierno Abierto que anuncia el comunicado INAI/083/18, y cuál era "
        "la liga para el registro?",
        "consulta",
    )
    assert "11 al 13 de abril" in said and "eventos.inai.org.mx" in said


def test_a_link_two_passages_after_the_one_found_still_answers():
    said = reply_text(
        ActionBuscar(), "cual era la liga para el registro de la cumbre de gobierno abierto", "consulta"
    )
    assert said.startswith("«Para mayor información sobre el programa y registro al evento")


def test_what_qualifies_the_initiative_is_asked_of_the_documents_not_its_definition():
    said = reply_text(
        ActionBuscar(),
        "Según el material del Módulo 2, Sesión 3, ¿en qué consiste la mecánica de operación de la "
        "iniciativa y a qué experiencia se asemeja?",
        "consulta",
    )
    assert (
        said.startswith("«La mecánica de operación de este proyecto")
        and "Alianza para el Gobierno Abierto" in said
    )


def test_the_initiatives_own_name_does_not_pick_the_passage():
    said = reply_text(
        ActionBuscar(),
        "Para la sección de antecedentes: ¿qué instituciones idearon el proyecto 'Gobierno Abierto: "
        "Cocreación desde lo Local', según el material de formación?",
        "consulta",
    )
    assert "COMAIP" in said


def test_figures_of_a_month_and_year_are_not_states_that_joined_that_year():
    said = reply_text(
        ActionCifras(),
        "¿Cómo se comparan esas cifras con las de agosto de 2020?",
        "cifras",
        {"anio": "2020"},
        slots=_after("cifra:compromisos@2018"),
    )
    assert "140 compromisos" in said and "se sumaron en 2020" not in said


def test_a_question_the_documents_do_not_answer_is_not_answered_with_a_passage_after_another():
    said = reply_text(ActionBuscar(), "desde cuando existe cocreacion desde lo local", "consulta")
    assert "Contactos" not in said


# After the held-out measure of the nineteenth pass: kinds its sets showed


@pytest.mark.parametrize(
    ("text", "state", "start"),
    [
        (
            "¿Qué organizaciones de Chiapas participaron en los ejercicios locales de gobierno abierto?",
            "Chiapas",
            "Los documentos no mencionan los nombres de las organizaciones",
        ),
        (
            "oiga y de paso, me recomienda un buen contador en Querétaro para mi declaracion anual?",
            "Querétaro",
            "Eso está fuera de lo que puedo responder",
        ),
        (
            "pues yo soy de oaxaca este cuándo se metió oaxaca a eso del gobierno abierto",
            "Oaxaca",
            "Oaxaca se sumó a la iniciativa en 2015",
        ),
        (
            "¿Qué otras entidades se sumaron el mismo año que Sonora?",
            "Sonora",
            "En 2016 se sumaron 10 estados",
        ),
    ],
)
def test_a_message_naming_a_state_is_answered_for_what_it_asks(text, state, start):
    assert reply_text(ActionEstado(), text, "estado_situacion", {"estado": state}).startswith(start)


def test_how_many_and_whether_a_state_is_among_them_answers_both():
    said = reply_text(
        ActionEstado(),
        "¿Cuántos Secretariados Técnicos Locales estaban instalados al 2 de enero de 2018? ¿Sonora estaba "
        "entre ellos?",
        "estado_situacion",
        {"estado": "Sonora"},
    )
    assert said.startswith("Al 2 de enero de 2018 había 16 Secretariados Técnicos Locales")
    assert "Sonora tenía Secretariado Técnico Local" in said


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "¿Procede que nuestro organismo garante sancione a un sujeto obligado que no documentó sus "
            "actividades durante la pandemia? Requiero el fundamento jurídico.",
            "Eso está fuera de lo que puedo responder",
        ),
        (
            "¿Existe algún fondo o apoyo económico para las OSC que participan en los STL?",
            "Los documentos no mencionan el presupuesto",
        ),
        (
            "¿Quién coordinaba la Comisión de Gobierno Abierto y de Transparencia Proactiva cuando se "
            "emitieron las recomendaciones?",
            "Los documentos no mencionan los nombres de las personas",
        ),
    ],
)
def test_what_the_documents_do_not_give_or_no_one_should_answer_is_said_so(text, start):
    assert reply_text(ActionBuscar(), text, "consulta").startswith(start)


def test_also_not_after_a_state_is_a_denied_list():
    said = reply_text(
        ActionSeguimiento(),
        "¿Qué otro estado que se sumó ese mismo año tampoco tiene STL?",
        "seguimiento",
        slots={"tema": "estado:Chiapas", "estado": "Chiapas"},
    )
    assert "Chiapas y Hidalgo" in said and "Jalisco" not in said


def test_which_have_now_what_they_did_not_have_then_lists_them():
    said = reply_text(
        ActionListaEstados(),
        "Cuáles estados tienen STL en 2020 que no tenían en la lista de 2018? Es para comparar en mi ensayo.",
        "estados_con_stl",
        {"anio": "2018"},
    )
    new_ones = ["Baja California Sur", "Chihuahua", "Colima", "Estado de México", "Guanajuato"]
    assert all(name in said for name in new_ones) and "Jalisco" not in said


def test_a_figure_quoted_by_its_value_dates_the_question():
    said = reply_text(
        ActionCifras(),
        "¿En cuántos planes estaban esos 62 compromisos?",
        "cifras",
        slots=_after("cifra:compromisos@2018"),
    )
    assert said.startswith("Al 2 de enero de 2018 había 10 Planes de Acción Local")


def test_which_document_is_the_newest_is_the_newest_dated_one():
    said = reply_text(
        ActionBuscar(),
        "De los documentos que tienes, ¿cuál es el más reciente sobre la iniciativa y de qué fecha es?",
        "consulta",
    )
    assert said.startswith("El comunicado INAI/265/19") and "14 de agosto de 2020" in said


def test_which_comunicado_says_something_is_the_one_whose_text_says_it():
    said = reply_text(
        ActionBuscar(),
        "¿Qué número de comunicado convoca a la I Cumbre de Gobierno Abierto y en qué fechas estaba "
        "prevista?",
        "consulta",
    )
    assert "INAI/083/18" in said and "11 al 13 de abril" in said and "INAI/002/18" not in said


def test_which_of_those_after_the_states_of_a_year_filters_them():
    said = reply_text(
        ActionCifras(),
        "¿Y cuáles de ellos tenían Plan de Acción Local publicado en agosto de 2020?",
        "cifras",
        {"anio": "2020"},
        slots=_after("ingreso:2016"),
    )
    assert said.startswith("3 estados figuran en la lista de PAL y se sumaron a la iniciativa en 2016")


def test_how_many_of_those_after_a_dated_list_counts_them_at_that_date():
    said = reply_text(
        ActionSeguimiento(),
        "¿Y cuántos de esos ya tenían plan de acción publicado en esa fecha?",
        "seguimiento",
        slots=_after("lista:stl@2018"),
    )
    assert said.startswith("10 estados figuran en la lista de STL y figuran en la lista de PAL")


def test_who_issued_the_recommendations_and_in_what_session_is_not_the_documents_summary():
    said = reply_text(
        ActionBuscar(),
        "¿Quién emitió las cuatro recomendaciones de gobierno abierto por la COVID-19, y en qué sesión se "
        "aprobaron? Necesito atribuirlo bien.",
        "consulta",
    )
    assert "Primer Sesión Extraordinaria" in said and "Comisión de Gobierno Abierto" in said


def test_what_the_recommendations_on_open_government_are_is_all_four():
    said = reply_text(
        ActionRecomendacion(),
        "¿Cuáles son las recomendaciones del SNT sobre gobierno abierto ante el COVID-19?",
        "recomendacion",
    )
    assert "1. Primera:" in said and "4. Cuarta:" in said


def test_the_figures_in_force_named_one_by_one_are_each_given():
    said = reply_text(
        ActionCifras(),
        "Requiero las cifras vigentes de la estrategia: entidades, STL, planes y compromisos, con la fecha "
        "del dato.",
        "cifras",
    )
    assert said.startswith("Al 14 de agosto de 2020 había:")
    assert all(
        figure in said for figure in ("30 estados", "21 Secretariados", "21 Planes", "140 compromisos")
    )


def test_whether_the_recommendations_document_mentions_guides_is_its_guides():
    said = reply_text(
        ActionRecomendacion(),
        "¿Y el comunicado de recomendaciones del 25 de mayo de 2020 menciona alguna guía adicional?",
        "recomendacion",
    )
    assert said.startswith("Los documentos ofrecen 3 guías") and "Transparencia Proactiva" in said
    assert "ninguna de las 4 recomendaciones" not in said.lower()


def test_who_started_this_initiative_is_its_definition():
    said = reply_text(ActionBuscar(), "Quién empezó esta iniciativa y en qué año fue?", "consulta")
    assert "INAI" in said and "2015" in said


def test_why_a_comunicado_has_its_number_is_not_in_the_documents():
    said = reply_text(
        ActionBuscar(),
        "El comunicado del 14 de agosto de 2020 lleva el número INAI/265/19. ¿Por qué termina en 19 si es de "
        "2020? ¿Es una errata oficial o hubo una corrección?",
        "consulta",
    )
    assert said.startswith("Los documentos no mencionan por qué cada comunicado lleva el número")
