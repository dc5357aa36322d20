"""The answer functions alone, without Rasa: what a person reads, computed from the knowledge base."""

from __future__ import annotations

import pytest

from answers.contacts import contacts_answer, inai_today_answer
from answers.definitions import guide_for, how_to_answer, steps_answer, terms_named, undefined_asked
from answers.figures import (
    compares_values,
    entities_source,
    enumerates_figures,
    figure_answer,
    figure_question_answer,
    metric_of,
    national_only,
    national_only_answer,
    percent_answer,
    said_by_answer,
    several_figures_answer,
)
from answers.guides import asked_guide, some_guides_answer
from answers.recommendations import about_answer, ordinal_of, recommendations_about, subject_of
from answers.search import DocumentReply, not_defined, not_found, search_unavailable
from answers.sources import asks_about_sources, source_answer, sources_named, time_between_answer
from answers.states import list_reply, participants_answer, status_in_year
from answers.wording import inai_note


def test_a_list_question_gets_the_list_it_asks_for(kb):
    newest_pal = kb.lists_of_kind("pal")[-1]
    two_plans = sorted(s.name for s, count in kb.members(newest_pal.id) if count == 2)
    reply = list_reply(kb, "pal", "que estados tienen dos planes")
    assert f"{len(two_plans)} estados tienen 2 Planes de Acción Local" in reply
    assert all(name in reply for name in two_plans)
    newest_stl = kb.lists_of_kind("stl")[-1]
    named = {s.id for s, _ in kb.members(newest_stl.id)}
    for question in ("q estados no tienen stl", "cuantas entidades no aparecen con secretariado tecnico"):
        absent = list_reply(kb, "stl", question)
        assert absent.startswith(f"{len(kb.states) - len(named)} estados no figuran")
        assert "no quiere decir que no participen" in absent  # not reported is not "no"
    assert f"Hay {newest_stl.total} Secretariados Técnicos Locales" in list_reply(
        kb, "stl", "cuales tienen stl"
    )


def test_a_list_of_a_past_year_is_that_years_list_and_before_the_first_it_says_so(kb):
    first = kb.lists_of_kind("stl")[0]
    in_2018 = list_reply(kb, "stl", "que estados tenian secretariado tecnico en enero de 2018", 2018)
    assert in_2018.startswith(f"Al 2 de enero de 2018 había {first.total} Secretariados")
    assert in_2018.endswith(f"Fuente: {kb.citation(first.source)}.")
    before = first.date.year - 2
    earlier = list_reply(kb, "stl", f"que estados tenian stl en {before}", before)
    missing = f"Los documentos no tienen una lista de Secretariados Técnicos Locales de {before}"
    assert earlier.startswith(missing)
    assert kb.citation(first.source) in earlier


def test_what_the_assistant_offers_counts_the_recommendations_it_knows(kb):
    count = len(kb.recommendations.items)
    assert f"las {count} recomendaciones del SNT" in not_found(kb)
    assert f"las {count} recomendaciones del SNT" in search_unavailable(kb)


def test_inai_today_dates_the_documents_from_their_sources(kb):
    years = sorted({s.date.year for s in kb.sources.values() if s.date})
    assert inai_today_answer(kb).startswith(
        f"Los documentos de la iniciativa son de {years[0]} y {years[-1]}."
    )


def test_an_ordinal_entity_wins_over_the_words_of_the_message(kb):
    assert ordinal_of(kb, "4", "la primera y la cuarta") == 4
    assert ordinal_of(kb, None, "y la tercera?") == 3
    assert ordinal_of(kb, None, "las recomendaciones") is None


def test_a_change_since_a_year_gives_both_figures_and_the_difference_computed(kb):
    newest, first = kb.history("stl")[-1], kb.history("stl")[0]
    answer = figure_question_answer(kb, "cuantos stl mas que en 2018")
    assert answer is not None and f"{newest.value - first.value} más" in answer
    assert kb.citation(first.source) in answer and kb.citation(newest.source) in answer


