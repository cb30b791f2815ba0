"""The statistics view: a period's figures as charts and as the table behind them, and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app import desk_day
from app.atomic import write_bytes_atomic
from app.db.database import Database
from app.db.models import Department
from app.errors import TranslatableError
from app.statistics import figures
from app.ui.i18n import error_text
from app.ui.tasks import TaskRunner
from publish.report import ART44_NAME, LEGAL_KINDS, TABLE3_COLUMNS, Figures, table2_pdf, to_csv, to_xlsx

BAR_COLOR = QColor(164, 22, 26)


def _frame(chart: QWidget, title: str, has_data: bool, placeholder: str = "") -> QPainter | None:
    """Starts painting a chart: its title, and 无数据 (returning None) when there is nothing to draw."""
    painter = QPainter(chart)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    bold = QFont(chart.font())
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(QRectF(0, 0, chart.width(), 22), Qt.AlignmentFlag.AlignLeft, title)
    painter.setFont(chart.font())
    if has_data:
        return painter
    text = placeholder or QCoreApplication.translate("StatisticsWindow", "（无数据）")
    painter.drawText(QRectF(0, 24, chart.width(), 22), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return None


class BarChart(QWidget):
    """Horizontal bars with their labels and values: enough for counts by category or kind."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.placeholder = ""
        self.items: list[tuple[str, int]] = []
        self.setMinimumHeight(160)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.items = items
        self.setMinimumHeight(40 + 22 * max(1, len(items)))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = _frame(self, self.title, bool(self.items), self.placeholder)
        if painter is None:
            return
        metrics = painter.fontMetrics()
        widest = max(metrics.horizontalAdvance(label) for label, _ in self.items) + 8
        label_width = min(float(widest), self.width() * 0.45)
        top, most = 28.0, max(n for _, n in self.items) or 1
        span = max(10.0, self.width() - label_width - 60)
        for i, (label, n) in enumerate(self.items):
            y = top + i * 22
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, int(label_width - 6))
            painter.drawText(QRectF(0, y, label_width - 6, 20), Qt.AlignmentFlag.AlignRight, shown)
            painter.fillRect(QRectF(label_width, y + 3, span * n / most, 14), BAR_COLOR)
            painter.drawText(
                QRectF(label_width + span * n / most + 4, y, 56, 20), Qt.AlignmentFlag.AlignLeft, str(n)
            )


