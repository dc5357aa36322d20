"""The knowledge team's dashboard in a real browser (headless Chromium through Playwright), by the names
people and screen readers see, over a fixture store with known counts.

The dashboard is started as `make dashboard` starts it (``python -m ops.dashboard``, uvicorn) on
DASHBOARD_TEST_PORT (5431) over a SQLite store written here in Rasa 3.6's format (the ``events`` table).
The replies in it are the assistant's own, built from the knowledge by the functions the actions call
(``answers``) and the texts of ``actions/feedback.py`` and the domain, so the screenshots
(DASHBOARD_SCREENSHOTS=1 rewrites docs/img/dashboard-*.png) show real answers. Needs Debian's Chromium
and Playwright for Python; without them these tests are skipped and say why (in CI they fail).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.feedback import ASK_COMMENT, ASK_REASON, INVITES, THANKS_COMMENT, THANKS_POSITIVE
from answers.definitions import definition_answer
from answers.figures import figure_answer
from answers.recommendations import recommendation_answer
from answers.search import not_found, refusal
from answers.states import status_answer
from common.texts import FEEDBACK_REASONS
from knowledge import load_knowledge

from ..rasa_store import INSERT, columns, events_ddl
from ..servers import REPO, Process, port_taken, skip_or_fail
from .widget_support import AXE_JS, CHROMIUM, launched_chromium

PORT = int(os.environ.get("DASHBOARD_TEST_PORT") or 5431)
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = secrets.token_urlsafe(32)
DAY = 86400.0
KB = load_knowledge()
DOMAIN = {
    name: variants[0]["text"]
    for path in (REPO / "domain").glob("*.yml")
    for name, variants in (
        (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
    ).items()
}
THUMBS = [
    {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
]
REASONS = [
    {"title": title, "payload": f'/feedback_motivo{{"motivo": "{key}"}}'}
    for key, title in FEEDBACK_REASONS.items()
]
SKIP = {"title": "Omitir", "payload": "/cancelar"}
BLOCKCHAIN = "hay algo sobre blockchain"
COMMENT = "faltó cuándo publicó su plan"
UNAUTHORIZED = "status of 401 (Unauthorized)"  # what Chromium logs for a refused login: expected


# ---------------------------------------------------------------- the fixture store


class Store:
    """A tracker store written as Rasa writes it: one row per event, its JSON in ``data``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows: list[tuple[str, str, float, str | None, str | None, str]] = []

    def _add(self, sender: str, event: dict[str, Any]) -> None:
        self.rows.append(columns(sender, event))

    def user(
        self, sender: str, at: float, text: str, intent: str, confidence: float, channel: str, **entities: str
    ) -> None:
        parse = {
            "intent": {"name": intent, "confidence": confidence},
            "entities": [{"entity": name, "value": value} for name, value in entities.items()],
            "text": text,
        }
        event = {
            "event": "user",
            "timestamp": at,
            "text": text,
            "parse_data": parse,
            "input_channel": channel,
        }
        self._add(sender, event)

    def bot(self, sender: str, at: float, text: str, buttons: list | None = None, **metadata: Any) -> None:
        event = {
            "event": "bot",
            "timestamp": at,
            "text": text,
            "data": {"buttons": buttons},
            "metadata": metadata,
        }
        self._add(sender, event)

    def write(self) -> Path:
        with sqlite3.connect(self.path) as db:
            for statement in events_ddl():
                db.execute(statement)
            db.executemany(INSERT, sorted(self.rows, key=lambda row: row[2]))
        return self.path


