"""The action server in one process: ``python -m actions.server`` (runs in .venv).

``python -m rasa_sdk`` runs Sanic as a main process plus a worker that serves the port; when the worker
is killed (as an out-of-memory kill would pick it) the main process stays, the port stays open and
nothing answers again. Here the rasa-sdk application is served by a single process: if it dies the
launcher (ops/serve.py) sees it die and starts it again, and if it stops answering ``/health`` the
launcher stops it and starts it again. The knowledge, the index and the embedding model are loaded before
the port opens, so ``/health`` answers only when the server can answer people.

Configuration (environment): ACTIONS_HOST / ACTIONS_PORT (common/settings.py).
"""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic

from actions import errors, resources
from common import settings
from common.redaction import install_log_redaction


def application() -> Sanic:
    """The rasa-sdk application with this assistant's actions; only Rasa calls it, so no CORS. A failing
    action answers a short error, not the conversation (actions/errors.py)."""
    executor = ActionExecutor()
    executor.register_package("actions")
    app = create_app(executor, cors_origins=None)
    errors.install(app)
    return app


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    install_log_redaction()
    # Loaded before the port opens: a first action would otherwise load them on the event loop, and
    # /health would not answer meanwhile (the launcher would take the server for frozen).
    resources.searcher()
    resources.state_finder()
    application().run(
        host=settings.actions_host(),
        port=settings.actions_port(),
        single_process=True,
        access_log=False,
        motd=False,
    )


if __name__ == "__main__":
    main()
