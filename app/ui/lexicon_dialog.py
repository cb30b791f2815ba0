"""The department lexicon: see its terms, replace it from a file, export it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.atomic import write_bytes_atomic
from app.checking import department_lexicon_csv, save_department_lexicon
from app.db.database import Database
from app.db.models import User
from app.errors import TranslatableError
from app.ui.i18n import error_text, vocabulary
from review.lexicon import parse_csv


class LexiconDialog(QDialog):
    def __init__(self, db: Database, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id = db, user_id
        self.setWindowTitle(self.tr("部门词库"))
        self.resize(720, 520)
        # Replaceable by tests, which cannot click through native file dialogs.
        self.choose_import: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, self.tr("选择词库文件"), str(Path.home()), self.tr("词库 (*.csv *.txt)")
        )[0]
        self.choose_export: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self, self.tr("导出词库"), str(Path.home() / "部门词库.csv"), self.tr("CSV (*.csv)")
        )[0]
        note = QLabel(
            self.tr(
                "默认词库（密级标志、内部标识、敏感个人信息等）始终生效；这里是本部门追加的词条和允许词。"
                "允许词须是带上下文的短语（如“单位内部资料管理”），不能是词条本身或其一部分；"
                "删除词条或降低其级别须由系统管理员进行。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.summary = QLabel(self)
        self.messages = QLabel(self)
        self.messages.setWordWrap(True)
        self.messages.setStyleSheet("color: #b00020;")
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("词条"), self.tr("类别"), self.tr("级别"), self.tr("说明"), self.tr("整词")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.import_button = QPushButton(self.tr("从文件导入…"), self)
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.clicked.connect(self.export_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (note, self.summary, self.table):
            layout.addWidget(w)
        layout.addWidget(self.messages)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        with self.db.read() as session:
            user = session.get_one(User, self.user_id)
            csv_text = department_lexicon_csv(session, user.department_id) if user.department_id else ""
        lexicon = parse_csv(csv_text)
        rows = [
            (t.term, t.category, vocabulary(t.severity.label), t.note, self.tr("是") if t.whole_word else "")
            for t in lexicon.terms
        ]
        rows += [(a, "", self.tr("允许"), self.tr("已知误报，不提示"), "") for a in lexicon.allowed]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.summary.setText(
            self.tr("本部门词条 {terms} 个，允许词 {allowed} 个。").format(
                terms=len(lexicon.terms), allowed=len(lexicon.allowed)
            )
        )

    def import_file(self) -> None:
        name = self.choose_import()
        if not name:
            return
        path = Path(name)
        try:
            content = path.read_bytes()
            with self.db.write() as session:
                issues = save_department_lexicon(
                    session, session.get_one(User, self.user_id), content, path.name
                )
        except TranslatableError as exc:
            self.messages.setText(error_text(exc))
            return
        except OSError as exc:
            self.messages.setText(f"{path.name}：{exc.strerror}")
            return
        self.messages.setText(
            "\n".join(
                self.tr("第 {line} 行：{message}").format(line=i.line, message=i.message) for i in issues
            )
        )
        self.reload()

    def export_file(self) -> None:
        name = self.choose_export()
        if not name:
            return
        with self.db.read() as session:
            user = session.get_one(User, self.user_id)
            csv_text = department_lexicon_csv(session, user.department_id) if user.department_id else ""
        write_bytes_atomic(Path(name), parse_csv(csv_text).to_csv().encode("utf-8"))
