"""Write the Rasa files that come from the knowledge base, so no fact is typed twice: `make generate`.

- ``data/nlu/estados_conocimiento.yml``: the states' names and aliases as synonyms and a lookup table.
- ``domain/respuestas_conocimiento.yml``: the responses that state facts (how many recommendations, the
  years the documents cover, the states offered as buttons) and the greeting's starter buttons.
- ``clients/starters.json``: the starter questions (``[{"title", "payload"}]``) the web widget shows under its
  greeting and the Telegram bridge under /start: the same as the greeting's.

All are ignored by git and rewritten only when their text changes. Run with ``.venv``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from answers.next_steps import starters
from knowledge import KnowledgeBase, load_knowledge

REPO = Path(__file__).resolve().parent.parent
NLU_OUT = REPO / "data" / "nlu" / "estados_conocimiento.yml"
DOMAIN_OUT = REPO / "domain" / "respuestas_conocimiento.yml"
STARTERS_OUT = REPO / "clients" / "starters.json"
HEADER = "# Generated from knowledge/ by ops/generate.py: do not edit.\n"
# The states the "which state?" question offers as buttons, by id (the rest are typed by name).
SUGGESTED_STATES = ("ciudad-de-mexico", "estado-de-mexico", "jalisco", "nuevo-leon", "oaxaca", "veracruz")


def nlu_data(kb: KnowledgeBase) -> dict[str, Any]:
    """Synonyms (every spelling → the state's name) and the ``estado`` lookup table."""
    synonyms, lookup = [], []
    for state in kb.states:
        spellings = sorted(
            {
                state.name,
                state.name.lower(),
                *state.aliases,
                *(a.title() for a in state.aliases),
                *(a.upper() for a in state.aliases),
            }
            - {state.name}
        )
        synonyms.append({"synonym": state.name, "examples": "".join(f"- {s}\n" for s in spellings)})
        lookup.extend([state.name, *state.aliases])
    return {
        "version": "3.1",
        "nlu": [
            *synonyms,
            {"lookup": "estado", "examples": "".join(f"- {name}\n" for name in sorted(set(lookup)))},
        ],
    }


def _recommendations(kb: KnowledgeBase) -> str:
    recs = kb.recommendations
    return f"las {len(recs.items)} recomendaciones del {recs.issuer_short} ante la COVID-19"


def domain_data(kb: KnowledgeBase) -> dict[str, Any]:
    """The responses whose text carries facts, written from ``kb``."""
    states = [kb.state(state_id.replace("-", " ")) for state_id in SUGGESTED_STATES]
    missing = [sid for sid, state in zip(SUGGESTED_STATES, states, strict=True) if state is None]
    if missing:
        raise ValueError(f"ops/generate.py: SUGGESTED_STATES names no state with id {', '.join(missing)}")
    buttons = [
        {"title": s.name, "payload": f'/estado_situacion{{"estado": "{s.name}"}}'} for s in states if s
    ]
    return {
        "version": "3.1",
        "responses": {
            "utter_saludar": [
                {
                    "text": "¡Hola! Soy el asistente virtual de Gobierno Abierto: Cocreación desde lo local. "
                    f"Pregúntame por un estado, las cifras de la iniciativa, {_recommendations(kb)}, "
                    "las guías o los contactos. Para saber cómo trato tus datos, escribe «privacidad».",
                    "buttons": starter_buttons(kb),
                }
            ],
            "utter_ayuda": [
                {
                    "text": "Respondo con los documentos de Gobierno Abierto: Cocreación desde lo local "
                    f"(INAI y SNT, {kb.years_covered()}), siempre con su fuente y fecha. Prueba:\n"
                    "• «¿Jalisco tiene STL?»\n• «¿Cuántos planes de acción hay?»\n"
                    "• «¿Qué dice la tercera recomendación?»\n• «Guía de cocreación»\n• «Contacto»"
                }
            ],
            "utter_ask_estado": [
                {
                    "text": "¿De qué estado quieres saber? Escribe su nombre (por ejemplo «Jalisco» o "
                    "«CDMX») o elige uno:",
                    "buttons": buttons,
                }
            ],
        },
    }


def starter_buttons(kb: KnowledgeBase) -> list[dict[str, str]]:
    """The starter questions as buttons: the title shown and the question it sends."""
    return [{"title": step.title, "payload": step.question} for step in starters(kb)]


def _write(path: Path, data: Any) -> None:
    if path.suffix == ".json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def main() -> int:
    kb = load_knowledge()
    _write(NLU_OUT, nlu_data(kb))
    _write(DOMAIN_OUT, domain_data(kb))
    _write(STARTERS_OUT, starter_buttons(kb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
