"""The embeddable web chat widget, in a real browser (headless Chromium), against the real assistant.

The assistant is started as `make run` starts it (`python -m ops.serve`, on its own ports), and the
demo page of a fictitious transparency office is served by `python -m clients.widget.server` and embeds
the widget with its one script tag. Needs Debian's Chromium (/usr/bin/chromium), Playwright for
Python, the built widget and axe-core (`make widget`), and the trained model; without them these tests
are skipped and say why, except under CI (env CI set), where they fail.
The demo server's own tests and the static checks of the widget's source need none of that.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from clients.widget import server as demo_server

from ..servers import skip_or_fail
from .widget_support import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    WIDGET_JS,
    Process,
    assistant_missing,
    browser_missing,
    port_taken,
    start_page_server,
)

RASA_PORT, ACTIONS_PORT = "5035", "5085"
PAGE_PORT = 8095  # the demo page, an origin in CORS_ORIGINS
OTHER_PORT = 8096  # the same page from an origin that is not
RASA_URL = f"http://127.0.0.1:{RASA_PORT}"
PAGE = f"http://127.0.0.1:{PAGE_PORT}/"
OTHER_PAGE = f"http://127.0.0.1:{OTHER_PORT}/"
ANSWER_WAIT_MS = 60_000  # bounded wait for the assistant's reply

LAUNCHER = "Asistente de Gobierno Abierto"
STL_ANSWER = "21 Secretariados Técnicos Locales (STL)"
STL_SOURCE = "según el comunicado INAI/265/19, 14 de agosto de 2020."
ERROR_TEXT = "No pude comunicarme con el asistente"
MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>que es un stl</b>'


# ---------------------------------------------------------------- fixtures: servers and the browser


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium from Debian, through Playwright; a fresh profile for each context."""
    if browser_missing():
        skip_or_fail(browser_missing())
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as problem:  # noqa: BLE001 (say plainly why the browser did not start)
        playwright.stop()
        pytest.fail(f"Chromium ({CHROMIUM}) did not start: {problem}")
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="module")
def pages(browser, tmp_path_factory):
    """The demo page served twice: from an allowed origin (PAGE) and from another one (OTHER_PAGE)."""
    for port in (PAGE_PORT, OTHER_PORT):
        if port_taken(port):
            pytest.fail(f"port {port} is in use: the widget tests need it")
    logs = tmp_path_factory.mktemp("widget-logs")
    servers = [start_page_server(port, RASA_URL, logs) for port in (PAGE_PORT, OTHER_PORT)]
    try:
        for server, url in zip(servers, (PAGE, OTHER_PAGE), strict=True):
            problem = server.wait_until(url, timeout=30)
            if problem:
                pytest.fail(problem)
        yield PAGE
    finally:
        for server in servers:
            server.stop()


@pytest.fixture(scope="module")
def assistant(pages, tmp_path_factory):
    """The assistant as `make run` starts it, on its own ports, a fresh tracker store, and CORS for PAGE."""
    if assistant_missing():
        skip_or_fail(assistant_missing())
    if port_taken(int(RASA_PORT)) or port_taken(int(ACTIONS_PORT)):
        pytest.fail(f"port {RASA_PORT} or {ACTIONS_PORT} is in use: the widget tests need them")
    tmp = tmp_path_factory.mktemp("widget-assistant")
    env = {
        **os.environ,
        "RASA_PORT": RASA_PORT,
        "ACTIONS_PORT": ACTIONS_PORT,
        "TRACKER_STORE_URL": f"sqlite:///{tmp / 't.db'}",
        "CORS_ORIGINS": f"http://127.0.0.1:{PAGE_PORT} http://localhost:{PAGE_PORT}",
        # if ops.serve also starts the demo server, keep it off the ports these tests use
        "WIDGET_PORT": "8097",
        "WIDGET_RASA_URL": RASA_URL,
    }
    serve = Process("serve", [sys.executable, "-m", "ops.serve"], env, tmp)
    problem = serve.wait_until(f"{RASA_URL}/webhooks/rest/", timeout=300)
    if problem:
        serve.stop()
        pytest.fail(problem)
    yield RASA_URL
    serve.stop()


