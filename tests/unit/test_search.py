"""Hybrid search as a person would use it: newest figures first, states kept apart, sources cited."""

from __future__ import annotations

import pytest

from index import EmptyQuery
from index.search import prepare_query

FIELDS = {"text", "score", "source", "title", "date", "url", "kind", "number"}


def _top(searcher, query, k=5):
    return [h.passage for h in searcher.search(query, k=k)]


def test_results_carry_the_fields_an_answer_cites(searcher):
    hits = searcher.search("guia de secretariados tecnicos locales", k=3)
    assert len(hits) == 3
    for hit in hits:
        assert set(hit.to_dict()) >= FIELDS
    assert hits[0].score >= hits[1].score >= hits[2].score


def test_the_newest_figure_comes_first(searcher):
    top = _top(searcher, "cuantos stl hay")[0]
    assert "21" in top.text and top.date == "2020-08-14"


def test_asking_for_a_year_brings_that_years_figure(searcher):
    texts = [p.text for p in _top(searcher, "cuantos stl habia en 2018", k=3)]
    assert any("16 Secretariados" in t for t in texts)


def test_a_state_question_gets_that_states_passages_only(searcher):
    top = _top(searcher, "jalisco tiene stl?")
    assert top[0].subject == "jalisco"
    assert all(p.subject in (None, "jalisco") for p in top)


def test_a_misspelt_state_is_still_found(searcher):
    assert _top(searcher, "guanajuto tiene plan de accion")[0].subject == "guanajuato"


def test_general_questions_get_no_single_state_passage(searcher):
    assert all(p.subject is None for p in _top(searcher, "que estados tienen stl", k=10))


def test_ordinal_recommendation(searcher):
    top = _top(searcher, "q dice la 3a recomendacion")[0]
    assert "Innovar estrategias" in top.text and top.source == "snt-recomendaciones-covid19"


def test_near_copies_are_not_repeated(searcher):
    texts = [p.text for p in _top(searcher, "q dice la 3a recomendacion", k=5)]
    assert sum("Innovar estrategias y modelos" in t for t in texts) == 1


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_every_mode_answers(searcher, mode):
    assert searcher.search("recomendaciones covid", k=3, mode=mode)


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_an_empty_query_is_refused(searcher, query):
    with pytest.raises(EmptyQuery):
        searcher.search(query)


def test_a_very_long_query_is_cut_before_embedding(searcher):
    long_query = "cuantos stl hay " * 2000
    assert len(prepare_query(long_query, 500)) <= 500
    assert searcher.search(long_query, k=1)


def test_emoji_or_markup_only_queries_do_not_fail(searcher):
    assert isinstance(searcher.search("🙂🙂", k=2), list)
    assert isinstance(searcher.search("<script>alert(1)</script>", k=2), list)
