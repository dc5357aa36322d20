"""The dashboard's web app (Starlette, Jinja2 templates with autoescaping, server-rendered SVG charts).

Pages, all GET and read-only: «Resumen» (``/``), «Qué agregar» (``/agregar``, and ``/agregar.csv``),
«Conversaciones» (``/conversaciones``) and one conversation (``/conversaciones/<sender>``). The data
comes from ``ops.dashboard.review`` (the tracker store, opened read-only, every text redacted); periods
and Spanish formatting from ``periods.py``; hashes, sessions and the throttle from ``auth.py``.

Access: ``DASHBOARD_TOKEN`` (required: without it the app does not start) or, when
``DASHBOARD_PASSWORD_HASH`` is set, that password. People log in with the form at ``/entrar``, the only
POST; scripts send ``Authorization: Bearer <token>``. Both are compared in constant time
(``hmac.compare_digest`` over SHA-256 digests, so not even the length leaks). A failed attempt waits
``FAIL_DELAY_S`` before its answer, and an address with ``FAILURE_LIMIT`` failures within
``FAILURE_WINDOW_S`` is refused (429) until the oldest one ages out. A login opens a session: a random
opaque cookie (HttpOnly, SameSite=Strict, Secure when the request came over HTTPS, expiring after
``DASHBOARD_SESSION_HOURS``) whose SHA-256 the app keeps in memory; ``/salir`` ends it (a restart ends
them all). The login form carries a CSRF token (double submit: a random value in a SameSite=Strict
cookie and in the form, compared in constant time), since ``Referrer-Policy: no-referrer`` makes
browsers send ``Origin: null`` with the form, which an Origin check could not tell from another site.
Every response carries a strict Content-Security-Policy (no scripts at all), ``X-Content-Type-Options``,
``Referrer-Policy: no-referrer`` and ``Cache-Control: no-store``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import logging
import math
import secrets
import threading
import time
import urllib.parse
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from common.redaction import redact
from ops.conversations import StoreError
from ops.dashboard import charts, review
from ops.dashboard.auth import Config, Sessions, Throttle, check_password, config_problem, same
from ops.dashboard.periods import (
    KIND_TITLES,
    OUTCOME_SINGULAR,
    OUTCOME_TITLES,
    QUICK_DAYS,
    Period,
    channel_title,
    number,
    percent,
    period_of,
    reason_title,
    shown_sender,
    spanish_date,
    spanish_time,
)

log = logging.getLogger("ops.dashboard")
HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "tablero_sesion"
CSRF_COOKIE = "tablero_csrf"
CSRF_LIFETIME_S = 3600
FAIL_DELAY_S = 1.0
MAX_BODY_BYTES = 16_384
PAGE_SIZE = 50
TO_ADD_TOP = 50
REFRESH_S = 30.0  # the store is read again in the background this often, so pages find it read
BOM = "\ufeff"  # the byte-order mark Excel needs to read a CSV as UTF-8

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def query(params: Mapping[str, Any], **changes: Any) -> str:
    """``params`` with ``changes`` (None drops a key) as a URL query string."""
    merged = {**params, **changes}
    return urllib.parse.urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def sender_path(sender: str) -> str:
    return "/conversaciones/" + urllib.parse.quote(sender, safe="")


# ---------------------------------------------------------------- the app


class SecurityHeaders:
    """Adds the security headers (and ``Cache-Control: no-store`` outside ``/static``) to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                headers["cache-control"] = "no-cache" if static else "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


Endpoint = Callable[[Request], Awaitable[Response]]