def fixture_store(path: Path, now: float) -> Path:
    """Ten questions in the last 7 days (5 answered, 2 not found, 1 refused, 1 asked back, 1 greeting;
    6 over REST, 3 on the widget, 1 on Telegram; one 👍 and one 👎 with its reason and comment), and two
    more three weeks ago."""
    store = Store(path)
    jalisco = next(state for state in KB.states if state.name == "Jalisco")

    def answered(sender: str, at: float, text: str, intent: str, reply: str, channel: str = "rest") -> None:
        store.user(sender, at, text, intent, 0.97, channel)
        store.bot(sender, at + 1, reply, THUMBS)

    answered("web-ana", now - 1 * DAY, "¿Cuántos STL hay?", "cifras", figure_answer(KB, "stl"))
    store.user("web-ana", now - 1 * DAY + 30, THUMBS[0]["payload"], "feedback", 1.0, "rest", valor="positivo")
    store.bot("web-ana", now - 1 * DAY + 31, THANKS_POSITIVE, feedback="positive")

    for sender, at, text in (
        ("web-beto", 1.2, BLOCKCHAIN),
        ("web-carla", 2.1, "¿Hay algo sobre Blockchain?"),
    ):
        store.user(sender, now - at * DAY, text, "buscar", 0.41, "socketio")
        store.bot(sender, now - at * DAY + 1, not_found(KB), outcome="not_found")

    store.user(
        "telegram:5512345678",
        now - 2 * DAY,
        "¿quién ganó el partido de las chivas?",
        "fuera_de_tema",
        0.88,
        "rest",
    )
    store.bot("telegram:5512345678", now - 2 * DAY + 1, refusal(KB))

    dani = "web-dani"
    answered(dani, now - 3 * DAY - 300, "que es un stl", "que_es_stl", definition_answer(KB, "stl"))
    answered(dani, now - 3 * DAY, "¿Jalisco tiene STL?", "estado_situacion", status_answer(KB, jalisco))
    store.user(dani, now - 3 * DAY + 20, THUMBS[1]["payload"], "feedback", 1.0, "rest", valor="negativo")
    store.bot(dani, now - 3 * DAY + 21, ASK_REASON, REASONS, feedback="asks_reason")
    store.user(
        dani, now - 3 * DAY + 40, REASONS[1]["payload"], "feedback_motivo", 1.0, "rest", motivo="incompleta"
    )
    invite = ASK_COMMENT.format(title=FEEDBACK_REASONS["incompleta"], invite=INVITES["incompleta"])
    store.bot(dani, now - 3 * DAY + 41, invite, [SKIP], feedback="asks_comment", reason="incompleta")
    store.user(dani, now - 3 * DAY + 70, COMMENT, "buscar", 0.3, "rest")
    store.bot(dani, now - 3 * DAY + 71, THANKS_COMMENT, feedback="comment", reason="incompleta")

    answered(
        "web-eva",
        now - 3.2 * DAY,
        "q dice la 3a recomendacion",
        "recomendacion",
        recommendation_answer(KB, 3),
        "socketio",
    )

    store.user("web-fer", now - 4 * DAY, "info de mi estado", "estado_situacion", 0.62, "rest")
    store.bot("web-fer", now - 4 * DAY + 1, DOMAIN["utter_ask_estado"], utter_action="utter_ask_estado")

    store.user("web-gabi", now - 4.5 * DAY, "hola", "saludar", 0.99, "rest")
    store.bot("web-gabi", now - 4.5 * DAY + 1, DOMAIN["utter_saludar"], utter_action="utter_saludar")

    asked = "mi correo es ana.lopez@example.com, ¿qué es un PAL?"
    answered("web-hilda", now - 5 * DAY, asked, "que_es_pal", definition_answer(KB, "pal"))

    answered("web-ivan", now - 20 * DAY, "cuantos planes hay", "cifras", figure_answer(KB, "pal"))
    store.user("web-juan", now - 21 * DAY, "que es la gobernanza algoritmica", "buscar", 0.35, "socketio")
    store.bot("web-juan", now - 21 * DAY + 1, not_found(KB), outcome="not_found")
    return store.write()


# ---------------------------------------------------------------- servers and the browser


def browser_missing() -> str:
    import importlib.util

    if not CHROMIUM.exists():
        return f"Chromium is not installed ({CHROMIUM}): apt-get install -y chromium"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed: pip install -r requirements/main.txt"
    return ""


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    """``python -m ops.dashboard`` over the fixture store, with TOKEN."""
    if port_taken(PORT):
        pytest.fail(f"port {PORT} is in use: the dashboard tests need it (DASHBOARD_TEST_PORT moves it)")
    folder = tmp_path_factory.mktemp("dashboard")
    store = fixture_store(folder / "tracker.db", time.time())
    env = {
        **os.environ,
        "DASHBOARD_TOKEN": TOKEN,
        "DASHBOARD_HOST": "127.0.0.1",
        "DASHBOARD_PORT": str(PORT),
        "TRACKER_STORE_URL": f"sqlite:///{store}",
    }
    server = Process("dashboard", [sys.executable, "-m", "ops.dashboard"], env, folder)
    problem = server.wait_until(f"{BASE}/salud", timeout=60)
    if problem:
        server.stop()
        pytest.fail(problem)
    yield BASE
    server.stop()
    log = server.log_path.read_text(encoding="utf-8")
    assert "ana.lopez@example.com" not in log and TOKEN not in log


