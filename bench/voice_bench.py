"""Voice-note benchmark: transcription time and word error rate of Telegram's voice notes, offline.

    .venv/bin/python bench/voice_bench.py [--model DIR] [--runs 3]      (or `make bench-voice`)

Eight Spanish questions of this assistant's kind are said by espeak-ng (es-419, 130 words a minute) and
encoded as OGG/Opus, as Telegram sends voice notes (tests/integration/telegram_fakes.speak). Each is
transcribed as the bridge does (clients/telegram/voice.Transcriber: language es, VAD on, int8, the states'
prompt), and once more without the prompt. Prints one JSON line per sample (audio seconds, best time of
``--runs``, real-time factor, transcript, WER with and without accents) and a summary line with the
model's load time and the process's peak memory (ru_maxrss).

Measured 2026-12-06 on the 2-core development machine (Whisper base int8 from `make whisper`, 2 CTranslate2
threads; load average about 2 from other sessions' work), espeak-ng at 130 words a minute, best of 3 runs:
  with the prompt (as the bridge): 31.2 s of audio in 6.3 s, 0.56-0.93 s a sample (mean 0.78 s),
                                   real-time factor 0.20; WER 30.8 % with accents, 28.8 % without;
                                   3 of 8 exact, every state name right («Jalisco», «Oaxaca», «Nuevo León»)
  without the prompt:              real-time factor 0.27; WER 48.1 % with accents, 46.2 % without
                                   («Nuevo León» heard «huevo de hon», «Gobierno Abierto» «lo lleno abierto»)
  model load 0.4 s; peak memory 499 MB for this process (knowledge, PyAV, the model); in a bare process
  the model and one note add 268 MB (63 -> 331 MB).
Most errors are espeak-ng's robotic diction («estados participan» heard «se está mostratisipan», «guía»
«mira»): people's voices fare differently, so these figures compare versions of the bridge rather than
promise an accuracy. An earlier run under a load of about 8 on the 2 cores gave a real-time factor of 0.55.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from clients.telegram.voice import SAMPLE_RATE, Transcriber, _load, decode  # noqa: E402
from common.folding import fold  # noqa: E402
from common.settings import whisper_model  # noqa: E402
from knowledge import load_knowledge  # noqa: E402
from tests.integration.telegram_fakes import speak  # noqa: E402

QUESTIONS = [
    "¿Qué planes tiene Jalisco?",
    "¿Cuántos estados participan en la iniciativa de Gobierno Abierto?",
    "¿Qué dice la tercera recomendación?",
    "¿Oaxaca tiene Secretariado Técnico Local?",
    "Quiero la guía de cocreación de compromisos.",
    "¿Cuáles son las recomendaciones ante la pandemia?",
    "¿Cuándo se instaló el secretariado de Nuevo León?",
    "¿Con quién hablo para presentar una queja?",
]


def words(text: str, accents: bool) -> list[str]:
    text = text.lower() if accents else fold(text)
    return re.sub(r"[^\w\s-]", " ", text).split()


def wer(reference: str, heard: str, accents: bool = True) -> tuple[int, int]:
    """Word errors (substitutions, deletions, insertions) of ``heard`` against ``reference``, and the
    reference's length in words."""
    ref, hyp = words(reference, accents), words(heard, accents)
    row = list(range(len(hyp) + 1))
    for i, want in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, got in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (want != got))
    return row[-1], len(ref)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=whisper_model())
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    places = [state.name for state in load_knowledge().states]
    started = time.perf_counter()
    _load(args.model)
    load_s = time.perf_counter() - started
    notes = [(question, speak(question)) for question in QUESTIONS]
    summary: dict[str, object] = {
        "model": args.model,
        "load_s": round(load_s, 2),
        "date": time.strftime("%F"),
    }
    for label, transcriber in (
        ("prompt", Transcriber(args.model, 60, places)),
        ("no_prompt", Transcriber(args.model, 60)),
    ):
        if label == "no_prompt":
            transcriber.prompt = None
        totals = {"audio_s": 0.0, "time_s": 0.0, "errors": 0, "errors_folded": 0, "words": 0}
        for question, note in notes:
            seconds = len(decode(note, 60)) / SAMPLE_RATE
            best, heard = float("inf"), ""
            for _ in range(args.runs):
                begin = time.perf_counter()
                heard = transcriber.transcribe_now(note)
                best = min(best, time.perf_counter() - begin)
            errors, length = wer(question, heard)
            folded, _ = wer(question, heard, accents=False)
            for key, value in (("audio_s", seconds), ("time_s", best), ("errors", errors)):
                totals[key] += value
            totals["errors_folded"] += folded
            totals["words"] += length
            line = {"run": label, "audio_s": round(seconds, 2), "time_s": round(best, 2)}
            line |= {"rtf": round(best / seconds, 3), "said": question, "heard": heard}
            line |= {"wer": round(errors / length, 3), "wer_without_accents": round(folded / length, 3)}
            print(json.dumps(line, ensure_ascii=False))
        transcriber.close()
        summary[label] = {
            "audio_s": round(totals["audio_s"], 1),
            "time_s": round(totals["time_s"], 2),
            "rtf": round(totals["time_s"] / totals["audio_s"], 3),
            "wer": round(totals["errors"] / totals["words"], 3),
            "wer_without_accents": round(totals["errors_folded"] / totals["words"], 3),
        }
    summary["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
