"""政策解读 in the desk: marking a document, writing an interpretation, moving between the two."""

from __future__ import annotations

import pymupdf
from PySide6.QtGui import QTextCursor, QTextListFormat

from app import documents, interpretations
from app.checking import latest_run
from app.db.models import Document, Interpretation, User
from app.reviewing import Conclusion
from app.ui.conclusion_dialog import ConclusionDialog
from app.ui.interpretation_dialog import InterpretationDialog, InterpretationTextDialog
from app.ui.metadata_dialog import MetadataDialog
from app.workflow import get_document
from publish.taxonomy import InterpretationForm
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
    assert window.current_id == interp_id
    assert window.interpretations_panel.heading.text() == "所解读的文件"
    with workspace.db.read() as s:
        document_id = s.query(Document).order_by(Document.id).first().id
    window.interpretations_panel._activated(window.interpretations_panel.items.item(0))
    assert window.current_id == document_id


def test_conclusion_asks_why_when_the_interpretation_is_missing(qtbot, desk_app):
    dialog = ConclusionDialog(Conclusion.DISCLOSE, interpretation_missing=True)
    qtbot.addWidget(dialog)
    dialog.opinion.setPlainText("同意公开")
    dialog.accept()
    assert "未附政策解读的理由" in dialog.error.text() and not dialog.result()
    dialog.no_interpretation_reason.setPlainText("仅调整执行期限，无需解读")
    dialog.accept()
    assert dialog.result() == ConclusionDialog.DialogCode.Accepted


def test_clerk_rewrites_a_returned_interpretation_and_uploads_a_new_version_of_the_document(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    window = _window(qtbot, desk_app, workspace, people.clerk)
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        window.import_files([sample_files["clean"]])
    document_id = window.current_id
    with workspace.db.write() as s:
        interp_id = interpretations.attach(
            s,
            s.get_one(User, people.clerk),
            document_id,
            form=InterpretationForm.TEXT,
            title="供暖政策解读",
            drafting_department="测试市数据局",
            rich_text="<h1>一、出台背景</h1><p>保障对象为城区居民</p>",
        ).id
    window.refresh()
    window.open_document(interp_id)
    panel = window.interpretations_panel
    assert window.edit_text_action.isEnabled() and panel.edit_text_button.isVisible()
    shown = {}

    def rewrite_and_accept(dialog: InterpretationTextDialog) -> int:
        shown["text"] = dialog.editor.edit.toPlainText()
        dialog.editor.edit.clear()
        dialog.accept()
        shown["empty"] = dialog.error.text()
        dialog.editor.edit.setHtml("<h1>一、出台背景</h1><p>保障对象为城区及近郊居民</p>")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(InterpretationTextDialog, "exec", rewrite_and_accept)
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        panel.edit_text_button.click()
    assert "保障对象为城区居民" in shown["text"] and "不能为空" in shown["empty"]
    assert "第 2 版" in window.details.text()
    with workspace.db.read() as s:
        current = get_document(s, interp_id).current_original()
        assert current.revision == 2 and latest_run(s, interp_id).document_file_id == current.id
        original = documents.original_file(s, interp_id)
    with pymupdf.open("pdf", original.data) as pdf:
        assert "城区及近郊居民" in pdf[0].get_text()

    # The document itself gets a new file: the one with a 密级 mark is checked at once.
    window.open_document(document_id)
    assert window.revise_action.isEnabled() and not window.edit_text_action.isEnabled()
    assert "第 1 版" in window.details.text()
    monkeypatch.setattr(window, "choose_open_path", lambda _title, _pattern: str(sample_files["pdf"]))
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        assert window.revise_via_dialog()
    shown_findings = [row[2] for row in window.findings_panel.row_texts()]
    assert any("机密★10年" in text for text in shown_findings)
