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
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from actions.feedback import ASK_COMMENT, ASK_REASON, INVITES
from answers.guides import all_guides_answer, guide_answer, guide_issuer_answer
from answers.next_steps import OPEN_GUIDE, next_steps
from answers.topic import Topic
from clients.widget import server as demo_server
from common.texts import FEEDBACK_REASONS
from knowledge import load_knowledge

from ..servers import skip_or_fail
from .widget_support import (
    AXE_JS,
    REPO,
    STARTERS,
    WIDGET_JS,
    Process,
    assistant_missing,
    browser_missing,
    launched_chromium,
    port_taken,
    start_page_server,
    widget_test_ports,
)

# WIDGET_TEST_PORTS="rasa actions page other spare" moves them (see widget_support.widget_test_ports)
_RASA, _ACTIONS, PAGE_PORT, OTHER_PORT, SPARE_PORT = widget_test_ports()
RASA_PORT, ACTIONS_PORT = str(_RASA), str(_ACTIONS)
# PAGE_PORT: the demo page, an origin in CORS_ORIGINS; OTHER_PORT: the same page from an origin that is not
RASA_URL = f"http://127.0.0.1:{RASA_PORT}"
PAGE = f"http://127.0.0.1:{PAGE_PORT}/"
OTHER_PAGE = f"http://127.0.0.1:{OTHER_PORT}/"
ANSWER_WAIT_MS = 60_000  # bounded wait for the assistant's reply
RECONNECT_WAIT_MS = 45_000  # bounded wait for the widget to find the assistant again by itself

LAUNCHER = "Asistente de Gobierno Abierto"
STL_ANSWER = "21 Secretariados Técnicos Locales (STL)"
STL_SOURCE = "según el comunicado INAI/265/19, 14 de agosto de 2020."
ERROR_TEXT = "No enviado: no pude comunicarme con el asistente"
ONLINE, OFFLINE = "Conectado", "Sin conexión, reintentando…"
MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>que es un stl</b>'
CORS = {
    "Access-Control-Allow-Origin": f"http://127.0.0.1:{PAGE_PORT}",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
}


# ---------------------------------------------------------------- fixtures: servers and the browser


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium from Debian, through Playwright; a fresh profile for each context."""
    if browser_missing():
        skip_or_fail(browser_missing())
    with launched_chromium() as chromium:
        yield chromium


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
        "WIDGET_PORT": str(SPARE_PORT),
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
    """``new_page(width=…, height=…, bypass_csp=…, **context options)`` → a page in a fresh context (empty
    localStorage); context options as Playwright's (``color_scheme``, ``has_touch``, ``timezone_id`` …)."""
    contexts = []

    def make(width: int = 1280, height: int = 800, bypass_csp: bool = False, **options):
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="es-MX", bypass_csp=bypass_csp, **options
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


def question_box(page):
    return page.get_by_label("Escribe tu pregunta")


def open_widget(page):
    launcher(page).click()
    expect(dialog(page)).to_be_visible()
    expect(question_box(page)).to_be_focused()


def ask(page, text: str) -> None:
    box = question_box(page)
    box.fill(text)
    box.press("Enter")


def bot_message(page, containing: str):
    message = widget(page).locator(".msg.bot").filter(has_text=containing)
    expect(message.last).to_be_visible(timeout=ANSWER_WAIT_MS)
    return message.last


def user_messages(page) -> list[str]:
    return [text.strip() for text in widget(page).locator(".msg.user .text").all_text_contents()]


def connection_state(page):
    """The connection state the panel's header shows."""
    return dialog(page).locator(".header").get_by_role("status")


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


def stand_in_assistant(page) -> tuple[list, list]:
    """Answer the widget in the test's place: socket.io blocked, REST messages held (``held``, their
    bodies in ``bodies``) until the test fulfils them; the REST channel's GET answers "ok"."""
    block_socketio(page)
    held: list = []
    bodies: list = []

    def hold(route):
        if route.request.method == "POST":
            bodies.append(json.loads(route.request.post_data))
            held.append(route)
        else:
            route.fulfill(status=200, json={"status": "ok"}, headers=CORS)

    page.route(re.compile(r".*/webhooks/rest/(webhook)?$"), hold)
    return held, bodies


