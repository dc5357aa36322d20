"""Building the index on disk and opening it again.

Layout under ``INDEX_DIR`` (default ``build/index``)::

    versions/<build id>-<time>/   passages.jsonl, dense.faiss, sentences.jsonl, sentences.npy, verbs.txt,
                                  meta.json
    current -> versions/...       symlink, swapped atomically when a build completes

A build writes into a temporary folder and only then points ``current`` at it, so a failed build leaves
the previous index serving. Builds are skipped when the knowledge, the model and the passage code are
unchanged (content hash) and the files are as they were built. ``sentences.*`` hold what answers quote
(:mod:`index.sentences`): each sentence's passage, its text and its vector, so that answers can rank
sentences without embedding them. ``verbs.txt`` lists the Spanish verb forms answers need
(:mod:`index.lemmas`).

``meta.json`` records the SHA-256 of every other file. Opening the index checks them, and that every vector
is finite (NaN written over the vectors would otherwise make every search quietly find nothing): an
altered or poisoned index is refused naming the file and what is wrong, and a build replaces it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import faiss
import numpy as np
from tqdm import tqdm

from knowledge import KnowledgeBase, load_knowledge

from . import lemmas
from . import passages as passages_module
from . import sentences as sentences_module
from .config import Settings
from .embedders import Embedder, make_embedder, model_id
from .passages import Passage, build_passages
from .sentences import units

log = logging.getLogger(__name__)
FORMAT = 3  # 3: meta.json records the files' SHA-256
FILES = ("passages.jsonl", "dense.faiss", "sentences.jsonl", "sentences.npy", "verbs.txt")
BATCH = 16
KEEP_VERSIONS = 2


class IndexUnavailable(RuntimeError):
    """The index is missing, damaged, or cannot serve this configuration; the message says what to do."""


class ModelMismatch(IndexUnavailable):
    """The index was built with another embedding model than the one configured."""


@dataclass(frozen=True)
class BuildResult:
    path: Path
    built: bool
    passages: int
    seconds: float


@dataclass(frozen=True)
class Sentence:
    """A quotable unit of a passage: a sentence of a source, or a passage made from facts as a whole."""

    passage: int  # index into the passages
    text: str


@dataclass(frozen=True)
class LoadedIndex:
    path: Path
    meta: dict
    passages: list[Passage]
    dense: faiss.Index
    sentences: list[Sentence]
    sentence_vectors: np.ndarray
    verb_forms: frozenset[str]


def build_id(kb: KnowledgeBase, model: str) -> str:
    """Hash of what determines the index: format, knowledge content, model, the passage and sentence code."""
    digest = hashlib.sha256()
    modules = (passages_module, sentences_module, lemmas)
    code = [Path(str(m.__file__)).read_text("utf-8") for m in modules]
    for part in (str(FORMAT), kb.digest, model, lemmas.data_version(), *code):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:16]


def _current(root: Path) -> Path:
    return root / "current"


def _read_meta(folder: Path) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return meta


def current_meta(root: Path) -> dict | None:
    """The serving index's record (build id, model, knowledge digest…), or None if there is none."""
    try:
        return _read_meta(_current(root))
    except (OSError, ValueError):
        return None


def current_build_id(root: Path) -> str | None:
    """The build id the serving index was made with, or None when there is no readable index."""
    return (current_meta(root) or {}).get("build_id")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _altered(folder: Path, meta: dict) -> str | None:
    """What is wrong with the first file that is missing or no longer what its build wrote, or None."""
    recorded = meta.get("sha256") or {}
    for name in FILES:
        path = folder / name
        if not path.is_file():
            return f"falta {name}"
        if recorded.get(name) != _sha256(path):
            return f"{name} cambió después de construirse (su SHA-256 no es el que anota meta.json)"
    return None


def _non_finite(vectors: np.ndarray) -> int:
    """How many of ``vectors`` hold a NaN or an infinite value."""
    return int((~np.isfinite(vectors)).any(axis=1).sum())


