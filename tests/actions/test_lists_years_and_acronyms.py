"""Questions of kinds the sets of the twentieth pass of issue 11 found misread: a claim to check in the form
«¿es correcto que…?», the states of the year a state joined asked with no state named, where the last answer
comes from, a figure of 2018 and one of now in one question, the entidades missing, a document named by its
number or date, a range of years joined, what an acronym stands for, and what a person cannot get here
(names, legal advice, counts after 2020). Each asserts what a person reads."""

from __future__ import annotations

import pytest

from actions.contacts import ActionInaiActual
from actions.definitions import ActionDefinicion
from actions.figures import ActionCifras
from actions.followup import ActionSeguimiento
from actions.offtopic import ActionFueraDeTema
from actions.privacy import ActionPrivacidad
from actions.recommendations import ActionRecomendacion
from actions.search import ActionBuscar
from actions.states import ActionEstado, ActionListaEstados
from common.hygiene import plain_words

from .trackers import reply_text, run, texts, turn

pytestmark = pytest.mark.usefixtures("actions_index")


def _responses(action, text: str, intent: str) -> list[str | None]:
    return [m.get("response") for m in run(action, turn(text, intent))[1]]


def test_es_correcto_que_asks_to_check_a_fact_not_for_an_opinion():
    said = reply_text(
        ActionListaEstados(),
        "¿Es correcto que en 2017 solo se sumaron tres entidades? ¿Cuáles fueron, para ponerlas en la clave?",
        "estados_por_anio",
        {"anio": "2017"},
    )
    assert "Baja California Sur, Guanajuato y Quintana Roo" in said


def test_a_wrong_start_year_of_the_initiative_is_answered_no_with_the_right_one():
    said = reply_text(
        ActionBuscar(),
        "Estoy armando un examen. ¿Es correcto que la iniciativa Gobierno Abierto: Cocreación desde lo Local "
        "arrancó en 2017?",
        "consulta",
    )
    assert said.startswith("No. Desde 2015.")


def test_which_states_started_in_a_year_are_the_states_that_joined_then():
    said = reply_text(
        ActionListaEstados(), "¿Qué estados arrancaron en 2015?", "estados_por_anio", {"anio": "2015"}
    )
    assert said.startswith("En 2015 se sumaron 13 estados")


@pytest.mark.parametrize(
    ("text", "state", "start"),
    [
        ("¿Quién más ese año?", "Jalisco", "En 2015 se sumaron 13 estados"),
        ("y quienes mas entraron ese año", "Estado de México", "En 2016 se sumaron 10 estados"),
        ("¿Y el año siguiente?", "Jalisco", "En 2016 se sumaron 10 estados"),
        ("y al año siguiente", "Estado de México", "En 2017 se sumaron 3 estados"),
    ],
)
def test_the_year_of_the_state_just_answered_lists_who_joined_then(text, state, start):
    said = reply_text(
        ActionSeguimiento(), text, "seguimiento", slots={"estado": state, "tema": f"estado:{state}"}
    )
    assert said.startswith(start)


def test_who_said_a_figure_is_the_document_that_gives_it():
    said = reply_text(ActionSeguimiento(), "¿Quién lo dijo?", "seguimiento", slots={"tema": "cifra:pal"})
    assert "INAI/265/19, 14 de agosto de 2020" in said


def test_the_date_of_a_computed_answer_is_that_of_its_sources():
    said = reply_text(
        ActionSeguimiento(),
        "¿De cuándo es ese dato?",
        "seguimiento",
        slots={"tema": "consulta:¿Qué estados tienen dos planes de acción local?"},
    )
    assert said == "Esa respuesta sale de esta fuente: el comunicado INAI/265/19, 14 de agosto de 2020."


def test_a_figure_of_2018_and_of_now_in_one_question_gives_both():
    said = reply_text(
        ActionCifras(), "cuantos stl habia en 2018 y cuantos hay ahora", "cifras", {"anio": "2018"}
    )
    assert "16 Secretariados Técnicos Locales (STL)" in said
    assert "21 Secretariados Técnicos Locales (STL), según el comunicado INAI/265/19" in said


def test_how_much_the_initiative_grew_gives_the_change_of_each_figure():
    said = reply_text(
        ActionBuscar(), "¿Cuánto 'creció' esto de 2018 a 2020? Números, no boletín", "nlu_fallback"
    )
    assert said.startswith("Del 2 de enero de 2018 al 14 de agosto de 2020:")
    assert "de 16 Secretariados Técnicos Locales (STL) a 21" in said
    assert "de 62 compromisos de Gobierno Abierto a 140" in said
    assert "autoridades" not in said  # given for 2018 only: no change to show