def held_request(page, held: list):
    """The next request a route handler is holding (bounded wait)."""
    for _ in range(200):
        if held:
            return held.pop(0)
        page.wait_for_timeout(50)
    pytest.fail("the widget sent no request")


def reply(page, held: list, messages: list[dict]) -> None:
    """The stand-in assistant answers the next message the widget sent with ``messages``."""
    held_request(page, held).fulfill(status=200, json=messages, headers=CORS)


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' > '))}));
    }""")


THUMBS = [
    {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
]
REASONS = [
    {"title": title, "payload": f'/feedback_motivo{{"motivo": "{reason}"}}'}
    for reason, title in FEEDBACK_REASONS.items()
]
# Replies the stand-in assistant and the stored conversations show are the real ones, built from the
# knowledge as the assistant builds them (the screenshots in docs/img show them as the assistant's).
KB = load_knowledge()
LIST_ANSWER = all_guides_answer(KB)  # a list: one guide a line, «• …»
GUIDE = next(guide for guide in KB.guides if guide.id == "guia-cocreacion-compromisos-ii")
GUIDE_LINK = {"title": OPEN_GUIDE, "payload": str(GUIDE.url)}
GUIDE_SITE = f"{GUIDE.url.scheme}://{GUIDE.url.host}/**"


def steps_after(kind: str, key: str) -> list[dict]:
    """The follow-up buttons an answer about ``kind:key`` offers."""
    return [{"title": s.title, "payload": s.question} for s in next_steps(KB, Topic(kind, key))]


def ask_comment(reason: str) -> str:
    """What the assistant says after the reason of a 👎: the offer to take a comment."""
    return ASK_COMMENT.format(title=FEEDBACK_REASONS[reason], invite=INVITES[reason])


def seeded_conversation(now_ms: int) -> dict:
    """A stored conversation with every kind of message the widget shows (for axe and screenshots)."""
    minute = 60_000
    at = [now_ms - (9 - i) * minute for i in range(9)]
    incomplete = REASONS[1]
    return {
        "session": "web-" + uuid.uuid4().hex,
        "started": at[0],
        "messages": [
            {"from": "user", "text": "¿Qué guías hay?", "at": at[1]},
            {
                "from": "bot",
                "text": LIST_ANSWER,
                "at": at[1],
                "buttons": [*steps_after("guias", "todas"), *THUMBS],
                "feedback": THUMBS[0]["payload"],
            },
            {"from": "user", "text": "la de cocreación", "at": at[4]},
            {
                "from": "bot",
                "text": guide_answer(KB, GUIDE),
                "at": at[4],
                "buttons": [GUIDE_LINK, *steps_after("guia", GUIDE.id), *THUMBS],
                "feedback": THUMBS[1]["payload"],
            },
            {
                "from": "bot",
                "text": ASK_REASON,
                "at": at[5],
                "buttons": REASONS,
                "reason": incomplete["payload"],
            },
            {"from": "user", "text": incomplete["title"], "payload": incomplete["payload"], "at": at[5]},
            {"from": "bot", "text": ask_comment("incompleta"), "at": at[5]},
            {"from": "user", "text": "¿Jalisco tiene STL?", "at": at[8], "unsent": True},
        ],
    }


def seed(page, conversation: dict) -> None:
    """Store ``conversation`` as the widget's saved one before the page loads."""
    key = f"ga-chat-widget:v1:{RASA_URL}"
    page.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(conversation))}); }}"
    )


def current_ms() -> int:
    return int(time.time() * 1000)


# ---------------------------------------------------------------- the widget against the assistant


