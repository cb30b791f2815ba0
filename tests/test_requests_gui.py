"""The 依申请公开 window offscreen: registering, the clocks' colours and pauses, drafting a 答复书."""

from __future__ import annotations

import datetime as dt

import pymupdf
from PySide6.QtCore import QDate, Qt

from app import info_requests
from app.db.models import Document, User
from app.db.models_requests import InfoRequest, RequestAttachment
from app.ui.main_window import MainWindow
from app.ui.requests_view import AMBER, RED, RequestTableModel
from publish.answer_letter import LetterKind
from publish.request_clock import compute
from publish.request_outcomes import ApplicantKind
from tests.run_day import TODAY


def due_soon_received_on() -> dt.date:
    """A receipt day whose answer is due within 3 working days from today (whatever the holidays)."""
    day = TODAY
    while not compute(day, [], TODAY).due_soon:
        day -= dt.timedelta(days=1)
    return day


def test_requests_window_shows_clocks_and_drafts_an_answer(qtbot, desk_app, workspace, people, tmp_path):
    window = MainWindow(workspace, people.clerk, desk_app.log_handler)
    qtbot.addWidget(window)
    letter = tmp_path / "来信.pdf"
    letter.write_bytes(b"%PDF-1.4 scanned letter")
    window.choose_files = lambda: [str(letter)]
    controller = window.requests
    view = controller.open_requests()
    assert "没有依申请公开申请" in view.details.text()

    dialog = controller.register()
    dialog.widgets["name"].setText("欧阳明轩")
    dialog.widgets["content"].setPlainText("和平街道2025年冬季供暖补贴发放明细")
    dialog.accept()
    assert "请填写联系方式" in dialog.error.text() and dialog.isVisible()  # nothing lost: still open
    received = TODAY - dt.timedelta(days=45)  # past 20 working days whatever the holidays
    dialog.widgets["received"].setDate(QDate(received.year, received.month, received.day))
    dialog.widgets["contact"].setText("测试市和平路12号")
    dialog.add_files()
    dialog.accept()
    assert not dialog.isVisible()
    with workspace.db.write() as s:
        assert [a.name for a in s.query(RequestAttachment)] == ["来信.pdf"]
        info_requests.register(
            s,
            s.get_one(User, people.clerk),
            applicant_kind=ApplicantKind.BUSINESS,
            applicant_name="测试市某某建筑有限公司",
            applicant_contact="info@example.cn",
            content="2026年城市道路维修工程招标文件",
            channel=info_requests.Channel.ONLINE,
            received_on=due_soon_received_on(),
        )
    controller.refresh()
    model = view.model
    content = RequestTableModel.COLUMNS.index("content")
    overdue, soon = model.rows
    assert overdue.overdue and soon.due_soon
    assert model.data(model.index(0, content), Qt.ItemDataRole.ForegroundRole) == RED
    assert model.data(model.index(1, content), Qt.ItemDataRole.ForegroundRole) == AMBER
    assert model.data(model.index(0, content)) == "和平街道2025年冬季供暖补贴发放明细"
    assert "已逾期" in model.data(model.index(0, RequestTableModel.COLUMNS.index("left")))
    assert "已逾期 1 件" in view.statusBar().currentMessage()
    # The list does not name applicants; the selected request's file does.
    assert all("欧阳明轩" not in str(model.data(model.index(0, c))) for c in range(model.columnCount()))
    assert "欧阳明轩" in view.details.text()

    view.table.selectRow(1)
    consult = controller.consult()
    consult.accept()
    assert not consult.isVisible()
    left = model.data(model.index(1, RequestTableModel.COLUMNS.index("left")))
    assert model.rows[1].paused and "（暂停）" in left
    view.table.selectRow(1)
    assert "征求意见" in view.details.text()
    view.resize(1180, 520)
    view.table.selectRow(0)
    view.grab().save(str(tmp_path / "requests.png"))

    view.table.selectRow(1)
    extend = controller.extend()
    extend.widgets["consented_by"].setText("李科长")
    extend.widgets["note"].setPlainText("需调取的档案数量较多")
    extend.accept()
    assert not extend.isVisible(), extend.error.text()
    view.table.selectRow(1)
    assert "延期答复（经李科长同意）：需调取的档案数量较多" in view.details.text()
    window.choose_save_path = lambda name: str(tmp_path / name)
    controller.save_notice(LetterKind.EXTENSION)
    notice = tmp_path / f"延期答复告知书（{soon.number}）.pdf"
    qtbot.waitUntil(notice.exists, timeout=10_000)
    with pymupdf.open(notice) as doc:
        shown = doc[0].get_text().replace("\n", "")
    assert "因需调取的档案数量较多" in shown and "第三十三条第二款" in shown and "依申请延期〔" in shown

    view.table.selectRow(0)
    draft = controller.draft_answer()
    draft.outcome.setCurrentIndex(draft.outcome.findData("not_exist"))
    draft.generate()
    assert "缺少以下内容，不能生成：检索情况" in draft.error.text()
    draft.fact_edits["searched"].setText("以“供暖补贴”为关键词在公文系统中检索")
    draft.generate()
    assert (
        draft.text.toPlainText().startswith("^政府信息公开申请答复书")
        and "欧阳明轩" in draft.text.toPlainText()
    )
    qtbot.wait(20)  # the facts' fields are shown by a queued call
    draft.grab().save(str(tmp_path / "draft.png"))
    draft.accept()
    qtbot.waitUntil(lambda: view.model.rows[0].answer_document_id is not None, timeout=10_000)
    with workspace.db.read() as s:
        answer = s.get_one(Document, s.get_one(InfoRequest, overdue.id).answer_document_id)
        assert answer.title.startswith("政府信息公开申请答复书（") and "欧阳明轩" not in answer.title
    assert "答复书草稿已保存为文件" in window.statusBar().currentMessage()
    assert f"文件 #{answer.id}（草稿）" in view.details.text()
    controller.open_answer()
    assert window.current_id == answer.id
