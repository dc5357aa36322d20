"""Two measured fixes for Rasa 3.6's hot paths, installed when Rasa loads our channels.

- Rasa checks every action-server response with ``jsonschema.validate()``, which re-checks the schema and
  builds a new validator on each call: about 18 ms with jsonschema 4.17, and two or three calls a turn.
  It took two thirds of Rasa's CPU under load (py-spy). Here one validator is built once and reused: the
  same schema and the same errors, about 0.3 ms a call.
- Rasa parses a message (the NLU graph) synchronously on its one event loop, and a quarter of that loop's
  time under load is the e5 embedding, which runs in C without the GIL. Here, while other turns are in
  progress, the NLU graph runs in one worker thread, so the loop goes on with those turns (trackers,
  policies, action calls) on the other core meanwhile; one thread, so the NLU components never run twice
  at once. A turn alone (no other turn in progress, no parse in the thread) is parsed on the loop as
  before: the hop to the thread and back would only cost it.
  10 concurrent senders: p95 610 -> 441 ms, median of three (docs/evaluation.md, eighth pass). It needs the
  launcher's one OpenMP and one OpenBLAS thread for Rasa (``ops/serve.py``): with their default two each,
  the extra threads competed for the same two cores.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.trackers import DialogueStateTracker


@lru_cache(maxsize=1)
def _response_validator() -> Validator:
    spec = RemoteAction.action_response_format_spec()
    cls = validator_for(spec)
    cls.check_schema(spec)
    return cls(spec)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _response_validator().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


_rasa_parse_message = MessageProcessor.parse_message
_rasa_handle_message = MessageProcessor.handle_message
_turns_in_progress = 0
_parses_in_thread = 0  # sent to the NLU thread and not yet back: while any is, nothing parses on the loop


@lru_cache(maxsize=1)
def _nlu_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")


def _parse_left_thread() -> None:
    global _parses_in_thread
    _parses_in_thread -= 1


async def _parse_message(
    self: MessageProcessor,
    message: UserMessage,
    tracker: DialogueStateTracker | None = None,
    only_output_properties: bool = True,
) -> dict[str, Any]:
    """Rasa's ``parse_message``, with the NLU graph run in the NLU thread while other turns are in
    progress."""
    global _parses_in_thread
    alone = _turns_in_progress <= 1 and _parses_in_thread == 0
    if self.http_interpreter or alone:  # NLU on another server, or this turn alone
        return await _rasa_parse_message(self, message, tracker, only_output_properties)
    if tracker is None:
        tracker = DialogueStateTracker.from_events(message.sender_id, [])
    loop = asyncio.get_running_loop()
    _parses_in_thread += 1
    parsed = _nlu_thread().submit(self._parse_message_with_graph, message, tracker, only_output_properties)
    parsed.add_done_callback(lambda _: loop.call_soon_threadsafe(_parse_left_thread))  # even if cancelled
    parse_data = await asyncio.wrap_future(parsed)
    self._update_full_retrieval_intent(parse_data)
    self._check_for_unseen_features(parse_data)
    return parse_data


async def _handle_message(self: MessageProcessor, message: UserMessage) -> list[dict[str, Any]] | None:
    """Rasa's ``handle_message``, counting the turns in progress."""
    global _turns_in_progress
    _turns_in_progress += 1
    try:
        return await _rasa_handle_message(self, message)
    finally:
        _turns_in_progress -= 1


def install() -> None:
    """Make Rasa validate action responses with the prebuilt validator and, while other turns are in
    progress, parse in the NLU thread."""
    RemoteAction._validate_action_result = _validate_action_result
    MessageProcessor.parse_message = _parse_message
    MessageProcessor.handle_message = _handle_message
