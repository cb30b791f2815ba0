"""The desk as a user sees it, offscreen: first run, sign-in, the main window, importing, deciding."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import desk_day, users
from app.db.models import CatalogEntry, Document, User
from app.reviewing import Conclusion
from app.roles import Status
from app.ui.first_run import FirstRunDialog
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.workflow import Action
from tests.conftest import PASSWORD, submit_draft
from tests.run_day import TODAY


def _window(qtbot, desk_app, workspace, user_id) -> MainWindow:
    window = MainWindow(workspace, user_id, desk_app.log_handler)
    qtbot.addWidget(window)
    window.show()
    return window


def complete(workspace, clerk_id: int, document_id: int) -> None:
    """The catalog fields a draft must have before it goes to review (成文日期, 主题分类); a new
    成文日期 is checked again, as the desk does after its 文件信息 dialog."""
    import datetime as dt

    from app import documents
    from app.checking import check_document, judged_on_another_date

    with workspace.db.write() as s:
        documents.update_metadata(
            s,
            s.get_one(User, clerk_id),
            document_id,
            None,
            category="城乡建设、环境保护\\城市管理",
            written_on=dt.date(2026, 11, 10),
        )
        stale = judged_on_another_date(s, document_id)
    if stale:
        check_document(workspace.db, clerk_id, document_id, workspace.paths.cache_dir)


def test_chinese_renders_without_system_cjk_fonts(desk_app):
    assert desk_app.cjk_family in QFontDatabase.families()
    assert desk_app.cjk_family in desk_app.font().families()
    assert QFontMetrics(QFont(desk_app.cjk_family)).inFontUcs4(ord("审"))


def test_first_run_creates_administrator_and_sample_workspace(qtbot, desk_app, workspace):
    dialog = FirstRunDialog(workspace.db)
    qtbot.addWidget(dialog)
    dialog.department.setText("某某市数据局")
    dialog.code.setText("ABC123")
    dialog.password.setText("admin-pass-1")
    dialog.password_again.setText("admin-pass-2")
    dialog.accept()
    assert "不一致" in dialog.error.text()
    dialog.password_again.setText("admin-pass-1")
    dialog.accept()
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    with workspace.db.read() as s:
        assert users.authenticate(s, "admin", "admin-pass-1").display_name == "系统管理员"
        assert users.authenticate(s, "reviewer", "demo-2026")
        assert len(s.query(Document).all()) == 6  # five samples and one interpretation


def test_login_dialog_says_what_is_wrong(qtbot, desk_app, workspace, people):
    dialog = LoginDialog(workspace.db, "clerk")
    qtbot.addWidget(dialog)
    dialog.password.setText("nope")
    dialog.accept()
    assert dialog.user_id is None and "不正确" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert dialog.user_id == people.clerk


def test_import_through_the_ui_shows_first_page(qtbot, desk_app, workspace, people, sample_files):
    window = _window(qtbot, desk_app, workspace, people.clerk)
    assert window.model.rowCount() == 0 and window.empty_hint.isVisibleTo(window)
    window.choose_files = lambda: [str(sample_files["pdf"])]
    window.import_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    row = window.model.row_at(0)
    assert row.title == "医保缴费标准通知" and row.status is Status.DRAFT
    qtbot.waitUntil(lambda: window.viewer.page_count == 1)
    assert not window.viewer.image.pixmap().isNull()
    assert window.viewer.image.pixmap().width() > 300
    assert "医保缴费标准通知.pdf" in window.details.text()
    assert window.transition_actions[Action.SUBMIT].isEnabled()
    assert not window.transition_actions[Action.APPROVE].isEnabled()
    assert window.queue_list.item(0).text() == "我的草稿  (1)"


def test_docx_and_text_get_a_page_view_too(qtbot, desk_app, workspace, people, sample_files):
    window = _window(qtbot, desk_app, workspace, people.clerk)
    window.import_files([sample_files["docx"], sample_files["txt"]])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    for doc_row in range(2):
        window.table.selectRow(doc_row)
        # A Word draft is laid out by LibreOffice off the UI thread: the window answers meanwhile.
        qtbot.waitUntil(lambda: window.viewer.page_count >= 1, timeout=60_000)
        assert not window.viewer.image.pixmap().isNull()


def test_rejected_files_are_named_and_the_rest_imported(
    qtbot, desk_app, workspace, people, sample_files, tmp_path
):
    empty = tmp_path / "空白.pdf"
    empty.write_bytes(b"")
    window = _window(qtbot, desk_app, workspace, people.clerk)
    window.import_files([empty, sample_files["txt"]])
    qtbot.waitUntil(lambda: isinstance(getattr(window, "last_message", None), QMessageBox), timeout=10_000)
    assert "“空白.pdf”是空文件" in window.last_message.informativeText()
    assert window.model.rowCount() == 1


def test_reviewer_approves_and_clerk_cannot(qtbot, desk_app, workspace, people, sample_files):
    clerk_window = _window(qtbot, desk_app, workspace, people.clerk)
    with qtbot.waitSignal(clerk_window.checks_finished, timeout=60_000):
        clerk_window.import_files([sample_files["clean"]])
    clerk_window.table.selectRow(0)
    assert not clerk_window.transition_actions[Action.APPROVE].isEnabled()
    complete(workspace, people.clerk, clerk_window.current_id)
    clerk_window.refresh()
    assert clerk_window.run_transition(Action.SUBMIT, ask=False)
    reviewer_window = _window(qtbot, desk_app, workspace, people.reviewer)
    assert reviewer_window.model.rowCount() == 1  # 待我审查 is the reviewer's home queue
    reviewer_window.table.selectRow(0)
    assert reviewer_window.transition_actions[Action.APPROVE].isEnabled()
    with qtbot.waitSignal(reviewer_window.approval_finished, timeout=60_000) as signal:
        reviewer_window.approve_current(Conclusion.DISCLOSE, "同意公开", ask=False)
    assert signal.args == [True]
    with workspace.db.read() as s:
        assert s.query(Document).one().status == Status.APPROVED


def _submitted_marked_pdf(qtbot, desk_app, workspace, people, sample_files) -> MainWindow:
    clerk_window = _window(qtbot, desk_app, workspace, people.clerk)
    with qtbot.waitSignal(clerk_window.checks_finished, timeout=60_000):
        clerk_window.import_files([sample_files["pdf"]])
    clerk_window.table.selectRow(0)
    complete(workspace, people.clerk, clerk_window.current_id)
    clerk_window.refresh()
    assert clerk_window.run_transition(Action.SUBMIT, ask=False)
    window = _window(qtbot, desk_app, workspace, people.reviewer)
    window.table.selectRow(0)
    return window


def _accept_choosing_a_basis(dialog) -> int:
    """The reviewer's click: no basis is pre-selected, so apply the suggestion (or pick the first)."""
    if dialog.basis is not None:
        if dialog.apply_suggestion.isVisible() or dialog.suggestion.text():
            dialog.apply_suggestion.click()
        else:
            dialog.basis.setCurrentIndex(0)
    return dialog.DialogCode.Accepted


