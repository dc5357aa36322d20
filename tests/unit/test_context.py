"""Follow-ups answered in the topic of the last answer, from the knowledge base alone."""

from __future__ import annotations

import pytest

from answers.context import followup_answer
from answers.topic import HISTORY, Topic
from answers.wording import from_source


def _follow(kb, topic: str, text: str) -> tuple[str, str]:
    parsed = Topic.parse(topic)
    assert parsed is not None
    found = followup_answer(kb, parsed, text)
    assert found is not None, f"{text!r} after {topic} was not read as a follow-up"
    return found[0], str(found[1])


@pytest.mark.parametrize("value", [None, "", "estado", "nada:x", "estado:", 3])
def test_a_slot_without_a_topic_is_no_topic(value):
    assert Topic.parse(value) is None


@pytest.mark.parametrize(
    "text",
    [
        "¿quién la emitió?",
        "y quien la aprobo",
        "de que fecha es?",
        "¿en qué sesión?",
        "¿se reunieron en persona?",
    ],
)
def test_who_issued_the_recommendation_just_read(kb, text):
    reply, topic = _follow(kb, "recomendacion:2", text)
    recs = kb.recommendations
    assert reply.startswith(
        f"La segunda recomendación la aprobó la {recs.issuer} el 25 de mayo de 2020, en la"
    )
    assert "Primer Sesión Extraordinaria" in reply and "de forma remota" in reply
    assert topic == "recomendacion:2"


def test_explain_a_recommendation_plainly_gives_its_summary_marked_as_ours(kb):
    reply, _ = _follow(kb, "recomendacion:3", "explícamela fácil")
    assert kb.recommendation(3).summary in reply
    assert "resumen nuestro" in reply and "25 de mayo de 2020" in reply


def test_the_last_recommendation_moves_the_topic(kb):
    reply, topic = _follow(kb, "recomendacion:1", "y la última?")
    assert reply.startswith("Recomendación cuarta de 4") and topic == "recomendacion:4"


def test_a_bare_term_after_a_definition_defines_that_term(kb):
    reply, topic = _follow(kb, "definicion:stl", "y pal?")
    assert reply.startswith("Plan de Acción Local (PAL):") and topic == "definicion:pal"


def test_explain_a_definition_plainly(kb):
    reply, topic = _follow(kb, "definicion:pal", "no entendí, explícamelo más sencillo")
    assert kb.term("pal").summary in reply and topic == "definicion:pal"


def test_the_documents_do_not_date_the_guides_and_the_answer_says_so(kb):
    reply, _ = _follow(kb, "guia:guia-transparencia-proactiva", "¿de qué fecha es esa guía?")
    assert reply.startswith("Los documentos no dan la fecha de publicación de la Guía de Transparencia")
    assert "25 de mayo de 2020" in reply  # the dated document that presents it


def test_asking_how_a_guide_is_given_is_not_read_as_who_issued_it(kb):
    topic = Topic.parse("guia:guia-transparencia-proactiva")
    assert topic is not None
    assert followup_answer(kb, topic, "¿la capacitación es en persona?") is None


def test_a_state_follow_up_keeps_the_state(kb):
    reply, topic = _follow(kb, "estado:Oaxaca", "y cuantos planes tienen alla")
    assert "Oaxaca tiene 2 Planes de Acción Local" in reply and topic == "estado:Oaxaca"
    reply, _ = _follow(kb, "estado:Oaxaca", "¿cuándo se sumó?")
    assert reply.startswith("Oaxaca se sumó a la iniciativa en 2015")


def test_a_message_the_topic_cannot_answer_is_left_to_the_caller(kb):
    assert followup_answer(kb, Topic("guia", "guia-stl"), "cuantos compromisos hay") is None
    assert followup_answer(kb, Topic("guia", "guia-stl"), "y en jalisco?") is None


