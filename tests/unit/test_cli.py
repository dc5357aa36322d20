"""The command line as people and scripts use it: `python -m index build|search|eval`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from ..conftest import REPO

REQUIRED = {"text", "score", "source", "title", "date", "url", "kind", "number"}


def _run(*args: str, index_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "INDEX_DIR": str(index_dir)}
    return subprocess.run(
        [sys.executable, "-m", "index", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def test_search_json_is_an_array_of_cited_passages(index_settings):
    result = _run(
        "search",
        "cuantos planes de accion tiene jalisco",
        "--k",
        "3",
        "--json",
        index_dir=index_settings.index_dir,
    )
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 3 and all(set(hit) >= REQUIRED for hit in hits)
    assert hits[0]["source"] == "inai-265-19" and "Jalisco" in hits[0]["text"]
    assert hits[0]["date"] == "2020-08-14" and hits[0]["number"] == "INAI/265/19"


def test_search_text_output_names_the_source(index_settings):
    result = _run("search", "guia de cocreacion de compromisos", index_dir=index_settings.index_dir)
    assert result.returncode == 0, result.stderr
    assert "Cocreacion_Compromisos-II" in result.stdout and "2020-05-25" in result.stdout


def test_an_empty_query_exits_2_with_a_message(index_settings):
    result = _run("search", "   ", index_dir=index_settings.index_dir)
    assert result.returncode == 2
    assert "vacía" in result.stderr and result.stdout == ""


def test_build_says_when_the_index_is_up_to_date(index_settings):
    result = _run("build", index_dir=index_settings.index_dir)
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


def test_search_builds_the_index_when_there_is_none(tmp_path):
    result = _run("search", "que es un stl", "--k", "1", "--json", index_dir=tmp_path / "nuevo")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1
    assert (tmp_path / "nuevo" / "current" / "meta.json").exists()


def test_a_model_mismatch_exits_1_with_a_message(index_settings):
    env_model = {"EMBEDDINGS_BACKEND": "sentence-transformers", "EMBEDDINGS_MODEL": "otro/modelo"}
    result = subprocess.run(
        [sys.executable, "-m", "index", "search", "stl", "--json"],
        cwd=REPO,
        env={**os.environ, **env_model, "INDEX_DIR": str(index_settings.index_dir)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "otro modelo" in result.stderr and "python -m index build" in result.stderr
