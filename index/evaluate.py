"""Retrieval evaluation on a dev set: recall@1, recall@5 and MRR@10 for dense, BM25 and hybrid."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge import KnowledgeError
from knowledge.text import fold, squash

from .passages import Passage
from .search import MODES, Mode, Searcher


class Expected(BaseModel):
    """A passage that answers: from ``source`` and containing every string of ``contains``."""

    model_config = ConfigDict(extra="forbid")
    source: str
    contains: list[str] = Field(min_length=1)

    def matches(self, passage: Passage) -> bool:
        text = squash(fold(passage.text))
        return passage.source == self.source and all(squash(fold(c)) in text for c in self.contains)


class DevQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str = Field(min_length=1)
    expect: list[Expected] = Field(min_length=1)


def load_dev_set(path: Path) -> list[DevQuery]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise KnowledgeError(path, "expected a list of queries")
    queries = []
    for i, item in enumerate(raw):
        try:
            queries.append(DevQuery(**item))
        except (ValidationError, TypeError) as exc:
            raise KnowledgeError(path, str(exc), entry=f"#{i + 1}") from exc
    return queries


def first_relevant_rank(query: DevQuery, hits: list[Passage]) -> int:
    """1-based rank of the first answering passage, or 0 when none is among ``hits``."""
    for rank, passage in enumerate(hits, start=1):
        if any(e.matches(passage) for e in query.expect):
            return rank
    return 0


@dataclass
class ModeResult:
    ranks: list[int] = field(default_factory=list)

    def recall(self, k: int) -> float:
        return sum(1 for r in self.ranks if 0 < r <= k) / len(self.ranks)

    def mrr(self, k: int = 10) -> float:
        return sum(1.0 / r for r in self.ranks if 0 < r <= k) / len(self.ranks)


@dataclass
class Report:
    queries: list[DevQuery]
    results: dict[Mode, ModeResult]

    def summary(self) -> dict:
        return {
            mode: {
                "recall@1": round(r.recall(1), 3),
                "recall@5": round(r.recall(5), 3),
                "mrr@10": round(r.mrr(10), 3),
            }
            for mode, r in self.results.items()
        } | {"queries": len(self.queries)}

    def format_misses(self, mode: Mode = "hybrid", k: int = 5) -> str:
        misses = [q.q for q, r in zip(self.queries, self.results[mode].ranks, strict=True) if not 0 < r <= k]
        return "\n".join(f"missed at {k} ({mode}): {q}" for q in misses) or f"no misses at {k}"


def evaluate(searcher: Searcher, queries: list[DevQuery]) -> Report:
    results = {mode: ModeResult() for mode in MODES}
    for query in queries:
        for mode in MODES:
            hits = [h.passage for h in searcher.search(query.q, k=10, mode=mode)]
            results[mode].ranks.append(first_relevant_rank(query, hits))
    return Report(queries, results)


def format_table(report: Report) -> str:
    """A Markdown table of the three modes, as the README shows it."""
    lines = [
        f"| ranking ({len(report.queries)} queries) | recall@1 | recall@5 | MRR@10 |",
        "|---|---|---|---|",
    ]
    for mode, values in report.summary().items():
        if mode != "queries":
            lines.append(
                f"| {mode} | {values['recall@1']:.3f} | {values['recall@5']:.3f} | {values['mrr@10']:.3f} |"
            )
    return "\n".join(lines)
