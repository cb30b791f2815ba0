"""政策解读 in the desk: marking a document, writing an interpretation, moving between the two."""

from __future__ import annotations

import pymupdf
from PySide6.QtGui import QTextCursor, QTextListFormat

from app import documents
from app.db.models import Document, Interpretation
from app.reviewing import Conclusion
from app.ui.conclusion_dialog import ConclusionDialog
from app.ui.interpretation_dialog import InterpretationDialog
from app.ui.metadata_dialog import MetadataDialog
from tests.test_gui import _window


def test_clerk_writes_an_interpretation_with_headings_lists_and_a_table(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    window = _window(qtbot, desk_app, workspace, people.clerk)
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        window.import_files([sample_files["clean"]])
    window.table.selectRow(0)
    assert window.interpretations_panel.isVisible()
    assert "政策解读（0）" in window.interpretations_panel.heading.text()

    def mark_normative(dialog: MetadataDialog) -> int:
        dialog.normative.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MetadataDialog, "exec", mark_normative)
    assert window.edit_current()
    assert "三同步" in window.interpretations_panel.heading.text()
    assert "规范性文件" in window.details.text()

    def write_and_accept(dialog: InterpretationDialog) -> int:
        editor = dialog.editor
        editor.edit.setFocus()
        editor.edit.insertPlainText("一、出台背景")
        editor.set_heading(1)
        editor.edit.moveCursor(QTextCursor.MoveOperation.End)
        editor.edit.textCursor().insertBlock()
        editor.set_heading(0)
        editor.edit.insertPlainText("保障对象为城区居民")
        editor.make_list(QTextListFormat.Style.ListDisc)
        editor.edit.moveCursor(QTextCursor.MoveOperation.End)
        editor.edit.textCursor().insertBlock()
        editor.insert_table(2, 2)
        editor.edit.insertPlainText("室温标准")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(InterpretationDialog, "exec", write_and_accept)
    interp_id = window.add_interpretation()
    assert interp_id is not None
    with workspace.db.read() as s:
        row = s.get_one(Interpretation, interp_id)
        assert row.drafting_department == "测试市数据局"
        assert "<h1>" in row.source_html and "<li>" in row.source_html and "<table>" in row.source_html
        original = documents.original_file(s, interp_id)
    with pymupdf.open("pdf", original.data) as pdf:
        text = pdf[0].get_text()
    assert "一、出台背景" in text and "保障对象为城区居民" in text and "室温标准" in text
    assert window.interpretations_panel.items.count() == 1
    assert "[文字解读]" in window.interpretations_panel.items.item(0).text()

    # From the document to its interpretation and back.
    window.interpretations_panel.open_requested.emit(interp_id)
    assert window._current_id == interp_id
    assert window.interpretations_panel.heading.text() == "所解读的文件"
    with workspace.db.read() as s:
        document_id = s.query(Document).order_by(Document.id).first().id
    window.interpretations_panel._activated(window.interpretations_panel.items.item(0))
    assert window._current_id == document_id


def test_conclusion_asks_why_when_the_interpretation_is_missing(qtbot, desk_app):
    dialog = ConclusionDialog(Conclusion.DISCLOSE, interpretation_missing=True)
    qtbot.addWidget(dialog)
    dialog.opinion.setPlainText("同意公开")
    dialog.accept()
    assert "未附政策解读的理由" in dialog.error.text() and not dialog.result()
    dialog.no_interpretation_reason.setPlainText("仅调整执行期限，无需解读")
    dialog.accept()
    assert dialog.result() == ConclusionDialog.DialogCode.Accepted
