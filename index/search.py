"""Hybrid retrieval: dense (FAISS) and BM25 rankings fused by reciprocal rank."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal, Optional

import numpy as np
from rank_bm25 import BM25Okapi

from knowledge import KnowledgeBase, load_knowledge

from .analysis import SynonymExpander, state_matcher, tokens
from .config import Settings
from .embedders import Embedder, make_embedder
from .passages import Passage
from .store import LoadedIndex, load_index

log = logging.getLogger(__name__)
Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "bm25")


class EmptyQuery(ValueError):
    """The query has no text to search for."""


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float

    def to_dict(self) -> dict:
        return {**self.passage.to_dict(), "score": round(self.score, 6)}


def prepare_query(query: str, max_chars: int) -> str:
    """Trim the query and cut it at a word boundary to ``max_chars``; reject an empty one."""
    text = " ".join(query.split())
    if not text:
        raise EmptyQuery("la consulta está vacía")
    if len(text) > max_chars:
        cut = text[:max_chars]
        text = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return text


class Searcher:
    """Answers queries from a loaded index. The embedding model loads on the first dense search."""

    def __init__(self, index: LoadedIndex, kb: KnowledgeBase, settings: Settings,
                 embedder: Optional[Embedder] = None) -> None:
        self.index = index
        self.settings = settings
        self._embedder = embedder
        self._expander = SynonymExpander.from_knowledge(kb)
        self._states = state_matcher(kb)
        corpus = [tokens(self._expander.expand(p.text)) for p in index.passages]
        self._bm25 = BM25Okapi(corpus)

    @classmethod
    def open(cls, settings: Optional[Settings] = None, kb: Optional[KnowledgeBase] = None,
             embedder: Optional[Embedder] = None) -> "Searcher":
        settings = settings or Settings.from_env()
        return cls(load_index(settings), kb or load_knowledge(), settings, embedder)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    @property
    def passages(self) -> list[Passage]:
        return self.index.passages

    def warm_up(self) -> None:
        """Load the model and run one query, so the first real query is as fast as the rest."""
        self.search("gobierno abierto", k=1)

    def dense_ranking(self, query: str, n: int) -> list[tuple[int, float]]:
        vector = self.embedder.embed_queries([self._expander.expand(query)])
        scores, ids = self.index.dense.search(np.ascontiguousarray(vector, dtype=np.float32), n)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def bm25_ranking(self, query: str, n: int) -> list[tuple[int, float]]:
        query_tokens = tokens(self._expander.expand(query))
        if not query_tokens:
            return []
        scores = self._bm25.get_scores(query_tokens)
        order = np.argsort(-scores, kind="stable")[:n]
        return [(int(i), float(scores[i])) for i in order if scores[i] > 0]

    def search(self, query: str, k: int = 5, mode: Mode = "hybrid") -> list[Hit]:
        """The ``k`` best passages for ``query`` (raises :class:`EmptyQuery` for blank input).

        Passages about one state (``subject``) compete only when the query names that state.
        """
        text = prepare_query(query, self.settings.max_query_chars)
        named = set(self._states.find(text))
        n = len(self.passages)
        rankings = []
        if mode in ("dense", "hybrid"):
            rankings.append(self.dense_ranking(text, n))
        if mode in ("bm25", "hybrid"):
            rankings.append(self.bm25_ranking(text, n))
        rankings = [[(i, s) for i, s in r if self._eligible(i, named)][:self.settings.candidates]
                    for r in rankings]
        ranked = rankings[0] if len(rankings) == 1 else self._fuse(rankings)
        return [Hit(self.passages[i], score) for i, score in ranked[:k]]

    def _eligible(self, i: int, named: set[str]) -> bool:
        subject = self.passages[i].subject
        return subject is None or subject in named

    def _fuse(self, rankings: list[list[tuple[int, float]]]) -> list[tuple[int, float]]:
        fused: dict[int, float] = {}
        for ranking in rankings:
            for rank, (i, _) in enumerate(ranking, start=1):
                fused[i] = fused.get(i, 0.0) + 1.0 / (self.settings.rrf_k + rank)
        return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