def test_plain_words_after_a_figure_explain_what_it_counts(kb):
    reply, topic = _follow(kb, "cifra:stl", "explícamelo fácil")
    assert (
        reply.startswith("Secretariado Técnico Local (STL), en palabras sencillas:")
        and topic == "definicion:stl"
    )


@pytest.mark.parametrize(("text", "ordinal"), [("la ultima", "cuarta"), ("y la tercera?", "tercera")])
def test_one_recommendation_chosen_after_the_list(kb, text, ordinal):
    reply, topic = _follow(kb, "recomendaciones:todas", text)
    assert reply.startswith(f"Recomendación {ordinal} de 4") and topic.startswith("recomendacion:")


def test_another_figure_after_a_history_is_given_as_a_history(kb):
    found = followup_answer(kb, Topic("cifra", f"compromisos@{HISTORY}"), "y los stl?")
    assert found is not None and found[1] == Topic("cifra", f"stl@{HISTORY}")
    assert "16" in found[0] and "21" in found[0]
    of_2018 = followup_answer(kb, Topic("cifra", "compromisos@2018"), "y los stl?")
    assert of_2018 is not None and "16 Secretariados" in of_2018[0]


def test_the_year_after_the_states_of_a_year(kb):
    found = followup_answer(kb, Topic("ingreso", "2016"), "y al sig año")
    joined_2017 = [s.name for s in kb.states if s.joined and s.joined.year == 2017]
    assert found is not None and found[1] == Topic("ingreso", "2017")
    assert all(name in found[0] for name in joined_2017)
    other = followup_answer(kb, Topic("ingreso", "2017"), "y en 2015?")
    assert other is not None and other[1] == Topic("ingreso", "2015")
    assert other[0].startswith("En 2015 se sumaron")
    joined_2016 = [s for s in kb.states if s.joined and s.joined.year == 2016]
    counted = followup_answer(kb, Topic("ingreso", "2016"), "cuantos son")
    assert counted is not None and f"En 2016 se sumaron {len(joined_2016)} estados" in counted[0]


def test_the_date_of_the_document_just_quoted(kb):
    found = followup_answer(kb, Topic("documento", "inai-083-18"), "de que fecha es ese documento?")
    assert found is not None and "27 de marzo de 2018" in found[0] and "INAI/083/18" in found[0]


@pytest.mark.parametrize("text", ["y cuando", "¿cuándo fue?", "y eso cuando"])
def test_a_bare_when_after_the_recommendations_is_their_date(kb, text):
    found = followup_answer(kb, Topic("recomendaciones", "todas"), text)
    assert found is not None and "25 de mayo de 2020" in found[0]


def test_when_an_unreported_state_joined_is_not_reported_either(kb):
    found = followup_answer(kb, Topic("estado", "Tamaulipas"), "y desde cuando")
    assert found is not None
    assert "no dicen si Tamaulipas se sumó" in found[0] and "no quiere decir que no participe" in found[0]


def test_and_now_after_a_year_s_figure_is_its_change_to_the_newest(kb):
    found = followup_answer(kb, Topic("cifra", "stl@2018"), "y ahora?")
    newest = kb.latest("stl")
    assert found is not None and found[0].startswith("De 16") and f"a {newest.value}" in found[0]


def test_a_guide_still_online_asks_what_became_of_inai_not_a_session(kb):
    assert kb.vocabulary.follow_up("esa guia sigue en linea?") == "current"
    assert kb.vocabulary.follow_up("la sesion fue en linea?") == "session"


def test_the_states_added_after_a_dated_list(kb):
    found = followup_answer(kb, Topic("lista", "pal@2018"), "y cuales se agregaron despues")
    old, new = kb.lists_of_kind("pal")[0], kb.lists_of_kind("pal")[-1]
    added = {s.name for s, _ in kb.members(new.id)} - {s.name for s, _ in kb.members(old.id)}
    assert found is not None and all(name in found[0] for name in added)


