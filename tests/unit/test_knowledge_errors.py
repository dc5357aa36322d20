"""A bad knowledge file fails at load with a message naming the file, the entry and the field."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeError, load_knowledge

ABSENCE = (  # the lines of knowledge/vocabulary.yaml the tests below break
    "absence: [no tienen, no tiene, no hay, no cuentan, no aparecen, no aparece, no figuran, no figura, "
    "no estan, no salen,\n  cuales no, los que no, las que no, quienes no, faltaban, faltan, los que faltan, "
    "los que faltaban, quienes faltan]"
)


def _edit(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _error(root) -> KnowledgeError:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(root)
    return caught.value


def test_the_copy_itself_loads(knowledge_copy):
    assert len(load_knowledge(knowledge_copy).states) == 32


def test_wrong_type_names_file_entry_and_field(knowledge_copy):
    states = knowledge_copy / "facts" / "states.yaml"
    text = states.read_text(encoding="utf-8")
    start = text.index("- id: jalisco\n")
    jalisco = text[start : text.index("- id:", start + 1)]
    states.write_text(
        text.replace(jalisco, jalisco.replace("year: 2015", "year: dos mil quince")), encoding="utf-8"
    )
    error = _error(knowledge_copy)
    assert error.path.endswith("states.yaml")
    assert "'jalisco'" in error.entry
    assert error.field == "joined.year"
    assert "states.yaml: entry 'jalisco'" in str(error) and "field 'joined.year'" in str(error)


def test_a_quote_not_in_its_source_is_refused(knowledge_copy):
    _edit(
        knowledge_copy / "facts" / "figures.yaml",
        "colaboran más de 400 actores locales",
        "colaboran más de 500 actores locales",
    )
    error = _error(knowledge_copy)
    assert error.path.endswith("figures.yaml") and error.field == "quote"
    assert "actores_locales" in error.entry and "not in source 'inai-265-19'" in str(error)


def test_a_recommendation_text_must_be_verbatim(knowledge_copy):
    _edit(knowledge_copy / "facts" / "recommendations.yaml", "Innovar estrategias", "Inventar estrategias")
    error = _error(knowledge_copy)
    assert error.path.endswith("recommendations.yaml") and error.entry == "'Tercera'"
    assert error.field == "text"


def test_a_list_whose_members_do_not_add_up_is_refused(knowledge_copy):
    _edit(
        knowledge_copy / "facts" / "states.yaml",
        "  - list: pal-2020-08\n    count: 2\n",
        "  - list: pal-2020-08\n    count: 3\n",
    )
    error = _error(knowledge_copy)
    assert error.path.endswith("lists.yaml") and error.entry == "'pal-2020-08'"
    assert error.field == "total" and "gives 21" in str(error) and "lists 22" in str(error)


def test_an_unknown_source_reference_is_refused(knowledge_copy):
    _edit(knowledge_copy / "facts" / "guides.yaml", "also_in: [inai-265-19]", "also_in: [inai-999-99]")
    error = _error(knowledge_copy)
    assert error.path.endswith("guides.yaml") and "guia-stl" in error.entry
    assert error.field == "also_in.0" and "unknown source 'inai-999-99'" in str(error)


def test_a_misspelt_field_is_refused(knowledge_copy):
    _edit(knowledge_copy / "facts" / "contacts.yaml", "  institution: INAI\n", "  instituton: INAI\n")
    error = _error(knowledge_copy)
    assert error.path.endswith("contacts.yaml") and "contactos-dggat" in error.entry
    assert error.field in {"instituton", "institution"}


def test_an_alias_of_two_states_is_refused(knowledge_copy):
    _edit(knowledge_copy / "facts" / "states.yaml", "  - jal\n", "  - jal\n  - slp\n")
    error = _error(knowledge_copy)
    assert "'san-luis-potosi'" in error.entry and error.field == "aliases"
    assert "'slp' also belongs to 'jalisco'" in str(error)


def test_a_source_with_a_bad_date_names_its_file_and_field(knowledge_copy):
    _edit(knowledge_copy / "sources" / "inai-083-18.md", 'date: "2018-03-27"', 'date: "27 de marzo"')
    error = _error(knowledge_copy)
    assert error.path.endswith("inai-083-18.md") and error.field == "date"


def test_a_source_without_front_matter_is_refused(knowledge_copy):
    path = knowledge_copy / "sources" / "nuevo.md"
    path.write_text("Un texto sin metadatos.\n", encoding="utf-8")
    error = _error(knowledge_copy)
    assert error.path.endswith("nuevo.md") and "front matter" in str(error)


def test_a_missing_fact_file_is_named(knowledge_copy):
    (knowledge_copy / "facts" / "glossary.yaml").unlink()
    error = _error(knowledge_copy)
    assert error.path.endswith("glossary.yaml") and "missing" in str(error)


def test_a_vocabulary_entry_for_an_unknown_guide_is_named(knowledge_copy):
    _edit(knowledge_copy / "vocabulary.yaml", "  guia-stl: [", "  guia-inexistente: [")
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml")
    assert (error.entry, error.field) == ("guides", "guia-inexistente")
    assert "unknown guide 'guia-inexistente'" in str(error)


def test_a_vocabulary_group_of_the_wrong_shape_is_named(knowledge_copy):
    _edit(knowledge_copy / "vocabulary.yaml", ABSENCE, "absence: no tienen")
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml") and error.field == "absence"


def test_a_guide_without_words_in_the_vocabulary_is_named(knowledge_copy):
    _edit(
        knowledge_copy / "vocabulary.yaml",
        "  guia-transparencia-proactiva: [transparencia proactiva, proactiva, tp]\n",
        "",
    )
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml")
    assert (error.entry, error.field) == ("guides", "guia-transparencia-proactiva")


@pytest.mark.parametrize("words, field", [("[]", "absence"), ('[no tienen, " "]', "absence.1")])
def test_a_vocabulary_group_that_would_match_any_message_is_refused(knowledge_copy, words, field):
    _edit(knowledge_copy / "vocabulary.yaml", ABSENCE, f"absence: {words}")
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml") and error.field == field


def test_a_missing_topic_sending_to_an_unknown_term_is_refused(knowledge_copy):
    _edit(knowledge_copy / "vocabulary.yaml", "    see: iniciativa  # who", "    see: iniciativas  # who")
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml") and error.entry == "not_in_documents.partidos"
    assert error.field == "see" and "unknown term 'iniciativas'" in str(error)


def test_feedback_words_for_a_reason_the_buttons_do_not_offer_are_refused(knowledge_copy):
    """actions/feedback.py keeps a typed reason by its id: it must be one of common.texts.FEEDBACK_REASONS."""
    reason = "    incompleta:\n      stems: ["
    _edit(knowledge_copy / "vocabulary.yaml", reason, reason.replace("incompleta", "incompleto"))
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml") and error.field == "feedback.reasons"
    assert "not a reason of common.texts.FEEDBACK_REASONS: incompleto" in str(error)


def test_a_term_naming_an_unknown_guide_is_refused(knowledge_copy):
    _edit(knowledge_copy / "facts" / "glossary.yaml", "guide: guia-stl", "guide: guia-de-stl")
    error = _error(knowledge_copy)
    assert error.path.endswith("glossary.yaml") and error.field == "guide"
    assert "'stl'" in error.entry and "unknown guide 'guia-de-stl'" in str(error)


def test_a_key_written_twice_names_the_file_and_the_key(knowledge_copy):
    vocabulary = knowledge_copy / "vocabulary.yaml"
    _edit(vocabulary, ABSENCE, f"{ABSENCE}\nabsence: [no tienen]")  # YAML alone would keep the second
    error = _error(knowledge_copy)
    assert error.path.endswith("vocabulary.yaml")
    assert "'absence' appears twice" in str(error)


def test_who_offers_a_guide_must_be_quoted_from_its_source(knowledge_copy):
    _edit(knowledge_copy / "facts" / "guides.yaml", "el INAI difunde la Guía", "el SNT difunde la Guía")
    error = _error(knowledge_copy)
    assert error.path.endswith("guides.yaml") and error.field == "offered_by.quote"
    assert "guia-cocreacion-compromisos-ii" in error.entry


def test_a_notes_short_form_says_nothing_its_text_does_not(knowledge_copy):
    """The short form of a dated note (what answers that send people to INAI say) uses only words of the
    note's text: it may leave things out, never add a fact."""
    notes = knowledge_copy / "facts" / "notes.yaml"
    _edit(notes, "Nota: el INAI se extinguió en 2025 (DOF,", "Nota: el INAI se extinguió en 2024 (DOF,")
    error = _error(knowledge_copy)
    assert error.path.endswith("notes.yaml") and "'inai-extinto-2025'" in error.entry
    assert "short uses words text does not (2024)" in str(error)
