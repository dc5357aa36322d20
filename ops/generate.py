"""Write the Rasa NLU data that comes from the knowledge base: state synonyms and lookup table.

The states' names and aliases live in ``knowledge/facts/states.yaml`` only; this writes
``data/nlu/estados_conocimiento.yml`` (ignored by git) from them before training and validation.
Run with the project's ``.venv``: ``python -m ops.generate``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from knowledge import load_knowledge

OUT = Path(__file__).resolve().parent / "data" / "nlu" / "estados_conocimiento.yml"
HEADER = "# Generated from knowledge/facts/states.yaml by ops/generate.py: do not edit.\n"


def nlu_data() -> dict:
    kb = load_knowledge()
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


def main() -> int:
    text = HEADER + yaml.safe_dump(nlu_data(), allow_unicode=True, sort_keys=False, width=200)
    if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
        OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
