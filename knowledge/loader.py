"""Load ``knowledge/``: read every file, validate it against the schema, check cross-references."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .base import KnowledgeBase
from .errors import KnowledgeError
from .schema import (
    Contact,
    DatedList,
    Figures,
    Guide,
    Note,
    Quoted,
    Recommendations,
    Source,
    State,
    Synonym,
    Term,
)
from .sources import read_source, source_files
from .text import fold, squash
from .vocabulary import PLACEHOLDER, START_STEPS, STEP_PLACEHOLDERS, Vocabulary

DEFAULT_ROOT = Path(__file__).resolve().parent
M = TypeVar("M", bound=BaseModel)


def knowledge_root() -> Path:
    """The knowledge folder: ``$KNOWLEDGE_DIR`` or this package's own folder."""
    return Path(os.environ.get("KNOWLEDGE_DIR") or DEFAULT_ROOT)


def content_digest(root: Path) -> str:
    """SHA-256 over every source (PDF sidecars included), fact file and the vocabulary: changes iff the
    knowledge does."""
    digest = hashlib.sha256()
    files = [p for p in (root / "sources").iterdir() if p.is_file()] + list((root / "facts").glob("*.yaml"))
    files += [root / "vocabulary.yaml"]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key written twice in one mapping (YAML would keep the last silently)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> Any:
    if not path.exists():
        raise KnowledgeError(path, "file is missing")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # a SafeLoader
    except yaml.YAMLError as exc:
        raise KnowledgeError(path, f"not valid YAML: {exc}") from exc


def _entry_label(raw: Any, position: int) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"'{ident}' (#{position + 1})" if ident else f"#{position + 1}"


def _validate(model: type[M], raw: Any, path: Path, entry: str | None = None) -> M:
    if not isinstance(raw, dict):
        raise KnowledgeError(path, "expected a mapping of fields", entry=entry)
    try:
        return model(**raw)
    except ValidationError as exc:
        raise KnowledgeError.from_validation(path, entry, exc) from exc


def _validate_list(model: type[M], path: Path) -> list[tuple[str, M]]:
    raw = _read_yaml(path)
    if not isinstance(raw, list):
        raise KnowledgeError(path, "expected a list of entries")
    return [
        (_entry_label(item, i), _validate(model, item, path, _entry_label(item, i)))
        for i, item in enumerate(raw)
    ]


def _unique(items: Iterable[tuple[str, Any]], path: Path) -> None:
    seen: set[str] = set()
    for label, item in items:
        if item.id in seen:
            raise KnowledgeError(path, f"id '{item.id}' is used twice", entry=label, field="id")
        seen.add(item.id)


