"""What the documents lack, read with the vocabulary (``not_in_documents`` in knowledge/vocabulary.yaml)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeError, load_knowledge


def test_what_the_documents_lack_is_read_from_the_vocabulary(kb):
    vocabulary = kb.vocabulary
    assert vocabulary.missing("cual fue el presupuesto en 2019") == "presupuesto"
    assert vocabulary.missing("¿Cuánto GANA un comisionado?") == "sueldos"
    assert vocabulary.missing("que recomendacion habla de empleos e inversiones") is None
    assert vocabulary.missing("sigue el dinero compromiso") is None  # «Sigue el Dinero» is in the documents
    for topic in vocabulary.not_in_documents.values():
        assert topic.says and not topic.says.endswith(".")


def test_a_topic_without_its_reply_is_named(knowledge_copy):
    path = knowledge_copy / "vocabulary.yaml"
    text = path.read_text(encoding="utf-8")
    says = "    says: el presupuesto, el costo ni el financiamiento de la iniciativa\n"
    assert says in text
    path.write_text(text.replace(says, "    say: el presupuesto\n"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert caught.value.path.endswith("vocabulary.yaml")
    assert "not_in_documents" in str(caught.value) and "presupuesto" in str(caught.value)
