"""Running the check engine for the desk and the CLI: lexicons, batches in parallel processes, and
checks of stored documents with their findings kept against the file they were found in."""

from __future__ import annotations

import csv
import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, desk_day, field_limits, imported_csv
from app.db.database import Database
from app.db.models import CheckRun, DepartmentLexicon, Document, FindingRow, InterpretationMedia, User
from app.documents import load_blob
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.roles import Role
from app.rulepacks import department_sources
from app.workflow import get_document
from publish.release import FIELD_LABELS
from review import nlp
from review.engine import CheckOptions, check_bytes
from review.errors import DocumentRejected, TranslatableError
from review.extract.pdf import Cancelled
from review.formats import identify_content, media_family_of
from review.lexicon import (
    DEFAULT_LEXICON,
    CompiledLexicon,
    Lexicon,
    LexiconIssue,
    bare_allow_entries,
    compile_sources,
    load_default,
    parse_bytes,
    parse_csv,
)
from review.model import Channel, CheckResult, Finding, Location, Rect, Severity
from review.normalize import normalize_term

# -- the desk: checking stored documents, the department lexicon --------------------------------


def department_lexicon_csv(session: Session, department_id: int) -> str:
    row = session.get(DepartmentLexicon, department_id)
    return row.csv if row is not None else ""


def store_department_lexicon(session: Session, department_id: int, lexicon: Lexicon) -> None:
    """Writes the department's lexicon (the caller checked who may and records why)."""
    row = session.get(DepartmentLexicon, department_id)
    if row is None:
        session.add(DepartmentLexicon(department_id=department_id, csv=lexicon.to_csv()))
    else:
        row.csv = lexicon.to_csv()
    session.flush()


MAX_LEXICON_TERMS = 100_000  # every check compiles them all


def save_department_lexicon(
    session: Session, user: User, content: bytes, name: str = "词库.csv"
) -> list[LexiconIssue]:
    """Replaces the user's department lexicon with a file's content; returns the problems found in it.

    Reviewers add terms and allow-list phrases; dropping a term or lowering its level takes a term
    out of every later check, so only an administrator may, and the event names the terms.
    """
    if not (user.has_role(Role.ADMIN) or user.has_role(Role.REVIEWER)) or user.department_id is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "只有本部门的保密审查员或系统管理员可以修改部门词库。")
        )
    imported_csv.check_size(name, content)
    try:
        lexicon = parse_bytes(name, content)
    except csv.Error as exc:
        raise imported_csv.unreadable(name) from exc
    if len(lexicon.terms) + len(lexicon.allowed) > MAX_LEXICON_TERMS:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "词库“{name}”词条过多（{count} 条，上限 {limit} 条），未导入。"),
            name=name,
            count=len(lexicon.terms) + len(lexicon.allowed),
            limit=MAX_LEXICON_TERMS,
        )
    imported_csv.refuse_unsafe(
        [*(c for t in lexicon.terms for c in (t.term, t.category, t.note)), *lexicon.allowed]
    )
    for term in lexicon.terms:
        # Each term and category is stored with every finding it makes: they must fit there.
        field_limits.check(FindingRow.term, term.term, item=_abbreviated(term.term))
        field_limits.check(FindingRow.category, term.category, item=_abbreviated(term.term))
    bare = bare_allow_entries(lexicon.allowed, [*load_default().terms, *lexicon.terms])
    if bare:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "允许词“{entries}”是词库中的词或其一部分，会使所有文件中的该词不再提示，未导入。"
                "允许词须是带上下文的短语（如“单位内部资料管理”）。",
            ),
            entries="、".join(bare),
        )
    previous = parse_csv(department_lexicon_csv(session, user.department_id))
    now = {normalize_term(t.term): t for t in lexicon.terms}
    removed = [t.term for t in previous.terms if normalize_term(t.term) not in now]
    lowered = [
        t.term
        for t in previous.terms
        if (new := now.get(normalize_term(t.term))) is not None and new.severity.rank < t.severity.rank
    ]
    if (removed or lowered) and not user.has_role(Role.ADMIN):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "删除词条或降低其级别须由系统管理员进行（{terms}），词库未修改。"),
            terms="、".join(removed + lowered),
        )
    store_department_lexicon(session, user.department_id, lexicon)
    audit.record(
        session,
        user,
        "lexicon.update",
        department_id=user.department_id,
        before={"version": previous.version},
        after={"version": lexicon.version, "terms": len(lexicon.terms), "allowed": len(lexicon.allowed)},
        removed=removed,
        lowered=lowered,
    )
    return lexicon.issues


