"""Helpers for tests/test_widget.py: what the browser tests need, starting servers, Chromium."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..servers import REPO, Process, answers, assistant_missing, port_taken  # noqa: F401 (re-exported)

CHROMIUM = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
WIDGET_JS = REPO / "build" / "widget" / "widget.js"
AXE_JS = REPO / "clients" / "widget" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUILD = "npm ci --prefix clients/widget && npm run --prefix clients/widget build (or `make widget`)"
STARTERS = REPO / "clients" / "starters.json"
DEFAULT_PORTS = "5035 5085 8095 8096 8097"


def widget_test_ports() -> tuple[int, int, int, int, int]:
    """The ports of the widget tests, from WIDGET_TEST_PORTS ("rasa actions page other spare", default
    "5035 5085 8095 8096 8097"): Rasa, the action server, the demo page (an origin in CORS_ORIGINS), the
    same page from an origin that is not, and one kept off for a demo page `ops.serve` might start."""
    raw = (os.environ.get("WIDGET_TEST_PORTS") or DEFAULT_PORTS).split()
    if len(raw) != 5 or not all(p.isdigit() for p in raw):
        raise ValueError(f"WIDGET_TEST_PORTS must be five port numbers, not {raw!r}")
    rasa, actions, page, other, spare = (int(p) for p in raw)
    return rasa, actions, page, other, spare


def browser_missing() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    if not CHROMIUM.exists():
        return f"Chromium is not installed ({CHROMIUM}): apt-get install -y chromium"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed: pip install -r requirements/main.txt"
    if not WIDGET_JS.exists():
        return f"the widget is not built ({WIDGET_JS.relative_to(REPO)}): {BUILD}"
    if not AXE_JS.exists():
        return "axe-core is not installed: npm ci --prefix clients/widget"
    return ""


@contextlib.contextmanager
def launched_chromium() -> Iterator[Any]:
    """Headless Chromium from Debian through Playwright, closed afterwards; a browser that does not start
    fails the test with the reason."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as problem:  # noqa: BLE001 (say plainly why the browser did not start)
        playwright.stop()
        pytest.fail(f"Chromium ({CHROMIUM}) did not start: {problem}")
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


def start_page_server(port: int, rasa_url: str, log_dir: Path) -> Process:
    env = {**os.environ, "WIDGET_HOST": "127.0.0.1", "WIDGET_PORT": str(port), "WIDGET_RASA_URL": rasa_url}
    return Process(f"widget-server-{port}", [sys.executable, "-m", "clients.widget.server"], env, log_dir)
