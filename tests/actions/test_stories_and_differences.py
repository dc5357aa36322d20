"""Questions of kinds the sets of the twenty-fifth pass of issue 11 found misread: a long story told before
the question; the difference between a figure's two dates, in numbers and in per cent; a denial far from
the list it denies («…pero no figuraban entre las que habían publicado un plan», «ni un solo plan»); the
count of a list asked after it; acronyms of the glossary («las siglas STL y PAL»); a month that dates one
document, and a number its date; the plans nobody reported and the Cumbre's agreements; a joke left
behind; legal advice declined in so many words; an ordinal of a list; short follow-ups in new words (with
emoji). Each asserts what a person reads."""

from __future__ import annotations

import pytest

from actions.figures import ActionCifras
from actions.followup import ActionSeguimiento
from actions.search import ActionBuscar
from actions.states import ActionEstado, ActionListaEstados

from .trackers import reply_text

pytestmark = pytest.mark.usefixtures("actions_index")


def test_two_dates_of_one_figure_come_with_their_difference():
    said = reply_text(
        ActionCifras(),
        "¿Cuántos compromisos había en el comunicado de enero de 2018 y cuántos en el de agosto de 2020?",
        "cifras",
    )
    assert "62" in said and "140" in said and "Diferencia: 78 más." in said


def test_the_change_of_a_list_comes_in_per_cent_when_asked():
    said = reply_text(
        ActionCifras(),
        "Necesito el comparativo de Secretariados Técnicos Locales, enero 2018 contra agosto 2020: "
        "diferencia, variación porcentual y qué estados aparecen por primera vez.",
        "cifras",
    )
    assert "5 más (+31.25 %)" in said and "Colima" in said


def test_a_later_part_that_asks_how_many_more_takes_the_dates_of_the_first():
    said = reply_text(
        ActionBuscar(),
        "Entre el comunicado INAI/002/18 y el de agosto de 2020, ¿en qué porcentaje crecieron los Planes de "
        "Acción Local y cuántos compromisos más hay en números absolutos?",
        "nlu_fallback",
    )
    assert "+110 %" in said and "De 62 compromisos" in said and "78 más" in said


@pytest.mark.parametrize(
    "question",
    [
        "¿Qué entidades contaban con Secretariado Técnico Local en agosto de 2020 pero no figuraban entre "
        "las que habían publicado un Plan de Acción Local?",
        "¿y cuáles tienen su secretariado instalado pero todavía ni un solo plan?",
    ],
)
def test_a_denied_list_is_denied_however_far_the_denial(question):
    said = reply_text(ActionBuscar(), question, "nlu_fallback")
    assert said.startswith("7 estados figuran en la lista de STL y no figuran en la lista de PAL")
    assert "Campeche" not in said


def test_a_story_before_the_question_is_not_asked():
    said = reply_text(
        ActionListaEstados(),
        "Fíjese que mi comadre se fue a vivir a Cancún con su hija, allá hace mucho calor pero ella feliz "
        "con el mar, y el otro día por teléfono me preguntó si allá también tienen esto del gobierno "
        "abierto que yo tanto le platico. Le dije que no sabía pero que le iba a preguntar a usted: "
        "¿cuáles estados se sumaron a la iniciativa en 2017?",
        "estados_por_anio",
        {"anio": "2017"},
    )
    assert "Quintana Roo" in said and "Guanajuato" in said and "Contactos" not in said


def test_a_story_stays_when_the_question_names_nothing():
    said = reply_text(
        ActionBuscar(),
        "Hace tiempo leí una nota sobre esta iniciativa y quisiera que me explicara cómo ha cambiado desde "
        "2018 el número de Secretariados Técnicos Locales y el de planes de acción publicados, porque en mi "
        "escuela nadie sabe bien cómo va eso y yo quiero llevarles el dato. ¿Ha crecido mucho?",
        "nlu_fallback",
    )
    assert "16" in said and "10" in said and "21" in said