def _abbreviated(text: str, most: int = 20) -> str:
    return text if len(text) <= most else text[:most] + "…"


def desk_lexicon(session: Session, department_id: int | None, cache_dir: Path | None) -> CompiledLexicon:
    """The default lexicon plus the department's own, compiled (from the cache when unchanged)."""
    sources = [(DEFAULT_LEXICON.name, DEFAULT_LEXICON.read_bytes())]
    if department_id is not None:
        own = department_lexicon_csv(session, department_id)
        if own:
            sources.append(("department.csv", own.encode("utf-8")))
    return compile_sources(sources, cache_dir)[0]


def _checked(
    name: str,
    data: bytes,
    lexicon: CompiledLexicon,
    options: CheckOptions,
    progress: Callable[[int, int], None] | None,
    cancel: threading.Event | None,
) -> CheckResult:
    """check_bytes, with a library's own failure on a malformed file told as the file's problem
    (a PDF can pass the probe and still break MuPDF half-way through its pages)."""
    try:
        return check_bytes(name, data, lexicon, options, progress, cancel)
    except (TranslatableError, Cancelled):
        raise
    except MemoryError as exc:
        raise DocumentRejected(
            name, QT_TRANSLATE_NOOP("DeskError", "“{name}”太大或太复杂，检查时内存不足。")
        ) from exc
    except Exception as exc:
        raise DocumentRejected(
            name,
            QT_TRANSLATE_NOOP("DeskError", "“{name}”无法检查（文件可能已损坏）：{reason}"),
            reason=str(exc)[:200],
        ) from exc


