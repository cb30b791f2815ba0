"""Secrets in the system keyring — and nowhere else. Without a secure backend, fail closed: the
caller asks the user each time; nothing is ever written in plain text."""

from __future__ import annotations

import logging
import sys

import keyring
import keyring.errors

from app.errors import QT_TRANSLATE_NOOP, DeskError

log = logging.getLogger(__name__)

SERVICE = "DisclosureDesk"
_INSECURE_BACKENDS = ("keyring.backends.fail", "keyrings.alt.file.PlaintextKeyring", "keyring.backends.null")
# keyrings.alt's encrypted file asks for its master password with getpass on the terminal (and
# gets EOFError where there is none): it is usable only once unlocked, or where someone can type.
_PROMPTING_BACKENDS = ("keyrings.alt.file.EncryptedKeyring",)
# What a backend raises besides KeyringError: EOFError from a prompt nobody can answer, ValueError
# from keyrings.alt on a wrong master password, OSError from a keyring file that cannot be read.
_BACKEND_ERRORS = (keyring.errors.KeyringError, EOFError, ValueError, OSError)


class SecretUnavailable(DeskError):
    """No secure keyring here, or it holds nothing under that name: ask the user."""


def _name(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def _usable(backend: object) -> bool:
    """A backend that stores secrets encrypted and can be used here without a prompt nobody answers."""
    name = _name(backend)
    if getattr(backend, "priority", 0) <= 0 or name.startswith(_INSECURE_BACKENDS):
        return False
    if name.startswith(_PROMPTING_BACKENDS) and "keyring_key" not in vars(backend):
        return _interactive()
    return True


def secure_backend() -> bool:
    """True when secrets would be written to a secure keyring usable here.

    keyring's chainer (its default wherever several backends are installed) writes to the first of
    its backends: that one decides. A chain led by keyrings.alt's plain-text file is not secure; one
    led by its encrypted file is not usable without a terminal to type the file's password in."""
    from keyring.backends.chainer import ChainerBackend

    backend = keyring.get_keyring()
    if isinstance(backend, ChainerBackend):
        chain = list(backend.backends)
        return bool(chain) and _usable(chain[0])
    return _usable(backend)


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
    except _BACKEND_ERRORS as exc:
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
    except _BACKEND_ERRORS as exc:
        raise SecretUnavailable(
            QT_TRANSLATE_NOOP("DeskError", "写入密钥环失败：{reason}"), reason=str(exc)
        ) from exc
    log.info("secret %s stored in the keyring", name)  # the name only, never the value


def portal_token_name(url: str) -> str:
    return f"portal-token:{url.rstrip('/')}"
