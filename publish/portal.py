"""The portal's HTTP API (docs/portal-api.md), spoken with the standard library.

urllib verifies TLS certificates by default and is enough for five JSON calls, so no HTTP
client package is added to the install.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import json
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from publish import bounded_http
from publish.static_site import SiteEntry
from review.errors import QT_TRANSLATE_NOOP, TranslatableError
from review.formats import MAX_FILE_BYTES


class PortalError(TranslatableError):
    """A push that did not go through; `retryable` says whether trying again later may help."""

    def __init__(self, template: str, retryable: bool, **params: Any) -> None:
        super().__init__(template, **params)
        self.retryable = retryable


@dataclass(frozen=True)
class Receipt:
    receipt_id: str
    file_sha256: str
    received_at: str
    index_no: str | None
    raw: str  # the portal's JSON as received, kept with the item


MAX_JSON_BYTES = 64 * 2**20  # an answer of the API; the list of every entry is the largest
MAX_RECEIPT_BYTES = 64 * 2**10


def _secure_enough(url: str) -> bool:
    """HTTPS, or plain HTTP to this machine only: judged on the parsed host, so that
    http://localhost.attacker.example does not pass for localhost and carry the token in clear."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        return False
    if parts.scheme == "https":
        return bool(host)
    if parts.scheme != "http":
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class PortalClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 30.0,
        deadline: float = 600.0,
        attempts: int = 5,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not _secure_enough(base_url):
            raise PortalError(
                QT_TRANSLATE_NOOP("DeskError", "门户地址必须使用 HTTPS：{url}"), False, url=base_url
            )
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.timeout, self.attempts, self.backoff, self._sleep = timeout, attempts, backoff, sleep
        # `timeout` bounds each wait for the server, `deadline` one whole attempt: a server that
        # sends a byte now and then would otherwise hold the push (and the desk's worker) for ever.
        self.deadline = deadline
        self._context = ssl.create_default_context()

    # -- the calls ------------------------------------------------------------------------------

    def put_file(self, data: bytes, media_type: str = "application/pdf") -> Receipt:
        sha = hashlib.sha256(data).hexdigest()
        return self._receipt(self._send("PUT", f"/api/v1/files/{sha}", data, media_type), sha)

    def upsert(self, entry: SiteEntry, size: int) -> Receipt:
        body = {
            "index_no": entry.index_no,
            "title": entry.title,
            "publisher": entry.publisher,
            "written_on": entry.written_on,
            "published_on": entry.published_on,
            "doc_number": entry.doc_number,
            "category": entry.category,
            "doc_type": entry.doc_type,
            "keywords": list(entry.keywords),
            "summary": entry.summary,
            "disclosure": entry.disclosure,
            "scope": entry.scope,
            # 规章/规范性文件 only; empty (null dates) for every other entry.
            "validity": entry.validity,
            "effective_on": entry.effective_on or None,
            "valid_until": entry.valid_until or None,
            "amended_on": entry.amended_on or None,
            "amended_by": entry.amended_by or None,
            # 依申请公开: the entry says how to apply and carries no file.
            "file": {"sha256": entry.pdf_sha256, "size": size, "media_type": "application/pdf"}
            if entry.pdf_sha256
            else None,
            "on_request": entry.on_request,
            "release_sha256": entry.release_sha256,
            "interpretation_form": entry.form or None,
            "interprets": entry.interprets.index_no if entry.interprets else None,
            "interpretations": [i.index_no for i in entry.interpretations],
            "attachments": [
                {"name": a.name, "sha256": a.sha256, "media_type": a.media_type} for a in entry.attachments
            ],
        }
        return self._receipt(
            self._send("PUT", self._entry_path(entry.index_no), _json(body)), entry.pdf_sha256 or None
        )

    def publish(
        self, entry: SiteEntry, pdf: bytes | None, media: Mapping[str, bytes] | None = None
    ) -> Receipt:
        """The files (`media` by SHA-256 for the attachments), then the entry that points to them."""
        media = media or {}
        if (hashlib.sha256(pdf).hexdigest() if pdf is not None else "") != entry.pdf_sha256 or any(
            hashlib.sha256(media.get(a.sha256, b"")).hexdigest() != a.sha256 for a in entry.attachments
        ):
            raise PortalError(
                QT_TRANSLATE_NOOP("DeskError", "待发送的文件与复核通过的文件不一致，已停止。"), False
            )
        if pdf is not None:
            self.put_file(pdf)
        for attachment in entry.attachments:
            self.put_file(media[attachment.sha256], attachment.media_type)
        return self.upsert(entry, len(pdf) if pdf is not None else 0)

    def withdraw(self, index_no: str, reason: str, files: Sequence[str] = ()) -> Receipt:
        """撤回: the portal takes the entry down and deletes `files` (SHA-256 of the entry's PDF and
        attachments) unless another live entry uses them. Naming them lets the portal delete the
        right bytes even if what it holds of the entry is older than the desk's."""
        body = {"reason": reason, "files": sorted(set(files))}
        data = self._send("POST", self._entry_path(index_no) + "/withdraw", _json(body))
        return self._receipt(data, None)

    def set_validity(
        self, index_no: str, validity: str, amended_on: str = "", amended_by: str = ""
    ) -> Receipt:
        """有效性 changed; 已修改 says when and by which document."""
        body = {"validity": validity, "amended_on": amended_on or None, "amended_by": amended_by or None}
        data = self._send("PATCH", self._entry_path(index_no), _json(body))
        return self._receipt(data, None)

    def status(self, index_no: str) -> dict[str, Any] | None:
        """What the portal serves of the entry (STATUS), `{"status": "withdrawn", …}` for one it
        answers 410 Gone, None for one it does not know."""
        try:
            return dict(_parsed(self._send("GET", self._entry_path(index_no), None)))
        except PortalError as exc:
            if exc.params.get("status") == 404:
                return None
            if exc.params.get("status") == 410:
                return {"index_no": index_no, "status": "withdrawn"}
            raise

    def entries(self) -> list[str]:
        """The 索引号 of every entry the portal holds, withdrawn ones included."""
        data = _parsed(self._send("GET", "/api/v1/entries", None))
        try:
            return [str(e["index_no"]) for e in data["entries"]]
        except (KeyError, TypeError) as exc:
            raise _unrecognised() from exc

    def file(self, sha256: str) -> bytes | None:
        """A file as the portal serves it; None when it answers 404 or 410 (deleted)."""
        try:
            return self._send("GET", f"/api/v1/files/{sha256}", None, accept="*/*", limit=MAX_FILE_BYTES)
        except PortalError as exc:
            if exc.params.get("status") in (404, 410):
                return None
            raise

    # -- transport ----------------------------------------------------------------------------

    @staticmethod
    def _entry_path(index_no: str) -> str:
        return "/api/v1/entries/" + urllib.parse.quote(index_no, safe="")

    def _receipt(self, data: bytes, expected_sha: str | None) -> Receipt:
        try:
            if len(data) > MAX_RECEIPT_BYTES:  # kept with the item: a portal may not fill the database
                raise ValueError("receipt size")
            parsed = json.loads(data)
            receipt = Receipt(
                str(parsed["receipt_id"]),
                str(parsed.get("file_sha256", "")),
                str(parsed.get("received_at", "")),
                parsed.get("index_no"),
                data.decode("utf-8"),
            )
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise PortalError(QT_TRANSLATE_NOOP("DeskError", "门户的回执无法识别。"), True) from exc
        if expected_sha is not None and receipt.file_sha256 != expected_sha:
            raise PortalError(
                QT_TRANSLATE_NOOP("DeskError", "门户回执中的文件哈希（{got}）与发送的文件（{sent}）不一致。"),
                True,
                got=receipt.file_sha256[:16],
                sent=expected_sha[:16],
            )
        return receipt

    def _send(
        self,
        method: str,
        path: str,
        body: bytes | None,
        content_type: str = "application/json",
        accept: str = "application/json",
        limit: int = MAX_JSON_BYTES,
    ) -> bytes:
        key = hashlib.sha256(method.encode() + b" " + path.encode() + b"\0" + (body or b"")).hexdigest()
        last: PortalError | None = None
        for attempt in range(self.attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(
                self.base_url + path,
                data=body,
                method=method,
                headers={
                    "Authorization": f"Bearer {self._token}",
                    "Content-Type": content_type,
                    "Idempotency-Key": key,
                    "Accept": accept,
                },
            )
            # Redirects are not followed: urllib would carry the token to wherever they point,
            # another host or plain HTTP included.
            opener = bounded_http.opener(self.deadline, bounded_http.NoRedirects(), context=self._context)
            try:
                with opener.open(request, timeout=self.timeout) as response:
                    return bounded_http.read_capped(response, limit)
            except bounded_http.BodyTooLarge as exc:
                raise PortalError(
                    QT_TRANSLATE_NOOP("DeskError", "门户的响应超过 {limit} MB，已停止读取。"),
                    False,
                    limit=limit // 2**20,
                ) from exc
            except bounded_http.DeadlinePassed as exc:
                last = PortalError(
                    QT_TRANSLATE_NOOP("DeskError", "门户在 {seconds} 秒内没有完成响应（响应过慢），已中断。"),
                    True,
                    seconds=round(self.deadline),
                )
                last.__cause__ = exc
            except urllib.error.HTTPError as exc:
                detail = exc.read(2000).decode("utf-8", "replace")[:200]
                if 300 <= exc.code < 400:
                    raise PortalError(
                        QT_TRANSLATE_NOOP(
                            "DeskError",
                            "门户把请求转到了别处（HTTP {status}：{location}），审发台不跟随转向，"
                            "以免访问令牌被带到别的地址。请把门户地址设为它的最终地址。",
                        ),
                        False,
                        status=exc.code,
                        location=str(exc.headers.get("Location", ""))[:200],
                    ) from exc
                if exc.code in (401, 403):
                    raise PortalError(
                        QT_TRANSLATE_NOOP(
                            "DeskError", "门户拒绝了访问令牌（HTTP {status}），请重新设置令牌。"
                        ),
                        False,
                        status=exc.code,
                    ) from exc
                if exc.code < 500:
                    raise PortalError(
                        QT_TRANSLATE_NOOP("DeskError", "门户拒绝了请求（HTTP {status}）：{detail}"),
                        False,
                        status=exc.code,
                        detail=detail,
                    ) from exc
                last = PortalError(
                    QT_TRANSLATE_NOOP("DeskError", "门户出错（HTTP {status}）：{detail}"),
                    True,
                    status=exc.code,
                    detail=detail,
                )
            except TimeoutError as exc:
                last = PortalError(
                    QT_TRANSLATE_NOOP("DeskError", "门户在 {seconds} 秒内没有响应。"),
                    True,
                    seconds=round(self.timeout),
                )
                last.__cause__ = exc
            except (urllib.error.URLError, http.client.HTTPException, ConnectionError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                if isinstance(reason, ssl.SSLCertVerificationError):
                    raise PortalError(
                        QT_TRANSLATE_NOOP("DeskError", "门户的 TLS 证书验证失败：{reason}"),
                        False,
                        reason=str(reason),
                    ) from exc
                if isinstance(reason, TimeoutError | socket.timeout):
                    last = PortalError(
                        QT_TRANSLATE_NOOP("DeskError", "门户在 {seconds} 秒内没有响应。"),
                        True,
                        seconds=round(self.timeout),
                    )
                else:
                    last = PortalError(
                        QT_TRANSLATE_NOOP("DeskError", "无法连接门户：{reason}"), True, reason=str(reason)
                    )
        assert last is not None
        raise last


def _unrecognised() -> PortalError:
    return PortalError(QT_TRANSLATE_NOOP("DeskError", "门户的应答无法识别（不是约定的 JSON）。"), True)


def _parsed(data: bytes) -> Any:
    """The portal's JSON answer; HTML from a proxy, or JSON nested past the parser, is no answer."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise _unrecognised() from exc
    if not isinstance(value, dict):
        raise _unrecognised()
    return value


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
