"""索引号 across the machines of one department: the air-gapped review machine and the online one.

Both write the department's one public scheme (机构代码/年份-流水号). The online machine steps its
counter past every number that came in a package, never hands out a number already in its catalog,
and numbers locally for a department that sends it packages only from a 号段 of its own; a package
whose numbers the online machine already used is refused before anything is written, naming them.

The online machine is the `workspace` (SQLite and PostgreSQL); the air-gapped one is a SQLite desk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import categories, signing_keys, users
from app.catalog import publish_to_catalog, save_scheme
from app.db.models import (
    AuditEvent,
    CatalogEntry,
    Department,
    IndexCounter,
    PackageImport,
    TrustedKey,
    User,
    utcnow,
)
from app.errors import ValidationFailed
from app.roles import Role
from app.transfer import export_package, import_package, verify_package
from app.workspace import Workspace
from publish.index_number import IndexScheme, IndexSchemeError
from publish.transfer import TransferError
from tests.conftest import PASSWORD, People, approved_document
from tests.run_day import TODAY

PASSPHRASE = "secure-machine-passphrase"
YEAR = TODAY.year


def number(serial: int) -> str:
    return f"TEST00001/{YEAR}-{serial:05d}"


@dataclass
class Airgapped:
    workspace: Workspace
    people: People


@pytest.fixture
def airgapped(tmp_path: Path) -> Iterator[Airgapped]:
    """The department's air-gapped review machine: its own SQLite desk, the same department code."""
    ws = Workspace.open(tmp_path / "airgapped")
    with ws.db.write() as s:
        dept = users.create_department(s, None, "测试市数据局", "TEST00001")
        admin = users.create_user(
            s,
            None,
            login="admin",
            display_name="管理员",
            password=PASSWORD,
            roles=[Role.ADMIN],
            department=dept,
        )

        def add(login: str, roles: list[Role], department: Department = dept) -> int:
            return users.create_user(
                s,
                admin,
                login=login,
                display_name=login,
                password=PASSWORD,
                roles=roles,
                department=department,
            ).id

        other = users.create_department(s, admin, "测试市财政局", "TEST00002")
        categories.add(s, admin, "城乡建设、环境保护", "城市管理")
        people = People(
            admin=admin.id,
            clerk=add("clerk", [Role.CLERK]),
            clerk2=add("clerk2", [Role.CLERK]),
            reviewer=add("reviewer", [Role.REVIEWER]),
            clerk_reviewer=add("both", [Role.CLERK, Role.REVIEWER]),
            publisher=add("publisher", [Role.PUBLISHER]),
            outsider_reviewer=add("outsider", [Role.REVIEWER], other),
        )
        signing_keys.generate(s, admin, PASSPHRASE, ws.paths.keys_dir)
    yield Airgapped(ws, people)
    ws.close()


def register_key(airgapped: Airgapped, workspace: Workspace, people: People) -> None:
    """The online machine trusts the air-gapped machine's key (from then on it receives packages)."""
    with airgapped.workspace.db.read() as s:
        key_file = signing_keys.public_key_file(s, s.get_one(User, airgapped.people.admin))
    with workspace.db.write() as s:
        signing_keys.register(s, s.get_one(User, people.admin), key_file)


def publish_offline(airgapped: Airgapped, path: Path, title: str) -> str:
    doc = approved_document(airgapped.workspace, airgapped.people, path, title=title)
    entry = publish_to_catalog(
        airgapped.workspace.db, airgapped.people.publisher, doc, None, summary="供暖", to_package=True
    )
    return entry.index_no


def export(airgapped: Airgapped, out: Path) -> Path:
    export_package(
        airgapped.workspace.db,
        airgapped.people.publisher,
        PASSPHRASE,
        out,
        airgapped.workspace.paths.keys_dir,
    )
    return out


def publish_online(workspace: Workspace, people: People, path: Path, title: str) -> str:
    doc = approved_document(workspace, people, path, title=title)
    return publish_to_catalog(workspace.db, people.publisher, doc, None, summary="供暖").index_no


def set_segment(workspace: Workspace, admin: int, first: int, last: int | None) -> None:
    with workspace.db.write() as s:
        save_scheme(s, s.get_one(User, admin), IndexScheme("TEST00001", serial_first=first, serial_last=last))


def catalog(workspace: Workspace) -> dict[str, str]:
    with workspace.db.read() as s:
        return {e.index_no: e.title for e in s.scalars(select(CatalogEntry))}


# -- the scheme: 号段 and reading numbers back ------------------------------------------------


def test_a_segment_is_part_of_the_scheme_and_numbers_are_read_back():
    day = dt.date(2026, 11, 23)
    scheme = IndexScheme("TEST00001", serial_first=50001, serial_last=50002)
    assert scheme.segmented and not IndexScheme("TEST00001").segmented
    assert scheme.next_serial(0) == 50001 and scheme.next_serial(50001) == 50002
    with pytest.raises(IndexSchemeError, match="本机号段 50001–50002 的流水号已用尽"):
        scheme.next_serial(50002)
    assert IndexScheme.from_json(scheme.to_json()) == scheme
    # A scheme saved before 号段 existed reads as the whole range.
    assert IndexScheme.from_json('{"prefix": "X"}') == IndexScheme("X", serial_first=1, serial_last=None)
    for bad in ({"serial_first": 0}, {"serial_first": 9, "serial_last": 8}, {"serial_last": 100000}):
        with pytest.raises(IndexSchemeError, match="号段"):
            IndexScheme("X", **bad)  # type: ignore[arg-type]

    assert scheme.parse("TEST00001/2026-00042") == ("", "2026", 42)
    assert scheme.parse("TEST00001/2026-0042") is None and scheme.parse("OTHER/2026-00042") is None
    by_category = IndexScheme(
        "MB1", serial_scope="category", category_codes={"综合政务": "A01", "其他": "Z"}, serial_digits=4
    )
    assert by_category.parse(by_category.format(7, day, "综合政务")) == ("A01", "2026", 7)
    monthly = IndexScheme("M", date_format="YYYYMM", reset="monthly")
    assert monthly.parse(monthly.format(3, day)) == ("", "202611", 3)
    assert IndexScheme("M", date_format="YYYYMM").parse("M/202611-00003") == ("", "2026", 3)


# -- import first, then publish on the online machine ------------------------------------------


def test_after_an_import_the_online_machine_never_hands_out_an_imported_number(
    workspace, people, sample_files, airgapped, tmp_path
):
    first = publish_offline(airgapped, sample_files["clean"], "离线机发布的第一件")
    second = publish_offline(airgapped, sample_files["clean"], "离线机发布的第二件")
    assert (first, second) == (number(1), number(2))
    register_key(airgapped, workspace, people)
    import_package(workspace.db, people.publisher, export(airgapped, tmp_path / "p1.zip"))
    with workspace.db.read() as s:  # the counter stepped past what came in
        assert s.scalars(select(IndexCounter.last_serial)).all() == [2]

    # The department's numbers come from the air-gapped machine: the online one may not number in the
    # same range — said before anything is allocated, with what to do.
    doc = approved_document(workspace, people, sample_files["clean"], title="联网机自行发布的通知")
    with pytest.raises(ValidationFailed, match="号段") as refused:
        publish_to_catalog(workspace.db, people.publisher, doc, None, summary="供暖")
    assert "离线审查机" in refused.value.message and "有人同时修改" not in refused.value.message
    with workspace.db.read() as s:
        assert s.scalars(select(IndexCounter.last_serial)).all() == [2]

    # With a 号段 of its own it publishes; the air-gapped machine keeps its range; both packages go in.
    set_segment(workspace, people.admin, 50001, None)
    assert publish_to_catalog(workspace.db, people.publisher, doc, None, summary="供暖").index_no == number(
        50001
    )
    assert publish_offline(airgapped, sample_files["clean"], "离线机发布的第三件") == number(3)
    import_package(workspace.db, people.publisher, export(airgapped, tmp_path / "p2.zip"))
    assert publish_online(workspace, people, sample_files["clean"], "联网机发布的第二件通知") == number(50002)
    assert sorted(catalog(workspace)) == [number(1), number(2), number(3), number(50001), number(50002)]


def test_when_the_online_machine_takes_over_numbering_it_continues_after_the_imported_numbers(
    workspace, people, sample_files, airgapped, tmp_path
):
    publish_offline(airgapped, sample_files["clean"], "离线机发布的第一件")
    publish_offline(airgapped, sample_files["clean"], "离线机发布的第二件")
    register_key(airgapped, workspace, people)
    import_package(workspace.db, people.publisher, export(airgapped, tmp_path / "p1.zip"))
    with airgapped.workspace.db.read() as s:
        key_id = signing_keys.public_key_file(s, s.get_one(User, airgapped.people.admin)).key_id
    with workspace.db.write() as s:  # the air-gapped machine is retired: its key revoked here
        signing_keys.revoke(s, s.get_one(User, people.admin), key_id, "涉密机停用")
    assert publish_online(workspace, people, sample_files["clean"], "联网机接续编号的通知") == number(3)


def test_a_counter_left_behind_by_an_earlier_import_heals_instead_of_failing_forever(
    workspace, people, sample_files, airgapped, tmp_path
):
    """A desk that imported packages before counters followed them: its counter still says 0."""
    publish_offline(airgapped, sample_files["clean"], "离线机发布的第一件")
    publish_offline(airgapped, sample_files["clean"], "离线机发布的第二件")
    register_key(airgapped, workspace, people)
    import_package(workspace.db, people.publisher, export(airgapped, tmp_path / "p1.zip"))
    with workspace.db.write() as s:
        for counter in s.scalars(select(IndexCounter)):
            counter.last_serial = 0
        for key in s.scalars(select(TrustedKey)):
            key.revoked_at = utcnow()  # and the online machine numbers on its own
    # Before: TEST00001/…-00001 again, a unique-index violation, "有人同时修改了相同的数据" on every try.
    assert publish_online(workspace, people, sample_files["clean"], "联网机发布的供暖通知") == number(3)
    assert publish_online(workspace, people, sample_files["clean"], "联网机再发布的供暖通知") == number(4)


# -- publish on the online machine first, then a package with the same number -------------------


def test_a_package_whose_number_the_online_machine_already_used_is_refused_before_writing(
    workspace, people, sample_files, airgapped, tmp_path
):
    local = publish_online(workspace, people, sample_files["clean"], "联网机先发布的通知")
    offline = publish_offline(airgapped, sample_files["clean"], "离线机发布的通知")
    also = publish_offline(airgapped, sample_files["clean"], "离线机发布的另一件")
    assert local == offline == number(1) and also == number(2)
    package = export(airgapped, tmp_path / "clash.zip")
    register_key(airgapped, workspace, people)
    with workspace.db.read() as s:
        audit_rows = s.scalar(select(func.count()).select_from(AuditEvent))

    # Listed when the package is verified (the dialog's first step, --dry-run), refused at import.
    _package, summary = verify_package(workspace.db, package)
    assert [(c.index_no, c.here, c.package) for c in summary.clashes] == [
        (number(1), "联网机先发布的通知", "离线机发布的通知")
    ]
    with pytest.raises(TransferError) as refused:
        import_package(workspace.db, people.publisher, package)
    message = refused.value.message
    assert number(1) in message and "联网机先发布的通知" in message and "离线机发布的通知" in message
    assert number(2) not in message  # only the clashing entries are named
    assert "未导入任何内容" in message and "号段" in message and "--skip-clashes" in message
    assert "有人同时修改" not in message

    # Nothing was written: the catalog, the package log, the counter and the audit trail are as before.
    assert catalog(workspace) == {number(1): "联网机先发布的通知"}
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(PackageImport)) == 0
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == audit_rows
        assert s.scalars(select(IndexCounter.last_serial)).all() == [1]

    # What to do: the rest of the package is taken in with the clashing entry set aside, and said so.
    result = import_package(workspace.db, people.publisher, package, set_aside_clashes=True)
    assert (result.published, result.set_aside) == (1, (number(1),))
    assert catalog(workspace) == {number(1): "联网机先发布的通知", number(2): "离线机发布的另一件"}
    with workspace.db.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "package.import")).one()
        assert number(1) in event.detail
        assert s.scalars(select(IndexCounter.last_serial)).all() == [2]


def test_with_separate_segments_both_machines_publish_in_any_order_without_a_clash(
    workspace, people, sample_files, airgapped, tmp_path
):
    set_segment(workspace, people.admin, 50001, 99999)
    set_segment(airgapped.workspace, airgapped.people.admin, 1, 50000)
    register_key(airgapped, workspace, people)
    assert publish_online(workspace, people, sample_files["clean"], "联网机先发布的供暖通知") == number(50001)
    assert publish_offline(airgapped, sample_files["clean"], "离线机发布的供暖通知") == number(1)
    import_package(workspace.db, people.publisher, export(airgapped, tmp_path / "p1.zip"))
    assert publish_online(workspace, people, sample_files["clean"], "联网机后发布的供暖通知") == number(50002)
    assert sorted(catalog(workspace)) == [number(1), number(50001), number(50002)]
    with workspace.db.read() as s:  # numbers outside the online 号段 leave its counter alone
        assert s.scalars(select(IndexCounter.last_serial)).all() == [50002]


# -- where people meet it: the catalog settings, the package dialog, the CLI -------------------