@pytest.mark.parametrize("text", ["y esas de que fecha son", "¿de qué comunicado salen?"])
def test_the_date_of_a_list_is_its_document(kb, text):
    said, topic = _follow(kb, "lista:pal", text)
    assert said.startswith("El comunicado INAI/265/19") and "14 de agosto de 2020" in said
    assert topic == "lista:pal"


def test_the_document_of_a_year_list_is_that_year(kb):
    said, _ = _follow(kb, "lista:stl@2018", "¿y eso de qué fecha es?")
    assert said.startswith("El comunicado INAI/002/18") and "2 de enero de 2018" in said


def test_the_date_of_a_figure_is_its_document(kb):
    said, _ = _follow(kb, "cifra:stl", "¿y eso de qué fecha es?")
    assert said == (
        "El dato de 21 Secretariados Técnicos Locales (STL) sale del comunicado INAI/265/19, 14 de agosto "
        "de 2020."
    )


def test_a_yes_or_no_question_on_a_listed_state_is_answered_yes_first(kb):
    said, _ = _follow(kb, "estado:Oaxaca", "y en 2018 ya tenia stl?")
    assert said.startswith("Sí. En la lista de enero de 2018")
    said, _ = _follow(kb, "estado:Quintana Roo", "¿y tiene pal?")
    assert not said.startswith("Sí") and "no figura" in said  # not in the list: no «Sí», and no bare «No»
    said, _ = _follow(kb, "estado:Oaxaca", "¿y cuántos planes tenía en 2018?")
    assert not said.startswith("Sí")


def test_who_promotes_the_initiative_is_its_definition(kb):
    said, topic = _follow(kb, "definicion:iniciativa", "y quien la impulsa")
    assert "impulsada por el Instituto y el Sistema Nacional de Transparencia" in said
    assert topic == "definicion:iniciativa"


def test_who_devised_the_initiative_is_said_in_the_training_material_words(kb):
    said, topic = _follow(kb, "definicion:iniciativa", "y quien lo invento")
    assert "el INAI -en colaboración con la extinta Conferencia Mexicana para el Acceso" in said
    assert "(COMAIP)- ideó" in said and "Módulo 2 Sesión 3" in said
    assert topic == "definicion:iniciativa"


def test_how_many_after_a_definition_counts_that_term(kb):
    said, topic = _follow(kb, "definicion:stl", "y cuantos hay")
    assert said.startswith("21 Secretariados Técnicos Locales (STL), según el comunicado INAI/265/19")
    assert topic == "cifra:stl"


def test_an_ordinal_after_the_list_of_guides_picks_that_guide(kb):
    said, topic = _follow(kb, "guias:todas", "y la segunda de que trata")
    assert said.startswith(kb.guides[1].title) and topic == f"guia:{kb.guides[1].id}"


def test_the_next_guide_after_a_guide(kb):
    said, topic = _follow(kb, f"guia:{kb.guides[0].id}", "y la siguiente")
    assert said.startswith(kb.guides[1].title) and topic == f"guia:{kb.guides[1].id}"


def test_which_ones_not_after_a_list_are_the_states_it_does_not_name(kb):
    said, topic = _follow(kb, "lista:pal", "y cuales no")
    assert said.startswith("18 estados no figuran en la lista de estados con Plan de Acción Local")
    assert "Que no figuren no quiere decir que no participen." in said and topic == "lista:pal"


def test_when_after_a_few_states_gives_each_year_joined(kb):
    said, topic = _follow(kb, "estados:Oaxaca|Sonora", "y cual se sumo primero")
    assert (
        "Oaxaca se sumó a la iniciativa en 2015" in said and "Sonora se sumó a la iniciativa en 2016" in said
    )
    assert topic == "estados:Oaxaca|Sonora"


