from __future__ import annotations

import pytest

from app import categories
from app.db.models import User
from app.errors import PermissionDenied, ValidationFailed
from publish.taxonomy import NATIONAL_CATEGORIES
from tests.run_day import TODAY


def test_tree_is_seeded_and_grows_leaves(workspace, people):
    with workspace.db.write() as s:
        tree = categories.paths(s)
        assert set(NATIONAL_CATEGORIES) <= set(tree)
        assert tree["城乡建设、环境保护"] is False  # it has 城市管理 now (added by the fixture)
        assert tree["城乡建设、环境保护\\城市管理"] is True and tree["其他"] is True
        # The national policy library's second level, under its current labels.
        assert tree["综合政务"] is False and tree["综合政务\\政务公开"] is True
        assert tree["民政、乡村振兴、救灾\\社会福利"] is True and "民政、扶贫、救灾" not in tree
        admin = s.get_one(User, people.admin)
        assert categories.add(s, admin, "城乡建设、环境保护\\城市管理", "市容环卫", "A0101") == (
            "城乡建设、环境保护\\城市管理\\市容环卫"
        )
        assert "城乡建设、环境保护\\城市管理" not in categories.leaves(s)
        with pytest.raises(ValidationFailed, match="已存在"):
            categories.add(s, admin, "城乡建设、环境保护", "城市管理")
        with pytest.raises(ValidationFailed, match="不存在"):
            categories.add(s, admin, "没有这个大类", "子类")
        with pytest.raises(PermissionDenied):
            categories.add(s, s.get_one(User, people.clerk), "国防", "民兵")


def test_catalog_settings_dialog(qtbot, desk_app, workspace, people):

    from PySide6.QtCore import Qt

    from app.catalog import department_scheme
    from app.ui.catalog_settings import CatalogSettingsDialog

    dialog = CatalogSettingsDialog(workspace.db, people.admin)
    qtbot.addWidget(dialog)
    assert dialog.preview.text() == f"TEST00001/{TODAY.year}-00001"
    dialog.date_format.setCurrentText("YYYYMM")
    dialog.reset.setCurrentIndex(dialog.reset.findData("monthly"))
    dialog.digits.setValue(6)
    assert dialog.preview.text() == f"TEST00001/{TODAY:%Y%m}-000001"
    assert dialog.save()
    with workspace.db.read() as s:
        assert department_scheme(s, s.get_one(User, people.admin).department).serial_digits == 6
    dialog.date_format.setCurrentText("YYYY")  # monthly reset with a yearly date would repeat numbers
    assert "按月重置须使用 YYYYMM" in dialog.error.text() and not dialog.save()
    top = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).data(0, 256) == "国防"
    )
    dialog.tree.setCurrentItem(top)
    assert dialog.add_category("民兵预备役")
    with workspace.db.read() as s:
        assert "国防\\民兵预备役" in categories.leaves(s)
    # Numbers per category, with the category's code before the date.
    (new_leaf,) = dialog.tree.findItems("民兵预备役 ●", Qt.MatchFlag.MatchRecursive)
    dialog.tree.setCurrentItem(new_leaf)
    dialog.reset.setCurrentIndex(dialog.reset.findData("yearly"))
    dialog.serial_scope.setCurrentIndex(dialog.serial_scope.findData("category"))
    assert "须为主题分类设定代码" in dialog.error.text()
    assert dialog.set_code("GF01")
    assert dialog.tree.currentItem().text(1) == "GF01"
    assert dialog.preview.text() == f"TEST00001/GF01-{TODAY.year}-000001"  # 6 digits, set above
    assert dialog.save()
    with workspace.db.read() as s:
        scheme = department_scheme(s, s.get_one(User, people.admin).department)
    assert scheme.serial_scope == "category" and scheme.category_codes == {"国防\\民兵预备役": "GF01"}
    clerk_dialog = CatalogSettingsDialog(workspace.db, people.clerk)
    qtbot.addWidget(clerk_dialog)
    assert not clerk_dialog.save() and "系统管理员" in clerk_dialog.error.text()
