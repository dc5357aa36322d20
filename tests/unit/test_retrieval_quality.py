"""Retrieval quality on the dev set: the targets the README reports, and hybrid beating its parts."""

from __future__ import annotations

import pytest

from index.evaluate import evaluate, load_dev_set

from ..conftest import REPO


@pytest.fixture(scope="module")
def report(searcher):
    return evaluate(searcher, load_dev_set(REPO / "eval" / "retrieval_dev.yaml"))


def test_hybrid_meets_the_targets(report):
    hybrid = report.results["hybrid"]
    assert hybrid.recall(5) >= 0.95, report.format_misses()
    assert hybrid.recall(1) >= 0.80, report.format_misses(k=1)


def test_hybrid_beats_each_part(report):
    hybrid = report.results["hybrid"]
    for part in ("dense", "bm25"):
        assert hybrid.mrr() > report.results[part].mrr(), part
        assert hybrid.recall(1) > report.results[part].recall(1), part
