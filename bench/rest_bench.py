"""REST benchmark: start-up time, turn latency (one user; 10 concurrent senders), servers' memory.

Starts the assistant as `make run` does (own ports, fresh SQLite tracker store), replays the dev
conversations (tests/conversations/dev_conversations.yml) and prints JSON. Run with `make bench`.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
RASA_PORT, ACTIONS_PORT = "5025", "5075"
URL = f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/"
CONCURRENT = 10
LONG = "quiero saber sobre gobierno abierto en jalisco " * 130


def conversations() -> list[list[str]]:
    data = yaml.safe_load((REPO / "tests/conversations/dev_conversations.yml").read_text("utf-8"))
    return [[LONG if t["user"] == "@long" else t["user"] for t in c["turns"]] for c in data]


def say(sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(URL + "webhook", data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as reply:
        reply.read()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().split(")")[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found + [g for c in found for g in children(c)]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def server_memory(root: int) -> dict[str, float]:
    memory = {"rasa_mib": 0.0, "actions_mib": 0.0}
    for pid in children(root):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
            key = "rasa_mib" if "rasa run" in command or "/rasa " in command else "actions_mib"
            memory[key] += rss_mib(pid)
        except OSError:
            continue
    return {k: round(v, 1) for k, v in memory.items()}


def ready() -> bool:
    try:
        with urllib.request.urlopen(URL, timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "RASA_PORT": RASA_PORT, "ACTIONS_PORT": ACTIONS_PORT,
               "TRACKER_STORE_URL": f"sqlite:///{folder}/tracker.db"}
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "bot.serve"], cwd=REPO, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while not ready():
                if server.poll() is not None:
                    raise SystemExit("the assistant did not start")
                time.sleep(0.5)
            startup = time.perf_counter() - started
            dialogues = conversations()
            for turns in dialogues[:3]:  # warm every path once
                for text in turns:
                    say("calentamiento", text)
            single = [say(f"uno-{i}", text) for i, turns in enumerate(dialogues) for text in turns]
            concurrent: list[float] = []
            lock = threading.Lock()

            def sender(n: int) -> None:
                for i, turns in enumerate(dialogues):
                    for text in turns:
                        took = say(f"par-{n}-{i}", text)
                        with lock:
                            concurrent.append(took)

            threads = [threading.Thread(target=sender, args=(n,)) for n in range(CONCURRENT)]
            wall = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - wall
            report = {
                "startup_s": round(startup, 1),
                "turns_one_user": len(single),
                "one_user_ms": {"p50": round(statistics.median(single), 1),
                                "p95": round(percentile(single, 0.95), 1)},
                "turns_concurrent": len(concurrent),
                "concurrent_senders": CONCURRENT,
                "concurrent_ms": {"p50": round(statistics.median(concurrent), 1),
                                  "p95": round(percentile(concurrent, 0.95), 1)},
                "concurrent_turns_per_s": round(len(concurrent) / wall, 1),
                **server_memory(server.pid),
            }
        finally:
            server.terminate()
            server.wait(timeout=60)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