class _Checker:
    """Cross-file checks: references resolve and every quote stands in its source."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self._plain = {sid: squash(s.text.replace("*", "")) for sid, s in sources.items()}

    def source(self, ref: str, path: Path, entry: str | None, field: str) -> None:
        if ref not in self.sources:
            known = ", ".join(sorted(self.sources))
            raise KnowledgeError(path, f"unknown source '{ref}' (known: {known})", entry, field)

    def quote(self, ref: str, quote: str, path: Path, entry: str | None, field: str) -> None:
        self.source(ref, path, entry, "source")
        if squash(quote) not in self._plain[ref]:
            raise KnowledgeError(path, f"this text is not in source '{ref}': {quote!r}", entry, field)

    def quoted(self, item: Quoted, path: Path, entry: str) -> None:
        self.quote(item.source, item.quote, path, entry, "quote")


def _load_states(path: Path, lists: dict[str, DatedList], lists_path: Path, check: _Checker) -> list[State]:
    entries = _validate_list(State, path)
    _unique(entries, path)
    names: dict[str, str] = {}
    totals = {list_id: 0 for list_id in lists}
    for label, state in entries:
        for name in (state.name, *state.aliases):
            key = squash(fold(name))
            if names.setdefault(key, state.id) != state.id:
                raise KnowledgeError(
                    path, f"name or alias '{name}' also belongs to '{names[key]}'", label, "aliases"
                )
        if state.joined:
            for i, ref in enumerate(state.joined.sources):
                check.source(ref, path, label, f"joined.sources.{i}")
        seen: set[str] = set()
        for i, listing in enumerate(state.listed):
            if listing.list not in lists:
                raise KnowledgeError(
                    path, f"unknown list '{listing.list}' (see lists.yaml)", label, f"listed.{i}.list"
                )
            if listing.list in seen:
                raise KnowledgeError(path, f"list '{listing.list}' named twice", label, f"listed.{i}")
            if lists[listing.list].kind == "stl" and listing.count != 1:
                raise KnowledgeError(path, "STL lists take no count", label, f"listed.{i}.count")
            seen.add(listing.list)
            totals[listing.list] += listing.count
    for list_id, lst in lists.items():
        if totals[list_id] != lst.total:
            raise KnowledgeError(
                lists_path,
                f"the source gives {lst.total} but states.yaml lists {totals[list_id]}",
                f"'{list_id}'",
                "total",
            )
    return [state for _, state in entries]


def _check_references(entries: Sequence[tuple[str, Guide | Contact]], path: Path, check: _Checker) -> None:
    _unique(entries, path)
    for label, item in entries:
        check.quoted(item, path, label)
        for i, ref in enumerate(item.also_in):
            check.source(ref, path, label, f"also_in.{i}")
        if isinstance(item, Guide) and item.offered_by is not None:
            check.quote(item.source, item.offered_by.quote, path, label, "offered_by.quote")


def _load_vocabulary(path: Path, guide_ids: Sequence[str], term_ids: Sequence[str]) -> Vocabulary:
    """The vocabulary, whose guide words name exactly the guides of guides.yaml, and whose missing topics
    send to terms of glossary.yaml."""
    vocabulary = _validate(Vocabulary, _read_yaml(path), path)
    for key, topic in vocabulary.not_in_documents.items():
        if topic.see is not None and topic.see not in term_ids:
            known = ", ".join(sorted(term_ids))
            where = f"not_in_documents.{key}"
            raise KnowledgeError(path, f"unknown term '{topic.see}' (known: {known})", where, "see")
    if START_STEPS not in vocabulary.next_steps:
        raise KnowledgeError(
            path, f"no '{START_STEPS}' steps (for answers with no topic)", "next_steps", START_STEPS
        )
    for kind, steps in vocabulary.next_steps.items():
        for number, step in enumerate(steps):
            unknown = set(PLACEHOLDER.findall(step.title + step.question)) - STEP_PLACEHOLDERS
            if unknown:
                where = f"next_steps.{kind}[{number}]"
                raise KnowledgeError(
                    path,
                    f"unknown placeholder {{{unknown.pop()}}} (known: state, next, guide)",
                    where,
                    "question",
                )
    for guide_id in vocabulary.guides:
        if guide_id not in guide_ids:
            known = ", ".join(sorted(guide_ids))
            raise KnowledgeError(path, f"unknown guide '{guide_id}' (known: {known})", "guides", guide_id)
    for guide_id in guide_ids:
        if guide_id not in vocabulary.guides:
            raise KnowledgeError(path, f"no words name guide '{guide_id}' of guides.yaml", "guides", guide_id)
    return vocabulary


def load_knowledge(root: Path | None = None) -> KnowledgeBase:
    """Read and validate the whole knowledge base; raise :class:`KnowledgeError` on the first fault."""
    root = Path(root) if root else knowledge_root()
    facts = root / "facts"
    sources: dict[str, Source] = {}
    for path in source_files(root / "sources"):
        source = read_source(path)
        if source.id in sources:
            raise KnowledgeError(
                path, f"id '{source.id}' is also used by {sources[source.id].path}", field="id"
            )
        sources[source.id] = source
    if not sources:
        raise KnowledgeError(root / "sources", "no source documents found")
    check = _Checker(sources)

    lists_path = facts / "lists.yaml"
    list_entries = _validate_list(DatedList, lists_path)
    _unique(list_entries, lists_path)
    for label, lst in list_entries:
        check.quoted(lst, lists_path, label)
    lists = {lst.id: lst for _, lst in list_entries}
    states = _load_states(facts / "states.yaml", lists, lists_path, check)

    figures_path = facts / "figures.yaml"
    figures = _validate(Figures, _read_yaml(figures_path), figures_path)
    for i, obs in enumerate(figures.observations):
        label = f"observations #{i + 1} ({obs.metric}, {obs.date or 'sin fecha'})"
        if obs.metric not in figures.metrics:
            raise KnowledgeError(figures_path, f"unknown metric '{obs.metric}'", label, "metric")
        check.quoted(obs, figures_path, label)
    for key, metric in figures.metrics.items():
        for i, other in enumerate(metric.given_instead_of):
            if other not in figures.metrics:
                raise KnowledgeError(
                    figures_path, f"unknown metric '{other}'", f"metrics.{key}", f"given_instead_of.{i}"
                )

    rec_path = facts / "recommendations.yaml"
    recommendations = _validate(Recommendations, _read_yaml(rec_path), rec_path)
    check.source(recommendations.source, rec_path, None, "source")
    for item in recommendations.items:
        check.quote(recommendations.source, item.text, rec_path, f"'{item.name}'", "text")

    guides_path, contacts_path = facts / "guides.yaml", facts / "contacts.yaml"
    guides = _validate_list(Guide, guides_path)
    contacts = _validate_list(Contact, contacts_path)
    _check_references(guides, guides_path, check)
    _check_references(contacts, contacts_path, check)

    notes_path = facts / "notes.yaml"
    notes = _validate_list(Note, notes_path)
    _unique(notes, notes_path)
    glossary_path = facts / "glossary.yaml"
    glossary = _validate_list(Term, glossary_path)
    _unique(glossary, glossary_path)
    for label, term in glossary:
        for i, definition in enumerate(term.definitions):
            check.quote(definition.source, definition.quote, glossary_path, label, f"definitions.{i}.quote")
        if term.purpose is not None:
            check.quote(term.purpose.source, term.purpose.quote, glossary_path, label, "purpose.quote")
        if term.origin is not None:
            check.quote(term.origin.source, term.origin.quote, glossary_path, label, "origin.quote")
    synonyms = [syn for _, syn in _validate_list(Synonym, facts / "synonyms.yaml")]
    term_ids = [t.id for _, t in glossary]
    guide_ids = [g.id for _, g in guides]
    for label, term in glossary:
        for i, step in enumerate(term.steps):
            if step not in [t.id for _, t in glossary]:
                raise KnowledgeError(glossary_path, f"unknown term '{step}'", label, f"steps.{i}")
        if term.guide is not None and term.guide not in guide_ids:
            known = ", ".join(sorted(guide_ids))
            raise KnowledgeError(
                glossary_path, f"unknown guide '{term.guide}' (known: {known})", label, "guide"
            )
    vocabulary = _load_vocabulary(root / "vocabulary.yaml", [g.id for _, g in guides], term_ids)

    return KnowledgeBase(
        root=root,
        digest=content_digest(root),
        sources=sources,
        lists=lists,
        states=states,
        figures=figures,
        recommendations=recommendations,
        guides=[g for _, g in guides],
        contacts=[c for _, c in contacts],
        notes=[n for _, n in notes],
        glossary=[t for _, t in glossary],
        synonyms=synonyms,
        vocabulary=vocabulary,
    )
