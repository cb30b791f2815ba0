"""Errors the core raises, carrying a translatable message template and its parameters.

The core does not translate: the template is the Chinese source text, wrapped in
QT_TRANSLATE_NOOP so that Qt's lupdate collects it; the UI translates it with Qt, the CLI prints
it as it is.
"""

from __future__ import annotations

from typing import Any

TRANSLATION_CONTEXT = "DeskError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for translation without translating it (the Qt idiom, without Qt)."""
    return text


class TranslatableError(Exception):
    """Base of every error whose message a user sees."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def localized(self, translate: Any) -> str:
        """The message through a translate(context, text) function such as QCoreApplication.translate."""
        return str(translate(TRANSLATION_CONTEXT, self.template)).format(**self.params)


class DocumentRejected(TranslatableError):
    """A file that cannot be taken in: unreadable, encrypted, empty, too large or wrongly named."""

    def __init__(self, name: str, template: str, **params: Any) -> None:
        super().__init__(template, name=name, **params)


class EncryptedDocument(DocumentRejected):
    """An encrypted PDF: it can be taken in once its password is given."""
