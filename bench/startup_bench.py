"""Start-up benchmark: seconds from `python -m ops.serve` to the first question answered over REST.

    .venv/bin/python bench/startup_bench.py [--runs 3] [--repo PATH …]

Each run starts the assistant of each ``--repo`` (default: this checkout; give another checkout, with its
own environments, model and index, to compare two versions in one run, alternating) on its own ports
with a fresh SQLite tracker store and no Telegram or widget, asks «cuantos stl hay» until the answer
comes, and stops it. Prints one JSON line per repository with each run and the median.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RASA_PORT, ACTIONS_PORT = "5241", "5291"
TIMEOUT_S = 300


def answered(port: str) -> bool:
    body = json.dumps({"sender": "arranque", "message": "cuantos stl hay"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return "Secretariados" in reply.read().decode()
    except OSError:
        return False


def startup_s(repo: Path) -> float:
    """One start of ``repo``'s assistant: seconds until it answers a question."""
    with tempfile.TemporaryDirectory(prefix="startup-") as folder:
        env = {
            **os.environ,
            "RASA_PORT": RASA_PORT,
            "ACTIONS_PORT": ACTIONS_PORT,
            "WIDGET_PORT": "0",
            "TELEGRAM_BOT_TOKEN": "",
            "TRACKER_STORE_URL": f"sqlite:///{folder}/tracker.db",
        }
        with open(Path(folder) / "log", "w", encoding="utf-8") as log:
            started = time.monotonic()
            server = subprocess.Popen(
                [str(repo / ".venv" / "bin" / "python"), "-m", "ops.serve"],
                cwd=repo,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                while not answered(RASA_PORT):
                    if server.poll() is not None or time.monotonic() - started > TIMEOUT_S:
                        raise SystemExit(f"{repo} did not start: {Path(folder, 'log').read_text()[-2000:]}")
                    time.sleep(0.25)
                return round(time.monotonic() - started, 1)
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=60)
                time.sleep(3)  # the ports and the CPU free again before the next run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repo", type=Path, action="append", help="a checkout to start (repeatable)")
    args = parser.parse_args()
    repos = args.repo or [REPO]
    runs: dict[Path, list[float]] = {repo: [] for repo in repos}
    for _ in range(args.runs):
        for repo in repos:
            runs[repo].append(startup_s(repo))
    for repo, seconds in runs.items():
        print(json.dumps({"repo": str(repo), "runs_s": seconds, "median_s": statistics.median(seconds)}))


if __name__ == "__main__":
    main()
