"""A real HTTP server on 127.0.0.1 speaking docs/portal-api.md, with faults to order."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import urllib.parse
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "test-portal-token"


class PortalState:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.gone: set[str] = set()  # files deleted by a withdrawal: they answer 410 Gone
        self.entries: dict[str, dict[str, Any]] = {}
        self.receipts: dict[str, dict[str, Any]] = {}  # by Idempotency-Key
        self.faults: deque[str] = deque()  # "ok", "500", "timeout", "drop", "401", "bad_receipt"
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()


def make_handler(state: PortalState, delay: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _reply(self, code: int, body: dict[str, Any]) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _reply_bytes(self, data: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with state.lock:
                state.requests.append((self.command, self.path))
                fault = state.faults.popleft() if state.faults else None
            if fault == "timeout":
                time.sleep(delay)
                return
            if fault == "drop":
                self.connection.close()
                return
            if fault == "500":
                return self._reply(500, {"error": "internal"})
            if fault == "401" or self.headers.get("Authorization") != f"Bearer {TOKEN}":
                return self._reply(401, {"error": "bad token"})
            key = self.headers.get("Idempotency-Key", "")
            with state.lock:
                if key in state.receipts and self.command != "GET":
                    return self._reply(200, state.receipts[key])
                receipt = self._apply(body)
                if receipt is None:
                    return None
                if fault == "bad_receipt":
                    receipt = dict(receipt, file_sha256="0" * 64)
                else:
                    state.receipts[key] = receipt
            return self._reply(201, receipt)

        def _apply(self, body: bytes) -> dict[str, Any] | None:
            parts = [urllib.parse.unquote(p) for p in self.path.split("/")[1:]]
            now = time.strftime("%Y-%m-%dT%H:%M:%S")
            rid = f"R{len(state.receipts) + 1:05d}"
            if parts[:3] == ["api", "v1", "files"] and self.command == "PUT":
                sha = hashlib.sha256(body).hexdigest()
                if sha != parts[3]:
                    self._reply(400, {"error": "hash does not match path"})
                    return None
                state.files[sha] = body
                state.gone.discard(sha)
                return {"receipt_id": rid, "file_sha256": sha, "received_at": now}
            if parts[:3] == ["api", "v1", "files"] and self.command == "GET":
                if parts[3] in state.files:
                    self._reply_bytes(state.files[parts[3]])
                elif parts[3] in state.gone:
                    self._reply(410, {"error": "withdrawn"})
                else:
                    self._reply(404, {"error": "no such file"})
                return None
            if parts[:3] != ["api", "v1", "entries"]:
                self._reply(404, {"error": "unknown"})
                return None
            if len(parts) == 3 and self.command == "GET":
                listing = [{"index_no": k, "status": e["status"]} for k, e in state.entries.items()]
                self._reply(200, {"entries": listing})
                return None
            index_no = parts[3]
            if self.command == "GET":
                entry = state.entries.get(index_no)
                if entry is None:
                    self._reply(404, {"error": "no such entry"})
                elif entry["status"] == "withdrawn":
                    self._reply(
                        410,
                        {"index_no": index_no, "status": "withdrawn", "withdrawn_at": entry["withdrawn_at"]},
                    )
                else:
                    self._reply(
                        200,
                        dict(entry, index_no=index_no, file_sha256=(entry.get("file") or {}).get("sha256")),
                    )
                return None
            if self.command == "PUT":
                entry = json.loads(body)
                if entry["file"]["sha256"] not in state.files:
                    self._reply(409, {"error": "file not uploaded"})
                    return None
                state.entries[index_no] = dict(entry, status="published")
            elif self.command == "POST" and parts[4:] == ["withdraw"]:
                entry = state.entries[index_no]
                entry["status"], entry["withdrawn_at"] = "withdrawn", now
                # As docs/portal-api.md asks: the named files and the entry's own go, unless a live
                # entry still uses them.
                named = set(json.loads(body).get("files", [])) | set(_files_of(entry))
                used = {
                    sha for e in state.entries.values() if e["status"] == "published" for sha in _files_of(e)
                }
                for sha in named - used:
                    if state.files.pop(sha, None) is not None:
                        state.gone.add(sha)
            elif self.command == "PATCH":
                state.entries[index_no]["validity"] = json.loads(body)["validity"]
            entry = state.entries[index_no]
            return {
                "receipt_id": rid,
                "index_no": index_no,
                "file_sha256": entry["file"]["sha256"],
                "received_at": now,
            }

        do_GET = do_PUT = do_POST = do_PATCH = _handle

    return Handler


def _files_of(entry: dict[str, Any]) -> list[str]:
    own = [entry["file"]["sha256"]] if entry.get("file") else []
    return own + [a["sha256"] for a in entry.get("attachments") or []]


class PortalServer:
    def __init__(self, delay: float = 2.0) -> None:
        self.state = PortalState()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.state, delay))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> PortalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