def test_ask_a_question_and_see_the_answer_with_its_source(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    expect(launcher(page)).to_be_visible()
    expect(dialog(page)).to_be_hidden()
    open_widget(page)
    expect(connection_state(page)).to_have_text(ONLINE)
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


def test_a_thumb_is_pressed_not_echoed_and_the_assistant_answers(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    replies = widget(page).locator(".msg.bot")
    before = replies.count()
    not_useful = answer.get_by_role("button", name="No me sirvió", exact=True)
    # the emoji has its words beside it, shown: they stay where no emoji font draws 👎
    expect(not_useful).to_contain_text("No me sirvió")
    expect(not_useful.locator(".label")).to_be_visible()
    not_useful.click()
    expect(replies).to_have_count(before + 1, timeout=ANSWER_WAIT_MS)  # the assistant's word on it
    assert user_messages(page) == ["cuantos stl hay"]  # no 👎 bubble
    expect(not_useful).to_have_attribute("aria-pressed", "true")
    expect(not_useful).to_be_disabled()
    expect(answer.get_by_role("button", name="Me sirvió", exact=True)).to_be_disabled()
    expect(answer.get_by_role("button", name="Me sirvió", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(widget(page).get_by_role("log")).not_to_contain_text("/feedback")
    expect(question_box(page)).to_be_focused()


def test_rasa_buttons_are_quick_replies_that_show_their_title(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, "hola")
    suggestions = widget(page).get_by_role("group", name="Sugerencias")
    first = suggestions.get_by_role("button").first
    expect(first).to_be_visible(timeout=ANSWER_WAIT_MS)
    title = first.text_content().strip()
    replies = widget(page).locator(".msg.bot")
    before = replies.count()
    pressed_group = suggestions.element_handle()
    first.click()
    expect(replies).to_have_count(before + 1, timeout=ANSWER_WAIT_MS)
    assert user_messages(page) == ["hola", title]  # the title, not the payload
    assert not pressed_group.evaluate("group => group.isConnected")  # used: gone


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
    expect(question_box(page)).to_be_focused()
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


def test_copy_an_answer(assistant, new_page):
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    copied = dialog(page).get_by_role("status").filter(has_text="Copiado")
    answer.get_by_role("button", name="Copiar", exact=True).click()
    expect(copied).to_have_count(1)
    text = page.evaluate("navigator.clipboard.readText()")
    assert STL_ANSWER in text and STL_SOURCE in text  # the answer with its source
    # where the Clipboard API is refused (or missing, on a page served over http), it still copies
    page.evaluate("navigator.clipboard.writeText('something else')")
    page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); }")
    answer.get_by_role("button", name="Copiado", exact=True).or_(
        answer.get_by_role("button", name="Copiar", exact=True)
    ).click()
    page.wait_for_function(
        "async text => (await navigator.clipboard.readText()).includes(text)", arg=STL_ANSWER
    )


def test_download_the_conversation_as_text(assistant, new_page):
    page = new_page()
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    bot_message(page, STL_ANSWER)
    with page.expect_download() as download_info:
        dialog(page).get_by_role("button", name="Descargar", exact=True).click()
    download = download_info.value
    assert re.fullmatch(
        r"conversacion-gobierno-abierto-\d{4}-\d\d-\d\d-\d{4}\.txt", download.suggested_filename
    )
    text = Path(download.path()).read_text(encoding="utf-8")
    stamp = r"\[\d{4}-\d\d-\d\d \d\d:\d\d\]"
    assert re.search(stamp + r" Tú: cuantos stl hay\n", text), text
    assert re.search(stamp + r" Asistente: .*" + re.escape(STL_ANSWER), text), text
    assert STL_SOURCE in text and LAUNCHER in text.splitlines()[0]
    assert text.index("Tú: cuantos stl hay") < text.index(STL_ANSWER)


def test_each_message_shows_its_time(assistant, new_page):
    page = new_page(timezone_id="America/Mexico_City")
    page.clock.set_fixed_time("2026-05-25T14:05:00-06:00")  # Date.now() only; timers run as ever
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    question = widget(page).locator(".msg.user").last
    greeting = widget(page).locator(".msg.bot").first
    for message in (greeting, question, answer):
        time = message.locator("time")
        expect(time).to_have_text("a las 14:05")  # read as such; shown as 14:05
        expect(time).to_have_attribute("datetime", "2026-05-25T20:05:00.000Z")
        assert visible_text(time) == "14:05"
        expect(time).to_be_visible()


def test_retry_after_the_assistant_is_unreachable_and_back(assistant, new_page):
    page = new_page()
    reachable = {"yes": False}

    def socket(ws):
        if reachable["yes"]:
            ws.connect_to_server()
        else:
            ws.close()

    def http(route):
        if reachable["yes"]:
            route.continue_()
        else:
            route.abort()

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), socket)
    page.route(re.compile(r".*/(socket\.io|webhooks)/.*"), http)
    page.goto(PAGE)
    open_widget(page)
    expect(connection_state(page)).to_have_text(OFFLINE, timeout=RECONNECT_WAIT_MS)
    ask(page, "cuantos stl hay")
    question = widget(page).locator(".msg.user").filter(has_text="cuantos stl hay")
    expect(question).to_contain_text(ERROR_TEXT)  # kept, and marked not sent
    retry = question.get_by_role("button", name="Reintentar", exact=True)
    expect(retry).to_be_visible()
    expect(widget(page).locator(".typing")).to_be_hidden()
    expect(question_box(page)).to_be_enabled()
    reachable["yes"] = True  # the assistant is back: the widget finds it by itself
    expect(connection_state(page)).to_have_text(ONLINE, timeout=RECONNECT_WAIT_MS)
    retry.click()
    bot_message(page, STL_ANSWER)
    assert user_messages(page) == ["cuantos stl hay"]  # one bubble, no longer marked
    expect(widget(page).get_by_role("button", name="Reintentar")).to_have_count(0)
    expect(widget(page).locator(".msg.user")).not_to_contain_text("No enviado")


