"""Offline stand-ins for the Telegram Bridge tests: a Bot API server and a Rasa REST server on 127.0.0.1.

Both are small ``http.server`` servers in daemon threads, record what they receive and stop when told
(or with the test process). The bridge under test runs in its own thread and event loop. They bind any free
port, or only ports of ``TEST_PORTS`` when it is set (``TEST_PORTS=5301-5319``). ``speak`` makes Spanish
voice notes (OGG/Opus, as Telegram's) with Debian's espeak-ng.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

import numpy as np

from common.texts import SLOW_DOWN

TOKEN = "123456:TEST-token-do-not-log-Zx9"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Asistente", "username": "asistente_prueba_bot"}
JSON_FIELDS = ("reply_markup", "commands", "allowed_updates")
WAIT = 15.0  # seconds any single wait in the tests may take before it fails


def _ports() -> list[int]:
    """The ports the stand-ins may bind: ``TEST_PORTS`` (``low-high``), or any (0)."""
    low, _, high = os.environ.get("TEST_PORTS", "").strip().partition("-")
    return list(range(int(low), int(high or low) + 1)) if low else [0]


def free_port() -> int:
    for port in _ports():
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise OSError("no free port in TEST_PORTS")


def _opus(samples: np.ndarray, rate: int) -> bytes:
    """Mono int16 ``samples`` at ``rate`` Hz as OGG/Opus at 48 kHz, as Telegram's voice notes are."""
    import av

    out = io.BytesIO()
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)
    with av.open(out, "w", format="ogg") as target:
        stream = target.add_stream("libopus", rate=48_000, layout="mono")
        for piece in [*resampler.resample(frame), *resampler.resample(None), None]:
            for packet in stream.encode(piece):
                target.mux(packet)
    return out.getvalue()


def speak(text: str, voice: str = "es-419", words_per_minute: int = 130) -> bytes:
    """``text`` said by espeak-ng (Latin American Spanish) as an OGG/Opus voice note."""
    import av

    wav = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(words_per_minute), "--stdout", text],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    with av.open(io.BytesIO(wav), mode="r") as source:
        rate = source.streams.audio[0].sample_rate
        samples = np.concatenate([frame.to_ndarray().reshape(-1) for frame in source.decode(audio=0)])
    return _opus(samples.astype(np.int16), rate)


def tone(seconds: float, volume: int = 3000, rate: int = 16_000) -> bytes:
    """A 440 Hz tone of ``seconds`` (``volume=0``: silence) as an OGG/Opus voice note."""
    t = np.arange(int(seconds * rate)) / rate
    return _opus((volume * np.sin(2 * np.pi * 440 * t)).astype(np.int16), rate)


def espeak_missing() -> str:
    return "" if shutil.which("espeak-ng") else "espeak-ng is not installed: run `make services`"


def wait_until(check: Callable[[], Any], timeout: float = WAIT, what: str = "condition") -> Any:
    """Poll ``check`` until it returns something truthy; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (the bridge stopping during a long poll) is not an error here."""


