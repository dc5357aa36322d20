"""Fixtures of the action tests: the actions search the session's index."""

from __future__ import annotations

import pytest

from actions import resources


@pytest.fixture(scope="module")
def actions_index(index_settings, monkeypatch_module):
    """The actions search the session's index."""
    monkeypatch_module.setenv("INDEX_DIR", str(index_settings.index_dir))
    resources.searcher.cache_clear()
    yield
    resources.searcher.cache_clear()


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch
