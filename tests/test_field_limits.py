"""Field limits: the same on SQLite and PostgreSQL, told by name before anything is written.

SQLite keeps a 600-character title in a VARCHAR(500); PostgreSQL refuses it with a raw DataError (and
`db migrate-to` broke on what SQLite had kept). Each test runs on both databases and expects the same
Chinese message, naming the field and its limit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import String, func, select, text

from app import categories, documents, field_limits, signing_keys, users
from app.catalog import publish_to_catalog, save_scheme
from app.checking import save_department_lexicon
from app.db.models import (
    AuditEvent,
    Base,
    CatalogEntry,
    Department,
    Document,
    DocumentFile,
    User,
)
from app.errors import ValidationFailed
from app.roles import Role
from app.transfer import import_package
from publish.index_number import IndexScheme
from publish.release import Release
from publish.taxonomy import InterpretationForm
from publish.transfer import read_package, write_package
from tests.conftest import PASSWORD, approved_document, desk_args, sqlite_only
from tests.test_index_collisions import PASSPHRASE, airgapped, export, publish_offline, register_key  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
LONG_TITLE = "关于" + "做好冬季供暖保障工作" * 50 + "的通知"  # 505 characters


def _rows(workspace, model) -> int:
    with workspace.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# -- the limits themselves -------------------------------------------------------------------


def test_limits_are_the_models_column_lengths_and_every_text_column_is_accounted_for():
    assert field_limits.limit(Document.title) == 500
    assert field_limits.limit(Document.doc_number) == 100
    assert field_limits.limit(DocumentFile.original_name) == 500
    assert field_limits.limit(Document.summary) is None  # TEXT: no limit on either database
    assert field_limits.label(Document.title) == "标题（信息名称）"
    # A new String(n) column is either labelled (people or files fill it) or marked internal.
    known = {(f.class_.__tablename__, f.key) for f in (*field_limits.LABELS, *field_limits.INTERNAL)}
    unclassified = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, String) and column.type.length and (table.name, column.name) not in known
    ]
    assert unclassified == []

    assert field_limits.shorten(Document.title, "标" * 600) == "标" * 499 + "…"
    name = field_limits.shorten_file_name(DocumentFile.original_name, "名" * 600 + ".pdf")
    assert len(name) == 500 and name.endswith("…" + ".pdf")
    assert field_limits.shorten_file_name(DocumentFile.original_name, "短名.pdf") == "短名.pdf"
    record = field_limits.shorten_file_name(DocumentFile.original_name, "标" * 500 + "（保密审查单）.pdf")
    assert len(record) == 500 and record.endswith("标…（保密审查单）.pdf")


# -- import and edit -------------------------------------------------------------------------


def test_a_title_typed_too_long_is_refused_by_name_and_nothing_is_written(workspace, people, sample_files):
    with pytest.raises(ValidationFailed) as refused:
        documents.import_file(workspace.db, people.clerk, sample_files["clean"], title=LONG_TITLE)
    assert refused.value.message == "标题（信息名称）不能超过 500 个字符（现有 505 个），没有保存。"
    assert _rows(workspace, Document) == 0
    with pytest.raises(ValidationFailed, match="发文字号不能超过 100 个字符"):
        documents.import_file(workspace.db, people.clerk, sample_files["clean"], doc_number="号" * 101)
    assert _rows(workspace, Document) == 0


def test_a_title_taken_from_a_long_file_name_is_shortened_and_the_whole_name_kept_in_the_audit(
    workspace, people, sample_files
):
    """A clerk importing a file with a long name expects it taken, its title shortened."""
    draft = documents.prepare(sample_files["clean"])
    long_name = "关于" + "做好冬季供暖保障工作" * 60 + "的通知.pdf"  # 618 characters
    with workspace.db.write() as s:
        doc_id = documents.import_draft(
            s, s.get_one(User, people.clerk), dataclasses.replace(draft, name=long_name)
        ).id
    with workspace.db.read() as s:
        doc = s.get_one(Document, doc_id)
        assert len(doc.title) == 500 and doc.title.endswith("…") and doc.title.startswith("关于做好")
        original = doc.current_original().original_name
        assert len(original) == 500 and original.endswith("….pdf")
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "document.import")).one()
        assert json.loads(event.detail)["file"] == long_name


def test_metadata_edits_stop_at_the_limit_on_both_databases(workspace, people, sample_files):
    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])

    def edit(**changes):
        with workspace.db.write() as s:
            return documents.update_metadata(s, s.get_one(User, people.clerk), doc_id, None, **changes)

    for field, value, expected in (
        ("title", "标" * 501, "标题（信息名称）不能超过 500 个字符（现有 501 个）"),
        ("doc_number", "号" * 101, "发文字号不能超过 100 个字符（现有 101 个）"),
        ("category", "类" * 201, "主题分类不能超过 200 个字符（现有 201 个）"),
    ):
        with pytest.raises(ValidationFailed, match=expected.replace("（", r"\（").replace("）", r"\）")):
            edit(**{field: value})
    edit(title="标" * 500, doc_number="号" * 100)  # exactly at the limit: kept, on PostgreSQL too
    with workspace.db.read() as s:
        assert len(s.get_one(Document, doc_id).title) == 500


def test_a_title_at_its_limit_is_approved_and_published(workspace, people, sample_files):
    """The record and the published PDF are named after the title: "<500 characters>（保密审查单）.pdf"
    is shortened to fit the file name column instead of failing the approval on PostgreSQL."""
    title = "关于" + "做好冬季供暖保障工作" * 49 + "的通知" + "供" * 5  # 500 characters
    assert len(title) == 500
    doc_id = approved_document(workspace, people, sample_files["clean"], title=title)
    entry = publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖")
    with workspace.db.read() as s:
        assert s.get_one(CatalogEntry, entry.id).title == title
        names = [f.original_name for f in s.get_one(Document, doc_id).files]
    assert all(len(n) <= 500 for n in names) and any(n.endswith("（保密审查单）.pdf") for n in names)


# -- everything else a person or a file fills in --------------------------------------------


def test_people_categories_interpretations_and_declassification_records(
    workspace, people, sample_files, tmp_path
):
    from app import declassification, interpretations
    from tests.test_decision_gates import MARKED, _first, _text_doc

    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="部门全称不能超过 255 个字符"):
        users.create_department(s, s.get_one(User, people.admin), "局" * 256, "CODE")
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="机构代码不能超过 32 个字符"):
        users.create_department(s, s.get_one(User, people.admin), "新部门", "C" * 33)
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="登录名不能超过 64 个字符"):
        users.create_user(
            s,
            s.get_one(User, people.admin),
            login="u" * 65,
            display_name="某人",
            password=PASSWORD,
            roles=[Role.CLERK],
            department=s.get_one(User, people.admin).department,
        )
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="分类名称不能超过 100 个字符"):
        categories.add(s, s.get_one(User, people.admin), "国防", "类" * 101)
    with workspace.db.write() as s:  # three levels of 90 characters: 272 > the 200 a document stores
        admin = s.get_one(User, people.admin)
        first = categories.add(s, admin, "国防", "甲" * 90)
        second = categories.add(s, admin, first, "乙" * 90)
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="完整路径）不能超过 200 个字符"):
        categories.add(s, s.get_one(User, people.admin), second, "丙" * 90)

    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="起草部门不能超过 200 个字符"):
        interpretations.attach(
            s,
            s.get_one(User, people.clerk),
            doc_id,
            form=InterpretationForm.TEXT,
            title="《关于做好冬季供暖保障工作的通知》政策解读",
            drafting_department="办" * 201,
            rich_text="<p>解读正文。</p>",
        )

    marked = _text_doc(workspace, people, tmp_path, "维修计划.txt", MARKED, written_on=dt.date(2026, 3, 1))
    mark = _first(workspace, marked, "MARK-LEVEL")
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="定密机关不能超过 200 个字符"):
        declassification.enter(
            s,
            s.get_one(User, people.reviewer),
            mark,
            "机" * 201,
            dt.date(2026, 10, 9),
            "示机管密解〔2026〕3号",
        )


def test_lexicon_terms_and_categories_must_fit_the_findings_they_make(workspace, people):
    long_term = "涉" * 256
    content = f"词条,类别,级别,说明,整词\n{long_term},自定义,阻断,,否\n".encode()
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="的词条不能超过 255 个字符"):
        save_department_lexicon(s, s.get_one(User, people.reviewer), content, "词库.csv")
    content = f"词条,类别,级别,说明,整词\n内部传阅,{'类' * 65},阻断,,否\n".encode()
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="“内部传阅”的词条类别不能超过 64"):
        save_department_lexicon(s, s.get_one(User, people.reviewer), content, "词库.csv")


def test_a_scheme_whose_numbers_would_not_fit_is_refused(workspace, people):
    with (
        workspace.db.write() as s,
        pytest.raises(ValidationFailed, match="按此方案编出的索引号不能超过 80 个字符"),
    ):
        save_scheme(s, s.get_one(User, people.admin), IndexScheme("X" * 70))
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="索引号代码不能超过 32 个字符"):
        save_scheme(
            s,
            s.get_one(User, people.admin),
            IndexScheme("X", serial_scope="category", category_codes={"综合政务": "A" * 33}),
        )


def test_a_key_file_with_an_over_long_department_name_is_refused(workspace, people):
    from publish.transfer import PublicKeyFile, key_id, new_private_key, public_pem

    public = new_private_key().public_key()
    key_file = PublicKeyFile("局" * 256, "TEST00009", key_id(public), public_pem(public))
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="部门全称不能超过 255 个字符"):
        signing_keys.register(s, s.get_one(User, people.admin), key_file)
    assert _rows(workspace, Department) == 2  # the people fixture's two departments, no third


# -- a transfer package from a desk that kept longer text -------------------------------------


def test_a_package_with_an_over_long_field_is_refused_by_name_before_writing(
    workspace,
    people,
    sample_files,
    airgapped,  # noqa: F811 (the fixture, imported above)
    tmp_path,
):
    publish_offline(airgapped, sample_files["clean"], "关于做好冬季供暖保障工作的通知")
    good = export(airgapped, tmp_path / "good.zip")
    register_key(airgapped, workspace, people)
    # The same package as a SQLite desk from before these checks would have written it: a long
    # 发文字号 in the entry and its release (so the release still matches), signed by its key.
    with airgapped.workspace.db.read() as s:
        key = signing_keys.unlock(
            signing_keys.active(s, s.get_one(User, airgapped.people.admin).department_id),
            PASSPHRASE,
            airgapped.workspace.paths.keys_dir,
        )
        package = read_package(good, lambda _kid: key.public_key())
    manifest = dict(package.manifest)
    item = manifest["items"][0]
    item["entry"]["doc_number"] = "示" * 101
    rebuilt = dataclasses.replace(
        Release.from_canonical(item["release"].encode("utf-8")), doc_number="示" * 101
    )
    item["release"], item["release_sha256"] = rebuilt.canonical().decode("utf-8"), rebuilt.sha256
    for drop in ("format", "key_id"):
        manifest.pop(drop, None)
    bad = tmp_path / "bad.zip"
    write_package(bad, manifest, package.files.items(), key)

    with pytest.raises(ValidationFailed) as refused:
        import_package(workspace.db, people.publisher, bad)
    assert refused.value.message.startswith(f"“传输包条目 {item['index_no']}”的发文字号不能超过 100 个字符")
    assert _rows(workspace, CatalogEntry) == 0


# -- the CLI, the dialogs, and moving a SQLite desk to PostgreSQL -----------------------------


def test_the_cli_says_which_field_is_too_long_and_exits_2(workspace, people, sample_files):
    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")} | {"DESK_PASSWORD": PASSWORD}
    r = subprocess.run(
        [
            sys.executable,
            "main.py",
            *desk_args(workspace),
            "--user",
            "clerk",
            "edit",
            str(doc_id),
            "--title",
            LONG_TITLE,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2, r.stderr
    assert "标题（信息名称）不能超过 500 个字符（现有 505 个）" in r.stderr
    assert "Traceback" not in r.stderr and "DataError" not in r.stderr


def test_the_metadata_dialog_shows_the_limit_in_its_message_line(
    qtbot, desk_app, workspace, people, sample_files
):
    from app.ui.metadata_dialog import MetadataDialog

    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["clean"])
    dialog = MetadataDialog(workspace.db, people.clerk, doc_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText(LONG_TITLE)
    dialog.accept()
    assert "不能超过 500 个字符" in dialog.error.text() and dialog.isVisible()
    with workspace.db.read() as s:
        assert s.get_one(Document, doc_id).title != LONG_TITLE


def test_moving_a_desk_with_text_sqlite_kept_too_long_names_it_before_copying(
    workspace, people, sample_files, postgres
):
    from app.db.database import Database
    from app.db.move import move

    sqlite_only(workspace, "the source of db migrate-to is the SQLite file")
    doc_id = documents.import_file(workspace.db, people.clerk, sample_files["txt"])
    with workspace.db.write() as s:  # what a desk from before these checks could hold
        s.execute(text("UPDATE documents SET title = :t WHERE id = :id"), {"t": "标" * 600, "id": doc_id})
    url = postgres.create_database()
    target = Database(url)
    try:
        with pytest.raises(ValidationFailed) as refused:
            move(workspace.db, target)
        message = refused.value.message
        assert f"documents {doc_id} 的标题（信息名称）有 600 个字符（上限 500）" in message
        assert "DataError" not in message and "INSERT" not in message
        with target.engine.connect() as c:  # told before anything was created there
            assert (
                c.execute(
                    text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'")
                ).scalar()
                == 0
            )
    finally:
        target.dispose()
        postgres.drop_database(url)
