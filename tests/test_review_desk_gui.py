"""The desk a reviewer works in all day, as the reviewer sees it: findings in Chinese words, marks on
every kind of original, decision keys anywhere in the window, many findings decided at once, and
labels that say what they are."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from app import documents
from app.checking import check_document
from app.db.models import AuditEvent, Document, User
from app.redaction import KEEP, REMOVE
from app.roles import Status
from app.ui.decision_dialog import DecisionDialog, Remembered
from app.ui.main_window import MainWindow
from publish.taxonomy import LegalBasis
from review import samples
from tests import planted
from tests.conftest import submit_draft
from tests.run_day import TODAY
from tests.test_gui import complete

ENGLISH_CODE = re.compile(r"\b(?:PII|HID|MARK|NOTE|LEX|OCR|SCAN|ORG|MEDIA)(?:-[A-Z0-9]+)*\b")
PACKAGE_PATH = re.compile(r"word/|docProps|customXml|\.xml|Doc_\d|OFD\.xml|author|creator|subject")


def _window(qtbot, desk_app, workspace, user_id) -> MainWindow:
    window = MainWindow(workspace, user_id, desk_app.log_handler)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _submitted(workspace, people, name: str, data: bytes, tmp_path) -> int:
    path = tmp_path / name
    path.write_bytes(data)
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    check_document(workspace.db, None, doc_id, workspace.paths.cache_dir)
    complete(workspace, people.clerk, doc_id)
    with workspace.db.write() as s:
        submit_draft(s, s.get_one(User, people.clerk), doc_id)
    return doc_id


def _reviewing(qtbot, desk_app, workspace, people, tmp_path, name: str, data: bytes) -> MainWindow:
    doc_id = _submitted(workspace, people, name, data, tmp_path)
    window = _window(qtbot, desk_app, workspace, people.reviewer)
    window.open_document(doc_id)
    return window


def _tooltips(panel) -> list[str]:
    model = panel.model
    return [
        str(model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


# -- 1. the findings panel --------------------------------------------------------------------------


def test_every_rule_the_engine_can_report_has_a_chinese_name():
    from pathlib import Path

    from app.finding_labels import RULE_NAMES

    root = Path(__file__).resolve().parents[1]
    literal = re.compile(r"[\"'](?:PII|HID|MARK|NOTE|OCR|SCAN|ORG|MEDIA|WORD)-[A-Z0-9-]+[\"']")
    ids = {
        m.group(0)[1:-1]
        for folder in ("review", "app")
        for path in (root / folder).rglob("*.py")
        for m in literal.finditer(path.read_text(encoding="utf-8"))
    }
    assert ids and ids <= set(RULE_NAMES), ids - set(RULE_NAMES)


def test_findings_read_in_chinese_places_and_rule_names(qtbot, desk_app, workspace, people, tmp_path):
    doc = samples.minutes_docx()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    panel = window.findings_panel
    rows = panel.row_texts()
    assert rows, "the DOCX sample has findings"
    for text in [cell for row in rows for cell in row] + _tooltips(panel):
        assert not ENGLISH_CODE.search(text), text
        assert not PACKAGE_PATH.search(text), text
    places = {row[3] for row in rows}
    assert {"页眉 第1段", "批注 第1段", "正文 第3段", "文档属性·作者、备注"} <= places
    rules = {row[1] for row in rows}
    assert {"银行卡号", "手机号码", "词库：内部标识"} <= rules
    # Blocking first, then by place: the body before the header, the header before the comments.
    severities = [row[0] for row in rows]
    assert severities == sorted(severities, key=["阻断", "警告", "提示"].index)
    assert [row[3] for row in rows if row[0] == "阻断"] == ["正文 第3段", "页眉 第1段", "页眉 第1段"]
    # The hit with a few words of context, and the whole of it in the detail pane.
    card = next(row for row in rows if row[1] == "银行卡号")
    assert samples.SAMPLE_BANK_CARD in card[2] and "结算账户" in card[2]
    index = next(i for i, f in enumerate(panel.findings) if f.rule_id == "PII-BANKCARD")
    panel.select_index(index)
    detail = panel.detail.toPlainText()
    assert samples.SAMPLE_BANK_CARD in detail and "正文 第3段" in detail and "未处理" in detail
    assert not ENGLISH_CODE.search(detail)


def test_long_hidden_text_is_whole_in_the_detail_pane(qtbot, desk_app, workspace, people, tmp_path):
    doc = samples.hidden_text_report()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    panel = window.findings_panel
    index = next(i for i, f in enumerate(panel.findings) if f.rule_id == "HID-TEXT")
    whole = panel.findings[index].text
    panel.select_index(index)
    assert whole in panel.detail.toPlainText()
    row = next(r for r in panel.row_texts() if r[1] == "读者看不到的文字")
    assert row[3] == "第1页 隐藏文字·白色文字"
    meta = next(r for r in panel.row_texts() if r[1] == "知悉范围标志")
    assert meta[3] == "文档属性·主题"


@pytest.mark.parametrize("kind", ["txt", "docx", "doc", "ofd"], ids=["txt", "docx", "doc", "ofd"])
def test_text_view_marks_the_hits_of_txt_word_and_ofd(qtbot, desk_app, workspace, people, tmp_path, kind):
    if kind == "txt":
        doc = samples.gbk_text_notice()
        name, data = doc.name, doc.data
    elif kind == "docx":
        doc = samples.minutes_docx()
        name, data = doc.name, doc.data
    elif kind == "doc":  # read through LibreOffice, off the UI thread
        from review.convert import shared

        converter = shared()
        assert converter is not None, "the tests' set-up installs LibreOffice"
        name = "老旧小区改造会议纪要.doc"
        data = converter.convert("纪要.docx", samples.minutes_docx().data, "MS Word 97", ".doc")
    else:
        data, _ = planted.ofd_with_hidden_places()
        name = "隐藏内容测试.ofd"
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, name, data)
    view, panel = window.text_view, window.findings_panel
    assert window.original_tabs.currentWidget() is view
    with_text = [i for i, f in enumerate(panel.findings) if f.text]
    assert with_text
    qtbot.waitUntil(lambda: set(with_text) <= set(view.positions), timeout=60_000)
    text = view.browser.toPlainText()
    for i in with_text:
        start, end = view.positions[i]
        assert text[start:end] == panel.findings[i].text
    # Selecting a finding outlines its mark; clicking a mark selects its finding.
    target = with_text[-1]
    panel.select_index(target)
    assert view.selected == target and view.browser.extraSelections()
    panel.select_index(with_text[0])
    view.browser.anchorClicked.emit(QUrl(f"finding:{target}"))
    assert panel.current_index() == target


def test_pdf_keeps_its_highlights_and_no_text_view(qtbot, desk_app, workspace, people, tmp_path):
    doc = samples.marked_notice()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    assert window.original_tabs.currentWidget() is window.viewer
    assert not window.original_tabs.isTabEnabled(window.original_tabs.indexOf(window.text_view))
    assert len(window.viewer.highlights_on(0)) >= 3


# -- 2. the keyboard ------------------------------------------------------------------------------


def _capture_dialogs(monkeypatch, answer=None) -> list[DecisionDialog]:
    opened: list[DecisionDialog] = []

    def exec_(dialog: DecisionDialog) -> int:
        opened.append(dialog)
        if answer is None:
            return DecisionDialog.DialogCode.Rejected
        answer(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DecisionDialog, "exec", exec_)
    return opened


def test_decision_keys_work_anywhere_but_never_take_typing(
    qtbot, desk_app, workspace, people, tmp_path, monkeypatch
):
    doc = samples.marked_notice()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    opened = _capture_dialogs(monkeypatch)
    # Opening the document selects its first undecided finding: a key decides it at once.
    assert window.findings_panel.current_index() is not None
    # Focus in the document list, not the findings: D still decides the selected finding.
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_D)
    assert len(opened) == 1 and opened[0].decision == REMOVE
    qtbot.keyClick(window.viewer.image, Qt.Key.Key_K)
    assert len(opened) == 2 and opened[1].decision == KEEP
    # In a text field the letter is typing.
    field = QLineEdit(window)
    window.statusBar().addWidget(field)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_D)
    assert field.text() == "d" and len(opened) == 2
    # N and P move through the list from anywhere too.
    window.table.setFocus()
    first = window.findings_panel.current_index()
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    assert window.findings_panel.current_index() != first


def test_the_decision_dialog_confirms_with_enter_and_the_key_types_nothing(qtbot, desk_app):
    finding = samples_finding()
    dialog = DecisionDialog(REMOVE, finding, last=Remembered(LegalBasis.THIRD_PARTY_RIGHTS, "个人信息"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.focusWidget() is not dialog.reason
    assert dialog.reason.toPlainText() == "个人信息" and "沿用上次" in dialog.remembered.text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_D)
    assert dialog.reason.toPlainText() == "个人信息"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == DecisionDialog.DialogCode.Accepted
    assert dialog.selected_basis() is LegalBasis.THIRD_PARTY_RIGHTS
    # With nothing offered, the cursor is on the basis: a key picks one, Enter confirms.
    fresh = DecisionDialog(REMOVE, finding)
    qtbot.addWidget(fresh)
    fresh.show()
    assert fresh.focusWidget() is fresh.basis
    qtbot.keyClick(fresh.basis, Qt.Key.Key_D)
    assert fresh.reason.toPlainText() == ""
    qtbot.keyClick(fresh.basis, Qt.Key.Key_Down)
    assert fresh.selected_basis() is not None
    qtbot.keyClick(fresh.basis, Qt.Key.Key_Return)
    assert fresh.result() == DecisionDialog.DialogCode.Accepted
    # 保留 needs a reason: Enter says so and puts the cursor there.
    keep = DecisionDialog(KEEP, finding)
    qtbot.addWidget(keep)
    keep.show()
    assert keep.focusWidget() is not keep.reason
    qtbot.keyClick(keep.focusWidget(), Qt.Key.Key_K)
    qtbot.keyClick(keep.focusWidget(), Qt.Key.Key_Return)
    assert keep.result() != DecisionDialog.DialogCode.Accepted and "理由" in keep.error.text()
    assert keep.reason.toPlainText() == ""


def samples_finding():
    from review.model import Channel, Finding, Location, Severity

    return Finding(
        "PII-ID",
        "个人信息",
        Severity.BLOCKING,
        "居民身份证号",
        Channel.VISIBLE,
        Location(page=0),
        samples.SAMPLE_ID,
    )


def test_the_last_reason_per_category_is_offered_again(
    qtbot, desk_app, workspace, people, tmp_path, monkeypatch
):
    doc = samples.marked_notice()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    panel = window.findings_panel

    def keep_with_reason(dialog: DecisionDialog) -> None:
        if not dialog.reason.toPlainText():
            dialog.reason.setPlainText("联系人为单位工作人员，已同意公开")

    opened = _capture_dialogs(monkeypatch, keep_with_reason)
    mobile = next(i for i, f in enumerate(panel.findings) if f.rule_id == "PII-MOBILE")
    pii = next(i for i, f in enumerate(panel.findings) if f.rule_id == "PII-ID")
    panel.select_index(mobile)
    qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert panel.decisions[mobile] == KEEP and opened[0].remembered.isHidden()
    panel.select_index(pii)
    qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert opened[1].reason.toPlainText() == "联系人为单位工作人员，已同意公开"
    assert not opened[1].remembered.isHidden()


# -- several findings at once -----------------------------------------------------------------------


def _five_ids(tmp_path) -> tuple[str, bytes]:
    lines = [f"第{n}次登记：申请人身份证号{samples.SAMPLE_ID}。" for n in range(1, 6)]
    text = "关于行政许可申请登记情况的通报\n" + "\n".join(lines) + "\n示例市政务服务中心\n"
    return "登记情况通报.txt", text.encode("utf-8")


def _decide_events(workspace) -> list[AuditEvent]:
    with workspace.db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == "finding.decide")))


def test_all_identical_hits_are_decided_at_once(qtbot, desk_app, workspace, people, tmp_path, monkeypatch):
    name, data = _five_ids(tmp_path)
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, name, data)
    panel = window.findings_panel
    ids = [i for i, f in enumerate(panel.findings) if f.rule_id == "PII-ID"]
    assert len(ids) == 5
    panel.select_index(ids[0])
    assert "共有 5 处相同的发现" in panel.detail.toPlainText()

    def apply_suggestion(dialog: DecisionDialog) -> None:
        assert dialog.also_identical is not None and dialog.also_identical.isChecked()
        assert "其余 4 处" in dialog.also_identical.text()
        dialog.apply_suggestion.click()

    _capture_dialogs(monkeypatch, apply_suggestion)
    qtbot.keyClick(window.table, Qt.Key.Key_D)
    assert [panel.decisions[i] for i in ids] == [REMOVE] * 5
    assert len(_decide_events(workspace)) == 5  # one action, each decision audited
    assert "已处理 5 处发现" in window.statusBar().currentMessage()


def test_selected_findings_are_decided_together(qtbot, desk_app, workspace, people, tmp_path, monkeypatch):
    doc = samples.marked_notice()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    panel = window.findings_panel
    blocking = [i for i, f in enumerate(panel.findings) if f.severity.value == "blocking"]
    panel.select_indexes(blocking)
    assert panel.selected_indexes() == blocking and "已选中 2 处" in panel.detail.toPlainText()
    seen = []

    def pick_basis(dialog: DecisionDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.basis.setCurrentIndex(dialog.basis.findData(LegalBasis.STATE_SECRET.value))

    _capture_dialogs(monkeypatch, pick_basis)
    qtbot.keyClick(window.table, Qt.Key.Key_D)
    assert seen == ["删除（2 处）"]
    assert [panel.decisions[i] for i in blocking] == [REMOVE, REMOVE]
    assert len(_decide_events(workspace)) == 2


def test_a_refused_decision_in_a_batch_decides_none(qtbot, desk_app, workspace, people, tmp_path):
    doc = samples.marked_notice()
    window = _reviewing(qtbot, desk_app, workspace, people, tmp_path, doc.name, doc.data)
    panel = window.findings_panel
    everything = list(range(len(panel.findings)))
    # 技术性清理 is refused for visible text: the whole batch stays undecided.
    assert not window.decide_findings(everything, REMOVE, basis=LegalBasis.TECHNICAL_CLEANUP, ask=False)
    assert panel.decisions == [None] * len(everything) and _decide_events(workspace) == []
    assert "技术性清理" in window.last_message.text()


# -- 3. labels ----------------------------------------------------------------------------------------


def test_an_approved_document_shows_the_review_opinion_as_such(
    qtbot, desk_app, workspace, people, sample_files
):
    from tests.conftest import approved_document

    approved_document(workspace, people, sample_files["clean"])
    window = _window(qtbot, desk_app, workspace, people.publisher)
    window.table.selectRow(0)
    assert "审查意见" in window.details.text() and "同意公开" in window.details.text()
    assert "退回" not in window.details.text()


def test_queues_are_the_roles_own(qtbot, desk_app, workspace, people):
    def queues(user_id: int) -> list[str]:
        window = _window(qtbot, desk_app, workspace, user_id)
        return [window.queue_list.item(i).text().split()[0] for i in range(window.queue_list.count())]

    assert queues(people.publisher) == ["已批准待发布", "已发布", "全部文件"]
    assert queues(people.clerk) == ["我的草稿", "已发布", "全部文件"]
    assert queues(people.reviewer) == ["待我审查", "已批准待发布", "已发布", "全部文件"]
    assert queues(people.clerk_reviewer)[:2] == ["我的草稿", "待我审查"]


def test_statistics_are_counted_on_opening_and_one_month_is_one_bar(
    qtbot, desk_app, workspace, people, sample_files
):

    from app.catalog import publish_to_catalog
    from app.ui.statistics_view import StatisticsWindow
    from tests.conftest import approved_document

    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="部署供暖保障工作。")
    window = StatisticsWindow(workspace.db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.figures is not None, timeout=30_000)  # nobody pressed 统计
    assert "主动公开 1 条" in window.summary.text()
    months = window.by_month.months()
    assert len(months) == 12 and [n for _, n in months].count(1) == 1
    assert dict(months)[TODAY.month] == 1
    # The period is not cut off in the table.
    period = next(r for r in range(window.table.rowCount()) if window.table.item(r, 0).text() == "统计期间")
    text = window.table.item(period, 2).text()
    assert window.table.columnWidth(2) >= window.table.fontMetrics().horizontalAdvance(text)


def test_publishing_says_which_targets_it_wrote_and_where_the_site_is(
    qtbot, desk_app, workspace, people, sample_files, monkeypatch
):
    from app.ui.publish_dialog import PublishDialog
    from tests.conftest import approved_document

    approved_document(workspace, people, sample_files["clean"])
    window = _window(qtbot, desk_app, workspace, people.publisher)
    window.table.selectRow(0)

    def to_package(dialog: PublishDialog) -> int:
        assert not dialog.to_portal.isEnabled()  # no portal address in the settings
        dialog.summary.setPlainText("部署今冬明春供暖保障工作。")
        dialog.to_package.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PublishDialog, "exec", to_package)
    index_no = window.publish_current()
    assert index_no
    said = window.last_message.informativeText()
    site = workspace.paths.data_dir / "site"
    assert index_no in said and "静态目录网站" in said and str(site) in said and "传输包" in said
    assert "门户" not in said
    assert (site / "index.html").exists()
    with workspace.db.read() as s:
        assert s.scalars(select(Document)).one().status == Status.PUBLISHED


def test_no_window_module_is_a_room_nobody_finds_their_way_in():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "app" / "ui"
    sizes = {
        p.relative_to(root).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in root.rglob("*.py")
    }
    assert max(sizes.values()) <= 500, {k: v for k, v in sizes.items() if v > 500}