@pytest.fixture(scope="module")
def browser():
    if browser_missing():
        skip_or_fail(browser_missing())
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def new_page(browser):
    """A page in a fresh context (no cookies); every console error and refused resource is a failure."""
    contexts, problems = [], []

    def make(width: int = 1280, height: int = 900, **options: Any):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="es-MX", **options)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda m: problems.append(m.text) if m.type == "error" and UNAUTHORIZED not in m.text else None,
        )
        page.on(
            "requestfailed", lambda r: None if ".csv" in r.url else problems.append(f"{r.url}: {r.failure}")
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert not problems, problems


def log_in(page, secret: str = TOKEN) -> None:
    page.goto(BASE + "/")
    page.get_by_label("Token de acceso").fill(secret)
    with page.expect_navigation():
        page.get_by_role("button", name="Entrar").click()


def figure(page, title: str):
    """The value of a figure of the overview, by its title."""
    return page.locator("dl.figures > div").filter(has=page.get_by_text(title, exact=True)).locator("dd")


# ---------------------------------------------------------------- the tests


def test_refused_without_the_token(dashboard, new_page):
    from playwright.sync_api import expect

    page = new_page()
    page.goto(BASE + "/agregar")
    expect(page.get_by_role("heading", name="Entrar al tablero")).to_be_visible()
    expect(page.get_by_text(BLOCKCHAIN)).to_have_count(0)
    log_in(page, "no-es-el-token-" + "x" * 20)
    expect(page.get_by_role("alert")).to_have_text("Esa clave no es correcta.")
    expect(page.get_by_role("heading", name="Entrar al tablero")).to_be_visible()
    for path in ("/", "/agregar.csv", "/conversaciones/web-beto"):
        reply = page.request.get(BASE + path, max_redirects=0)
        assert reply.status == 401 and BLOCKCHAIN not in reply.text()
    wrong = page.request.get(BASE + "/", headers={"Authorization": "Bearer " + TOKEN[:-2]})
    assert wrong.status == 401


def test_log_in_and_read_the_overview(dashboard, new_page):
    from playwright.sync_api import expect

    page = new_page()
    log_in(page)
    expect(page.get_by_role("heading", name="Resumen", level=1)).to_be_visible()
    expect(figure(page, "Preguntas")).to_have_text("12")  # the default period: 30 days
    page.get_by_role("link", name="Últimos 7 días").click()
    expect(page.get_by_text("Periodo: últimos 7 días", exact=False)).to_be_visible()
    expect(figure(page, "Preguntas")).to_have_text("10")
    expect(figure(page, "Respondidas")).to_have_text(re.compile(r"^50\s%\s*\(5\)$"))
    expect(figure(page, "Sin respuesta")).to_have_text(re.compile(r"^20\s%\s*\(2\)$"))
    expect(figure(page, "Rechazadas")).to_have_text(re.compile(r"\(1\)$"))
    expect(figure(page, "Aclaración pedida")).to_have_text(re.compile(r"\(1\)$"))
    expect(figure(page, "👍 Útil")).to_have_text("1")
    expect(figure(page, "👎 No útil")).to_have_text("1")
    expect(figure(page, "Aprobación (👍 de las calificadas)")).to_have_text(re.compile(r"^50\s%$"))
    rows = {
        "REST": ["6", "4", "0", "0", "1", "1", "1", "1"],
        "Widget (socket.io)": ["3", "1", "2", "0", "0", "0", "0", "0"],
    }
    for channel, cells in rows.items():
        row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=channel, exact=True))
        expect(row.get_by_role("cell")).to_have_text(cells)
    expect(page.get_by_role("img", name=re.compile("^Preguntas por día: 10 en 7 días"))).to_be_visible()