class _Server:
    """A ThreadingHTTPServer in a daemon thread; ``stop`` closes it, ``start`` opens it again."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], port: int = 0) -> None:
        self._handler = handler
        self.port = port
        self._httpd: ThreadingHTTPServer | None = None

    def start(self) -> _Server:
        httpd = None
        for port in [self.port] if self.port else _ports():
            try:
                httpd = _QuietServer(("127.0.0.1", port), self._handler)
                break
            except OSError:
                if self.port:
                    raise
        if httpd is None:
            raise OSError("no free port in TEST_PORTS")
        httpd.owner = self  # type: ignore[attr-defined]
        self.port = httpd.server_address[1]
        self._httpd = httpd
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> _Server:
        return self.start()

    def __exit__(self, *_: Any) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *_: Any) -> None:  # keep test output quiet
        pass

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _json(self, status: int, payload: Any) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class FakeBotApi(_Server):
    """The Bot API methods the bridge calls, on ``http://127.0.0.1:PORT/bot<TOKEN>/<method>``.

    ``calls`` records (method, params) in order; ``push`` queues an update for getUpdates;
    ``retry_after`` makes the next sendMessage calls fail with HTTP 429 and that many seconds. Files
    (``send_audio``) are served by getFile and ``http://127.0.0.1:PORT/file/bot<TOKEN>/<file_path>``, each
    download recorded as a ``download`` call.
    """

    def __init__(self, token: str = TOKEN) -> None:
        super().__init__(_BotApiHandler)
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.retry_after: list[int] = []
        self.lock = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._callback_ids = itertools.count(1)
        self.files: dict[str, bytes] = {}

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # -- what a test sends -------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            update = {"update_id": next(self._update_ids), **update}
            self.updates.append(update)
            self.lock.notify_all()
        return update

    def say(self, chat_id: int, text: str) -> dict[str, Any]:
        """A person in private chat ``chat_id`` sends ``text`` (a command gets its entity)."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Ana"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Ana"},
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self.push({"message": message})

    def send_audio(self, chat_id: int, data: bytes, duration: int, kind: str = "voice") -> dict[str, Any]:
        """A person sends a voice note (``kind="voice"``) or an audio file (``"audio"``) of ``duration``
        seconds, as Telegram states it; its bytes are ``data``."""
        file_id = f"{kind}{len(self.files) + 1}"
        self.files[file_id] = data
        media = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "duration": duration,
            "file_size": len(data),
            "mime_type": "audio/ogg",
        }
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Ana"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Ana"},
            kind: media,
        }
        return self.push({"message": message})

    def press(self, chat_id: int, message: dict[str, Any], data: str) -> str:
        """A person presses the button with ``data`` under ``message`` (a sendMessage result)."""
        query_id = f"q{next(self._callback_ids)}"
        self.push(
            {
                "callback_query": {
                    "id": query_id,
                    "chat_instance": "ci",
                    "data": data,
                    "from": {"id": chat_id, "is_bot": False, "first_name": "Ana"},
                    "message": message,
                }
            }
        )
        return query_id

    # -- what a test reads -------------------------------------------------------------------

    def of(self, method: str, chat_id: int | None = None) -> list[dict[str, Any]]:
        with self.lock:
            return [
                params
                for name, params in self.calls
                if name == method and (chat_id is None or str(params.get("chat_id")) == str(chat_id))
            ]

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """The messages sent to ``chat_id`` so far (sendMessage parameters)."""
        return self.of("sendMessage", chat_id)

    def wait_sent(self, chat_id: int, count: int, timeout: float = WAIT) -> list[dict[str, Any]]:
        return wait_until(
            lambda: len(self.sent(chat_id)) >= count and self.sent(chat_id),
            timeout,
            f"{count} message(s) to chat {chat_id}",
        )

    # -- the server side ---------------------------------------------------------------------

    def answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            if method != "getUpdates":
                self.calls.append((method, params))
            if method == "sendMessage" and self.retry_after:
                wait = self.retry_after.pop(0)
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests",
                    "parameters": {"retry_after": wait},
                }
        if method == "getMe":
            return 200, {"ok": True, "result": BOT_USER}
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates(params)}
        if method == "getFile":
            file_id = str(params.get("file_id"))
            if file_id not in self.files:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
            path = f"{file_id.rstrip('0123456789')}/{file_id}.oga"
            result = {"file_id": file_id, "file_unique_id": file_id, "file_size": len(self.files[file_id])}
            return 200, {"ok": True, "result": {**result, "file_path": path}}
        if method in ("sendMessage", "editMessageReplyMarkup"):
            chat = int(params["chat_id"])
            message = {
                "message_id": int(params.get("message_id") or next(self._message_ids)),
                "date": int(time.time()),
                "chat": {"id": chat, "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            with self.lock:
                params["result"] = message
            return 200, {"ok": True, "result": message}
        if method in (
            "setMyCommands",
            "deleteWebhook",
            "setWebhook",
            "sendChatAction",
            "answerCallbackQuery",
        ):
            return 200, {"ok": True, "result": True}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not faked"}

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        hold = min(float(params.get("timeout") or 0), 0.5)
        with self.lock:
            self.calls.append(("getUpdates", params))
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and hold:
                self.lock.wait(hold)
            return list(self.updates)


class _BotApiHandler(_Handler):
    def do_GET(self) -> None:
        api: FakeBotApi = self.server.owner  # type: ignore[attr-defined]
        files = f"/file/bot{api.token}/"
        if not unquote(self.path).startswith(files):
            self.do_POST()
            return
        path = unquote(self.path)[len(files) :]
        with api.lock:
            api.calls.append(("download", {"file_path": path}))
        data = api.files.get(path.rsplit("/", 1)[-1].removesuffix(".oga"))
        if data is None:
            self._json(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        api: FakeBotApi = self.server.owner  # type: ignore[attr-defined]
        prefix = f"/bot{api.token}/"
        body = self._body()
        if not self.path.startswith(prefix):
            self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        if self.headers.get("Content-Type", "").startswith("application/json"):
            params = json.loads(body or b"{}")
        else:
            params = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
            for key in JSON_FIELDS:
                if key in params:
                    params[key] = json.loads(params[key])
        status, payload = api.answer(self.path[len(prefix) :], params)
        self._json(status, payload)


class FakeRasa(_Server):
    """Rasa's REST channel. ``reply(sender, message)`` gives the answer; ``received`` records calls;
    ``delay`` seconds before answering (to play a slow Rasa); ``rate_limit`` messages per sender, past
    which it answers ``common.texts.SLOW_DOWN`` instead, as channels/inputs.py does (the window never
    ends within a test)."""

    def __init__(self, reply: Callable[[str, str], list[dict[str, Any]]] | None = None) -> None:
        super().__init__(_RasaHandler)
        self.reply = reply or (lambda sender, message: [{"recipient_id": sender, "text": f"eco: {message}"}])
        self.received: list[tuple[str, str]] = []
        self.delay = 0.0
        self.rate_limit: int | None = None
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def answer(self, sender: str, message: str) -> list[dict[str, Any]]:
        with self._lock:
            self.received.append((sender, message))
            self._counts[sender] = seen = self._counts.get(sender, 0) + 1
        if self.rate_limit is not None and seen > self.rate_limit:
            return [{"recipient_id": sender, "text": SLOW_DOWN}]
        if self.delay:
            time.sleep(self.delay)
        return self.reply(sender, message)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class _RasaHandler(_Handler):
    def do_GET(self) -> None:
        if self.path.rstrip("/") == "/webhooks/rest":
            self._json(200, {"status": "ok"})
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        rasa: FakeRasa = self.server.owner  # type: ignore[attr-defined]
        if self.path != "/webhooks/rest/webhook":
            self._json(404, {"error": "not found"})
            return
        request = json.loads(self._body())
        self._json(200, rasa.answer(request["sender"], request["message"]))


class BridgeThread:
    """Runs ``clients.telegram.app.serve`` in a thread with its own event loop; ``stop`` ends it."""

    def __init__(self, settings: Any, states: Any) -> None:
        self.settings = settings
        self.states = states
        self.ready = threading.Event()
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        from clients.telegram.app import serve

        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            await serve(self.settings, self.states, self._stop, on_ready=self.ready.set)

        try:
            asyncio.run(main())
        except BaseException as problem:  # noqa: BLE001 - handed to the test thread
            self.error = problem
            self.ready.set()

    def __enter__(self) -> BridgeThread:
        self._thread.start()
        if not self.ready.wait(WAIT):
            raise AssertionError("the bridge did not start")
        if self.error:
            raise self.error
        return self

    def stop(self) -> None:
        if self._loop and self._stop and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(WAIT)
        assert not self._thread.is_alive(), "the bridge did not stop"

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def __exit__(self, *_: Any) -> None:
        self.stop()