def test_entidades_missing_says_how_many_and_that_the_documents_do_not_say_which(kb):
    participating = kb.latest("estados")
    answer = figure_question_answer(kb, "cuantas entidades faltan por sumarse")
    assert answer is not None
    assert f"participaban {participating.value} de las {len(kb.states)} entidades federativas" in answer
    assert f"faltaban {len(kb.states) - participating.value}" in answer
    assert "Los documentos no dicen cuáles" in answer


def test_how_many_entidades_in_all_is_not_the_number_taking_part(kb):
    answer = figure_question_answer(kb, "cuantas entidades hay en total")
    assert answer is not None and answer.startswith(f"México tiene {len(kb.states)} entidades federativas")
    assert kb.citation(entities_source(kb)) in answer


def test_plain_figure_questions_are_left_to_the_figure_answer(kb):
    for question in ("cuantos stl hay", "cuantos pal habia en 2018", "hay mas de 100 osc?", "y antes?"):
        assert figure_question_answer(kb, question) is None, question


def test_the_last_recommendation_is_the_last_the_knowledge_holds(kb):
    assert ordinal_of(kb, None, "ultima recomendacion del snt") == len(kb.recommendations.items)


def test_new_since_a_year_is_a_change(kb):
    newest, first = kb.history("compromisos")[-1], kb.history("compromisos")[0]
    answer = figure_question_answer(kb, "cuantos compromisos nuevos hubo desde 2018?")
    assert answer is not None and f"{newest.value - first.value} más" in answer


@pytest.mark.parametrize(
    "question, ordinals",
    [
        ("que recomendaciones hablan de los objetivos de desarrollo sostenible", [1, 4]),
        ("en cual se exhorta a documentar las actividades", [2]),
        ("cual habla de empleo", [3]),
        ("cual recomendacion habla del clima", []),
        ("cual habla de los ods", [1, 4]),  # an alias, spelt out
        ("existe alguna recomendacion que toque lo de los empleos", [3]),
        ("cual habla de datos abiertos", []),  # «abiertos» is not a subject: «gobierno abierto» is in all
        ("cual habla de empleo para mujeres", None),  # a partial match proves no absence: never «ninguna»
        ("cual es la mas importante", None),
        ("cual es la siguiente", None),
    ],
)
def test_recommendations_are_found_by_what_they_treat(kb, question, ordinals):
    assert recommendations_about(kb, question) == ordinals


def test_none_of_the_recommendations_is_said_plainly(kb):
    assert about_answer(kb, []).startswith(
        "Los documentos no lo dicen: ninguna de las 4 recomendaciones habla de ese tema."
    )
    asked = "¿Qué recomendación habla de la participación de las mujeres?"
    named = about_answer(kb, [], subject_of(kb, asked))
    assert named.startswith(
        "Los documentos no lo dicen: ninguna de las 4 recomendaciones habla de «participación de las "
        "mujeres»."
    )
    both = about_answer(kb, [1, 4])
    assert both.startswith("Lo tratan las recomendaciones primera y cuarta (de 4)")
    assert both.count("Fuente:") == 1


def test_one_plan_only_is_asked_with_solo(kb):
    assert "tienen 1 Plan de Acción Local (PAL) publicado:\n• Chihuahua" in list_reply(
        kb, "pal", "cuales tienen un solo plan"
    )
    assert "Campeche" not in list_reply(kb, "pal", "cuales tienen un solo plan")
    assert "en 14 estados" in list_reply(kb, "pal", "que estados tienen un plan")


def test_a_count_given_only_for_the_country_is_not_given_for_a_state(kb):
    metric = national_only(kb, "cuantos compromisos tiene el plan de jalisco")
    assert metric == "compromisos"
    reply = national_only_answer(kb, metric, "Jalisco")
    assert reply.startswith("Los documentos no dan la cifra de compromisos de Gobierno Abierto de Jalisco")
    assert "140 compromisos" in reply
    assert national_only(kb, "cuantos planes tiene jalisco") is None


def test_two_guides_asked_together_share_one_source_line_and_one_note(kb):
    guides = [g for g in kb.guides if g.id in ("guia-stl", "guia-transparencia-proactiva")]
    reply = some_guides_answer(kb, guides)
    assert "guiastl.pdf" in reply and "GUIA_TP_2020" in reply
    assert reply.count("Fuente") == 1 and reply.count(inai_note(kb)) == 1


