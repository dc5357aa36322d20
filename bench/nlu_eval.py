"""Score a trained Rasa NLU model on the fresh test files of tests/nlu (run it with .venv-rasa's Python).

For each message the final prediction is scored, as the dialogue sees it (after the FallbackClassifier
and the synonym mapper): intent accuracy, entity precision, recall and F1 (exact spans and entity
type), and, for the out-of-scope file, the share of messages that land on a domain intent, that is on
anything but a refusal intent or ``nlu_fallback`` (which goes to retrieval or an honest "not found").

    .venv-rasa/bin/python bench/nlu_eval.py MODEL.tar.gz [--errors]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
from pathlib import Path
from typing import Any

import structlog
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

logger = logging.getLogger(__name__)

TESTS = Path(__file__).resolve().parent.parent / "tests" / "nlu"
# Intents whose reply is a refusal or a redirection, not a domain answer.
NOT_DOMAIN = {"fuera_de_tema", "opinion_politica", "otro_idioma", "mensaje_vacio", "nlu_fallback"}


def _spans(entities: list[dict[str, Any]]) -> set[tuple[str, int, int]]:
    return {(e["entity"], e["start"], e["end"]) for e in entities}


async def _parse_all(agent: Agent, texts: list[str]) -> list[dict[str, Any]]:
    return [await agent.parse_message(text) for text in texts]


def _raw(result: dict[str, Any]) -> tuple[str, float]:
    """The classifier's own top intent and confidence, before the FallbackClassifier."""
    ranking = [r for r in result.get("intent_ranking") or [] if r["name"] != "nlu_fallback"]
    return (ranking[0]["name"], ranking[0]["confidence"]) if ranking else ("nlu_fallback", 0.0)


def sweep(gold: list[str], test: list[dict[str, Any]], oos: list[dict[str, Any]]) -> None:
    """Log test-file accuracy and out-of-scope share for a range of fallback thresholds."""
    for threshold in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):

        def final(result: dict[str, Any], threshold: float = threshold) -> str:
            name, confidence = _raw(result)
            return name if confidence >= threshold else "nlu_fallback"

        accuracy = sum(final(r) == g for r, g in zip(test, gold, strict=True)) / len(test)
        routed = sum(final(r) not in NOT_DOMAIN for r in oos) / len(oos)
        logger.info(
            "threshold %.2f: test accuracy %.3f, out of scope on a domain intent %.3f",
            threshold,
            accuracy,
            routed,
        )


def score(model: str, show_errors: bool = False) -> dict[str, float]:
    """Test-file intent accuracy and entity F1, and the out-of-scope share routed to a domain intent."""
    agent = Agent.load(model)
    test = load_data(str(TESTS / "prueba.yml")).intent_examples
    oos = load_data(str(TESTS / "fuera_de_alcance.yml")).intent_examples
    parsed = asyncio.run(_parse_all(agent, [m.get("text") for m in test + oos]))
    hits = tp = n_gold = n_pred = 0
    for message, result in zip(test, parsed[: len(test)], strict=True):
        predicted = result["intent"]["name"]
        hits += predicted == message.get("intent")
        gold, found = _spans(message.get("entities") or []), _spans(result.get("entities") or [])
        tp, n_gold, n_pred = tp + len(gold & found), n_gold + len(gold), n_pred + len(found)
        if show_errors and (predicted != message.get("intent") or gold != found):
            logger.info(
                "%s | want %s %s | got %s %.2f %s",
                message.get("text"),
                message.get("intent"),
                sorted(gold),
                predicted,
                result["intent"]["confidence"],
                sorted(found),
            )
    routed = 0
    for message, result in zip(oos, parsed[len(test) :], strict=True):
        predicted = result["intent"]["name"]
        routed += predicted not in NOT_DOMAIN
        if show_errors and predicted not in NOT_DOMAIN:
            logger.info(
                "OUT OF SCOPE %s | got %s %.2f",
                message.get("text"),
                predicted,
                result["intent"]["confidence"],
            )
    if show_errors:
        sweep([m.get("intent") for m in test], parsed[: len(test)], parsed[len(test) :])
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {
        "test_messages": len(test),
        "test_intent_accuracy": hits / len(test),
        "test_entity_f1": 2 * precision * recall / max(precision + recall, 1e-9),
        "oos_messages": len(oos),
        "oos_routed_to_domain": routed / len(oos),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument(
        "--errors", action="store_true", help="log every miss and a sweep of fallback thresholds"
    )
    args = parser.parse_args()
    logging.basicConfig(format="%(message)s")
    logger.setLevel(logging.INFO)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))
    print(json.dumps(score(args.model, args.errors)))


if __name__ == "__main__":
    main()
