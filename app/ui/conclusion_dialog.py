"""The reviewer's conclusion and opinion on a document."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.reviewing import Conclusion
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import vocabulary


class ConclusionDialog(QDialog):
    def __init__(
        self, suggested: Conclusion, parent: QWidget | None = None, *, interpretation_missing: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("审查结论"))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("结论（不予公开请用“不予公开”操作，须选法律依据）"), self))
        self.buttons: dict[Conclusion, QRadioButton] = {}
        for conclusion in Conclusion:
            button = QRadioButton(vocabulary(conclusion.label), self)
            self.group.addButton(button)
            self.buttons[conclusion] = button
            layout.addWidget(button)
        self.buttons[suggested].setChecked(True)
        layout.addWidget(QLabel(self.tr("审查意见"), self))
        self.opinion = QPlainTextEdit(self)
        layout.addWidget(self.opinion)
        # 三同步: a document that needs an interpretation and has none goes out only with a reason.
        self.interpretation_missing = interpretation_missing
        self.no_interpretation_reason = QPlainTextEdit(self)
        self.no_interpretation_reason.setMaximumHeight(70)
        if interpretation_missing:
            notice = QLabel(
                self.tr(
                    "该文件为规章、规范性文件或需解读，但未附政策解读（三同步）。如确实无需解读，请写明理由："
                ),
                self,
            )
            notice.setWordWrap(True)
            layout.addWidget(notice)
            layout.addWidget(self.no_interpretation_reason)
        else:
            self.no_interpretation_reason.hide()
        self.rasterize = QCheckBox(self.tr("发布版本逐页转为图像（去除一切隐藏内容，但不可复制文字）"), self)
        layout.addWidget(self.rasterize)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def conclusion(self) -> Conclusion:
        return next(c for c, b in self.buttons.items() if b.isChecked())

    def accept(self) -> None:
        if not self.opinion.toPlainText().strip():
            self.error.setText(self.tr("请填写审查意见。"))
            return
        if self.interpretation_missing and not self.no_interpretation_reason.toPlainText().strip():
            self.error.setText(self.tr("请写明未附政策解读的理由，或退回经办人补充解读。"))
            return
        super().accept()