@pytest.mark.parametrize(
    "text", ["cuales son los 2 estados q todavia no le entran", "¿y cuáles son los 2 que no se sumaron?"]
)
def test_the_states_not_yet_joined_are_two_the_documents_do_not_name(text):
    said = reply_text(ActionBuscar(), text, "nlu_fallback")
    assert "faltaban 2. Los documentos no dicen cuáles." in said


def test_a_state_the_documents_never_name_is_not_reported_in_a_dated_list_either():
    said = reply_text(
        ActionEstado(),
        "¿Puebla está entre los 30 estados que participaban en agosto de 2020?",
        "estado_situacion",
        {"estado": "Puebla"},
        {"estado": "Puebla"},
    )
    assert said.startswith("Los documentos no nombran a Puebla entre los estados participantes")


def test_a_name_asked_of_a_document_is_not_its_summary():
    said = reply_text(
        ActionBuscar(),
        "Para una pregunta de datos: confírmeme el nombre del comisionado presidente del INAI cuando se "
        "publicó el comunicado de enero de 2018.",
        "nlu_fallback",
    )
    assert said.startswith("Los documentos no mencionan los nombres de las personas")


def test_a_list_asked_of_a_document_by_its_number_is_the_list_it_gives():
    said = reply_text(
        ActionListaEstados(),
        "En el comunicado INAI/002/18, ¿qué estados aparecen con Secretariado Técnico Local instalado?",
        "estados_con_stl",
    )
    assert said.startswith("Al 2 de enero de 2018 había 16 Secretariados Técnicos Locales (STL)")


def test_the_date_of_the_document_named_is_not_the_year_asked():
    said = reply_text(
        ActionListaEstados(),
        "Según el comunicado del 27 de marzo de 2018, ¿qué entidades se sumaron en 2016?",
        "estados_por_anio",
        {"anio": "2018"},
    )
    assert said.startswith("En 2016 se sumaron 10 estados")


def test_a_footnote_as_a_purpose_does_not_ask_for_a_footnote():
    said = reply_text(
        ActionListaEstados(),
        "En ese mismo comunicado de 2020, ¿qué estados tienen dos Planes de Acción Local? Es para una nota "
        "al pie.",
        "estados_con_pal",
        {"anio": "2020"},
    )
    assert said.startswith("7 estados tienen 2 Planes de Acción Local (PAL) publicados")


def test_a_message_in_capitals_is_read_in_small_letters():
    assert plain_words("QUIEN LAS SACO ESAS Y CUANDO") == "quien las saco esas y cuando"
    assert plain_words("¿Y el STL de Jalisco?") == "¿Y el STL de Jalisco?"


def test_naming_the_wrong_recommendation_for_a_subject_gets_the_right_one():
    said = reply_text(
        ActionRecomendacion(),
        "¿Es correcto que la cuarta recomendación del SNT es la que habla de la eficiencia del gasto "
        "público? Si me equivoco, ¿cuál es?",
        "recomendacion",
        {"ordinal": "4"},
    )
    assert said.startswith("No: es la tercera.\nRecomendación tercera de 4")


def test_a_recommendation_named_with_what_it_is_about_is_that_one():
    said = reply_text(
        ActionRecomendacion(),
        "¿Qué dice la tercera recomendación del SNT sobre gobierno abierto y COVID-19?",
        "recomendacion",
        {"ordinal": "3"},
    )
    assert said.startswith("Recomendación tercera de 4")


def test_what_a_document_just_named_says_in_short_is_its_summary():
    said = reply_text(
        ActionSeguimiento(),
        "Tengo citado el comunicado INAI/083/18 en un oficio y no lo he leído. ¿Qué dice, en resumen?",
        "seguimiento",
    )
    assert said.startswith("El comunicado INAI/083/18")
    assert "26 de las 32 entidades" in said and "del 11 al 13 de abril" in said


def test_a_count_after_the_documents_with_inai_gone_gives_the_newest_figure_then_what_came_after():
    said = reply_text(
        ActionInaiActual(),
        "¿Cuántos STL siguen funcionando en 2024? o ya se murieron junto con el INAI",
        "inai_actual",
        {"anio": "2024"},
    )
    assert said.startswith("Los documentos no dan la cifra de Secretariados Técnicos Locales (STL) para 2024")
    assert "extinción del INAI" in said