def test_which_after_a_change_of_a_list_are_the_states_added(kb):
    said, topic = _follow(kb, "cifra:stl@historia", "cuales fueron")
    assert (
        "5 estados figuran en la lista de STL del 14 de agosto de 2020 (21 estados) y no en la del 2 de enero"
        in said
    )
    said, topic = _follow(kb, "cifra:stl@2018", "y cuales eran")  # after a year's figure: that year's list
    assert said.startswith("Al 2 de enero de 2018 había 16 Secretariados")
    assert topic == "lista:stl@2018"


def test_a_year_after_a_list_gives_that_years_list_and_what_was_added_after_it(kb):
    older = kb.lists_of_kind("stl")[0]
    found = followup_answer(kb, Topic("lista", "stl"), "y en 2018?")
    assert found is not None and found[1] == Topic("lista", f"stl@{older.date.year}")
    assert f"{len(kb.members(older.id))} Secretariados Técnicos Locales" in found[0]
    added = followup_answer(kb, Topic("lista", "stl"), "¿cuáles se agregaron después de 2018?")
    newer = kb.lists_of_kind("stl")[-1]
    new_names = {s.name for s, _ in kb.members(newer.id)} - {s.name for s, _ in kb.members(older.id)}
    assert added is not None and new_names and all(name in added[0] for name in new_names)


def test_how_many_more_of_another_figure_after_a_change_is_its_change(kb):
    first, newest = kb.history("pal")[0], kb.history("pal")[-1]
    asked = "¿Y cuántos Planes de Acción Local más?"
    found = followup_answer(kb, Topic("cifra", f"compromisos@{HISTORY}"), asked)
    assert found is not None and f": {newest.value - first.value} más." in found[0]


def test_another_purpose_after_a_guide_is_the_guide_for_it(kb):
    asked = "¿y para mejorar los compromisos del plan de acción?"
    found = followup_answer(kb, Topic("guia", "guia-stl"), asked)
    assert found is not None and found[1] == Topic("guia", "guia-cocreacion-compromisos-ii")


def test_another_figure_at_each_date_after_a_years_figure_is_its_history(kb):
    found = followup_answer(kb, Topic("cifra", "pal@2020"), "¿Cuántos compromisos sumaban en cada fecha?")
    values = {obs.value for obs in kb.history("compromisos") if obs.date}
    assert found is not None and all(f"{value} compromisos" in found[0] for value in values)


def test_who_offers_a_guide_is_what_its_document_says_and_none_says_who_wrote_it(kb):
    reply, topic = _follow(kb, "guia:guia-stl", "¿y quién la hizo?")
    assert "el INAI pone a disposición la Guía de Secretariados Técnicos Locales" in reply
    assert "no dicen quién la elaboró" in reply and topic == "guia:guia-stl"
    reply, _ = _follow(kb, "guia:guia-transparencia-proactiva", "¿quién la ofrece?")
    assert "no dicen quién pone a disposición la Guía de Transparencia Proactiva" in reply
    assert "el INAI pone" not in reply


def test_who_offers_the_guides_after_their_list_names_who_for_each(kb):
    reply, _ = _follow(kb, "guias:todas", "¿quién pone a disposición esas guías?")
    offered = [g for g in kb.guides if g.offered_by is not None]
    assert offered and all(f"{g.title}: {g.offered_by.who} la {g.offered_by.does}" in reply for g in offered)
    assert all(g.title in reply for g in kb.guides) and "no dicen quién elaboró las guías" in reply


def test_who_sits_on_a_states_secretariado_is_not_in_the_documents_but_what_each_is_made_of_is(kb):
    reply, topic = _follow(kb, "estado:Sonora", "quienes estan en ese secretariado")
    assert reply.startswith(
        "Los documentos no nombran a quienes integran el Secretariado Técnico Local de Sonora"
    )
    assert "representantes de gobierno, de sociedad civil y del organismo garante" in reply
    assert topic == "estado:Sonora"


def test_what_a_term_is_for_after_its_definition_is_quoted_from_its_source(kb):
    reply, topic = _follow(kb, "definicion:gobierno-abierto", "y eso para que me sirve a mi pues")
    term = kb.term("gobierno-abierto")
    assert term is not None and term.purpose is not None and topic == "definicion:gobierno-abierto"
    assert reply.startswith("Gobierno abierto, para qué sirve:") and f"«{term.purpose.quote}»" in reply


