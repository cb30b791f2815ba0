"""Attaching a 政策解读: its form, title and drafting department, and text written here or a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import (
    QAction,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import interpretations
from app.db.database import Database
from app.db.models import InterpretationMedia, User
from app.documents import load_blob, prepare
from app.errors import TranslatableError
from app.ui.dialog_parts import error_label, ok_cancel
from app.ui.i18n import error_text, vocabulary
from app.workflow import get_document
from publish.taxonomy import InterpretationForm

HEADING_SIZES = {1: 18.0, 2: 15.0}


def _table_format() -> QTextTableFormat:
    table = QTextTableFormat()
    table.setBorder(1)
    table.setCellPadding(3)
    table.setCellSpacing(0)
    return table


class RichTextEditor(QWidget):
    """A text editor whose output the PDF keeps: headings, paragraphs, lists and tables."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTextEdit(self)
        self.edit.setAcceptRichText(False)  # pasted styling would be dropped anyway; keep what is seen honest
        toolbar = QToolBar(self)
        for text, slot in (
            (self.tr("标题一"), lambda: self.set_heading(1)),
            (self.tr("标题二"), lambda: self.set_heading(2)),
            (self.tr("正文"), lambda: self.set_heading(0)),
            (self.tr("项目列表"), lambda: self.make_list(QTextListFormat.Style.ListDisc)),
            (self.tr("编号列表"), lambda: self.make_list(QTextListFormat.Style.ListDecimal)),
            (self.tr("插入表格"), self.insert_table),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            toolbar.addAction(action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(self.edit, 1)

    def set_heading(self, level: int) -> None:
        cursor = self.edit.textCursor()
        block = QTextBlockFormat()
        block.setHeadingLevel(level)
        cursor.mergeBlockFormat(block)
        chars = QTextCharFormat()
        chars.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        chars.setFontPointSize(HEADING_SIZES.get(level, self.edit.font().pointSizeF()))
        cursor.select(cursor.SelectionType.BlockUnderCursor)
        cursor.mergeCharFormat(chars)

    def make_list(self, style: QTextListFormat.Style) -> None:
        self.edit.textCursor().createList(style)

    def insert_table(self, rows: int = 3, columns: int = 3) -> None:
        self.edit.textCursor().insertTable(rows, columns, _table_format())

    def set_html(self, html: str) -> None:
        """Loads text written earlier; its tables get their ruled lines back, as in the PDF."""
        self.edit.setHtml(html)
        frames = list(self.edit.document().rootFrame().childFrames())
        while frames:
            frame = frames.pop()
            frames.extend(frame.childFrames())
            if isinstance(frame, QTextTable):
                frame.setFormat(_table_format())

    def html(self) -> str:
        return self.edit.toHtml() if self.edit.toPlainText().strip() else ""


class InterpretationDialog(QDialog):
    def __init__(self, db: Database, user_id: int, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.document_id = db, user_id, document_id
        self.created_id: int | None = None
        self.setWindowTitle(self.tr("添加政策解读"))
        self.form_box = QComboBox(self)
        for kind in InterpretationForm:
            self.form_box.addItem(vocabulary(kind.label), kind.value)
        self.title = QLineEdit(self)
        self.department = QLineEdit(self)
        self.department.setPlaceholderText(self.tr("谁起草、谁解读：起草文件的部门"))
        with db.read() as session:
            user = session.get_one(User, user_id)
            document_title = get_document(session, document_id).title
            if user.department is not None:
                self.department.setText(user.department.name)
        self.title.setText(self.tr("《{title}》政策解读").format(title=document_title))

        self.tabs = QTabWidget(self)
        self.editor = RichTextEditor(self)
        self.tabs.addTab(self.editor, self.tr("在此撰写"))
        file_page = QWidget(self)
        file_row = QHBoxLayout(file_page)
        self.file_path = QLineEdit(self)
        self.file_path.setPlaceholderText(self.tr("PDF、DOCX、OFD、图片或文本文件"))
        choose = QPushButton(self.tr("选择…"), self)
        choose.clicked.connect(self._choose_file)
        file_row.addWidget(self.file_path, 1)
        file_row.addWidget(choose)
        self.tabs.addTab(file_page, self.tr("上传文件"))

        self.media = QListWidget(self)
        self.media.setMaximumHeight(80)
        add_media = QPushButton(self.tr("添加音视频…"), self)
        add_media.clicked.connect(self._choose_media)
        remove_media = QPushButton(self.tr("移除"), self)
        remove_media.clicked.connect(lambda: self.media.takeItem(self.media.currentRow()))
        media_buttons = QHBoxLayout()
        media_buttons.addWidget(add_media)
        media_buttons.addWidget(remove_media)
        media_buttons.addStretch(1)

        fields = QFormLayout()
        fields.addRow(self.tr("解读形式"), self.form_box)
        fields.addRow(self.tr("解读标题"), self.title)
        fields.addRow(self.tr("起草部门"), self.department)
        self.error = error_label(self)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(QLabel(self.tr("解读正文"), self))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(
            QLabel(self.tr("音视频文件（按实际内容识别；检查引擎无法读取的，须审查员逐个人工审查）"), self)
        )
        layout.addWidget(self.media)
        layout.addLayout(media_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择解读文件"))
        if path:
            self.file_path.setText(path)

    def _choose_media(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择音视频文件"), "", "*" + " *".join(sorted(interpretations.MEDIA_TYPES))
        )
        self.media.addItems(paths)

    def accept(self) -> None:
        try:
            upload = self.tabs.currentIndex() == 1 and self.file_path.text().strip()
            draft = prepare(Path(self.file_path.text().strip())) if upload else None
            media = [
                interpretations.read_media(Path(self.media.item(i).text())) for i in range(self.media.count())
            ]
            with self.db.write() as session:
                self.created_id = interpretations.attach(
                    session,
                    session.get_one(User, self.user_id),
                    self.document_id,
                    form=InterpretationForm(self.form_box.currentData()),
                    title=self.title.text(),
                    drafting_department=self.department.text(),
                    draft=draft,
                    rich_text="" if upload else self.editor.html(),
                    media=media,
                ).id
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class InterpretationTextDialog(QDialog):
    """Rewrites the text of an interpretation written in the desk; the result is its new original."""

    def __init__(self, db: Database, user_id: int, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.document_id = db, user_id, document_id
        with db.read() as session:
            document = get_document(session, document_id)
            self.version = document.version
            title = document.title
            text = interpretations.written_text(session, document_id)
        self.setWindowTitle(self.tr("修改解读正文：{title}").format(title=title))
        self.editor = RichTextEditor(self)
        self.editor.set_html(text)
        self.error = error_label(self)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        notice = QLabel(self.tr("保存后生成新版本（原有版本保留），并重新进行保密检查。"), self)
        notice.setWordWrap(True)
        layout.addWidget(notice)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def accept(self) -> None:
        try:
            with self.db.write() as session:
                interpretations.revise(
                    session,
                    session.get_one(User, self.user_id),
                    self.document_id,
                    self.version,
                    rich_text=self.editor.html(),
                )
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class MediaAttestDialog(QDialog):
    """The reviewer's 人工审查 of one audio/video file the engine cannot read: saved to listen to or
    watch, then attested with a note of what was found."""

    def __init__(self, db: Database, user_id: int, media_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id, self.media_id = db, user_id, media_id
        with db.read() as session:
            media = session.get_one(InterpretationMedia, media_id)
            self.name, self.sha256 = media.original_name, media.blob_sha256
            state = next(
                m for m in interpretations.media_states(session, media.interpretation_id) if m.id == media_id
            )
            title = get_document(session, media.interpretation_id).title
        self.setWindowTitle(self.tr("人工审查：{name}").format(name=self.name))
        notice = QLabel(
            self.tr(
                "检查引擎无法读取音视频内容。请保存并完整试听或观看该文件，确认其中没有国家秘密、工作秘密、"
                "个人信息等不宜公开的内容后，写明审查说明。确认记入审查记录和审计日志。"
            ),
            self,
        )
        notice.setWordWrap(True)
        save = QPushButton(self.tr("另存为…"), self)
        save.clicked.connect(self._save)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.name, self), 1)
        file_row.addWidget(save)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(
            self.tr("例如：已完整试听 12 分钟录音，内容为政策要点讲解，未涉及个人信息和内部事项。")
        )
        if state.note:
            self.note.setPlainText(state.note)
        fields = QFormLayout()
        fields.addRow(self.tr("政策解读"), QLabel(title, self))
        fields.addRow(self.tr("文件"), file_row)
        fields.addRow(self.tr("实际类型"), QLabel(vocabulary(state.detected), self))
        fields.addRow(self.tr("审查说明"), self.note)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("确认已人工审查")))
        self.resize(560, 360)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存音视频文件"), self.name)
        if not path:
            return
        try:
            with self.db.read() as session:
                Path(path).write_bytes(load_blob(session, self.sha256))
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
        except OSError as exc:
            self.error.setText(self.tr("无法保存文件：{reason}").format(reason=exc.strerror or str(exc)))

    def accept(self) -> None:
        try:
            with self.db.write() as session:
                interpretations.attest_media(
                    session, session.get_one(User, self.user_id), self.media_id, self.note.toPlainText()
                )
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()
