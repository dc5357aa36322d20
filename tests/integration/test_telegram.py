"""The Telegram bridge (clients/telegram), offline: a stand-in Bot API and a stub Rasa REST channel, both on
127.0.0.1, with the real bridge (python-telegram-bot, polling or webhook) between them."""

from __future__ import annotations

import functools
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from telegram.error import InvalidToken

from clients.telegram import app, texts, voice
from clients.telegram.app import Catalogue, catalogue, load_starters
from clients.telegram.config import ConfigError, Settings, from_env
from clients.telegram.limits import FloodLimiter
from clients.telegram.logs import Redact
from clients.telegram.render import ButtonStore, render, split_text
from common.folding import fold
from common.redaction import install_log_redaction
from common.settings import DEFAULT_RATE_LIMIT_PER_MINUTE, DEFAULT_WHISPER_MODEL
from common.texts import SLOW_DOWN, privacy_notice

from ..conftest import REPO
from ..servers import skip_or_fail
from .telegram_fakes import (
    TOKEN,
    WAIT,
    BridgeThread,
    FakeBotApi,
    FakeRasa,
    espeak_missing,
    free_port,
    speak,
    tone,
    wait_until,
)

POSITIVE = '/feedback{"valor": "positivo"}'
NEGATIVE = '/feedback{"valor": "negativo"}'
FEEDBACK = [{"title": "👍", "payload": POSITIVE}, {"title": "👎", "payload": NEGATIVE}]
HELP = "Respondo con los documentos de Gobierno Abierto. Prueba:\n• «¿Jalisco tiene STL?»\n• «Contacto»"
STL = "Un Secretariado Técnico Local (STL) reúne gobierno y sociedad civil. Fuente: https://home.inai.org.mx/"
RECOMMENDATIONS = "Las 4 recomendaciones del SNT ante la COVID-19 (25 de mayo de 2020): …"
GUIDES = "Hay guías de cocreación y de seguimiento."
THANKS = "¡Gracias! Me alegra que te sirviera."
LONG_PARAGRAPH = ("Los planes de acción local se construyen entre gobierno y sociedad civil. " * 7).strip()
LONG = "\n\n".join([LONG_PARAGRAPH] * 10)
LONG_PAYLOAD = '/estado_situacion{"estado": "Un nombre de estado tan largo que no cabe en 64 bytes"}'
JALISCO_PLANS = "Jalisco tiene 2 planes de acción local. Fuente: comunicado INAI/265/19."
SUGGESTIONS = [
    {"title": "Planes de Jalisco", "payload": "¿Qué planes tiene Jalisco?"},
    {"title": "Guía de STL", "payload": "https://micrositios.inai.org.mx/gobiernoabierto/guia-stl.pdf"},
    {"title": "Otro estado", "payload": "¿Qué estados participan en Gobierno Abierto?"},
]
MISSING = "¿Qué faltó?"
REASONS = [
    {"title": "Incorrecta", "payload": '/feedback_motivo{"motivo": "incorrecta"}'},
    {"title": "Incompleta", "payload": '/feedback_motivo{"motivo": "incompleta"}'},
    {"title": "No entendió mi pregunta", "payload": '/feedback_motivo{"motivo": "no_entendio"}'},
    {"title": "Otra", "payload": '/feedback_motivo{"motivo": "otra"}'},
]


def rasa_reply(sender: str, message: str) -> list[dict[str, Any]]:
    """What the stub Rasa answers: like the real assistant, substantive answers carry 👍/👎."""
    if message == "ayuda":
        return [{"recipient_id": sender, "text": HELP}]
    if message == NEGATIVE:
        return [{"recipient_id": sender, "text": MISSING, "buttons": REASONS}]
    if message.startswith("/feedback"):
        return [{"recipient_id": sender, "text": THANKS}]
    if "jalisco" in fold(message):
        return [{"recipient_id": sender, "text": JALISCO_PLANS, "buttons": SUGGESTIONS + FEEDBACK}]
    if message == LONG_PAYLOAD:
        return [{"recipient_id": sender, "text": "Recibí el botón largo."}]
    if message.startswith("/estado_situacion"):
        state = json.loads(message[len("/estado_situacion") :])["estado"]
        return [
            {
                "recipient_id": sender,
                "text": f"{state} participa en Gobierno Abierto desde 2016.",
                "buttons": FEEDBACK,
            }
        ]
    if message == "cuales son las recomendaciones":
        return [{"recipient_id": sender, "text": RECOMMENDATIONS, "buttons": FEEDBACK}]
    if message == "que guias hay":
        return [{"recipient_id": sender, "text": GUIDES, "buttons": FEEDBACK}]
    if message == "dame la respuesta larga":
        return [{"recipient_id": sender, "text": LONG, "buttons": FEEDBACK}]
    if message == "opciones":
        return [
            {
                "recipient_id": sender,
                "text": "Elige:",
                "buttons": [{"title": "Largo", "payload": LONG_PAYLOAD}],
            }
        ]
    return [{"recipient_id": sender, "text": STL, "buttons": FEEDBACK}]


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake  # type: ignore[misc]


