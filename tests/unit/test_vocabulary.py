"""The domain's vocabulary: how messages as people type them are read (knowledge/vocabulary.yaml)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, ordinal",
    [
        ("q dice la 3a recomendacion", 3),
        ("la tercera", 3),
        ("y la 2da?", 2),
        ("la 1º", 1),
        ("CUARTA recomendación", 4),
        ("la quinta", 5),
        ("que dicen las recomendaciones", None),
        ("¿cuál de las cuatro pide documentar las actividades?", None),  # the whole group, not the fourth
        ("y la tercera de las cuatro?", 3),
        ("¿tenían que dejarlo por escrito pa que uno lo pudiera pedir?", None),  # «uno» is someone
        ("¿y la uno?", 1),
        ("Comparando ambas listas, ¿qué estados aparecen en la segunda que no estaban en la primera?", None),
    ],
)
def test_ordinals_as_people_write_them(kb, text, ordinal):
    assert kb.vocabulary.ordinal(text) == ordinal


@pytest.mark.parametrize(
    "text, aspect",
    [
        ("y cuantos planes tiene?", "pal"),
        ("tiene secretariado?", "stl"),
        ("cuándo se sumó", "ingreso"),
        ("en que año entro", "ingreso"),
        ("como va oaxaca", None),
        ("Colima aparece con STL en 2020. ¿En qué año se sumó?", "ingreso"),  # the question, not the scene
        ("cdmx tiene secretariado tecnico local o no?? y desde q año participa", None),  # both: the status
    ],
)
def test_what_part_of_a_state_a_message_asks_about(kb, text, aspect):
    assert kb.vocabulary.aspect(text) == aspect


def test_guides_are_named_by_their_words_without_accents(kb):
    assert kb.vocabulary.guide("guía de co creación") == "guia-cocreacion-compromisos-ii"
    assert kb.vocabulary.guide("la de transparencia proactiva") == "guia-transparencia-proactiva"
    assert kb.vocabulary.guide("que guias hay") is None


def test_history_and_the_past(kb):
    assert kb.vocabulary.asks_history("¿y antes?") and kb.vocabulary.asks_history("cómo ha cambiado")
    assert not kb.vocabulary.asks_history("cuantos stl hay")
    # a year is not history for a figure's answer, but older passages are welcome in retrieval
    assert not kb.vocabulary.asks_history("cuantos stl habia en 2018")
    assert not kb.vocabulary.asks_history("cuantos compromisos hay? solo el dato mas nuevo, sin la historia")


@pytest.mark.parametrize(
    "text, missing",
    [
        ("Necesito el nombre del comisionado que habló en el comunicado. ¿Quién fue?", "personas"),
        ("soy la encargada de transparencia, el presidente municipal me pidio ver si ya hay plan?", None),
        ("quien es la encargada del secretariado de sonora", "personas"),
        ("¿Qué comisionados o comisionadas firmaron las recomendaciones del 25 de mayo de 2020?", "personas"),
        (
            "Dame los nombres de las organizaciones civiles que están en el secretariado de Sonora.",
            "organizaciones",
        ),
        ("¿cuánto tiempo se tarda en publicar el plan después de instalar el secretariado?", "frecuencia"),
    ],
)
def test_what_the_question_asks_that_the_documents_lack(kb, text, missing):
    assert kb.vocabulary.missing(text) == missing


@pytest.mark.parametrize(
    "text, advice",
    [
        ("¿Y si mi ONG quiere asesoría, a quién le hablamos?", True),
        ("¿a quién le pido asesoría?", True),
        ("¿a quién le corresponde instalar el STL?", False),
    ],
)
def test_whom_to_turn_to(kb, text, advice):
    assert kb.vocabulary.asks_advice(text) == advice
    assert kb.vocabulary.asks_past("cuantos stl habia en 2018")


def test_plan_counts_and_absence(kb):
    assert kb.vocabulary.plan_count_of("que estados tienen dos planes") == 2
    assert kb.vocabulary.plan_count_of("quienes tienen 3 PAL") == 3
    assert kb.vocabulary.plan_count_of("quienes tienen planes") is None
    assert kb.vocabulary.asks_absence("que estados no tienen stl")
    assert not kb.vocabulary.asks_absence("que estados tienen stl")


def test_a_word_is_matched_whole(kb):
    assert kb.vocabulary.aspect("palabra") is None  # «pal» only as a word
    assert kb.vocabulary.ordinal("2018") is None  # a year is no ordinal


def test_only_the_question_of_a_message_asks_for_what_the_documents_lack(kb):
    introduced = "Le escribe el titular de transparencia de Coahuila. ¿Cuál es la situación de mi estado?"
    assert kb.vocabulary.missing(introduced) is None
    assert kb.vocabulary.missing("soy titular de transparencia, cuanto gana un comisionado?") == "sueldos"


@pytest.mark.parametrize(
    "text, spelled",
    [
        ("y eso d q comunicado sale", "y eso de que comunicado sale"),
        ("es obligatorio o es x gusto?", "es obligatorio o es por gusto?"),
        ("Y XQ NO", "Y por que NO"),
        ("q roo tiene pal?", "q roo tiene pal?"),  # a state's alias stays as typed
        ("Q. Roo y el D.F.", "Q. Roo y el D.F."),
        ("¿qué pasó en Querétaro?", "¿qué pasó en Querétaro?"),
    ],
)
def test_phone_shorthand_is_written_out(kb, text, spelled):
    assert kb.spelled_out(text) == spelled


@pytest.mark.parametrize(
    "text, spelled",
    [
        ("cuantos planez de accion ai", "cuantos planes de accion hay"),
        ("cuantos compromizos hay", "cuantos compromisos hay"),
        ("la planta de luz", "la planta de luz"),  # no word of the domain
        ("¿Michoacán tiene secretariado?", "¿Michoacán tiene secretariado?"),
    ],
)
def test_the_domain_words_are_spelt_right(kb, text, spelled):
    assert kb.spelled_out(text) == spelled


def test_every_ordinal_a_message_names_in_order(kb):
    assert kb.vocabulary.ordinals_named(
        "resúmeme la primera y la cuarta recomendación del 25 de mayo de 2020"
    ) == [1, 4]
    assert kb.vocabulary.ordinals_named("¿cuál de las cuatro habla de los ODS?") == []


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "buenos días otra vez y la siguiente qué dice muchas gracias Dios lo bendiga adiós",
            "y la siguiente qué dice",
        ),
        ("Buenas Tardes. Y La Que Sigue? Gracias", "Y La Que Sigue?"),
        ("¿cuántos STL hay? gracias", "¿cuántos STL hay?"),
        ("hola buenas tardes", "hola buenas tardes"),  # nothing else said: the greeting itself
    ],
)
def test_greetings_and_farewells_around_a_question_are_left_out(kb, text, asked):
    assert kb.vocabulary.without_courtesy(text) == asked


@pytest.mark.parametrize(
    "text, asked",
    [
        ("¿Y en 2015 cuántos fueron? ¿Seguro que no se le pasó alguno?", "¿Y en 2015 cuántos fueron?"),
        ("¿Cuántos STL hay? ¿O eran más?", "¿Cuántos STL hay?"),
        ("¿Seguro que Colima tiene STL?", "¿Seguro que Colima tiene STL?"),  # the one question asked
    ],
)
def test_a_last_question_that_only_doubts_is_left_out(kb, text, asked):
    assert kb.vocabulary.without_doubt(text) == asked


def test_years_said_in_words_as_a_range(kb):
    asked = "qué estados pusieron secretariado entre el dieciocho y el veinte"
    assert kb.with_years_written(asked) == "qué estados pusieron secretariado entre el 2018 y el 2020"
    assert kb.with_years_written("entre el 16 y el 21 hay 5") == "entre el 16 y el 21 hay 5"  # counts


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "tengo 2018 y 2020, me falta el punto de dic 2019: estados",
            "tengo  y , me falta el punto de dic 2019: estados",
        ),
        ("en 2018 no tengo nada", "en 2018 no tengo nada"),  # nothing said missing
        ("¿cuántos había en 2018 y en 2020?", "¿cuántos había en 2018 y en 2020?"),
    ],
)
def test_the_years_a_person_has_are_left_out_before_the_one_missing(kb, text, kept):
    assert kb.vocabulary.without_years_had(text) == kept


def test_an_earlier_question_of_the_message_can_ask_what_the_documents_lack(kb):
    asked = (
        "y cuantos municipios de Michoacan estan participando? zamora, uruapan, esos... estan adentro o no?"
    )
    assert kb.vocabulary.missing(asked) == "municipios"
    assert kb.vocabulary.missing("¿cuántos estados participan? ¿y cuántos planes?") is None


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        (
            "¿La Guía de Secretariados Técnicos Locales tiene ISBN o cuántas páginas tiene?",
            "ficha_de_las_guias",
        ),
        (
            "¿qué estados se pasaron por el arco las recomendaciones? dame la lista negra",
            "recomendaciones_seguimiento",
        ),
    ],
)
def test_more_of_what_the_documents_lack(kb, text, missing):
    assert kb.vocabulary.missing(text) == missing


def test_a_grade_asked_of_the_government_is_an_opinion(kb):
    assert kb.vocabulary.asks_opinion("neta, del 0 al 10 que calificacion le pones al gobierno federal?")
