"""Renders document pages to raw RGB pixels for a viewer (no PNG round trip: it costs 20x the render)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from review.mupdf import LOCK


@dataclass(frozen=True)
class RenderedPage:
    width: int
    height: int
    stride: int
    samples: bytes


class PageSource:
    """An open PDF whose pages can be rendered one at a time. Not thread-safe (nor is PyMuPDF)."""

    def __init__(self, pdf: bytes) -> None:
        import pymupdf

        with LOCK:
            self._doc: Any = pymupdf.open(stream=pdf, filetype="pdf")

    @property
    def page_count(self) -> int:
        return int(self._doc.page_count)

    def page_size(self, index: int) -> tuple[float, float]:
        with LOCK:
            rect = self._doc[index].rect
        return float(rect.width), float(rect.height)

    def render(self, index: int, zoom: float) -> RenderedPage:
        import pymupdf

        with LOCK:
            pix = self._doc[index].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            return RenderedPage(pix.width, pix.height, pix.stride, bytes(pix.samples))

    def close(self) -> None:
        with LOCK:
            self._doc.close()
