"""PostgreSQL and Redis servers for the tests: Debian's packages, started on loopback in a temporary
folder, stopped and removed after the tests. `make services` installs the packages."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .servers import Process, port_taken

PG_USER, PG_PASSWORD, PG_DB = "asistente", "clave-de-prueba", "conversaciones"


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<version>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def services_missing() -> str:
    found = {"postgresql": postgres_bin(), "redis-server": shutil.which("redis-server")}
    missing = [name for name, path in found.items() if not path]
    return f"not installed: {', '.join(missing)} (run `make services`)" if missing else ""


def _as_db_user() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as Debian's ``postgres`` user."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Postgres:
    """A throwaway PostgreSQL cluster on 127.0.0.1:``port`` with one password-protected user and database.

    Its folder is made directly under the temporary directory: as root, the server runs as ``postgres``,
    which cannot enter pytest's private folders.
    """

    def __init__(self, port: int) -> None:
        if port_taken(port):
            raise RuntimeError(f"port {port} is taken: cannot start PostgreSQL for the tests")
        self.port = port
        self.folder = folder = Path(tempfile.mkdtemp(prefix="asistente-pg-"))
        data, password_file = folder / "data", folder / "password"
        password_file.write_text(PG_PASSWORD, encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
            shutil.chown(password_file, "postgres")
        binaries = postgres_bin()
        subprocess.run(
            [
                *_as_db_user(),
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                PG_USER,
                "--auth=scram-sha-256",
                f"--pwfile={password_file}",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
        )
        self._command = [
            *_as_db_user(),
            str(binaries / "postgres"),
            "-D",
            str(data),
            "-p",
            str(port),
            "-k",
            str(folder),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "fsync=off",
        ]
        self.resume()
        subprocess.run(
            [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, PG_DB],
            check=True,
            capture_output=True,
            env={**os.environ, "PGPASSWORD": PG_PASSWORD},
        )

    @property
    def url(self) -> str:
        return f"postgresql://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{self.port}/{PG_DB}"

    def halt(self) -> None:
        """Stop the server at once (clients cut off) and keep its data: an outage, ended by :meth:`resume`."""
        pg_ctl = [*_as_db_user(), str(postgres_bin() / "pg_ctl"), "-D", str(self.folder / "data")]
        subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], check=True, capture_output=True)
        self.server.stop()

    def resume(self) -> None:
        """Start the server (again) on its data; back when it accepts connections."""
        self.server = Process("postgres", self._command, dict(os.environ), self.folder)
        self._wait_ready(postgres_bin())

    def _wait_ready(self, binaries: Path) -> None:
        deadline = time.monotonic() + 60
        while (
            subprocess.run(
                [str(binaries / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
            ).returncode
            != 0
        ):
            if self.server.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL did not start:\n" + self.server.log_path.read_text()[-3000:])
            time.sleep(0.3)

    def stop(self) -> None:
        self.server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    """A throwaway Redis on 127.0.0.1:``port``, nothing saved to disk."""

    def __init__(self, folder: Path, port: int) -> None:
        if port_taken(port):
            raise RuntimeError(f"port {port} is taken: cannot start Redis for the tests")
        self.port = port
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.resume()

    def halt(self) -> None:
        """Kill the server (an outage, ended by :meth:`resume`); it keeps nothing."""
        self.server.process.kill()
        self.server.process.wait()
        self.server.log.close()

    def resume(self) -> None:
        """Start the server (again); back when its port answers."""
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.server = Process("redis", command, dict(os.environ), self.folder)
        deadline = time.monotonic() + 30
        while not port_taken(self.port):
            if self.server.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Redis did not start:\n" + self.server.log_path.read_text()[-3000:])
            time.sleep(0.2)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/1"

    def command(self, *args: str) -> str:
        """Run a redis-cli command against this server; its output."""
        return subprocess.run(
            ["redis-cli", "-p", str(self.port), *args], check=True, capture_output=True, text=True
        ).stdout

    def stop(self) -> None:
        self.server.stop()
