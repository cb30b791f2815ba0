"""Secrets in the system keyring — and nowhere else. Without a secure backend, fail closed: the
caller asks the user each time; nothing is ever written in plain text."""

from __future__ import annotations

import logging

import keyring
import keyring.errors

from app.errors import QT_TRANSLATE_NOOP, DeskError

log = logging.getLogger(__name__)

SERVICE = "DisclosureDesk"
_INSECURE_BACKENDS = ("keyring.backends.fail", "keyrings.alt.file.PlaintextKeyring", "keyring.backends.null")


class SecretUnavailable(DeskError):
    """No secure keyring here, or it holds nothing under that name: ask the user."""


def secure_backend() -> bool:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    return getattr(backend, "priority", 0) > 0 and not name.startswith(_INSECURE_BACKENDS)


def _require_backend() -> None:
    if not secure_backend():
        raise SecretUnavailable(
            QT_TRANSLATE_NOOP(
                "DeskError", "本机没有安全的密钥环（如 Secret Service），密钥不会保存，每次使用时需要输入。"
            )
        )


def get_secret(name: str) -> str:
    _require_backend()
    try:
        value = keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise SecretUnavailable(
            QT_TRANSLATE_NOOP("DeskError", "读取密钥环失败：{reason}"), reason=str(exc)
        ) from exc
    if value is None:
        raise SecretUnavailable(QT_TRANSLATE_NOOP("DeskError", "密钥环中没有“{name}”。"), name=name)
    return value


def set_secret(name: str, value: str) -> None:
    _require_backend()
    try:
        keyring.set_password(SERVICE, name, value)
    except keyring.errors.KeyringError as exc:
        raise SecretUnavailable(
            QT_TRANSLATE_NOOP("DeskError", "写入密钥环失败：{reason}"), reason=str(exc)
        ) from exc
    log.info("secret %s stored in the keyring", name)  # the name only, never the value


def portal_token_name(url: str) -> str:
    return f"portal-token:{url.rstrip('/')}"
