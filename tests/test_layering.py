"""The owner's layering rule: review/ and publish/ never load Qt or the database; Qt stays in app/ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {modules!r}:\n"
        "    pkg = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_review_and_publish_load_neither_qt_nor_database_nor_app():
    loaded = _loaded_after_import(["review", "publish"])
    forbidden = {
        m for m in loaded if m.split(".")[0] in {"PySide6", "shiboken6", "sqlalchemy", "alembic", "app"}
    }
    assert forbidden == set()
    # Something was really imported, so the check above is not vacuous.
    assert {"review.formats", "review.as_pdf", "publish.taxonomy"} <= loaded


def test_only_app_ui_imports_pyside6():
    offenders = []
    product = [
        ROOT / "main.py",
        *(p for pkg in ("app", "review", "publish") for p in (ROOT / pkg).glob("**/*.py")),
    ]
    assert len(product) > 20
    for path in product:
        rel = path.relative_to(ROOT)
        if rel.parts[:2] == ("app", "ui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "PySide6" for n in names):
                offenders.append(str(rel))
    assert offenders == []


def test_app_core_works_without_qt():
    code = "import sys, app.cli, app.demo, app.workspace; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "app.cli" in loaded
    assert not any(m.startswith("PySide6") for m in loaded)


def test_desk_start_path_loads_neither_jieba_nor_pymupdf():
    """jieba costs ~0.6 s and 60 MB, PyMuPDF ~0.1-0.4 s: both wait until a document needs them."""
    code = "import sys, app.ui.run, app.ui.main_window; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "app.ui.main_window" in loaded
    assert "jieba" not in loaded and "pymupdf" not in loaded


def _loaded_by_main(args: list[str]) -> set[str]:
    code = (
        "import contextlib, io, sys, main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main.main({args!r})\n"
        "print('\\n'.join(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def _heavy(loaded: set[str]) -> set[str]:
    return {m for m in loaded if m.split(".")[0] in {"sqlalchemy", "alembic", "PySide6", "shiboken6"}}


def test_check_help_loads_neither_database_nor_qt():
    """`--help` was 1.3 s of SQLAlchemy, Alembic and the desk's modules; the parser needs none of them."""
    loaded = _loaded_by_main(["check", "--help"])
    assert "app.cli" in loaded
    assert _heavy(loaded) == set()
    assert "app.documents" not in loaded and "review.engine" not in loaded


def test_one_file_check_loads_neither_database_nor_qt_nor_jieba(tmp_path):
    """A fresh `main.py check short.txt`: the engine only; jieba waits until a rule needs word boundaries."""
    short = tmp_path / "short.txt"
    short.write_text("关于做好春季供暖工作的通知\n各区县人民政府：现将有关事项通知如下。\n", encoding="utf-8")
    loaded = _loaded_by_main(["--data-dir", str(tmp_path / "data"), "check", str(short)])
    assert "review.engine" in loaded and "app.cli.files" in loaded
    assert _heavy(loaded) == set()
    assert "app.documents" not in loaded and "app.workspace" not in loaded
    assert "jieba" not in loaded
