"""The site sentinel over a real published site and a real HTTP server on 127.0.0.1 serving live,
dead (404, 500, timeout) and changing pages."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app import sentinel
from app.catalog import publish_to_catalog, update_static_site
from app.db.models_sentinel import SentinelFinding, SentinelLink, SentinelRun
from tests.conftest import approved_document, desk_args
from tests.run_day import TODAY


class Links:
    """Pages to link to: /live, /gone (404), /broken (500), /slow (past the timeout), /moving (its
    content set by the test)."""

    def __init__(self) -> None:
        self.moving = b"first version"
        self.requests: list[str] = []
        links = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                links.requests.append(self.path)
                if self.path == "/slow":
                    time.sleep(2)
                code, body = {
                    "/live": (200, b"a stable page"),
                    "/moving": (200, links.moving),
                    "/broken": (500, b"error"),
                }.get(self.path, (404, b"not found"))
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def __enter__(self) -> Links:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def links() -> Iterator[Links]:
    with Links() as server:
        yield server


def _published_site(workspace, people, tmp_path: Path, links: Links, folder: Path | None = None) -> Path:
    """A real desk entry whose published PDF names every kind of link, on a real static site."""
    text = "\n".join(
        [
            "关于公布2026年城市管理服务网点的通知",
            "各有关单位：",
            f"服务网点名单见 {links.url('/live')} ，办事指南见 {links.url('/gone')} 。",
            f"申报系统：{links.url('/broken')}；查询系统：{links.url('/slow')}；公告：{links.url('/moving')}",
            "特此通知。",
        ]
    )
    draft = tmp_path / "通知.txt"
    draft.write_text(text, encoding="utf-8")
    doc_id = approved_document(workspace, people, draft, title="关于公布2026年城市管理服务网点的通知")
    publish_to_catalog(workspace.db, people.publisher, doc_id, None)
    folder = folder or tmp_path / "site"
    update_static_site(workspace.db, folder)
    return folder


def _by_kind(outcome: sentinel.Outcome) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for f in outcome.findings:
        kinds.setdefault(f.kind, []).append(f.place)
    return {k: sorted(v) for k, v in kinds.items()}


def test_dead_and_changed_links_and_stale_sections(workspace, people, tmp_path: Path, links: Links) -> None:
    folder = _published_site(workspace, people, tmp_path, links)
    options = sentinel.Options(site=folder, allow_private=True, timeout=0.5, workers=4)

    first = sentinel.run(workspace.db, workspace.paths.cache_dir, options)
    assert first.outcome == sentinel.PROBLEMS
    assert _by_kind(first) == {
        sentinel.DEAD: sorted(links.url(p) for p in ("/gone", "/broken", "/slow")),
    }
    statuses = {f.place: f.detail["status"] for f in first.findings}
    assert statuses == {links.url("/gone"): "404", links.url("/broken"): "500", links.url("/slow"): "timeout"}
    (pdf,) = (folder / "files").glob("*.pdf")
    assert all(f.detail["pages"] == [f"files/{pdf.name}"] for f in first.findings)
    assert first.figures["links"] == 5 and first.figures["links_checked"] == 5
    # The PDF's addresses are kept by its hash: the next run does not parse it again.
    (kept,) = (workspace.paths.cache_dir / "sentinel-pdf-links").iterdir()
    assert kept.name == f"{pdf.stem}.json" and len(json.loads(kept.read_text(encoding="utf-8"))) == 5

    links.moving = b"second version"
    second = sentinel.run(workspace.db, workspace.paths.cache_dir, options)
    assert _by_kind(second)[sentinel.CHANGED] == [links.url("/moving")]
    third = sentinel.run(workspace.db, workspace.paths.cache_dir, options)
    assert sentinel.CHANGED not in _by_kind(third)  # compared with what was last seen

    later = sentinel.Options(site=folder, today=TODAY + dt.timedelta(days=200), max_links=0)
    assert _by_kind(sentinel.run(workspace.db, workspace.paths.cache_dir, later)) == {
        sentinel.STALE: ["城乡建设、环境保护\\城市管理"]
    }
    news = sentinel.Options(
        site=folder,
        today=TODAY + dt.timedelta(days=15),
        fast_sections=frozenset({"城乡建设、环境保护\\城市管理"}),
        max_links=0,
    )
    (stale,) = sentinel.run(workspace.db, workspace.paths.cache_dir, news).findings
    assert stale.detail == {"last": TODAY.isoformat(), "days": 15, "threshold": 14}

    with workspace.db.read() as s:
        runs = s.scalars(select(SentinelRun).order_by(SentinelRun.id)).all()
        assert [r.outcome for r in runs] == ["problems"] * 5 and all(r.finished_at for r in runs)
        assert (
            s.scalar(select(SentinelLink.content_sha256).where(SentinelLink.url == links.url("/gone"))) == ""
        )
        kept = s.scalars(select(SentinelFinding.kind).where(SentinelFinding.run_id == runs[0].id)).all()
        assert sorted(kept) == [sentinel.DEAD] * 3


def test_links_into_private_ranges_are_never_requested_unless_configured(
    workspace, people, tmp_path: Path, links: Links
) -> None:
    folder = _published_site(workspace, people, tmp_path, links)
    outcome = sentinel.run(workspace.db, workspace.paths.cache_dir, sentinel.Options(site=folder))
    assert outcome.outcome == sentinel.CLEAN and outcome.findings == []
    assert outcome.figures["links_private"] == 5 and outcome.figures["links_checked"] == 0
    assert links.requests == []
    assert sentinel.check_one("http://10.1.2.3/x", sentinel.Options()).status == "private"
    assert sentinel.check_one("http://[::1]:9/x", sentinel.Options()).status == "private"
    assert (
        sentinel.check_one("http://nowhere.invalid/x", sentinel.Options(allow_private=True)).status == "dns"
    )
    # A public page that redirects into the intranet is not followed there.
    guard = sentinel._GuardedRedirects(allow_private=False)
    request = urllib.request.Request("http://1.0.0.1/moved")
    with pytest.raises(sentinel._PrivateAddress):
        guard.redirect_request(request, None, 302, "Found", {}, "http://192.168.1.1/admin")
    assert guard.redirect_request(request, None, 302, "Found", {}, "http://1.1.1.1/new") is not None


def test_published_audit_findings_and_exit_codes(
    workspace, people, tmp_path: Path, links: Links, capsys
) -> None:
    from app import cli

    folder = _published_site(workspace, people, tmp_path, links)
    base = [*desk_args(workspace), "sentinel", "run", "--site", str(folder)]
    assert cli.run(base) == 0  # links go to 127.0.0.1: not requested without --allow-private
    assert "发现问题 0 处" in capsys.readouterr().out
    (folder / "files" / "stray.pdf").write_bytes(b"%PDF-1.7 put there by hand")
    assert cli.run(base) == 1
    out = capsys.readouterr().out
    assert "线上内容：files/stray.pdf" in out
    assert cli.run([*desk_args(workspace), "sentinel", "run", "--site", str(tmp_path / "none")]) == 2
    with workspace.db.read() as s:
        outcomes = s.scalars(select(SentinelRun.outcome).order_by(SentinelRun.id)).all()
    assert outcomes == ["clean", "problems"]

    report = tmp_path / "自查报告.pdf"
    assert cli.run([*desk_args(workspace), "sentinel", "report", str(report)]) == 0
    import pymupdf

    with pymupdf.open(report) as doc:
        text = "".join(page.get_text() for page in doc)
    assert "自查报告" in text and "stray.pdf" in text and "整改" in text and "尚未开展全面复查" in text

    # Once a whole-catalog re-check has run, the report gives its result instead.
    from app import recheck

    run_id = recheck.start(workspace.db, None, "full", workspace.paths.cache_dir)
    assert recheck.work(workspace.db, run_id, workspace.paths.cache_dir)
    assert cli.run([*desk_args(workspace), "sentinel", "report", str(report)]) == 0
    with pymupdf.open(report) as doc:
        text = "".join(page.get_text() for page in doc).replace("\n", "")
    assert "全面复查：未发现问题" in text and "尚未开展全面复查" not in text


def test_the_desk_runs_the_sentinel_off_the_ui_thread_and_saves_the_report(
    qtbot, desk_app, workspace, people, tmp_path: Path, links: Links
) -> None:
    import pymupdf

    from app.ui.main_window import MainWindow

    _published_site(workspace, people, tmp_path, links, workspace.paths.data_dir / "site")
    window = MainWindow(workspace, people.publisher, desk_app.log_handler)
    qtbot.addWidget(window)
    out = tmp_path / "自查报告.pdf"
    window.choose_save_path = lambda suggested: str(out)
    assert window.catalog.inspect_site() is not None
    assert not window.catalog.sentinel_action.isEnabled()
    qtbot.waitUntil(lambda: "自查报告已保存" in window.statusBar().currentMessage(), timeout=30_000)
    with pymupdf.open(out) as doc:
        text = "".join(page.get_text() for page in doc).replace("\n", "").replace(" ", "")
    assert "自查报告" in text and "外部链接5个" in text and "本次自查未发现问题" in text
    assert window.catalog.sentinel_action.isEnabled()