def check_document(
    db: Database,
    user_id: int | None,
    document_id: int,
    cache_dir: Path | None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> int:
    """Checks the document's current original and every audio/video file it carries; stores the findings
    against the original (those of an attachment placed on it by name); returns the run id.

    A "media" file is what its bytes say: one the engine can read is checked like the document, so
    a text file named .mp4 cannot pass unread; real audio or video is listed as unreadable, for the
    reviewer's attestation (app.interpretations.attest_media).
    """
    with db.read() as session:
        document = get_document(session, document_id)
        original = document.current_original()
        file_id, disclosure, written_on = original.id, document.disclosure, document.written_on
        name, data = original.original_name, load_blob(session, original.blob_sha256)
        lexicon = desk_lexicon(session, document.department_id, cache_dir)
        own_packs = department_sources(session, document.department_id)
        media = [
            (m.id, m.original_name, m.blob_sha256)
            for m in session.scalars(
                select(InterpretationMedia)
                .where(InterpretationMedia.interpretation_id == document_id)
                .order_by(InterpretationMedia.id)
            )
        ]
        fields = catalog_fields(document, [m[1] for m in media])
    nlp.configure(cache_dir)
    # Leaders and outdated formulations are judged as of the 成文日期 (today when it is not known).
    judged_on = written_on or desk_day.today()
    options = CheckOptions(disclosure=disclosure, keywords=True, document_date=judged_on, rulepacks=own_packs)
    result = _checked(name, data, lexicon, options, progress, cancel)
    result.findings += field_findings(fields, lexicon, document_date=judged_on, rulepacks=own_packs)
    media_findings: list[Finding] = []
    for _media_id, media_name, sha in media:
        with db.read() as session:
            media_data = load_blob(session, sha)
        found, unreadable = _check_attachment(media_name, media_data, lexicon, options, cancel)
        media_findings += found
        result.unreadable += unreadable
    findings = [*result.findings, *media_findings]
    with db.write() as session:
        run = CheckRun(
            document_id=document_id,
            document_file_id=file_id,
            file_sha256=result.sha256,
            lexicon_version=result.lexicon_version,
            rulepack_version=result.rulepack_version,
            document_date=judged_on,
            engine_version=result.engine_version,
            started_by_id=user_id,
            seconds=result.seconds,
            characters=result.characters,
            suppressed=result.suppressed,
            unreadable=json.dumps(result.unreadable, ensure_ascii=False),
            keywords=json.dumps(result.keywords, ensure_ascii=False),
        )
        result.findings = findings
        stored = result.to_json()["findings"]
        for finding, as_json in zip(findings, stored, strict=True):
            run.findings.append(
                FindingRow(
                    rule_id=finding.rule_id,
                    category=finding.category,
                    severity=finding.severity.value,
                    channel=finding.channel.value,
                    message=finding.message,
                    text=finding.text,
                    context=finding.context,
                    term=finding.term,
                    page=finding.location.page,
                    location=json.dumps(as_json["location"], ensure_ascii=False),
                )
            )
        session.add(run)
        session.flush()
        user = session.get(User, user_id) if user_id is not None else None
        counts = {s.value: result.count_at_least(s) for s in Severity}
        audit.record(
            session,
            user,
            "document.check",
            document_id=document_id,
            run=run.id,
            sha256=result.sha256,
            lexicon=result.lexicon_version,
            findings=len(findings),
            at_least=counts,
            media=[{"name": n, "sha256": sha} for _i, n, sha in media] or None,
        )
        return run.id


ATTACHMENT_PLACE = "附件 {name}"


def catalog_fields(document: Document, attachment_names: list[str]) -> list[tuple[str, str]]:
    """(place, text) of the catalog text that will go out with the document's release."""
    keywords = "、".join(json.loads(document.keywords)) if document.keywords is not None else ""
    fields = [
        (FIELD_LABELS["title"], document.title),
        (FIELD_LABELS["doc_number"], document.doc_number),
        (FIELD_LABELS["publisher"], document.publisher or ""),
        (FIELD_LABELS["keywords"], keywords),
        (FIELD_LABELS["summary"], document.summary),
    ] + [(FIELD_LABELS["file_name"], n) for n in attachment_names]
    return [(place, text) for place, text in fields if text.strip()]


def field_findings(
    fields: list[tuple[str, str]],
    lexicon: CompiledLexicon,
    *,
    document_date: dt.date | None = None,
    rulepacks: tuple[tuple[str, bytes], ...] = (),
) -> list[Finding]:
    """The catalog fields checked like the document (as of its 成文日期, with its department's rule
    packs), each finding placed on its field ("目录字段 主题词"), so the reviewer decides them beside
    the body's."""
    options = CheckOptions(
        disclosure=None, names_near_personal_data=False, document_date=document_date, rulepacks=rulepacks
    )
    found = []
    for place, text in fields:
        inner = check_bytes("field.txt", text.encode("utf-8"), lexicon, options)
        found += [replace(f, location=Location(part=place)) for f in inner.findings]
    return found


def attachment_place(name: str) -> str:
    """Where a finding in an interpretation's audio/video file is: the file, by name (e.g. 附件 访谈录音.mp4)."""
    return ATTACHMENT_PLACE.format(name=name)


def is_in_attachment(row: FindingRow, name: str) -> bool:
    """Whether a stored finding was found in the attachment called `name`."""
    part = json.loads(row.location).get("part") or ""
    place = attachment_place(name)
    return bool(part == place or part.startswith(place + " "))


MEDIA_MISMATCH = "MEDIA-MISMATCH"
MEDIA_UNREAD = "MEDIA-UNREAD"
MEDIA_BROKEN = "MEDIA-BROKEN"


def _check_attachment(
    name: str,
    data: bytes,
    lexicon: CompiledLexicon,
    options: CheckOptions,
    cancel: threading.Event | None,
) -> tuple[list[Finding], list[str]]:
    """The findings of one audio/video attachment, placed on it, and what of it could not be read."""
    place = attachment_place(name)
    try:
        content = identify_content(name, data)
    except TranslatableError as exc:
        return [_attachment_finding(MEDIA_BROKEN, Severity.BLOCKING, exc.message, place)], [
            f"{place}：{exc.message}"
        ]
    findings: list[Finding] = []
    if content is None:
        message = QT_TRANSLATE_NOOP(
            "Rules", "内容无法识别：既不是已知的音视频格式，也不是可检查的文档，须审查员人工审查。"
        )
        findings.append(_attachment_finding(MEDIA_UNREAD, Severity.WARNING, message, place))
        return findings, [f"{place}（无法识别的数据，须人工审查）"]
    if content.readable:
        message = QT_TRANSLATE_NOOP("Rules", "文件名表示音视频，但内容是可检查的文档，已按实际内容检查。")
        findings.append(_attachment_finding(MEDIA_MISMATCH, Severity.WARNING, message, place, content.label))
    elif content.media is not None and content.media.family != media_family_of(name):
        message = QT_TRANSLATE_NOOP("Rules", "文件扩展名与实际的音视频格式不符。")
        findings.append(_attachment_finding(MEDIA_MISMATCH, Severity.WARNING, message, place, content.label))
    if content.document is None:
        message = QT_TRANSLATE_NOOP(
            "Rules", "音视频内容无法自动检查，须审查员试听或观看后逐个确认（人工审查）。"
        )
        findings.append(_attachment_finding(MEDIA_UNREAD, Severity.WARNING, message, place, content.label))
        return findings, [f"{place}（{content.label}，须人工审查）"]
    try:
        inner = check_bytes(content.checkable_name, data, lexicon, options, None, cancel)
    except TranslatableError as exc:
        findings.append(_attachment_finding(MEDIA_BROKEN, Severity.BLOCKING, exc.message, place))
        return findings, [f"{place}：{exc.message}"]
    findings += [replace(f, location=_placed(f.location, place)) for f in inner.findings]
    return findings, [f"{place}：{part}" for part in inner.unreadable]


def _attachment_finding(
    rule_id: str, severity: Severity, message: str, place: str, actual: str = ""
) -> Finding:
    """A finding about the attachment itself; `actual` (its context) says what its content really is."""
    return Finding(
        rule_id,
        QT_TRANSLATE_NOOP("Rules", "音视频附件"),
        severity,
        message,
        Channel.EMBEDDED_FILE,
        Location(part=place),
        context=f"实际内容：{actual}" if actual else "",
    )


def _placed(location: Location, place: str) -> Location:
    """A place inside an attachment, named by the attachment. Pages and rectangles are dropped: they
    are not on the document's own pages, where the viewer would draw them; the page stays in words."""
    words = [place]
    if location.page is not None:
        words.append(Location(page=location.page, end_page=location.end_page).describe())
    if location.part:
        words.append(location.part)
    return Location(
        part=" ".join(words),
        paragraph=location.paragraph,
        offset=location.offset,
        line=location.line,
        column=location.column,
        detail=location.detail,
    )


def latest_run(session: Session, document_id: int) -> CheckRun | None:
    """The newest check of the document's current original, or None if it was not checked yet."""
    document = session.get(Document, document_id)
    if document is None:
        return None
    current = document.current_original().id
    return session.scalars(
        select(CheckRun)
        .where(CheckRun.document_id == document_id, CheckRun.document_file_id == current)
        .order_by(CheckRun.id.desc())
        .limit(1)
    ).first()


def judged_on_another_date(session: Session, document_id: int) -> bool:
    """Whether the latest check judged leaders and outdated formulations as of another date than the
    document's 成文日期 now says (it was set or changed after the check): it must be checked again."""
    run = latest_run(session, document_id)
    written_on = session.get_one(Document, document_id).written_on
    return run is not None and run.document_date is not None and written_on not in (None, run.document_date)


def stored_finding(row: FindingRow) -> Finding:
    """A stored finding as the engine's dataclass (for the viewer and reports)."""
    location = json.loads(row.location)
    rects = tuple(Rect(*r) for r in location.pop("rects", []))
    return Finding(
        row.rule_id,
        row.category,
        Severity(row.severity),
        row.message,
        Channel(row.channel),
        Location(rects=rects, **location),
        row.text,
        row.context,
        row.term,
    )