def test_states_of_a_year_joined_in_a_long_message_are_listed_not_counted():
    said = reply_text(
        ActionListaEstados(),
        "Yo me acuerdo que en 2015 andábamos todos los maestros con lo de la evaluación y la reforma y ni me "
        "enteré de nada de esto, imagínese usted cómo estaba la escuela. De los estados que entraron desde "
        "ese 2015, ¿cuáles todavía no tienen Secretariado Técnico Local según los datos más recientes?",
        "estados_por_anio",
        {"anio": "2015"},
    )
    assert "Chiapas y Hidalgo" in said and "30 estados participantes" not in said


def test_a_list_asked_with_how_many_it_holds_is_the_list():
    said = reply_text(
        ActionCifras(),
        "¿Qué estados ya tienen su Secretariado Técnico Local pero todavía no aparecen con ningún Plan de "
        "Acción Local publicado? y ¿cuántos son en total?",
        "cifras",
    )
    assert said.startswith("7 estados figuran en la lista de STL y no figuran en la lista de PAL")


def test_how_many_those_are_after_a_list_counts_that_list():
    said = reply_text(
        ActionCifras(),
        "y o sea cuántos estados son en total esos? nomás el número",
        "cifras",
        slots={"tema": "consulta:¿Qué estados tienen 2 planes de acción local publicados en 2020?"},
    )
    assert said.startswith("7 estados tienen 2 Planes de Acción Local (PAL)") and "30 estados" not in said


@pytest.mark.parametrize(
    "question",
    [
        "En mi hoja tengo columnas STL y PAL. ¿Qué significan esas siglas en los comunicados del INAI?",
        "Le solicito precisar el significado de las siglas STL y PAL, tal como se emplean en los "
        "comunicados de la iniciativa.",
    ],
)
def test_the_glossary_acronyms_asked_get_their_definitions(question):
    said = reply_text(ActionBuscar(), question, "nlu_fallback")
    assert said.startswith("Secretariado Técnico Local (STL)") and "Plan de Acción Local (PAL):" in said
    assert (
        "INAI quiere decir" not in said
        and "14 estados" not in said
        and "Cocreación desde lo Local:" not in said
    )


@pytest.mark.parametrize(
    "question",
    [
        "Según el módulo, ¿con qué organización ideó el INAI el proyecto? son unas siglas",
        "cuál es la capital de australia jaja no ya en serio: con quién ideó el INAI el proyecto de "
        "cocreación desde lo local?",
    ],
)
def test_the_question_is_what_comes_after_an_aside(question):
    said = reply_text(ActionBuscar(), question, "nlu_fallback")
    assert "COMAIP" in said and "INAI quiere decir" not in said


def test_a_month_alone_dates_the_one_document_of_that_month():
    said = reply_text(
        ActionSeguimiento(),
        "¿y en el de marzo?",
        "seguimiento",
        slots={"tema": "cifra:osc@2018", "cifra": "osc"},
    )
    assert "27 de marzo de 2018" in said and "120" in said


def test_plans_nobody_reported_are_said_missing_of_a_state():
    said = reply_text(
        ActionSeguimiento(),
        "y hay alguna fecha prevista para que se instale acá?",
        "seguimiento",
        slots={"tema": "estado:Chiapas", "estado": "Chiapas"},
    )
    assert said.startswith("Los documentos no mencionan fechas previstas")


def test_the_cumbre_agreements_asked_with_states_are_said_missing():
    said = reply_text(
        ActionCifras(),
        "¿Qué se acordó al final en la Cumbre de Gobierno Abierto de abril de 2018? ¿salió alguna agenda "
        "para los estados del sur?",
        "cifras",
    )
    assert said.startswith("Los documentos no mencionan las conclusiones") and "26 estados" not in said