def test_touch_screen_opens_the_panel_without_the_keyboard(assistant, new_page):
    page = new_page(360, 640, has_touch=True, is_mobile=True)
    page.goto(PAGE)
    launcher(page).tap()
    expect(dialog(page)).to_be_visible()
    expect(dialog(page)).to_be_focused()  # in the panel, for screen readers, but not in the text box
    expect(question_box(page)).not_to_be_focused()
    expect(question_box(page)).to_be_in_viewport()
    question_box(page).tap()
    expect(question_box(page)).to_be_focused()


AXE_CASES = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 360, "height": 640},
    "dark-desktop": {"width": 1280, "height": 800, "color_scheme": "dark"},
    "dark-phone": {"width": 360, "height": 640, "color_scheme": "dark"},
    # 200 % zoom of a 1280×800 window: Chromium then lays the page out in 640×400 CSS pixels, two device
    # pixels each, which is what this viewport and scale factor give (media queries included)
    "zoom-200": {"width": 640, "height": 400, "device_scale_factor": 2},
}


@pytest.mark.parametrize("case", AXE_CASES, ids=list(AXE_CASES))
def test_axe_finds_no_serious_or_critical_violations(assistant, new_page, case):
    options = dict(AXE_CASES[case])
    page = new_page(options.pop("width"), options.pop("height"), bypass_csp=True, **options)  # axe is inline
    seed(page, seeded_conversation(current_ms()))  # every kind of message: lists, links, unsent, reasons…
    page.goto(PAGE)
    open_widget(page)
    expect(connection_state(page)).to_have_text(ONLINE)
    ask(page, "guia de cocreacion")
    bot_message(page, "Guía de Cocreación")
    expect(widget(page).get_by_role("button", name="Reintentar")).to_have_count(1)
    violations = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    background = dialog(page).locator(".scroll").evaluate("e => getComputedStyle(e).backgroundColor")
    assert (background != "rgb(255, 255, 255)") == (options.get("color_scheme") == "dark"), background


