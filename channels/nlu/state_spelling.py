"""A pipeline step after PlainText: a misspelt state name is written as the state's name is spelt.

«guanajuto tiene stl», «oaxaka cuando entro»: no lookup table or n-gram recognises the state, so the intent
classifier is unsure and no entity is extracted. Here a word of five or more letters that the training
data never uses and that is close to a word of a state's name is replaced by that word
(``common.spelling.Speller``), so the lookup table and the classifier see «guanajuato». The words of the
training examples are never corrected («pueblo» stays, although close to «puebla»). The state words come
from the training data's lookup table (``lookup``, generated from knowledge/ by ops/generate.py). Entity
offsets refer to the corrected text.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from common.spelling import Speller, words

logger = logging.getLogger(__name__)

WORDS_FILE = "state_spelling.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class StateSpelling(GraphComponent):
    """Rewrites misspelt words of state names in each message's text; adds no features."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "lookup": "estado",
            "cutoff": 0.8,
            "min_letters": 5,
            # words of the states' names that are ordinary words, never a correction's target
            "ordinary": ["estado", "estados", "ciudad", "nuevo", "nueva", "distrito", "federal", "mexico"],
            # ordinary words close to a word of a state's name that no training example may use: never
            # corrected («señora» is not «Sonora», «prueba» not «Puebla»)
            "kept": ["señora", "señoras", "señor", "señores", "prueba", "pruebas", "colina", "colinas"],
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        speller: Speller | None = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._speller = speller

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> StateSpelling:
        return cls(config, model_storage, resource)

    def _make_speller(self, targets: list[str], known: list[str]) -> Speller:
        return Speller(targets, known, float(self._config["cutoff"]), int(self._config["min_letters"]))

    def train(self, training_data: TrainingData) -> Resource:
        """Collects the states' words from the lookup table and the words of the training examples."""
        elements = [
            element
            for table in training_data.lookup_tables
            if table.get("name") == self._config["lookup"]
            for element in table.get("elements", [])
            if isinstance(element, str)
        ]
        if not elements:
            logger.warning("StateSpelling: no lookup table %r; it will do nothing", self._config["lookup"])
            return self._resource
        state_words = {word for element in elements for word in words(element)}
        targets = sorted(
            word
            for word in state_words
            if len(word) >= self._config["min_letters"] and word not in self._config["ordinary"]
        )
        known = sorted(
            state_words
            | {word for example in training_data.training_examples for word in words(example.get(TEXT) or "")}
            | {word for kept in self._config["kept"] for word in words(kept)}
        )
        self._speller = self._make_speller(targets, known)
        with self._storage.write_to(self._resource) as directory:
            (directory / WORDS_FILE).write_text(
                json.dumps({"targets": targets, "known": known}), encoding="utf-8"
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> StateSpelling:
        try:
            with model_storage.read_from(resource) as directory:
                stored = json.loads((directory / WORDS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.warning("StateSpelling: nothing stored in the model; it will do nothing")
            return cls(config, model_storage, resource)
        component = cls(config, model_storage, resource)
        component._speller = component._make_speller(stored["targets"], stored["known"])
        return component

    def process(self, messages: list[Message]) -> list[Message]:
        """Each message with text gets its state words spelt right."""
        if self._speller is not None:
            for message in messages:
                if text := message.get(TEXT):
                    message.set(TEXT, self._speller.correct(text))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The training examples as they are: their words are the known words, never corrected."""
        return training_data
