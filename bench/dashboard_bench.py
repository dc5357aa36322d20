"""The dashboard's pages timed over HTTP on a realistic store of 100,000 turns (`make bench-dashboard`).

    .venv/bin/python bench/dashboard_bench.py [--turns 100000] [--days 90] [--store FILE] [--rounds 5]
                                              [--port 5426]

The store is written by bench/dashboard_store.py (Rasa 3.6's ``events`` table, ~9 rows a turn, REST,
widget and Telegram senders over ``--days`` days ending now); ``--store FILE`` reuses one (written there
when missing, kept). The dashboard is started as `make dashboard` starts it (``python -m ops.dashboard``,
uvicorn, one process) on ``--port`` with a random token, and each page is asked with
``Authorization: Bearer``; the time is the whole request, body read, on this machine.

- start: from launching the process to its first answer (``/salud``): it reads the store first.
- cold: the first request of that page on a freshly started dashboard (one start per page and round).
- warm: the same page again on one running dashboard (after one request not counted).
- +10 turns: the page right after 10 turns were appended to the store (it reads what was added).

Each figure is the median of ``--rounds`` (5). Exit 1 when a page takes 1 s or more.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import secrets
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIMIT_S = 1.0
START_TIMEOUT_S = 120.0


def _store_module():
    spec = importlib.util.spec_from_file_location("dashboard_store", REPO / "bench" / "dashboard_store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _get(url: str, token: str) -> float:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as reply:
        reply.read()
        if reply.status != 200:
            raise RuntimeError(f"{url}: HTTP {reply.status}")
    return time.perf_counter() - started


class Dashboard:
    """``python -m ops.dashboard`` on ``port`` over ``store``, started and stopped by the bench."""

    def __init__(self, store: Path, port: int, token: str, log: Path) -> None:
        self.base = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DASHBOARD_TOKEN": token,
            "DASHBOARD_HOST": "127.0.0.1",
            "DASHBOARD_PORT": str(port),
            "TRACKER_STORE_URL": f"sqlite:///{store}",
            "LOG_LEVEL": "WARNING",
        }
        self.log = open(log, "a", encoding="utf-8")  # noqa: SIM115 - closed by stop()
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ops.dashboard"], cwd=REPO, env=env, stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/salud", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the dashboard did not start: see {log}")
            time.sleep(0.05)
        self.start_s = time.perf_counter() - started

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def pages(store: Path) -> list[tuple[str, str]]:
    """(name, path) of the pages timed; the transcript is of the sender with the most turns."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        sender = db.execute(
            "SELECT sender_id FROM events WHERE type_name = 'user' GROUP BY sender_id "
            "ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()[0]
    return [
        ("Resumen, 30 días", "/"),
        ("Resumen, 90 días", "/?dias=90"),
        ("Qué agregar, 30 días", "/agregar"),
        ("Qué agregar, 90 días", "/agregar?dias=90"),
        ("Qué agregar CSV, 90 días", "/agregar.csv?dias=90"),
        ("Conversaciones, 30 días", "/conversaciones"),
        (
            "Conversaciones sin respuesta, 90 días, pág. 2",
            "/conversaciones?dias=90&resultado=not_found&pagina=2",
        ),
        ("Transcripción (la más larga)", "/conversaciones/" + urllib.parse.quote(sender, safe="")),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", type=Path, help="use this store (written there if missing, and kept)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=int(os.environ.get("DASHBOARD_BENCH_PORT") or 5426))
    args = parser.parse_args(argv)
    store_module = _store_module()
    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    store = args.store.resolve() if args.store else folder / "tracker.db"
    if not store.exists():
        started = time.perf_counter()
        written = store_module.write_store(store, args.turns, args.days, args.seed, end=time.time())
        print(f"store: {written['turns']} turns in {written['rows']} rows, written in "
              f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        turns = db.execute("SELECT COUNT(*) FROM events WHERE type_name = 'user'").fetchone()[0]
        rows = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    print(f"store: {store} ({store.stat().st_size / 1e6:.0f} MB, {rows} rows, {turns} user messages)")
    token = secrets.token_urlsafe(32)
    log = folder / "dashboard.log"
    timed = pages(store)
    starts: list[float] = []
    cold: dict[str, list[float]] = {name: [] for name, _ in timed}
    for _ in range(args.rounds):
        for name, path in timed:
            server = Dashboard(store, args.port, token, log)
            try:
                starts.append(server.start_s)
                cold[name].append(_get(server.base + path, token))
            finally:
                server.stop()
    warm: dict[str, float] = {}
    appended: dict[str, list[float]] = {name: [] for name, _ in timed}
    server = Dashboard(store, args.port, token, log)
    rng = random.Random(args.seed + 1)
    try:
        for name, path in timed:
            _get(server.base + path, token)
            warm[name] = statistics.median(_get(server.base + path, token) for _ in range(args.rounds))
        if hasattr(store_module, "_append") and args.store is None:  # never grow a store kept by hand
            for _ in range(args.rounds):
                for name, path in timed:
                    store_module._append(store, rng, 10)
                    appended[name].append(_get(server.base + path, token))
    finally:
        server.stop()
    print(f"start (the store read before listening): median {statistics.median(starts):.2f} s "
          f"of {len(starts)}\n")  # fmt: skip
    print(f"{'page':48} {'cold s':>7} {'warm s':>7} {'+10 turns s':>12}   (median of {args.rounds})")
    slow = []
    for name, _ in timed:
        figures = [statistics.median(cold[name]), warm[name]]
        if appended[name]:
            figures.append(statistics.median(appended[name]))
        slow += [name] if max(figures) >= LIMIT_S else []
        shown = " ".join(f"{value:{width}.3f}" for value, width in zip(figures, (7, 7, 12), strict=False))
        print(f"{name:48} {shown}")
    if args.store is None:
        store.unlink()
    log.unlink(missing_ok=True)
    if not any(folder.iterdir()):
        folder.rmdir()
    if slow:
        print(f"\nover {LIMIT_S:.0f} s: {', '.join(slow)}")
        return 1
    print(f"\nevery page under {LIMIT_S:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
