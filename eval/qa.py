"""Play the dev conversations over REST and print pass rates by category (`make eval-qa`).

Each conversation is played with a fresh sender. A turn passes when the reply is not empty, contains
every `expect` string and no `avoid` string, and offers a button for each `buttons` string (compared
lower-case and without accents, as tests/integration/test_end_to_end.py compares them); a conversation
passes when all its turns do.
Conversations without a `category` count as `basicas`.

    .venv/bin/python -m eval.qa [--file F.yml ...] [--url URL] [--failures]

With neither `--url` nor `QA_URL` set, the assistant is started here as `make run` starts it
(`python -m ops.serve`, ports QA_RASA_PORT/QA_ACTIONS_PORT, default 5025/5075, a temporary SQLite tracker
store, no rate limit, no widget) and stopped afterwards.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.text import fold

REPO = Path(__file__).resolve().parent.parent
DEV_FILES = [REPO / "tests/stories/dev_conversations.yml", REPO / "tests/stories/dev_understanding.yml"]
WEBHOOK = "/webhooks/rest/webhook"
# the `@long` turn, as the tests send it: over 6,000 characters
LONG_MESSAGE = "quiero saber sobre gobierno abierto en jalisco " * 130
READY_TIMEOUT_S = 300
ORDER = [
    "basicas",
    "nlu",
    "combinadas",
    "documentos",
    "sin_respuesta",
    "contexto",
    "guardarrailes",
    "siguientes_pasos",
]
log = logging.getLogger("eval.qa")


@dataclass
class Turn:
    """One played turn: what was sent, what came back, and what was wrong with it (nothing: it passed)."""

    conversation: str
    category: str
    user: str
    reply: str
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems


def _texts(turn: dict[str, Any], key: str) -> list[str]:
    """The ``expect`` or ``avoid`` strings of a turn; YAML reads «2015» as a number, compared as text, and
    «no» or «sí» unquoted as a boolean, which is refused."""
    values = turn.get(key) or []
    for value in values:
        if isinstance(value, bool):
            raise TypeError(f'turn {turn.get("user")!r}: {key} holds {value!r}; quote the word («"no"»)')
    return [str(value) for value in values]


def check(turn: dict[str, Any], reply: str, buttons: Sequence[str] = ()) -> list[str]:
    """What is wrong with ``reply`` to ``turn``: missing `expect` strings, present `avoid` strings, missing
    `buttons` (words of a button's title)."""
    folded = fold(reply)
    titles = [fold(title) for title in buttons]
    problems = [] if reply.strip() else ["no reply"]
    problems += [f"expected {s!r}" for s in _texts(turn, "expect") if fold(s) not in folded]
    problems += [f"avoid {s!r}" for s in _texts(turn, "avoid") if fold(s) in folded]
    problems += [f"no button {s!r}" for s in _texts(turn, "buttons") if not any(fold(s) in t for t in titles)]
    problems += [f"said {w!r}" for w in ("traceback", "exception") if w in folded]
    return problems


def say(url: str, sender: str, text: str) -> tuple[str, list[str]]:
    """Send ``text`` as ``sender`` to the REST channel at ``url``; the texts of the replies, joined, and
    the titles of their buttons."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        replies = json.loads(response.read())
    titles = [str(b.get("title")) for m in replies for b in m.get("buttons") or [] if isinstance(b, dict)]
    return " ".join(m.get("text") or "" for m in replies), titles


def play(url: str, conversation: dict[str, Any]) -> list[Turn]:
    """Every turn of ``conversation``, in order, as one new sender (a failed turn does not stop it)."""
    sender = f"qa-{uuid.uuid4().hex[:12]}"
    category = conversation.get("category") or "basicas"
    played = []
    for turn in conversation["turns"]:
        text = LONG_MESSAGE if turn["user"] == "@long" else turn["user"]
        try:
            reply, buttons = say(url, sender, text)
            problems = check(turn, reply, buttons)
        except (OSError, ValueError) as error:
            reply, problems = "", [f"request failed: {error}"]
        played.append(Turn(conversation["name"], category, turn["user"], reply, problems))
    return played


def table(results: list[list[Turn]]) -> str:
    """Pass rates by category: turns passed / turns and conversations passed / conversations."""
    rows: dict[str, list[int]] = {name: [0, 0, 0, 0] for name in ORDER}
    for turns in results:
        row = rows.setdefault(turns[0].category, [0, 0, 0, 0])
        row[0] += sum(t.passed for t in turns)
        row[1] += len(turns)
        row[2] += all(t.passed for t in turns)
        row[3] += 1
    rows = {name: row for name, row in rows.items() if row[1]}
    rows["total"] = [sum(r[i] for r in rows.values()) for i in range(4)]
    lines = [f"{'category':<15}{'turns':>10}{'%':>8}{'conversations':>16}"]
    for name, (ok, n, conv_ok, conv_n) in rows.items():
        lines.append(f"{name:<15}{f'{ok}/{n}':>10}{100 * ok / max(n, 1):>7.1f}%{f'{conv_ok}/{conv_n}':>16}")
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


def failures(results: list[list[Turn]]) -> str:
    """Every failing turn with what was wrong and the reply received."""
    out = []
    for turn in (t for turns in results for t in turns if not t.passed):
        reply = " ".join(turn.reply.split())
        out.append(
            f"[{turn.category}] {turn.conversation}\n  user:  {turn.user[:200]}\n"
            f"  wrong: {'; '.join(turn.problems)}\n  reply: {reply[:600]}"
        )
    return "\n".join(out)


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def assistant() -> Iterator[str]:
    """Start the assistant (ops.serve) on its own ports with a temporary tracker; its webhook URL."""
    rasa_port = os.environ.get("QA_RASA_PORT", "5025")
    actions_port = os.environ.get("QA_ACTIONS_PORT", "5075")
    for port in (rasa_port, actions_port):
        if not _free(int(port)):
            raise SystemExit(f"port {port} is taken: set QA_URL, or QA_RASA_PORT / QA_ACTIONS_PORT")
    with tempfile.TemporaryDirectory(prefix="eval-qa-") as tmp:
        env = {
            **os.environ,
            "RASA_PORT": rasa_port,
            "ACTIONS_PORT": actions_port,
            "WIDGET_PORT": "0",
            "TELEGRAM_BOT_TOKEN": "",
            "TRACKER_STORE_URL": f"sqlite:///{tmp}/tracker.db",
            "RATE_LIMIT_PER_MINUTE": "0",
        }
        log_path = Path(tmp) / "serve.log"
        with open(log_path, "w", encoding="utf-8") as server_log:
            command = [sys.executable, "-m", "ops.serve"]
            server = subprocess.Popen(command, cwd=REPO, env=env, stdout=server_log, stderr=subprocess.STDOUT)
            try:
                base = f"http://127.0.0.1:{rasa_port}"
                log.info("starting the assistant on %s (log: %s)", base, log_path)
                deadline = time.monotonic() + READY_TIMEOUT_S
                while not _answers(base + "/webhooks/rest/"):
                    if server.poll() is not None or time.monotonic() > deadline:
                        tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
                        raise SystemExit(f"the assistant did not start:\n{tail}")
                    time.sleep(0.5)
                yield base + WEBHOOK
            finally:
                server.terminate()
                try:
                    server.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait(timeout=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", type=Path, help="a conversations file (repeatable)")
    parser.add_argument("--url", default=os.environ.get("QA_URL"), help="the assistant (default: $QA_URL)")
    parser.add_argument("--failures", action="store_true", help="list the failing turns and their replies")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    conversations = [c for f in args.file or DEV_FILES for c in yaml.safe_load(f.read_text(encoding="utf-8"))]
    if args.url:
        url = args.url if args.url.rstrip("/").endswith(WEBHOOK) else args.url.rstrip("/") + WEBHOOK
        results = [play(url, c) for c in conversations]
    else:
        with assistant() as url:
            results = [play(url, c) for c in conversations]
    print(table(results))
    if args.failures:
        print("\n" + (failures(results) or "no failing turns"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