@pytest.fixture
def new_page(browser):
    """``new_page(width=…, height=…, bypass_csp=…)`` → a page in a fresh context (empty localStorage)."""
    contexts = []

    def make(width: int = 1280, height: int = 800, bypass_csp: bool = False):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="es-MX", bypass_csp=bypass_csp
        )
        context.set_default_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        return page

    yield make
    for context in contexts:
        context.close()


# ---------------------------------------------------------------- helpers: what a person does and sees


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def widget(page):
    return page.locator("ga-chat-widget")


def launcher(page):
    return page.get_by_role("button", name=LAUNCHER, exact=True)


def dialog(page):
    return page.get_by_role("dialog", name=LAUNCHER)


def open_widget(page):
    launcher(page).click()
    expect(dialog(page)).to_be_visible()
    expect(page.get_by_label("Escribe tu pregunta")).to_be_focused()


def ask(page, text: str) -> None:
    box = page.get_by_label("Escribe tu pregunta")
    box.fill(text)
    box.press("Enter")


def bot_message(page, containing: str):
    message = widget(page).locator(".msg.bot").filter(has_text=containing)
    expect(message.last).to_be_visible(timeout=ANSWER_WAIT_MS)
    return message.last


def user_messages(page) -> list[str]:
    return [text.strip() for text in widget(page).locator(".msg.user .text").all_text_contents()]


def block_socketio(page) -> None:
    """As if a proxy stopped WebSockets and long-polling: the widget must use REST."""
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), lambda ws: ws.close())
    page.route(re.compile(r".*/socket\.io/.*"), lambda route: route.abort())


def visible_text(message) -> str:
    """A message's text as shown (without the screen-reader-only labels), all whitespace removed."""
    text = message.evaluate(
        "m => { const c = m.cloneNode(true); c.querySelectorAll('.sr')"
        ".forEach(s => s.remove()); return c.textContent; }"
    )
    return re.sub(r"\s+", "", text)


LANDMARKS = "header, h1, main, section, footer, .cta"
PLACES = (
    "els => els.map(e => { const r = e.getBoundingClientRect(); "
    "return [r.left + scrollX, r.top + scrollY, r.width, r.height].map(Math.round).join(' '); })"
)


def host_layout(page) -> list[str]:
    """Where the host page's landmarks are, in page coordinates."""
    return page.locator(LANDMARKS).evaluate_all(PLACES)


def next_reply(page, after: int) -> str:
    """The text of the first bot message after the first ``after`` ones, once it is there."""
    message = widget(page).locator(".msg.bot").nth(after)
    expect(message).to_be_visible(timeout=ANSWER_WAIT_MS)
    return message.text_content()


