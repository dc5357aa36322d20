"""Start Rasa (``python -m channels.rasa_main run …``, in .venv-rasa), its API token off the command line.

``rasa run --auth-token <token>`` shows the token to every local user (``ps``, ``/proc/<pid>/cmdline``).
The launcher (ops/serve.py) passes RASA_API_TOKEN in the environment instead, which only the same user can
read; here it is added to Rasa's arguments inside the process, where ``ps`` does not see it.
"""

from __future__ import annotations

import os
import sys


def arguments(argv: list[str], token: str) -> list[str]:
    """Rasa's arguments: ``argv`` with ``--auth-token`` when the HTTP API is on and a token is given."""
    if token and "--enable-api" in argv:
        return [*argv, "--auth-token", token]
    return argv


if __name__ == "__main__":
    from rasa.__main__ import main  # here, so that ``arguments`` is tested without Rasa

    sys.argv = ["rasa", *arguments(sys.argv[1:], os.environ.pop("RASA_API_TOKEN", ""))]
    main()
