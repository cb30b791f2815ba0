"""A real, throwaway PostgreSQL server on 127.0.0.1 for the tests (Debian's postgresql package).

`DESK_TEST_PG_URL=postgresql+psycopg://user:pw@host:port/db` uses a server of your own instead:
each test then gets a database of its own on it, created and dropped by the tests.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

_counter = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self) -> None:
        self.own_url = os.environ.get("DESK_TEST_PG_URL")
        self.folder: Path | None = None
        self.port = 0
        self._bin: Path | None = None

    # -- lifetime ------------------------------------------------------------------------------

    def start(self) -> PostgresServer:
        if self.own_url:
            return self
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise RuntimeError(
                "PostgreSQL is not installed: run scripts/setup.sh --tests (it installs postgresql)"
            )
        self._bin = Path(found[-1]).parent
        self.folder = Path(tempfile.mkdtemp(prefix="desk-pg-"))
        self.port = _free_port()
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.folder, "postgres")
        self._run(
            "initdb",
            "-D",
            str(self.folder / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start_server()
        return self

    def start_server(self) -> None:
        assert self.folder is not None
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop_server(self, mode: str = "fast") -> None:
        assert self.folder is not None
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        """Stops the server the hard way (connections cut) and starts it again."""
        self.stop_server("immediate")
        self.start_server()

    def close(self) -> None:
        if self.folder is not None:
            try:
                self.stop_server("immediate")
            finally:
                shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool: str, *args: str) -> None:
        assert self._bin is not None
        command = [str(self._bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def add_password_role(self, role: str, password: str) -> str:
        """A role that must log in with a password (scram); returns a URL for it without the password."""
        assert self.folder is not None, "needs the server the tests started"
        hba = self.folder / "data" / "pg_hba.conf"
        line = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
        content = hba.read_text()
        if line not in content:
            hba.write_text(line + content)  # first match wins: before the trust lines
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-w", "reload")
        database = self.create_database()
        with self._admin() as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            conn.execute(f"{'ALTER' if exists else 'CREATE'} ROLE {role} LOGIN PASSWORD '{password}'")
            conn.execute(f'ALTER DATABASE "{make_url(database).database}" OWNER TO {role}')
        return make_url(database).set(username=role, password=None).render_as_string(hide_password=False)

    # -- databases -----------------------------------------------------------------------------

    @property
    def admin_url(self) -> str:
        return self.own_url or f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self, template: str | None = None) -> str:
        """A fresh database, empty or a copy of the database named `template`; returns its URL."""
        name = f"desk_test_{os.getpid()}_{next(_counter)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self) -> psycopg.Connection:
        url = make_url(self.admin_url)
        return psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database,
            autocommit=True,
        )
