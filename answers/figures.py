"""National figures of the initiative: the newest with its date and source, history when asked."""

from __future__ import annotations

import datetime as dt
import re

from knowledge import KnowledgeBase
from knowledge.schema import Observation
from knowledge.text import spanish_date
from knowledge.vocabulary import mentions

from .wording import according_to, join_names

_YEAR = re.compile(r"\b(20[0-3]\d)\b")


def metric_of(kb: KnowledgeBase, text: str) -> str | None:
    """The figure a message asks about; ``estados`` only when no more specific figure is named."""
    named = [metric for metric, spec in kb.figures.metrics.items() if mentions(spec.words, text)]
    specific = [m for m in named if m != "estados"]
    found = specific or named
    return found[0] if found else None


def year_of(text: str) -> int | None:
    """The year ``text`` names (2000–2039), or None."""
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def _figure(kb: KnowledgeBase, obs: Observation) -> str:
    qualifier = f"{obs.qualifier} " if obs.qualifier else ""
    return f"{qualifier}{obs.value} {kb.figures.metrics[obs.metric].label}"


def figure_answer(kb: KnowledgeBase, metric: str, year: int | None = None, history: bool = False) -> str:
    """The newest figure with its source and date; for a year, that year's; with history, the timeline."""
    observations = kb.history(metric)
    label = kb.figures.metrics[metric].label
    if not observations:
        return f"Los documentos no dan una cifra de {label}."
    if year is not None:
        in_year = [o for o in observations if o.date and o.date.year == year]
        if not in_year:
            newest = observations[-1]
            return (
                f"Los documentos no dan la cifra de {label} para {year}. La más reciente: "
                f"{_figure(kb, newest)} ({according_to(kb, newest.source)})."
            )
        obs = in_year[-1]
        when = spanish_date(obs.date) if obs.date else str(year)
        return f"Al {when} había {_figure(kb, obs)} ({according_to(kb, obs.source)})."
    newest = observations[-1]
    answer = f"{_figure(kb, newest)[0].upper()}{_figure(kb, newest)[1:]}, {according_to(kb, newest.source)}."
    older = [o for o in observations[:-1] if o.value != newest.value]
    if history and older:
        steps = join_names([f"{_figure(kb, o)} ({according_to(kb, o.source)})" for o in older])
        answer += f" Antes: {steps}."
    return answer


def overview_answer(kb: KnowledgeBase) -> str:
    """The newest dated source's figures, all together."""
    dated = [o for o in kb.figures.observations if o.date]
    newest_source = max(dated, key=lambda o: o.date or dt.date.min).source
    figures = [_figure(kb, o) for o in dated if o.source == newest_source]
    return (
        f"Según {kb.citation(newest_source)}, la iniciativa Gobierno Abierto: Cocreación desde lo local "
        f"tenía {join_names(figures)}. Puedes preguntar por una cifra y cómo ha cambiado."
    )
