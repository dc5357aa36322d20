"""Charts drawn on the server as SVG: no script, no library, nothing fetched.

Colours come from the stylesheet (``static/tablero.css``: classes ``o-<outcome>``), not from inline
styles, which the Content-Security-Policy forbids. Each chart is an image with a text alternative; the
pages also give its figures as a table.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 34


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 × 10ⁿ) that divides ``0..top`` into about ``ticks`` parts."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def daily_chart(
    days: Sequence[tuple[dt.date, Mapping[str, int]]],
    outcomes: Sequence[str],
    titles: Mapping[str, str],
    day_label: Callable[[dt.date], str],
) -> Markup:
    """Questions per day, a bar for each day stacked by outcome, with a y axis and some day labels."""
    totals = [sum(counts.get(outcome, 0) for outcome in outcomes) for _, counts in days]
    peak = max(totals, default=0)
    step = nice_step(peak)
    top = max(step, math.ceil(peak / step) * step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(days), 1)
    bar = max(slot * 0.78, 1.0)
    total = sum(totals)
    busiest = f"; el día con más, {peak}" if peak else ""
    summary = f"Preguntas por día: {total} en {len(days)} días{busiest}."
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f'<title id="chart-title">{escape(summary)}</title>',
    ]
    for tick in range(0, top + 1, step):
        y = TOP + plot_h - tick / top * plot_h
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{_fmt(y + 4)}" text-anchor="end">{tick}</text>')
    every = max(1, math.ceil(len(days) / 8))  # at most about 8 day labels
    for n, ((day, counts), day_total) in enumerate(zip(days, totals, strict=True)):
        x = LEFT + n * slot + (slot - bar) / 2
        tip = ", ".join(f"{counts.get(o, 0)} {titles[o].lower()}" for o in outcomes if counts.get(o, 0))
        parts.append(
            f"<g><title>{escape(day_label(day))}: {day_total} preguntas"
            f"{escape(f' ({tip})' if tip else '')}</title>"
        )
        y = TOP + plot_h
        for outcome in outcomes:
            value = counts.get(outcome, 0)
            if not value:
                continue
            height = value / top * plot_h
            y -= height
            parts.append(
                f'<rect class="o-{escape(outcome)}" x="{_fmt(x)}" y="{_fmt(y)}" '
                f'width="{_fmt(bar)}" height="{_fmt(height)}"/>'
            )
        parts.append("</g>")
        if n % every == 0:
            parts.append(
                f'<text class="tick" x="{_fmt(x + bar / 2)}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{escape(day_label(day))}</text>'
            )
    parts.append(
        f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}"/>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def share_bar(shares: Mapping[str, float], outcomes: Sequence[str], titles: Mapping[str, str]) -> Markup:
    """The share of each outcome as one bar across the width (100 %)."""
    described = ", ".join(f"{titles[o]} {round(shares.get(o, 0.0) * 100)} %" for o in outcomes)
    parts = [
        '<svg class="share" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape("Reparto de las preguntas: " + described)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    x = 0.0
    for outcome in outcomes:
        width = shares.get(outcome, 0.0) * 100
        if width <= 0:
            continue
        parts.append(
            f'<rect class="o-{escape(outcome)}" x="{_fmt(x)}" y="0" width="{_fmt(width)}" height="6">'
            f"<title>{escape(titles[outcome])}: {round(width, 1)} %</title></rect>"
        )
        x += width
    if x == 0:
        parts.append('<rect class="empty" x="0" y="0" width="100" height="6"/>')
    parts.append("</svg>")
    return Markup("".join(parts))
