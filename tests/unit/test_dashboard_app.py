"""The dashboard's web app (ops/dashboard/app.py) with Starlette's TestClient over a fake data layer.

Access (form, Bearer, cookie flags, throttle, CSRF), the security headers, escaping, the CSV download and
the period filter; the data layer's own counts are tested in test_dashboard_review.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from starlette.testclient import TestClient

from ops.dashboard import app as dashboard_app
from ops.dashboard import auth, charts
from ops.dashboard.app import create_app
from ops.dashboard.auth import Config
from ops.dashboard.periods import Period, period_of
from ops.dashboard.review import ConversationRow, Group, Overview, Turn

TOKEN = "prueba-" + "x" * 30
NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.timezone.utc).timestamp()
SCRIPT = "<script>alert('x')</script>"
HTML = {"Accept": "text/html"}
BEARER = {"Authorization": f"Bearer {TOKEN}"}


def _turn(sender: str, text: str, outcome: str = "answered", **extra: Any) -> Turn:
    values: dict[str, Any] = {
        "sender": sender,
        "at": NOW - 3600,
        "channel": "rest",
        "text": text,
        "pressed": False,
        "intent": "buscar",
        "confidence": 0.91,
        "reply": "Según el comunicado INAI/265/19, 14 de agosto de 2020, hay 21 STL.",
        "outcome": outcome,
        "source": "comunicado INAI/265/19, 14 de agosto de 2020",
    }
    return Turn(**{**values, **extra})


@dataclass
class FakeData:
    """The functions of ops.dashboard.review, answering fixed values and recording their calls."""

    turn_list: list[Turn] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    rows: list[ConversationRow] = field(default_factory=list)
    calls: list[tuple[str, tuple]] = field(default_factory=list)

    def open_store(self, url: str | None = None) -> str:
        self.calls.append(("open_store", (url,)))
        return "engine"

    def turns(self, engine: Any, since: float | None = None, until: float | None = None) -> list[Turn]:
        self.calls.append(("turns", (engine, since, until)))
        return self.turn_list

    def overview(self, turns: Any, start: dt.date | None = None, end: dt.date | None = None) -> Overview:
        self.calls.append(("overview", (len(turns),)))
        day = dt.date(2026, 11, 19)
        outcomes = {"answered": 6, "not_found": 2, "refused": 1, "clarified": 1, "other": 0}
        return Overview(
            days=[(day, outcomes)],
            totals=outcomes,
            questions=10,
            shares={k: v / 10 for k, v in outcomes.items()},
            up=3,
            down=1,
            rated_share=4 / 6,
            satisfaction=0.75,
            by_channel={
                "rest": {"questions": 6, "answered": 4, "not_found": 1, "up": 2, "down": 1},
                "socketio": {"questions": 3, "answered": 2, "not_found": 1, "up": 1, "down": 0},
                "telegram": {"questions": 1, "refused": 1, "up": 0, "down": 0},
            },
        )

    def to_add(self, turns: Any, top: int = 50) -> list[Group]:
        self.calls.append(("to_add", (len(turns), top)))
        return self.groups

    def to_add_csv(self, groups: Any) -> str:
        return "kind,question,count\r\nnot_found,que es blockchain,2\r\n"

    def conversations(self, turns: Any, outcome: str | None = None, day: dt.date | None = None) -> list:
        self.calls.append(("conversations", (outcome, day)))
        return self.rows

    def transcript(self, engine: Any, sender: str) -> list[Turn]:
        self.calls.append(("transcript", (sender,)))
        return [turn for turn in self.turn_list if turn.sender == sender]


@pytest.fixture
def data() -> FakeData:
    return FakeData(
        turn_list=[
            _turn("ana", f"¿qué es {SCRIPT}?", "not_found", reply="No encontré eso en los documentos."),
            _turn(
                "telegram:5512345678",
                "¿cuántos STL hay?",
                channel="telegram",
                rating="down",
                reason="incompleta",
            ),
        ],
        groups=[
            Group(
                kind="not_found",
                key="que es script",
                question=f"¿qué es {SCRIPT}?",
                count=2,
                examples=[f"¿qué es {SCRIPT}?", "que es <b>eso</b>"],
                answer="No encontré eso en los documentos.",
                conversations=["ana"],
            ),
            Group(
                kind="down",
                key="cuantos stl hay",
                question="¿cuántos STL hay?",
                count=1,
                examples=["¿cuántos STL hay?"],
                answer="21 Secretariados Técnicos Locales (STL)…",
                reasons={"Incompleta": 1},
                comments=["faltaron las fechas"],
                conversations=["telegram:5512345678"],
            ),
        ],
        rows=[
            ConversationRow(
                sender=f"s{n:03d}",
                started=NOW - 7200 - n,
                last=NOW - 3600 - n,
                turns=2,
                outcomes={"answered": 1, "not_found": 1},
                channel="socketio",
            )
            for n in range(120)
        ],
    )


@pytest.fixture
def client(data: FakeData) -> TestClient:
    app = create_app(Config(token=TOKEN), data=data, clock=lambda: NOW)
    return TestClient(app, base_url="http://testserver")


@pytest.fixture(autouse=True)
def no_delay(monkeypatch):
    """Failed attempts wait FAIL_DELAY_S in the app; not in these tests."""
    monkeypatch.setattr(dashboard_app, "FAIL_DELAY_S", 0.0)


def login(client: TestClient, secret: str = TOKEN, follow: bool = False, siguiente: str = "/"):
    page = client.get(f"/entrar?siguiente={siguiente}", headers=HTML)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post(
        "/entrar",
        data={"csrf": csrf, "clave": secret, "siguiente": siguiente},
        follow_redirects=follow,
    )


# ---------------------------------------------------------------- starting


def test_no_token_no_app():
    with pytest.raises(ValueError, match="DASHBOARD_TOKEN is not set"):
        create_app(Config(token=""), data=FakeData())
    with pytest.raises(ValueError, match="too short"):
        create_app(Config(token="corto"), data=FakeData())
    with pytest.raises(ValueError, match="DASHBOARD_PASSWORD_HASH"):
        create_app(Config(token=TOKEN, password_hash="sha1$abc"), data=FakeData())


def test_the_command_refuses_to_start_without_a_token(monkeypatch, capsys):
    from ops.dashboard.__main__ import main

    monkeypatch.delenv("DASHBOARD_TOKEN", raising=False)
    assert main([]) == 1
    assert "DASHBOARD_TOKEN is not set" in capsys.readouterr().err


# ---------------------------------------------------------------- access


@pytest.mark.parametrize("path", ["/", "/agregar", "/agregar.csv", "/conversaciones", "/conversaciones/ana"])
def test_refused_without_a_token(client, data, path):
    reply = client.get(path, follow_redirects=False)
    assert reply.status_code == 401 and reply.headers["www-authenticate"] == "Bearer"
    assert "blockchain" not in reply.text and "STL" not in reply.text
    browser = client.get(path, headers=HTML, follow_redirects=False)
    assert browser.status_code == 303
    assert browser.headers["location"].startswith("/entrar?siguiente=")
    assert not [call for call in data.calls if call[0] != "open_store"]  # nothing was read


def test_bearer_works(client):
    reply = client.get("/", headers=BEARER)
    assert reply.status_code == 200 and "<h1>Resumen</h1>" in reply.text


@pytest.mark.parametrize(
    "header",
    [
        f"Bearer {TOKEN}x",
        f"Bearer {TOKEN[:-1]}",
        "Bearer ",
        f"Basic {TOKEN}",
        TOKEN,
        f"Bearer  {TOKEN.upper()}",
    ],
)
def test_wrong_token_refused(client, header):
    reply = client.get("/", headers={"Authorization": header, **HTML}, follow_redirects=False)
    assert reply.status_code == 401 and "invalid_token" in reply.headers["www-authenticate"]
    assert "Resumen" not in reply.text


def test_login_form_opens_a_session_with_safe_cookie_flags(client):
    reply = login(client, siguiente="/agregar?dias=7")
    assert reply.status_code == 303 and reply.headers["location"] == "/agregar?dias=7"
    cookie = next(c for c in reply.headers.get_list("set-cookie") if c.startswith("tablero_sesion="))
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert "httponly" in flags and "samesite=strict" in flags and "path=/" in flags
    assert any(flag.startswith("max-age=") and int(flag.split("=")[1]) == 8 * 3600 for flag in flags)
    assert "secure" not in flags  # plain HTTP here; see the next test
    assert len(cookie.split(";")[0].split("=", 1)[1]) >= 40  # opaque and random
    assert client.get("/agregar", headers=HTML).status_code == 200


def test_cookie_is_secure_over_https(data):
    https = TestClient(
        create_app(Config(token=TOKEN), data=data, clock=lambda: NOW), base_url="https://tablero"
    )
    reply = login(https)
    cookie = next(c for c in reply.headers.get_list("set-cookie") if c.startswith("tablero_sesion="))
    assert "secure" in cookie.lower()


def test_wrong_password_refused_and_slowed_then_throttled(client, data, monkeypatch):
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(dashboard_app, "FAIL_DELAY_S", 1.0)
    monkeypatch.setattr(dashboard_app.asyncio, "sleep", fake_sleep)
    reply = login(client, "no-es-la-clave")
    assert reply.status_code == 401 and "Esa clave no es correcta." in reply.text
    assert "tablero_sesion" not in reply.headers.get("set-cookie", "")
    assert waits == [1.0]
    for _ in range(auth.FAILURE_LIMIT - 1):
        login(client, "otra-clave-mala")
    blocked = login(client, TOKEN)  # even the right token waits now
    assert blocked.status_code == 429 and "Demasiados intentos" in blocked.text
    assert int(blocked.headers["retry-after"]) > 0
    assert client.get("/", headers=BEARER).status_code == 429


def test_login_needs_the_forms_csrf_token(client):
    client.get("/entrar")
    reply = client.post("/entrar", data={"csrf": "inventado", "clave": TOKEN}, follow_redirects=False)
    assert reply.status_code == 400 and "tablero_sesion" not in reply.headers.get("set-cookie", "")
    fresh = TestClient(client.app)  # another site's form: no CSRF cookie at all
    reply = fresh.post("/entrar", data={"csrf": "x", "clave": TOKEN}, follow_redirects=False)
    assert reply.status_code == 400


def test_password_login(data):
    config = Config(token=TOKEN, password_hash=auth.hash_password("contraseña del equipo"))
    client = TestClient(create_app(config, data=data, clock=lambda: NOW))
    assert login(client, "contraseña del equipo").status_code == 303
    assert login(TestClient(client.app), "contraseña de otro").status_code == 401


def test_password_hash_round_trip():
    stored = auth.hash_password("una contraseña larga")
    assert stored.startswith("scrypt$16384$8$1$") and "una" not in stored
    assert auth.check_password("una contraseña larga", stored)
    assert not auth.check_password("una contraseña larg", stored)
    assert not auth.check_password("x", "scrypt$1048576$8$1$AAAAAAAAAAA$AAAA")  # too costly: refused


def test_next_never_leaves_the_site(client):
    for target in ("https://otro.example/", "//otro.example/", "/\\otro.example", "javascript:alert(1)"):
        reply = login(TestClient(client.app), siguiente=target)
        assert reply.headers["location"] == "/"


def test_logout_ends_the_session(client):
    login(client)
    assert client.get("/", headers=HTML, follow_redirects=False).status_code == 200
    reply = client.get("/salir", follow_redirects=False)
    assert reply.status_code == 303 and 'tablero_sesion=""' in reply.headers["set-cookie"]
    kept = login(TestClient(client.app)).headers["set-cookie"].split(";")[0].split("=", 1)[1]
    client.cookies.clear()
    client.get("/salir", cookies={"tablero_sesion": kept})
    assert (
        client.get("/", headers=HTML, cookies={"tablero_sesion": kept}, follow_redirects=False).status_code
        == 303
    )


def test_sessions_expire():
    sessions = auth.Sessions(lifetime_s=60)
    value = sessions.open(now=1000)
    assert sessions.valid(value, 1059) and not sessions.valid(value, 1060)
    assert not sessions.valid(value + "x", 1001)


def test_only_login_takes_a_post(client):
    login(client)
    for path in ("/", "/agregar", "/conversaciones", "/salir"):
        assert client.post(path).status_code == 405


# ---------------------------------------------------------------- headers and escaping


def test_security_headers_on_every_response(client):
    for reply in (
        client.get("/entrar"),
        client.get("/", headers=BEARER),
        client.get("/nada", headers=BEARER),
    ):
        assert reply.headers["content-security-policy"] == dashboard_app.CSP
        assert "script-src" not in reply.headers["content-security-policy"]
        assert "default-src 'none'" in reply.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in reply.headers["content-security-policy"]
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["referrer-policy"] == "no-referrer"
        assert reply.headers["cache-control"] == "no-store"


def test_pages_have_no_script_and_no_external_asset(client):
    for path in ("/", "/agregar", "/conversaciones", "/conversaciones/ana", "/entrar"):
        html = client.get(path, headers=BEARER).text
        assert "<script" not in html.replace("&lt;script", "")
        assert not re.search(r'(src|href)="(https?:)?//', html)
        assert 'lang="es"' in html


def test_a_script_in_a_question_is_escaped(client):
    for path in ("/agregar", "/conversaciones/ana"):
        html = client.get(path, headers=BEARER).text
        assert SCRIPT not in html and "<b>eso</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in client.get("/agregar", headers=BEARER).text


def test_to_add_table(client):
    html = client.get("/agregar", headers=BEARER).text
    assert "Sin respuesta" in html and "Calificada 👎" in html and "Incompleta: 1" in html
    assert "«faltaron las fechas»" in html
    assert 'href="/conversaciones/telegram%3A5512345678?volver=' in html


def test_csv_download(client, data):
    reply = client.get("/agregar.csv?dias=7", headers=BEARER)
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "text/csv; charset=utf-8"
    assert reply.headers["content-disposition"] == (
        'attachment; filename="que-agregar_2026-11-14_2026-11-20.csv"'
    )
    # UTF-8 with its byte-order mark, so a spreadsheet shows «¿Qué faltó?» and not «Â¿QuÃ©»
    assert reply.content.startswith(b"\xef\xbb\xbf") and reply.text.lstrip("\ufeff") == data.to_add_csv([])


def test_sender_ids_are_redacted_where_shown(client):
    html = client.get("/conversaciones/telegram:5512345678", headers=BEARER).text
    assert '<h1>Conversación <span class="sender">telegram:[teléfono]</span></h1>' in html
    assert "5512345678" not in html.split("<main", 1)[1]


# ---------------------------------------------------------------- pages and the period


def test_overview_page(client):
    html = client.get("/", headers=BEARER).text
    assert "<dt>Preguntas</dt><dd>10</dd>" in html
    assert "60\u00a0%" in html and "75\u00a0%" in html  # answered, satisfaction
    assert "Widget (socket.io)" in html and "Telegram" in html and "REST" in html
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert "19 nov 2026: 10 preguntas" in html


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ("", "2026-10-22", "2026-11-20"),  # the default: 30 days
        ("?dias=7", "2026-11-14", "2026-11-20"),
        ("?dias=90", "2026-08-23", "2026-11-20"),
        ("?desde=2026-11-01&hasta=2026-11-03", "2026-11-01", "2026-11-03"),
    ],
)
def test_the_period_filter_reaches_the_data(client, data, query, start, end):
    assert client.get(f"/{query}", headers=BEARER).status_code == 200
    _, since, until = next(args for name, args in data.calls if name == "turns")
    assert since == dt.datetime.fromisoformat(f"{start}T00:00:00+00:00").timestamp()
    assert until == (dt.datetime.fromisoformat(f"{end}T00:00:00+00:00") + dt.timedelta(days=1)).timestamp()


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"desde": "2026-11-05", "hasta": "2026-11-01"}, "posterior"),
        ({"desde": "ayer"}, "AAAA-MM-DD"),
        ({"dias": "8"}, "7, 30 o 90"),
        ({"desde": "2020-01-01", "hasta": "2026-01-01"}, "366"),
    ],
)
def test_a_wrong_period_is_said_and_the_default_used(params, problem):
    period, said = period_of(params, dt.date(2026, 11, 20))
    assert problem in said and period == Period(dt.date(2026, 10, 22), dt.date(2026, 11, 20), 30)


def test_a_wrong_period_on_a_page(client):
    reply = client.get("/?desde=2026-11-05&hasta=2026-11-01", headers=BEARER)
    assert reply.status_code == 400 and "posterior" in reply.text


def test_conversation_list_filters_and_pages(client, data):
    html = client.get(
        "/conversaciones?dias=7&resultado=not_found&dia=2026-11-19&pagina=2", headers=BEARER
    ).text
    assert ("conversations", ("not_found", dt.date(2026, 11, 19))) in data.calls
    assert "120 conversaciones; se muestran de la 51 a la 100." in html
    assert "Página 2 de 3" in html and ">s050</a>" in html and ">s049</a>" not in html
    assert 'href="?dias=7&amp;resultado=not_found&amp;dia=2026-11-19&amp;pagina=3"' in html
    assert client.get("/conversaciones?resultado=nada", headers=BEARER).status_code == 400


def test_transcript_page(client):
    html = client.get("/conversaciones/telegram:5512345678", headers=BEARER).text
    for text in (
        "¿cuántos STL hay?",
        "hay 21 STL",
        "buscar",
        "91\u00a0%",
        "comunicado INAI/265/19",
        "👎 no útil",
    ):
        assert text in html
    assert "Incompleta" in html


def test_unknown_conversation_is_404(client):
    reply = client.get("/conversaciones/nadie", headers=BEARER)
    assert reply.status_code == 404 and "No hay ninguna conversación" in reply.text


def test_a_store_that_cannot_be_opened_is_said(data):
    from ops.conversations import StoreError

    def broken(url=None):
        raise StoreError("no tracker store at /tmp/nada.db")

    data.open_store = broken
    client = TestClient(create_app(Config(token=TOKEN), data=data, clock=lambda: NOW))
    reply = client.get("/", headers=BEARER)
    assert reply.status_code == 503 and "no tracker store at /tmp/nada.db" in reply.text


def test_a_fault_gets_a_page_with_the_same_headers(data):
    def broken(turns, start=None, end=None):
        raise RuntimeError("falla")

    data.overview = broken
    client = TestClient(create_app(Config(token=TOKEN), data=data), raise_server_exceptions=False)
    reply = client.get("/", headers=BEARER)
    assert reply.status_code == 500 and "Error del tablero" in reply.text and "falla" not in reply.text
    assert reply.headers["content-security-policy"] == dashboard_app.CSP


def test_make_run_starts_the_dashboard_only_with_a_token(monkeypatch, tmp_path):
    from ops import serve

    monkeypatch.delenv("DASHBOARD_TOKEN", raising=False)
    _, helpers = serve.servers_to_start({}, tmp_path / "e.yml", serve.Warmer())
    assert "the dashboard" not in [helper.name for helper in helpers]
    monkeypatch.setenv("DASHBOARD_TOKEN", TOKEN)
    monkeypatch.setenv("DASHBOARD_PORT", "5433")
    _, helpers = serve.servers_to_start({}, tmp_path / "e.yml", serve.Warmer())
    dashboard = next(helper for helper in helpers if helper.name == "the dashboard")
    assert dashboard.command[-2:] == ["-m", "ops.dashboard"] and TOKEN not in " ".join(dashboard.command)
    assert dashboard.health == "http://127.0.0.1:5433/salud"
    monkeypatch.setenv("DASHBOARD_TOKEN", "corto")
    with pytest.raises(serve.StartError, match="too short"):
        serve.servers_to_start({}, tmp_path / "e.yml", serve.Warmer())


def test_health_needs_no_login(client):
    assert client.get("/salud").text == "ok\n"


def test_static_stylesheet(client):
    reply = client.get("/static/tablero.css")
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/css")


# ---------------------------------------------------------------- charts


def test_nice_steps():
    assert [charts.nice_step(top) for top in (0, 3, 9, 17, 40, 230, 1999)] == [1, 1, 5, 5, 10, 100, 500]


def test_daily_chart_stacks_each_day():
    days = [(dt.date(2026, 11, 1), {"answered": 3, "not_found": 1}), (dt.date(2026, 11, 2), {})]
    svg = charts.daily_chart(
        days, ("answered", "not_found"), {"answered": "Respondidas", "not_found": "Sin"}, str
    )
    assert svg.count("<rect") == 2 and "Preguntas por día: 4 en 2 días" in svg
    assert "2026-11-01: 4 preguntas (3 respondidas, 1 sin)" in svg
    assert "style=" not in svg  # the CSP allows no inline style


def test_share_bar_adds_up_to_the_width():
    svg = charts.share_bar(
        {"answered": 0.75, "refused": 0.25}, ("answered", "refused"), {"answered": "A", "refused": "R"}
    )
    widths = [float(w) for w in re.findall(r'width="([\d.]+)"', svg)]
    assert sum(widths) == pytest.approx(100)
