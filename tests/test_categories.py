from __future__ import annotations

import pytest

from app import categories
from app.db.models import User
from app.errors import PermissionDenied, ValidationFailed
from publish.taxonomy import NATIONAL_CATEGORIES


def test_tree_is_seeded_and_grows_leaves(workspace, people):
    with workspace.db.write() as s:
        tree = categories.paths(s)
        assert set(NATIONAL_CATEGORIES) <= set(tree)
        assert tree["城乡建设、环境保护"] is False  # it has 城市管理 now (added by the fixture)
        assert tree["城乡建设、环境保护\\城市管理"] is True and tree["国防"] is True
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