def _embed(embedder: Embedder, texts: list[str], progress: bool, what: str = "passages") -> np.ndarray:
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    batches = range(0, len(texts), BATCH)
    bar = tqdm(batches, desc=f"embedding {what}", unit="batch", disable=not progress)
    vectors = [embedder.embed_passages(texts[start : start + BATCH]) for start in bar]
    return np.ascontiguousarray(np.vstack(vectors), dtype=np.float32)


def _sentences(
    embedder: Embedder, passages: list[Passage], vectors: np.ndarray, progress: bool
) -> tuple[list[Sentence], np.ndarray]:
    """Every passage's sentences with their vectors; a passage quoted whole reuses its own vector."""
    sentences = [Sentence(i, text) for i, p in enumerate(passages) for text in units(p)]
    new = [s.text for s in sentences if s.text != passages[s.passage].text]
    embedded = iter(_embed(embedder, new, progress, "sentences"))
    rows = [vectors[s.passage] if s.text == passages[s.passage].text else next(embedded) for s in sentences]
    return sentences, np.ascontiguousarray(np.vstack(rows), dtype=np.float32)


def _write(
    folder: Path,
    passages: list[Passage],
    vectors: np.ndarray,
    sentences: tuple[list[Sentence], np.ndarray],
    meta: dict,
) -> None:
    dense = faiss.IndexFlatIP(vectors.shape[1])
    dense.add(vectors)
    faiss.write_index(dense, str(folder / "dense.faiss"))
    with open(folder / "passages.jsonl", "w", encoding="utf-8") as out:
        for passage in passages:
            out.write(json.dumps(passage.to_dict(), ensure_ascii=False) + "\n")
    with open(folder / "sentences.jsonl", "w", encoding="utf-8") as out:
        for sentence in sentences[0]:
            out.write(
                json.dumps({"passage": sentence.passage, "text": sentence.text}, ensure_ascii=False) + "\n"
            )
    np.save(folder / "sentences.npy", sentences[1])
    (folder / "verbs.txt").write_text("\n".join(_verb_forms()) + "\n", encoding="utf-8")
    sha256 = {name: _sha256(folder / name) for name in FILES}
    (folder / "meta.json").write_text(json.dumps(meta | {"sha256": sha256}, indent=2), encoding="utf-8")


@lru_cache(maxsize=1)
def _verb_forms() -> tuple[str, ...]:
    """The verb forms every build writes (read from the lookup data once per process)."""
    return tuple(lemmas.verb_forms())


def _swap_current(root: Path, target: Path) -> None:
    link = root / f".current-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(target.relative_to(root), link)
    os.replace(link, _current(root))