class Dashboard:
    """The app's state: configuration, data layer, store, sessions and the failure throttle."""

    def __init__(
        self,
        config: Config,
        data: ModuleType | Any = review,
        engine: Any = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        problem = config_problem(config)
        if problem:
            raise ValueError(problem)
        self.config = config
        self.data = data
        self.clock = clock
        self.sessions = Sessions(config.session_hours * 3600.0)
        self.throttle = Throttle()
        self._engine = engine
        self._engine_lock = threading.Lock()
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every value escaped, in every template
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        environment.globals.update(
            outcome_titles=OUTCOME_TITLES,
            outcome_singular=OUTCOME_SINGULAR,
            outcomes=review.OUTCOMES,
            kind_titles=KIND_TITLES,
            quick_days=QUICK_DAYS,
            query=query,
            sender_path=sender_path,
        )
        environment.filters.update(
            number=number,
            percent=percent,
            date=spanish_date,
            time=spanish_time,
            reason=reason_title,
            channel=channel_title,
            sender=shown_sender,
        )
        self.templates = Jinja2Templates(env=environment)

    # ------------------------------------------------------------ store

    def engine(self) -> Any:
        """The tracker store's engine, opened (read-only) on first use; a store that cannot be opened now
        is tried again on the next request."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = self.data.open_store(self.config.store_url)
            return self._engine

    def warm(self) -> bool:
        """Read the whole store into the data layer's cache (its first reading of 100,000 turns takes
        seconds; later ones read only what was added), so that no page waits for it. False when the store
        cannot be read now (said in the log; pages say it too)."""
        started = time.monotonic()
        try:
            count = len(self.data.turns(self.engine()))
        except (StoreError, sa.exc.SQLAlchemyError) as error:
            log.warning("the tracker store cannot be read yet: %s", str(error).splitlines()[0][:300])
            return False
        except Exception:  # a fault of the data layer: said, and the pages say it too (HTTP 500)
            log.exception("reading the tracker store failed")
            return False
        if time.monotonic() - started > 1.0:
            log.info("read %d turns from the tracker store in %.1f s", count, time.monotonic() - started)
        return True

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Before serving: the store read once (uvicorn listens only after this); then again every
        ``REFRESH_S`` in the background."""
        await run_in_threadpool(self.warm)

        async def refresh() -> None:
            while True:
                await asyncio.sleep(REFRESH_S)
                await run_in_threadpool(self.warm)

        task = asyncio.create_task(refresh())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # ------------------------------------------------------------ access

    def _client(self, request: Request) -> str:
        return request.client.host if request.client else "?"

    def _token_ok(self, given: str) -> bool:
        return bool(given) and same(given, self.config.token)

    async def _bearer(self, request: Request) -> bool | None:
        """True/False for a request with an Authorization header (right or wrong), None without one."""
        header = request.headers.get("authorization")
        if header is None:
            return None
        scheme, _, credentials = header.strip().partition(" ")
        if scheme.lower() == "bearer" and self._token_ok(credentials.strip()):
            return True
        self.throttle.fail(self._client(request), self.clock())
        await asyncio.sleep(FAIL_DELAY_S)
        return False

    def _logged_in(self, request: Request) -> bool:
        value = request.cookies.get(SESSION_COOKIE)
        return bool(value) and self.sessions.valid(value or "", self.clock())

    def guarded(self, endpoint: Endpoint) -> Endpoint:
        """``endpoint`` for those with a session or the Bearer token only."""

        async def guard(request: Request) -> Response:
            wait = self.throttle.wait(self._client(request), self.clock())
            if wait:
                return _too_many(wait)
            bearer = await self._bearer(request)
            if bearer:
                return await endpoint(request)
            if bearer is False:
                return PlainTextResponse(
                    "Token no válido.\n",
                    status_code=401,
                    headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
                )
            if self._logged_in(request):
                return await endpoint(request)
            if "text/html" in request.headers.get("accept", ""):
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/entrar?" + query({}, siguiente=target), status_code=303)
            return PlainTextResponse(
                "Hace falta iniciar sesión en /entrar o enviar «Authorization: Bearer <token>».\n",
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )

        return guard

    # ------------------------------------------------------------ login and logout

    def _csrf_page(
        self, request: Request, error: str = "", status: int = 200, target: str | None = None
    ) -> Response:
        """The login form with a fresh CSRF token, in the form and in its cookie."""
        token = secrets.token_urlsafe(32)
        if target is None:
            target = _safe_next(request.query_params.get("siguiente", ""))
        response = self.templates.TemplateResponse(
            request,
            "entrar.html",
            {
                "csrf": token,
                "error": error,
                "siguiente": target,
                "password": bool(self.config.password_hash),
                "left": request.query_params.get("salida") == "1" and not error,
                "nav": None,
            },
            status_code=status,
        )
        response.set_cookie(
            CSRF_COOKIE,
            token,
            max_age=CSRF_LIFETIME_S,
            path="/entrar",
            secure=_https(request),
            httponly=True,
            samesite="strict",
        )
        return response

    async def login_form(self, request: Request) -> Response:
        if self._logged_in(request):
            return RedirectResponse(_safe_next(request.query_params.get("siguiente", "")), status_code=303)
        return self._csrf_page(request)

    async def login(self, request: Request) -> Response:
        who, now = self._client(request), self.clock()
        wait = self.throttle.wait(who, now)
        if wait:
            return _too_many(wait, request, self)
        if (
            request.headers.get("content-type", "").split(";")[0].strip()
            != "application/x-www-form-urlencoded"
        ):
            return self._csrf_page(request, "El formulario no llegó completo: vuelve a intentarlo.", 400)
        form = dict(urllib.parse.parse_qsl((await request.body()).decode("utf-8", "replace")))
        sent, kept = form.get("csrf", ""), request.cookies.get(CSRF_COOKIE, "")
        if not sent or not kept or not hmac.compare_digest(sent.encode(), kept.encode()):
            return self._csrf_page(
                request, "El formulario caducó o no viene de esta página: vuelve a intentarlo.", 400
            )
        secret = form.get("clave", "")
        ok = self._token_ok(secret)
        if not ok and self.config.password_hash and secret:
            ok = await run_in_threadpool(check_password, secret, self.config.password_hash)
        target = _safe_next(form.get("siguiente", ""))
        if not ok:
            self.throttle.fail(who, now)
            await asyncio.sleep(FAIL_DELAY_S)
            log.warning("failed dashboard login from %s", who)
            return self._csrf_page(request, "Esa clave no es correcta.", 401, target)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            self.sessions.open(now),
            max_age=int(self.sessions.lifetime_s),
            path="/",
            secure=_https(request),
            httponly=True,
            samesite="strict",
        )
        response.delete_cookie(CSRF_COOKIE, path="/entrar", secure=_https(request), httponly=True)
        return response

    async def logout(self, request: Request) -> Response:
        value = request.cookies.get(SESSION_COOKIE)
        if value:
            self.sessions.close(value)
        response = RedirectResponse("/entrar?salida=1", status_code=303)
        response.delete_cookie(
            SESSION_COOKIE, path="/", secure=_https(request), httponly=True, samesite="strict"
        )
        return response

    # ------------------------------------------------------------ pages

    def _period(self, request: Request) -> tuple[Period, str]:
        today = dt.datetime.fromtimestamp(self.clock(), dt.timezone.utc).date()
        return period_of(request.query_params, today)

    def _page(
        self,
        request: Request,
        name: str,
        context: dict[str, Any],
        status: int = 200,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        return self.templates.TemplateResponse(request, name, context, status_code=status, headers=headers)

    async def _turns(self, period: Period) -> Sequence[review.Turn]:
        return await run_in_threadpool(lambda: self.data.turns(self.engine(), period.since, period.until))

    async def overview(self, request: Request) -> Response:
        period, problem = self._period(request)
        turns = await self._turns(period)
        figures = await run_in_threadpool(
            lambda: self.data.overview(turns, start=period.start, end=period.end)
        )
        per_day = {day: counts for day, counts in figures.days}
        days = [(day, per_day.get(day, {})) for day in period.dates()]
        chart = charts.daily_chart(days, review.OUTCOMES, OUTCOME_TITLES, spanish_date)
        shares = charts.share_bar(figures.shares, review.OUTCOMES, OUTCOME_TITLES)
        channels = sorted(
            figures.by_channel.items(), key=lambda item: (-item[1].get("questions", 0), item[0])
        )
        context = {
            "nav": "resumen",
            "period": period,
            "problem": problem,
            "figures": figures,
            "days": days,
            "chart": chart,
            "shares": shares,
            "channels": channels,
        }
        return self._page(request, "resumen.html", context, 400 if problem else 200)

    def _top(self, request: Request) -> int:
        raw = request.query_params.get("top", "")
        return min(int(raw), 500) if raw.isdigit() and int(raw) > 0 else TO_ADD_TOP

    async def to_add(self, request: Request) -> Response:
        period, problem = self._period(request)
        turns = await self._turns(period)
        groups = await run_in_threadpool(self.data.to_add, turns, self._top(request))
        context = {"nav": "agregar", "period": period, "problem": problem, "groups": groups}
        return self._page(request, "agregar.html", context, 400 if problem else 200)

    async def to_add_csv(self, request: Request) -> Response:
        period, problem = self._period(request)
        if problem:
            return PlainTextResponse(problem + "\n", status_code=400)
        turns = await self._turns(period)
        groups = await run_in_threadpool(self.data.to_add, turns, self._top(request))
        text = await run_in_threadpool(self.data.to_add_csv, groups)
        name = f"que-agregar_{period.start.isoformat()}_{period.end.isoformat()}.csv"
        return Response(
            BOM + text,  # so a spreadsheet opened by double click reads the accents as UTF-8
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def conversations(self, request: Request) -> Response:
        period, problem = self._period(request)
        params = request.query_params
        outcome = params.get("resultado") or None
        if outcome is not None and outcome not in review.OUTCOMES:
            outcome, problem = None, "Ese resultado no existe: se muestran todos."
        day: dt.date | None = None
        if params.get("dia"):
            try:
                day = dt.date.fromisoformat(params["dia"])
            except ValueError:
                problem = "El día debe escribirse como AAAA-MM-DD."
        turns = await self._turns(period)
        rows = await run_in_threadpool(self.data.conversations, turns, outcome, day)
        pages = max(1, math.ceil(len(rows) / PAGE_SIZE))
        page = params.get("pagina", "1")
        number_ = min(int(page), pages) if page.isdigit() and int(page) > 0 else 1
        shown = rows[(number_ - 1) * PAGE_SIZE : number_ * PAGE_SIZE]
        filters = {**period.params, "resultado": outcome, "dia": day.isoformat() if day else None}
        context = {
            "nav": "conversaciones",
            "period": period,
            "problem": problem,
            "rows": shown,
            "total": len(rows),
            "page": number_,
            "pages": pages,
            "first": (number_ - 1) * PAGE_SIZE + 1,
            "filters": filters,
            "outcome": outcome,
            "day": day,
        }
        return self._page(request, "conversaciones.html", context, 400 if problem else 200)

    async def transcript(self, request: Request) -> Response:
        sender = request.path_params["sender"]
        turns = await run_in_threadpool(lambda: self.data.transcript(self.engine(), sender))
        if not turns:
            raise HTTPException(404, "No hay ninguna conversación con ese identificador en el almacén.")
        back = _safe_next(request.query_params.get("volver", ""), "/conversaciones")
        context = {"nav": "conversaciones", "sender": sender, "turns": turns, "back": back}
        return self._page(request, "transcripcion.html", context)

    async def health(self, request: Request) -> Response:
        return PlainTextResponse("ok\n")

    # ------------------------------------------------------------ errors

    async def http_error(self, request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        titles = {404: "No encontrada", 405: "Método no permitido", 413: "Solicitud demasiado grande"}
        detail = error.detail if error.status_code == 404 and error.detail != "Not Found" else ""
        context = {
            "nav": None,
            "title": titles.get(error.status_code, "Error"),
            "detail": detail or "Esta dirección no existe en el tablero.",
        }
        return self._page(request, "error.html", context, error.status_code, getattr(error, "headers", None))

    async def server_error(self, request: Request, error: Exception) -> Response:
        """A fault of the app (logged with its traceback, redacted): a page that says so, with the same
        headers as every other (this answer comes from outside the middleware that adds them)."""
        context = {
            "nav": None,
            "title": "Error del tablero",
            "detail": "Algo falló al preparar esta página; el detalle quedó en el registro del tablero.",
        }
        headers = {**SECURITY_HEADERS, "cache-control": "no-store"}
        return self._page(request, "error.html", context, 500, headers)

    async def store_error(self, request: Request, error: Exception) -> Response:
        if isinstance(error, StoreError):  # written for people, never with the password
            reason = str(error)
        else:  # a driver's message may quote the query and its parameters: its first line, in the log only
            first = (str(getattr(error, "orig", None) or error).strip().splitlines() or ["?"])[0]
            log.warning("the tracker store failed: %s", redact(first)[:300])
            reason = "la base de datos respondió con un error (detalle en el registro del tablero)"
        context = {
            "nav": None,
            "title": "No se puede leer el almacén de conversaciones",
            "detail": f"{reason}. Se intentará de nuevo al recargar la página.",
        }
        return self._page(request, "error.html", context, 503)


def _https(request: Request) -> bool:
    """Whether the request came over HTTPS (behind a proxy on this machine: its X-Forwarded-Proto, which
    uvicorn applies for the addresses of FORWARDED_ALLOW_IPS, 127.0.0.1 by default)."""
    return request.url.scheme == "https"


def _safe_next(target: str, default: str = "/") -> str:
    """``target`` when it is a path of this site (never another site: no scheme, host or ``//``)."""
    parts = urllib.parse.urlsplit(target)
    if (
        not target.startswith("/")
        or target.startswith(("//", "/\\"))
        or parts.scheme
        or parts.netloc
        or any(ord(c) < 32 for c in target)
    ):
        return default
    return target


def _too_many(wait: float, request: Request | None = None, dashboard: Dashboard | None = None) -> Response:
    minutes = max(1, math.ceil(wait / 60))
    message = (
        f"Demasiados intentos fallidos desde esta dirección: espera {minutes} min y vuelve a intentarlo."
    )
    headers = {"Retry-After": str(math.ceil(wait))}
    if request is not None and dashboard is not None:
        response = dashboard._csrf_page(request, message, 429)
        response.headers.update(headers)
        return response
    return PlainTextResponse(message + "\n", status_code=429, headers=headers)


def create_app(
    config: Config | None = None, data: ModuleType | Any = review, engine: Any = None, **options: Any
) -> Starlette:
    """The dashboard as an ASGI app. ``data`` is the data layer (``ops.dashboard.review``; tests pass a
    fake), ``engine`` an already opened store (else opened read-only on first use)."""
    dashboard = Dashboard(config or Config.from_env(), data=data, engine=engine, **options)
    guarded = dashboard.guarded
    routes = [
        Route("/", guarded(dashboard.overview), methods=["GET"], name="resumen"),
        Route("/agregar", guarded(dashboard.to_add), methods=["GET"], name="agregar"),
        Route("/agregar.csv", guarded(dashboard.to_add_csv), methods=["GET"], name="agregar_csv"),
        Route("/conversaciones", guarded(dashboard.conversations), methods=["GET"], name="conversaciones"),
        Route(
            "/conversaciones/{sender}", guarded(dashboard.transcript), methods=["GET"], name="transcripcion"
        ),
        Route("/entrar", dashboard.login_form, methods=["GET"], name="entrar"),
        Route("/entrar", dashboard.login, methods=["POST"]),
        Route("/salir", dashboard.logout, methods=["GET"], name="salir"),
        Route("/salud", dashboard.health, methods=["GET"], name="salud"),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=dashboard.lifespan,
        exception_handlers={
            HTTPException: dashboard.http_error,
            StoreError: dashboard.store_error,
            sa.exc.SQLAlchemyError: dashboard.store_error,
            Exception: dashboard.server_error,
        },
        max_body_size=MAX_BODY_BYTES,
    )
    app.add_middleware(SecurityHeaders)
    app.state.dashboard = dashboard
    return app


__all__ = ["Dashboard", "SecurityHeaders", "create_app"]