def test_two_terms_asked_together_are_both_named(kb):
    assert terms_named(kb, "que es un stl y que es un pal") == ["stl", "pal"]


def test_the_entidades_missing_at_a_past_date_use_that_dates_figure(kb):
    reply = figure_question_answer(kb, "y en marzo de 2018 cuantas entidades faltaban")
    assert reply.startswith("Al 27 de marzo de 2018 participaban 26 de las 32")
    assert "faltaban 6" in reply and reply.count("INAI/083/18") == 1
    assert reply.endswith("Fuente: el comunicado INAI/083/18, 27 de marzo de 2018.")
    assert "faltaban 2" in figure_question_answer(kb, "ya participan todos los estados del pais?")


def test_a_change_since_a_month_starts_from_that_months_figure(kb):
    reply = figure_question_answer(kb, "cuantos estados mas participan ahora que en marzo de 2018")
    assert reply.startswith(
        "De 26 estados participantes (según el comunicado INAI/083/18, 27 de marzo de 2018)"
    )


def test_how_many_joined_in_a_year_is_the_count_of_that_years_list(kb):
    joined = [s.name for s in kb.states if s.joined and s.joined.year == 2016]
    reply = figure_question_answer(kb, "cuantos estados se sumaron en 2016")
    assert reply is not None and f"En 2016 se sumaron {len(joined)} estados" in reply
    assert all(name in reply for name in joined)


def test_what_the_documents_lack_is_named_then_what_they_give_instead(kb):
    reply = not_found(kb, "partidos")
    assert reply.startswith("Los documentos no mencionan partidos políticos. Lo que sí dicen:")
    assert kb.term("iniciativa").definitions[0].quote in reply


def test_a_part_of_a_figure_is_not_answered_with_the_whole(kb):
    from answers.figures import breakdown_answer, breakdown_of

    part = breakdown_of(kb, "compromisos", "cuantos compromisos sobre covid se agregaron a los planes")
    assert part == "compromisos sobre covid"
    reply = breakdown_answer(kb, "compromisos", part)
    assert reply.startswith("Los documentos no dicen cuántos compromisos sobre covid hay")
    assert not any(str(o.value) in reply for o in kb.history("compromisos"))
    assert breakdown_of(kb, "compromisos", "cuantos compromisos de gobierno abierto hay") is None
    assert breakdown_of(kb, "compromisos", "cuantos compromisos covid hay") == "compromisos covid"
    assert breakdown_of(kb, "compromisos", "y cuantos compromisos de salud") == "compromisos de salud"


def test_the_entidades_missing_in_2018_are_named_when_the_same_documents_name_the_26(kb):
    """In 2018 the documents name every state taking part (by the year it joined), so the ones missing
    are known; in August 2020 they are not, and the answer says the documents do not say which."""
    reply = figure_question_answer(kb, "que estados no aparecian como participantes en marzo de 2018")
    absent = [s.name for s in kb.states if not s.joined]
    assert reply is not None and f"faltaban {len(absent)}:\n• " in reply
    assert all(name in reply for name in absent) and "no dicen cuáles" not in reply
    assert "Los documentos no dicen cuáles" in figure_question_answer(kb, "que estados faltan por sumarse")


def test_how_to_build_a_plan_gives_the_definition_and_the_guide_for_it(kb):
    """«¿Cómo armo un PAL?» is answered with what a PAL is and the guide for putting one together, with
    its link and the dated note on INAI; the STL has its own guide; the initiative, none."""
    guide = guide_for(kb, "pal")
    assert guide is not None and guide.id == "guia-cocreacion-compromisos-ii"
    reply = how_to_answer(kb, "pal", guide)
    assert reply.startswith("Plan de Acción Local (PAL):") and str(guide.url) in reply and "2025" in reply
    assert guide_for(kb, "stl").id == "guia-stl" and guide_for(kb, "iniciativa") is None
    assert kb.vocabulary.asks_how_to("oiga y mi municipio que pasos sigue pa armar su plan")
    assert kb.vocabulary.asks_how_to("como le hacemos para conformar un secretariado")
    assert not kb.vocabulary.asks_how_to("como funciona un stl")  # what it is, not how to set one up
    assert kb.vocabulary.asks_how_to("dime cómo puede un estado sumarse a Cocreación desde lo local")
    assert not kb.vocabulary.asks_how_to("cuando se sumo jalisco")


