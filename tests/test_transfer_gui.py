"""Transfer packages and backups from the desk's menus."""

from __future__ import annotations

from app.catalog import publish_to_catalog
from app.ui.package_dialog import PackageImportDialog
from tests.conftest import approved_document, sqlite_only
from tests.test_gui import _window
from tests.test_transfer import PASSPHRASE, offline_key, trust


def test_export_then_import_through_the_menus(
    qtbot, desk_app, workspace, people, sample_files, online, tmp_path, monkeypatch
):
    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)

    secure = _window(qtbot, desk_app, workspace, people.publisher)
    package = tmp_path / "out.zip"
    secure.ask_secret = lambda *_args: PASSPHRASE
    secure.choose_save_path = lambda _suggested: str(package)
    assert secure.export_package_via_dialog() is not None
    qtbot.waitUntil(lambda: "传输包已导出" in secure.statusBar().currentMessage(), timeout=30_000)

    tampered = tmp_path / "tampered.zip"
    tampered.write_bytes(package.read_bytes()[:-64])
    dialog = PackageImportDialog(online.workspace.db, online.publisher, tampered, tmp_path / "site")
    qtbot.addWidget(dialog)
    assert "已损坏或不完整" in dialog.error.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    window = _window(qtbot, desk_app, online.workspace, online.publisher)
    window.choose_open_path = lambda *_args: str(package)
    seen = []

    def look_and_accept(dialog: PackageImportDialog) -> int:
        seen.append((dialog.summary.text(), dialog.table.item(0, 2).text()))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PackageImportDialog, "exec", look_and_accept)
    assert window.import_package_via_dialog()
    assert "测试市数据局" in seen[0][0] and seen[0][1] == "关于做好冬季供暖保障工作的通知"
    assert "发布 1" in window.statusBar().currentMessage()
    assert len(list((online.workspace.paths.data_dir / "site" / "entries").glob("*.html"))) == 1


def test_backup_from_the_menu(qtbot, desk_app, workspace, people, tmp_path):
    sqlite_only(workspace, "backup of the embedded database (PostgreSQL: pg_dump, see test_backup.py)")
    window = _window(qtbot, desk_app, workspace, people.admin)
    target = tmp_path / "backup.sqlite3"
    window.choose_save_path = lambda _suggested: str(target)
    window.backup_via_dialog()
    qtbot.waitUntil(lambda: "数据库已备份" in window.statusBar().currentMessage(), timeout=30_000)
    assert target.read_bytes().startswith(b"SQLite format 3")
    clerk = _window(qtbot, desk_app, workspace, people.clerk)
    assert not clerk.admin.backup_action.isEnabled() and not clerk.admin.restore_action.isEnabled()


def test_keys_dialog_generates_exports_registers_and_revokes(
    qtbot, desk_app, workspace, people, online, tmp_path
):
    from app.ui.keys_dialog import KeysDialog

    secure = KeysDialog(workspace.db, people.admin, workspace.paths.keys_dir)
    qtbot.addWidget(secure)
    assert "没有安全的密钥环" in "".join(label.text() for label in secure.findChildren(type(secure.message)))
    secure.ask_text = lambda *_args: "short"
    assert not secure.generate() and "至少需要 8 个字符" in secure.message.text()
    secure.ask_text = lambda *_args: PASSPHRASE
    assert secure.generate() and secure.table.rowCount() == 1
    assert secure.table.item(0, 3).text() == "使用中"
    key_path = tmp_path / "key.json"
    secure.choose_path = lambda *_args: str(key_path)
    assert secure.export_public() and key_path.exists()

    window = KeysDialog(online.workspace.db, online.admin, online.workspace.paths.keys_dir)
    qtbot.addWidget(window)
    window.choose_path = lambda *_args: str(key_path)
    assert window.register()
    assert window.table.item(0, 2).text() == "测试市数据局（TEST00001）"
    window.table.selectRow(0)
    window.ask_text = lambda *_args: "涉密机报废"
    assert window.revoke()
    assert window.table.item(0, 3).text() == "已吊销：涉密机报废"
