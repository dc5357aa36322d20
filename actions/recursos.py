"""The knowledge base and the search index, loaded once per action-server process, on first use.

Loading at import time crashed the action server (fork vs spawn), so nothing heavy happens here until
an action asks for it.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Optional

from index import IndexUnavailable, Searcher, Settings, build_index
from index.analysis import StateFinder
from knowledge import KnowledgeBase, load_knowledge

log = logging.getLogger(__name__)
_lock = threading.Lock()
_searcher: Optional[Searcher] = None


@lru_cache(maxsize=1)
def kb() -> KnowledgeBase:
    """The validated knowledge base."""
    return load_knowledge()


@lru_cache(maxsize=1)
def state_finder() -> StateFinder:
    """Finds states in a message by name, alias or misspelling."""
    return StateFinder(kb())


def searcher() -> Searcher:
    """The warm searcher; builds the index first if there is none or it is out of date."""
    global _searcher
    knowledge = kb()
    with _lock:
        if _searcher is None:
            settings = Settings.from_env()
            try:
                _searcher = Searcher.open(settings, knowledge)
                if _searcher.index.meta.get("knowledge_digest") != knowledge.digest:
                    raise IndexUnavailable("el índice no corresponde a la base de conocimiento actual")
            except IndexUnavailable as problem:
                log.warning("%s: building the index", problem)
                build_index(settings, kb=knowledge, progress=False)
                _searcher = Searcher.open(settings, knowledge)
            _searcher.warm_up()
        return _searcher
