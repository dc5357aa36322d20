"""Voice notes: Telegram's audio decoded in memory (PyAV) and transcribed offline (faster-whisper).

Transcription runs in one worker thread, so the event loop, and with it every other chat, goes on
meanwhile; notes wait their turn, at most ``QUEUE_LIMIT`` of them. The model loads once per process, on the
first voice note (faster-whisper, CTranslate2 and the weights are only imported then). Audio never
touches the disk and is dropped once transcribed; nothing of it is logged.
"""

from __future__ import annotations

import asyncio
import functools
import io
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

SAMPLE_RATE = 16_000  # what Whisper hears
TOLERANCE_S = 1.0  # Telegram rounds a note's duration to whole seconds
QUEUE_LIMIT = 8  # voice notes waiting for the worker, past which one is refused
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")  # what a model directory must hold
#: Whisper's initial prompt: the words people ask about, so «Jalisco» is not heard as «halizo».
PROMPT = (
    "Preguntas sobre Gobierno Abierto: Cocreación desde lo local, el INAI, el SNT, los Secretariados "
    "Técnicos Locales (STL), los planes de acción, las recomendaciones y las guías, en {places}."
)


class VoiceError(Exception):
    """A voice note that cannot be turned into text; the subclass says why."""


class TooLong(VoiceError):
    """The audio lasts longer than allowed."""


class Undecodable(VoiceError):
    """The file is not audio PyAV can read, or holds no sound."""


class Busy(VoiceError):
    """Too many voice notes are waiting for the worker."""


class ModelUnavailable(VoiceError):
    """The Whisper model directory is missing or cannot be loaded."""


def decode(data: bytes, max_seconds: float) -> np.ndarray:
    """``data`` (OGG/Opus, MP3, M4A, WAV…) as 16 kHz mono float32 samples. Raises :class:`TooLong` as
    soon as more than ``max_seconds`` (plus a second of rounding) is decoded, :class:`Undecodable` when
    it is not audio or holds none."""
    import av

    limit = int((max_seconds + TOLERANCE_S) * SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise Undecodable("no audio stream")
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    samples = out.to_ndarray().reshape(-1)
                    total += samples.size
                    if total > limit:
                        raise TooLong(f"more than {max_seconds:.0f} s")
                    chunks.append(samples)
            chunks.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(None))
    except av.FFmpegError as problem:
        raise Undecodable(type(problem).__name__) from None
    if not chunks or not sum(chunk.size for chunk in chunks):
        raise Undecodable("no samples")
    return np.concatenate(chunks).astype(np.float32) / 32768.0


def model_problem(model_dir: str) -> str:
    """Why ``model_dir`` is not a CTranslate2 Whisper model directory; empty when it looks like one."""
    missing = [name for name in MODEL_FILES if not (Path(model_dir) / name).is_file()]
    if missing:
        return f"{model_dir} lacks {', '.join(missing)}: run `make whisper` or set WHISPER_MODEL"
    return ""


@functools.lru_cache(maxsize=2)
def _load(model_dir: str) -> Any:
    """One WhisperModel per directory and process: int8 on the CPU, never from the network."""
    from faster_whisper import WhisperModel

    threads = max(1, min(4, os.cpu_count() or 1))
    return WhisperModel(
        model_dir,
        device="cpu",
        compute_type="int8",
        cpu_threads=threads,
        num_workers=1,
        local_files_only=True,
    )


class Transcriber:
    """Spanish speech to text with the CTranslate2 Whisper model in ``model_dir``, one note at a time in a
    worker thread; notes longer than ``max_seconds`` are refused. ``places`` (the states' names) go in
    Whisper's prompt."""

    def __init__(self, model_dir: str, max_seconds: float, places: Sequence[str] = ()) -> None:
        self.model_dir = model_dir
        self.max_seconds = max_seconds
        self.prompt: str | None = PROMPT.format(places=", ".join(places) or "México")
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        self._pending = 0
        self._lock = threading.Lock()

    def available(self) -> str:
        """Empty when the model directory looks usable; else what is wrong (checked without loading)."""
        return model_problem(self.model_dir)

    def _model(self) -> Any:
        problem = self.available()
        if problem:
            raise ModelUnavailable(problem)
        try:
            return _load(self.model_dir)
        except Exception as failure:  # noqa: BLE001 - any loading failure means no voice notes, not a crash
            raise ModelUnavailable(f"{self.model_dir}: {type(failure).__name__}: {failure}") from None

    def transcribe_now(self, data: bytes) -> str:
        """Decode and transcribe ``data`` in the calling thread (Spanish, voice-activity filter on)."""
        audio = decode(data, self.max_seconds)
        model = self._model()
        segments, _ = model.transcribe(
            audio,
            language="es",
            vad_filter=True,
            initial_prompt=self.prompt,
            condition_on_previous_text=False,
        )
        return " ".join(segment.text.strip() for segment in segments).strip()

    async def transcribe(self, data: bytes) -> str:
        """:meth:`transcribe_now` in the worker thread; raises :class:`Busy` when too many notes wait."""
        with self._lock:
            if self._pending >= QUEUE_LIMIT:
                raise Busy(f"{self._pending} voice notes waiting")
            self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._executor, self.transcribe_now, data)
        finally:
            with self._lock:
                self._pending -= 1

    def close(self) -> None:
        """Stop the worker; notes still waiting are dropped."""
        self._executor.shutdown(wait=False, cancel_futures=True)
