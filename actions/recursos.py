"""The knowledge base and the search index, loaded once per action-server process, on first use.

Loading at import time crashed the action server (fork vs spawn), so nothing heavy happens here until
an action asks for it.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Optional

from index import Searcher, Settings
from index.analysis import StateFinder
from knowledge import KnowledgeBase, load_knowledge

from .preflight import usable_index

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
    """The warm searcher; rebuilds the index first if it is missing, damaged or out of date."""
    global _searcher
    knowledge = kb()
    with _lock:
        if _searcher is None:
            settings = Settings.from_env()
            _searcher = Searcher(usable_index(settings, knowledge), knowledge, settings)
            _searcher.warm_up()
        return _searcher
