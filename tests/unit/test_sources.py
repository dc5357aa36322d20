"""Source documents: kept verbatim from the seeds, cleaned of extraction artefacts; PDFs can be added."""

from __future__ import annotations

import re

import pytest

from index.passages import build_passages
from knowledge import load_knowledge
from knowledge.sources import clean_extracted_text, read_source

from ..conftest import SEEDS

SEED_OF = {
    "inai-265-19": "000_e55edf2672eca668.txt",
    "inai-002-18": "001_af44fd6894e70766.txt",
    "snt-recomendaciones-covid19": "002_7fbf4b7ac88f54c8.txt",
    "inai-083-18": "003_229ef751a6d38abd.txt",
    "modulo-2-sesion-3": "004_f196a7a26701c99e.txt",
}
# Words that differ on purpose: footnote markers became "(nota N)" and a section "Notas" holds the
# footnotes; "Nacional3" was the word "Nacional" glued to its footnote marker.
ADDED_WORDS = {"nota", "notas"}
REMOVED_WORDS = {"nacional3"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", re.sub(r"[\\*#_]", " ", text).lower()))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the repository")
@pytest.mark.parametrize("source_id", sorted(SEED_OF))
def test_sources_keep_the_seed_words_and_add_none(kb, source_id):
    seed = (SEEDS / SEED_OF[source_id]).read_text(encoding="utf-8")
    kept = _words(kb.sources[source_id].text)
    assert kept - _words(seed) <= ADDED_WORDS
    assert _words(seed) - kept <= REMOVED_WORDS


def test_every_seed_is_a_source(kb):
    assert set(SEED_OF) == set(kb.sources)


def test_extraction_artefacts_are_cleaned(kb):
    recs = kb.sources["snt-recomendaciones-covid19"].text
    for artefact in ("Locales”1", "II,2", "Nacional3", "públicas,4", "co-\n", "-\n"):
        assert artefact not in recs
    notes = ("#", "1.", "2.", "3.", "4.")
    paragraphs = [p for p in recs.split("\n\n") if p.strip() and not p.startswith(notes)]
    assert all("\n" not in p.strip() for p in paragraphs), "a paragraph is still wrapped over lines"
    assert "(nota 1)" in recs and "guiastl.pdf" in recs
    for source in kb.sources.values():
        assert "](#)" not in source.text and "\\_" not in source.text


def test_front_matter_is_complete(kb):
    for source in kb.sources.values():
        assert source.title and source.summary and source.cite_as
    assert kb.sources["inai-265-19"].number == "INAI/265/19"
    assert str(kb.sources["inai-002-18"].date) == "2018-01-02"
    assert kb.sources["modulo-2-sesion-3"].date is None
    assert kb.sources["snt-recomendaciones-covid19"].kind == "recomendaciones"


def test_clean_extracted_text_rejoins_wrapped_lines_and_split_words():
    raw = "La Comisión de Gobierno \n\nAbierto aprueba las reco-\nmendaciones. \n\nSegundo párrafo\ncorto.\n"
    assert clean_extracted_text(raw) == (
        "La Comisión de Gobierno Abierto aprueba las recomendaciones.\n\nSegundo párrafo corto.\n"
    )


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with ``lines`` of ASCII text in Helvetica."""
    ops = " ".join(f"({line}) Tj 0 -16 Td" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td {ops} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


SIDECAR = """id: guia-prueba
title: Guia de prueba
cite_as: la guía de prueba
kind: guía
number: null
date: 2020-01-15
issuer: Comisión de prueba
url: https://example.org/guia.pdf
summary: Un documento de prueba.
"""


def test_a_pdf_with_a_sidecar_is_read_and_indexed(knowledge_copy):
    pdf = knowledge_copy / "sources" / "guia-prueba.pdf"
    pdf.write_bytes(_pdf(["Los Secretariados Tecnicos Locales se", "reunen cada mes en la entidad."]))
    (knowledge_copy / "sources" / "guia-prueba.yaml").write_text(SIDECAR, encoding="utf-8")
    source = read_source(pdf)
    assert source.text.strip() == "Los Secretariados Tecnicos Locales se reunen cada mes en la entidad."
    kb = load_knowledge(knowledge_copy)
    passages = [p for p in build_passages(kb) if p.source == "guia-prueba"]
    assert len(passages) == 1
    assert (passages[0].date, passages[0].url, passages[0].kind) == (
        "2020-01-15",
        "https://example.org/guia.pdf",
        "guía",
    )


def test_a_pdf_without_its_sidecar_is_named(knowledge_copy):
    from knowledge import KnowledgeError

    (knowledge_copy / "sources" / "suelto.pdf").write_bytes(_pdf(["Texto."]))
    expected = r"suelto\.pdf: a PDF source needs its front matter in suelto\.yaml"
    with pytest.raises(KnowledgeError, match=expected):
        load_knowledge(knowledge_copy)
