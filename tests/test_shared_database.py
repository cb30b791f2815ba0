"""The shared desk on PostgreSQL: its password, many people at once, moving a desk over, faults."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import make_url

from app.db.credentials import secret_name
from app.errors import DatabaseUnavailable
from app.secrets import set_secret
from app.workspace import Workspace
from tests.test_cli import desk

PASSWORD = "shared-desk-db-pass"


@pytest.fixture
def password_db(postgres):
    if postgres.own_url:
        pytest.skip("needs a server the tests started (to require a password for a role of its own)")
    return postgres.add_password_role("desk_pw", PASSWORD)


def test_password_comes_from_the_keyring_or_a_prompt_never_the_settings(
    tmp_path, password_db, secure_keyring
):
    with pytest.raises(DatabaseUnavailable, match="需要密码"):
        Workspace.open(tmp_path / "a", password_db).db.dispose()
    asked = []
    ws = Workspace.open(tmp_path / "a", password_db, ask_password=lambda name: asked.append(name) or PASSWORD)
    ws.close()
    assert asked and PASSWORD not in asked[0]  # the prompt shows where, never a password

    set_secret(secret_name(make_url(password_db)), PASSWORD)
    ws = Workspace.open(tmp_path / "b", password_db, ask_password=lambda _name: pytest.fail("asked"))
    ws.close()


def test_settings_keep_the_url_without_its_password(qtbot, desk_app, tmp_path, password_db, secure_keyring):
    from app.settings import Settings
    from app.ui.settings_dialog import SettingsDialog

    settings = Settings()
    dialog = SettingsDialog(settings, str(tmp_path))
    qtbot.addWidget(dialog)
    with_password = make_url(password_db).set(password=PASSWORD).render_as_string(hide_password=False)
    dialog.db_url.setText(with_password)
    dialog.accept()
    settings.save(tmp_path / "settings.json")
    saved = (tmp_path / "settings.json").read_text(encoding="utf-8")
    assert PASSWORD not in saved and json.loads(saved)["db_url"] == password_db
    ws = Workspace.open(tmp_path / "c", settings.db_url, ask_password=lambda _name: pytest.fail("asked"))
    ws.close()


def test_the_cli_asks_through_its_environment_variable(tmp_path, password_db):
    r = desk(tmp_path / "d", "--db", password_db, "demo")
    assert r.returncode == 2 and "密码" in r.stderr
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")} | {"DESK_DB_PASSWORD": PASSWORD}
    r = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "d"), "--db", password_db, "demo"],
        cwd=desk.__globals__["ROOT"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert PASSWORD not in (tmp_path / "d" / "desk.log").read_text(encoding="utf-8")