def test_a_count_asked_plainly_after_a_figure_is_its_change():
    said = reply_text(
        ActionSeguimiento(),
        "Explíquemelo de forma sencilla para una tarjeta informativa: ¿en cuántos planes aumentó la cifra "
        "entre ambos comunicados?",
        "seguimiento",
        slots={"tema": "cifra:pal@2020", "cifra": "pal"},
    )
    assert "11 más" in said and "en palabras sencillas" not in said


@pytest.mark.parametrize(
    ("question", "said_change"),
    [
        (
            "Un tuit asegura que entre enero de 2018 y agosto de 2020 se duplicaron los Planes de Acción "
            "Local. ¿cuadran los números?",
            "11 más",
        ),
        (
            "Circula un meme: «en dos años se triplicaron los compromisos». ¿De cuántos a cuántos pasaron?",
            "78 más",
        ),
        (
            "¿y cuántos compromisos más son de una fecha a la otra? ya no hago las cuentas tan rápido",
            "78 más",
        ),
    ],
)
def test_a_claimed_growth_is_checked_with_the_change(question, said_change):
    assert said_change in reply_text(ActionCifras(), question, "cifras")


def test_a_third_part_asking_the_difference_is_the_difference():
    said = reply_text(
        ActionCifras(),
        "¿Cuántos compromisos había en 2018 y cuántos en 2020? ¿y de cuánto fue el aumento?",
        "cifras",
    )
    assert said.count("62 compromisos") == 1 and "Diferencia: 78 más." in said


def test_the_difference_between_the_two_after_a_figure_over_time():
    said = reply_text(
        ActionBuscar(),
        "va, ¿y cuál es la diferencia absoluta entre los dos?",
        "nlu_fallback",
        slots={"tema": "cifra:compromisos@historia", "cifra": "compromisos"},
    )
    assert "78 más" in said


def test_legal_advice_declined_in_so_many_words_is_not_asked():
    said = reply_text(
        ActionBuscar(),
        "¿los estados están obligados a entrar o es voluntario? no quiero asesoría legal, nomás lo que dicen "
        "los documentos",
        "nlu_fallback",
    )
    assert "voluntaria" in said and "fuera de lo que puedo responder" not in said


def test_a_list_asked_plainly_after_a_count_is_the_list_of_that_date():
    said = reply_text(
        ActionSeguimiento(),
        "Explíqueme fácil: de esos, ¿cuáles todavía no tenían plan de acción publicado?",
        "seguimiento",
        slots={"tema": "cifra:stl@2018", "cifra": "stl"},
    )
    assert all(name in said for name in ("Sonora", "Sinaloa", "Tabasco")) and "palabras sencillas" not in said


@pytest.mark.parametrize(
    ("question", "topic", "said"),
    [
        ("¿y planes publicados en esas mismas dos fechas?", "cifra:stl@2020", "10 Planes de Acción Local"),
        ("y en el 2016 cuáles 🤔", "ingreso:2017", "En 2016 se sumaron 10 estados"),
        ("¿Cuántos Secretariados Técnicos Locales consigna ese?", "documento:inai-002-18", "16"),
    ],
)
def test_short_follow_ups_in_new_words(question, topic, said):
    assert said in reply_text(ActionSeguimiento(), question, "seguimiento", slots={"tema": topic})


def test_where_inais_functions_went_is_told():
    said = reply_text(
        ActionBuscar(), "ya pues, sin opinar: ¿a dónde se fueron sus funciones?", "nlu_fallback"
    )
    assert "extinguió" in said


def test_a_document_named_by_number_dates_the_change_asked():
    said = reply_text(
        ActionCifras(),
        "¿Cuántos Secretariados Técnicos Locales se instalaron entre el comunicado INAI/002/18 y el de "
        "agosto de 2020? Deme las dos cifras.",
        "cifras",
    )
    assert "De 16 Secretariados Técnicos Locales" in said and "5 más" in said


