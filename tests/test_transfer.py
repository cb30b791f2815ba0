"""Signed transfer packages from the air-gapped review machine to the online machine."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import signing_keys
from app.catalog import publish_to_catalog, update_static_site, withdraw
from app.db.models import AuditEvent, CatalogEntry, SigningKey, User
from app.demo import DEMO_CATEGORY
from app.transfer import export_package, import_package
from publish.static_site import page_name
from publish.transfer import MANIFEST, SIGNATURE, TransferError, canonical_json, key_id, new_private_key
from tests.conftest import approved_document
from tests.run_day import TODAY
from tests.test_interpretations import approve_doc, attach, attest_all, draft, submit_and_check

PASSPHRASE = "secure-machine-passphrase"


def offline_key(workspace, people):
    with workspace.db.write() as s:
        signing_keys.generate(s, s.get_one(User, people.admin), PASSPHRASE, workspace.paths.keys_dir)
        return signing_keys.public_key_file(s, s.get_one(User, people.admin))


def trust(online, key_file):
    with online.workspace.db.write() as s:
        signing_keys.register(s, s.get_one(User, online.admin), key_file)


def export(workspace, people, path):
    return export_package(workspace.db, people.publisher, PASSPHRASE, path, workspace.paths.keys_dir)


def catalog(online):
    with online.workspace.db.read() as s:
        return {e.index_no: e.status for e in s.scalars(select(CatalogEntry))}


def test_round_trip_publishes_and_withdraws_on_the_online_machine(
    workspace, people, sample_files, online, tmp_path
):
    key_file = offline_key(workspace, people)
    (stored,) = workspace.paths.keys_dir.glob("*.pem")  # no secure keyring here: an encrypted file
    assert b"ENCRYPTED PRIVATE KEY" in stored.read_bytes() and stored.stat().st_mode & 0o077 == 0
    trust(online, key_file)

    video = tmp_path / "解读.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8)
    from app import interpretations

    doc_id = draft(workspace, people, sample_files["clean"], normative=True)
    interp_id = attach(workspace, people, doc_id, media=[interpretations.read_media(video)])
    submit_and_check(workspace, people, doc_id, interp_id)
    attest_all(workspace, people, interp_id)
    approve_doc(workspace, people, doc_id)
    entry = publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, summary="供暖保障", to_package=True
    )
    with workspace.db.read() as s:
        interp_index = s.scalars(
            select(CatalogEntry.index_no).where(CatalogEntry.document_id == interp_id)
        ).one()
        published_pdf = s.get_one(CatalogEntry, entry.id).published_sha256

    first = tmp_path / "package-1.zip"
    result = export(workspace, people, first)
    assert (result.sequence, result.items) == (1, 2)
    with pytest.raises(Exception, match="没有待导出的条目"):
        export(workspace, people, tmp_path / "empty.zip")

    imported = import_package(online.workspace.db, online.publisher, first)
    assert imported.published == 2
    assert catalog(online) == {entry.index_no: "published", interp_index: "published"}
    site = tmp_path / "site"
    update_static_site(online.workspace.db, site)
    doc_page = site / "entries" / page_name(entry.index_no)
    assert page_name(interp_index) in doc_page.read_text(encoding="utf-8")
    assert "解读.mp4" in (site / "entries" / page_name(interp_index)).read_text(encoding="utf-8")
    assert (site / "files" / f"{published_pdf}.pdf").exists()

    # An interpretation published later: it comes with its document's entry again, now listing it.
    later = attach(workspace, people, doc_id)
    submit_and_check(workspace, people, later)
    approve_doc(workspace, people, later)
    publish_to_catalog(workspace.db, people.publisher, later, None, to_package=True)
    again = tmp_path / "package-again.zip"
    assert export(workspace, people, again).items == 2
    assert import_package(online.workspace.db, online.publisher, again).published == 2
    update_static_site(online.workspace.db, site)
    assert len(catalog(online)) == 3
    with online.workspace.db.read() as s:
        companions = s.scalars(
            select(CatalogEntry.index_no).where(CatalogEntry.interprets_index_no == entry.index_no)
        ).all()
    assert len(companions) == 2
    assert all(page_name(i) in doc_page.read_text(encoding="utf-8") for i in companions)
    with online.workspace.db.read() as s:
        from app.catalog_search import CatalogFilter, search

        assert [r.index_no for r in search(s, CatalogFilter(query="供暖保障"))].count(entry.index_no) == 1

    withdraw(workspace.db, people.publisher, entry.index_no, "政策调整")
    second = tmp_path / "package-2.zip"
    assert export(workspace, people, second).sequence == 3
    assert import_package(online.workspace.db, online.publisher, second).withdrawn == 3
    update_static_site(online.workspace.db, site)
    assert set(catalog(online).values()) == {"withdrawn"}
    # The withdrawal crossed the air gap: the online site keeps a 已撤回 page and no file.
    assert "已撤回" in doc_page.read_text(encoding="utf-8")
    assert not (site / "files" / f"{published_pdf}.pdf").exists()


def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the package with its members passed through change(name, data) -> data | None."""
    with zipfile.ZipFile(source) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name, data in members:
            changed = change(name, data)
            if changed is not None:
                out.writestr(name, changed)
    target.write_bytes(buf.getvalue())
    return target