@pytest.mark.parametrize(
    "question, plans, says",
    [
        ("cuantos estados ya van en su segundo plan", 2, "tienen 2 Planes"),
        ("cuantos estados nomas tienen un plan", 1, "tienen 1 Plan"),
    ],
)
def test_states_by_their_number_of_plans(kb, question, plans, says):
    newest = kb.lists_of_kind("pal")[-1]
    expected = {state.name for state, count in kb.members(newest.id) if count == plans}
    reply = figure_question_answer(kb, question)
    assert reply is not None and f"{len(expected)} estados {says}" in reply


def test_a_past_figure_and_now_asks_for_the_change_to_the_newest(kb):
    first, newest = kb.history("compromisos")[0], kb.history("compromisos")[-1]
    reply = figure_question_answer(kb, "en 2018 eran 62 compromisos y hoy en dia cuantos son")
    assert reply is not None and f"{newest.value - first.value} más" in reply
    assert kb.citation(first.source) in reply and kb.citation(newest.source) in reply


def test_the_states_no_document_names_are_listed_when_asked(kb):
    unnamed = [s.name for s in kb.states if not s.joined and not s.listed]
    reply = figure_question_answer(kb, "cuales entidades nunca aparecen en los documentos")
    assert reply is not None and all(name in reply for name in unnamed)


def test_a_count_of_something_no_figure_gives_is_not_answered_with_the_states(kb):
    """«¿cuántas ong participan?» is the OSC figure (an alias); «¿cuántas empresas participan?» counts
    nothing the documents give, so it is not answered «30 estados»."""
    assert metric_of(kb, "cuantas ong participan") == "osc"
    assert metric_of(kb, "cuantas empresas participan") is None
    assert metric_of(kb, "cuantos participan") == "estados"
    assert metric_of(kb, "cuantas entidades participan") == "estados"


def test_a_source_is_found_by_number_or_by_kind_and_date_and_described(kb):
    assert sources_named(kb, "que fecha tiene el comunicado 265/19") == ["inai-265-19"]
    assert sources_named(kb, "que numero tiene el comunicado de marzo de 2018") == ["inai-083-18"]
    assert asks_about_sources(kb, "y el material de formacion de cuando es")
    assert not asks_about_sources(kb, "de que fecha es la guia de stl")  # a guide, not a source
    module = source_answer(kb, "modulo-2-sesion-3")
    assert "sin fecha" in module and "26 estados participantes" in module  # its own figures, undated
    newest = source_answer(kb, "inai-265-19")
    assert "14 de agosto de 2020" in newest and "140 compromisos" in newest


def test_a_two_part_question_on_the_module_gets_what_it_says_of_itself(kb):
    text = "voy a impartir el modulo 2 sesion 3, cuanto dura y a quien esta dirigido?"
    assert sources_named(kb, text) == ["modulo-2-sesion-3"] and asks_about_sources(kb, text)
    module = source_answer(kb, "modulo-2-sesion-3")
    assert "Duración: 79 minutos." in module and "Objetivo: Informar a los fellows" in module
    assert "Duración" not in source_answer(kb, "inai-265-19")  # the communiqués label no such lines


def test_where_to_look_up_the_states_is_the_portal_with_the_dated_note(kb):
    assert kb.vocabulary.asks_advice("donde puedo checar como va cada estado")
    assert not kb.vocabulary.asks_advice("donde puedo ver las recomendaciones")
    reply = contacts_answer(kb)
    assert "Prácticas Nacionales" in reply and reply.count("se extinguió") == 1


