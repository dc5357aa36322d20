"""How long Rasa waits for the action server: ACTION_TIMEOUT_S (6 s) instead of Rasa 3.6's 5 minutes.

Runs inside Rasa (.venv-rasa). Rasa passes ``rasa.core.actions.action.DEFAULT_REQUEST_TIMEOUT`` to every
action call; with a frozen or dead action server a person waited 60 s (Sanic's response timeout) on REST
and 300 s on socket.io for nothing. After ACTION_TIMEOUT_S the turn fails and the channel apologises
(channels/inputs.py), while the launcher restarts the action server (ops/supervisor.py).
"""

from __future__ import annotations

from rasa.core.actions import action

from common import settings


def install() -> None:
    """Bound every call Rasa makes to the action server by ACTION_TIMEOUT_S."""
    action.DEFAULT_REQUEST_TIMEOUT = settings.action_timeout_s()
