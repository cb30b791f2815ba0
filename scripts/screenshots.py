"""Saves PNG screenshots of the desk's windows with a sample workspace, for looking at what we build.

xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py OUT_DIR [--lang en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app import users
from app.checking import save_department_lexicon
from app.db.models import Document, User
from app.demo import DEMO_INTERPRETATION, DEMO_PASSWORD, create_demo_workspace
from app.ui.application import DeskApplication
from app.ui.catalog_settings import CatalogSettingsDialog
from app.ui.first_run import FirstRunDialog
from app.ui.interpretation_dialog import InterpretationDialog
from app.ui.lexicon_dialog import LexiconDialog
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.workspace import Workspace


def shoot(app: DeskApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def _decide_one(ws: Workspace) -> None:
    """The reviewer's first document with one finding decided, so the desk shows both states."""
    from app.checking import latest_run
    from app.reviewing import decide
    from publish.taxonomy import LegalBasis

    with ws.db.write() as session:
        reviewer = users.authenticate(session, "reviewer", DEMO_PASSWORD)
        run = latest_run(session, 2)
        marking = next(f for f in run.findings if f.rule_id == "MARK-LEVEL") if run else None
        if marking is not None:
            decide(session, reviewer, marking.id, "remove", basis=LegalBasis.STATE_SECRET)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = DeskApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(tmp)
        app.configure(ws.paths, args.lang)
        suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
        shoot(app, FirstRunDialog(ws.db), args.out / f"first_run{suffix}.png")
        create_demo_workspace(ws.db, None, ws.paths.cache_dir)
        shoot(app, LoginDialog(ws.db, "reviewer"), args.out / f"login{suffix}.png")
        _decide_one(ws)
        for login, row in (("reviewer", 0), ("clerk", 1)):
            with ws.db.read() as session:
                user_id = users.authenticate(session, login, DEMO_PASSWORD).id
            window = MainWindow(ws, user_id, app.log_handler)
            window.resize(1400, 860)
            window.show()
            app.processEvents()
            window.table.selectRow(row)
            shoot(app, window, args.out / f"main_{login}{suffix}.png")
            window.close()
        with ws.db.read() as session:
            reviewer = users.authenticate(session, "reviewer", DEMO_PASSWORD).id
        with ws.db.write() as session:
            save_department_lexicon(
                session,
                session.get_one(User, reviewer),
                "词条,类别,级别,说明,整词\n供暖,示例,提示,演示用词条,否\n秘密花园,,允许,,\n".encode(),
            )
        shoot(app, LexiconDialog(ws.db, reviewer), args.out / f"lexicon{suffix}.png")
        with ws.db.read() as session:
            clerk = users.authenticate(session, "clerk", DEMO_PASSWORD).id
            normative = session.scalars(select(Document.id).where(Document.normative)).one()
        dialog = InterpretationDialog(ws.db, clerk, normative)
        dialog.editor.edit.setHtml(DEMO_INTERPRETATION)
        shoot(app, dialog, args.out / f"interpretation{suffix}.png")
        with ws.db.read() as session:
            admin = users.authenticate(session, "admin", DEMO_PASSWORD).id
        settings = CatalogSettingsDialog(ws.db, admin)
        settings.serial_scope.setCurrentIndex(settings.serial_scope.findData("category"))
        (leaf,) = settings.tree.findItems("综合政务 ●", Qt.MatchFlag.MatchRecursive)
        settings.tree.setCurrentItem(leaf)
        settings.set_code("A01")
        shoot(app, settings, args.out / f"catalog_settings{suffix}.png")
        ws.close()


if __name__ == "__main__":
    main()