def test_how_to_defend_against_a_sanction_is_legal_advice():
    said = reply_text(
        ActionBuscar(),
        "Si el ayuntamiento no publica a tiempo sus obligaciones de transparencia, ¿qué sanción legal nos "
        "aplica y cómo nos defendemos ante una denuncia?",
        "nlu_fallback",
    )
    assert said.startswith("Eso está fuera de lo que puedo responder")


def test_out_of_how_many_entidades_is_the_32():
    said = reply_text(
        ActionListaEstados(),
        "de cuantas entidades en total?",
        "estados_por_anio",
        slots={"tema": "cifra:estados@2018"},
    )
    assert said.startswith("México tiene 32 entidades federativas")


def test_how_many_states_there_were_in_a_year_is_the_figure_not_who_joined_then():
    said = reply_text(
        ActionListaEstados(), "¿cuántos estados había en 2018?", "estados_por_anio", {"anio": "2018"}
    )
    assert said.startswith("Al 27 de marzo de 2018 había 26 estados participantes")


def test_in_how_many_states_after_the_plans_lists_the_states_with_one():
    said = reply_text(
        ActionCifras(), "¿y en cuántos estados?", "cifras", slots={"tema": "cifra:pal", "cifra": "pal"}
    )
    assert said.startswith("Se han publicado 21 Planes de Acción Local (PAL) en 14 estados")


def test_a_range_of_years_joined_is_every_year_in_it():
    said = reply_text(
        ActionBuscar(),
        "Cruce de listas: de las entidades que se sumaron entre 2015 y 2017, ¿cuáles no aparecen en la "
        "relación de los 21 STL del comunicado de agosto de 2020?",
        "nlu_fallback",
    )
    assert said.startswith(
        "6 estados no figuran en la lista de STL y se sumaron a la iniciativa entre 2015 y 2017"
    )
    assert "Guerrero" in said and "Quintana Roo" in said


def test_in_one_list_but_not_in_the_relation_of_another_date_compares_the_lists():
    said = reply_text(
        ActionListaEstados(),
        "¿Qué entidades tenían PAL publicado en agosto de 2020 pero no en la relación de enero de 2018?",
        "estados_con_pal",
        {"anio": "2020"},
    )
    assert (
        "4 estados figuran en la lista de PAL del 14 de agosto de 2020 (14 estados) "
        "y no en la del 2 de enero de 2018 (10)" in said
    )
    assert "Guanajuato" in said and "Tabasco" in said


def test_what_an_acronym_stands_for_is_the_name_the_documents_write_before_it():
    said = reply_text(
        ActionBuscar(),
        "En el módulo de capacitación aparece COMAIP. ¿Qué significa la sigla?",
        "nlu_fallback",
    )
    assert said.startswith(
        "COMAIP quiere decir «Conferencia Mexicana para el Acceso a la Información Pública»"
    )


def test_an_acronym_written_two_ways_gives_both_and_where_it_appears():
    said = reply_text(
        ActionBuscar(), "¿Cómo se desarrolla completa la sigla SNT y en qué documentos aparece?", "consulta"
    )
    assert said.startswith("SNT quiere decir «Sistema Nacional de Transparencia»")
    assert "«Sistema Nacional de Transparencia, Acceso a la Información Pública y Protección de" in said
    assert "La sigla aparece en" in said


def test_a_count_asked_for_after_the_documents_is_not_confirmed_but_dated():
    said = reply_text(
        ActionCifras(),
        "Leí que “se han configurado 21 STL”. ¿Cuántos hay ahora, en 2025?",
        "cifras",
        {"anio": "2025"},
    )
    assert said.startswith("Los documentos no dan la cifra de Secretariados Técnicos Locales (STL) para 2025")


def test_a_figure_in_the_past_after_one_of_a_year_is_of_that_year():
    said = reply_text(
        ActionCifras(),
        "¿Y cuántos compromisos sumaban entre todos?",
        "cifras",
        slots={"tema": "cifra:pal@2018", "cifra": "pal"},
    )
    assert said.startswith("Al 2 de enero de 2018 había 62 compromisos")


