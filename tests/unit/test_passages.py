"""What the index holds: paragraph chunks with their citation data, and passages made from the facts."""

from __future__ import annotations

import pytest

from index.passages import build_passages, chunk_text


@pytest.fixture(scope="module")
def passages(kb):
    return {p.id: p for p in build_passages(kb)}


def test_field_lines_stay_with_their_paragraph():
    body = (
        "## MÓDULO 2\n\n**Objetivo:** Informar a los fellows.\n\n**Duración:** 79 minutos.\n\n---\n\n"
        "### I. Introducción\n\nLos gobiernos estatales y municipales son espacios de gobierno ideales "
        "para el desarrollo de iniciativas de gobierno abierto, por su proximidad con la gente.\n\n"
        "Segundo párrafo con bastante texto para no ser una línea corta ni un encabezado del documento, "
        "sino contenido propio que se indexa aparte.\n\n**Nota:** al final."
    )
    chunks = chunk_text(body)
    assert chunks[0].startswith(
        "MÓDULO 2 Objetivo: Informar a los fellows. Duración: 79 minutos. "
        "I. Introducción Los gobiernos estatales"
    )
    assert chunks[1].endswith("se indexa aparte. Nota: al final.")
    assert len(chunks) == 2


def test_each_recommendation_is_its_own_chunk(passages):
    starts = [
        p.text.split(".")[0]
        for p in passages.values()
        if p.source == "snt-recomendaciones-covid19" and "#" in p.id
    ]
    for ordinal in ("Primera", "Segunda", "Tercera", "Cuarta"):
        assert sum(1 for s in starts if s.endswith(ordinal)) == 1, ordinal


def test_every_passage_carries_its_citation_data(passages, kb):
    for p in passages.values():
        assert p.text and p.title and p.kind
        if p.kind != "nota":
            source = kb.sources[p.source]
            assert (p.title, p.number) == (source.title, source.number)
            assert p.date == (source.date.isoformat() if source.date else None)
    assert passages["inai-265-19#1"].number == "INAI/265/19"


def test_chunks_are_paragraph_sized(passages):
    chunks = [p for p in passages.values() if "#" in p.id]
    assert len(chunks) >= 40
    assert max(len(p.text) for p in chunks) <= 1400


def test_state_passages_say_what_each_source_says(passages):
    jalisco = passages["estado:jalisco:inai-265-19"].text
    assert "Jalisco" in jalisco and "2 Planes de Acción Local (PAL)" in jalisco
    assert jalisco.startswith("Jalisco (JAL), según el comunicado INAI/265/19, 14 de agosto de 2020")
    assert passages["estado:jalisco:ingreso"].text.startswith("Jalisco (JAL) se sumó a la iniciativa")
    assert "en 2015" in passages["estado:jalisco:ingreso"].text
    assert passages["estado:jalisco:inai-265-19"].subject == "jalisco"


def test_an_unlisted_state_is_not_reported_rather_than_no(passages):
    text = passages["estado:aguascalientes:inai-265-19"].text
    assert "no está reportada" in text and "no figura en la lista" in text
    for p in passages.values():
        if p.subject == "aguascalientes":
            assert "no participa" not in p.text and "no tiene" not in p.text
    assert "año en que se sumó no está reportado" in passages["estado:colima:ingreso"].text


def test_lists_and_figures_are_passages_with_their_sources(passages):
    assert passages["lista:stl-2020-08"].text.count(",") >= 19
    assert "Campeche (2)" in passages["lista:pal-2020-08"].text
    assert passages["cifra:stl:inai-265-19"].text.startswith(
        "Número de Secretariados Técnicos Locales (STL): 21"
    )
    assert passages["recomendacion:3"].text.startswith("Recomendación tercera (3 de 4)")
    assert "guiastl.pdf" in passages["guia:guia-stl"].text


def test_inai_contact_passages_carry_the_2025_note(passages):
    assert "el INAI se extinguió en 2025" in passages["contacto:contactos-dggat"].text
    note = passages["nota:inai-extinto-2025"]
    assert note.kind == "nota" and note.date == "2025-03-20" and note.url


def test_passages_with_superseded_figures_are_marked_historical(passages):
    historical = {pid for pid, p in passages.items() if p.historical}
    assert {
        "lista:stl-2018-01",
        "cifra:stl:inai-002-18",
        "estado:jalisco:inai-002-18",
        "inai-002-18#6",
        "estado:colima:ingreso",  # «no figura entre los que se sumaron» (2018); it has an STL in 2020
    } <= historical
    assert (
        not {
            "lista:stl-2020-08",
            "cifra:stl:inai-265-19",
            "estado:jalisco:inai-265-19",
            "estado:jalisco:ingreso",
            "estado:aguascalientes:ingreso",  # in no list since: nothing newer says otherwise
            "inai-083-18#6",
            "recomendacion:1",
        }
        & historical
    )
