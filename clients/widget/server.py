"""Serve the web widget's demo page and the built widget: ``python -m clients.widget.server``.

  /            the demo page (clients/widget/demo/index.html), a fictitious transparency office's site
  /site.css    its stylesheet
  /widget.js   the built widget (build/widget/widget.js: ``make widget``)

Nothing else: no directory listing, no other file. Configuration (environment):
  WIDGET_HOST / WIDGET_PORT   where to listen (127.0.0.1:8080)
  WIDGET_RASA_URL             the assistant the demo page's widget talks to (its data-server attribute;
                              default as written in the page, http://localhost:5005)
Standard library only. Logs only errors, each line cut short, at most a few a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import logging
import os
import signal
import sys
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEMO = HERE / "demo"
WIDGET_JS = REPO / "build" / "widget" / "widget.js"
DEFAULT_RASA_URL = "http://localhost:5005"
BUILD_HINT = (
    "widget.js is not built: run `make widget` "
    "(npm ci --prefix clients/widget && npm run --prefix clients/widget build)"
)
LOG_LINE_CHARS = 200
LOG_LINES_PER_MINUTE = 20
log = logging.getLogger("clients.widget.server")

HTML = "text/html; charset=utf-8"
JS = "text/javascript; charset=utf-8"
CSS = "text/css; charset=utf-8"
ROUTES: dict[str, tuple[Path, str]] = {
    "/": (DEMO / "index.html", HTML),
    "/index.html": (DEMO / "index.html", HTML),
    "/site.css": (DEMO / "site.css", CSS),
    "/widget.js": (WIDGET_JS, JS),
}


def rasa_url(value: str | None) -> str:
    """``WIDGET_RASA_URL``, checked: an http(s) origin with an optional path, nothing to break out of HTML."""
    if not value:
        return DEFAULT_RASA_URL
    parts = urllib.parse.urlsplit(value.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or any(c in value for c in "\"'<> \t\r\n")
    ):
        raise ValueError(f"WIDGET_RASA_URL must be an http(s) URL, not {value!r}")
    return value.strip().rstrip("/")


def demo_page(rasa: str) -> bytes:
    """The demo page, its widget pointed at ``rasa``."""
    page = (DEMO / "index.html").read_text(encoding="utf-8")
    page = page.replace(f'data-server="{DEFAULT_RASA_URL}"', f'data-server="{html.escape(rasa, quote=True)}"')
    return page.encode("utf-8")


def content_security_policy(rasa: str) -> str:
    """A strict policy for the demo page: the widget needs no inline script or style, only its server."""
    origin = urllib.parse.urlsplit(rasa)
    socket = origin._replace(scheme="wss" if origin.scheme == "https" else "ws")
    server = f"{origin.scheme}://{origin.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {server} {socket.scheme}://{socket.netloc}; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


class _Budget:
    """At most ``per_minute`` log lines a minute; the rest are counted and reported once."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self.window = time.monotonic()
        self.used = 0
        self.dropped = 0

    def take(self) -> bool:
        now = time.monotonic()
        if now - self.window >= 60:
            if self.dropped:
                log.warning("%d more error lines not logged", self.dropped)
            self.window, self.used, self.dropped = now, 0, 0
        if self.used < self.per_minute:
            self.used += 1
            return True
        self.dropped += 1
        return False


class Handler(BaseHTTPRequestHandler):
    server_version = "widget-demo"
    sys_version = ""
    timeout = 15  # seconds a connection may stay idle
    protocol_version = "HTTP/1.1"
    rasa = DEFAULT_RASA_URL
    budget = _Budget(LOG_LINES_PER_MINUTE)

    def version_string(self) -> str:
        return self.server_version

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def _serve(self, body: bool) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if path == "/favicon.ico":
            self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon", body)
            return
        route = ROUTES.get(path)
        if route is None:
            self._send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8", body)
            return
        file, content_type = route
        try:
            data = demo_page(self.rasa) if content_type == HTML else file.read_bytes()
        except FileNotFoundError:
            hint = BUILD_HINT if file == WIDGET_JS else "Not found"
            self._send(HTTPStatus.NOT_FOUND, (hint + "\n").encode(), "text/plain; charset=utf-8", body)
            return
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        extra = {"ETag": etag, "Cache-Control": "no-cache"}
        if content_type == HTML:
            extra["Content-Security-Policy"] = content_security_policy(self.rasa)
            extra["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if file == WIDGET_JS:
            extra["Cross-Origin-Resource-Policy"] = "cross-origin"  # other sites embed it
        if etag in (self.headers.get("If-None-Match") or ""):
            self._send(HTTPStatus.NOT_MODIFIED, b"", content_type, False, extra)
            return
        self._send(HTTPStatus.OK, data, content_type, body, extra)

    def _send(
        self,
        status: HTTPStatus,
        data: bytes,
        content_type: str,
        body: bool,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if status != HTTPStatus.NOT_MODIFIED:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body and data:
            self.wfile.write(data)

    def log_request(self, code="-", size="-") -> None:
        """Quiet: successful requests are not logged."""

    def log_error(self, format: str, *args) -> None:
        if self.budget.take():
            line = (format % args).encode("ascii", "backslashreplace").decode("ascii")
            log.warning("%s %s", self.address_string(), line[:LOG_LINE_CHARS])


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(host: str, port: int, rasa: str) -> Server:
    handler = type("DemoHandler", (Handler,), {"rasa": rasa, "budget": _Budget(LOG_LINES_PER_MINUTE)})
    return Server((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clients.widget.server",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default=os.environ.get("WIDGET_HOST") or "127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WIDGET_PORT") or 8080))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        rasa = rasa_url(os.environ.get("WIDGET_RASA_URL"))
        server = make_server(args.host, args.port, rasa)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    except OSError as problem:
        print(
            f"error: cannot listen on {args.host}:{args.port}: {problem.strerror or problem}", file=sys.stderr
        )
        return 1
    if not WIDGET_JS.exists():
        log.warning(BUILD_HINT)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(
        f"Demo page with the widget: http://{host}:{server.server_address[1]}/ (assistant: {rasa})",
        flush=True,
    )
    try:
        server.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