def test_the_states_added_to_a_later_list_are_counted_from_the_list_shown():
    said = reply_text(
        ActionSeguimiento(),
        "¿Y cuáles aparecen en la lista de 2020 que no estaban en esa?",
        "seguimiento",
        {"anio": "2020"},
        {"tema": "lista:stl@2018"},
    )
    assert said.startswith(
        "5 estados figuran en la lista de STL del 14 de agosto de 2020 (21 estados) y no en la del 2 de enero"
    )


def test_who_is_to_blame_is_an_opinion():
    responses = _responses(
        ActionBuscar(),
        "Entre nos, ¿qué partido cree que tuvo la culpa de que desapareciera el INAI?",
        "nlu_fallback",
    )
    assert responses == ["utter_opinion_politica"]


def test_a_state_never_named_asked_of_a_dated_list_gets_that_list():
    said = reply_text(
        ActionEstado(),
        "¿El estado de Puebla tiene Secretariado Técnico Local instalado según el comunicado de agosto de "
        "2020?",
        "estado_situacion",
        {"estado": "Puebla"},
        {"estado": "Puebla"},
    )
    assert said.startswith(
        "En la lista de agosto de 2020 (según el comunicado INAI/265/19, 14 de agosto de 2020)"
    )


def test_whether_the_initiative_takes_in_municipalities_is_what_the_documents_say_of_them():
    said = reply_text(
        ActionBuscar(),
        "Le escribo del Ayuntamiento de Puebla. ¿La iniciativa contempla a los municipios o es únicamente "
        "para los gobiernos estatales?",
        "nlu_fallback",
    )
    assert said.startswith("Los documentos no mencionan cuántos ni cuáles municipios participan")
    assert "estados y municipios" in said


def test_a_claim_about_the_session_after_the_issuer_gets_the_session():
    said = reply_text(
        ActionSeguimiento(),
        "¿Es correcto que se aprobaron en una sesión ordinaria?",
        "seguimiento",
        slots={"tema": "recomendaciones:todas"},
    )
    assert "Primer Sesión Extraordinaria" in said


def test_why_a_number_is_what_it_is_after_a_document_is_not_off_topic():
    said = reply_text(
        ActionFueraDeTema(),
        "¿Por qué termina en 19 si es de 2020? ¿El texto da alguna explicación?",
        "fuera_de_tema",
        {"anio": "2020"},
        {"tema": "documento:inai-265-19"},
    )
    assert said.startswith("Los documentos no mencionan por qué cada comunicado lleva el número")


def test_plain_words_of_a_term_right_after_a_state_explain_the_term():
    said = reply_text(
        ActionSeguimiento(),
        "ok pero explicame facil q es eso de plan de accion",
        "seguimiento",
        slots={"estado": "Tabasco", "tema": "estado:Tabasco"},
    )
    assert said.startswith("Plan de Acción Local (PAL), en palabras sencillas:")


def test_the_states_named_before_asking_which_are_the_group_asked_about():
    said = reply_text(
        ActionEstado(),
        "Quisiera compararnos con los estados vecinos: Querétaro, Estado de México, Veracruz, San Luis "
        "Potosí, Puebla y Tlaxcala. ¿Cuáles tienen STL y cuáles ya publicaron plan de acción?",
        "estado_situacion",
        {"estado": "Querétaro"},
    )
    assert said.startswith(
        "En la lista de Secretariados Técnicos Locales (STL) configurados del 14 de agosto"
    )
    assert "no figuran Querétaro y Puebla" in said


def test_the_states_added_after_a_count_of_a_year_are_those_new_to_the_later_list():
    said = reply_text(
        ActionSeguimiento(),
        "¿Y cuáles aparecen en la lista de 2020 que no estaban en esa?",
        "seguimiento",
        {"anio": "2020"},
        {"tema": "cifra:stl@2018", "cifra": "stl"},
    )
    assert said.startswith("5 estados figuran en la lista de STL del 14 de agosto de 2020")


def test_a_list_denied_after_the_scene_names_it_is_denied():
    said = reply_text(
        ActionBuscar(),
        "Cruce STL vs PAL con los datos de agosto 2020: ¿qué estados tienen Secretariado Técnico Local pero "
        "no aparecen en la lista de Planes de Acción Local publicados?",
        "nlu_fallback",
    )
    assert said.startswith("7 estados figuran en la lista de STL y no figuran en la lista de PAL")


