"""The period a page covers (whole UTC days from its query) and how the pages say things in Spanish:
dates, times, numbers, percents and the titles of outcomes, kinds, reasons and channels."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from common.redaction import redact
from common.texts import FEEDBACK_REASONS

DEFAULT_DAYS = 30
QUICK_DAYS = (7, 30, 90)
MAX_RANGE_DAYS = 366

OUTCOME_TITLES = {
    "answered": "Respondidas",
    "not_found": "Sin respuesta",
    "refused": "Rechazadas",
    "clarified": "Aclaración pedida",
    "other": "Otras",
}
OUTCOME_SINGULAR = {
    "answered": "Respondida",
    "not_found": "Sin respuesta",
    "refused": "Rechazada",
    "clarified": "Aclaración pedida",
    "other": "Otra",
}
KIND_TITLES = {"not_found": "Sin respuesta", "down": "Calificada 👎", "refused": "Rechazada"}
CHANNEL_TITLES = {
    "rest": "REST",
    "socketio": "Widget (socket.io)",
    "telegram": "Telegram",
    "unknown": "Sin canal registrado",
}
MONTHS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


@dataclass(frozen=True)
class Period:
    """The days a page covers: ``start`` to ``end`` (inclusive, UTC); ``days`` when it is a quick choice."""

    start: dt.date
    end: dt.date
    days: int | None = None

    @property
    def since(self) -> float:
        return _midnight(self.start)

    @property
    def until(self) -> float:
        return _midnight(self.end + dt.timedelta(days=1))

    @property
    def params(self) -> dict[str, str]:
        """The query parameters that give this period again."""
        if self.days is not None:
            return {"dias": str(self.days)}
        return {"desde": self.start.isoformat(), "hasta": self.end.isoformat()}

    @property
    def label(self) -> str:
        span = f"del {spanish_date(self.start)} al {spanish_date(self.end)}"
        return f"últimos {self.days} días ({span})" if self.days else span

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range((self.end - self.start).days + 1)]


def _midnight(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()


def period_of(params: Mapping[str, str], today: dt.date) -> tuple[Period, str]:
    """The period asked for (``dias=7|30|90``, or ``desde``/``hasta`` as YYYY-MM-DD), and a problem to
    tell the person ("" when none; then the default period is used)."""
    default = Period(today - dt.timedelta(days=DEFAULT_DAYS - 1), today, DEFAULT_DAYS)
    since, until = (params.get("desde") or "").strip(), (params.get("hasta") or "").strip()
    if since or until:
        try:
            start = dt.date.fromisoformat(since) if since else None
            end = dt.date.fromisoformat(until) if until else today
        except ValueError:
            return default, "Las fechas deben escribirse como AAAA-MM-DD."
        if start is None:
            start = end - dt.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            return default, "La fecha «desde» es posterior a la fecha «hasta»."
        if (end - start).days + 1 > MAX_RANGE_DAYS:
            return default, f"El periodo puede abarcar como máximo {MAX_RANGE_DAYS} días."
        return Period(start, end), ""
    raw = (params.get("dias") or "").strip()
    if not raw:
        return default, ""
    if raw not in {str(days) for days in QUICK_DAYS}:
        return default, "Elige 7, 30 o 90 días, o unas fechas."
    days = int(raw)
    return Period(today - dt.timedelta(days=days - 1), today, days), ""


# ---------------------------------------------------------------- formatting for people


def spanish_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def spanish_time(timestamp: float) -> str:
    moment = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc)
    return f"{spanish_date(moment.date())}, {moment:%H:%M} UTC"


def number(value: int | float) -> str:
    return f"{value:,.0f}" if isinstance(value, int) or float(value).is_integer() else f"{value:,.1f}"


def percent(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "—"
    shown = f"{value * 100:.1f}".removesuffix(".0")
    return f"{shown}\u00a0%"


def reason_title(reason: str | None) -> str:
    return FEEDBACK_REASONS.get(reason, reason) if reason else "sin motivo"


def channel_title(channel: str) -> str:
    return CHANNEL_TITLES.get(channel, channel)


def shown_sender(sender: str) -> str:
    """A conversation's id as the pages show it: redacted (a Telegram chat id can look like a phone)."""
    return redact(sender)
