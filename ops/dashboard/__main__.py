"""Start the knowledge team's dashboard, or make a password hash for it.

    python -m ops.dashboard                  serve on DASHBOARD_HOST:DASHBOARD_PORT (127.0.0.1:8090)
    python -m ops.dashboard hash-password    print a DASHBOARD_PASSWORD_HASH for a password typed twice

Settings (environment): DASHBOARD_TOKEN (required), DASHBOARD_PASSWORD_HASH, DASHBOARD_SESSION_HOURS (8),
DASHBOARD_HOST, DASHBOARD_PORT, TRACKER_STORE_URL (else build/tracker.db), POSTGRESQL_SCHEMA, LOG_LEVEL.
Behind a reverse proxy on this machine, uvicorn takes the client's address and scheme (HTTPS: the
session cookie is then Secure) from its X-Forwarded-For and X-Forwarded-Proto (FORWARDED_ALLOW_IPS,
uvicorn's own setting, 127.0.0.1 by default).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys

from common import settings
from common.redaction import install_log_redaction


def _hash_password() -> int:
    from ops.dashboard.auth import hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Contraseña: ")
        if getpass.getpass("Otra vez: ") != password:
            print("error: the two passwords differ", file=sys.stderr)
            return 1
    else:
        password = sys.stdin.readline().rstrip("\n")
    if len(password) < 12:
        print("error: use a password of at least 12 characters", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


def _serve(host: str, port: int) -> int:
    import uvicorn

    from ops.dashboard.app import create_app
    from ops.dashboard.auth import Config, config_problem

    try:
        config = Config.from_env()
    except ValueError as error:  # a setting that should be a number and is not
        print(f"error: {error}", file=sys.stderr)
        return 1
    problem = config_problem(config)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    app = create_app(config)  # reads the store before it listens: see Dashboard.lifespan
    print(f"Tablero en http://{host}:{port}/ (Ctrl-C para salir)", flush=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_config=None,  # the process's logging, redacted
        server_header=False,
        proxy_headers=True,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ops.dashboard",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", nargs="?", choices=["serve", "hash-password"], default="serve")
    parser.add_argument("--host", help="default: DASHBOARD_HOST, else 127.0.0.1")
    parser.add_argument("--port", type=int, help="default: DASHBOARD_PORT, else 8090")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO").upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    install_log_redaction()
    if args.command == "hash-password":
        return _hash_password()
    try:
        host = args.host or settings.dashboard_host()
        port = args.port if args.port is not None else settings.dashboard_port()
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return _serve(host, port)


if __name__ == "__main__":
    sys.exit(main())
