"""Reading source documents: Markdown or text with YAML front matter, or PDF with a YAML sidecar."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import KnowledgeError
from .schema import Source

TEXT_SUFFIXES = (".md", ".txt")
PDF_SUFFIX = ".pdf"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HYPHEN_BREAK = re.compile(r"(\w)-\n\s*(\w)")
_PARAGRAPH_END = re.compile(r"[.:;!?”»)]\s*$")


def clean_extracted_text(raw: str) -> str:
    """Rejoin page-wrapped lines of text extracted from a PDF into paragraphs.

    A line that ends a sentence starts a new paragraph; other line breaks are joined with a space,
    and a word split by a hyphen at the end of a line is joined without it.
    """
    text = _HYPHEN_BREAK.sub(r"\1\2", raw.replace("\r\n", "\n"))
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = " ".join(line.split())
        if not stripped:
            continue
        current.append(stripped)
        if _PARAGRAPH_END.search(stripped):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def _parse_meta(path: Path, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise KnowledgeError(path, "front matter must be a YAML mapping of fields")
    return raw


def _read_text_source(path: Path) -> tuple[dict[str, Any], str]:
    content = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(content)
    if not match:
        raise KnowledgeError(path, "missing front matter: the file must start with a '---' block")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise KnowledgeError(path, f"front matter is not valid YAML: {exc}") from exc
    return _parse_meta(path, meta), content[match.end() :]


def _read_pdf_source(path: Path) -> tuple[dict[str, Any], str]:
    from pypdf import PdfReader  # imported here: only needed when a PDF is present

    sidecar = path.with_suffix(".yaml")
    if not sidecar.exists():
        raise KnowledgeError(path, f"a PDF source needs its front matter in {sidecar.name}")
    try:
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(sidecar, f"not valid YAML: {exc}") from exc
    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except Exception as exc:  # pypdf raises many kinds of errors for broken files
        raise KnowledgeError(path, f"cannot read PDF: {exc}") from exc
    return _parse_meta(sidecar, meta), clean_extracted_text("\n".join(pages))


def read_source(path: Path) -> Source:
    """Read and validate one source document."""
    if path.suffix == PDF_SUFFIX:
        meta, body = _read_pdf_source(path)
    else:
        meta, body = _read_text_source(path)
    try:
        return Source(**meta, text=body.strip() + "\n", path=str(path))
    except ValidationError as exc:
        raise KnowledgeError.from_validation(path, meta.get("id"), exc) from exc
    except TypeError as exc:  # e.g. front matter repeats 'text' or 'path'
        raise KnowledgeError(path, str(exc)) from exc


def source_files(folder: Path) -> list[Path]:
    """The source documents in ``folder``, in a stable order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (*TEXT_SUFFIXES, PDF_SUFFIX))