def test_the_segment_is_set_in_the_catalog_settings_dialog(qtbot, desk_app, workspace, people):
    from app.catalog import department_scheme
    from app.ui.catalog_settings import CatalogSettingsDialog

    dialog = CatalogSettingsDialog(workspace.db, people.admin)
    qtbot.addWidget(dialog)
    assert (dialog.serial_first.value(), dialog.serial_last.value()) == (1, 99999)
    dialog.serial_first.setValue(50001)
    assert dialog.preview.text() == number(50001)
    assert dialog.save()
    with workspace.db.read() as s:
        scheme = department_scheme(s, s.get_one(User, people.admin).department)
    assert (scheme.serial_first, scheme.serial_last, scheme.segmented) == (50001, None, True)
    reopened = CatalogSettingsDialog(workspace.db, people.admin)
    qtbot.addWidget(reopened)
    assert (reopened.serial_first.value(), reopened.serial_last.value()) == (50001, 99999)
    reopened.digits.setValue(6)  # the end of the whole range follows the digits
    assert reopened.serial_last.value() == 999999
    reopened.serial_last.setValue(40000)
    assert "号段" in reopened.error.text() and not reopened.save()


def test_the_package_dialog_names_the_clashes_and_can_set_them_aside(
    qtbot, desk_app, workspace, people, sample_files, airgapped, tmp_path
):
    from app.ui.package_dialog import PackageImportDialog

    publish_online(workspace, people, sample_files["clean"], "联网机先发布的通知")
    publish_offline(airgapped, sample_files["clean"], "离线机发布的通知")
    publish_offline(airgapped, sample_files["clean"], "离线机发布的另一件")
    package = export(airgapped, tmp_path / "clash.zip")
    register_key(airgapped, workspace, people)
    dialog = PackageImportDialog(workspace.db, people.publisher, package, tmp_path / "site")
    qtbot.addWidget(dialog)
    assert number(1) in dialog.error.text() and "联网机先发布的通知" in dialog.error.text()
    assert dialog.skip_clashes.isVisibleTo(dialog) and not dialog.skip_clashes.isChecked()
    dialog.accept()  # not set aside: refused, said again, nothing taken in
    assert dialog.result_ is None and "未导入任何内容" in dialog.error.text()
    dialog.skip_clashes.setChecked(True)
    dialog.accept()
    assert dialog.result_ is not None and dialog.result_.set_aside == (number(1),)
    assert sorted(catalog(workspace)) == [number(1), number(2)]


def test_the_cli_lists_clashes_in_a_dry_run_and_skips_them_when_asked(
    workspace, people, sample_files, airgapped, tmp_path
):
    import os
    import subprocess
    import sys

    from tests.conftest import desk_args

    publish_online(workspace, people, sample_files["clean"], "联网机先发布的通知")
    publish_offline(airgapped, sample_files["clean"], "离线机发布的通知")
    publish_offline(airgapped, sample_files["clean"], "离线机发布的另一件")
    package = export(airgapped, tmp_path / "clash.zip")
    register_key(airgapped, workspace, people)
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")} | {"DESK_PASSWORD": PASSWORD}

    def desk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", *desk_args(workspace), "--user", "publisher", *args],
            cwd=Path(__file__).resolve().parents[1],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    r = desk("package", "import", str(package), "--dry-run")
    assert r.returncode == 1 and f"重号  {number(1)}  本机已用于“联网机先发布的通知”" in r.stdout, r.stderr
    r = desk("package", "import", str(package))
    assert r.returncode == 2 and "未导入任何内容" in r.stderr and "--skip-clashes" in r.stderr
    assert "Traceback" not in r.stderr
    r = desk("package", "import", str(package), "--skip-clashes")
    assert r.returncode == 0 and f"未导入（本机已使用这些索引号）：{number(1)}" in r.stdout, r.stderr
    assert sorted(catalog(workspace)) == [number(1), number(2)]


def test_a_package_numbered_in_an_overlapping_segment_is_refused_at_the_first_package(
    workspace, people, sample_files, airgapped, tmp_path
):
    set_segment(workspace, people.admin, 40001, 99999)
    set_segment(airgapped.workspace, airgapped.people.admin, 1, 50000)  # a slip: 40001–50000 twice
    register_key(airgapped, workspace, people)
    publish_offline(airgapped, sample_files["clean"], "离线机发布的供暖通知")
    package = export(airgapped, tmp_path / "p1.zip")
    with pytest.raises(TransferError) as refused:  # long before serial 40001 would clash
        import_package(workspace.db, people.publisher, package)
    message = refused.value.message
    assert "1–50000" in message and "40001–99999" in message and "未导入任何内容" in message
    assert catalog(workspace) == {}

    set_segment(workspace, people.admin, 50001, 99999)  # as the message says: the same package goes in
    import_package(workspace.db, people.publisher, package)
    assert catalog(workspace) == {number(1): "离线机发布的供暖通知"}