def test_the_list_the_scene_names_is_the_one_the_question_compares():
    said = reply_text(
        ActionBuscar(),
        "Crucé la lista de STL del comunicado de enero de 2018 con la de agosto de 2020. ¿Qué estados "
        "aparecen en 2020 que no estaban en 2018? Dame cuántos y cuáles.",
        "nlu_fallback",
    )
    assert (
        "5 estados figuran en la lista de STL del 14 de agosto de 2020 (21 estados) y no en la del 2 de"
        in said
    )


def test_a_share_of_the_states_taking_part_is_of_the_30_and_its_source_can_be_asked():
    events, messages = run(
        ActionCifras(), turn("Entonces, ¿qué porcentaje de los estados participantes tiene STL?", "cifras")
    )
    assert texts(messages)[0].endswith(
        "de 30 estados participantes (según el comunicado INAI/265/19, 14 de agosto de 2020): 70 %."
    )
    topic = next(e["value"] for e in events if e.get("name") == "tema")
    said = reply_text(
        ActionSeguimiento(), "¿De qué comunicado sale ese dato?", "seguimiento", slots={"tema": topic}
    )
    assert "INAI/265/19, 14 de agosto de 2020" in said


def test_who_put_out_the_recommendations_is_the_commission():
    said = reply_text(
        ActionRecomendacion(),
        "quien saco las recomendaciones de gobierno abierto por lo del covid? fue el inai?",
        "recomendacion",
    )
    assert said.startswith(
        "Las 4 recomendaciones las aprobó la Comisión de Gobierno Abierto y de Transparencia"
    )


def test_whom_to_write_to_is_advice_whatever_intent_nlu_gave_it():
    said = reply_text(
        ActionPrivacidad(),
        "va, y si mi ong quiere meterse a eso a quien le escribimos?",
        "privacidad",
        slots={"tema": "definicion:pal"},
    )
    assert said.startswith("Los documentos remiten a:")
    assert "Aviso de privacidad" not in said


def test_the_boss_in_slang_is_a_name_the_documents_do_not_give():
    said = reply_text(
        ActionBuscar(),
        "como se llama el mero mero de la direccion general de gobierno abierto y transparencia del inai?",
        "nlu_fallback",
    )
    assert said.startswith("Los documentos no mencionan los nombres de las personas")


def test_one_figure_against_another_year_is_their_change():
    said = reply_text(
        ActionCifras(),
        "Planes de Acción Local: cifra de 2018 contra cifra de 2020, con fechas por favor.",
        "cifras",
    )
    assert said.startswith("De 10 Planes de Acción Local (PAL)")
    assert "a 21 Planes de Acción Local (PAL)" in said


def test_the_newest_reach_in_numbers_gives_every_figure_named():
    said = reply_text(
        ActionCifras(),
        "Para actualizar mis diapositivas: ¿cuál es el alcance más reciente de la iniciativa en número de "
        "estados participantes, Secretariados Técnicos Locales, planes de acción y compromisos?",
        "cifras",
    )
    assert "30 estados participantes" in said and "140 compromisos" in said


def test_money_in_slang_is_the_budget_the_documents_do_not_give():
    said = reply_text(
        ActionBuscar(),
        "y cuanta lana le metieron a la iniciativa? el presupuesto pues, no se vale hacerse el que no oye",
        "nlu_fallback",
    )
    assert said.startswith("Los documentos no mencionan el presupuesto")


def test_where_to_look_a_guide_up_is_its_link():
    said = reply_text(
        ActionSeguimiento(),
        "¿Y dónde la puedo consultar actualmente?",
        "seguimiento",
        slots={"tema": "guia:guia-transparencia-proactiva"},
    )
    assert "micrositios.inai.org.mx" in said and "extingui" in said


def test_a_count_and_the_states_asked_together_is_the_list():
    said = reply_text(
        ActionCifras(),
        "¿Y en enero de 2018 cuántos Planes de Acción Local había publicados y en qué estados?",
        "cifras",
        {"anio": "2018"},
    )
    assert said.startswith("Al 2 de enero de 2018 se habían publicado 10 Planes de Acción Local (PAL) en 10")
    assert "San Luis Potosí" in said


def test_which_lack_a_list_right_after_the_states_of_a_year_are_of_that_year():
    said = reply_text(
        ActionBuscar(), "y cuales se quedaron sin STL?", "nlu_fallback", slots={"tema": "ingreso:2016"}
    )
    assert said.startswith("3 estados no figuran en la lista de STL y se sumaron a la iniciativa en 2016")