def test_an_ordinal_of_a_list_is_no_recommendation():
    said = reply_text(
        ActionSeguimiento(),
        "¿Cuáles aparecen en esa segunda lista que no estaban en la primera?",
        "seguimiento",
        slots={"tema": "cifra:stl@2020", "cifra": "stl"},
    )
    assert "Recomendación" not in said and "Colima" in said


def test_how_many_states_meet_a_denied_list_is_the_list_counted():
    said = reply_text(
        ActionCifras(),
        "Con corte a agosto 2020: ¿cuántos estados tienen STL instalado pero ningún Plan de Acción Local "
        "publicado? Deme el conteo y la lista.",
        "cifras",
    )
    assert said.startswith("7 estados figuran en la lista de STL y no figuran en la lista de PAL")


def test_the_states_with_plans_at_two_dates_are_each_counted():
    said = reply_text(
        ActionCifras(),
        "¿En cuántos estados distintos se habían publicado Planes de Acción Local a principios de 2018, y en "
        "cuántos estados distintos en agosto de 2020?",
        "cifras",
    )
    assert "en 10 estados" in said and "en 14 estados" in said


def test_who_sits_on_a_states_secretariado_is_not_given():
    said = reply_text(
        ActionEstado(),
        "¿quiénes son los que están en el secretariado de Michoacán? nombres pues, pa ir a buscarlos",
        "estado_situacion",
        {"estado": "Michoacán"},
    )
    assert said.startswith("Los documentos no nombran a quienes integran el Secretariado Técnico Local")


def test_a_term_asked_of_the_document_that_defines_it():
    said = reply_text(
        ActionBuscar(),
        "En el comunicado INAI/083/18 mencionan un compromiso común a varios estados. ¿Cuál es y de qué "
        "trata?",
        "consulta",
    )
    assert said.startswith("Follow the Money (Sigue el Dinero)")


def test_how_many_more_than_before_after_an_earlier_figure_is_the_change():
    said = reply_text(
        ActionSeguimiento(),
        "¿Y en agosto de 2020 cuántos compromisos eran? ¿cuántos más que antes?",
        "seguimiento",
        slots={"tema": "cifra:compromisos@2018", "cifra": "compromisos"},
    )
    assert "De 62 compromisos" in said and "78 más" in said


def test_the_states_new_to_the_list_since_a_year_named_after_the_newest_figure():
    said = reply_text(
        ActionSeguimiento(),
        "¿Cuáles son los estados que están en la lista nueva pero no estaban en la de 2018?",
        "seguimiento",
        slots={"tema": "cifra:stl@2020", "cifra": "stl"},
    )
    assert said.startswith(
        "5 estados figuran en la lista de STL del 14 de agosto de 2020 (21 estados) y no en"
    )


def test_the_one_before_a_recommendation_in_new_words():
    said = reply_text(
        ActionSeguimiento(), "¿y la que va antes de esa?", "seguimiento", slots={"tema": "recomendacion:4"}
    )
    assert said.startswith("Recomendación tercera de 4")


def test_which_other_states_also_have_two_plans():
    said = reply_text(
        ActionBuscar(),
        "Jalisco tiene 2 planes de acción según el comunicado de 2020. ¿Qué otros estados tienen también "
        "dos?",
        "consulta",
    )
    assert said.startswith("7 estados tienen 2 Planes de Acción Local (PAL)")


def test_a_definition_asked_beside_a_lawsuit_mentioned_is_no_legal_advice():
    said = reply_text(
        ActionBuscar(),
        "¿qué es un Secretariado Técnico Local según los documentos? La definición de ellos, no la que yo le "
        "pondría en una demanda.",
        "consulta",
    )
    assert said.startswith("Secretariado Técnico Local (STL):")


def test_how_the_module_defines_a_term_word_for_word_is_its_definition():
    said = reply_text(
        ActionBuscar(),
        "¿Cómo define textualmente el módulo de capacitación (Módulo 2 Sesión 3) al Secretariado Técnico "
        "Local? Necesito la redacción exacta.",
        "consulta",
    )
    assert "instancia máxima de diálogo" in said
