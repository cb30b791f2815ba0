"""Makes Chinese render on a machine with no CJK font: registers the one PyMuPDF carries."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.atomic import write_bytes_atomic

log = logging.getLogger(__name__)

FONT_FILE = "DroidSansFallback.ttf"


def install_cjk_fallback(app: QApplication, cache_dir: Path) -> str | None:
    """Adds the CJK font after the default family; returns its family name, or None if unavailable."""
    path = cache_dir / FONT_FILE
    if not path.exists():
        try:
            # Only on the first start: later starts read the cached copy and skip importing PyMuPDF.
            # Through review: it keeps PyMuPDF from loading its layout model (review/__init__.py).
            # isort: off
            import review  # noqa: F401
            import pymupdf

            # isort: on

            write_bytes_atomic(path, bytes(pymupdf.Font("cjk").buffer))
        except Exception:
            log.exception("could not extract the CJK font from PyMuPDF")
            return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("CJK font %s could not be loaded", path)
        return None
    font = app.font()
    font.setFamilies([font.family(), families[0]])
    app.setFont(font)
    return families[0]
