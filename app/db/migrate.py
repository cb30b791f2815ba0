"""Brings a database to the newest schema at start-up, after a backup copy of a SQLite file."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db.database import Database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(db: Database, backups_dir: Path | None) -> Path | None:
    """Migrates to head; returns the backup made first, if any."""
    current, head = current_revision(db), head_revision()
    if current == head:
        return None
    backup = None
    if current is not None and db.is_sqlite and backups_dir is not None:
        backup = backup_sqlite(db, backups_dir, f"before-{head}")
    log.info("migrating database %s from %s to %s", db.display_name, current, head)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def backup_sqlite(db: Database, backups_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe while other desks use the file)."""
    from app.backup import copy_sqlite

    source_path = db.url.database
    assert source_path, "backup needs a file database"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"desk-{stamp}-{label}.sqlite3"
    copy_sqlite(Path(source_path), target)
    log.info("database backed up to %s", target)
    return target


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