def held_request(page, held: list):
    """The next request a route handler is holding (bounded wait)."""
    for _ in range(200):
        if held:
            return held.pop(0)
        page.wait_for_timeout(50)
    pytest.fail("the widget sent no request")


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' > '))}));
    }""")


# ---------------------------------------------------------------- the widget against the assistant


def test_ask_a_question_and_see_the_answer_with_its_source(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    expect(launcher(page)).to_be_visible()
    expect(dialog(page)).to_be_hidden()
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    expect(answer.locator(".text")).to_contain_text(STL_ANSWER)
    expect(answer.locator(".source")).to_contain_text(STL_SOURCE)
    # the source is a line of its own under the answer, and no character of the reply was lost
    text_box, source_box = answer.locator(".text").bounding_box(), answer.locator(".source").bounding_box()
    assert source_box["y"] >= text_box["y"] + text_box["height"] - 1
    assert visible_text(answer.locator(".bubble")) == re.sub(r"\s+", "", f"{STL_ANSWER}, {STL_SOURCE}")
    expect(answer.get_by_role("button", name="Me sirvió", exact=True)).to_be_visible()
    expect(answer.get_by_role("button", name="No me sirvió", exact=True)).to_be_visible()
    expect(widget(page).locator(".typing")).to_be_hidden()
    assert user_messages(page) == ["cuantos stl hay"]
    # the demo page has a strict Content-Security-Policy, and the widget needs no exception to it
    assert page.evaluate("window.__csp") == []


def test_reload_keeps_the_history_and_the_conversation(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, "jalisco tiene stl?")
    bot_message(page, "Jalisco tiene Secretariado Técnico Local")
    page.reload()
    expect(dialog(page)).to_be_hidden()
    open_widget(page)
    assert user_messages(page) == ["jalisco tiene stl?"]
    expect(
        widget(page).locator(".msg.bot").filter(has_text="Jalisco tiene Secretariado Técnico Local")
    ).to_have_count(1)
    # the same Rasa conversation goes on: "tiene" means Jalisco
    ask(page, "y cuantos planes tiene?")
    bot_message(page, "2 Planes de Acción Local")
    # a new conversation forgets it, reload or not
    page.get_by_role("button", name="Nueva conversación", exact=True).click()
    page.reload()
    open_widget(page)
    assert user_messages(page) == []
    expect(widget(page).locator(".msg.bot")).to_have_count(1)  # the greeting only


def test_feedback_buttons_send_feedback_and_show_the_thumb(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    answer.get_by_role("button", name="No me sirvió", exact=True).click()
    bot_message(page, "Lo tomaremos en cuenta")
    assert user_messages(page) == ["cuantos stl hay", "👎"]
    not_useful = answer.get_by_role("button", name="No me sirvió", exact=True)
    expect(not_useful).to_have_attribute("aria-pressed", "true")
    expect(answer.get_by_role("button", name="Me sirvió", exact=True)).to_be_disabled()
    expect(widget(page).get_by_role("log")).not_to_contain_text("/feedback")
    expect(page.get_by_label("Escribe tu pregunta")).to_be_focused()


def test_rasa_buttons_are_quick_replies_that_show_their_title(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, "hola")
    suggestions = widget(page).get_by_role("group", name="Sugerencias")
    expect(suggestions.get_by_role("button", name="Cifras", exact=True)).to_be_visible(timeout=ANSWER_WAIT_MS)
    suggestions.get_by_role("button", name="Cifras", exact=True).click()
    bot_message(page, "21 Secretariados Técnicos Locales")
    assert user_messages(page) == ["hola", "Cifras"]
    expect(widget(page).get_by_role("log")).not_to_contain_text("/cifras")
    expect(widget(page).get_by_role("group", name="Sugerencias")).to_have_count(0)


def test_markup_typed_is_shown_as_text_and_never_runs(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, MARKUP)
    bot_message(page, "Secretariado")
    for attempt in ("first", "after reload"):
        assert user_messages(page) == [MARKUP], attempt
        expect(widget(page).locator(".log img, .log script, .log b")).to_have_count(0)
        assert page.evaluate("document.querySelectorAll('img, b').length") == 0
        assert page.evaluate("window.__pwned") is None
        assert page.dialogs == []
        page.reload()
        open_widget(page)


def test_everything_works_from_the_keyboard(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    on_launcher = (
        "() => { const host = document.activeElement; return host && host.tagName === "
        "'GA-CHAT-WIDGET' && host.shadowRoot.activeElement.classList.contains('launcher'); }"
    )
    for _ in range(30):  # Tab through the host page until the launcher
        page.keyboard.press("Tab")
        if page.evaluate(on_launcher):
            break
    else:
        pytest.fail("Tab never reached the widget's launcher")
    page.keyboard.press("Enter")
    expect(dialog(page)).to_be_visible()
    expect(launcher(page)).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Escribe tu pregunta")).to_be_focused()
    page.keyboard.press("Enter")  # nothing typed: nothing sent
    page.keyboard.type("cuantos stl hay")
    page.keyboard.press("Enter")
    bot_message(page, STL_ANSWER)
    assert user_messages(page) == ["cuantos stl hay"]
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Enviar", exact=True)).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    assert page.evaluate(on_launcher), "focus did not return to the launcher"
    expect(launcher(page)).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(dialog(page)).to_be_visible()
    page.get_by_role("button", name="Cerrar el chat", exact=True).click()
    assert page.evaluate(on_launcher), "focus did not return to the launcher"


@pytest.mark.parametrize("width,height", [(1280, 800), (360, 640)], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violations(assistant, new_page, width, height):
    page = new_page(width, height, bypass_csp=True)  # axe is injected as an inline script
    page.goto(PAGE)
    open_widget(page)
    ask(page, "guia de cocreacion")
    bot_message(page, "Guía de Cocreación")
    violations = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_usable_at_360_px_without_moving_the_page(assistant, new_page):
    page = new_page(360, 640)
    page.goto(PAGE)
    before = host_layout(page)
    box = launcher(page).bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 640
    assert box["width"] >= 44 and box["height"] >= 44
    open_widget(page)
    panel = dialog(page).bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360 and panel["y"] + panel["height"] <= 640
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    expect(answer.locator(".source")).to_be_visible()
    for control in (
        page.get_by_label("Escribe tu pregunta"),
        page.get_by_role("button", name="Enviar", exact=True),
        page.get_by_role("button", name="Cerrar el chat", exact=True),
    ):
        expect(control).to_be_in_viewport()
    for bubble in widget(page).locator(".bubble").all():
        edge = bubble.bounding_box()
        assert edge["x"] >= 0 and edge["x"] + edge["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert host_layout(page) == before, "the host page moved when the widget loaded or opened"


def test_host_page_css_and_widget_css_stay_apart(assistant, new_page):
    page = new_page(bypass_csp=True)  # to add a hostile inline stylesheet
    page.route("**/widget.js", lambda route: route.abort())
    page.goto(PAGE)
    without_widget = host_layout(page)
    cta = "getComputedStyle(document.querySelector('.cta')).backgroundColor"
    cta_colour = page.evaluate(cta)
    page.unroute("**/widget.js")
    page.goto(PAGE)
    page.add_style_tag(
        content="""
        * { color: #f0f !important; background: #ff0 !important; font: 40px/3 serif !important;
            position: static !important; border: 9px solid red !important; }
        div, button, input { display: inline !important; width: 10px !important; }
        ga-chat-widget { display: none !important; }
    """
    )
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    style = "(e, p) => getComputedStyle(e)[p]"
    page.mouse.move(0, 0)  # not hovering the launcher
    assert launcher(page).evaluate(style, "backgroundColor") == "rgb(11, 79, 138)"
    assert launcher(page).evaluate(style, "position") == "fixed"
    assert page.get_by_label("Escribe tu pregunta").evaluate(style, "fontSize") == "16px"
    assert answer.locator(".text").evaluate(style, "color") == "rgb(31, 31, 31)"
    assert "system-ui" in answer.locator(".text").evaluate(style, "fontFamily")
    panel = dialog(page).bounding_box()
    assert panel["x"] + panel["width"] <= 1280 - 15 and panel["width"] <= 380
    # and the widget left the host page alone: no global style added, nothing moved
    page.evaluate("document.querySelectorAll('style').forEach(s => s.remove())")
    assert page.evaluate(cta) == cta_colour
    assert page.evaluate("document.querySelectorAll('style, link[rel=stylesheet]').length") == 1
    assert page.evaluate("document.adoptedStyleSheets.length") == 0
    assert host_layout(page) == without_widget


def test_rest_fallback_when_socketio_is_blocked(assistant, new_page):
    page = new_page()
    block_socketio(page)
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    expect(answer.locator(".source")).to_contain_text(STL_SOURCE)
    page.reload()
    open_widget(page)
    ask(page, "jalisco tiene stl?")
    bot_message(page, "Jalisco tiene Secretariado Técnico Local")
    assert user_messages(page) == ["cuantos stl hay", "jalisco tiene stl?"]


def test_another_origin_gets_no_answer_over_rest(assistant, new_page):
    page = new_page()
    block_socketio(page)
    page.goto(OTHER_PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    assert ERROR_TEXT in next_reply(page, after=1)


def test_another_origin_gets_no_answer_over_socketio(assistant, new_page):
    page = new_page()
    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(str(payload))))
    page.goto(OTHER_PAGE)
    open_widget(page)
    # wait for the server's word on the socket.io connection (40: accepted, 44: refused)
    for _ in range(300):
        if any(frame.startswith("4") for frame in frames):
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail(f"no socket.io answer to the connection: {frames}")
    ask(page, "cuantos stl hay")
    assert ERROR_TEXT in next_reply(page, after=1)


# ---------------------------------------------------------------- rendering rules, with a stand-in reply

FAKE_REPLY = [
    {
        "recipient_id": "x",
        "text": "Guía: https://example.org/guia.pdf y http://example.org/a_(b).\n"
        'No es un enlace: javascript:alert(1) ni <img src=x onerror="window.__pwned=3">.\n'
        "Fuente: el comunicado de prueba, 1 de enero de 2020.",
        "buttons": [
            {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
            {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
        ],
    },
    {"recipient_id": "x", "text": "¿Algo más?", "buttons": [{"title": "Cifras", "payload": "/cifras"}]},
]


def test_links_sources_and_buttons_are_rendered_safely(pages, new_page):
    """A reply a compromised or careless bot might send: links work, other schemes and markup are text."""
    page = new_page()
    block_socketio(page)
    held, bodies = [], []

    def hold(route):
        if route.request.method == "POST":
            bodies.append(json.loads(route.request.post_data))
            held.append(route)
        else:
            route.continue_()

    page.route(f"{RASA_URL}/webhooks/rest/webhook", hold)
    page.goto(PAGE)
    open_widget(page)
    ask(page, "guia")
    expect(widget(page).locator(".typing")).to_be_visible()  # while the reply is on its way
    headers = {"Access-Control-Allow-Origin": f"http://127.0.0.1:{PAGE_PORT}"}
    held_request(page, held).fulfill(status=200, json=FAKE_REPLY, headers=headers)
    answer = bot_message(page, "Guía:")
    expect(widget(page).locator(".typing")).to_be_hidden()
    links = answer.get_by_role("link")
    expect(links).to_have_count(2)
    assert [a.get_attribute("href") for a in links.all()] == [
        "https://example.org/guia.pdf",
        "http://example.org/a_(b)",
    ]
    for link in links.all():
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener noreferrer"
    literal = 'javascript:alert(1) ni <img src=x onerror="window.__pwned=3">'
    expect(answer.locator(".text")).to_contain_text(literal)
    expect(answer.locator("img")).to_have_count(0)
    expect(answer.locator(".source")).to_have_text("Fuente: el comunicado de prueba, 1 de enero de 2020.")
    expect(answer.get_by_role("button", name="Me sirvió", exact=True)).to_be_visible()
    suggestions = widget(page).get_by_role("group", name="Sugerencias")
    suggestions.get_by_role("button", name="Cifras", exact=True).click()
    expect(widget(page).locator(".typing")).to_be_visible()
    second = [{"text": "30 estados, según el comunicado X, 2 de enero de 2018."}]
    held_request(page, held).fulfill(status=200, json=second, headers=headers)
    last = bot_message(page, "30 estados")
    expect(last.locator(".source")).to_contain_text("según el comunicado X, 2 de enero de 2018.")
    assert user_messages(page) == ["guia", "Cifras"]
    assert [b["message"] for b in bodies] == ["guia", "/cifras"]
    assert bodies[0]["sender"] == bodies[1]["sender"] and bodies[0]["sender"].startswith("web-")
    assert page.evaluate("window.__pwned") is None


def test_an_unreachable_assistant_is_said_plainly(pages, new_page):
    page = new_page()
    block_socketio(page)
    page.route(f"{RASA_URL}/webhooks/rest/webhook", lambda route: route.abort())
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    bot_message(page, ERROR_TEXT)
    expect(widget(page).locator(".typing")).to_be_hidden()
    expect(page.get_by_label("Escribe tu pregunta")).to_be_enabled()


# ---------------------------------------------------------------- the demo server (no browser needed)


@pytest.fixture
def demo(monkeypatch, tmp_path):
    """clients.widget.server in a thread, on a free port, its widget.js a small stand-in."""
    widget_js = tmp_path / "widget.js"
    widget_js.write_text("console.log('widget');\n", encoding="utf-8")
    monkeypatch.setattr(demo_server, "WIDGET_JS", widget_js)
    monkeypatch.setitem(demo_server.ROUTES, "/widget.js", (widget_js, demo_server.JS))
    server = demo_server.make_server("127.0.0.1", 0, "http://127.0.0.1:5999")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", widget_js
    server.shutdown()
    server.server_close()


def fetch(url: str, method: str = "GET", headers: dict | None = None):
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_demo_server_serves_the_page_and_the_widget(demo):
    base, _ = demo
    status, headers, body = fetch(base + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b'<script src="/widget.js" data-server="http://127.0.0.1:5999"></script>' in body
    policy = headers["Content-Security-Policy"]
    assert "connect-src 'self' http://127.0.0.1:5999 ws://127.0.0.1:5999" in policy
    assert "Instituto de Transparencia del Estado de Ejemplo" in body.decode()
    status, headers, body = fetch(base + "/widget.js?v=1")
    assert status == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert body == b"console.log('widget');\n" and headers["X-Content-Type-Options"] == "nosniff"
    status, _, _ = fetch(base + "/widget.js", headers={"If-None-Match": headers["ETag"]})
    assert status == 304
    status, headers, _ = fetch(base + "/site.css")
    assert status == 200 and headers["Content-Type"] == "text/css; charset=utf-8"
    status, headers, body = fetch(base + "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


@pytest.mark.parametrize(
    "path",
    [
        "/demo/",
        "/demo/index.html",
        "/clients/widget/server.py",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/build/",
        "/index.html/..",
    ],
)
def test_demo_server_serves_nothing_else(demo, path):
    base, _ = demo
    status, headers, body = fetch(base + path)
    assert status == 404 and b"Index of" not in body and headers["Content-Type"].startswith("text/plain")


def test_demo_server_refuses_other_methods_and_says_when_the_widget_is_not_built(demo):
    base, widget_js = demo
    status, headers, _ = fetch(base + "/", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    widget_js.unlink()
    status, _, body = fetch(base + "/widget.js")
    assert status == 404 and b"make widget" in body


def test_demo_server_checks_the_assistant_url_and_bounds_its_log():
    assert demo_server.rasa_url(None) == "http://localhost:5005"
    assert demo_server.rasa_url("https://asistente.example.org/") == "https://asistente.example.org"
    for bad in ("javascript:alert(1)", 'http://x" onload="alert(1)', "http://x/<script>", "ftp://x", "x"):
        with pytest.raises(ValueError):
            demo_server.rasa_url(bad)
    budget = demo_server._Budget(per_minute=2)
    assert [budget.take() for _ in range(4)] == [True, True, False, False]


# ---------------------------------------------------------------- the widget's source and build

SOURCES = sorted((REPO / "clients" / "widget" / "src").glob("*.js"))


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_widget_source_never_parses_text_as_html(source: Path):
    code = source.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, f"{source.name} uses {sink}"


def test_widget_dependencies_are_pinned_exactly():
    package = json.loads((REPO / "clients" / "widget" / "package.json").read_text(encoding="utf-8"))
    pins = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert set(pins) == {"socket.io-client", "esbuild", "axe-core"}
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in pins.values()), pins
    lock = json.loads((REPO / "clients" / "widget" / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in pins.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_built_widget_is_one_small_script():
    if not WIDGET_JS.exists():
        skip_or_fail("the widget is not built: make widget")
    bundle = WIDGET_JS.read_bytes()
    assert len(bundle) < 150_000, f"widget.js grew to {len(bundle)} bytes"
    assert b"innerHTML" not in bundle and b"sourceMappingURL" not in bundle
    assert not re.search(rb"^\s*(import|export)\s", bundle, re.M), "not a plain script (IIFE)"
