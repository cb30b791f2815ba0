"""Opens the desk's workspace: data directory, settings, database (migrated), logging."""

from __future__ import annotations

import logging
import logging.handlers
import os
from dataclasses import dataclass
from pathlib import Path

from app import audit_anchor
from app.db import migrate
from app.db.credentials import PasswordPrompt
from app.db.database import Database
from app.paths import Paths
from app.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    paths: Paths
    settings: Settings
    db: Database
    log_handler: logging.Handler | None = None

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        db_url: str | None = None,
        ask_password: PasswordPrompt | None = None,
    ) -> Workspace:
        paths = Paths.resolve(data_dir)
        paths.ensure()
        handler = _log_to_file(paths.log_file)
        settings = Settings.load(paths.settings_file)
        db = Database(db_url or settings.db_url or paths.default_db_url(), ask_password=ask_password)
        if db.is_sqlite and db.url.database:
            owner_only(Path(db.url.database))
        migrate.upgrade(db, paths.backups_dir)
        audit_anchor.attach(db, paths.data_dir)  # writes are sealed and checkpointed outside the database
        log.info("workspace %s, database %s", paths.data_dir, db.display_name)
        return cls(paths, settings, db, handler)

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

    def close(self) -> None:
        self.db.dispose()
        # A process that opens workspace after workspace (the tests, in-process commands) would
        # otherwise keep every data directory's log open and write each record into all of them.
        if self.log_handler is not None:
            logging.getLogger().removeHandler(self.log_handler)
            self.log_handler.close()


def owner_only(database: Path) -> None:
    """The SQLite file, created owner-only before SQLite does (its journal and WAL follow the file's
    mode), and tightened if an older desk left it readable to others."""
    if database.name == ":memory:":
        return
    database.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(database, os.O_CREAT | os.O_WRONLY, 0o600))
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if path.exists():
            path.chmod(0o600)


def _log_to_file(path: Path) -> logging.Handler | None:
    """The handler added for this data directory's log; None when another open workspace of the same
    directory logs there already (it keeps the handler and closes it)."""
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return None
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return handler
