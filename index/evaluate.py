"""Retrieval evaluation on the dev sets.

- Passages: recall@1, recall@5 and MRR@10 for dense, BM25 and hybrid (``eval/retrieval_dev.yaml``).
- Answers: what a person reads first. Sentence recall@1 is the share of answerable questions whose first
  quoted sentence contains the answer; answered is the share that get an answer at all; honest is the
  share of unanswerable questions (``eval/unanswerable_dev.yaml``) told that the documents do not say,
  and named the share of those whose reply names the missing topic. "Before" is the reply of the first
  passage alone (its first sentence, when :meth:`Searcher.confident` trusts it); "after" is
  :class:`index.answering.Answerer`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge import KnowledgeError
from knowledge.text import fold, squash

from .answering import Answerer, Quote
from .passages import Passage
from .search import MODES, Mode, Searcher
from .sentences import units


class Expected(BaseModel):
    """A passage that answers: from ``source`` and containing every string of ``contains``."""

    model_config = ConfigDict(extra="forbid")
    source: str
    contains: list[str] = Field(min_length=1)

    def matches(self, passage: Passage) -> bool:
        return self.matches_text(passage.source, passage.text)

    def matches_text(self, source: str, text: str) -> bool:
        """Whether ``text`` of document ``source`` holds every string of ``contains``."""
        folded = squash(fold(text))
        return source == self.source and all(squash(fold(c)) in folded for c in self.contains)


class DevQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str = Field(min_length=1)
    expect: list[Expected] = Field(min_length=1)


class UnanswerableQuery(BaseModel):
    """A question no document answers; ``missing`` is the vocabulary topic its reply should name."""

    model_config = ConfigDict(extra="forbid")
    q: str = Field(min_length=1)
    missing: str | None


def _load(path: Path, model: type[BaseModel]) -> list:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise KnowledgeError(path, "expected a list of queries")
    queries = []
    for i, item in enumerate(raw):
        try:
            queries.append(model(**item))
        except (ValidationError, TypeError) as exc:
            raise KnowledgeError(path, str(exc), entry=f"#{i + 1}") from exc
    return queries


def load_dev_set(path: Path) -> list[DevQuery]:
    return _load(path, DevQuery)


def load_unanswerable_set(path: Path) -> list[UnanswerableQuery]:
    return _load(path, UnanswerableQuery)


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


@dataclass
class AnswerResult:
    """What a person reads first, before (first passage) and after (sentence answers)."""

    sentence_hits: dict[str, list[bool]] = field(default_factory=dict)  # per answerable question
    answered: dict[str, list[bool]] = field(default_factory=dict)
    honest: dict[str, list[bool]] = field(default_factory=dict)  # per unanswerable question
    named: list[bool] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _rate(values: list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0

    def summary(self) -> dict:
        return {
            when: {
                "sentence_recall@1": round(self._rate(self.sentence_hits[when]), 3),
                "answered": round(self._rate(self.answered[when]), 3),
                "honest": round(self._rate(self.honest[when]), 3),
            }
            for when in self.sentence_hits
        } | {"named": round(self._rate(self.named), 3), "unanswerable": len(self.named)}


def _before(searcher: Searcher, query: str) -> tuple[Passage, str] | None:
    """Today's reply without sentence answers: the first passage, when trusted, and its first sentence."""
    hits = searcher.search(query, k=1)
    if not hits or not searcher.confident(hits[0]):
        return None
    return hits[0].passage, units(hits[0].passage)[0]


def evaluate_answers(
    searcher: Searcher, queries: list[DevQuery], unanswerable: list[UnanswerableQuery]
) -> AnswerResult:
    """Sentence recall@1 and answered rate on ``queries``, honest rate on ``unanswerable``."""
    answerer = Answerer(searcher)
    result = AnswerResult()
    for when in ("before", "after"):
        result.sentence_hits[when], result.answered[when], result.honest[when] = [], [], []
    for query in queries:
        before = _before(searcher, query.q)
        result.answered["before"].append(before is not None)
        result.sentence_hits["before"].append(
            before is not None and any(e.matches_text(before[0].source, before[1]) for e in query.expect)
        )
        after = answerer.answer(query.q)
        quoted = isinstance(after, Quote)
        hit = isinstance(after, Quote) and any(
            e.matches_text(after.hit.passage.source, after.sentences[0]) for e in query.expect
        )
        result.answered["after"].append(quoted)
        result.sentence_hits["after"].append(hit)
        if not hit:
            shown = after.sentences[0] if isinstance(after, Quote) else f"not in the documents: {after}"
            result.misses.append(f"sentence miss: {query.q}\n    -> {shown[:200]}")
    for item in unanswerable:
        result.honest["before"].append(_before(searcher, item.q) is None)
        after = answerer.answer(item.q)
        result.honest["after"].append(not isinstance(after, Quote))
        result.named.append(not isinstance(after, Quote) and after.topic == item.missing)
        if isinstance(after, Quote):
            result.misses.append(f"answered unanswerable: {item.q}\n    -> {after.sentences[0][:200]}")
    return result


def format_answers(result: AnswerResult) -> str:
    """A Markdown table of what a person reads first, before and after sentence answers."""
    summary = result.summary()
    lines = [
        f"| reply ({len(result.answered['after'])} answerable, {summary['unanswerable']} unanswerable) "
        "| sentence recall@1 | answered | honest |",
        "|---|---|---|---|",
    ]
    for when, label in (("before", "first passage (before)"), ("after", "sentence answers (after)")):
        rates = [summary[when][name] for name in ("sentence_recall@1", "answered", "honest")]
        lines.append(f"| {label} | " + " | ".join(f"{rate:.3f}" for rate in rates) + " |")
    lines.append(f"\nunanswerable replies naming the missing topic: {summary['named']:.3f}")
    return "\n".join(lines)
