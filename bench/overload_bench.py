"""Overload test: how long people wait for a reply when many write at the same instant, with and without
the bound on turns in progress (MAX_TURNS_IN_PROGRESS, channels/admission.py).

For each bound given (default: 0, the bound off, then the default of common/settings.py), starts the
assistant as `make run` does (`python -m ops.serve` on ports 5028/5078, a fresh SQLite tracker store, no
demo page, both rate limits off), warms it with each dev conversation once, then runs a burst `--runs`
times (default 3): `--senders` threads (default 200), released together, each send one message with a
new sender id over REST (the first turns of the dev conversations, in turn) and time the reply. A burst
starts when the last one's replies are in, the assistant has had 2 s to settle and Rasa answers its
health check (the launcher restarts a Rasa that stops answering it: each run says how long it waited).

Per bound: the median over the runs of each burst's p50, p95 and max time to reply (every reply), of
the p50 and p95 of the turns answered, and of how many turns were answered, refused with «hay mucha
demanda» (common/texts.py BUSY), or failed (HTTP error, timeout at 60 s, no reply; each run's by kind
in the JSON). Prints a table (stderr) and JSON (stdout). The load generator shares the machine's CPUs.

Run with `.venv/bin/python bench/overload_bench.py [--bounds 0 16] [--senders 200] [--runs 3]`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass

from harness import REPO, conversations, percentile, running_assistant

sys.path.insert(0, str(REPO))  # for common/: the texts and the default bound the assistant uses
from common.settings import DEFAULT_MAX_TURNS_IN_PROGRESS
from common.texts import BUSY

RASA_PORT, ACTIONS_PORT = "5028", "5078"
SERVER_ENV = {"WIDGET_PORT": "0", "RATE_LIMIT_PER_MINUTE": "0", "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}
REQUEST_TIMEOUT_S = 60
SETTLE_S = 2.0
RESTART_TIMEOUT_S = 300
ANSWERED, REFUSED, FAILED = "answered", "refused", "failed"


@dataclass(frozen=True)
class Reply:
    outcome: str  # answered, refused («hay mucha demanda») or failed
    seconds: float
    failure: str = ""  # what went wrong, when it failed


def send(url: str, sender: str, text: str) -> Reply:
    """One message; what came back and how long it took."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as reply:
            said = [message.get("text") for message in json.loads(reply.read())]
    except (OSError, ValueError) as problem:  # HTTPError, URLError and timeouts are OSErrors
        return Reply(FAILED, time.perf_counter() - started, type(problem).__name__)
    outcome = REFUSED if said == [BUSY] else ANSWERED if said else FAILED
    return Reply(outcome, time.perf_counter() - started, "" if said else "empty reply")


def answering(health: str) -> float:
    """Wait until Rasa answers ``health`` (after a restart by the launcher); the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < RESTART_TIMEOUT_S:
        try:
            with urllib.request.urlopen(health, timeout=2):
                return round(time.monotonic() - started, 1)
        except OSError:
            time.sleep(1)
    raise SystemExit(f"Rasa did not answer {health} again within {RESTART_TIMEOUT_S} s")


def burst(url: str, texts: list[str], senders: int, label: str) -> list[Reply]:
    """``senders`` messages released at the same instant, each from a new sender."""
    replies: list[Reply] = []
    lock, start = threading.Lock(), threading.Barrier(senders)

    def one(number: int) -> None:
        start.wait()
        reply = send(url, f"{label}-{number}", texts[number % len(texts)])
        with lock:
            replies.append(reply)

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return replies


def summary(replies: list[Reply]) -> dict:
    """Percentiles of the time to reply (all, and answered turns), in ms, and the outcomes' counts
    (failures by kind apart, as a list per run)."""
    every = [r.seconds * 1000 for r in replies]
    answered = [r.seconds * 1000 for r in replies if r.outcome == ANSWERED] or [float("nan")]
    counts = Counter(r.outcome for r in replies)
    return {
        "p50_ms": percentile(every, 0.5),
        "p95_ms": percentile(every, 0.95),
        "max_ms": max(every),
        "answered_p50_ms": percentile(answered, 0.5),
        "answered_p95_ms": percentile(answered, 0.95),
        **{kind: counts[kind] for kind in (ANSWERED, REFUSED, FAILED)},
    }


def failures(replies: list[Reply]) -> dict[str, int]:
    return dict(Counter(r.failure for r in replies if r.outcome == FAILED))


def median_of(runs: list[dict]) -> dict:
    return {key: round(statistics.median(run[key] for run in runs), 1) for key in runs[0]}


def measure(bound: int, senders: int, runs: int) -> dict:
    """The assistant with ``bound`` turns in progress (0: no bound), ``runs`` bursts of ``senders``."""
    texts = [turns[0] for turns in conversations()]
    env = {**SERVER_ENV, "MAX_TURNS_IN_PROGRESS": str(bound)}
    print(f"MAX_TURNS_IN_PROGRESS={bound}: starting the assistant…", file=sys.stderr, flush=True)
    with running_assistant(RASA_PORT, ACTIONS_PORT, env) as assistant:
        for number, turns in enumerate(conversations()):
            for text in turns:
                send(assistant.url, f"calentamiento-{number}", text)
        results, failed, waited = [], [], []
        for run in range(runs):
            time.sleep(SETTLE_S)
            waited.append(answering(assistant.url.removesuffix("webhook")))
            replies = burst(assistant.url, texts, senders, f"b{bound}-r{run}")
            results.append(summary(replies))
            failed.append(failures(replies))
            print(f"  run {run + 1} (waited {waited[-1]} s): {results[-1]} {failed[-1]}", file=sys.stderr)
    return {
        "max_turns_in_progress": bound,
        "senders": senders,
        "runs": runs,
        **median_of(results),
        "failures_per_run": failed,
        "waited_for_rasa_s": waited,
    }


def table(rows: list[dict]) -> str:
    lines = ["bound  p50 ms  p95 ms  max ms  answered p50  answered p95  answered  refused  failed"]
    for r in rows:
        lines.append(
            f"{r['max_turns_in_progress']:5d}  {r['p50_ms']:6.0f}  {r['p95_ms']:6.0f}  {r['max_ms']:6.0f}"
            f"  {r['answered_p50_ms']:12.0f}  {r['answered_p95_ms']:12.0f}  {r[ANSWERED]:8.0f}"
            f"  {r[REFUSED]:7.0f}  {r[FAILED]:6.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bounds", type=int, nargs="+", default=[0, DEFAULT_MAX_TURNS_IN_PROGRESS])
    parser.add_argument("--senders", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    rows = [measure(bound, args.senders, args.runs) for bound in args.bounds]
    print(table(rows), file=sys.stderr, flush=True)
    print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
