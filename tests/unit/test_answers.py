"""The answer functions alone, without Rasa: what a person reads, computed from the knowledge base."""

from __future__ import annotations

from answers.contacts import inai_today_answer
from answers.figures import entities_source, figure_question_answer
from answers.recommendations import ordinal_of
from answers.search import not_found, search_unavailable
from answers.states import list_reply


def test_a_list_question_gets_the_list_it_asks_for(kb):
    newest_pal = kb.lists_of_kind("pal")[-1]
    two_plans = sorted(s.name for s, count in kb.members(newest_pal.id) if count == 2)
    reply = list_reply(kb, "pal", "que estados tienen dos planes")
    assert "tienen 2 Planes de Acción Local" in reply and all(name in reply for name in two_plans)
    newest_stl = kb.lists_of_kind("stl")[-1]
    named = {s.id for s, _ in kb.members(newest_stl.id)}
    absent = list_reply(kb, "stl", "q estados no tienen stl")
    assert f"estos {len(kb.states) - len(named)} estados no figuran" in absent
    assert "no quiere decir que no participen" in absent  # not reported is not "no"
    assert f"hay {newest_stl.total} Secretariados Técnicos Locales" in list_reply(
        kb, "stl", "cuales tienen stl"
    )


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
