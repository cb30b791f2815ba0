"""The shared database's password: from the keyring, or asked for when the server wants one —
never from the settings file, which keeps the database URL without it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL

from app.errors import QT_TRANSLATE_NOOP, DatabaseUnavailable
from app.secrets import SecretUnavailable, get_secret, set_secret

PasswordPrompt = Callable[[str], str]  # shown the database's name (no password); returns "" to give up


def _bare(url: URL) -> URL:
    # URL.set(password=None) would leave the password as it is.
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)


def secret_name(url: URL) -> str:
    return "db-password:" + _bare(url).render_as_string(hide_password=False)


def without_password(url: URL) -> tuple[URL, str | None]:
    """The URL to keep in the settings, and the password taken out of it."""
    return _bare(url), None if url.password is None else str(url.password)


def remember(url: URL, password: str) -> None:
    """Keeps the password in the keyring (raises SecretUnavailable where there is no secure one)."""
    set_secret(secret_name(url), password)


def install(engine: Engine, url: URL, ask: PasswordPrompt | None) -> None:
    """Supplies the password at connect time, only when the server asks for one; asks once."""
    if url.password is not None:
        return
    known: dict[str, str] = {}

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        if "password" in known:
            cparams["password"] = known["password"]
            return None
        try:
            return dialect.connect(*cargs, **cparams)
        except Exception as exc:
            if "password" not in str(exc):
                raise
        password = _find(url, ask)
        known["password"] = cparams["password"] = password
        return None


def _find(url: URL, ask: PasswordPrompt | None) -> str:
    try:
        return get_secret(secret_name(url))
    except SecretUnavailable:
        pass
    name = _bare(url).render_as_string(hide_password=True)
    password = ask(name) if ask is not None else ""
    if not password:
        raise DatabaseUnavailable(
            QT_TRANSLATE_NOOP("DeskError", "数据库 {name} 需要密码：请在提示时输入，或先存入系统密钥环。"),
            name=name,
        )
    return password
