"""REST benchmark: start-up time, turn latency (one user; 10 concurrent senders), servers' memory.

Starts the assistant as `make run` does (own ports, fresh SQLite tracker store, the per-sender rate
limit off: bench/harness.py), replays the dev conversations (tests/conversations/dev_conversations.yml)
and prints JSON. Run with `make bench`.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.request

from harness import conversations, percentile, running_assistant, server_memory

RASA_PORT, ACTIONS_PORT = "5025", "5075"
CONCURRENT = 10


def say(url: str, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as reply:
        reply.read()
    return (time.perf_counter() - started) * 1000


def concurrent_turns(url: str, dialogues: list[list[str]]) -> tuple[list[float], float]:
    """Every dev conversation replayed by each of CONCURRENT senders at once: latencies and wall time."""
    took: list[float] = []
    lock = threading.Lock()

    def sender(n: int) -> None:
        for i, turns in enumerate(dialogues):
            for text in turns:
                ms = say(url, f"par-{n}-{i}", text)
                with lock:
                    took.append(ms)

    threads = [threading.Thread(target=sender, args=(n,)) for n in range(CONCURRENT)]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return took, time.perf_counter() - wall


def main() -> None:
    env = {"RATE_LIMIT_PER_MINUTE": "0", "WIDGET_PORT": "0"}
    with running_assistant(RASA_PORT, ACTIONS_PORT, env) as assistant:
        dialogues = conversations()
        for turns in dialogues[:3]:  # warm every path once
            for text in turns:
                say(assistant.url, "calentamiento", text)
        single = [say(assistant.url, f"uno-{i}", text) for i, turns in enumerate(dialogues) for text in turns]
        concurrent, wall = concurrent_turns(assistant.url, dialogues)
        report = {
            "startup_s": assistant.startup_s,
            "turns_one_user": len(single),
            "one_user_ms": {
                "p50": round(statistics.median(single), 1),
                "p95": round(percentile(single, 0.95), 1),
            },
            "turns_concurrent": len(concurrent),
            "concurrent_senders": CONCURRENT,
            "concurrent_ms": {
                "p50": round(statistics.median(concurrent), 1),
                "p95": round(percentile(concurrent, 0.95), 1),
            },
            "concurrent_turns_per_s": round(len(concurrent) / wall, 1),
            **server_memory(assistant.pid),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