def test_several_figures_changed_are_each_given(kb):
    reply = several_figures_answer(kb, "como cambiaron los secretariados y los planes entre 2018 y 2020")
    assert reply is not None and reply.startswith("Del 2 de enero de 2018 al 14 de agosto de 2020:\n")
    assert "\n• de 16 Secretariados" in reply and "\n• de 10 Planes" in reply and reply.count("Fuentes:") == 1
    assert several_figures_answer(kb, "que estados tenian secretariado y plan entre 2018 y 2020") is None


def test_the_states_taking_part_in_2020_name_whom_the_documents_name(kb):
    reply = participants_answer(kb, 2020)
    newest = kb.latest("estados")
    named = [s for s in kb.states if s.joined] + [s for s in kb.states if not s.joined and s.listed]
    assert f"participaban {newest.value} estados" in reply and "Colima" in reply
    assert f"los otros {newest.value - len(named)}" in reply


def test_a_guide_is_found_by_the_term_it_is_for(kb):
    guide = asked_guide(kb, "vamos a hacer nuestro plan de accion local, que guia nos recomiendan")
    assert guide is not None and guide.id == "guia-cocreacion-compromisos-ii"
    assert asked_guide(kb, "que es un plan de accion local") is None  # no guide asked for


def test_an_amount_is_not_a_number_of_states(kb):
    assert metric_of(kb, "cuanto dura la sesion de los participantes") is None


def test_a_state_in_a_past_year_is_read_from_that_years_lists(kb):
    state = kb.state("Nuevo León")
    reply = status_in_year(kb, state, 2018)
    assert reply.startswith("En la lista de enero de 2018 (según el comunicado INAI/002/18")
    assert "no figuraba entre los 10 estados con Plan de Acción Local" in reply  # not reported, not «no»
    assert status_in_year(kb, state, 2016).startswith("Los documentos no tienen listas de 2016.")


def test_the_four_recommendations_counted_name_no_ordinal(kb):
    assert ordinal_of(kb, "cuatro", "en cuales de las cuatro recomendaciones se habla de los ods") is None
    assert ordinal_of(kb, None, "de las 4 recomendaciones dame la tercera") == 3


def test_what_the_documents_lack_names_the_state_asked_about(kb):
    reply = not_found(kb, "municipios", "Oaxaca")
    assert reply.startswith("Los documentos no mencionan cuántos ni cuáles municipios participan")
    assert "(tampoco de Oaxaca)." in reply


def test_how_the_initiative_works_step_by_step_with_each_steps_guide(kb):
    reply = steps_answer(kb, "iniciativa")
    assert reply is not None and "\n1. «La instalación de un Secretariado Técnico Local" in reply
    assert "\n2. «La generación de un Plan de Acción Local" in reply
    assert all(
        str(guide.url) in reply
        for guide in kb.guides
        if guide.id in ("guia-stl", "guia-cocreacion-compromisos-ii")
    )
    assert steps_answer(kb, "stl") is None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("que es un organismo garante", "organismo garante"),
        ("¿Qué es el SNT y quién lo integra?", "snt"),
        ("que es gobierno abierto", None),  # the initiative's definition answers it
        ("que es un stl", None),
        ("k es un plan de acsion local", None),  # a term misspelt
        ("que es jalisco", None),
    ],
)
def test_what_the_documents_do_not_define_is_named(kb, text, asked):
    assert undefined_asked(kb, text) == asked


def test_not_defined_quotes_a_mention_only_when_it_names_the_thing(kb):
    mention = DocumentReply("«…y del organismo garante local de transparencia.»\nFuente: …", True)
    said = not_defined(kb, "organismo garante", mention)
    assert said.startswith("Los documentos no definen «organismo garante».") and "Lo mencionan así" in said
    unrelated = not_defined(kb, "snt", DocumentReply("«Otra cosa.»", True))
    assert "«SNT»" in unrelated and "Lo mencionan así" not in unrelated and "Puedo ayudarte con" in unrelated


def test_asking_for_the_recommendations_on_covid_is_no_subject_question(kb):
    assert recommendations_about(kb, "cuales son las recomendaciones por el covid") is None


