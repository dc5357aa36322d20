"""Load test: throughput, turn latency, errors and the servers' memory under N concurrent conversations.

Starts the assistant as `make run` does (`python -m ops.serve` on ports 5027/5077, a fresh SQLite
tracker store, no demo page, the rate limits and the bound on turns in progress off: it measures what
the machine can do; bench/overload_bench.py measures the bound), warms it with each dev conversation once,
then runs one phase per concurrency level (default 20, then 50 conversations, 60 s each). In a phase
every simulated conversation is a thread that replays the dev conversations
(tests/conversations/dev_conversations.yml) turn by turn over the REST channel, without think time,
with a new sender id for each conversation, until the phase's deadline: a turn in flight then may
finish, no new one starts.

Per phase: turns answered, turns per second, latency p50/p95/p99/max (ms, turns answered with HTTP
200), errors (other status, timeout, connection error, reply that is not a JSON list), empty replies
(an empty list: every turn must say something), and RSS (MiB) of Rasa and of the action server
before and after; then the memory after the run and its growth. Prints a table (stderr) and JSON
(stdout); exits 1 if there was any error or empty reply, or a server's memory grew more than
`--max-growth` MiB (50) over the run. The load generator shares the machine's CPUs.

Run with `.venv/bin/python bench/load_bench.py [--concurrency 20 50] [--seconds 60]`
(a smoke run: `--concurrency 2 --seconds 5`).
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from harness import Assistant, conversations, percentile, running_assistant, server_memory

RASA_PORT, ACTIONS_PORT = "5027", "5077"
SERVER_ENV = {"WIDGET_PORT": "0", "RATE_LIMIT_PER_MINUTE": "0", "MAX_TURNS_IN_PROGRESS": "0"}  # 0: off
REQUEST_TIMEOUT_S = 60
MAX_GROWTH_MIB = 50.0  # per server, from before the first phase to the end (warm-up excluded)
OK, EMPTY = "ok", "empty reply"


@dataclass
class Tally:
    """What the conversations of one phase saw; shared by their threads."""

    latencies_ms: list[float] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: str, took_ms: float) -> None:
        with self.lock:
            self.outcomes[outcome] += 1
            if outcome in (OK, EMPTY):
                self.latencies_ms.append(took_ms)


def say(url: str, sender: str, text: str) -> tuple[str, float]:
    """One turn: ``ok``, ``empty reply`` or what went wrong; and the time it took in ms."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as reply:
            status, messages = reply.status, json.loads(reply.read())
        outcome = (
            f"HTTP {status}"
            if status != 200
            else "bad reply"
            if not isinstance(messages, list)
            else OK
            if messages
            else EMPTY
        )
    except urllib.error.HTTPError as problem:
        outcome = f"HTTP {problem.code}"
    except TimeoutError:
        outcome = "timeout"
    except urllib.error.URLError as problem:
        outcome = "timeout" if isinstance(problem.reason, TimeoutError) else "connection"
    except (OSError, http.client.HTTPException):
        outcome = "connection"
    except ValueError:
        outcome = "bad reply"
    return outcome, (time.perf_counter() - started) * 1000


def converse(
    url: str, dialogues: list[list[str]], name: str, first: int, deadline: float, tally: Tally
) -> None:
    """Replay the dialogues from the ``first``-th on, a new sender for each, until ``deadline``."""
    for number in itertools.count():
        sender = f"{name}-{number}"
        for text in dialogues[(first + number) % len(dialogues)]:
            if time.monotonic() >= deadline:
                return
            tally.add(*say(url, sender, text))


def warm(url: str, dialogues: list[list[str]]) -> None:
    """Every dev conversation once, one turn at a time, so each path is loaded before measuring."""
    for number, turns in enumerate(dialogues):
        for text in turns:
            outcome, _ = say(url, f"calentamiento-{number}", text)
            if outcome != OK:
                raise SystemExit(f"warming up, {text[:40]!r} got: {outcome}")


def latency(values: list[float]) -> dict[str, float | None]:
    shares = {"p50": 0.5, "p95": 0.95, "p99": 0.99, "max": 1.0}
    return {key: round(percentile(values, share), 1) if values else None for key, share in shares.items()}


