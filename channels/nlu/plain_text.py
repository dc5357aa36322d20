"""The first step of the NLU pipeline: the words of a message as NLU should read them.

Markup tags are dropped and stretched letters said once (``common.hygiene.plain_words``), and number words
written as digits (``channels.nlu.numbers.with_digits``: «dos mil dieciocho» → «2018»), for training
examples and messages alike, before any tokenizer or featurizer sees the text. The tracker keeps what the
person wrote; the parse data (and so the actions' ``latest_message``) carries the plain words.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from channels.nlu.numbers import with_digits
from common.hygiene import plain_words


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class PlainText(GraphComponent):
    """Rewrites each message's text to its plain words; adds no features."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PlainText:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        """Each message with text gets its plain words, numbers in digits, as text."""
        for message in messages:
            text = message.get(TEXT)
            if text:
                message.set(TEXT, with_digits(plain_words(text)))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The training examples, rewritten in place."""
        self.process(training_data.training_examples)
        return training_data
