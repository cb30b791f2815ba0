"""Engine, sessions and transactions. Nothing here assumes SQLite except where it says so."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app import field_limits
from app.db import credentials
from app.errors import QT_TRANSLATE_NOOP, ConflictError, DatabaseUnavailable

log = logging.getLogger(__name__)

# How long a second desk on the same SQLite file waits for the other's write to finish.
SQLITE_BUSY_TIMEOUT_S = 15


class Database:
    def __init__(
        self,
        url: str,
        busy_timeout_s: float = SQLITE_BUSY_TIMEOUT_S,
        ask_password: credentials.PasswordPrompt | None = None,
    ) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.busy_timeout_s = busy_timeout_s
        self.engine = _create_engine(url, self.is_sqlite, busy_timeout_s)
        if not self.is_sqlite:
            credentials.install(self.engine, self.url, ask_password)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Writers on SQLite take the write lock at BEGIN, so two desks on one file queue up instead
        # of failing halfway when a read snapshot turns out stale.
        self._write_sessions = sessionmaker(
            self.engine.execution_options(desk_write=True), expire_on_commit=False
        )
        # Text longer than its column is refused by name on every database (SQLite would keep it).
        field_limits.install(self._sessions)
        field_limits.install(self._write_sessions)

    @property
    def display_name(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _translated_errors(self.busy_timeout_s), self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: committed as a whole when the block ends, rolled back on any error."""
        with _translated_errors(self.busy_timeout_s), self._write_sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def add_if_absent(session: Session, row: object) -> None:
    """Inserts `row` unless a row with its key exists — also when another writer inserts the same
    key at the same moment: the insert runs in a savepoint, and losing that race is no error."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        pass


def _create_engine(url: str, is_sqlite: bool, busy_timeout_s: float) -> Engine:
    if not is_sqlite:
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": busy_timeout_s})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN, instead of pysqlite's own guesswork.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("desk_write") else "BEGIN")

    return engine


@contextmanager
def _translated_errors(busy_timeout_s: float) -> Iterator[None]:
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(
            QT_TRANSLATE_NOOP("DeskError", "该记录已被其他人修改，您的更改没有保存。请刷新后重试。")
        ) from exc
    except IntegrityError as exc:
        # Two people writing the same thing at the same moment: the loser's transaction is undone whole.
        log.warning("concurrent write refused: %s", exc.orig)
        raise ConflictError(
            QT_TRANSLATE_NOOP("DeskError", "有人同时修改了相同的数据，您的操作没有执行。请刷新后重试。")
        ) from exc
    except OperationalError as exc:
        text = str(exc.orig)
        if "locked" in text or "busy" in text:
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "数据库正被另一个审发台进程长时间占用（等待 {seconds} 秒仍未释放），请稍后重试。",
                ),
                seconds=round(busy_timeout_s),
            ) from exc
        if exc.connection_invalidated or "terminat" in text or "closed" in text or "connect" in text:
            # The pool drops the dead connections; the next action connects afresh.
            raise DatabaseUnavailable(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "与数据库的连接中断（服务器可能已重启），刚才的操作没有完成，也没有留下任何改动。请重试。",
                )
            ) from exc
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("DeskError", "数据库访问失败：{reason}"), reason=text
        ) from exc
