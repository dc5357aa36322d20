"""Recovery benchmark: what a person waits for while a server fails, and until answers come back.

    .venv/bin/python bench/recovery_bench.py [--runs 3]

Starts the assistant as `make run` does (bench/harness.py) and, ``--runs`` times each, kills the action
server (SIGKILL), freezes it (SIGSTOP, never continued: the launcher must notice) and kills Rasa (SIGKILL).
Faults are SETTLE_S apart, so each is a first fault (repeated ones get growing pauses before the restart).
For each it measures the seconds to the reply of a question sent at once (the apology; none for Rasa,
whose port is closed meanwhile) and the seconds until «cuantos stl hay» is answered again. Prints one
JSON object with every run and the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import time
import urllib.request
from pathlib import Path

from harness import descendants, running_assistant

FAULTS = {
    "action server killed": ("actions.server", signal.SIGKILL),
    "action server frozen": ("actions.server", signal.SIGSTOP),
    "Rasa killed": ("channels.rasa_main", signal.SIGKILL),
}
ANSWER = "Secretariados Técnicos Locales"
GIVE_UP_S = 180
SETTLE_S = 35  # between faults: past the launcher's 30 s after which a server counts as stable again


def ask(url: str, sender: str) -> str:
    body = json.dumps({"sender": sender, "message": "cuantos stl hay"}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        return " ".join(message.get("text") or "" for message in json.loads(reply.read()))


def server_pid(launcher: int, module: str) -> int:
    for pid in descendants(launcher):
        try:
            if f"-m {module}" in Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " "):
                return pid
        except OSError:
            continue
    raise SystemExit(f"no {module} under the launcher")


def recovery(url: str, launcher: int, module: str, signum: int) -> dict[str, float | None]:
    """One fault: seconds to the first reply (None when the port is closed) and until answers are back."""
    os.kill(server_pid(launcher, module), signum)
    started = time.monotonic()
    try:
        ask(url, "recupera")
        first: float | None = round(time.monotonic() - started, 1)
    except OSError:
        first = None
    while True:
        try:
            if ANSWER in ask(url, "recupera"):
                return {"first_reply_s": first, "answers_again_s": round(time.monotonic() - started, 1)}
        except OSError:
            pass
        if time.monotonic() - started > GIVE_UP_S:
            raise SystemExit(f"no answers {GIVE_UP_S} s after the fault")
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[dict[str, float | None]]] = {name: [] for name in FAULTS}
    with running_assistant(
        "5243", "5293", {"WIDGET_PORT": "0", "TELEGRAM_BOT_TOKEN": "", "RATE_LIMIT_PER_MINUTE": "0"}
    ) as assistant:
        for _ in range(args.runs):
            for name, (module, signum) in FAULTS.items():
                results[name].append(recovery(assistant.url, assistant.pid, module, signum))
                print(name, results[name][-1], file=sys.stderr, flush=True)
                time.sleep(SETTLE_S)
    summary = {}
    for name, runs in results.items():
        firsts = [r["first_reply_s"] for r in runs if r["first_reply_s"] is not None]
        summary[name] = {
            "runs": runs,
            "median_first_reply_s": statistics.median(firsts) if firsts else None,
            "median_answers_again_s": statistics.median(r["answers_again_s"] or 0.0 for r in runs),
        }
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
