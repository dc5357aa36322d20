"""The bounds the channels put on what a client sends besides its message (common/bounds.py), the privacy
notice's quoting of a sender id, and the Telegram bridge's secret on its way to Rasa."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from clients.telegram.rasa_client import RasaClient, RasaUnavailable
from common import settings
from common.bounds import (
    BRIDGE_SECRET_HEADER,
    MAX_SENDER_CHARS,
    SENDER,
    bounded_metadata,
    bounded_sender,
    bridge_authentic,
    channel_name,
    is_reserved,
    origin_allowed,
)
from common.texts import privacy_notice

ALLOWED = ["http://localhost:8080", "http://127.0.0.1:8080"]


@pytest.mark.parametrize("sender", ["dev-0", "abc_DEF.1:2-3", "a" * MAX_SENDER_CHARS, "x-" + "0" * 32])
def test_a_short_sender_of_safe_characters_is_kept(sender):
    assert bounded_sender(sender) == sender


@pytest.mark.parametrize(
    "sender",
    [
        "a" * 300,  # PostgreSQL's column would refuse it and the turn would not be stored
        "a" * 10_000_000,
        "<script>alert(1)</script>",
        "con espacio",
        "Michoacán",
        "nul\x00byte",
        "línea\nnueva",
        "\ud800",
    ],
)
def test_a_long_or_odd_sender_becomes_a_stable_bounded_stand_in(sender):
    bounded = bounded_sender(sender)
    assert bounded != sender and bounded.startswith("x-") and SENDER.fullmatch(bounded)
    assert len(bounded) <= MAX_SENDER_CHARS
    assert bounded_sender(sender) == bounded  # the same conversation on every message
    assert bounded_sender(bounded) == bounded


def test_different_senders_get_different_stand_ins():
    assert bounded_sender("a" * 300) != bounded_sender("a" * 301)


@pytest.mark.parametrize("sender", ["telegram:46", "TELEGRAM:46", "Telegram:-100123"])
def test_telegram_senders_are_the_bridges_alone(sender):
    assert is_reserved(sender)
    assert not is_reserved(bounded_sender(sender))  # socket.io, which the bridge never uses
    assert bounded_sender(sender, trusted=True) == sender  # REST, with the bridge's secret


def test_other_senders_are_not_reserved():
    assert not is_reserved("telegram46") and not is_reserved("mi-telegram:46") and not is_reserved("")


@pytest.mark.parametrize(
    ("given", "secret", "authentic"),
    [
        ("s3cr3t", "s3cr3t", True),
        ("otro", "s3cr3t", False),
        (None, "s3cr3t", False),
        ("", "s3cr3t", False),
        ("", "", False),  # no secret configured: never
        ("s3cr3t", "", False),
        ("señal", "s3cr3t", False),  # not ASCII: refused, not an error
    ],
)
def test_the_bridge_is_known_by_its_secret(given, secret, authentic):
    assert bridge_authentic(given, secret) is authentic


@pytest.mark.parametrize("value", [{}, {"pagina": "inicio"}, {"a": "é" * 500}])
def test_a_small_json_object_of_metadata_is_kept(value):
    assert bounded_metadata(value, 2048) == value


@pytest.mark.parametrize(
    "value",
    [
        None,
        "x",
        ["a"],
        12,
        {"a": "x" * 3000},
        {"a": "é" * 1100},  # 2,200 bytes in UTF-8
        {"a": b"bytes"},  # not JSON
    ],
)
def test_other_metadata_is_dropped(value):
    assert bounded_metadata(value, 2048) is None


def test_metadata_is_measured_as_compact_json():
    value = {"k": "v" * 10}
    size = len(json.dumps(value, separators=(",", ":")))
    assert bounded_metadata(value, size) == value and bounded_metadata(value, size - 1) is None


@pytest.mark.parametrize(("value", "name"), [("rest", "rest"), ("mi_canal2", "mi_canal2"), ("", "rest")])
def test_input_channel_is_a_short_name_or_the_channels_own(value, name):
    assert channel_name(value, "rest") == name


@pytest.mark.parametrize("value", ["x" * 33, "REST", "canal con espacio", "x" * 200_000, "1rest"])
def test_an_odd_input_channel_is_the_channels_own(value):
    assert channel_name(value, "rest") == "rest"


@pytest.mark.parametrize(
    ("origin", "host", "allowed"),
    [
        (None, "127.0.0.1:5005", True),  # curl, the bridge: no Origin
        ("", "127.0.0.1:5005", True),
        ("http://localhost:8080", "127.0.0.1:5005", True),
        ("http://127.0.0.1:5005", "127.0.0.1:5005", True),  # Rasa's own page
        ("https://otro-sitio.example", "127.0.0.1:5005", False),
        ("null", "127.0.0.1:5005", False),  # a sandboxed frame or a file
        ("http://[::1", "127.0.0.1:5005", False),  # not a URL
        ("https://otro-sitio.example", None, False),
    ],
)
def test_browsers_are_allowed_from_the_configured_origins_only(origin, host, allowed):
    assert origin_allowed(origin, host, ALLOWED) is allowed


def test_every_origin_is_allowed_with_a_star():
    assert origin_allowed("https://otro-sitio.example", "127.0.0.1:5005", ["*"])


@pytest.mark.parametrize("sender", ["telegram:46", "3f2a9c0d1b", "x-" + "a" * 32])
def test_the_privacy_notice_quotes_a_stored_sender_id(sender):
    assert privacy_notice(30, "", sender).endswith(f"identificador de conversación: {sender}")


@pytest.mark.parametrize("sender", ["<script>alert(1)</script>", "a" * 129, "con espacio", "x\ny"])
def test_the_privacy_notice_never_echoes_another_sender_id(sender):
    notice = privacy_notice(30, "", sender)
    assert sender not in notice and "<" not in notice
    assert notice.endswith("(tu identificador no se puede mostrar aquí)")


def test_the_channel_settings_have_safe_defaults(monkeypatch):
    for name in ("MAX_BODY_BYTES", "MAX_METADATA_BYTES", "TELEGRAM_BRIDGE_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert settings.max_body_bytes() == 262_144 and settings.max_metadata_bytes() == 2048
    assert settings.telegram_bridge_secret() == ""
    monkeypatch.setenv("MAX_BODY_BYTES", "1000")
    assert settings.max_body_bytes() == 1000


def _exchange(monkeypatch, secret: str | None, status: int = 200) -> tuple[list[httpx.Request], object]:
    """What the bridge's client sends to a stand-in Rasa answering ``status``, and what ``send`` gives."""
    if secret is None:
        monkeypatch.delenv("TELEGRAM_BRIDGE_SECRET", raising=False)
    else:
        monkeypatch.setenv("TELEGRAM_BRIDGE_SECRET", secret)
    seen: list[httpx.Request] = []

    def rasa(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=[{"recipient_id": "telegram:46", "text": "hola"}])

    async def send() -> object:
        client = RasaClient(
            "http://rasa.invalid", client=httpx.AsyncClient(transport=httpx.MockTransport(rasa))
        )
        try:
            return await client.send("telegram:46", "hola")
        except RasaUnavailable as problem:
            return problem
        finally:
            await client.close()

    return seen, asyncio.run(send())


def test_the_bridge_sends_its_secret_to_rasa(monkeypatch):
    seen, replies = _exchange(monkeypatch, "s3cr3t")
    assert seen[0].headers[BRIDGE_SECRET_HEADER] == "s3cr3t" and replies == [
        {"recipient_id": "telegram:46", "text": "hola"}
    ]


def test_without_a_secret_the_bridge_sends_none(monkeypatch):
    seen, _ = _exchange(monkeypatch, None)
    assert BRIDGE_SECRET_HEADER not in seen[0].headers


def test_a_refusal_of_the_bridge_says_what_to_set(monkeypatch):
    _, problem = _exchange(monkeypatch, "otro", status=403)
    assert isinstance(problem, RasaUnavailable) and "TELEGRAM_BRIDGE_SECRET" in str(problem)