def test_deciding_findings_by_keyboard_and_approval_gate(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    from app.ui.decision_dialog import DecisionDialog

    window = _submitted_marked_pdf(qtbot, desk_app, workspace, people, sample_files)
    panel = window.findings_panel
    assert panel.deciding
    with qtbot.waitSignal(window.approval_finished, timeout=60_000) as signal:
        window.approve_current(Conclusion.DISCLOSE_REDACTED, "删减后公开", ask=False)
    assert signal.args == [False] and "阻断级发现未处理" in window.last_message.text()

    monkeypatch.setattr(DecisionDialog, "exec", _accept_choosing_a_basis)
    blocking = [i for i, f in enumerate(panel.findings) if f.severity.value == "blocking"]
    window.last_message.done(0)  # the reviewer closes the message, and works on in the window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for index in blocking:
        panel.select_index(index)
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_D)
    assert [panel.decisions[i] for i in blocking] == ["remove", "remove"]
    assert sorted(row[4] for row in panel.row_texts() if row[4]) == ["删除", "删除"]
    with qtbot.waitSignal(window.approval_finished, timeout=60_000) as signal:
        window.approve_current(Conclusion.DISCLOSE_REDACTED, "删减后公开", ask=False)
    assert signal.args == [True]
    with workspace.db.read() as s:
        assert s.query(Document).one().status == Status.APPROVED


def test_drawing_an_area_on_the_page(qtbot, desk_app, workspace, people, sample_files, monkeypatch):
    from app.ui.decision_dialog import DecisionDialog

    monkeypatch.setattr(DecisionDialog, "exec", _accept_choosing_a_basis)
    window = _submitted_marked_pdf(qtbot, desk_app, workspace, people, sample_files)
    viewer = window.viewer
    viewer.draw_button.setChecked(True)
    zoom = viewer.zoom
    left = (
        viewer.image.width() - viewer.image.pixmap().width() / viewer.image.pixmap().devicePixelRatio()
    ) / 2
    start = QPoint(int(left + 100 * zoom), int(265 * zoom))
    end = QPoint(int(left + 300 * zoom), int(280 * zoom))
    qtbot.mousePress(viewer.image, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewer.image, end)
    qtbot.mouseRelease(viewer.image, Qt.MouseButton.LeftButton, pos=end)
    areas = [h for h in viewer.highlights_on(0) if h.key < 0]
    assert len(areas) == 1
    assert abs(areas[0].rect.x0 - 100) < 2 and abs(areas[0].rect.y1 - 280) < 2


