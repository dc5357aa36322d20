"""Replies from the documents as a person reads them: the answering sentence first, quoted, with its source
and date; or, when the documents do not say, an honest reply naming what they lack."""

from __future__ import annotations

import pytest

from answers.search import document_reply, not_found, retrieval_answer, sharper_quote

MODULE = (
    "Fuente: el material de formación «Módulo 2 Sesión 3: Iniciativa Gobierno Abierto: Cocreación desde lo "
    "Local», sin fecha."
)


@pytest.fixture(scope="module")
def reply(kb, searcher):
    def ask(text: str) -> tuple[str, bool]:
        found = document_reply(kb, searcher, text)
        return found.text, found.answered

    return ask


def test_a_yes_no_question_leads_with_the_sentence_that_answers_it(reply):
    text, found = reply("¿la iniciativa es voluntaria?")
    assert found and text.startswith("«A pesar de ser una iniciativa voluntaria")
    quote, source, newer, *figures, newer_source = text.split("\n")
    assert quote.endswith("»") and source == MODULE
    # the quote's figures (26 estados, 16 STL…) are old: the newest follow, one a line, with their source
    assert newer == "Esas cifras son anteriores. Las más recientes:"
    assert figures[0] == "• 30 estados participantes" and all(f.startswith("• ") for f in figures)
    assert newer_source == "Fuente: el comunicado INAI/265/19, 14 de agosto de 2020."


def test_the_sentence_not_the_whole_paragraph(reply):
    text, found = reply("¿qué herramientas ofrece el INAI a los participantes?")
    assert found and text.startswith("«El INAI ofrece a los participantes")
    assert "herramientas de acompañamiento y asesoría técnica de manera remota" in text
    # INAI's advice is offered: the dated note on INAI follows the source, once
    assert "Fuente: el comunicado INAI/265/19, 14 de agosto de 2020.\nNota: el INAI se extinguió" in text
    assert text.count("Nota: el INAI se extinguió") == 1
    assert "exhorta a participar" not in text  # the neighbouring paragraph is not shown


def test_a_short_answer_is_quoted_with_its_source(reply):
    text, found = reply("cuanto dura la sesion del modulo")
    assert found and text == f"«Duración: 79 minutos.»\n{MODULE}"


def test_a_passage_made_from_the_facts_is_not_put_in_quotes(reply):
    text, found = reply("jalisco tiene stl?")
    assert found and text.startswith("Jalisco (JAL), según el comunicado INAI/265/19")
    assert "«" not in text.split("\n")[0]


@pytest.mark.parametrize(
    "question, missing",
    [
        (
            "¿cuál fue el presupuesto en 2019?",
            "el presupuesto, el costo ni el financiamiento de la iniciativa",
        ),
        ("cuanto gana un comisionado", "sueldos, salarios ni pagos a quienes participan"),
        ("como se llama el titular de la direccion de gobierno abierto", "los nombres de las personas"),
        ("cuantas personas asistieron a la cumbre", "cuántas personas asistieron"),
        ("cuantos ciudadanos participaron en los planes", "cuántas personas asistieron, participaron"),
    ],
)
def test_what_the_documents_lack_is_named(reply, kb, question, missing):
    text, found = reply(question)
    assert not found and text.startswith(f"Los documentos no mencionan {missing}")
    assert "Puedo ayudarte con:" in text  # and it offers what it can answer


def test_the_budget_reply_never_quotes_the_footnotes_or_a_figure(reply):
    text, _ = reply("¿cuál fue el presupuesto en 2019?")
    assert "Disponible en" not in text and "30 estados" not in text


@pytest.mark.parametrize(
    "question",
    [
        "el inai tiene sindicato?",  # a thing no document mentions
        "cuantas osc hay en jalisco",  # a national figure does not answer for one state
        "cuantos compromisos tiene jalisco",  # the state's passages do not give it
        "cuando se sumo jalisco a la alianza para el gobierno abierto",  # joined the initiative, not OGP
        "cuantos actores locales habia en 2018",  # the only figure is of 2020
    ],
)
def test_an_unrelated_passage_is_never_an_answer(reply, kb, question):
    text, found = reply(question)
    assert not found and text == not_found(kb)