def test_which_lack_the_list_just_filtered_on_are_the_rest_of_the_group():
    said = reply_text(
        ActionBuscar(),
        "y cuales se quedaron sin STL, chiflando en la loma?",
        "nlu_fallback",
        slots={"tema": "consulta:y de esos cuales ya tienen su STL se sumaron a la iniciativa en 2016"},
    )
    assert said.startswith("3 estados no figuran en la lista de STL y se sumaron a la iniciativa en 2016")


def test_states_quoted_from_a_list_before_asking_what_was_added_are_that_list():
    said = reply_text(
        ActionEstado(),
        "Leí que en 2018 había Planes de Acción Local en “Morelos, Durango, Veracruz, Oaxaca, Tlaxcala, "
        "Coahuila, Zacatecas, Jalisco, San Luis Potosí y Campeche”. ¿Qué estados se agregaron a esa lista "
        "para 2020?",
        "estado_situacion",
        {"estado": "Morelos"},
        {"estado": "Morelos"},
    )
    assert (
        "4 estados figuran en la lista de PAL del 14 de agosto de 2020 (14 estados) "
        "y no en la del 2 de enero de 2018 (10)" in said
    )


def test_a_state_said_in_passing_does_not_take_the_topic_of_the_advice_asked():
    events, _ = run(
        ActionEstado(),
        turn(
            "mi nieto quiere pedir asesoria pa aser que yucatan entre, con quien le habla?",
            "estado_situacion",
            {"estado": "Yucatán"},
            {"estado": "Yucatán"},
        ),
    )
    topics = [e["value"] for e in events if e.get("name") == "tema"]
    assert topics == ["contacto:inai"]


def test_how_many_more_after_a_figure_of_two_years_is_the_change():
    said = reply_text(
        ActionCifras(),
        "¿Cuántos compromisos más son, en números absolutos?",
        "cifras",
        slots={"tema": "cifra:compromisos@2020", "cifra": "compromisos"},
    )
    assert said.startswith("De 62 compromisos de Gobierno Abierto")
    assert "78 más" in said


def test_how_many_of_those_compromisos_a_state_has_is_given_for_the_country_only():
    said = reply_text(
        ActionEstado(),
        "Y DE ESOS CUANTOS SON DE AQUI DE COAHUILA",
        "estado_situacion",
        {"estado": "Coahuila"},
        {"estado": "Coahuila", "tema": "cifra:compromisos"},
    )
    assert "Los documentos no dan la cifra de compromisos de Gobierno Abierto de Coahuila" in said


def test_a_count_named_with_the_initiatives_name_is_the_figure_not_the_definition():
    said = reply_text(
        ActionDefinicion(),
        "Para el marco de mi artículo: ¿cuántos compromisos de gobierno abierto suma hoy la iniciativa "
        "Cocreación desde lo local?",
        "que_es_iniciativa",
    )
    assert said.startswith("140 compromisos de Gobierno Abierto, según el comunicado INAI/265/19")


def test_a_state_asked_of_a_year_after_the_documents_is_told_the_newest_list():
    said = reply_text(
        ActionEstado(),
        "¿cuantos planes de accion lleva baja california sur en 2024?",
        "estado_situacion",
        {"estado": "Baja California Sur", "anio": "2024"},
        {"estado": "Baja California Sur"},
    )
    assert said.startswith("Los documentos no tienen listas de 2024; la más reciente es de agosto de 2020.")


def test_the_size_of_something_is_a_count_of_each_figure_named():
    said = reply_text(
        ActionCifras(),
        "¿Qué tamaño tenía el ecosistema de stakeholders en marzo de 2018? Me interesan autoridades, "
        "organismos garantes y organizaciones de la sociedad civil.",
        "cifras",
        {"anio": "2018"},
    )
    assert "80 autoridades, 26 organismos garantes y más de 120 organizaciones" in said


def test_whether_the_initiative_is_still_alive_is_what_became_of_inai():
    said = reply_text(
        ActionBuscar(),
        "Una duda sincera, la iniciativa cocreacion desde lo local sigue viva o ya se acabo?",
        "nlu_fallback",
    )
    assert said.startswith("Los documentos de la iniciativa son de 2018 y 2020.")
    assert "extinción del INAI" in said


def test_how_to_challenge_a_fine_is_legal_advice():
    said = reply_text(
        ActionBuscar(),
        "Al ayuntamiento le pusieron una multa por no contestar una solicitud de informacion, como la "
        "impugnamos?",
        "nlu_fallback",
    )
    assert said.startswith("Eso está fuera de lo que puedo responder")