def test_stale_window_gets_a_conflict_message(qtbot, desk_app, workspace, people, sample_files):
    from app.documents import import_file

    doc_id = import_file(workspace.db, people.clerk, sample_files["pdf"])
    complete(workspace, people.clerk, doc_id)
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    first = _window(qtbot, desk_app, workspace, people.reviewer)
    first.table.selectRow(0)
    second = _window(qtbot, desk_app, workspace, people.reviewer)
    second.table.selectRow(0)
    assert second.run_transition(Action.RETURN, reason="请补充解读", ask=False)
    with qtbot.waitSignal(first.approval_finished, timeout=60_000) as signal:
        first.approve_current(Conclusion.DISCLOSE, "同意", ask=False)
    assert signal.args == [False] and "已被他人修改" in first.last_message.text()
    with workspace.db.read() as s:
        assert s.get_one(Document, doc_id).status == Status.DRAFT


def test_import_runs_the_check_and_the_viewer_marks_findings(
    qtbot, desk_app, workspace, people, sample_files
):
    window = _window(qtbot, desk_app, workspace, people.clerk)
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        window.import_files([sample_files["pdf"]])
    window.table.selectRow(0)
    panel = window.findings_panel
    rules = {f.rule_id for f in panel.findings}
    assert {"MARK-LEVEL", "PII-ID", "PII-MOBILE"} <= rules
    assert panel.summary.text().startswith("共 3 处：阻断 2，警告 1，提示 0")
    marks = window.viewer.highlights_on(0)
    assert len(marks) >= 3
    # Activating a finding shows its page with its mark emphasised.
    index = next(i for i, f in enumerate(panel.findings) if f.rule_id == "PII-ID")
    panel.finding_activated.emit(index)
    assert window.viewer.current_page == 0 and window.viewer._selected == index
    # The highlight is drawn: the pixel under the ID number is tinted red.
    image = window.viewer.image.pixmap().toImage()
    rect = panel.findings[index].location.rects[0]
    zoom = window.viewer.zoom * image.devicePixelRatio()
    x, y = int((rect.x0 - 2) * zoom), int((rect.y0 + 1) * zoom)
    color = image.pixelColor(x, y)
    assert color.red() > color.blue() + 20


def test_check_on_demand_can_be_cancelled_and_says_so(qtbot, desk_app, workspace, people, tmp_path):
    import pymupdf

    doc = pymupdf.open()
    for i in range(400):
        doc.new_page().insert_text((72, 72), f"第{i}页正文", fontname="china-s")
    path = tmp_path / "长文件.pdf"
    path.write_bytes(doc.tobytes())
    from app.documents import import_file

    doc_id = import_file(workspace.db, people.clerk, path)
    window = _window(qtbot, desk_app, workspace, people.clerk)
    window.table.selectRow(0)
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        task = window.check_documents([doc_id])
        task.cancelled.set()
    assert "取消" in window.statusBar().currentMessage()
    assert "尚未检查" in window.findings_panel.summary.text()


def test_department_lexicon_dialog_imports_and_reports_bad_rows(qtbot, desk_app, workspace, people, tmp_path):
    from app.ui.lexicon_dialog import LexiconDialog

    source = tmp_path / "词库.csv"
    source.write_text(
        "词条,类别,级别,说明,整词\n项目代号甲,项目,阻断,,否\n坏,行,不存在的级别\n", encoding="utf-8"
    )
    dialog = LexiconDialog(workspace.db, people.reviewer)
    qtbot.addWidget(dialog)
    dialog.choose_import = lambda: str(source)
    dialog.import_file()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "项目代号甲"
    assert "第 3 行" in dialog.messages.text()
    out = tmp_path / "导出.csv"
    dialog.choose_export = lambda: str(out)
    dialog.export_file()
    assert "项目代号甲,项目,阻断" in out.read_text(encoding="utf-8")
    clerk_dialog = LexiconDialog(workspace.db, people.clerk)
    qtbot.addWidget(clerk_dialog)
    clerk_dialog.choose_import = lambda: str(source)
    clerk_dialog.import_file()
    assert "保密审查员" in clerk_dialog.messages.text()


def test_published_version_and_record_can_be_saved_again(
    qtbot, desk_app, workspace, people, sample_files, tmp_path
):
    from app.documents import import_file
    from tests.conftest import approve_clean

    doc_id = import_file(workspace.db, people.clerk, sample_files["clean"])
    complete(workspace, people.clerk, doc_id)
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    approve_clean(workspace, people.reviewer, doc_id)
    window = _window(qtbot, desk_app, workspace, people.publisher)
    window.table.selectRow(0)
    target = tmp_path / "审查单.pdf"
    window.choose_save_path = lambda suggested: str(target)
    assert window.save_document_file("record")
    assert target.read_bytes().startswith(b"%PDF")
    target2 = tmp_path / "发布版.pdf"
    window.choose_save_path = lambda suggested: str(target2)
    assert window.save_document_file("published") and target2.stat().st_size > 1000