def test_bad_packages_are_refused_with_their_reason_and_change_nothing(
    workspace, people, sample_files, online, tmp_path
):
    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
    good = tmp_path / "good.zip"
    export(workspace, people, good)
    content = good.read_bytes()

    def flip_file(name, data):
        return data[:-1] + bytes([data[-1] ^ 1]) if name.startswith("files/") else data

    def edit_manifest(name, data):
        if name != MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["items"][0]["entry"]["title"] = "篡改后的标题"
        return canonical_json(manifest)

    stranger = new_private_key()

    def resign(name, data):
        if name == MANIFEST:
            manifest = json.loads(data)
            manifest["key_id"] = key_id(stranger.public_key())
            return canonical_json(manifest)
        if name == SIGNATURE:
            return b""  # replaced below
        return data

    resigned = _rewrite(good, tmp_path / "resigned.zip", resign)
    with zipfile.ZipFile(resigned) as archive:
        body = archive.read(MANIFEST)
    resigned = _rewrite(
        resigned,
        tmp_path / "resigned.zip",
        lambda n, d: base64.b64encode(stranger.sign(body)) if n == SIGNATURE else d,
    )
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(content[: len(content) // 2])
    cases = {
        "与清单的哈希不符": _rewrite(good, tmp_path / "file.zip", flip_file),
        "签名无效": _rewrite(good, tmp_path / "manifest.zip", edit_manifest),
        "未登记或已吊销": resigned,
        "没有签名": _rewrite(good, tmp_path / "unsigned.zip", lambda n, d: None if n == SIGNATURE else d),
        "已损坏或不完整": truncated,
        "清单之外的文件": _rewrite(good, tmp_path / "extra.zip", lambda n, d: d),
    }
    with zipfile.ZipFile(cases["清单之外的文件"], "a") as archive:
        archive.writestr("files/" + "0" * 64, b"smuggled")
    for reason, package in cases.items():
        with pytest.raises(TransferError, match=reason):
            import_package(online.workspace.db, online.publisher, package)
    assert catalog(online) == {}

    import_package(online.workspace.db, online.publisher, good)
    with pytest.raises(TransferError, match="已经导入过"):
        import_package(online.workspace.db, online.publisher, good)
    with online.workspace.db.read() as s:
        imports = s.scalar(select(func.count()).where(AuditEvent.action == "package.import"))
    assert imports == 1


def test_replayed_old_sequence_and_revoked_keys_are_refused(
    workspace, people, sample_files, online, tmp_path
):
    key_file = offline_key(workspace, people)
    trust(online, key_file)
    packages = []
    for n in range(2):
        doc_id = approved_document(workspace, people, sample_files["clean"])
        publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
        packages.append(tmp_path / f"p{n}.zip")
        export(workspace, people, packages[-1])
    import_package(online.workspace.db, online.publisher, packages[1])
    with pytest.raises(TransferError, match="不大于已导入的"):
        import_package(online.workspace.db, online.publisher, packages[0])

    with online.workspace.db.write() as s:
        signing_keys.revoke(s, s.get_one(User, online.admin), key_file.key_id, "涉密机更换")
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
    export(workspace, people, tmp_path / "p2.zip")
    with pytest.raises(TransferError, match="未登记或已吊销"):
        import_package(online.workspace.db, online.publisher, tmp_path / "p2.zip")
    with online.workspace.db.write() as s, pytest.raises(Exception, match="已被吊销"):
        signing_keys.register(s, s.get_one(User, online.admin), key_file)


def test_rotation_and_a_private_key_in_a_secure_keyring(
    workspace, people, sample_files, secure_keyring, tmp_path
):
    first = offline_key(workspace, people)
    assert list(workspace.paths.keys_dir.glob("*.pem")) == []  # in the keyring, not in a file
    assert "PRIVATE KEY" not in Path(secure_keyring.file_path).read_text(encoding="utf-8")
    second = offline_key(workspace, people)  # rotation
    with workspace.db.read() as s:
        states = {k.key_id: k.retired_at is None for k in s.scalars(select(SigningKey))}
    assert states == {first.key_id: False, second.key_id: True}
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
    with pytest.raises(TransferError, match="口令不正确"):
        export_package(
            workspace.db, people.publisher, "wrong-passphrase", tmp_path / "p.zip", workspace.paths.keys_dir
        )
    assert not (tmp_path / "p.zip").exists()
    result = export(workspace, people, tmp_path / "p.zip")
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert json.loads(archive.read(MANIFEST))["key_id"] == second.key_id
    assert result.items == 1


def test_headless_keys_and_packages(tmp_path, sample_files, migrated_sqlite):
    from tests.test_cli import demo_desk, desk, desk_here

    passphrase = {"DESK_KEY_PASSPHRASE": PASSPHRASE}

    def run(data: Path, user: str, *args: str):
        return desk_here(data, "--user", user, *args, password="demo-2026", env=passphrase)

    secure = demo_desk(tmp_path / "secure", migrated_sqlite)
    online = demo_desk(tmp_path / "online", migrated_sqlite)
    # A real process, its sign-in password and the key's passphrase in its environment (no prompt to
    # repeat the passphrase); the other steps run in-process.
    r = desk(secure, "--user", "admin", "key", "generate", password="demo-2026", env=passphrase)
    assert r.returncode == 0 and "口令加密" in r.stdout, r.stderr
    assert run(secure, "admin", "key", "export", str(tmp_path / "key.json")).returncode == 0
    r = run(online, "admin", "key", "register", str(tmp_path / "key.json"))
    assert r.returncode == 0 and "已登记" in r.stdout, r.stderr

    r = run(
        secure, "clerk", "import", str(sample_files["clean"]), "--title", "关于做好冬季供暖保障工作的通知"
    )
    doc_id = r.stdout.split("#")[1].split("：")[0]
    edit = [
        "edit",
        doc_id,
        "--written-on",
        "2026-11-10",
        "--doc-type",
        "通知",
        "--category",
        DEMO_CATEGORY,
    ]
    assert run(secure, "clerk", *edit).returncode == 0
    assert run(secure, "clerk", "submit", doc_id).returncode == 0
    r = run(secure, "reviewer", "approve", doc_id, "--conclusion", "disclose", "--opinion", "同意")
    assert r.returncode == 0, r.stderr
    r = run(secure, "publisher", "publish", doc_id, "--summary", "供暖", "--target", "package")
    assert r.returncode == 0, r.stderr
    package = tmp_path / "out.zip"
    r = run(secure, "publisher", "package", "export", str(package))
    assert r.returncode == 0 and "序号 1，1 项" in r.stdout, r.stderr

    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(package.read_bytes()[:-100])
    r = run(online, "publisher", "package", "import", str(truncated))
    assert r.returncode == 2 and "已损坏或不完整" in r.stderr
    r = run(online, "publisher", "package", "import", str(package), "--dry-run")
    assert r.returncode == 0 and "关于做好冬季供暖保障工作的通知" in r.stdout, r.stderr
    site = tmp_path / "site"
    r = run(online, "publisher", "package", "import", str(package), "--target", "static", "--site", str(site))
    assert r.returncode == 0 and "已导入：发布 1" in r.stdout, r.stderr
    assert len(list((site / "entries").glob("*.html"))) == 1
    r = run(online, "publisher", "package", "import", str(package))
    assert r.returncode == 2 and "已经导入过" in r.stderr


def test_a_manifest_that_inflates_beyond_its_bound_is_refused_before_parsing(tmp_path):
    """A 1 MB package whose manifest inflates to 100 MB: refused having inflated at most the bound,
    and before any JSON is parsed or any key is asked for."""
    import tracemalloc

    from publish.transfer import MAX_MANIFEST_BYTES, read_package

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open(MANIFEST, "w", force_zip64=True) as f:
            for _ in range(100):
                f.write(b" " * 2**20)
        archive.writestr(SIGNATURE, base64.b64encode(b"x" * 64))
    assert bomb.stat().st_size < 2**20
    asked: list[str] = []
    tracemalloc.start()
    with pytest.raises(TransferError, match="清单过大"):
        read_package(bomb, lambda key: asked.append(key))  # type: ignore[func-returns-value]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert asked == [] and peak < 1.2 * MAX_MANIFEST_BYTES


def test_an_entry_that_came_by_package_is_withdrawn_only_by_its_departments_publisher_with_a_reason(
    workspace, people, sample_files, online, tmp_path
):
    from app import users
    from app.roles import Role

    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    entry = publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, summary="供暖保障", to_package=True
    )
    package = tmp_path / "p1.zip"
    export(workspace, people, package)
    import_package(online.workspace.db, online.publisher, package)
    with online.workspace.db.write() as s:
        admin = s.get_one(User, online.admin)
        clerk = users.create_user(
            s,
            admin,
            login="clerk",
            display_name="经办",
            password="test-password-1",
            roles=[Role.CLERK],
            department=admin.department,
        ).id
    for who in (clerk, online.publisher):  # a clerk; a publisher of another department than the entry's
        with pytest.raises(Exception, match="只有本部门的发布管理员可以撤回"):
            withdraw(online.workspace.db, who, entry.index_no, "误发")
    with pytest.raises(Exception, match="撤回必须写明理由"):
        withdraw(workspace.db, people.publisher, entry.index_no, " ")
    assert catalog(online) == {entry.index_no: "published"}


def _resigned(source: Path, target: Path, workspace, people, change) -> Path:
    """The package with its manifest passed through change(manifest) and signed again with the
    department's own key: what a holder of that key (or of the air-gapped machine) could send."""
    with workspace.db.read() as s:
        row = signing_keys.active(s, s.get_one(User, people.admin).department_id)
        key = signing_keys.unlock(row, PASSPHRASE, workspace.paths.keys_dir)
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    change(manifest)
    body = canonical_json(manifest)
    return _rewrite(
        source,
        target,
        lambda n, d: body if n == MANIFEST else base64.b64encode(key.sign(body)) if n == SIGNATURE else d,
    )


def test_a_package_may_not_attach_an_interpretation_to_another_departments_document(
    workspace, people, sample_files, online, tmp_path
):
    import datetime as dt

    trust(online, offline_key(workspace, people))
    with online.workspace.db.write() as s:  # the online machine's own department publishes here
        dept = s.get_one(User, online.admin).department_id
        s.add(
            CatalogEntry(
                index_no="ONLINE001/2026-00001",
                department_id=dept,
                title="联网机部门自己的规范性文件",
                publisher="测试市政务公开办",
                published_on=dt.date(2026, 11, 2),
                doc_number="",
                category="城乡建设、环境保护\\城市管理",
                doc_type="通知",
                keywords="[]",
                summary="",
                disclosure="proactive",
                scope="",
                validity="valid",
                published_sha256="",
            )
        )
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
    export(workspace, people, tmp_path / "good.zip")

    def link_to_foreign(manifest):
        manifest["items"][0]["entry"]["interprets_index_no"] = "ONLINE001/2026-00001"

    forged = _resigned(tmp_path / "good.zip", tmp_path / "forged.zip", workspace, people, link_to_foreign)
    with pytest.raises(TransferError, match="属于其他部门") as refused:
        import_package(online.workspace.db, online.publisher, forged)
    assert "ONLINE001/2026-00001" in refused.value.message and "测试市政务公开办" in refused.value.message
    assert catalog(online) == {"ONLINE001/2026-00001": "published"}  # nothing of the package went in


def test_a_notice_period_travels_and_the_online_machine_withdraws_on_time_by_itself(
    workspace, people, sample_files, online, tmp_path
):
    """A 名单公示 must not stay online past its 公示期 because the package that withdraws it on the
    review machine has not been carried over yet."""
    import datetime as dt

    from app import notice_periods

    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    last_day = TODAY + dt.timedelta(days=7)
    entry = publish_to_catalog(
        workspace.db,
        people.publisher,
        doc_id,
        None,
        summary="低保名单公示",
        to_package=True,
        notice_until=last_day,
    )
    export(workspace, people, tmp_path / "p1.zip")
    import_package(online.workspace.db, online.publisher, tmp_path / "p1.zip")
    with online.workspace.db.read() as s:
        assert s.scalars(select(CatalogEntry.notice_until)).one() == last_day

    notice_periods.expire(online.workspace.db, online.workspace.paths.data_dir, today=last_day)
    assert catalog(online) == {entry.index_no: "published"}  # the last day still counts
    notice_periods.expire(
        online.workspace.db, online.workspace.paths.data_dir, today=last_day + dt.timedelta(days=1)
    )
    assert catalog(online) == {entry.index_no: "withdrawn"}