@pytest.fixture
def rasa() -> Iterator[FakeRasa]:
    with FakeRasa(rasa_reply) as fake:
        yield fake  # type: ignore[misc]


@pytest.fixture
def states(kb) -> Catalogue:
    return catalogue(kb)


@contextmanager
def bridge(api: FakeBotApi, rasa: FakeRasa, states: Catalogue, **overrides: Any) -> Iterator[BridgeThread]:
    settings = Settings(
        **{
            "token": TOKEN,
            "api_url": api.base_url,
            "rasa_url": rasa.url,
            "poll_timeout": 1,
            "rasa_timeout": 5,
            **overrides,
        }
    )
    with BridgeThread(settings, states) as running:
        yield running
    assert not any("parse_mode" in params for _, params in api.calls), "text must be sent as plain text"


def keyboard(message: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return (message.get("reply_markup") or {}).get("inline_keyboard") or []


def titles(message: dict[str, Any]) -> list[str]:
    return [button["text"] for row in keyboard(message) for button in row]


def data_of(message: dict[str, Any], title: str) -> str:
    return next(b["callback_data"] for row in keyboard(message) for b in row if b["text"] == title)


# -- commands ---------------------------------------------------------------------------------------


def test_start_says_what_it_answers_and_gives_the_one_privacy_notice(api, rasa, states, kb, monkeypatch):
    monkeypatch.delenv("RETENTION_DAYS", raising=False)
    monkeypatch.delenv("PRIVACY_CONTACT", raising=False)
    with bridge(api, rasa, states):
        api.say(11, "/start")
        [start] = api.wait_sent(11, 1)
    text = start["text"]
    assert "Gobierno Abierto" in text and "/estado" in text and "/recomendaciones" in text
    assert f"(INAI y SNT, {kb.years_covered()})" in text
    # what it answers, then the same notice as the «privacidad» intent and nothing else: the default 30
    # days, the operator as ARCO contact, and this chat's conversation id as Rasa knows it
    notice = privacy_notice(30, "", "telegram:11")
    assert text == f"{texts.START.format(years=kb.years_covered())}\n\n{notice}"
    assert "se conserva 30 días" in text and "pídelo a quien opera este servicio" in text
    assert text.endswith("identificador de conversación: telegram:11")
    assert len(text.splitlines()) <= 6
    # the starter buttons of clients/starters.json (the web widget's too), one a row
    starters = load_starters()
    assert [[b["text"] for b in row] for row in keyboard(start)] == [[title] for title, _ in starters]
    assert rasa.received == []  # /start is answered by the bridge alone
    [commands] = api.of("setMyCommands")
    assert [c["command"] for c in commands["commands"]] == [
        "start",
        "help",
        "estado",
        "recomendaciones",
        "guias",
    ]


def test_start_states_the_configured_retention_and_privacy_contact(api, rasa, states, monkeypatch):
    monkeypatch.setenv("RETENTION_DAYS", "7")
    monkeypatch.setenv("PRIVACY_CONTACT", "privacidad@ejemplo.org")
    with bridge(api, rasa, states):
        api.say(12, "/start")
        [start] = api.wait_sent(12, 1)
    assert "se conserva 7 días" in start["text"]
    assert "escribe a privacidad@ejemplo.org" in start["text"] and "telegram:12" in start["text"]
    assert start["text"].endswith(privacy_notice(7, "privacidad@ejemplo.org", "telegram:12"))


def test_start_starter_button_asks_its_question(api, rasa, states):
    title, question = load_starters()[0]
    with bridge(api, rasa, states):
        api.say(28, "/start")
        [start] = api.wait_sent(28, 1)
        api.press(28, start["result"], data_of(start, title))
        _, answer = api.wait_sent(28, 2)
    assert rasa.received == [("telegram:28", question)]  # as if typed
    assert answer["text"] == STL


@pytest.mark.parametrize(
    ("link", "asked", "answer"),
    [
        ("jalisco", '/estado_situacion{"estado": "Jalisco"}', JALISCO_PLANS),
        ("ciudad-de-mexico", '/estado_situacion{"estado": "Ciudad de México"}', None),
        ("guias", "que guias hay", GUIDES),
    ],
)
def test_start_deep_link_opens_its_topic(api, rasa, states, link, asked, answer):
    with bridge(api, rasa, states):
        api.say(29, f"/start {link}")  # t.me/<bot>?start=<link>
        pointer, reply = api.wait_sent(29, 2)
    assert pointer["text"] == texts.DEEP_LINK_PRIVACY
    assert rasa.received == [("telegram:29", asked)]
    assert reply["text"] == (answer or "Ciudad de México participa en Gobierno Abierto desde 2016.")


def test_start_deep_link_to_the_recommendations_and_an_unknown_one(api, rasa, states, kb):
    with bridge(api, rasa, states):
        api.say(30, "/start recomendaciones")
        _, listed, picker = api.wait_sent(30, 3)
        api.say(31, "/start no-existe")
        [start] = api.wait_sent(31, 1)
    assert rasa.received == [("telegram:30", "cuales son las recomendaciones")]
    assert listed["text"] == RECOMMENDATIONS and picker["text"] == texts.PICK_RECOMMENDATION
    assert len(titles(picker)) == len(kb.recommendations.items)
    assert start["text"].startswith(texts.START.format(years=kb.years_covered()))  # the normal /start


def test_help_asks_rasa_for_help_while_typing_and_offers_its_examples(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(12, "/help")
        [reply] = api.wait_sent(12, 1)
        assert rasa.received == [("telegram:12", "ayuda")]
        assert reply["text"] == HELP
        assert titles(reply) == ["¿Jalisco tiene STL?", "Contacto"]  # its examples, as buttons
        methods = [name for name, params in api.calls if str(params.get("chat_id")) == "12"]
        assert methods[:2] == ["sendChatAction", "sendMessage"]
        assert api.of("sendChatAction", 12)[0]["action"] == "typing"
        api.press(12, reply["result"], data_of(reply, "¿Jalisco tiene STL?"))
        _, answer = api.wait_sent(12, 2)
    assert rasa.received[1] == ("telegram:12", "¿Jalisco tiene STL?")
    assert answer["text"] == JALISCO_PLANS


def test_recomendaciones_offers_one_button_per_recommendation_and_guias(api, rasa, states, kb):
    with bridge(api, rasa, states):
        api.say(13, "/recomendaciones")
        first, picker = api.wait_sent(13, 2)
        api.say(13, "/guias")
        _, _, second = api.wait_sent(13, 3)
        items = kb.recommendations.items
        assert picker["text"] == texts.PICK_RECOMMENDATION
        assert titles(picker) == [f"{item.ordinal}. {item.name}" for item in items]  # 1–4, from knowledge/
        api.press(13, picker["result"], data_of(picker, f"2. {items[1].name}"))
        api.wait_sent(13, 4)
    assert rasa.received == [
        ("telegram:13", "cuales son las recomendaciones"),
        ("telegram:13", "que guias hay"),
        ("telegram:13", f"¿Qué dice la {items[1].name.lower()} recomendación?"),
    ]
    assert (first["text"], second["text"]) == (RECOMMENDATIONS, GUIDES)


def test_estado_picker_lists_every_state_and_a_press_gives_its_status(api, rasa, states, kb):
    with bridge(api, rasa, states):
        api.say(14, "/estado")
        [picker] = api.wait_sent(14, 1)
        assert picker["text"] == texts.PICK_STATE
        assert titles(picker) == [state.name for state in kb.states] and len(titles(picker)) == 32
        assert all(len(b["callback_data"].encode()) <= 64 for row in keyboard(picker) for b in row)
        query = api.press(14, picker["result"], data_of(picker, "Ciudad de México"))
        _, status = api.wait_sent(14, 2)
    assert rasa.received == [("telegram:14", '/estado_situacion{"estado": "Ciudad de México"}')]
    assert status["text"] == "Ciudad de México participa en Gobierno Abierto desde 2016."
    assert [a["callback_query_id"] for a in api.of("answerCallbackQuery")] == [query]


# -- questions, buttons, feedback -------------------------------------------------------------------


def test_question_is_answered_as_plain_text_with_feedback_buttons(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(15, "¿qué es un STL? <b>hola</b>")
        [answer] = api.wait_sent(15, 1)
        assert rasa.received == [("telegram:15", "¿qué es un STL? <b>hola</b>")]
        assert answer["text"] == STL  # the link stays as text: Telegram makes it clickable
        assert keyboard(answer) == [
            [
                {"text": "👍", "callback_data": "p:" + POSITIVE},
                {"text": "👎", "callback_data": "p:" + NEGATIVE},
            ]
        ]
        query = api.press(15, answer["result"], data_of(answer, "👍"))
        _, thanks = api.wait_sent(15, 2)
        wait_until(lambda: api.of("editMessageReplyMarkup", 15), what="the keyboard to go")
    assert rasa.received[1] == ("telegram:15", POSITIVE)
    assert thanks["text"] == THANKS
    assert [a["callback_query_id"] for a in api.of("answerCallbackQuery")] == [query]
    [edit] = api.of("editMessageReplyMarkup", 15)
    assert int(edit["message_id"]) == answer["result"]["message_id"] and "reply_markup" not in edit


def test_only_the_latest_answer_keeps_its_rating_buttons(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(16, "primera pregunta")
        [first] = api.wait_sent(16, 1)
        api.say(16, "segunda pregunta")
        api.wait_sent(16, 2)
        [edit] = wait_until(lambda: api.of("editMessageReplyMarkup", 16), what="the old keyboard to go")
    assert int(edit["message_id"]) == first["result"]["message_id"] and "reply_markup" not in edit


def rows_of(message: dict[str, Any]) -> list[list[str]]:
    return [[button["text"] for button in row] for row in keyboard(message)]


def test_suggestions_one_a_row_above_the_ratings_and_a_rating_keeps_them(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(32, "¿qué planes tiene jalisco?")
        [answer] = api.wait_sent(32, 1)
        assert rows_of(answer) == [["Planes de Jalisco"], ["Guía de STL"], ["Otro estado"], ["👍", "👎"]]
        [link] = [b for row in keyboard(answer) for b in row if b["text"] == "Guía de STL"]
        assert link["url"] == SUGGESTIONS[1]["payload"] and "callback_data" not in link  # a link button
        api.press(32, answer["result"], data_of(answer, "👍"))
        api.wait_sent(32, 2)
        [edit] = wait_until(lambda: api.of("editMessageReplyMarkup", 32), what="the ratings to go")
        assert rasa.received[-1] == ("telegram:32", POSITIVE)
        api.press(32, answer["result"], data_of(answer, "Otro estado"))  # a suggestion still works
        api.wait_sent(32, 3)
    assert int(edit["message_id"]) == answer["result"]["message_id"]
    assert [[b["text"] for b in row] for row in edit["reply_markup"]["inline_keyboard"]] == [
        ["Planes de Jalisco"],
        ["Guía de STL"],
        ["Otro estado"],
    ]
    assert rasa.received[-1] == ("telegram:32", "¿Qué estados participan en Gobierno Abierto?")
    assert len(api.of("editMessageReplyMarkup", 32)) == 1


def test_a_newer_answer_takes_the_ratings_and_the_older_keeps_its_suggestions(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(33, "jalisco")
        [first] = api.wait_sent(33, 1)
        api.say(33, "¿y sus planes? jalisco")
        api.wait_sent(33, 2)
        [edit] = wait_until(lambda: api.of("editMessageReplyMarkup", 33), what="the old ratings to go")
    assert int(edit["message_id"]) == first["result"]["message_id"]
    assert "👍" not in json.dumps(edit["reply_markup"], ensure_ascii=False)
    assert len(edit["reply_markup"]["inline_keyboard"]) == len(SUGGESTIONS)


def test_thumbs_down_asks_what_was_missing_and_a_reason_press_removes_the_reasons(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(34, "¿qué es un STL?")
        [answer] = api.wait_sent(34, 1)
        api.press(34, answer["result"], data_of(answer, "👎"))
        _, question = api.wait_sent(34, 2)
        assert question["text"] == MISSING
        assert titles(question) == [reason["title"] for reason in REASONS]
        api.press(34, question["result"], data_of(question, "Incompleta"))
        api.wait_sent(34, 3)
        edits = wait_until(
            lambda: len(api.of("editMessageReplyMarkup", 34)) >= 2 and api.of("editMessageReplyMarkup", 34)
        )
    assert rasa.received[1:] == [("telegram:34", NEGATIVE), ("telegram:34", REASONS[1]["payload"])]
    assert [int(e["message_id"]) for e in edits] == [
        answer["result"]["message_id"],
        question["result"]["message_id"],
    ]
    assert all("reply_markup" not in e for e in edits)  # the ratings, then the reasons, gone


def test_long_button_payload_goes_through_a_short_key(api, rasa, states):
    with bridge(api, rasa, states):
        api.say(17, "opciones")
        [menu] = api.wait_sent(17, 1)
        data = data_of(menu, "Largo")
        assert data.startswith("k:") and len(data.encode()) <= 64
        api.press(17, menu["result"], data)
        _, reply = api.wait_sent(17, 2)
        assert rasa.received[-1] == ("telegram:17", LONG_PAYLOAD)
        assert reply["text"] == "Recibí el botón largo."
        api.press(17, menu["result"], "k:zzz")  # a key the bridge never gave (or has forgotten)
        stale = wait_until(
            lambda: [a for a in api.of("answerCallbackQuery") if a.get("text")],
            what="the stale-button answer",
        )
    assert stale[0]["text"] == texts.STALE_BUTTON
    assert len(rasa.received) == 2


def test_5000_character_reply_is_split_in_two(api, rasa, states):
    assert len(LONG) >= 5000
    with bridge(api, rasa, states):
        api.say(18, "dame la respuesta larga")
        first, second = api.wait_sent(18, 2)
        api.say(18, "otra")  # proves nothing more came from the long reply
        messages = api.wait_sent(18, 3)
    assert messages[2]["text"] == STL
    assert len(first["text"]) <= 4096 and len(second["text"]) <= 4096
    assert first["text"] + "\n\n" + second["text"] == LONG  # cut between paragraphs
    assert "reply_markup" not in first and titles(second) == ["👍", "👎"]


def test_non_text_messages_get_a_polite_answer(api, rasa, states):
    with bridge(api, rasa, states):
        api.push(
            {
                "message": {
                    "message_id": 1,
                    "date": 0,
                    "chat": {"id": 19, "type": "private"},
                    "from": {"id": 19, "is_bot": False, "first_name": "Ana"},
                    "sticker": {
                        "file_id": "s",
                        "file_unique_id": "s",
                        "width": 1,
                        "height": 1,
                        "is_animated": False,
                        "is_video": False,
                        "type": "regular",
                    },
                }
            }
        )
        [reply] = api.wait_sent(19, 1)
    assert reply["text"] == texts.TEXT_ONLY and rasa.received == []
    assert "notas de voz" in reply["text"]


# -- voice notes -------------------------------------------------------------------------------------


@pytest.fixture
def whisper() -> None:
    """The voice tests need espeak-ng (`make services`) and the Whisper model (`make whisper`)."""
    problem = espeak_missing() or voice.model_problem(DEFAULT_WHISPER_MODEL)
    if problem:
        skip_or_fail(problem)


def test_a_spanish_voice_note_is_transcribed_shown_and_answered(api, rasa, states, whisper):
    note = speak("¿Qué planes tiene Jalisco?")
    with bridge(api, rasa, states):
        api.send_audio(40, note, duration=2)
        heard, answer = api.wait_sent(40, 2, timeout=120)  # the first note loads the model
    assert heard["text"].startswith("Entendí: «") and heard["text"].endswith("»")
    transcript = heard["text"][len("Entendí: «") : -1]
    assert "jalisco" in fold(transcript) and "planes" in fold(transcript)
    assert rasa.received == [("telegram:40", transcript)]  # forwarded like typed text
    assert answer["text"] == JALISCO_PLANS and titles(answer)[-2:] == ["👍", "👎"]
    # the file came through getFile and the file URL of TELEGRAM_API_URL (…/file/bot<token>/…)
    assert [c["file_id"] for c in api.of("getFile")] == ["voice1"]
    assert [c["file_path"] for c in api.of("download")] == ["voice/voice1.oga"]


@pytest.mark.parametrize("log_text", [False, True])
def test_a_transcript_is_logged_only_when_asked(api, rasa, states, whisper, caplog, log_text):
    caplog.set_level(logging.DEBUG)
    with bridge(api, rasa, states, log_text=log_text):
        api.send_audio(49, speak("¿Qué planes tiene Jalisco?"), duration=2)
        heard, _ = api.wait_sent(49, 2, timeout=120)
    transcript = heard["text"][len("Entendí: «") : -1]
    # the bridge's own records (logs.setup keeps the libraries' debug output off unless TELEGRAM_LOG_TEXT=1)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("clients.telegram"))
    assert (transcript in logged) == log_text


def test_an_audio_file_is_transcribed_too(api, rasa, states, whisper):
    with bridge(api, rasa, states):
        api.send_audio(41, speak("¿Qué planes tiene Jalisco?"), duration=2, kind="audio")
        heard, _ = api.wait_sent(41, 2, timeout=120)
    assert "jalisco" in fold(heard["text"])


def test_a_voice_note_too_long_gets_a_polite_answer_without_transcription(api, rasa, states):
    with bridge(api, rasa, states, voice_max_seconds=60):
        api.send_audio(42, b"never read", duration=61)
        [reply] = api.wait_sent(42, 1)
    assert reply["text"] == texts.VOICE_TOO_LONG.format(seconds=60)
    assert api.of("getFile") == [] and rasa.received == []  # not even downloaded


def test_without_a_speech_model_a_voice_note_gets_an_apology(api, rasa, states, tmp_path, caplog):
    with bridge(api, rasa, states, whisper_model=str(tmp_path)):
        api.send_audio(48, tone(1), duration=1)
        [reply] = api.wait_sent(48, 1)
    assert reply["text"] == texts.VOICE_UNAVAILABLE and rasa.received == [] and api.of("getFile") == []
    assert "voice notes get an apology" in caplog.text and "make whisper" in caplog.text


def test_a_voice_note_longer_than_it_says_is_stopped_when_decoded(api, rasa, states, whisper):
    with bridge(api, rasa, states, voice_max_seconds=5):
        api.send_audio(43, tone(8), duration=3)  # says 3 s, lasts 8 s
        [reply] = api.wait_sent(43, 1)
    assert reply["text"] == texts.VOICE_TOO_LONG.format(seconds=5) and rasa.received == []


@pytest.mark.parametrize("data", [b"esto no es audio", b"OggS" + bytes(200)])
def test_an_undecodable_voice_note_gets_a_polite_answer(api, rasa, states, whisper, data):
    with bridge(api, rasa, states):
        api.send_audio(44, data, duration=3)
        [reply] = api.wait_sent(44, 1)
    assert reply["text"] == texts.VOICE_UNREADABLE and rasa.received == []


def test_silence_gets_asked_to_repeat(api, rasa, states, whisper):
    with bridge(api, rasa, states):
        api.send_audio(45, tone(3, volume=0), duration=3)
        [reply] = api.wait_sent(45, 1, timeout=120)
    assert reply["text"] == texts.VOICE_EMPTY and rasa.received == []


def test_other_chats_are_answered_while_a_voice_note_is_transcribed(api, rasa, states, whisper, monkeypatch):
    started, release = threading.Event(), threading.Event()
    transcribe_now = voice.Transcriber.transcribe_now

    def held(self: voice.Transcriber, data: bytes) -> str:
        started.set()
        release.wait(WAIT)
        return transcribe_now(self, data)

    monkeypatch.setattr(voice.Transcriber, "transcribe_now", held)
    note = speak("¿Qué planes tiene Jalisco?")
    with bridge(api, rasa, states):
        api.send_audio(46, note, duration=2)
        assert started.wait(WAIT), "the voice note never reached the transcriber"
        api.say(47, "¿qué es un STL?")  # another chat, meanwhile
        [other] = api.wait_sent(47, 1)
        assert api.sent(46) == []  # the voice note is still being transcribed
        release.set()
        heard, _ = api.wait_sent(46, 2, timeout=120)
    assert other["text"] == STL and "jalisco" in fold(heard["text"])


# -- reliability -------------------------------------------------------------------------------------


def test_rasa_down_gets_an_apology_then_recovers_by_itself(api, rasa, states):
    with bridge(api, rasa, states) as running:
        rasa.stop()
        api.say(20, "¿qué es un STL?")
        [apology] = api.wait_sent(20, 1)
        assert apology["text"] == texts.UNAVAILABLE
        assert running.alive
        rasa.start()  # Rasa is back on the same port
        api.say(20, "¿qué es un STL?")
        _, answer = api.wait_sent(20, 2)
    assert answer["text"] == STL
    assert rasa.received == [("telegram:20", "¿qué es un STL?")]


def test_slow_rasa_gets_an_apology(api, rasa, states):
    rasa.delay = 2.0
    with bridge(api, rasa, states, rasa_timeout=0.3):
        api.say(21, "¿qué es un STL?")
        [apology] = api.wait_sent(21, 1)
        rasa.delay = 0
        api.say(21, "¿qué es un STL?")
        _, answer = api.wait_sent(21, 2)
    assert (apology["text"], answer["text"]) == (texts.UNAVAILABLE, STL)


def test_bot_api_unreachable_at_start_is_waited_for(api, rasa, states, caplog):
    api.stop()  # Telegram cannot be reached when the bridge starts
    later = threading.Timer(0.5, api.start)  # and comes back on the same address
    later.start()
    try:
        with bridge(api, rasa, states):
            api.say(26, "¿qué es un STL?")
            [answer] = api.wait_sent(26, 1)
    finally:
        later.cancel()
    assert answer["text"] == STL
    assert "the Bot API does not answer" in caplog.text


def test_a_rejected_token_stops_the_bridge(api, rasa, states):
    settings = Settings(token="999:wrong", api_url=api.base_url, rasa_url=rasa.url, poll_timeout=1)
    with pytest.raises(InvalidToken), BridgeThread(settings, states):
        pass


def test_telegram_flood_limit_retry_after_is_honoured(api, rasa, states):
    api.retry_after = [1]  # the first sendMessage gets HTTP 429, retry_after 1 s
    with bridge(api, rasa, states):
        api.say(22, "¿qué es un STL?")
        refused, delivered = api.wait_sent(22, 2)
    assert refused["text"] == delivered["text"] == STL and "result" not in refused


def test_rasas_slow_down_reaches_the_person_and_the_bridge_holds_nothing_back(api, rasa, states, monkeypatch):
    """The one limit on what people send is Rasa's channel's (RATE_LIMIT_PER_MINUTE, per sender): the
    bridge forwards every message, past any limit of its own, and delivers the channel's slow-down."""
    limit = DEFAULT_RATE_LIMIT_PER_MINUTE
    rasa.rate_limit = limit
    # Telegram's flood limit (about 1 message/s per chat) is another matter: lifted so this test is quick.
    monkeypatch.setattr(app, "FloodLimiter", functools.partial(FloodLimiter, per_chat_rate=1000))
    with bridge(api, rasa, states):
        for _ in range(limit + 2):
            api.say(23, "ayuda")
        api.wait_sent(23, limit + 2)
        api.say(27, "ayuda")  # another chat is another sender, within its own limit
        [other] = api.wait_sent(27, 1)
    # the bridge has stopped, so every update has been handled
    assert rasa.received.count(("telegram:23", "ayuda")) == limit + 2  # none held back by the bridge
    assert Counter(m["text"] for m in api.sent(23)) == {HELP: limit, SLOW_DOWN: 2}
    assert other["text"] == HELP
    assert not hasattr(texts, "SLOW_DOWN")  # one copy of the text: common.texts


# -- webhook ------------------------------------------------------------------------------------------


def post_update(port: int, update: dict[str, Any], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/telegram/hook",
        method="POST",
        data=json.dumps(update).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_webhook_rejects_a_wrong_secret_with_403(api, rasa, states):
    port = free_port()
    update = {
        "update_id": 1,
        "message": {
            "message_id": 5,
            "date": 0,
            "text": "¿qué es un STL?",
            "chat": {"id": 24, "type": "private"},
            "from": {"id": 24, "is_bot": False, "first_name": "Ana"},
        },
    }
    with bridge(
        api,
        rasa,
        states,
        webhook_url="https://bot.example.invalid/telegram/hook",
        webhook_secret="the-right_secret",
        webhook_port=port,
    ):
        [registered] = api.of("setWebhook")
        assert registered["url"] == "https://bot.example.invalid/telegram/hook"
        assert registered["secret_token"] == "the-right_secret"
        assert post_update(port, update, "a-wrong-secret") == 403
        assert post_update(port, update, None) == 403
        assert post_update(port, update, "the-right_secret") == 200
        [answer] = api.wait_sent(24, 1)
    assert answer["text"] == STL
    assert rasa.received == [("telegram:24", "¿qué es un STL?")]  # only the authentic update got through
    assert api.of("getUpdates") == []


# -- pieces -------------------------------------------------------------------------------------------


def test_split_text_prefers_paragraphs_then_lines_then_words():
    assert split_text("corto") == ["corto"]
    assert split_text("aaaa bbbb\ncccc\n\ndddd eeee", limit=12) == ["aaaa bbbb", "cccc", "dddd eeee"]
    assert split_text("aa\n\nbb\ncc", limit=8) == ["aa", "bb\ncc"]  # a paragraph before a line
    assert split_text("palabra " * 5, limit=16) == ["palabra palabra", "palabra palabra", "palabra"]
    assert split_text("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]
    emoji = split_text("👍" * 5000)  # 10,000 UTF-16 units: Telegram counts those
    assert [len(part) for part in emoji] == [2048, 2048, 904]


def test_render_puts_buttons_on_the_last_part_and_skips_empty_messages():
    store = ButtonStore()
    out = render(
        1,
        [
            {"text": "a" * 5000, "buttons": FEEDBACK},
            {"custom": {"x": 1}},
            {"buttons": [{"title": "Ver", "payload": "/ayuda"}]},
        ],
        store,
    )
    assert [len(o.text) for o in out] == [4096, 904, len(texts.PICK_OPTION)]
    assert out[0].keyboard is None and out[1].feedback and not out[2].feedback
    assert out[2].keyboard.inline_keyboard[0][0].callback_data == "p:/ayuda"


def test_settings_from_environment():
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        from_env({})
    settings = from_env({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert (settings.api_url, settings.rasa_url, settings.webhook_url) == (
        "https://api.telegram.org/bot",
        "http://127.0.0.1:5005",
        None,
    )
    assert (settings.rasa_timeout, settings.webhook_port) == (10.0, 8443)
    assert TOKEN not in repr(settings)
    hook = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg"}
    first, second = from_env(hook).webhook_secret, from_env(hook).webhook_secret
    assert first and second and first != second and len(first) >= 32  # generated when unset
    assert from_env(hook).webhook_path == "tg"
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        from_env({**hook, "TELEGRAM_WEBHOOK_SECRET": "no spaces allowed"})
    with pytest.raises(ConfigError, match="RASA_TIMEOUT"):
        from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "RASA_TIMEOUT": "pronto"})


def test_redact_removes_the_token_from_messages_and_tracebacks():
    record = logging.LogRecord(
        "telegram", logging.DEBUG, __file__, 1, "URL: %s", (f"https://x/bot{TOKEN}",), None
    )
    try:
        raise RuntimeError(f"failed https://x/bot{TOKEN}/getMe")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    Redact([TOKEN]).filter(record)
    assert TOKEN not in logging.Formatter().format(record)
    assert "[REDACTED]" in record.getMessage()


def test_the_bridge_log_keeps_personal_data_out_of_tracebacks(caplog):
    """A traceback already cleaned of personal data (common.redaction) is not formatted again from the
    exception, which still holds what the person typed."""
    install_log_redaction()
    try:
        raise RuntimeError(f"falló al responder a ana@example.org, tel. 55 1234 5678, bot{TOKEN}")
    except RuntimeError:
        logging.getLogger("clients.telegram.test").exception("a turn failed")
    record = caplog.records[-1]
    Redact([TOKEN]).filter(record)
    logged = logging.Formatter().format(record)
    assert "ana@example.org" not in logged and "1234 5678" not in logged and TOKEN not in logged
    assert "[correo]" in logged


# -- the command --------------------------------------------------------------------------------------


def command_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RASA_", "LOG_"))}
    return {**env, **extra}


def test_command_without_a_token_exits_with_a_clear_message():
    done = subprocess.run(
        [sys.executable, "-m", "clients.telegram"],
        cwd=REPO,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "TELEGRAM_BOT_TOKEN is not set" in done.stderr and "Traceback" not in done.stderr


def test_command_with_a_bad_retention_days_exits_before_starting(api):
    done = subprocess.run(
        [sys.executable, "-m", "clients.telegram"],
        cwd=REPO,
        env=command_env(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.base_url, RETENTION_DAYS="un mes"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "RETENTION_DAYS must be a whole number" in done.stderr and "Traceback" not in done.stderr
    assert api.calls == []  # it never reached Telegram


@pytest.mark.parametrize("log_text", ["0", "1"])
def test_command_logs_neither_token_nor_text_unless_asked(api, rasa, log_text):
    phrase = "mi frase privada 4711, escribeme a ana.lopez@example.com"
    env = command_env(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.base_url,
        RASA_URL=rasa.url,
        LOG_LEVEL="DEBUG",
        TELEGRAM_LOG_TEXT=log_text,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "clients.telegram"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(
            lambda: api.of("getUpdates") or process.poll() is not None, timeout=30, what="the bridge to poll"
        )
        api.say(25, phrase)
        [answer] = api.wait_sent(25, 1)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert answer["text"] == STL
    assert process.returncode == 0
    assert "polling mode" in stderr and TOKEN not in stderr
    assert ("mi frase privada 4711, escribeme a [correo]" in stderr) == (log_text == "1")
    assert "ana.lopez@example.com" not in stderr  # personal data: never, even with texts logged
