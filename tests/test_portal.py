"""The portal client against a real HTTP server on 127.0.0.1, faults included."""

from __future__ import annotations

import hashlib

import pytest

from publish.portal import PortalClient, PortalError
from publish.static_site import SiteEntry
from tests.portal_server import TOKEN, PortalServer

PDF = b"%PDF-1.7 published bytes"
SHA = hashlib.sha256(PDF).hexdigest()
ENTRY = SiteEntry(
    index_no="TEST00001/2026-00001",
    title="关于做好冬季供暖保障工作的通知",
    publisher="示例市城市管理局",
    written_on="2026-11-10",
    published_on="2026-11-23",
    doc_number="示城管〔2026〕12号",
    category="城乡建设、环境保护\\城市管理",
    doc_type="通知",
    keywords=("供暖",),
    summary="供暖保障",
    disclosure="主动公开",
    scope="面向社会",
    validity="valid",
    pdf_sha256=SHA,
)


@pytest.fixture
def portal():
    with PortalServer(delay=1.5) as server:
        yield server


def client(portal, token=TOKEN, **kw) -> tuple[PortalClient, list[float]]:
    waits: list[float] = []
    kw.setdefault("timeout", 0.5)
    return PortalClient(portal.url, token, sleep=waits.append, **kw), waits


def test_publish_withdraw_and_validity(portal):
    c, _ = client(portal)
    receipt = c.publish(ENTRY, PDF)
    assert receipt.file_sha256 == SHA and receipt.index_no == ENTRY.index_no
    status = c.status(ENTRY.index_no)
    assert status is not None
    assert {k: status[k] for k in ("index_no", "status", "file_sha256", "validity", "title", "keywords")} == {
        "index_no": ENTRY.index_no,
        "status": "published",
        "file_sha256": SHA,
        "validity": "valid",
        "title": ENTRY.title,
        "keywords": ["供暖"],
    }
    c.set_validity(ENTRY.index_no, "repealed")
    assert c.status(ENTRY.index_no)["validity"] == "repealed"
    assert c.entries() == [ENTRY.index_no] and c.file(SHA) == PDF
    c.withdraw(ENTRY.index_no, "内容有误", [SHA])
    # 410 Gone: the entry says only that it was withdrawn, and its file is deleted.
    assert c.status(ENTRY.index_no) == {"index_no": ENTRY.index_no, "status": "withdrawn"}
    assert c.file(SHA) is None and SHA in portal.state.gone and SHA not in portal.state.files
    assert c.status("NOPE/2026-99999") is None and c.file("0" * 64) is None


def test_withdrawal_keeps_a_file_another_live_entry_uses(portal):
    from dataclasses import replace

    c, _ = client(portal)
    other = replace(ENTRY, index_no="TEST00001/2026-00002", title="同一文件的另一条目")
    c.publish(ENTRY, PDF)
    c.publish(other, PDF)
    c.withdraw(ENTRY.index_no, "重复", [SHA])
    assert c.file(SHA) == PDF and c.status(other.index_no)["status"] == "published"
    c.withdraw(other.index_no, "重复", [SHA])
    assert c.file(SHA) is None


def test_resending_is_idempotent(portal):
    c, _ = client(portal)
    first = c.publish(ENTRY, PDF)
    again = c.publish(ENTRY, PDF)
    assert first.receipt_id == again.receipt_id and len(portal.state.entries) == 1


@pytest.mark.parametrize("fault", ["500", "timeout", "drop"])
def test_transient_faults_are_retried_with_backoff(portal, fault):
    portal.state.faults.extend([fault, fault])
    c, waits = client(portal)
    assert c.publish(ENTRY, PDF).file_sha256 == SHA
    assert waits == [1.0, 2.0]  # two retries of the first call, exponential
    assert len(portal.state.entries) == 1


def test_persistent_failure_is_reported_as_retryable(portal):
    portal.state.faults.extend(["500"] * 10)
    c, waits = client(portal, attempts=3)
    with pytest.raises(PortalError) as caught:
        c.publish(ENTRY, PDF)
    assert caught.value.retryable and "HTTP 500" in caught.value.message and len(waits) == 2
    assert portal.state.entries == {}


def test_bad_token_is_not_retried(portal):
    c, waits = client(portal, token="wrong")
    with pytest.raises(PortalError, match="令牌") as caught:
        c.publish(ENTRY, PDF)
    assert not caught.value.retryable and waits == [] and len(portal.state.requests) == 1


def test_receipt_with_another_hash_fails_the_push(portal):
    portal.state.faults.extend(["bad_receipt"])
    c, _ = client(portal)
    with pytest.raises(PortalError, match="不一致"):
        c.publish(ENTRY, PDF)


def test_only_the_verified_bytes_are_sent(portal):
    c, _ = client(portal)
    with pytest.raises(PortalError, match="不一致"):
        c.publish(ENTRY, PDF + b"tampered")
    assert portal.state.requests == []


def test_plain_http_to_a_remote_host_is_refused():
    with pytest.raises(PortalError, match="HTTPS"):
        PortalClient("http://portal.example.gov.cn", TOKEN)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://portal.example.gov.cn", True),
        ("http://127.0.0.1:8080", True),
        ("http://127.9.9.9", True),
        ("http://[::1]:8080", True),
        ("http://localhost:8000/api", True),
        ("http://localhost.attacker.example", False),
        ("http://127.0.0.1.attacker.example", False),
        ("http://127.0.0.1@attacker.example", False),
        ("http://portal.example.gov.cn", False),
        ("ftp://127.0.0.1", False),
        ("https://", False),
    ],
)
def test_plain_http_only_to_this_machine_judged_on_the_parsed_host(url, allowed):
    if allowed:
        PortalClient(url, TOKEN)
    else:
        with pytest.raises(PortalError, match="必须使用 HTTPS"):
            PortalClient(url, TOKEN)
