"""Issue 17 in the desk: a stored check keeps its 错敏/表述 findings, and the period's figures count
them by kind (the yearly statistics and the report's rows)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from app import documents
from app.checking import check_document, latest_run
from app.db.models import Review, User
from app.statistics import figures
from publish.report import to_csv
from review.wording.base import KIND_LABELS
from tests.run_day import TODAY


def test_wording_findings_are_counted_by_kind_in_the_period(workspace, people, tmp_path):
    path = tmp_path / "通知.txt"
    path.write_text(
        "关于做好有关工作的通知\n"
        "中华人民共合国成立以来，各部门再接再励，依据示政办发[2019]8号文件，"
        "国务院总理李克强主持会议，国务院扶贫办负责。\n",
        encoding="utf-8",
    )
    doc_id = documents.import_file(workspace.db, people.clerk, path)
    check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)
    with workspace.db.write() as s:
        run = latest_run(s, doc_id)
        assert run is not None
        made = Counter(f.rule_id for f in run.findings if f.rule_id.startswith("WORD-"))
        assert {"WORD-FIXED", "WORD-WRONG", "WORD-DOCNO", "WORD-LEADER-POST", "WORD-OUTDATED"} <= set(made)
        # A concluded review of this run makes its findings the period's (approval itself is
        # tested in test_reviewing; here only what the statistics count).
        s.add(
            Review(
                document_id=doc_id,
                check_run_id=run.id,
                conclusion="disclose",
                opinion="",
                reviewer_id=people.reviewer,
                record_sha256="0" * 64,
            )
        )
    today = TODAY
    with workspace.db.read() as s:
        result = figures(s, dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    assert dict(result.wording_by_kind) == dict(made)
    assert ("错敏/表述检查发现", KIND_LABELS["WORD-FIXED"], str(made["WORD-FIXED"])) in result.rows()
    assert "国名、机构、法规等固定表述写错" in to_csv(result).decode("utf-8-sig")
    with workspace.db.read() as s:
        earlier = figures(s, dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    assert earlier.wording_by_kind == []


def test_a_stored_document_is_judged_as_of_its_date(workspace, people, tmp_path):
    """The 成文日期 decides: 国务院总理李克强 is right in a 2020 document and wrong in one of today."""
    path = tmp_path / "通知.txt"
    path.write_text("关于做好有关工作的通知\n国务院总理李克强主持会议。\n", encoding="utf-8")
    found = {}
    for written_on in (dt.date(2020, 5, 1), None):
        doc_id = documents.import_file(workspace.db, people.clerk, path)
        with workspace.db.write() as s:
            documents.update_metadata(s, s.get_one(User, people.clerk), doc_id, None, written_on=written_on)
        check_document(workspace.db, people.clerk, doc_id, workspace.paths.cache_dir)
        with workspace.db.read() as s:
            run = latest_run(s, doc_id)
            assert run is not None
            found[written_on] = [f.rule_id for f in run.findings if f.rule_id.startswith("WORD-")]
    assert found == {dt.date(2020, 5, 1): [], None: ["WORD-LEADER-POST"]}