def phase(
    assistant: Assistant, dialogues: list[list[str]], label: str, concurrency: int, seconds: float
) -> dict:
    """``concurrency`` conversations for ``seconds``; what they saw, and memory before and after."""
    tally = Tally()
    memory_before = server_memory(assistant.pid)
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=converse,
            daemon=True,
            args=(assistant.url, dialogues, f"{label}-{n}", n, started + seconds, tally),
        )
        for n in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    turns = tally.outcomes[OK] + tally.outcomes[EMPTY]
    errors = {kind: n for kind, n in sorted(tally.outcomes.items()) if kind not in (OK, EMPTY)}
    return {
        "conversations": concurrency,
        "wall_s": round(wall, 1),
        "turns": turns,
        "turns_per_s": round(turns / wall, 1),
        "latency_ms": latency(tally.latencies_ms),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "empty_replies": tally.outcomes[EMPTY],
        "memory_before": memory_before,
        "memory_after": server_memory(assistant.pid),
    }


def run(concurrencies: list[int], seconds: float) -> dict:
    dialogues = conversations()
    print("starting the assistant…", file=sys.stderr, flush=True)
    with running_assistant(RASA_PORT, ACTIONS_PORT, SERVER_ENV) as assistant:
        print(f"ready in {assistant.startup_s} s; warming up…", file=sys.stderr, flush=True)
        warm(assistant.url, dialogues)
        phases = []
        for number, concurrency in enumerate(concurrencies, 1):
            print(
                f"phase {number}: {concurrency} conversations for {seconds:g} s…", file=sys.stderr, flush=True
            )
            phases.append(phase(assistant, dialogues, f"carga{number}", concurrency, seconds))
        memory_after = server_memory(assistant.pid)
    memory_start = phases[0]["memory_before"]
    return {
        "startup_s": assistant.startup_s,
        "seconds_per_phase": seconds,
        "request_timeout_s": REQUEST_TIMEOUT_S,
        "phases": phases,
        "memory_after_run": memory_after,
        "memory_growth": {k: round(memory_after[k] - memory_start[k], 1) for k in memory_after},
    }


def table(report: dict) -> str:
    rows = [
        "convs  turns  turns/s  p50 ms  p95 ms  p99 ms  max ms  errors  empty  "
        "Rasa MiB (before → after)  actions MiB (before → after)"
    ]
    for p in report["phases"]:
        ms, before, after = p["latency_ms"], p["memory_before"], p["memory_after"]
        cells = [f"{ms[k]:6.0f}" if ms[k] is not None else "     -" for k in ("p50", "p95", "p99", "max")]
        rows.append(
            f"{p['conversations']:5d}  {p['turns']:5d}  {p['turns_per_s']:7.1f}  {'  '.join(cells)}"
            f"  {p['errors']:6d}  {p['empty_replies']:5d}  "
            f"{before['rasa_mib']:9.1f} → {after['rasa_mib']:<13.1f}  "
            f"{before['actions_mib']:9.1f} → {after['actions_mib']:.1f}"
        )
    end, growth = report["memory_after_run"], report["memory_growth"]
    rows.append(
        f"after the run: Rasa {end['rasa_mib']} MiB ({growth['rasa_mib']:+.1f}), "
        f"action server {end['actions_mib']} MiB ({growth['actions_mib']:+.1f})"
    )
    return "\n".join(rows)


def positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text}")
        return value

    return parse


def _stop_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--concurrency",
        type=positive(int),
        nargs="+",
        default=[20, 50],
        metavar="N",
        help="concurrent conversations, one phase each (default: 20 50)",
    )
    parser.add_argument(
        "--seconds",
        type=positive(float),
        default=60.0,
        metavar="S",
        help="duration of each phase (default: 60)",
    )
    parser.add_argument(
        "--max-growth",
        type=positive(float),
        default=MAX_GROWTH_MIB,
        metavar="MIB",
        help=f"fail if a server's memory grows more than this over the run (default: {MAX_GROWTH_MIB:g})",
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        report = run(args.concurrency, args.seconds)
    except KeyboardInterrupt:
        print("interrupted: the assistant was stopped", file=sys.stderr)
        return 130
    print(table(report), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=2))
    grown = {server: mib for server, mib in report["memory_growth"].items() if mib > args.max_growth}
    if grown:
        print(f"memory grew past {args.max_growth:g} MiB: {grown}", file=sys.stderr)
    return 1 if grown or any(p["errors"] or p["empty_replies"] for p in report["phases"]) else 0


if __name__ == "__main__":
    sys.exit(main())
