"""The structured facts hold against the source texts, and the knowledge base answers as it should."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from knowledge.text import squash


def _names(enumeration: str) -> list[str]:
    """'A, B (2), C y D' → ['A', 'B (2)', 'C', 'D']."""
    return [n.strip() for n in re.split(r",\s*|\s+y\s+", enumeration) if n.strip()]


def _source_text(kb, source_id: str) -> str:
    return squash(kb.sources[source_id].text.replace("*", ""))


def _members(kb, list_id: str) -> dict[str, int]:
    return {state.name: count for state, count in kb.members(list_id)}


def test_all_32_states_with_unique_ids(kb):
    assert len(kb.states) == 32
    assert len({s.id for s in kb.states}) == 32


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("CDMX", "Ciudad de México"),
        ("df", "Ciudad de México"),
        ("Ciudad de Mexico", "Ciudad de México"),
        ("edomex", "Estado de México"),
        ("Estado de México", "Estado de México"),
        ("NL", "Nuevo León"),
        ("slp", "San Luis Potosí"),
        ("BC", "Baja California"),
        ("bcs", "Baja California Sur"),
        ("Q. Roo", "Quintana Roo"),
        ("Michoacan", "Michoacán"),
        ("michoacán de ocampo", "Michoacán"),
        ("Veracruz de Ignacio de la Llave", "Veracruz"),
        ("yucatan", "Yucatán"),
    ],
)
def test_states_are_found_by_what_people_type(kb, typed, expected):
    assert kb.state(typed).name == expected


def test_ordinary_words_are_not_state_aliases(kb):
    for word in ("son", "ver", "sin", "col", "mexico", "baja", "estado"):
        assert kb.state(word) is None, word


def test_stl_2020_list_matches_the_communique(kb):
    text = _source_text(kb, "inai-265-19")
    printed = re.search(r"se han configurado 21 STL en los estados de (.+?) y se han publicado", text)
    assert sorted(_names(printed.group(1))) == sorted(_members(kb, "stl-2020-08"))
    assert len(_members(kb, "stl-2020-08")) == 21


def test_pal_2020_counts_match_the_communique_and_add_up_to_21(kb):
    text = _source_text(kb, "inai-265-19")
    printed = re.search(r"21 Planes de Acción Local \(PAL\) en los estados de (.+?)\.", text).group(1)
    counts = {}
    for entry in _names(printed):
        name, _, count = re.match(r"(.+?)(\s*\((\d+)\))?$", entry).groups()
        counts[name] = int(count) if count else 1
    assert counts == _members(kb, "pal-2020-08")
    assert sum(counts.values()) == 21


def test_2018_lists_match_the_communique(kb):
    text = _source_text(kb, "inai-002-18")
    stl = re.search(r"16 Secretariados Técnicos Locales en los estados de (.+?)\.", text).group(1)
    pal = re.search(r"10 Planes de Acción Local en los estados de (.+?), que contienen", text).group(1)
    assert sorted(_names(stl)) == sorted(_members(kb, "stl-2018-01"))
    assert sorted(_names(pal)) == sorted(_members(kb, "pal-2018-01"))


def test_joined_years_match_both_communiques_and_add_up_to_26(kb):
    by_year = {
        year: sorted(s.name for s in kb.states if s.joined and s.joined.year == year)
        for year in (2015, 2016, 2017)
    }
    text = _source_text(kb, "inai-083-18")
    printed = re.search(r"En 2015, se sumaron (.+?); en 2016, (.+?), y en 2017, (.+?)\.", text)
    assert [sorted(_names(g)) for g in printed.groups()] == [by_year[y] for y in (2015, 2016, 2017)]
    text = _source_text(kb, "inai-002-18")
    assert (
        sorted(_names(re.search(r"En 2015 se sumaron a la iniciativa los estados de (.+?)\.", text).group(1)))
        == by_year[2015]
    )
    assert sum(len(names) for names in by_year.values()) == 26


def test_a_state_absent_from_every_list_has_no_recorded_status(kb):
    aguascalientes = kb.state("Aguascalientes")
    assert aguascalientes.joined is None and aguascalientes.listed == []
    colima = kb.state("Colima")  # in the 2020 STL list only: joined year not reported
    assert colima.joined is None and [listing.list for listing in colima.listed] == ["stl-2020-08"]


def test_newest_figures_win_and_history_is_dated(kb):
    latest = kb.latest("estados")
    assert (latest.value, latest.date, latest.source) == (30, dt.date(2020, 8, 14), "inai-265-19")
    assert [(o.value, o.date.year) for o in kb.history("stl")] == [(16, 2018), (21, 2020)]
    assert kb.latest("compromisos").value == 140
    assert kb.latest("actores_locales").qualifier == "más de"


def test_undated_figures_are_never_the_newest(kb):
    undated = [o for o in kb.figures.observations if o.date is None]
    assert undated and all(o.source == "modulo-2-sesion-3" for o in undated)
    assert all(o in kb.superseded() for o in undated)
    assert all(o.date is not None for o in kb.history("stl"))


def test_four_recommendations_in_order_with_issuer_and_date(kb):
    recs = kb.recommendations
    assert [r.ordinal for r in recs.items] == [1, 2, 3, 4]
    assert recs.approved == dt.date(2020, 5, 25)
    assert "Sistema Nacional de Transparencia" in recs.issuer
    assert kb.recommendation(3).text.startswith("Innovar estrategias")
    assert kb.recommendation(5) is None


def test_guides_have_their_links(kb):
    urls = {g.title: str(g.url) for g in kb.guides}
    assert urls["Guía de Secretariados Técnicos Locales"].endswith("/2018/09/guiastl.pdf")
    assert "Cocreacion_Compromisos-II" in urls["Guía de Cocreación de Compromisos II"]
    assert "GUIA_TP_2020" in urls["Guía de Transparencia Proactiva Nacional"]


def test_inai_contacts_carry_the_dated_2025_note(kb):
    contacts = {c.id: c for c in kb.contacts}
    assert str(contacts["contactos-dggat"].url).endswith("?page_id=877")
    notes = kb.notes_for(contacts["contactos-dggat"].institution)
    assert notes and notes[0].date.year == 2025
    assert "Secretaría Anticorrupción y Buen Gobierno" in notes[0].text


def test_glossary_defines_stl_and_pal(kb):
    assert "instancia máxima de diálogo" in kb.term("stl").definitions[0].quote
    assert kb.term("Plan de Acción Local (PAL)").id == "pal"
    assert kb.term("nada") is None


def test_citations_name_the_document_and_its_date(kb):
    assert kb.citation("inai-265-19") == "el comunicado INAI/265/19, 14 de agosto de 2020"
    assert kb.citation("snt-recomendaciones-covid19").endswith("25 de mayo de 2020")
    assert kb.citation("modulo-2-sesion-3").endswith("sin fecha")


def test_content_digest_changes_with_the_knowledge(knowledge_copy):
    from knowledge import content_digest

    before = content_digest(knowledge_copy)
    path = knowledge_copy / "facts" / "guides.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert content_digest(knowledge_copy) != before
    after_facts = content_digest(knowledge_copy)
    path = knowledge_copy / "vocabulary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert content_digest(knowledge_copy) != after_facts
