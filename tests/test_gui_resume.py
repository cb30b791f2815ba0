"""The desk, like every CLI command, finishes at its start what a killed run left unfinished."""

from __future__ import annotations

from app import pending_work


def test_the_desk_finishes_what_a_killed_run_left_before_anything_else(desk_app, workspace):
    from app.ui.run import resume_pending_work

    assert resume_pending_work(workspace) == []  # nothing waiting: not even the folder is read twice
    # A backup killed half-way: a whole unredacted copy of the database, named by its intent.
    partial = workspace.paths.data_dir / "backups" / ".b.sqlite3.partial"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    pending_work.begin(workspace.paths.data_dir, pending_work.COPY, path=str(partial)).release()

    (line,) = resume_pending_work(workspace)
    assert "半份数据库副本已删除" in line and str(partial) in line
    assert not partial.exists() and not pending_work.waiting(workspace.paths.data_dir)
