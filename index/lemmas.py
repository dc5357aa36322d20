"""Spanish verb forms, from spaCy's lemma lookup data (the PyPI package ``spacy-lookups-data``, read as
the JSON it ships: no spaCy pipeline, no model download).

A question's word that no document uses matters when it names a thing («sindicato», «hospitales»), not
when it is a verb form of the question («¿se unieron?», «¿de qué trata?»). The forms are kept folded
(lower case, no accents: people type «tenian» for «tenían»); the index stores them at build time
(``verbs.txt``), so that serving reads a word list (~40 MB in memory) instead of the whole table.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import json
import logging
from importlib import resources

from knowledge.text import fold

log = logging.getLogger(__name__)
PACKAGE = "spacy-lookups-data"
TABLE = "es_lemma_lookup.json.gz"
_INFINITIVE = ("ar", "er", "ir", "ír")


def data_version() -> str:
    """The version of the lookup data, recorded in the index's build id."""
    return f"{PACKAGE}=={importlib.metadata.version(PACKAGE)}"


def verb_forms() -> list[str]:
    """Every conjugated form (folded, sorted) whose lemma is an infinitive, and the infinitives
    themselves («¿qué van a aprender?»): about 350 000."""
    path = resources.files("spacy_lookups_data").joinpath("data", TABLE)
    with gzip.open(str(path), "rt", encoding="utf-8") as data:
        table: dict[str, str] = json.load(data)
    log.info("read %d Spanish word forms from %s", len(table), PACKAGE)
    forms = {fold(form) for form, lemma in table.items() if form != lemma and lemma.endswith(_INFINITIVE)}
    return sorted(forms | {fold(lemma) for lemma in table.values() if lemma.endswith(_INFINITIVE)})
