"""Hybrid retrieval: dense (FAISS) and BM25 rankings fused by reciprocal rank."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

import numpy as np
from rank_bm25 import BM25Okapi

from knowledge import KnowledgeBase, load_knowledge
from knowledge.text import fold

from .analysis import StateFinder, SynonymExpander, tokens
from .config import Settings
from .embedders import Embedder, make_embedder
from .passages import Passage
from .store import LoadedIndex, load_index

log = logging.getLogger(__name__)
Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[Mode, ...] = ("hybrid", "dense", "bm25")


HISTORICAL_PENALTY = 10  # places a passage with superseded figures moves down
NEAR_COPY = 0.9  # share of the shorter passage's words that makes it a copy


def _near_copy(a: frozenset, b: frozenset) -> bool:
    """Whether nearly all the words of the shorter passage are in the other one."""
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= NEAR_COPY


class EmptyQuery(ValueError):
    """The query has no text to search for."""


@dataclass(frozen=True)
class Hit:
    """A passage with its fused score and the raw scores behind it (None: not among that side's hits)."""

    passage: Passage
    score: float
    dense: float | None = None
    bm25: float | None = None

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

    def __init__(
        self, index: LoadedIndex, kb: KnowledgeBase, settings: Settings, embedder: Embedder | None = None
    ) -> None:
        self.index = index
        self.settings = settings
        self._embedder = embedder
        self._expander = SynonymExpander.of(kb)
        self._states = StateFinder(kb)
        self.kb = kb
        self.vocabulary = kb.vocabulary
        self._query_vector: tuple[str, np.ndarray] | None = None
        corpus = [tokens(self._expander.expand(p.text)) for p in index.passages]
        self._bm25 = BM25Okapi(corpus)
        self._token_sets = [frozenset(tokens(p.text)) for p in index.passages]

    @classmethod
    def open(
        cls,
        settings: Settings | None = None,
        kb: KnowledgeBase | None = None,
        embedder: Embedder | None = None,
    ) -> Searcher:
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

    def confident(self, hit: Hit) -> bool:
        """Whether ``hit`` is on topic by both rankings, by the thresholds of the index's model."""
        bar = self.settings.confidence
        return (hit.dense if hit.dense is not None else float("-inf")) >= bar.min_dense and (
            hit.bm25 or 0.0
        ) >= bar.min_bm25

    def warm_up(self) -> None:
        """Load the model and run one query, so the first real query is as fast as the rest."""
        self.search("gobierno abierto", k=1)

    def query_vector(self, query: str) -> np.ndarray:
        """The query's embedding (1 × dim); the last one is kept, since answers rank sentences with it."""
        expanded = self._expander.expand(query)
        if self._query_vector is None or self._query_vector[0] != expanded:
            vector = np.ascontiguousarray(self.embedder.embed_queries([expanded]), dtype=np.float32)
            self._query_vector = (expanded, vector)
        return self._query_vector[1]

    def states_named(self, text: str) -> list[str]:
        """Ids of the states ``text`` names, by any alias or misspelt."""
        return self._states.find(text)

    def state_name(self, state_id: str) -> str:
        return self._states.names[state_id]

    def expand(self, text: str) -> str:
        """``text`` with the documents' wording of the aliases it uses (``cdmx`` → Ciudad de México)."""
        return self._expander.expand(text)

    def dense_ranking(self, query: str, n: int) -> list[tuple[int, float]]:
        scores, ids = self.index.dense.search(self.query_vector(query), n)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

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
        text = self._spell_out(text, named)
        n = len(self.passages)
        rankings = []
        raw: dict[str, dict[int, float]] = {}
        if mode in ("dense", "hybrid"):
            dense = self.dense_ranking(text, n)
            raw["dense"] = dict(dense)
            rankings.append(self._with_sentences(text, dense) if mode == "hybrid" else dense)
        if mode in ("bm25", "hybrid"):
            rankings.append(self.bm25_ranking(text, n))
            raw["bm25"] = dict(rankings[-1])
        rankings = [
            [(i, s) for i, s in r if self._eligible(i, named)][: self.settings.candidates] for r in rankings
        ]
        if not self.vocabulary.asks_past(text):
            rankings = [self._prefer_current(r) for r in rankings]
        if mode == "hybrid" and named:
            rankings.append(self._about(named, rankings[0]))
        ranked = rankings[0] if len(rankings) == 1 else self._fuse(rankings)
        return [
            Hit(self.passages[i], score, raw.get("dense", {}).get(i), raw.get("bm25", {}).get(i))
            for i, score in self._distinct(ranked, k)
        ]

    def _distinct(self, ranked: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
        """The first ``k`` of ``ranked``, leaving out near-copies of a passage already taken."""
        taken: list[tuple[int, float]] = []
        for i, score in ranked:
            if not any(_near_copy(self._token_sets[i], self._token_sets[j]) for j, _ in taken):
                taken.append((i, score))
                if len(taken) == k:
                    break
        return taken

    def _prefer_current(self, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Move passages with superseded figures down a few places, so the newest come first."""
        keyed = [
            (rank + (HISTORICAL_PENALTY if self.passages[i].historical else 0), rank, i, score)
            for rank, (i, score) in enumerate(ranked)
        ]
        return [(i, score) for _, _, i, score in sorted(keyed)]

    def _with_sentences(self, query: str, dense: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """The dense ranking with each passage scored by the better of its own similarity and that of its
        closest sentence (the index's sentence vectors): a long passage holding the one sentence that
        answers is found by that sentence."""
        vectors = self.index.sentence_vectors
        if not len(vectors):
            return dense
        similarity = vectors @ self.query_vector(query)[0]
        best = dict(dense)
        for sentence, score in zip(self.index.sentences, similarity, strict=True):
            if sentence.passage in best and float(score) > best[sentence.passage]:
                best[sentence.passage] = float(score)
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def _about(self, named: set[str], ranking: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """A third ranking for queries naming a state: that state's own passages, in ``ranking`` order."""
        return [(i, s) for i, s in ranking if self.passages[i].subject in named]

    def _spell_out(self, text: str, named: set[str]) -> str:
        """Add the names of states the query names by a misspelling, so both rankings see them."""
        folded = fold(text)
        missing = [self._states.names[s] for s in sorted(named) if fold(self._states.names[s]) not in folded]
        return f"{text} ({'; '.join(missing)})" if missing else text

    def _eligible(self, i: int, named: set[str]) -> bool:
        subject = self.passages[i].subject
        return subject is None or subject in named

    def _fuse(self, rankings: list[list[tuple[int, float]]]) -> list[tuple[int, float]]:
        fused: dict[int, float] = {}
        for ranking in rankings:
            for rank, (i, _) in enumerate(ranking, start=1):
                fused[i] = fused.get(i, 0.0) + 1.0 / (self.settings.rrf_k + rank)
        return sorted(fused.items(), key=lambda item: (-item[1], item[0]))
