"""The optional online check of the links a draft gives (app.document_links), against a real HTTP
server on 127.0.0.1: alive, moved (a redirect), dead; and intranet addresses left alone by default."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app import documents
from app.checking import check_document
from app.document_links import ALIVE, DEAD, MOVED, UNCHECKED, check_document_links
from app.sentinel import Options


class Site:
    def __init__(self) -> None:
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                site.requests.append(self.path)
                if self.path == "/old":
                    self.send_response(301)
                    self.send_header("Location", "/new")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                code = 200 if self.path in ("/policy", "/new") else 404
                self.send_response(code)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def test_dead_and_moved_links_are_marked_and_the_intranet_is_left_alone(workspace, people, tmp_path, site):
    path = tmp_path / "通知.txt"
    path.write_text(
        "关于做好有关工作的通知\n"
        f"政策原文见 {site.url('/policy')} 。\n"
        f"办事指南见 {site.url('/old')} ，表格见 {site.url('/gone')} 。\n",
        encoding="utf-8",
    )
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)

    # By default an address in a private range is never requested: a draft must not make the desk
    # probe the intranet.
    states = check_document_links(workspace.db, doc_id, Options(timeout=5))
    assert {s.state for s in states} == {UNCHECKED} and len(states) == 3 and site.requests == []

    states = {
        s.url: s for s in check_document_links(workspace.db, doc_id, Options(timeout=5, allow_private=True))
    }
    assert states[site.url("/policy")].state == ALIVE
    moved = states[site.url("/old")]
    assert (moved.state, moved.final_url) == (MOVED, site.url("/new"))
    dead = states[site.url("/gone")]
    assert (dead.state, dead.status) == (DEAD, "404")
    assert all(s.places and s.places[0].startswith("第") for s in states.values())  # 第N行: where to fix it


def test_the_desk_lists_the_links_of_the_current_document(qtbot, desk_app, workspace, people, tmp_path, site):
    from tests.test_gui import _window

    path = tmp_path / "通知.txt"
    path.write_text(f"关于做好有关工作的通知\n政策原文见 {site.url('/policy')} 。\n", encoding="utf-8")
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)
    window = _window(qtbot, desk_app, workspace, people.clerk)
    window.table.selectRow(0)
    assert window.files.links_action.isEnabled()
    window.files.check_links_current()
    qtbot.waitUntil(
        lambda: window.last_message is not None and window.last_message.isVisible(), timeout=20_000
    )
    text = window.last_message.text()
    assert "未检查（内网地址）" in text and site.url("/policy") in text and "第2行" in text
    assert site.requests == []  # the desk never probes the intranet unless configured