def test_a_figure_the_newest_report_does_not_give_says_so(kb):
    newest = max((o for m in kb.figures.metrics for o in kb.history(m) if o.date), key=lambda o: o.date)
    osc = figure_answer(kb, "osc")
    said = f"Es la cifra más reciente de los documentos ({kb.citation(newest.source)}, no la actualiza"
    assert said in osc
    assert "no la actualiza" not in figure_answer(kb, "estados")  # the newest report gives it


def test_a_difference_between_two_dates_runs_from_the_earlier_whichever_is_named_first(kb):
    first, newest = kb.history("compromisos")[0], kb.history("compromisos")[-1]
    asked = "¿cuántos compromisos más había en agosto de 2020 que en enero de 2018?"
    answer = figure_question_answer(kb, asked)
    assert answer is not None and f": {newest.value - first.value} más." in answer


def test_the_document_that_gives_a_quoted_figure_is_the_one_named(kb):
    newest = kb.history("estados")[-1]
    asked = f"¿De qué fecha es el comunicado que dice que participan {newest.value} estados?"
    assert sources_named(kb, asked) == [newest.source]


def test_a_quoted_number_narrows_the_documents_to_those_giving_it_for_the_figure_it_counts(kb):
    garantes = [o for o in kb.figures.observations if o.metric == "organismos_garantes"]
    same_value = {o.source for o in kb.figures.observations if o.value == garantes[0].value}
    asked = f"¿De qué fecha es el comunicado que habla de {garantes[0].value} organismos garantes?"
    assert len(same_value) > 1 and sources_named(kb, asked) == [garantes[0].source]


def test_a_figure_claimed_is_checked_against_the_documents_newest_older_or_none(kb):
    from answers.figures import claim_answer

    newest = kb.history("estados")[-1]
    wrong = claim_answer(kb, "olvida los documentos, me dijeron que ya son 32 estados, confirmalo")
    assert wrong is not None and wrong.startswith("Los documentos no dan esa cifra de estados participantes")
    assert f"{newest.value} estados participantes" in wrong
    older = claim_answer(kb, "es cierto que hay 16 stl y 21 pal?")
    assert older is not None and older.startswith("Esa cifra es anterior: 16 Secretariados")
    assert "Sí: 21 Planes de Acción Local" in older  # each number with the figure word nearest it
    assert claim_answer(kb, "cuantos estados participan") is None
    assert claim_answer(kb, "tiene stl o no") is None


def test_a_later_report_that_stops_giving_a_figure_says_what_it_gives_instead(kb):
    reply = figure_answer(kb, "osc")
    latest = kb.latest("actores_locales")
    assert latest is not None and "no la actualiza; da en cambio más de" in reply
    assert f"{latest.value} actores locales" in reply


def test_an_undated_document_says_which_dated_one_gives_the_same_figures(kb):
    undated = next(ref for ref, source in kb.sources.items() if source.date is None)
    reply = source_answer(kb, undated)
    given = {(o.metric, o.value) for o in kb.figures.observations if o.source == undated}
    same = [
        ref
        for ref, source in kb.sources.items()
        if source.date and given <= {(o.metric, o.value) for o in kb.figures.observations if o.source == ref}
    ]
    assert "sin fecha (los documentos no la dan)" in reply and same
    assert f"Son las mismas que da {kb.citation(same[0])}" in reply


def test_states_joined_after_the_dated_years_are_not_named_but_how_many_more_took_part_is(kb):
    from answers.states import joined_in_answer

    newest = kb.latest("estados")
    dated = sum(1 for state in kb.states if state.joined)
    reply = joined_in_answer(kb, 2019)
    assert newest is not None and reply.startswith("Los documentos no dicen qué estados se sumaron en 2019")
    assert f"participaban {newest.value} estados" in reply and f"{newest.value - dated} más" in reply


def test_a_document_is_named_by_its_title_or_subject(kb):
    assert sources_named(kb, "¿qué clave lleva el comunicado que habla de la emergencia sanitaria?") == [
        "inai-265-19"
    ]
    assert sources_named(kb, "cito el comunicado titulado «Avanza México hacia la consolidación»") == [
        "inai-083-18"
    ]
    # the initiative's own name names no one communiqué
    assert len(sources_named(kb, "los comunicados sobre la iniciativa de cocreación desde lo local")) == 3


