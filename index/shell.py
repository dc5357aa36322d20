"""A terminal prompt over the retrieval index: the stand-in `make run` starts until the Rasa front end.

Each answer quotes the best passages with their source and date; nothing is generated.
"""
from __future__ import annotations

import sys

from knowledge.text import spanish_date

from .config import Settings
from .search import EmptyQuery, Searcher

PROMPT = "tú> "
GREETING = ("Asistente de Gobierno Abierto: Cocreación desde lo local (búsqueda en los documentos).\n"
            "Escribe tu pregunta; Ctrl-D para salir.")


def _cite(hit) -> str:
    import datetime as dt

    p = hit.passage
    when = spanish_date(dt.date.fromisoformat(p.date)) if p.date else "sin fecha"
    where = p.number or p.title
    return f"   Fuente: {where}, {when}" + (f" — {p.url}" if p.url else "")


def main() -> int:
    searcher = Searcher.open(Settings.from_env())
    searcher.warm_up()
    print(GREETING)
    while True:
        try:
            query = input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        try:
            hits = searcher.search(query, k=2)
        except EmptyQuery:
            continue
        for hit in hits:
            print(f"bot> {hit.passage.text}\n{_cite(hit)}")


if __name__ == "__main__":
    sys.exit(main())
