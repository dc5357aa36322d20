"""The Telegram bridge's keyboards and settings without Telegram: suggestions and ratings, help examples,
starters, the file URL of a self-hosted Bot API."""

from __future__ import annotations

import json

import pytest

from clients.telegram.app import STARTERS, catalogue, load_starters
from clients.telegram.config import ConfigError, from_env
from clients.telegram.render import (
    ButtonStore,
    columns_keyboard,
    is_rating,
    is_reason,
    rasa_keyboard,
    with_examples,
    without_ratings,
)
from common.settings import DEFAULT_WHISPER_MODEL

TOKEN = "123:abc"
RATINGS = [
    {"title": "👍", "payload": '/feedback{"valor": "positivo"}'},
    {"title": "👎", "payload": '/feedback{"valor": "negativo"}'},
]
SUGGESTIONS = [
    {"title": "Planes de Jalisco", "payload": "¿Qué planes tiene Jalisco?"},
    {"title": "Guía", "payload": "https://example.org/guia.pdf"},
]


def texts_of(keyboard) -> list[list[str]]:
    return [[button.text for button in row] for row in keyboard.inline_keyboard] if keyboard else []


def test_ratings_share_the_last_row_under_one_suggestion_a_row():
    keyboard = rasa_keyboard(1, SUGGESTIONS + RATINGS, ButtonStore())
    assert texts_of(keyboard) == [["Planes de Jalisco"], ["Guía"], ["👍", "👎"]]
    assert keyboard.inline_keyboard[1][0].url == "https://example.org/guia.pdf"


def test_without_ratings_keeps_the_suggestions():
    store = ButtonStore()
    keyboard = rasa_keyboard(1, SUGGESTIONS + RATINGS, store)
    payload_of = lambda data: data[2:] if data.startswith("p:") else store.get(1, data[2:])  # noqa: E731
    assert texts_of(without_ratings(keyboard, payload_of)) == [["Planes de Jalisco"], ["Guía"]]
    assert without_ratings(rasa_keyboard(1, RATINGS, store), payload_of) is None


def test_short_buttons_without_ratings_still_share_rows():
    buttons = [{"title": t, "payload": f"/x{t}"} for t in ("Sí", "No", "Otra")]
    assert texts_of(rasa_keyboard(1, buttons, ButtonStore())) == [["Sí", "No", "Otra"]]


def test_a_rating_is_not_a_reason():
    assert is_rating('/feedback{"valor": "negativo"}') and is_rating("/feedback")
    assert not is_rating('/feedback_motivo{"motivo": "otra"}')
    assert is_reason('/feedback_motivo{"motivo": "otra"}') and not is_reason("/feedback")


def test_help_examples_become_buttons_only_on_a_reply_without_any():
    text = "Prueba:\n• «¿Jalisco tiene STL?»\n• «Guía de cocreación»\nY más «cosas» sueltas."
    [reply] = with_examples([{"text": text}])
    assert reply["buttons"] == [
        {"title": "¿Jalisco tiene STL?", "payload": "¿Jalisco tiene STL?"},
        {"title": "Guía de cocreación", "payload": "Guía de cocreación"},
    ]
    kept = {"text": text, "buttons": [{"title": "Ver", "payload": "/ver"}]}
    assert with_examples([kept, {"text": "sin ejemplos"}]) == [kept, {"text": "sin ejemplos"}]


def test_the_bridges_own_callback_data_must_fit():
    assert texts_of(columns_keyboard([("a", "s:0"), ("b", "s:1"), ("c", "s:2")], 2)) == [["a", "b"], ["c"]]
    with pytest.raises(ValueError, match="too long"):
        columns_keyboard([("x", "e:" + "x" * 70)])


def test_starters_are_read_as_the_widget_writes_them_and_recommendations_come_from_knowledge(kb, tmp_path):
    path = tmp_path / "starters.json"
    items = [{"title": "¿Qué es la iniciativa?", "payload": "¿Qué es Gobierno Abierto?"}]
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    known = catalogue(kb, load_starters(path))
    assert known.starters == [("¿Qué es la iniciativa?", "¿Qué es Gobierno Abierto?")]
    assert known.recommendations == [(item.ordinal, item.name) for item in kb.recommendations.items]
    assert STARTERS.name == "starters.json" and STARTERS.parent.name == "clients"


@pytest.mark.parametrize(
    "content", [None, "no es json", '{"title": "x"}', '[{"title": "x"}]', '[{"title": "", "payload": "y"}]']
)
def test_a_broken_starters_file_stops_the_bridge_with_its_name(tmp_path, content):
    path = tmp_path / "starters.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"starters\.json"):
        load_starters(path)


@pytest.mark.parametrize(
    ("api_url", "file_url"),
    [
        ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot"),
        ("http://127.0.0.1:8081/bot", "http://127.0.0.1:8081/file/bot"),
        ("https://tg.example.org/telegram/bot/", "https://tg.example.org/telegram/file/bot"),
    ],
)
def test_the_file_url_follows_the_api_url(api_url, file_url):
    assert from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": api_url}).file_url == file_url


def test_voice_settings_from_the_environment():
    settings = from_env({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert (settings.voice_max_seconds, settings.whisper_model) == (60.0, DEFAULT_WHISPER_MODEL)
    other = from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "VOICE_MAX_SECONDS": "30", "WHISPER_MODEL": "/m"})
    assert (other.voice_max_seconds, other.whisper_model) == (30.0, "/m")
    with pytest.raises(ConfigError, match="VOICE_MAX_SECONDS"):
        from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "VOICE_MAX_SECONDS": "un minuto"})
