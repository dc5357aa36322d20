"""The action server's start-up check: `python -m actions.preflight`, run by ops/serve.py first.

The knowledge base must load (an error names its file, entry and field, and start-up stops). The index
must be whole, built from this knowledge and with the configured embedding model, with its files as the
build wrote them (SHA-256) and every vector finite; if it is missing, altered, poisoned or built
otherwise, the check names the file and what is wrong, and rebuilds it. Exit 0 when the action server
can answer, 1 with the reason when it cannot (the rebuilt index is not usable either, or it cannot be
written).
"""

from __future__ import annotations

import logging
import sys

from index import IndexUnavailable, Settings, build_index, load_index
from index.embedders import Embedder
from index.store import LoadedIndex
from knowledge import KnowledgeBase, KnowledgeError, load_knowledge

log = logging.getLogger("actions.preflight")


def usable_index(settings: Settings, kb: KnowledgeBase, embedder: Embedder | None = None) -> LoadedIndex:
    """The serving index, if it is whole and built from ``kb`` with the configured model; otherwise the
    reason is logged and the index rebuilt. Raises IndexUnavailable when even the rebuilt one is not."""
    try:
        loaded = load_index(settings)
        if loaded.meta.get("knowledge_digest") == kb.digest:
            return loaded
        problem = f"El índice en {loaded.path} no corresponde a la base de conocimiento actual."
    except IndexUnavailable as unavailable:
        problem = str(unavailable)
    log.warning("%s Reconstruyendo el índice…", problem)
    build_index(settings, kb=kb, embedder=embedder, force=True, progress=False)
    loaded = load_index(settings)
    log.info("índice reconstruido y listo")
    return loaded


def check(settings: Settings, embedder: Embedder | None = None) -> None:
    """Load the knowledge and make sure a usable index serves it; raises with the reason otherwise."""
    usable_index(settings, load_knowledge(), embedder)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        check(Settings.from_env())
    except KnowledgeError as problem:
        log.error("la base de conocimiento tiene un error, el servidor de acciones no arranca: %s", problem)
        return 1
    except IndexUnavailable as problem:
        log.error("no hay un índice utilizable: %s", problem)
        return 1
    except OSError as problem:
        log.error("no se pudo reconstruir el índice: %s. Revisa el espacio y los permisos.", problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
