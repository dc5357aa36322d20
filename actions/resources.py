"""The knowledge base and the search index, loaded once per action-server process, on first use.

Nothing heavy happens at import (it crashed rasa-sdk's forked workers); the action server
(actions/server.py) asks for them before it opens its port. Tests point ``INDEX_DIR`` elsewhere and call
``searcher.cache_clear()``.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from index import Searcher, Settings
from index.analysis import StateFinder
from knowledge import KnowledgeBase, load_knowledge

from .preflight import usable_index

_lock = threading.Lock()


@lru_cache(maxsize=1)
def kb() -> KnowledgeBase:
    """The validated knowledge base."""
    return load_knowledge()


@lru_cache(maxsize=1)
def state_finder() -> StateFinder:
    """Finds states in a message by name, alias or misspelling."""
    return StateFinder(kb())


@lru_cache(maxsize=1)
def searcher() -> Searcher:
    """The warm searcher; rebuilds the index first if it is missing, damaged or out of date."""
    knowledge = kb()
    with _lock:
        settings = Settings.from_env()
        found = Searcher(usable_index(settings, knowledge), knowledge, settings)
        found.warm_up()
        return found
