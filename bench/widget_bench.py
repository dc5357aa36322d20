"""Web widget benchmark: bundle size (bytes, gzip bytes) and first-open time in headless Chromium.

First-open time: from the click on the launcher (the click event's time stamp) to the first frame
painted after it, with the panel shown and the question box focused. Each run is a fresh page
(nothing cached in memory), so the panel is built for the first time. Measured without and with 4x
CPU throttling (a mid-range phone). The assistant need not run: opening does not wait for it.
Prints JSON and writes build/widget/bench.json. Needs the built widget and /usr/bin/chromium.
Run with `.venv/bin/python bench/widget_bench.py [--runs 20]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clients.widget import server as demo_server  # noqa: E402
from tests.integration.widget_support import CHROMIUM, CHROMIUM_ARGS, WIDGET_JS  # noqa: E402

MEASURE = """() => { window.__firstOpen = new Promise(resolve => {
    const root = document.querySelector('ga-chat-widget').shadowRoot;
    const launcher = root.querySelector('.launcher');
    launcher.addEventListener('click', event => {
        const clicked = event.timeStamp;
        requestAnimationFrame(() => setTimeout(() => {
            const panel = root.querySelector('[role=dialog]');
            resolve({ms: performance.now() - clicked, shown: Boolean(panel && !panel.hidden),
                     focused: root.activeElement === root.querySelector('input')});
        }, 0));
    }, {once: true});
}); }"""


def first_open(browser, url: str, runs: int, throttle: float) -> dict:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        if throttle > 1:
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.goto(url)
        page.locator("ga-chat-widget").wait_for(state="attached")
        page.wait_for_load_state("load")
        page.evaluate(MEASURE)
        page.get_by_role("button", name="Asistente de Gobierno Abierto", exact=True).click()
        result = page.evaluate("window.__firstOpen")
        if not (result["shown"] and result["focused"]):
            raise SystemExit(f"the panel did not open as expected: {result}")
        times.append(result["ms"])
        context.close()
    times.sort()
    return {
        "runs": runs,
        "cpu_throttling": throttle,
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 1),
        "max_ms": round(times[-1], 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    if not WIDGET_JS.exists():
        print("build/widget/widget.js is missing: make widget", file=sys.stderr)
        return 1
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    bundle = WIDGET_JS.read_bytes()
    report = {"widget_js_bytes": len(bundle), "widget_js_gzip_bytes": len(gzip.compress(bundle, 9))}
    # an assistant URL where nothing listens: opening the panel must not wait for the network
    server = demo_server.make_server("127.0.0.1", 0, "http://127.0.0.1:9")
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            report["first_open"] = first_open(browser, url, args.runs, throttle=1)
            report["first_open_4x_cpu_throttling"] = first_open(browser, url, args.runs, throttle=4)
            report["chromium"] = browser.version
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    out = REPO / "build" / "widget" / "bench.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
