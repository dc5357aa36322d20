"""Retrieval over the knowledge: passages, embeddings in FAISS, BM25, hybrid ranking (.venv)."""

from .config import Settings
from .passages import glossary_term
from .search import EmptyQuery, Hit, Searcher
from .store import IndexUnavailable, ModelMismatch, build_index, load_index

__all__ = [
    "EmptyQuery",
    "Hit",
    "IndexUnavailable",
    "ModelMismatch",
    "Searcher",
    "Settings",
    "build_index",
    "glossary_term",
    "load_index",
]
