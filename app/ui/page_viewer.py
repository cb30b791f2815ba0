"""Shows a document's pages, rendered by PyMuPDF, with page navigation and zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QRubberBand,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from review.model import Rect
from review.render import PageSource


class Highlight:
    """An area to mark on a page: a finding's rectangle, in PDF points."""

    __slots__ = ("color", "key", "page", "rect")

    def __init__(self, page: int, rect: Rect, color: QColor, key: int) -> None:
        self.page, self.rect, self.color, self.key = page, rect, color, key


ZOOM_STEPS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PageViewer(QWidget):
    page_changed = Signal(int)
    area_drawn = Signal(int, object)  # page, Rect in PDF points
    highlight_clicked = Signal(int)  # the highlight's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: PageSource | None = None
        self._page = 0
        self._zoom = 1.0
        self._fit_width = True
        self._highlights: list[Highlight] = []
        self._selected: int | None = None

        self.prev_button = self._button(self.tr("上一页"), "PgUp", self.previous_page)
        self.next_button = self._button(self.tr("下一页"), "PgDown", self.next_page)
        self.page_box = QSpinBox(self)
        self.page_box.setMinimum(1)
        self.page_box.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.page_count_label = QLabel(self)
        self.zoom_out_button = self._button(self.tr("缩小"), QKeySequence.StandardKey.ZoomOut, self.zoom_out)
        self.zoom_in_button = self._button(self.tr("放大"), QKeySequence.StandardKey.ZoomIn, self.zoom_in)
        self.fit_button = self._button(self.tr("适合宽度"), None, self.fit_width)
        self.zoom_label = QLabel(self)
        self.draw_button = QToolButton(self)
        self.draw_button.setText(self.tr("划定删除区域"))
        self.draw_button.setCheckable(True)
        self.draw_button.setToolTip(self.tr("按住鼠标在页面上拖出要删除的区域（规则没有发现的内容）"))
        self._drag_start: QPoint | None = None
        self._band: QRubberBand | None = None

        bar = QHBoxLayout()
        for w in (self.prev_button, self.page_box, self.page_count_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (
            self.draw_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
        ):
            bar.addWidget(w)

        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.installEventFilter(self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setStyleSheet("QScrollArea { background: #6b6f75; }")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.clear(self.tr("选择一个文件以查看其页面"))

    def _button(
        self, text: str, shortcut: QKeySequence.StandardKey | str | None, slot: Callable[[], None]
    ) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        if shortcut is not None:
            button.setShortcut(shortcut)
        button.clicked.connect(slot)
        return button

    @property
    def page_count(self) -> int:
        return self._source.page_count if self._source else 0

    @property
    def current_page(self) -> int:
        return self._page

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_pdf(self, pdf: bytes) -> None:
        self._close_source()
        self._highlights, self._selected = [], None
        self._source = PageSource(pdf)
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(1, self.page_count))
        self.page_box.blockSignals(False)
        self.page_count_label.setText(self.tr("/ %n 页", "", self.page_count))
        self._set_controls_enabled(True)
        self._fit_width = True
        self.show_page(0)

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = highlights
        self._selected = None
        self.show_page(self._page)

    def highlights_on(self, page: int) -> list[Highlight]:
        return [h for h in self._highlights if h.page == page]

    def select_highlight(self, key: int) -> None:
        """Shows the page of the highlight `key` and marks it more strongly."""
        target = next((h for h in self._highlights if h.key == key), None)
        self._selected = key
        if target is not None:
            self.show_page(target.page)
            self.scroll_area.ensureVisible(
                int(target.rect.x0 * self._zoom), int(target.rect.y0 * self._zoom), 50, 120
            )

    def clear(self, message: str = "") -> None:
        self._close_source()
        self._highlights, self._selected = [], None
        self.image.setPixmap(QPixmap())
        self.image.setText(message)
        self.page_count_label.clear()
        self.zoom_label.clear()
        self._set_controls_enabled(False)

    def _close_source(self) -> None:
        if self._source is not None:
            self._source.close()
            self._source = None

    def _set_controls_enabled(self, enabled: bool) -> None:
        for w in (
            self.prev_button,
            self.next_button,
            self.page_box,
            self.zoom_in_button,
            self.zoom_out_button,
            self.fit_button,
        ):
            w.setEnabled(enabled)

    def show_page(self, index: int) -> None:
        if self._source is None or not 0 <= index < self.page_count:
            return
        self._page = index
        if self._fit_width:
            width_pt, _ = self._source.page_size(index)
            available = max(200, self.scroll_area.viewport().width() - 24)
            self._zoom = max(0.25, min(4.0, available / width_pt))
        rendered = self._source.render(index, self._zoom * self.devicePixelRatioF())
        image = QImage(
            rendered.samples, rendered.width, rendered.height, rendered.stride, QImage.Format.Format_RGB888
        ).copy()  # copy: the QImage must not outlive the Python bytes it points into
        self._paint_highlights(image, index, self._zoom * self.devicePixelRatioF())
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(QPixmap.fromImage(image))
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.page_count - 1)
        self.zoom_label.setText(f"{round(self._zoom * 100)}%")
        self.page_changed.emit(index)

    def _paint_highlights(self, image: QImage, page: int, scale: float) -> None:
        marks = self.highlights_on(page)
        if not marks:
            return
        painter = QPainter(image)
        for mark in marks:
            fill = QColor(mark.color)
            fill.setAlpha(110 if mark.key == self._selected else 60)
            r = mark.rect
            x, y, w, h = r.x0 * scale, r.y0 * scale, (r.x1 - r.x0) * scale, (r.y1 - r.y0) * scale
            painter.fillRect(int(x) - 1, int(y) - 1, int(w) + 2, int(h) + 2, fill)
            pen = QPen(mark.color, 3 if mark.key == self._selected else 1)
            painter.setPen(pen)
            painter.drawRect(int(x) - 1, int(y) - 1, int(w) + 2, int(h) + 2)
        painter.end()

    # -- mouse: drawing areas and clicking highlights ------------------------------------------

    def to_pdf_point(self, pos: QPoint) -> tuple[float, float]:
        """A point on the image label in PDF points of the page shown."""
        pixmap = self.image.pixmap()
        width = pixmap.width() / pixmap.devicePixelRatio() if not pixmap.isNull() else 0
        left = max(0.0, (self.image.width() - width) / 2)
        return (pos.x() - left) / self._zoom, pos.y() / self._zoom

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.image or self._source is None or not isinstance(event, QMouseEvent):
            return super().eventFilter(watched, event)
        pos = event.position().toPoint()
        if event.type() == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            if self.draw_button.isChecked():
                self._drag_start = pos
                self._band = self._band or QRubberBand(QRubberBand.Shape.Rectangle, self.image)
                self._band.setGeometry(QRect(pos, QSize()))
                self._band.show()
                return True
            x, y = self.to_pdf_point(pos)
            hit = next(
                (
                    h
                    for h in self.highlights_on(self._page)
                    if h.rect.x0 - 2 <= x <= h.rect.x1 + 2 and h.rect.y0 - 2 <= y <= h.rect.y1 + 2
                ),
                None,
            )
            if hit is not None:
                self.highlight_clicked.emit(hit.key)
                return True
        if event.type() == QEvent.Type.MouseMove and self._drag_start is not None and self._band is not None:
            self._band.setGeometry(QRect(self._drag_start, pos).normalized())
            return True
        if event.type() == QEvent.Type.MouseButtonRelease and self._drag_start is not None:
            start, self._drag_start = self._drag_start, None
            if self._band is not None:
                self._band.hide()
            (x0, y0), (x1, y1) = self.to_pdf_point(start), self.to_pdf_point(pos)
            rect = Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            if rect.x1 - rect.x0 > 2 and rect.y1 - rect.y0 > 2:
                self.area_drawn.emit(self._page, rect)
            return True
        return super().eventFilter(watched, event)

    def next_page(self) -> None:
        self.show_page(self._page + 1)

    def previous_page(self) -> None:
        self.show_page(self._page - 1)

    def zoom_in(self) -> None:
        self._set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-6), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self._fit_width = True
        self.show_page(self._page)

    def _set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self._zoom = zoom
        self.show_page(self._page)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._fit_width and self._source is not None:
            self.show_page(self._page)