def test_off_topic_and_empty_messages_get_the_plain_not_found(kb, searcher):
    assert document_reply(kb, searcher, "receta de pozole") == (not_found(kb), False, None, None)
    assert document_reply(kb, searcher, "   ") == (not_found(kb), False, None, None)
    assert retrieval_answer(kb, searcher, "receta de pozole") is None


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("a que evento convoco el inai", "«A fin de hacer un balance"),  # the Cumbre, not the dateline
        ("en q pagina es el registro al evento de la cumbre", "«Para mayor información sobre el programa"),
        ("es obligatorio sumarse o es voluntario?", "«A pesar de ser una iniciativa voluntaria"),
        # the letterhead (place, date, number, title in capitals) is not an answer
        ("a que convoco el inai en marzo de 2018", "«A fin de hacer un balance"),
        # the paragraph on the registration names «el evento»: the cumbre is named in the ones before it
        ("donde se registraba uno para la cumbre", "«Para mayor información sobre el programa"),
    ],
)
def test_answerable_questions_typed_loosely_are_answered(reply, question, start):
    text, found = reply(question)
    assert found and text.startswith(start), text


@pytest.mark.parametrize(
    "question",
    [
        "cuando se hizo el acuerdo entre el inai y la comaip",  # «cuándo» needs a date
        "cuantos lugares tiene la comision de gobierno abierto",  # the count must be of what is asked
        "la pagina del organo garante de sonora",  # a page needs a link: Sonora's passages have none
        "que dia se sumo tamaulipas",  # the date of the source a passage cites is not an answer
    ],
)
def test_what_a_question_asks_for_must_be_in_the_sentence(reply, question):
    text, found = reply(question)
    assert not found, text


def test_a_question_with_two_parts_is_answered_by_either(kb, searcher):
    from index.answering import Answerer

    answerer = Answerer(searcher)
    assert len(answerer._clauses("chihuahua cuando se unio y tiene pal?")) == 2
    assert len(answerer._clauses("cuando firmaron el inai y la comaip")) == 1


def test_a_detail_the_overview_lacks_is_answered_from_the_documents(kb, searcher):
    from answers.recommendations import all_recommendations_answer

    overview = all_recommendations_answer(kb)
    detail = sharper_quote(kb, searcher, "que virus causo la emergencia segun las recomendaciones", overview)
    assert detail is not None and "SARS-CoV-2" in detail and "Fuente:" in detail
    assert sharper_quote(kb, searcher, "cuales son las recomendaciones", overview) is None


def test_the_passage_holding_the_names_asked_wins_over_a_closer_sounding_one(reply):
    text, found = reply("que tan diversas son las agendas de los compromisos")
    assert found and "agendas muy diversas" in text, text


def test_a_word_before_a_number_is_a_name_not_a_verb(reply):
    text, found = reply("a quien va dirigido el modulo 2")  # «módulo» is also a form of «modular»
    assert found and "fellows" in text, text


def test_a_how_much_that_names_no_figure_is_not_answered_with_one(reply):
    text, found = reply("cuanto dura la sesion 3 del modulo 2")
    assert found and "79 minutos" in text and "participantes" not in text, text


def test_how_many_joined_is_the_newest_figure_not_an_old_sentence_or_one_years_list(reply):
    text, found = reply("cuantas entidades se han sumado a gobierno abierto")
    assert found and "30 estados" in text and "26 de las 32" not in text, text
    text, found = reply("cuantos estados habia en 2018")
    assert found and "26" in text and "en 2017" not in text, text


def test_whether_a_state_takes_part_is_answered_by_the_newest_source(reply):
    text, found = reply("colima participa?")  # not in the 2018 list of joining years; an STL in 2020
    assert found and "tiene Secretariado Técnico Local" in text and "2020" in text, text


def test_what_the_question_sets_aside_need_not_be_in_the_answer(reply):
    text, found = reply("ademas del ejecutivo q otros poderes le entran")
    assert found and "poderes Legislativo y Judicial" in text, text