def test_clerk_edits_the_catalog_details_of_a_draft(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    import datetime as dt

    from PySide6.QtCore import QDate

    from app.ui.metadata_dialog import MetadataDialog

    window = _window(qtbot, desk_app, workspace, people.clerk)
    with qtbot.waitSignal(window.checks_finished, timeout=60_000):
        window.import_files([sample_files["clean"]])
    window.table.selectRow(0)
    assert window.edit_action.isEnabled()

    def fill_and_accept(dialog: MetadataDialog) -> int:
        dialog.title.setText("关于做好冬季供暖保障工作的通知")
        dialog.doc_number.setText("示城管〔2026〕12号")
        dialog.doc_type.setCurrentIndex(dialog.doc_type.findData("通知"))
        dialog.category.setCurrentText("城乡建设、环境保护")
        dialog.has_date.setChecked(True)
        dialog.written_on.setDate(QDate(2026, 10, 15))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MetadataDialog, "exec", fill_and_accept)
    assert window.edit_current()
    with workspace.db.read() as s:
        doc = s.query(Document).one()
        assert (doc.title, doc.doc_number, doc.doc_type, doc.category, doc.written_on) == (
            "关于做好冬季供暖保障工作的通知",
            "示城管〔2026〕12号",
            "通知",
            "城乡建设、环境保护",
            dt.date(2026, 10, 15),
        )
    assert "示城管〔2026〕12号" in window.details.text()
    # Another clerk's stale dialog gets the conflict message and changes nothing.
    stale = MetadataDialog(workspace.db, people.clerk, doc.id)
    qtbot.addWidget(stale)
    stale.version -= 1
    stale.title.setText("覆盖")
    stale.accept()
    assert "已被他人修改" in stale.error.text()


def test_publisher_publishes_an_approved_item_after_the_lint(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    from app.ui.publish_dialog import PublishDialog
    from tests.conftest import approved_document

    approved_document(workspace, people, sample_files["clean"])
    window = _window(qtbot, desk_app, workspace, people.publisher)
    assert window.model.rowCount() == 1  # 已批准待发布 is the publisher's home queue
    window.table.selectRow(0)
    assert window.publish_action.isEnabled()
    seen = {}

    def look_and_accept(dialog: PublishDialog) -> int:
        dialog.summary.setPlainText("概" * 301)
        seen["blocked"] = not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        seen["issues"] = [dialog.issues.item(i).text() for i in range(dialog.issues.count())]
        return PublishDialog.DialogCode.Rejected

    monkeypatch.setattr(PublishDialog, "exec", look_and_accept)
    assert window.publish_current() == ""
    assert seen["blocked"] and any("超过 300 字" in text for text in seen["issues"])


def test_publish_dialog_allocates_the_index_number(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    from app.ui.publish_dialog import PublishDialog
    from tests.conftest import approved_document

    doc_id = approved_document(workspace, people, sample_files["clean"])
    window = _window(qtbot, desk_app, workspace, people.publisher)
    window.table.selectRow(0)

    next_day = TODAY + dt.timedelta(days=1)

    def fill_and_accept(dialog: PublishDialog) -> int:
        dialog.summary.setPlainText("部署今冬明春供暖保障工作。")
        # Left open past midnight: 发布日期 is the day of the click, not of opening the dialog.
        monkeypatch.setattr(desk_day, "today", lambda: next_day)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PublishDialog, "exec", fill_and_accept)
    year = next_day.year
    assert window.publish_current() == f"TEST00001/{year}-00001"
    with workspace.db.read() as s:
        assert s.get_one(Document, doc_id).status == Status.PUBLISHED
        assert s.scalars(select(CatalogEntry)).one().published_on == next_day
    site_data = (workspace.paths.data_dir / "site" / "catalog.js").read_text(encoding="utf-8")
    assert f"TEST00001/{year}-00001" in site_data


def test_encrypted_pdf_asks_for_its_password(qtbot, desk_app, workspace, people, tmp_path):
    import pymupdf

    from review.samples import clean_notice

    path = tmp_path / "加密通知.pdf"
    path.write_bytes(
        pymupdf.open("pdf", clean_notice().data).tobytes(
            encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="口令123", owner_pw="o"
        )
    )
    window = _window(qtbot, desk_app, workspace, people.clerk)
    asked = []
    window.ask_pdf_password = lambda name: asked.append(name) or "口令123"
    window.import_files([path])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert asked == ["加密通知.pdf"]
