"""The action server's start-up check: a missing, damaged, altered, poisoned or foreign index is named and
rebuilt, and start-up stops saying why when the rebuild cannot serve; a knowledge error stops start-up
naming file and field, and the index already serving is left alone."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import sys

import pytest

from actions.preflight import check, main
from index import IndexUnavailable, Settings, build_index, load_index

from ..conftest import REPO, HashEmbedder
from .test_index_store import NanEmbedder, alter_one_value, poison, record_checksums


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(index_dir=tmp_path / "index")


def _rebuilt_after(settings: Settings, caplog, expected: str) -> None:
    with caplog.at_level(logging.INFO, logger="actions.preflight"):
        check(settings, embedder=HashEmbedder())
    assert expected in caplog.text and "Reconstruyendo el índice" in caplog.text
    assert len(load_index(settings).passages) > 100


def test_a_missing_index_is_named_and_rebuilt(settings, caplog):
    _rebuilt_after(settings, caplog, "No hay índice")


def test_a_damaged_index_is_named_and_rebuilt(settings, kb, caplog):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    (settings.index_dir / "current" / "dense.faiss").write_bytes(b"not an index")
    _rebuilt_after(settings, caplog, "está dañado")


def test_an_index_of_another_model_is_named_and_rebuilt(settings, kb, caplog):
    other = dataclasses.replace(settings, backend="sentence-transformers", model="otro/modelo")
    build_index(other, kb=kb, embedder=HashEmbedder(), progress=False)
    _rebuilt_after(settings, caplog, "se construyó con el modelo 'sentence-transformers:otro/modelo'")


def test_a_usable_index_is_left_as_it_is(settings, kb, caplog):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    serving = (settings.index_dir / "current").resolve()
    with caplog.at_level(logging.INFO, logger="actions.preflight"):
        check(settings, embedder=HashEmbedder(fail_after=0))  # would fail if it rebuilt
    assert (settings.index_dir / "current").resolve() == serving and caplog.text == ""


def _break(knowledge) -> None:
    states = knowledge / "facts" / "states.yaml"
    states.write_text(
        states.read_text(encoding="utf-8").replace("year: 2015", "year: dos mil quince", 1), encoding="utf-8"
    )


@pytest.mark.parametrize("command", [["actions.preflight"], ["index", "build"]])
def test_a_knowledge_error_stops_start_up_and_the_build_and_the_index_keeps_serving(
    command, settings, kb, knowledge_copy
):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    serving = (settings.index_dir / "current").resolve()
    _break(knowledge_copy)
    env = {**os.environ, "KNOWLEDGE_DIR": str(knowledge_copy), "INDEX_DIR": str(settings.index_dir)}
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "states.yaml" in result.stderr and "field 'joined.year'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (settings.index_dir / "current").resolve() == serving
    assert len(load_index(settings).passages) > 100


def test_vectors_overwritten_with_nan_are_named_and_rebuilt(settings, kb, caplog):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    poison(settings.index_dir / "current")
    _rebuilt_after(settings, caplog, "está dañado: dense.faiss cambió después de construirse")


def test_a_changed_vector_value_is_named_and_rebuilt(settings, kb, caplog):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    alter_one_value(settings.index_dir / "current")
    _rebuilt_after(settings, caplog, "está dañado: sentences.npy cambió después de construirse")


def test_nan_vectors_with_matching_checksums_are_named_and_rebuilt(settings, kb, caplog):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    poison(settings.index_dir / "current")
    record_checksums(settings.index_dir / "current")
    _rebuilt_after(settings, caplog, "vectores con valores no finitos (NaN o infinito)")


def test_a_rebuild_that_cannot_serve_stops_start_up_saying_why(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    poison(settings.index_dir / "current")
    with pytest.raises(IndexUnavailable, match=r"dio \d+ vectores con valores no finitos .*Revisa el modelo"):
        check(settings, embedder=NanEmbedder())


def test_an_index_that_cannot_be_written_stops_start_up_naming_the_path(tmp_path, monkeypatch, caplog):
    (tmp_path / "ocupado").write_text("un archivo, no una carpeta", encoding="utf-8")
    monkeypatch.setenv("INDEX_DIR", str(tmp_path / "ocupado" / "index"))
    assert main() == 1
    assert "no se pudo reconstruir el índice" in caplog.text and str(tmp_path / "ocupado") in caplog.text