def test_being_obliged_is_not_read_as_the_sujetos_obligados(reply):
    """«sujetos obligados» is one legal term: a question whether states are obliged to take part gets the
    sentence saying the initiative is voluntary, not one about the bodies the law binds."""
    text, found = reply("oiga y a los estados los obligan a entrarle?")
    assert found and text.startswith("«A pesar de ser una iniciativa voluntaria")


def test_a_quoted_answer_names_the_document_it_comes_from(kb, searcher):
    """The dialogue keeps it, so «¿de qué fecha es ese documento?» can be answered next."""
    found = document_reply(kb, searcher, "¿la iniciativa es voluntaria?")
    assert found.answered and found.source == "modulo-2-sesion-3"


def test_what_the_overview_leaves_unsaid_is_quoted_from_the_document_it_sums_up(kb, searcher):
    from answers.recommendations import all_recommendations_answer

    overview, within = all_recommendations_answer(kb), kb.recommendations.source
    asked = "con q fundamento legal saco la comision del snt esas recomendaciones"
    legal = sharper_quote(kb, searcher, asked, overview, within)
    assert legal is not None and "artículos 26" in legal and "Lineamientos" in legal
    assert sharper_quote(kb, searcher, asked, overview) is None  # without the source: the overview stays
    assert sharper_quote(kb, searcher, "dame las recomendaciones del snt porfa", overview, within) is None


def test_a_question_naming_a_document_is_answered_from_that_document(kb, searcher):
    asked = "que tan variados son los compromisos segun el material de formacion"
    found = document_reply(kb, searcher, asked)
    assert found.answered and found.source == "modulo-2-sesion-3", found.text


def test_a_long_message_is_answered_by_what_it_asks_not_by_how_it_sets_the_scene(reply):
    text, found = reply(
        "En el municipio nos interesa saber quiénes deben integrar un Secretariado Técnico Local, pues "
        "tendríamos que convocar formalmente a los participantes. ¿Qué sectores o actores lo conforman?"
    )
    assert found and "sociedad civil" in text and "organismo garante" in text


def test_a_two_part_question_no_one_sentence_answers_gets_each_part(reply):
    text, found = reply("¿Cuándo se celebró la Cumbre de Gobierno Abierto y en qué página me registraba?")
    assert found and "11 al 13 de abril" in text and "eventos.inai.org.mx/1racumbrenacional_ga" in text


def test_why_quotes_the_reason_after_the_sentence_that_states_it(reply):
    text, found = reply(
        "¿por qué los gobiernos estatales y municipales son espacios idóneos para el gobierno abierto?"
    )
    assert found and "proximidad" in text


def test_a_sentence_announcing_a_list_is_quoted_with_the_list(reply):
    text, found = reply("¿cuáles son los dos pasos de la mecánica de operación de la iniciativa?")
    assert found and "a saber:" in text
    assert (
        "1) La instalación de un Secretariado Técnico Local" in text and "2) La generación de un Plan" in text
    )


def test_a_question_about_the_document_just_quoted_is_asked_of_it(kb, searcher):
    asked = "En ese mismo comunicado se menciona un compromiso común entre varios planes. ¿Cuál era?"
    assert "Follow the Money" in document_reply(kb, searcher, asked, "inai-083-18").text


def test_an_adverb_is_no_word_the_documents_lack(reply):
    text, found = reply("¿En qué consiste exactamente el compromiso de seguir la pista del dinero?")
    assert found and "Follow the Money" in text


def test_a_follow_up_that_names_nothing_is_never_answered_from_another_document(kb, searcher):
    found = document_reply(kb, searcher, "¿Y cuándo iba a ser eso?", "inai-083-18")
    assert "mayo de 2020" not in found.text  # the recommendations' date answers nothing here
    # a follow-up that names what it asks is answered by the document that answers it best
    common = document_reply(
        kb, searcher, "¿y qué compromiso es común entre los estados?", "modulo-2-sesion-3"
    )
    assert "Follow the Money" in common.text