def test_open_a_not_found_questions_conversation_from_what_to_add(dashboard, new_page):
    from playwright.sync_api import expect

    page = new_page()
    log_in(page)
    page.get_by_role("link", name="Qué agregar").click()
    expect(page.get_by_role("heading", name="Qué agregar", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile("^" + BLOCKCHAIN)))
    expect(row.get_by_role("cell").nth(0)).to_have_text("Sin respuesta")
    expect(row.get_by_role("cell").nth(1)).to_have_text("2")
    down = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="¿Jalisco tiene STL?"))
    expect(down).to_contain_text("Incompleta: 1")
    expect(down).to_contain_text(f"«{COMMENT}»")
    row.get_by_role("link", name=f"Conversación 1 de «{BLOCKCHAIN}»").click()
    expect(page.get_by_role("heading", name=re.compile("^Conversación web-beto"), level=1)).to_be_visible()
    turn = page.get_by_role("article", name=re.compile("^Pregunta 1"))
    expect(turn).to_contain_text(BLOCKCHAIN)
    expect(turn).to_contain_text(not_found(KB).splitlines()[0])
    expect(turn.get_by_role("definition")).to_have_text(["buscar", "41\u00a0%", "ninguna", "sin calificar"])
    page.get_by_role("link", name="← Volver").click()
    expect(page.get_by_role("heading", name="Qué agregar", level=1)).to_be_visible()


def test_the_csv_download(dashboard, new_page):
    page = new_page()
    log_in(page)
    page.goto(BASE + "/agregar?dias=7")
    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar esta tabla (CSV)").click()
    name = download.value.suggested_filename
    assert re.fullmatch(r"que-agregar_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv", name)
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert BLOCKCHAIN in text and "¿Jalisco tiene STL?" in text


def test_personal_data_stays_hidden(dashboard, new_page):
    from playwright.sync_api import expect

    page = new_page()
    log_in(page)
    page.goto(BASE + "/conversaciones?dias=7")
    expect(page.get_by_role("link", name="telegram:[teléfono]")).to_be_visible()
    page.goto(BASE + "/conversaciones/web-hilda")
    expect(page.get_by_text("mi correo es [correo], ¿qué es un PAL?")).to_be_visible()
    assert "ana.lopez@example.com" not in page.content()


def test_conversations_filtered_by_outcome(dashboard, new_page):
    from playwright.sync_api import expect

    page = new_page()
    log_in(page)
    page.get_by_role("link", name="Conversaciones", exact=True).click()
    page.get_by_label("Con alguna pregunta").select_option("not_found")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.get_by_role("status")).to_have_text("3 conversaciones.")
    links = page.locator("tbody").get_by_role("link")
    expect(links).to_have_text(["web-beto", "web-carla", "web-juan"])


def test_every_page_passes_axe(dashboard, new_page):
    """No accessibility violation axe-core finds (WCAG 2.1 AA rules), on a laptop and on a phone."""
    if not AXE_JS.exists():
        skip_or_fail("axe-core is not installed: npm ci --prefix clients/widget")
    for width, height in ((1280, 900), (390, 844)):
        page = new_page(width, height)
        page.goto(BASE + "/")
        axe_check(page)
        log_in(page)
        for path in ("/", "/agregar", "/conversaciones", "/conversaciones/web-dani"):
            page.goto(BASE + path)
            axe_check(page)


def axe_check(page) -> None:
    # The page's CSP allows no script: axe runs through the DevTools protocol, which the CSP does not govern.
    session = page.context.new_cdp_session(page)
    session.send("Runtime.evaluate", {"expression": AXE_JS.read_text(encoding="utf-8")})
    result = session.send(
        "Runtime.evaluate",
        {
            "expression": "axe.run(document, {runOnly: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
            ".then(r => JSON.stringify(r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' '))])))",
            "awaitPromise": True,
            "returnByValue": True,
        },
    )
    violations = json.loads(result["result"]["value"])
    assert not violations, f"{page.url}: {violations}"


@pytest.mark.skipif(
    not os.environ.get("DASHBOARD_SCREENSHOTS"), reason="DASHBOARD_SCREENSHOTS=1 rewrites docs/img"
)
def test_screenshots_for_the_documentation(dashboard, new_page):
    """docs/img/dashboard-*.png: each page on a laptop, and the overview on a phone."""
    shots = [
        ("resumen", "/?dias=7", (1280, 900), True),
        ("agregar", "/agregar?dias=30", (1280, 900), False),
        ("conversaciones", "/conversaciones?dias=30", (1280, 900), False),
        ("transcripcion", "/conversaciones/web-dani?volver=/agregar", (1280, 900), True),
        ("telefono", "/?dias=7", (390, 844), False),
    ]
    out = REPO / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    page = new_page(1280, 900)
    page.goto(BASE + "/")
    page.screenshot(path=str(out / "dashboard-entrar.png"))
    log_in(page)
    for name, path, (width, height), full in shots:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(BASE + path)
        page.screenshot(path=str(out / f"dashboard-{name}.png"), full_page=full)