def test_usable_at_200_percent_zoom(assistant, new_page):
    page = new_page(640, 400, device_scale_factor=2)
    page.goto(PAGE)
    open_widget(page)
    panel = dialog(page).bounding_box()
    assert (panel["x"], panel["y"], panel["width"], panel["height"]) == (0, 0, 640, 400)  # the whole screen
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    for control in (
        question_box(page),
        page.get_by_role("button", name="Enviar", exact=True),
        page.get_by_role("button", name="Cerrar el chat", exact=True),
        page.get_by_role("button", name="Descargar", exact=True),
        page.get_by_role("button", name="Nueva conversación", exact=True),
    ):
        expect(control).to_be_in_viewport()
    # the conversation keeps most of the screen, and the answer can be read in it
    assert dialog(page).locator(".scroll").bounding_box()["height"] >= 0.55 * 400
    expect(answer.locator(".text")).to_be_in_viewport()


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
        question_box(page),
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
        ga-chat-widget { display: none !important; --bg: #f0f; --fg: #ff0; }
    """
    )
    open_widget(page)
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    style = "(e, p) => getComputedStyle(e)[p]"
    page.mouse.move(0, 0)  # not hovering the launcher
    assert launcher(page).evaluate(style, "backgroundColor") == "rgb(11, 79, 138)"
    assert launcher(page).evaluate(style, "position") == "fixed"
    # the host page's html { font-size: 20px } does not change it: the reader's default size does
    assert question_box(page).evaluate(style, "fontSize") == "16px"
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
    expect(connection_state(page)).to_have_text(ONLINE)  # REST answers: connected all the same
    ask(page, "cuantos stl hay")
    answer = bot_message(page, STL_ANSWER)
    expect(answer.locator(".source")).to_contain_text(STL_SOURCE)
    page.reload()
    open_widget(page)
    ask(page, "jalisco tiene stl?")
    bot_message(page, "Jalisco tiene Secretariado Técnico Local")
    assert user_messages(page) == ["cuantos stl hay", "jalisco tiene stl?"]


def refused(page) -> None:
    """What a person sees when the assistant will not answer: the question kept, marked, to retry."""
    ask(page, "cuantos stl hay")
    question = widget(page).locator(".msg.user").filter(has_text="cuantos stl hay")
    expect(question).to_contain_text(ERROR_TEXT)
    expect(question.get_by_role("button", name="Reintentar", exact=True)).to_be_visible()
    expect(connection_state(page)).to_have_text(OFFLINE)
    expect(widget(page).locator(".msg.bot")).to_have_count(1)  # the greeting only


def test_another_origin_gets_no_answer_over_rest(assistant, new_page):
    page = new_page()
    block_socketio(page)
    page.goto(OTHER_PAGE)
    open_widget(page)
    refused(page)


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
    refused(page)


# ---------------------------------------------------------------- rendering rules, with a stand-in reply

FAKE_REPLY = [
    {
        "recipient_id": "x",
        "text": "Guía: https://example.org/guia.pdf y http://example.org/a_(b).\n"
        'No es un enlace: javascript:alert(1) ni <img src=x onerror="window.__pwned=3">.\n'
        "Fuente: el comunicado de prueba, 1 de enero de 2020.",
        "buttons": THUMBS,
    },
    {"recipient_id": "x", "text": "¿Algo más?", "buttons": [{"title": "Cifras", "payload": "/cifras"}]},
]


def test_links_sources_and_buttons_are_rendered_safely(pages, new_page):
    """A reply a compromised or careless bot might send: links work, other schemes and markup are text."""
    page = new_page()
    held, bodies = stand_in_assistant(page)
    page.goto(PAGE)
    open_widget(page)
    ask(page, "guia")
    expect(widget(page).locator(".typing")).to_be_visible()  # while the reply is on its way
    reply(page, held, FAKE_REPLY)
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
    reply(page, held, [{"text": "30 estados, según el comunicado X, 2 de enero de 2018."}])
    last = bot_message(page, "30 estados")
    expect(last.locator(".source")).to_contain_text("según el comunicado X, 2 de enero de 2018.")
    assert user_messages(page) == ["guia", "Cifras"]
    assert [b["message"] for b in bodies] == ["guia", "/cifras"]
    assert bodies[0]["sender"] == bodies[1]["sender"] and bodies[0]["sender"].startswith("web-")
    assert page.evaluate("window.__pwned") is None


def test_starter_questions_under_the_greeting(pages, new_page):
    starters = json.loads(STARTERS.read_text(encoding="utf-8"))
    page = new_page()
    held, bodies = stand_in_assistant(page)
    page.goto(PAGE)
    open_widget(page)
    group = widget(page).get_by_role("group", name="Preguntas para empezar")
    expect(group.get_by_role("button")).to_have_text([s["title"] for s in starters])
    first = starters[0]
    group.get_by_role("button", name=first["title"], exact=True).click()
    reply(page, held, [{"text": "Es una iniciativa del INAI y el SNT."}])
    bot_message(page, "Es una iniciativa")
    assert [b["message"] for b in bodies] == [first["payload"]]  # the question, sent as if typed
    assert user_messages(page) == [first["payload"]]
    expect(group).to_have_count(0)  # gone once the conversation started, and after a reload
    page.reload()
    open_widget(page)
    expect(widget(page).get_by_role("group", name="Preguntas para empezar")).to_have_count(0)
    page.get_by_role("button", name="Nueva conversación", exact=True).click()
    expect(widget(page).get_by_role("group", name="Preguntas para empezar")).to_be_visible()


def test_thumbs_down_then_a_reason(pages, new_page):
    page = new_page()
    held, bodies = stand_in_assistant(page)
    page.goto(PAGE)
    open_widget(page)
    ask(page, "cuantos stl hay")
    reply(page, held, [{"text": "Hay 21 STL.", "buttons": THUMBS}])
    answer = bot_message(page, "Hay 21 STL.")
    thumbs_down = answer.get_by_role("button", name="No me sirvió", exact=True)
    thumbs_down.click()
    expect(thumbs_down).to_have_attribute("aria-pressed", "true")
    reply(page, held, [{"text": ASK_REASON, "buttons": REASONS}])
    bot_message(page, "¿Qué faltó?")
    assert user_messages(page) == ["cuantos stl hay"]  # the thumb is pressed, not said
    reasons = widget(page).get_by_role("group", name="¿Qué faltó?")
    reasons.get_by_role("button", name="Incompleta", exact=True).click()
    reply(page, held, [{"text": ask_comment("incompleta")}])
    bot_message(page, "lo anoto como «Incompleta»")
    assert user_messages(page) == ["cuantos stl hay", "Incompleta"]  # a reason is said, like a quick reply
    assert [b["message"] for b in bodies] == [
        "cuantos stl hay",
        '/feedback{"valor": "negativo"}',
        '/feedback_motivo{"motivo": "incompleta"}',
    ]
    for button in reasons.get_by_role("button").all():  # the group stays, answered
        expect(button).to_be_disabled()
    expect(reasons.get_by_role("button", name="Incompleta", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    page.reload()
    open_widget(page)
    expect(widget(page).get_by_role("button", name="Incompleta", exact=True)).to_be_disabled()
    expect(widget(page).get_by_role("button", name="No me sirvió", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )


def test_url_buttons_are_links_and_lists_read_as_lists(pages, new_page):
    page = new_page()
    held, bodies = stand_in_assistant(page)
    page.goto(PAGE)
    open_widget(page)
    ask(page, "que guias hay")
    who = {"title": "¿Quién la difunde?", "payload": f"¿Quién pone a disposición la {GUIDE.title}?"}
    reply(page, held, [{"text": LIST_ANSWER, "buttons": [GUIDE_LINK, who, *THUMBS]}])
    answer = bot_message(page, KB.guides[0].title)
    link = answer.get_by_role("link", name=re.compile("Abrir la guía"))
    expect(link).to_have_attribute("href", str(GUIDE.url))
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    expect(answer.get_by_role("button", name=re.compile("Abrir la guía"))).to_have_count(0)
    # the «• » lines: a list, one item a line, each long one wrapping under its own text
    items = answer.get_by_role("listitem")
    expect(items).to_have_count(len(KB.guides))
    expect(items.nth(1)).to_contain_text(f"• {KB.guides[1].title}")
    tops = [item.bounding_box()["y"] for item in items.all()]
    assert tops == sorted(tops) and len(set(tops)) == len(KB.guides), tops
    font = items.nth(0).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert items.nth(0).bounding_box()["height"] > 2 * font, "a long item should wrap in a 380 px panel"
    # a link button opens its page in a new tab and says nothing to the assistant
    page.context.route(GUIDE_SITE, lambda route: route.fulfill(status=200, body="guía"))
    with page.context.expect_page() as new_tab:
        link.click()
    new_tab.value.close()
    assert user_messages(page) == ["que guias hay"] and len(bodies) == 1
    # the other is a quick reply: the title shown, the question sent
    answer.get_by_role("button", name=who["title"], exact=True).click()
    reply(page, held, [{"text": guide_issuer_answer(KB, GUIDE)}])
    bot_message(page, "Los documentos no dicen quién la elaboró.")
    assert user_messages(page) == ["que guias hay", who["title"]]
    assert bodies[-1]["message"] == who["payload"]
    expect(link).to_be_visible()  # links stay; quick replies go once used


def test_an_unreachable_assistant_is_said_plainly(pages, new_page):
    page = new_page()
    block_socketio(page)
    page.route(re.compile(r".*/webhooks/rest/.*"), lambda route: route.abort())
    page.goto(PAGE)
    open_widget(page)
    expect(connection_state(page)).to_have_text(OFFLINE)
    ask(page, "cuantos stl hay")
    question = widget(page).locator(".msg.user").filter(has_text="cuantos stl hay")
    expect(question).to_contain_text(ERROR_TEXT)
    expect(widget(page).locator(".typing")).to_be_hidden()
    expect(question_box(page)).to_be_enabled()
    # it stays marked after a reload, with its «Reintentar»
    page.reload()
    open_widget(page)
    expect(question.get_by_role("button", name="Reintentar", exact=True)).to_be_visible()


def test_forced_colours_keep_bubbles_and_choices_visible(pages, new_page):
    page = new_page()
    page.emulate_media(forced_colors="active")
    seed(page, seeded_conversation(current_ms()))
    page.goto(PAGE)
    open_widget(page)
    style = "(e, p) => getComputedStyle(e)[p]"
    for bubble in widget(page).locator(".bubble").all():  # no background colour left: a border instead
        assert bubble.evaluate(style, "borderTopStyle") != "none"
    pressed = widget(page).get_by_role("button", name="No me sirvió", exact=True).first
    other = widget(page).get_by_role("button", name="Me sirvió", exact=True).first
    assert pressed.evaluate(style, "borderTopStyle") != other.evaluate(style, "borderTopStyle")


@pytest.mark.skipif(not os.environ.get("WIDGET_SCREENSHOTS"), reason="WIDGET_SCREENSHOTS=1 rewrites docs/img")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "device,size", [("desktop", (1280, 800)), ("phone", (390, 780))], ids=["desktop", "phone"]
)
def test_screenshots_for_the_documentation(assistant, new_page, scheme, device, size):
    """docs/img/widget-<device>-<scheme>.png: the widget as people see it (WIDGET_SCREENSHOTS=1)."""
    options = {"color_scheme": scheme}
    if device == "phone":
        options.update(device_scale_factor=2, has_touch=True, is_mobile=True)
    page = new_page(*size, **options)
    seed(page, seeded_conversation(current_ms()))  # lists, a link, 👎 and its reason, a message to retry
    page.goto(PAGE)
    launcher(page).click()
    expect(connection_state(page)).to_have_text(ONLINE)
    page.evaluate("document.querySelector('ga-chat-widget').shadowRoot.activeElement?.blur()")
    page.mouse.move(0, 0)
    if device == "desktop":  # the list answer at the top; on the phone, the end of the conversation
        bot_message(page, KB.guides[0].title).evaluate(
            "m => { const s = m.closest('.scroll'); s.scrollTop = m.offsetTop - 60; }"
        )
    out = REPO / "docs" / "img" / f"widget-{device}-{scheme}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))


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
