"""依申请公开 in the desk: who may register and act, the legal rules each action keeps, the audit
trail, and applicants' data kept off every public output."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from sqlalchemy import select, text

from app import info_requests, signing_keys
from app.db.models import AuditEvent, User
from app.errors import NotFound, PermissionDenied, ValidationFailed
from app.info_requests import ApplicantKind, Channel, Outcome, Party, RequestStatus
from tests.conftest import approved_document
from tests.run_day import TODAY

NAME, CONTACT, CONTENT = "申请人赵六六", "zhaoliuliu@example.cn", "关于青松路拆迁补偿标准的内部请示甲乙丙"


def register(s, user, received_on, **kw):
    fields = dict(
        applicant_kind=ApplicantKind.PERSON,
        applicant_name=NAME,
        applicant_contact=CONTACT,
        content=CONTENT,
        channel=Channel.POST,
        received_on=received_on,
    )
    return info_requests.register(s, user, **{**fields, **kw})


def test_a_clerk_of_the_department_registers_and_acts_within_the_rules(workspace, people):
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        with pytest.raises(PermissionDenied):
            register(s, s.get_one(User, people.reviewer), dt.date(2026, 9, 19))
        first = register(s, clerk, dt.date(2026, 9, 19))  # Sat: post signed for at the weekend
        second = register(s, clerk, dt.date(2026, 9, 21), applicant_kind=ApplicantKind.LEGAL_SERVICE)
        assert (first.number, second.number) == ("2026-0001", "2026-0002")
        info_requests.attach(s, clerk, first.id, "来信扫描.pdf", b"%PDF-1.4 letter")
        first_id, second_id = first.id, second.id
    with workspace.db.read() as s, pytest.raises(NotFound):
        info_requests.get(s, s.get_one(User, people.outsider_reviewer), first_id)

    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        # 补正 at the latest on the 7th working day: 9/20 (调休), 9/21–9/24, 9/28, 9/29 → 9/29.
        with pytest.raises(ValidationFailed, match=r"7 个工作日内.*2026-09-29"):
            info_requests.request_supplement(s, clerk, first_id, dt.date(2026, 9, 30), dt.date(2026, 10, 20))
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        info_requests.request_supplement(s, clerk, first_id, dt.date(2026, 9, 29), dt.date(2026, 10, 16))
        with pytest.raises(ValidationFailed, match="一次性"):
            info_requests.request_supplement(s, clerk, first_id, dt.date(2026, 9, 29), dt.date(2026, 10, 16))
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        assert info_requests.get(s, clerk, first_id).status == RequestStatus.AWAITING_SUPPLEMENT
        info_requests.supplement_received(s, clerk, first_id, dt.date(2026, 10, 9))
        with pytest.raises(ValidationFailed, match="1 到 20 个工作日"):
            info_requests.extend(s, clerk, first_id, dt.date(2026, 10, 20), consented_by="王主任", days=21)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        # Entered as of the day decided: judged by the clock of that day.
        info_requests.extend(
            s,
            clerk,
            first_id,
            dt.date(2026, 10, 20),
            consented_by="王主任",
            days=20,
            today=dt.date(2026, 10, 20),
        )
        with pytest.raises(ValidationFailed, match="只能延长一次"):
            info_requests.extend(s, clerk, first_id, dt.date(2026, 10, 21), consented_by="王主任", days=5)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        info_requests.consultation_sent(
            s, clerk, first_id, dt.date(2026, 10, 21), Party.THIRD_PARTY, today=dt.date(2026, 10, 21)
        )
        assert info_requests.get(s, clerk, first_id).status == RequestStatus.IN_CONSULTATION
        info_requests.consultation_answered(s, clerk, first_id, dt.date(2026, 10, 28))
        with pytest.raises(ValidationFailed, match="补正期限已过"):
            info_requests.record_answer(s, clerk, second_id, Outcome.SUPPLEMENT_LAPSED, dt.date(2026, 10, 1))
        info_requests.record_answer(
            s, clerk, first_id, Outcome.WITHHELD_THIRD_PARTY, dt.date(2026, 11, 2), detail="第三方不同意公开"
        )
        info_requests.withdraw(s, clerk, second_id, dt.date(2026, 10, 1))
    with workspace.db.read() as s:
        clerk = s.get_one(User, people.clerk)
        assert info_requests.open_requests(s, clerk) == []
        row = info_requests.get(s, clerk, first_id)
        assert (row.status, row.outcome, row.answered_on) == (
            "answered",
            "withheld_third_party",
            dt.date(2026, 11, 2),
        )
        clock = info_requests.clock(row)
        # From the 补正 (10/9) + 20 extension, the third party's week (10/22–10/28) not counted.
        assert clock.on_time and clock.starts_on == dt.date(2026, 10, 9)
        assert Outcome(row.outcome).row.label == "4.保护第三方合法权益"
        closed = info_requests.get(s, clerk, second_id)
        assert (closed.status, closed.outcome) == ("closed_unprocessed", "withdrawn")
        events = s.scalars(select(AuditEvent).where(AuditEvent.action.like("request.%"))).all()
        actions = [e.action for e in events]
        assert actions[:3] == ["request.register", "request.register", "request.attach"]
        assert {"request.extension", "request.consultation_sent", "request.answered"} <= set(actions)
        # The chain is kept for good: it names the request, never the applicant or what was asked.
        trail = "".join(e.detail for e in events)
        assert NAME not in trail and CONTACT not in trail and CONTENT not in trail
        answered = next(e for e in events if e.action == "request.answered")
        assert json.loads(answered.detail)["outcome"] == "withheld_third_party"
        assert (
            json.loads(next(e for e in events if e.action == "request.extension").detail)["consented_by"]
            == "王主任"
        )
    with workspace.db.write() as s, pytest.raises(ValidationFailed, match="已办结"):
        info_requests.consultation_sent(s, s.get_one(User, people.clerk), first_id, dt.date(2026, 11, 3))


def test_no_request_data_reaches_the_catalog_site_portal_or_packages(
    workspace, people, sample_files, tmp_path
):
    """After a normal publish to every target, the applicant's name, contact, what was asked and the
    letter's bytes are nowhere in what leaves the desk."""
    from app.catalog import publish_to_catalog, update_static_site
    from app.transfer import export_package

    letter = f"{NAME} {CONTACT} {CONTENT}".encode()
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        row = register(s, clerk, TODAY)
        info_requests.attach(s, clerk, row.id, "来信.txt", letter)
        signing_keys.generate(s, s.get_one(User, people.admin), "pass-phrase-123", workspace.paths.keys_dir)
    doc_id = approved_document(workspace, people, sample_files["clean"])
    publish_to_catalog(
        workspace.db, people.publisher, doc_id, None, summary="供暖", to_portal=True, to_package=True
    )
    site = tmp_path / "site"
    update_static_site(workspace.db, site)
    package = tmp_path / "out.zip"
    export_package(workspace.db, people.publisher, "pass-phrase-123", package, workspace.paths.keys_dir)

    outputs: dict[str, bytes] = {str(p): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    with zipfile.ZipFile(package) as archive:
        outputs.update({f"package:{n}": archive.read(n) for n in archive.namelist()})
    with workspace.db.read() as s:
        for table in ("catalog_entries", "catalog_attachments", "releases", "publish_jobs"):
            outputs[table] = repr(s.execute(text(f"SELECT * FROM {table}")).all()).encode()
    assert any(b"index.html" in k.encode() for k in outputs) and any(
        k.startswith("package:") for k in outputs
    )
    import hashlib

    digest = hashlib.sha256(letter).hexdigest().encode()
    for secret in (NAME.encode(), CONTACT.encode(), CONTENT.encode(), digest):
        assert [where for where, data in outputs.items() if secret in data] == []