class MonthChart(QWidget):
    """The year's twelve months as columns, each with its count: one month of data is one bar among
    eleven empty months, readable at any width (a line through one point is a lone dot)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.placeholder = ""
        self.year: int | None = None
        self.points: list[tuple[str, int]] = []  # ("YYYYMM", count), as the figures give them
        self.setMinimumHeight(200)

    def set_points(self, points: list[tuple[str, int]], year: int | None = None) -> None:
        self.points = points
        self.year = year
        self.update()

    def months(self) -> list[tuple[int, int]]:
        """(month 1–12, count) for every month of the year shown."""
        counts = {int(key[4:]): n for key, n in self.points if self.year is None or int(key[:4]) == self.year}
        return [(month, counts.get(month, 0)) for month in range(1, 13)]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = _frame(self, self.title, bool(self.points), self.placeholder)
        if painter is None:
            return
        left, top, bottom = 36.0, 30.0, self.height() - 24.0
        width = self.width() - left - 12
        months = self.months()
        most = max(n for _, n in months) or 1
        slot = width / 12
        bar = max(4.0, min(36.0, slot * 0.6))
        painter.setPen(QPen(QColor(180, 180, 180)))
        painter.drawLine(QPointF(left, bottom), QPointF(left + width, bottom))
        painter.setPen(QPen(QColor(60, 60, 60)))
        painter.drawText(QRectF(0, top - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, str(most))
        painter.drawText(QRectF(0, bottom - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight, "0")
        label = QCoreApplication.translate("StatisticsWindow", "{month}月")
        for month, n in months:
            x = left + (month - 1) * slot + (slot - bar) / 2
            height = (bottom - top - 18) * n / most
            if n:
                painter.fillRect(QRectF(x, bottom - height, bar, height), BAR_COLOR)
                painter.drawText(
                    QRectF(x - 10, bottom - height - 18, bar + 20, 16), Qt.AlignmentFlag.AlignCenter, str(n)
                )
            painter.drawText(
                QRectF(left + (month - 1) * slot, bottom + 2, slot, 18),
                Qt.AlignmentFlag.AlignCenter,
                label.format(month=month),
            )


class StatisticsWindow(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, user_id: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.user_id = user_id  # whose department's 保密审查汇总表 is exported
        self.figures: Figures | None = None
        self._asked = 0  # counts requested so far
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("统计与年度报告"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(desk_day.today().year)
        self.department = QComboBox(self)
        self.department.addItem(self.tr("全部部门"), None)
        with db.read() as session:
            for d in session.scalars(select(Department).order_by(Department.name)):
                self.department.addItem(d.name, d.id)
        self.compute_button = QPushButton(self.tr("统计"), self)
        self.compute_button.clicked.connect(self.compute)
        self.exports = [
            self._export_button(self.tr("导出 PDF（表二、表三）…"), "pdf", table2_pdf),
            self._export_button(self.tr("导出 XLSX…"), "xlsx", to_xlsx),
            self._export_button(self.tr("导出 CSV…"), "csv", to_csv),
        ]
        self.month = QComboBox(self)
        for month in range(1, 13):
            self.month.addItem(self.tr("{month}月").format(month=month), month)
        self.month.setCurrentIndex(desk_day.today().month - 1)
        self.summary_button = QPushButton(self.tr("导出保密审查汇总表…"), self)
        self.summary_button.setToolTip(self.tr("本部门所选月份办结的保密审查，每件一行（PDF、XLSX 或 CSV）"))
        self.summary_button.setEnabled(user_id is not None)
        self.summary_button.clicked.connect(lambda _=False: self.export_review_summary())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度"), self))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("部门"), self))
        top.addWidget(self.department, 1)
        top.addWidget(self.compute_button)
        for button in self.exports:
            top.addWidget(button)
        months = QHBoxLayout()
        months.addStretch(1)
        months.addWidget(QLabel(self.tr("月份"), self))
        months.addWidget(self.month)
        months.addWidget(self.summary_button)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.by_category = BarChart(self.tr("主动公开：按主题分类"), self)
        self.by_month = MonthChart(self.tr("主动公开：按月"), self)
        self.legal = BarChart(self.tr("规章和行政规范性文件：本年制发 / 废止 / 现行有效"), self)
        self.forms = BarChart(self.tr("政策解读：按形式"), self)
        charts = QWidget(self)
        grid = QGridLayout(charts)
        grid.addWidget(self.by_month, 0, 0, 1, 2)
        grid.addWidget(self.by_category, 1, 0)
        grid.addWidget(self.legal, 1, 1)
        grid.addWidget(self.forms, 2, 0)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("指标"), self.tr("分项"), self.tr("数值")])
        # Every column as wide as its longest cell ("2026-01-01 至 2026-12-31" is not cut off); 分项 takes
        # what is left.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table3 = QTableWidget(0, 2 + len(TABLE3_COLUMNS), self)
        self.table3.setHorizontalHeaderLabels(
            [self.tr("项目"), self.tr("分项"), *TABLE3_COLUMNS]  # the form's own column names
        )
        header = self.table3.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table3.verticalHeader().hide()
        self.table3.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.requests_note = QLabel(self)
        self.requests_note.setWordWrap(True)
        requests = QWidget(self)
        requests_layout = QVBoxLayout(requests)
        requests_layout.addWidget(self.table3, 1)
        requests_layout.addWidget(self.requests_note)
        tabs = QTabWidget(self)
        tabs.addTab(charts, self.tr("图表"))
        tabs.addTab(self.table, self.tr("数据表"))
        tabs.addTab(requests, self.tr("依申请公开（表三）"))
        self.tabs = tabs
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(months)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        self.resize(1000, 720)
        self.choose_save_path: Callable[[str, str], str] = self._choose_save_path
        self.compute()  # counted on opening: the year and department shown are already chosen

    def _export_button(self, text: str, suffix: str, render: Callable[[Figures], bytes]) -> QPushButton:
        button = QPushButton(text, self)
        button.setEnabled(False)
        button.clicked.connect(lambda _=False: self.export(suffix, render))
        return button

    def compute(self) -> None:
        """Counts in the background: at a million entries it takes a moment. Only the latest
        request is shown (the count made on opening may finish after the user asked for another)."""
        self._asked += 1
        asked = self._asked
        self.figures = None
        for button in self.exports:
            button.setEnabled(False)
        year, department_id = self.year.value(), self.department.currentData()
        name = self.department.currentText() if department_id is not None else ""
        self.compute_button.setEnabled(False)
        self.summary.setText(self.tr("正在统计…"))
        for chart in self._charts():
            chart.placeholder = self.tr("正在统计…")
            chart.update()
        db = self.db

        def work(_task: object) -> Figures:
            with db.read() as session:
                result = figures(session, dt.date(year, 1, 1), dt.date(year, 12, 31), department_id)
            return Figures(**{**result.__dict__, "department": name})

        self.runner.start(
            work,
            lambda result: self.show_figures(result) if asked == self._asked else None,
            lambda exc: self._failed(exc) if asked == self._asked else None,
        )

    def _charts(self) -> list[BarChart | MonthChart]:
        return [self.by_month, self.by_category, self.legal, self.forms]

    def _failed(self, exc: BaseException) -> None:
        self.compute_button.setEnabled(True)
        self.summary.setText(self.tr("统计失败：{reason}").format(reason=str(exc)))

    def show_figures(self, result: Figures) -> None:
        self.figures = result
        for chart in self._charts():
            chart.placeholder = ""
        self.compute_button.setEnabled(True)
        for button in self.exports:
            button.setEnabled(True)
        agrees, differs = (
            self.tr("{kind}现行有效件数核对一致"),
            self.tr("{kind}现行有效件数核对不一致，请核查"),
        )
        checks = "；".join(
            (agrees if result.legal[k].identity_holds else differs).format(kind=label)
            for k, label in LEGAL_KINDS.items()
        )
        days = (
            self.tr("导入到发布中位数 {median:g} 个工作日").format(median=result.days_to_publish[0])
            if result.days_to_publish
            else ""
        )
        self.summary.setText(
            self.tr(
                "主动公开 {published} 条，撤回 {withdrawn} 条，超期 {overdue} 条。{days}　{checks}"
            ).format(
                published=result.published,
                withdrawn=result.withdrawn,
                overdue=result.overdue,
                days=days,
                checks=checks,
            )
        )
        self.by_month.set_points(result.by_month, result.start.year)
        self.by_category.set_items(result.by_category)
        self.legal.set_items(
            [
                (f"{label}{part}", n)
                for k, label in LEGAL_KINDS.items()
                for part, n in (
                    (self.tr("·制发"), result.legal[k].issued),
                    (self.tr("·废止"), result.legal[k].abolished),
                    (self.tr("·现行有效"), result.legal[k].in_force),
                )
            ]
        )
        self._show_table3(result)
        rows = result.rows()
        self.forms.set_items([(item, int(value)) for name, item, value in rows if name == "政策解读"])
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _show_table3(self, result: Figures) -> None:
        """Table 3 as the form has it, the identity per column, and the 第四十四条 candidates."""
        lines = result.requests.lines()
        self.table3.setRowCount(len(lines))
        for r, (name, item, values) in enumerate(lines):
            shown = "" if r and name == lines[r - 1][0] else name  # 三、本年度办理结果 once, as on the form
            for c, text in enumerate([shown, item, *map(str, values)]):
                cell = QTableWidgetItem(text)
                if c >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table3.setItem(r, c, cell)
        check = (
            self.tr("核对：一 + 二 = 三（七）总计 + 四，每一列一致。")
            if result.requests.identity_holds
            else self.tr("核对：一 + 二 与 三（七）总计 + 四 不一致，请核查申请的收到和办结日期。")
        )
        repeated = [
            self.tr("{ref}：{n} 件申请，{people} 个申请人").format(ref=ref, n=n, people=people)
            for ref, n, people in result.requests.repeated
        ]
        text = check
        if repeated:
            text += "\n" + ART44_NAME + "：" + "；".join(repeated)
        self.requests_note.setText(text)

    def export(self, suffix: str, render: Callable[[Figures], bytes]) -> bool:
        if self.figures is None:
            return False
        path = self.choose_save_path(f"政务公开统计-{self.year.value()}.{suffix}", suffix)
        if not path:
            return False
        write_bytes_atomic(Path(path), render(self.figures))
        self.summary.setText(self.tr("已导出到 {path}").format(path=path))
        return True

    def export_review_summary(self) -> bool:
        """The 保密审查汇总表 of the user's department for the year and month shown; the file's suffix
        chooses its form."""
        if self.user_id is None:
            return False
        # Loaded on use: it reads records with MuPDF, which the desk's start does not load.
        from app.review_summary import review_summary
        from publish import review_summary as review_summary_layout

        year, month = self.year.value(), int(self.month.currentData())
        path = self.choose_save_path(f"保密审查汇总表-{year}-{month:02d}.pdf", "pdf *.xlsx *.csv")
        if not path:
            return False
        render = {".xlsx": review_summary_layout.to_xlsx, ".csv": review_summary_layout.to_csv}.get(
            Path(path).suffix.lower(), review_summary_layout.to_pdf
        )
        try:
            with self.db.read() as session:
                summary = review_summary(session, self.user_id, year, month)
            write_bytes_atomic(Path(path), render(summary))
        except TranslatableError as exc:
            self.summary.setText(error_text(exc))
            return False
        self.summary.setText(
            self.tr("保密审查汇总表已导出到 {path}（{period}，{count} 件）").format(
                path=path, period=summary.period, count=len(summary.rows)
            )
        )
        return True

    def _choose_save_path(self, suggested: str, suffix: str) -> str:
        return QFileDialog.getSaveFileName(
            self, self.tr("导出"), str(Path.home() / suggested), f"*.{suffix}"
        )[0]
