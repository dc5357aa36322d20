"""Clarify instead of guessing: when NLU hesitates between two topics, ask «¿Te refieres a…?» with a
button for each (Rasa Sara's two-stage fallback, in one turn), and «Otra cosa» to search the documents.

A pressed button sends the chosen intent as a payload; :func:`asked_text` then gives the actions the
question the person typed, so it is answered under the chosen topic.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

# What each answerable intent offers, as the person reads it on a button.
LABELS = {
    "estado_situacion": "La situación de un estado",
    "estados_con_stl": "Qué estados tienen STL",
    "estados_con_pal": "Qué estados tienen planes de acción",
    "estados_por_anio": "Cuándo se sumó cada estado",
    "cifras": "Las cifras de la iniciativa",
    "recomendacion": "Las recomendaciones del SNT",
    "guia": "Las guías",
    "contacto": "A quién contactar",
    "inai_actual": "Qué pasó con el INAI",
    "que_es_iniciativa": "Qué es la iniciativa",
    "que_es_stl": "Qué es un STL",
    "que_es_pal": "Qué es un PAL",
    "privacidad": "Qué pasa con mis datos",
}
SEARCH = {"title": "Otra cosa: buscar en los documentos", "payload": "/consulta"}
# Two intents are "close" when NLU gives the second at least this much, and the first at most this much
# more than the second (the FallbackClassifier has already found the message uncertain).
MIN_SECOND = 0.15
MAX_MARGIN = 0.25


def _ranking(tracker: Tracker) -> list[tuple[str, float]]:
    """The intents NLU considered, most likely first (an intent the out-of-domain gate set to 0 keeps its
    place in Rasa's ranking: it is dropped here)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    scored = [
        (str(r.get("name")), float(r.get("confidence") or 0.0))
        for r in ranking
        if r.get("name") and r.get("name") != "nlu_fallback" and r.get("confidence")
    ]
    return sorted(scored, key=lambda pair: pair[1], reverse=True)


def clarification(tracker: Tracker) -> dict[str, Any] | None:
    """The question and buttons to send when the top two intents are close and at least one of them is
    an answerable topic; None when NLU did not hesitate between topics."""
    top = _ranking(tracker)[:2]
    if len(top) < 2 or top[1][1] < MIN_SECOND or top[0][1] - top[1][1] > MAX_MARGIN:
        return None
    offered = [name for name, _ in top if name in LABELS]
    if not offered:
        return None
    buttons = [{"title": LABELS[name], "payload": f"/{name}"} for name in offered] + [SEARCH]
    return {"text": "¿Te refieres a…?", "buttons": buttons}


def between_topics(question: dict[str, Any]) -> bool:
    """Whether a clarification offers two topics (not one topic and the search)."""
    return len([b for b in question["buttons"] if b != SEARCH]) == 2


def asked_text(tracker: Tracker) -> str | None:
    """When the latest message is a button the clarification offered, the question the person typed
    before it; else None."""
    latest = tracker.latest_message.get("text") or ""
    if not latest.startswith("/"):
        return None
    user_turns = 0
    offered = False
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            buttons = (event.get("data") or {}).get("buttons") or []
            offered = offered or (SEARCH in buttons and any(b.get("payload") == latest for b in buttons))
        if event.get("event") == "user":
            user_turns += 1
            if user_turns == 2:
                return str(event.get("text") or "") if offered else None
    return None
