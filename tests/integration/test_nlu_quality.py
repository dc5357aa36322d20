"""The trained model (models/, built by `make model`) on the fresh NLU test files of tests/nlu, which are
kept out of training: intent accuracy, entity F1, and out-of-scope messages landing on a domain intent."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from ..conftest import REPO
from ..servers import assistant_missing, skip_or_fail


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if assistant_missing():
        skip_or_fail(assistant_missing())
    model = max((REPO / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "RASA_TELEMETRY_ENABLED": "false",
        "LOG_LEVEL": "ERROR",
        "TF_CPP_MIN_LOG_LEVEL": "3",
    }
    run = subprocess.run(
        [str(REPO / ".venv-rasa" / "bin" / "python"), str(REPO / "bench" / "nlu_eval.py"), str(model)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_fresh_messages_get_the_right_intent(scores: dict[str, float]) -> None:
    assert scores["test_messages"] >= 200
    assert scores["test_intent_accuracy"] >= 0.92


def test_entities_are_whole_names(scores: dict[str, float]) -> None:
    assert scores["test_entity_f1"] >= 0.92


def test_out_of_scope_does_not_land_on_a_domain_intent(scores: dict[str, float]) -> None:
    assert scores["oos_messages"] >= 60
    assert scores["oos_routed_to_domain"] <= 0.05
