"""Errors of the desk's state layer. Each carries a translatable Chinese message (see review.errors)."""

from __future__ import annotations

from review.errors import QT_TRANSLATE_NOOP, DocumentRejected, TranslatableError

__all__ = [
    "QT_TRANSLATE_NOOP",
    "AuthenticationFailed",
    "ConflictError",
    "DatabaseUnavailable",
    "DeskError",
    "DocumentRejected",
    "InvalidTransition",
    "NotFound",
    "PermissionDenied",
    "TranslatableError",
    "ValidationFailed",
]


class DeskError(TranslatableError):
    """Base of the state layer's errors; the CLI maps it to exit code 2."""


class PermissionDenied(DeskError):
    pass


class InvalidTransition(DeskError):
    pass


class ConflictError(DeskError):
    """Someone else changed the same record first; nothing of ours was written."""


class NotFound(DeskError):
    pass


class AuthenticationFailed(DeskError):
    pass


class ValidationFailed(DeskError):
    pass


class DatabaseUnavailable(DeskError):
    pass
