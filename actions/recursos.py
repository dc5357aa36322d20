"""The knowledge base and the search index, loaded once per action-server process, on first use.

Loading at import time crashed the action server (fork vs spawn), so nothing heavy happens here until
an action asks for it.
"""
from __future__ import annotations

import logging
import threading
from typing import Optional

from index import IndexUnavailable, Searcher, Settings, build_index
from index.analysis import StateFinder
from knowledge import KnowledgeBase, load_knowledge

log = logging.getLogger(__name__)
_lock = threading.Lock()
_kb: Optional[KnowledgeBase] = None
_searcher: Optional[Searcher] = None
_finder: Optional[StateFinder] = None


def kb() -> KnowledgeBase:
    global _kb
    with _lock:
        if _kb is None:
            _kb = load_knowledge()
        return _kb


def state_finder() -> StateFinder:
    """Finds states in a message by name, alias or misspelling."""
    global _finder
    knowledge = kb()
    with _lock:
        if _finder is None:
            _finder = StateFinder(knowledge)
        return _finder


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