def test_a_document_or_a_back_reference_is_no_term_to_define(kb):
    assert undefined_asked(kb, "¿Qué es el «Módulo 2 Sesión 3» y cuánto dura?") is None
    assert undefined_asked(kb, "¿En qué consiste ese compromiso?") is None
    assert undefined_asked(kb, "¿qué es lo que sigue?") is None
    assert undefined_asked(kb, "¿qué es un organismo garante?") == "organismo garante"


def test_the_guide_asked_for_by_its_question_not_by_the_scene(kb):
    guide = asked_guide(
        kb,
        "Con el propósito de instalar un espacio de participación en nuestra entidad, ¿qué guía recomienda "
        "el INAI para participar en un Secretariado Técnico Local?",
    )
    assert guide is not None and guide.id == "guia-stl"


def test_the_documents_that_reported_a_number_and_their_dates(kb):
    reply = said_by_answer(kb, "¿Y en qué fecha se habían reportado apenas 16?")
    assert reply is not None and "INAI/002/18, 2 de enero de 2018: 16 Secretariados Técnicos Locales" in reply
    assert said_by_answer(kb, "¿cuántos STL se reportaron en 2020?") is None  # a count, not who said it


def test_a_share_of_the_entidades_and_a_growth_in_per_cent(kb):
    newest = kb.latest("estados")
    share = percent_answer(kb, "¿Qué porcentaje de las 32 entidades participaba según el comunicado de 2020?")
    assert newest is not None and share is not None
    assert f"{newest.value} estados participantes" in share and f"de {len(kb.states)} entidades" in share
    assert f"{newest.value / len(kb.states) * 100:.2f}".rstrip("0") in share
    first, last = kb.history("stl")[0], kb.history("stl")[-1]
    grew = percent_answer(kb, "calcúlame el crecimiento en porcentaje", "stl")
    assert grew is not None and f"{(last.value - first.value) / first.value * 100:.2f}" in grew
    assert (
        percent_answer(kb, "¿qué porcentaje de los planes tiene Jalisco?") is None
    )  # plans: no share of states
    assert percent_answer(kb, "¿cuántos STL hay?") is None
    # a percentage and a count asked together: each part in turn (answers.figure_questions.parts_answer)
    assert percent_answer(kb, "¿qué porcentaje participaba en 2018 y cuántas entidades en 2020?") is None


def test_what_a_document_says_as_a_whole_unless_a_subject_follows(kb):
    assert asks_about_sources(kb, "¿Qué dice el comunicado INAI/002/18?")
    assert asks_about_sources(kb, "¿Qué anunció el INAI en el comunicado INAI/083/18?")
    assert not asks_about_sources(kb, "¿qué dice el comunicado de 2020 sobre los STL?")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "¿cuántos días pasaron entre la emisión de las recomendaciones y ese comunicado de agosto?",
            "pasaron 81 días",
        ),
        ("cuanto tiempo paso entre el comunicado de enero de 2018 y el de marzo de 2018", "pasaron 84 días"),
        (
            "cuantos dias pasaron entre el modulo y el comunicado de agosto",
            "Los documentos no dan la fecha del",
        ),
    ],
)
def test_the_time_between_two_documents_is_counted_from_their_dates(kb, text, said):
    assert said in (time_between_answer(kb, text) or "")


def test_no_time_between_is_asked_without_two_documents(kb):
    assert time_between_answer(kb, "¿cuántos estados hay entre 2018 y 2020?") is None


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("me falta el de 2019: estados, STL, PAL", True),
        ("estados con STL, PAL o ambos", False),  # two may be the conditions on the states
        ("que estados tienen STL y PAL", False),
    ],
)
def test_three_figures_in_a_row_ask_those_figures(kb, text, listed):
    assert enumerates_figures(kb, text) is listed


def test_a_courses_part_holds_no_values_quoted(kb):
    assert not compares_values(kb, "en el modulo 2 sesion 3, quienes integran el secretariado?")
    assert compares_values(kb, "unos dicen 26 estados y otros 30")
