"""Helpers for tests/test_widget.py: what the browser tests need, starting servers, Chromium."""
from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
WIDGET_JS = REPO / "build" / "widget" / "widget.js"
AXE_JS = REPO / "bot" / "widget" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUILD = "npm ci --prefix bot/widget && npm run --prefix bot/widget build (or `make widget`)"


def browser_missing() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    if not CHROMIUM.exists():
        return f"Chromium is not installed ({CHROMIUM}): apt-get install -y chromium"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed: pip install -r requirements/main.txt"
    if not WIDGET_JS.exists():
        return f"the widget is not built ({WIDGET_JS.relative_to(REPO)}): {BUILD}"
    if not AXE_JS.exists():
        return "axe-core is not installed: npm ci --prefix bot/widget"
    return ""


def assistant_missing() -> str:
    if not (REPO / ".venv-rasa" / "bin" / "rasa").exists():
        return "the Rasa environment is missing: run `make test`"
    if not list((REPO / "models").glob("*.tar.gz")):
        return "no trained model: run `make model`"
    return ""


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Process:
    """A server started for the tests, its output in a log file, stopped by ``stop``."""

    def __init__(self, name: str, command: list[str], env: dict, log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self.log = open(self.log_path, "w+", encoding="utf-8")
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)

    def wait_until(self, url: str, timeout: float) -> Optional[str]:
        """None when ``url`` answers 200 within ``timeout`` s; else the reason, with the log's end."""
        deadline = time.monotonic() + timeout
        while not answers(url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.log.flush()
                tail = self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
                return f"{self.name} did not start ({url}):\n{tail}"
            time.sleep(0.5)
        return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def start_page_server(port: int, rasa_url: str, log_dir: Path) -> Process:
    env = {**os.environ, "WIDGET_HOST": "127.0.0.1", "WIDGET_PORT": str(port), "WIDGET_RASA_URL": rasa_url}
    return Process(f"widget-server-{port}", [sys.executable, "-m", "bot.widget.server"], env, log_dir)
