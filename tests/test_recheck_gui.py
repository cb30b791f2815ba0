"""目录 → 全面复查 in the desk: the run off the UI thread, the grouped list, an entry's findings on
its published PDF, and 更正 / 撤回 from there."""

from __future__ import annotations

from sqlalchemy import select

from app import recheck
from app.db.models import CatalogEntry, Document
from app.ui.recheck_dialog import ENTRY_ROLE, RecheckDialog
from app.ui.tasks import TaskRunner
from tests.test_recheck import NEW_TERM, _add_terms, catalog  # noqa: F401 - the fixture


def test_the_dialog_runs_lists_opens_corrects_and_withdraws(qtbot, desk_app, workspace, people, catalog):  # noqa: F811
    _add_terms(workspace, people, NEW_TERM)
    runner = TaskRunner()
    dialog = RecheckDialog(
        workspace.db, people.publisher, runner, workspace.paths.data_dir, workspace.paths.cache_dir
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert "还没有进行过全面复查" in dialog.summary.text()
    dialog.start(recheck.FULL)
    assert not dialog.full_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.full_button.isEnabled(), timeout=60_000)
    assert "已完成：3/3 条" in dialog.summary.text(), dialog.summary.text()
    groups = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    (lexicon,) = [g for g in groups if g.text(0).startswith("词库：")]
    assert lexicon.text(0).endswith("· 测试市数据局") and lexicon.childCount() == 3
    item = lexicon.child(0)
    assert item.text(0).startswith(catalog[0]) and item.text(2) == NEW_TERM
    dialog.tree.setCurrentItem(item)
    rows = dialog.findings.row_texts()
    assert any(NEW_TERM in " ".join(r) for r in rows) and any("第1页" in " ".join(r) for r in rows)
    assert dialog.viewer.page_count == 1 and dialog.viewer.highlights_on(0)
    dialog.grab().save(str(workspace.paths.data_dir / "recheck.png"))

    # The publisher is no clerk: a correction is a clerk's import, and the dialog says so.
    assert dialog.correct_selected() is None and "经办人" in dialog.message.text()
    dialog.user_id = people.clerk
    draft_id = dialog.correct_selected()
    with workspace.db.read() as s:
        draft = s.get_one(Document, draft_id)
        entry = s.scalars(select(CatalogEntry).where(CatalogEntry.index_no == catalog[0])).one()
        assert draft.status == "draft" and draft.title == entry.title and draft.category == entry.category
    dialog.user_id = people.publisher
    dialog.tree.setCurrentItem(item)
    assert dialog.withdraw_selected("复查发现问题，撤回更正"), dialog.message.text()
    remaining = [
        dialog.tree.topLevelItem(i).child(j).data(0, ENTRY_ROLE)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    ]
    assert entry.id not in remaining
    runner.wait(5000)