def _prune(versions: Path, keep: int) -> None:
    finished = sorted(
        (p for p in versions.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in finished[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _up_to_date(root: Path, bid: str) -> bool:
    """Whether the serving index was built as ``bid`` and its files are still as they were written."""
    meta = current_meta(root)
    if meta is None or meta.get("build_id") != bid:
        return False
    problem = _altered(_current(root), meta)
    if problem is not None:
        log.warning("the index in %s is damaged (%s): rebuilding it", _current(root), problem)
    return problem is None


def build_index(
    settings: Settings,
    kb: KnowledgeBase | None = None,
    embedder: Embedder | None = None,
    force: bool = False,
    progress: bool = True,
) -> BuildResult:
    """Build the index unless an up-to-date, intact one is serving; swap it in atomically when done.
    Raises IndexUnavailable, leaving the serving index, when the model gives NaN or infinite vectors."""
    started = time.perf_counter()
    kb = kb or load_knowledge()
    root = settings.index_dir
    model = model_id(settings)
    bid = build_id(kb, model)
    if not force and _up_to_date(root, bid):
        log.info("index is up to date (%s)", bid)
        return BuildResult(_current(root).resolve(), False, 0, time.perf_counter() - started)
    passages = build_passages(kb)
    embedder = embedder or make_embedder(settings)
    versions = root / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=versions))
    try:
        vectors = _embed(embedder, [p.text for p in passages], progress)
        sentences = _sentences(embedder, passages, vectors, progress)
        if broken := _non_finite(vectors) + _non_finite(sentences[1]):
            raise IndexUnavailable(
                f"El modelo {model} dio {broken} vectores con valores no finitos (NaN o infinito): el "
                "índice no se construyó y el anterior sigue sirviendo. Revisa el modelo y vuelve a construir."
            )
        meta = {
            "format": FORMAT,
            "build_id": bid,
            "model_id": model,
            "dim": int(vectors.shape[1]),
            "knowledge_digest": kb.digest,
            "passages": len(passages),
            "sentences": len(sentences[0]),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        _write(tmp, passages, vectors, sentences, meta)
        target = versions / f"{bid}-{time.time_ns()}"
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap_current(root, target)
    _prune(versions, KEEP_VERSIONS)
    seconds = time.perf_counter() - started
    log.info("index built: %d passages in %.1f s (%s)", len(passages), seconds, target)
    return BuildResult(target, True, len(passages), seconds)


def load_index(settings: Settings) -> LoadedIndex:
    """Open the serving index, checking it was built with the configured model, its files are those the
    build wrote (SHA-256), it is whole, and every vector is finite."""
    folder = _current(settings.index_dir)
    hint = "Constrúyelo con `python -m index build` (o `make index`)."
    if not folder.exists():
        raise IndexUnavailable(f"No hay índice en {settings.index_dir}. {hint}")
    try:
        meta = _read_meta(folder)
        if meta.get("format") != FORMAT:
            raise IndexUnavailable(f"El índice en {folder} tiene otro formato ({meta.get('format')}). {hint}")
        expected = model_id(settings)
        if meta.get("model_id") != expected:
            raise ModelMismatch(
                f"El índice en {folder} se construyó con el modelo {meta.get('model_id')!r}, pero la "
                f"configuración pide {expected!r}: buscar con otro modelo daría resultados sin sentido. "
                f"{hint}"
            )
        altered = _altered(folder, meta)
        if altered is not None:
            raise IndexUnavailable(f"El índice en {folder} está dañado: {altered}. {hint}")
        with open(folder / "passages.jsonl", encoding="utf-8") as lines:
            passages = [Passage(**json.loads(line)) for line in lines]
        dense = faiss.read_index(str(folder / "dense.faiss"))
        with open(folder / "sentences.jsonl", encoding="utf-8") as lines:
            sentences = [Sentence(**json.loads(line)) for line in lines]
        sentence_vectors = np.load(folder / "sentences.npy")
        verb_forms = frozenset((folder / "verbs.txt").read_text(encoding="utf-8").split())
    except IndexUnavailable:
        raise
    except Exception as exc:  # damaged files surface as many error types
        raise IndexUnavailable(f"El índice en {folder} está dañado ({exc}). {hint}") from exc
    whole = (
        dense.ntotal == len(passages)
        and dense.d == meta.get("dim")
        and sentence_vectors.shape == (len(sentences), dense.d)
        and all(0 <= s.passage < len(passages) for s in sentences)
    )
    if not whole:
        raise IndexUnavailable(f"El índice en {folder} está dañado (vectores y pasajes no coinciden). {hint}")
    for name, vectors in (
        ("dense.faiss", dense.reconstruct_n(0, dense.ntotal)),
        ("sentences.npy", sentence_vectors),
    ):
        if broken := _non_finite(vectors):
            raise IndexUnavailable(
                f"El índice en {folder} está dañado: {name} tiene {broken} de {len(vectors)} vectores con "
                f"valores no finitos (NaN o infinito). {hint}"
            )
    return LoadedIndex(folder.resolve(), meta, passages, dense, sentences, sentence_vectors, verb_forms)