def test_which_states_after_the_newest_figure_of_stl_is_the_newest_list(kb):
    reply, topic = _follow(kb, "cifra:stl", "¿y en qué estados?")
    newest = kb.lists_of_kind("stl")[-1]
    assert all(state.name in reply for state, _ in kb.members(newest.id)) and topic == "lista:stl"


def test_whether_it_still_exists_after_any_topic_tells_what_became_of_inai_and_the_snt(kb):
    reply, topic = _follow(kb, "definicion:iniciativa", "y sigue existiendo o ya no")
    assert "2025" in reply and "Sistema Nacional de Transparencia" in reply and topic == "contacto:inai"


def test_the_same_question_of_another_date_may_be_long_when_it_says_so(kb):
    asked = "Según el dato de agosto de 2020, ¿qué estados tienen STL pero todavía no publican ningún plan?"
    reply, _ = _follow(
        kb, f"consulta:{asked}", "¿Y en el corte de enero de 2018, cuáles estaban en esa situación?"
    )
    assert reply.endswith("Fuente: el comunicado INAI/002/18, 2 de enero de 2018.") and "Tabasco" in reply


def test_what_comes_after_a_step_is_the_next_step(kb):
    parent = next(term for term in kb.glossary if len(term.steps) > 1)
    reply, topic = _follow(kb, f"definicion:{parent.steps[0]}", "¿y después de instalarlo qué sigue?")
    following = kb.term(parent.steps[1])
    assert following is not None and reply.startswith(f"{following.term}:")
    assert topic == f"definicion:{parent.steps[1]}"


def test_the_link_after_the_contacts_is_the_contacts_pages(kb):
    reply, topic = _follow(kb, "contacto:inai", "¿y el link?")
    assert all(str(contact.url) in reply for contact in kb.contacts) and topic == "contacto:inai"


def test_two_figures_asked_after_a_years_figure_are_both_of_that_year(kb):
    reply, _ = _follow(
        kb, "cifra:autoridades@2018", "¿y autoridades? ¿y organismos garantes en ese entonces?"
    )
    for metric in ("autoridades", "organismos_garantes"):
        value = next(o.value for o in kb.history(metric) if o.date and o.date.year == 2018)
        assert f"había {value} " in reply


def test_the_source_of_the_newest_figure_after_a_years_figure_is_the_newest_document(kb):
    newest = kb.latest("stl")
    assert newest is not None
    reply, _ = _follow(kb, "cifra:stl@2018", "¿De qué documento sale el dato más reciente?")
    label = "Secretariados Técnicos Locales (STL)"
    assert reply == f"El dato de {newest.value} {label} sale {from_source(kb, newest.source)}."
    reply, topic = _follow(kb, "cifra:estados", "y compromisos cuantos llevaban? a que fecha es eso")
    assert (
        reply.startswith(f"El dato de {kb.latest('compromisos').value} compromisos")
        and topic == "cifra:compromisos"
    )


def test_what_the_documents_never_give_is_no_follow_up_of_a_figure(kb):
    parsed = Topic.parse("cifra:pal@2023")
    assert parsed is not None
    assert (
        followup_answer(kb, parsed, "Y ya que andamos, ¿qué municipios participan en la iniciativa?") is None
    )


def test_who_forms_it_after_a_definition_is_the_definition(kb):
    reply, topic = _follow(kb, "definicion:stl", "y quienes lo forman")
    assert reply.startswith("Secretariado Técnico Local (STL):") and topic == "definicion:stl"


def test_for_whom_a_document_is_after_it_is_what_it_says_of_itself(kb):
    reply, _ = _follow(kb, "documento:modulo-2-sesion-3", "¿A quién va dirigida?")
    assert "fellows" in reply
