"""An out-of-domain check after the intent classifier, on the e5 sentence embeddings.

A classifier's confidence is not a distance: DIET gave a message about car tyres a domain intent at 0.99,
and the logistic regression spreads probability over the intents it knows. Here a
domain intent is kept only if the message is close to one of that intent's training examples (cosine
similarity of the e5 embeddings, ``min_similarity``); otherwise its confidence is set to 0, so the
FallbackClassifier sends the turn to retrieval or an honest "not found". Intents that are refusals or
redirections (``exempt_intents``) are never demoted, nor is a message that names one of the domain's
entities (``keep_with_entities``: a state), so the entity extractors run before this component: «y nuevo
leon» is about the initiative however far its wording is from the examples.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    FEATURE_TYPE_SENTENCE,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

EXAMPLES_FILE = "examples.npz"


def sentence_embedding(message: Message) -> np.ndarray | None:
    """The message's dense sentence feature (the e5 embedding), unit length, if it has one."""
    dense = [
        f.features
        for f in message.features
        if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_dense()
    ]
    if not dense:
        return None
    vector = np.asarray(dense[0], dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class NeighbourGate(GraphComponent, IntentClassifier):
    """Demotes a domain intent whose training examples are all far from the message."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "min_similarity": 0.88,
            "exempt_intents": ["fuera_de_tema", "opinion_politica", "otro_idioma", "mensaje_vacio"],
            "keep_with_entities": ["estado"],
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        embeddings: np.ndarray | None = None,
        intents: np.ndarray | None = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._embeddings = embeddings if embeddings is not None else np.zeros((0, 0), dtype=np.float32)
        self._intents = intents if intents is not None else np.zeros(0, dtype=str)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NeighbourGate:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Keeps the embedding and intent of every training example."""
        pairs = [
            (vector, example.get(INTENT))
            for example in training_data.intent_examples
            if (vector := sentence_embedding(example)) is not None
        ]
        if not pairs:
            logger.warning("NeighbourGate: no e5 sentence features in the training data; it will do nothing")
            return self._resource
        self._embeddings = np.stack([vector for vector, _ in pairs])
        self._intents = np.array([intent for _, intent in pairs])
        with self._storage.write_to(self._resource) as directory:
            np.savez(directory / EXAMPLES_FILE, embeddings=self._embeddings, intents=self._intents)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NeighbourGate:
        try:
            with model_storage.read_from(resource) as directory:
                stored = np.load(directory / EXAMPLES_FILE)
                return cls(config, model_storage, resource, stored["embeddings"], stored["intents"])
        except (ValueError, FileNotFoundError):
            logger.warning("NeighbourGate: nothing stored in the model; it will do nothing")
            return cls(config, model_storage, resource)

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets the confidence of a far-off domain intent to 0 (the first of the ranking too)."""
        exempt = set(self._config["exempt_intents"])
        keep = set(self._config["keep_with_entities"])
        for message in messages:
            intent = message.get(INTENT) or {}
            name = intent.get("name")
            vector = sentence_embedding(message)
            if not name or name in exempt or vector is None or not len(self._intents):
                continue
            if any(entity.get(ENTITY_ATTRIBUTE_TYPE) in keep for entity in message.get(ENTITIES) or []):
                continue
            examples = self._embeddings[self._intents == name]
            nearest = float((examples @ vector).max()) if len(examples) else 0.0
            if nearest < self._config["min_similarity"]:
                intent["confidence"] = 0.0
                for ranked in message.get(INTENT_RANKING_KEY) or []:
                    if ranked.get("name") == name:
                        ranked["confidence"] = 0.0
        return messages
