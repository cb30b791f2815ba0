"""The reviewer's work on a document: decide each finding, draw areas, conclude.

Approval is refused while a blocking finding is undecided or when the document changed after its
check. Approving produces the published form (redacted, sanitised, verified) and the review
record, both stored as new files of the document; a failed verification refuses the approval.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app import audit, declassification, field_limits, releases
from app.checking import (
    department_lexicon_csv,
    desk_lexicon,
    judged_on_another_date,
    latest_run,
    store_department_lexicon,
    stored_finding,
)
from app.db.database import Database
from app.db.models import (
    CheckRun,
    Decision,
    Document,
    DocumentFile,
    FilePurpose,
    FindingRow,
    ManualArea,
    Review,
    User,
)
from app.documents import legal_dates, load_blob, publisher_of, store_blob
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.interpretations import (
    has_live_interpretation,
    interpretation_of,
    interpretations_of,
    media_of,
    media_record_lines,
    needs_interpretation,
    unattested_media,
)
from app.recheck import keep_text
from app.record_facts import record_facts
from app.redaction import FALSE_ALARM, KEEP, MASK, MASKABLE, REMOVE, RedactionPlan, desk_word_form
from app.releases import ReviewedTexts, field_problems, texts_in_areas
from app.roles import Status
from app.rulepacks import department_sources
from app.vocabulary import DECISIONS, Conclusion
from app.workflow import REVIEWS_MADE, Action, get_document, load_for_update, perform, refusal
from publish.release import ATTACHMENT, PUBLISHED, Release, ReleaseFile
from publish.taxonomy import DisclosureMode, LegalBasis, is_hidden
from review import text_store
from review.as_pdf import as_pdf
from review.clean_docx import clean_docx
from review.engine import suggest_keywords
from review.extract.dispatch import visible_text
from review.formats import Kind
from review.lexicon import (
    CompiledLexicon,
    bare_allow_entries,
    load_default,
    merge,
    parse_csv,
    phrase_in_context,
)
from review.masking import is_personal, mask_for_record, mask_texts
from review.model import Rect, Severity
from review.record import RecordLine, ReviewRecord, record_pdf
from review.redact import Area, RedactionOptions, areas_for_texts, redact_pdf
from review.verify import Verification, verify_published

DECISION_LABELS = {
    REMOVE: QT_TRANSLATE_NOOP("Vocabulary", "删除"),
    MASK: QT_TRANSLATE_NOOP("Vocabulary", "遮盖"),
    KEEP: QT_TRANSLATE_NOOP("Vocabulary", "保留"),
    FALSE_ALARM: QT_TRANSLATE_NOOP("Vocabulary", "误报"),
}


def _reviewable(session: Session, user: User, document: Document) -> None:
    """The reviewer may work on this document now (same rules as deciding it)."""
    problem = refusal(document, user, Action.APPROVE, session)
    if problem is not None:
        raise problem


def decide(
    session: Session,
    user: User,
    finding_id: int,
    decision: str,
    *,
    basis: LegalBasis | None = None,
    reason: str = "",
    add_to_allow_list: bool = False,
) -> Decision:
    finding = session.get(FindingRow, finding_id)
    if finding is None or decision not in DECISIONS:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "无效的发现或处理方式。"))
    document = get_document(session, finding.check_run.document_id)
    _reviewable(session, user, document)
    run = latest_run(session, document.id)
    if run is None or run.id != finding.check_run_id:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "该发现不属于文件的最新检查结果，请刷新。"))
    reason = reason.strip()
    if decision in (REMOVE, MASK) and basis is None:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "删除或遮盖必须选择法律依据。"))
    if decision == MASK and finding.rule_id not in MASKABLE:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "只有身份证号、手机号和银行卡号可以遮盖。"))
    if decision in (KEEP, FALSE_ALARM) and not reason:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "保留或判为误报必须写明理由。"))
    if basis is LegalBasis.TECHNICAL_CLEANUP and not is_hidden(finding.category, finding.channel):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“技术性清理”只用于读者看不到的隐藏内容和元数据；正文内容请选择条例规定的不予公开依据。",
            )
        )
    declassification.check_decision(session, finding, decision)
    allow_phrase = (
        _allow_phrase(session, document.department_id, finding)
        if (decision == FALSE_ALARM and add_to_allow_list)
        else None
    )
    before = finding.decision.decision if finding.decision else None
    row = finding.decision or Decision(finding_id=finding.id, decided_by_id=user.id)
    row.decision, row.basis, row.reason, row.decided_by_id = (
        decision,
        basis.value if basis else None,
        reason,
        user.id,
    )
    if finding.decision is None:
        session.add(row)
    session.flush()
    if allow_phrase is not None:
        _allow(session, user, document.department_id, allow_phrase)
    audit.record(
        session,
        user,
        "finding.decide",
        document_id=document.id,
        finding=finding.id,
        rule=finding.rule_id,
        before={"decision": before},
        after={"decision": decision, "basis": row.basis},
        reason=reason or None,
    )
    return row


def _allow_phrase(session: Session, department_id: int, finding: FindingRow) -> str:
    """The phrase a false alarm puts on the allow-list: the term with the words around it.

    A bare term on the allow-list would silence it in every later file; the phrase silences only
    the use the reviewer judged harmless. Only lexicon hits are allow-listed (rules ignore the list).
    """
    if finding.rule_id != "LEX" or not finding.text:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "只有词库敏感词的误报可以加入允许词；本项误报只对本文件有效。")
        )
    phrase = phrase_in_context(finding.text, finding.context)
    lexicon = merge([load_default(), parse_csv(department_lexicon_csv(session, department_id))])
    if bare_allow_entries([phrase], lexicon.terms):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{text}”前后没有可用的上下文，不能加入允许词：允许词须是带上下文的短语（如“单位内部资料管理”），"
                "否则今后所有文件中的该词都不再提示。本项误报只对本文件有效。",
            ),
            text=finding.text,
        )
    return phrase


def _allow(session: Session, user: User, department_id: int, text: str) -> None:
    lexicon = parse_csv(department_lexicon_csv(session, department_id))
    if text in lexicon.allowed:
        return
    lexicon.allowed.append(text)
    store_department_lexicon(session, department_id, lexicon)
    audit.record(session, user, "lexicon.allow", department_id=department_id, text=text)


def add_manual_area(
    session: Session, user: User, document_id: int, page: int, rect: Rect, basis: LegalBasis, reason: str = ""
) -> ManualArea:
    document = get_document(session, document_id)
    _reviewable(session, user, document)
    if basis is LegalBasis.TECHNICAL_CLEANUP:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "划定的区域是页面上可见的内容，不能以“技术性清理”删除，请选择不予公开的依据。"
            )
        )
    area = ManualArea(
        document_file_id=document.current_original().id,
        page=page,
        x0=rect.x0,
        y0=rect.y0,
        x1=rect.x1,
        y1=rect.y1,
        basis=basis.value,
        reason=reason.strip(),
        created_by_id=user.id,
    )
    session.add(area)
    session.flush()
    audit.record(
        session,
        user,
        "area.add",
        document_id=document_id,
        area=area.id,
        page=page,
        rect=[round(v, 1) for v in (rect.x0, rect.y0, rect.x1, rect.y1)],
        basis=basis.value,
    )
    return area


def manual_areas(session: Session, document_id: int) -> list[ManualArea]:
    current = get_document(session, document_id).current_original().id
    return list(session.scalars(select(ManualArea).where(ManualArea.document_file_id == current)))


def undecided_blocking(run: CheckRun) -> list[FindingRow]:
    return [f for f in run.findings if f.severity == Severity.BLOCKING.value and f.decision is None]


def _withholding(basis: str | None) -> bool:
    return basis != LegalBasis.TECHNICAL_CLEANUP.value


def _withholds(session: Session, run: CheckRun, document_id: int) -> bool:
    """Whether anything of the text is withheld (删减后公开, Art. 37): a removal or mask of text, or a
    drawn area, on any basis but technical cleanup."""
    decided = any(
        row.text and row.decision.decision in (REMOVE, MASK) and _withholding(row.decision.basis)
        for row in run.findings
        if row.decision is not None
    )
    return decided or any(_withholding(a.basis) for a in manual_areas(session, document_id))


def suggested_conclusion(session: Session, document_id: int) -> Conclusion:
    """删减后公开 when the decisions so far withhold something, else 同意公开 (technical cleanup withholds nothing)."""
    run = latest_run(session, document_id)
    withholds = run is not None and _withholds(session, run, document_id)
    return Conclusion.DISCLOSE_REDACTED if withholds else Conclusion.DISCLOSE


@dataclass(frozen=True)
class Approval:
    review_id: int
    published_sha256: str
    record_sha256: str


@dataclass
class _Reviewed:
    """What approval read of one document (the document or an interpretation going with it)."""

    document_id: int
    expected_version: int | None
    title: str
    doc_number: str
    department: str
    revision: int
    run_id: int
    lexicon_version: str
    engine_version: str
    original_sha256: str
    original_name: str
    data: bytes
    kind: Kind
    plan: RedactionPlan
    manual: list[Area]
    record_lines: list[RecordLine]
    lexicon: CompiledLexicon
    rulepacks: tuple[tuple[str, bytes], ...]  # the department's own, as the check used them
    companion: bool  # an interpretation approved with its document
    fields: Release  # the catalog fields as the document has them; files and keywords come with the release
    # The clerk or reviewer chose the 主题词; otherwise they are suggested from the published text.
    keywords_set: bool
    texts: ReviewedTexts
    masks: list[tuple[str, str]]  # what the record may not print in full
    record_facts: dict[str, Any]  # the record's 审查编号, 拟公开方式 …, sign-off chain

    # Something was withheld on a basis of Art. 14–16; technical cleanup alone withholds nothing.
    withholds: bool = True

    def conclusion(self) -> Conclusion:
        return Conclusion.DISCLOSE_REDACTED if self.withholds else Conclusion.DISCLOSE


@dataclass
class _Produced:
    pdf: bytes | None  # None: 依申请公开, nothing of the content is published
    cleaned_docx: bytes | None
    release: Release
    text: text_store.Packed | None = None  # the published form's text as verification read it, for re-checks


def approve(
    db: Database,
    user_id: int,
    document_id: int,
    expected_version: int | None,
    conclusion: Conclusion,
    opinion: str,
    cache_dir: Path | None,
    options: RedactionOptions | None = None,
    *,
    no_interpretation_reason: str = "",
) -> Approval:
    """Checks the gates, produces and verifies the published form, writes the record, approves.

    Interpretations submitted with the document are approved with it: each needs its own
    blocking findings decided and its own published form verified, or the document waits too.
    """
    opinion, waiver = opinion.strip(), no_interpretation_reason.strip()
    if not opinion:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写审查意见。"))
    with db.read() as session:
        user = session.get_one(User, user_id)
        document = load_for_update(session, document_id, expected_version)
        main = _read_for_approval(session, user, document, expected_version, cache_dir, companion=False)
        if conclusion is Conclusion.ON_REQUEST and _for_an_applicant(session, document_id):
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "依申请公开的答复书和提供给申请人的文件本身就是给申请人的内容，结论应为“同意公开”"
                    "或“删减后公开”（不予提供的，在答复书中写明）。",
                )
            )
        if conclusion is Conclusion.DISCLOSE and main.conclusion() is not Conclusion.DISCLOSE:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "有依条例不予公开而删除或遮盖的内容，结论应为“删减后公开”。")
            )
        if conclusion is Conclusion.DISCLOSE_REDACTED and main.conclusion() is Conclusion.DISCLOSE:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "没有任何删除或遮盖（技术性清理不计），结论应为“同意公开”。")
            )
        companions = [
            _read_for_approval(session, user, i.document, i.document.version, cache_dir, companion=True)
            for i in interpretations_of(session, document_id)
            if i.document.status_enum is Status.PENDING_REVIEW
        ]
        if (
            needs_interpretation(document)
            and not has_live_interpretation(session, document_id)
            and not waiver
        ):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "“{title}”是规章、规范性文件或需解读的文件，须同步附政策解读后才能批准（三同步）。"
                    "如确实无需解读，请在审查结论中写明理由。",
                ),
                title=document.title,
            )
        if not needs_interpretation(document):
            waiver = ""
        parent = interpretation_of(session, document_id)
        if parent is not None:
            # An interpretation approved on its own still may not say what its document's review removed.
            inherited = releases.reviewed_texts(
                session, releases.latest_review(session, parent.interprets_id)
            ).removed
            _share_removals([main], dict.fromkeys(inherited))
    items = [main, *companions]
    _share_removals(items, {t: r for item in items for t, r in item.plan.remove.items()})
    produced = [
        _produce(
            item,
            options if not item.companion else None,
            rasterize=bool(options and options.rasterize),
            # The interpretations of an 依申请公开 document publish no content either.
            on_request=conclusion is Conclusion.ON_REQUEST,
        )
        for item in (main, *companions)
    ]
    with db.write() as session:
        user = session.get_one(User, user_id)
        approvals = [
            _store_approval(
                session,
                user,
                item,
                result,
                conclusion
                if not item.companion or conclusion is Conclusion.ON_REQUEST
                else item.conclusion(),
                opinion,
                waiver if not item.companion else "",
            )
            for item, result in zip((main, *companions), produced, strict=True)
        ]
        return approvals[0]


def _share_removals(items: list[_Reviewed], removed: dict[str, str | None]) -> None:
    """What the reviewer removed from one item is removed from every item that goes out with it:
    an interpretation may not name the person its document's review took out, nor the other way."""
    for item in items:
        for text, replacement in removed.items():
            if text not in item.plan.remove:
                item.plan.remove[text] = replacement
                item.masks.append((text, f"〔已删除，{len(text)}字〕"))
        item.texts = replace(item.texts, removed=item.texts.removed | frozenset(removed))


def _for_an_applicant(session: Session, document_id: int) -> bool:
    from app.request_answers import request_of_document  # loads the letters' code only here

    return request_of_document(session, document_id) is not None


def _read_for_approval(
    session: Session,
    user: User,
    document: Document,
    expected_version: int | None,
    cache_dir: Path | None,
    *,
    companion: bool,
) -> _Reviewed:
    _reviewable(session, user, document)
    run = latest_run(session, document.id)
    if run is None:
        if companion:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "随文件提交的政策解读“{title}”尚未检查，不能批准。"),
                title=document.title,
            )
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "文件在最近一次修改后尚未检查，不能批准。请先运行保密检查。")
        )
    if judged_on_another_date(session, document.id):
        # Who held which post, and which formulation was outdated, depend on the date judged as of.
        assert run.document_date is not None
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{title}”的成文日期在检查之后改为 {now}，而检查是按 {then} 判断领导人职务和过时表述的，"
                "不能批准。请重新检查。",
            ),
            title=document.title,
            now=document.written_on.isoformat() if document.written_on else "",
            then=run.document_date.isoformat(),
        )
    undecided = undecided_blocking(run)
    if undecided and companion:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError", "随文件提交的政策解读“{title}”还有 {count} 项阻断级发现未处理，不能批准。"
            ),
            title=document.title,
            count=len(undecided),
        )
    if undecided:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "还有 {count} 项阻断级发现未处理，不能批准。"),
            count=len(undecided),
        )
    plan = RedactionPlan()
    for row in run.findings:
        if row.decision is not None:
            plan.add(stored_finding(row), row.decision.decision)
    unattested = unattested_media(session, document.id)
    if unattested:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError", "附件“{name}”无法自动检查，须由审查员逐个人工审查并填写说明后才能批准。"
            ),
            name="、".join(m.original_name for m in unattested),
        )
    original = document.current_original()
    media = media_of(session, document.id)
    return _Reviewed(
        document_id=document.id,
        expected_version=expected_version,
        title=document.title,
        doc_number=document.doc_number,
        department=document.department.name,
        revision=original.revision,
        run_id=run.id,
        lexicon_version=run.lexicon_version,
        engine_version=run.engine_version,
        original_sha256=original.blob_sha256,
        original_name=original.original_name,
        data=load_blob(session, original.blob_sha256),
        kind=Kind(original.format),
        plan=plan,
        manual=[Area(a.page, Rect(a.x0, a.y0, a.x1, a.y1)) for a in manual_areas(session, document.id)],
        record_lines=_record_lines(run) + media_record_lines(session, document.id),
        record_facts=record_facts(session, document, run, user.display_name),
        withholds=_withholds(session, run, document.id),
        lexicon=desk_lexicon(session, document.department_id, cache_dir),
        rulepacks=department_sources(session, document.department_id),
        companion=companion,
        fields=Release(
            conclusion="",
            title=document.title,
            doc_number=document.doc_number,
            publisher=publisher_of(document),
            written_on=document.written_on.isoformat() if document.written_on else "",
            doc_type=document.doc_type,
            category=_category_of(session, document),
            disclosure=document.disclosure,
            keywords=tuple(json.loads(document.keywords)) if document.keywords is not None else (),
            summary=document.summary,
            files=tuple(
                ReleaseFile(ATTACHMENT, m.original_name, m.blob_sha256, m.media_type, m.size) for m in media
            ),
            effective_on=legal_dates(document)[0],
            valid_until=legal_dates(document)[1],
        ),
        keywords_set=document.keywords is not None,
        texts=ReviewedTexts(frozenset(plan.removed_texts), frozenset(plan.keep)),
        masks=record_masks(run),
    )


def _category_of(session: Session, document: Document) -> str:
    """An interpretation is filed under its document's category unless given its own."""
    interpretation = interpretation_of(session, document.id)
    return document.category or (interpretation.interprets.category if interpretation else "")


def _produce(
    item: _Reviewed, options: RedactionOptions | None, *, rasterize: bool, on_request: bool = False
) -> _Produced:
    """The redacted, sanitised published form, verified, and the release around it; refuses on any leak."""
    if on_request:
        # 依申请公开: the catalog may say the information exists and how to ask for it; no content goes out.
        return _Produced(None, None, _release(item, Conclusion.ON_REQUEST, None))
    options = options or RedactionOptions(
        rasterize=rasterize, metadata={"title": item.title, "author": item.department}
    )
    # Issue 18: a Word draft is redacted in its source and converted with its layout (LibreOffice);
    # the record says how it was laid out and which fonts stood in for the 公文 fonts.
    source, layout = desk_word_form(
        item.original_name, item.data, item.plan, item.lexicon, options, manual_areas=bool(item.manual)
    )
    if layout is not None:
        item.record_lines = [*item.record_lines, layout.record_line()]
    if source is not None:
        _refuse_unverified(item, source.verification)
        return _Produced(
            source.pdf,
            source.cleaned_docx,
            _release(item, item.conclusion(), source.pdf),
            text_store.pack(source.verification.streams),
        )
    pdf = as_pdf(item.original_name, item.data, item.kind)
    # Text under a drawn area is removed text too: it may not come back in a field or the record.
    covered = texts_in_areas(pdf, item.manual)
    item.texts = replace(item.texts, removed=item.texts.removed | frozenset(covered))
    item.masks += [(text, f"〔已删除，{len(text)}字〕") for text in covered]
    areas = [*areas_for_texts(pdf, item.plan.remove), *item.manual]
    outcome = redact_pdf(pdf, areas, options)
    verification = verify_published(
        outcome.pdf,
        item.plan.removed_texts,
        item.lexicon,
        kept_text=None if item.manual else outcome.kept_text,
        replacements=item.plan.replacements,
        kept_decisions=item.plan.keep,
        rasterized=options.rasterize,
    )
    verification.compare_renders(pdf, outcome.pdf, areas)
    cleaned = clean_docx(item.data, item.plan.removed_texts, item.title) if item.kind is Kind.DOCX else None
    if cleaned is not None:
        verification.leaks.extend(_leaks_in(cleaned, item.plan.removed_texts))
    _refuse_unverified(item, verification)
    return _Produced(
        outcome.pdf,
        cleaned,
        _release(item, item.conclusion(), outcome.pdf),
        text_store.pack(verification.streams),
    )


def _refuse_unverified(item: _Reviewed, verification: Verification) -> None:
    if not verification.ok and item.companion:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "政策解读“{title}”删减后复核未通过，不能批准：{problems}"),
            title=item.title,
            problems="；".join(verification.describe()),
        )
    if not verification.ok:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "删减后复核未通过，不能批准：{problems}"),
            problems="；".join(verification.describe()),
        )


def _release(item: _Reviewed, conclusion: Conclusion, pdf: bytes | None) -> Release:
    """Everything that can leave the desk for this item, checked like the document: refuses a field
    that holds removed text or an undecided blocking finding, naming the field."""
    files = item.fields.files
    keywords = item.fields.keywords
    if pdf is not None:
        published = ReleaseFile(
            PUBLISHED, f"{item.title}.pdf", hashlib.sha256(pdf).hexdigest(), "application/pdf", len(pdf)
        )
        files = (published, *files)
        if not item.keywords_set:
            keywords = tuple(
                k
                for k in suggest_keywords(visible_text(pdf))
                if not any(t in k or k in t for t in item.texts.removed)
            )
    else:
        files, keywords = (), keywords if item.keywords_set else ()
    release = replace(item.fields, conclusion=conclusion.value, keywords=keywords, files=files)
    if conclusion is Conclusion.ON_REQUEST:
        # The reviewer's conclusion, not the clerk's proposal, says how the item is disclosed.
        release = replace(release, disclosure=DisclosureMode.ON_REQUEST.value)
    problems = field_problems(release, item.lexicon, item.texts, item.rulepacks)
    if problems:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError", "“{title}”随发布的目录信息未通过检查，不能批准：{problems}。请修改后再批准。"
            ),
            title=item.title,
            problems="；".join(problems),
        )
    return release


def _store_approval(
    session: Session,
    user: User,
    item: _Reviewed,
    produced: _Produced,
    conclusion: Conclusion,
    opinion: str,
    waiver: str,
) -> Approval:
    """Stores the published form and the record, writes the review and approves, in the caller's transaction."""
    document = load_for_update(session, item.document_id, item.expected_version)
    if document.current_original().blob_sha256 != item.original_sha256:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "文件在检查后已被修改，不能批准。请重新检查。"))
    published_sha = store_blob(session, produced.pdf) if produced.pdf is not None else None
    record = record_pdf(
        ReviewRecord(
            title=mask_texts(item.title, item.masks),
            doc_number=item.doc_number,
            department=item.department,
            file_name=mask_texts(item.original_name, item.masks),
            file_sha256=item.original_sha256,
            lexicon_version=item.lexicon_version,
            engine_version=item.engine_version,
            lines=item.record_lines,
            conclusion=conclusion.label
            + ("（条例第三十七条，区分处理）" if conclusion is Conclusion.DISCLOSE_REDACTED else ""),
            opinion=mask_texts(opinion + (f"\n未附政策解读的理由：{waiver}" if waiver else ""), item.masks),
            basis="",
            reviewer=user.display_name,
            reviewed_at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            published_sha256=published_sha or "",
            **item.record_facts,
        )
    )
    record_sha = store_blob(session, record)
    derived = [(FilePurpose.RECORD, record_sha, record, f"{item.title}（保密审查单）.pdf")]
    if published_sha is not None and produced.pdf is not None:
        derived.append((FilePurpose.PUBLISHED, published_sha, produced.pdf, f"{item.title}（发布版）.pdf"))
    if produced.cleaned_docx is not None:
        cleaned_sha = store_blob(session, produced.cleaned_docx)
        derived.append(
            (FilePurpose.CLEANED_DOCX, cleaned_sha, produced.cleaned_docx, f"{item.title}（清理版）.docx")
        )
    for purpose, sha, blob, name in derived:
        _replace_file(session, item.document_id, item.revision, purpose, sha, blob, name, user.id)
    review = Review(
        document_id=item.document_id,
        check_run_id=item.run_id,
        conclusion=conclusion.value,
        opinion=opinion,
        basis=None,
        reviewer_id=user.id,
        published_sha256=published_sha,
        record_sha256=record_sha,
        no_interpretation_reason=waiver or None,
    )
    session.add(review)
    session.flush()
    release = releases.store(
        session, user, produced.release, document_id=item.document_id, review_id=review.id
    )
    if published_sha is not None and produced.text is not None:
        keep_text(session, published_sha, produced.text)
    session.info.setdefault(REVIEWS_MADE, set()).add(review.id)
    perform(
        session,
        user,
        item.document_id,
        Action.APPROVE,
        expected_version=item.expected_version,
        reason=opinion,
        review_id=review.id,
    )
    audit.record(
        session,
        user,
        "document.review",
        document_id=item.document_id,
        review=review.id,
        conclusion=conclusion.value,
        published_sha256=published_sha,
        record_sha256=record_sha,
        release=release.sha256,
        removed=len(item.plan.remove),
        areas=len(item.manual),
        no_interpretation_reason=waiver or None,
    )
    return Approval(review.id, published_sha or "", record_sha)


def refuse(
    db: Database,
    user_id: int,
    document_id: int,
    expected_version: int | None,
    basis: LegalBasis,
    opinion: str,
) -> Approval:
    """不予公开: needs its legal basis; writes the review record like an approval does."""
    if not basis.withholds:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“技术性清理”不是不予公开的依据，请选择条例规定的依据。")
        )
    opinion = opinion.strip()
    if not opinion:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请填写审查意见。"))
    with db.write() as session:
        user = session.get_one(User, user_id)
        document = load_for_update(session, document_id, expected_version)
        _reviewable(session, user, document)
        run = latest_run(session, document_id)
        original = document.current_original()
        masks = record_masks(run)
        record = record_pdf(
            ReviewRecord(
                title=mask_texts(document.title, masks),
                doc_number=document.doc_number,
                department=document.department.name,
                file_name=mask_texts(original.original_name, masks),
                file_sha256=original.blob_sha256,
                lexicon_version=run.lexicon_version if run else "—",
                engine_version=run.engine_version if run else "—",
                lines=_record_lines(run) if run else [],
                conclusion="不予公开",
                opinion=mask_texts(opinion, masks),
                basis=basis.label,
                reviewer=user.display_name,
                reviewed_at=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
                published_sha256="",
                **record_facts(session, document, run, user.display_name, refused_on=basis.label),
            )
        )
        record_sha = store_blob(session, record)
        _replace_file(
            session,
            document_id,
            original.revision,
            FilePurpose.RECORD,
            record_sha,
            record,
            f"{document.title}（保密审查单）.pdf",
            user.id,
        )
        review = Review(
            document_id=document_id,
            check_run_id=run.id if run else None,
            conclusion="withhold",
            opinion=opinion,
            basis=basis.value,
            reviewer_id=user.id,
            published_sha256=None,
            record_sha256=record_sha,
        )
        session.add(review)
        session.flush()
        perform(
            session,
            user,
            document_id,
            Action.REFUSE,
            expected_version=expected_version,
            reason=opinion,
            basis=basis,
        )
        return Approval(review.id, "", record_sha)


def _leaks_in(docx: bytes, removed: list[str]) -> list[tuple[str, str]]:
    """Removed texts still found anywhere in a cleaned DOCX (every part the extractor reads)."""
    from review.extract.docx import extract_docx

    streams = extract_docx("cleaned.docx", docx).streams
    return [(text, f"清理版 DOCX {s.channel.label}") for text in removed for s in streams if text in s.text]


def _replace_file(
    session: Session,
    document_id: int,
    revision: int,
    purpose: str,
    sha: str,
    blob: bytes,
    name: str,
    user_id: int,
) -> None:
    """Stores a derived file for a revision; a later review of the same revision replaces the earlier one."""
    existing = session.scalar(
        select(DocumentFile).where(
            DocumentFile.document_id == document_id,
            DocumentFile.revision == revision,
            DocumentFile.purpose == purpose,
        )
    )
    if existing is not None:
        session.delete(existing)
        session.flush()
    session.add(
        DocumentFile(
            document_id=document_id,
            revision=revision,
            purpose=purpose,
            blob_sha256=sha,
            # Named after the title: a title at its limit plus "（保密审查单）.pdf" is shortened to fit.
            original_name=field_limits.shorten_file_name(DocumentFile.original_name, name),
            media_type="application/pdf",
            format="pdf",
            size=len(blob),
            page_count=None,
            created_by_id=user_id,
        )
    )


def _shown_on_record(row: FindingRow) -> bool:
    return (
        row.decision is not None
        and row.decision.decision in (KEEP, FALSE_ALARM)
        and not is_personal(row.rule_id, row.category)
    )


def record_masks(run: CheckRun | None, extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(text, mask) for every text the record may not show in full: each finding's text not kept, and
    `extra` removed texts (drawn areas, texts removed from a document approved together)."""
    masks = [
        (row.text, mask_for_record(row.text, row.rule_id, row.category))
        for row in (run.findings if run is not None else [])
        if not _shown_on_record(row)
    ]
    return masks + [(text, f"〔已删除，{len(text)}字〕") for text in extra]


def _record_lines(run: CheckRun) -> list[RecordLine]:
    """The record's lines. The record travels (transfer packages), so a text is shown only where it
    stays in the published file anyway (kept, or a false alarm) and is not personal data; anything
    else appears masked, in every column that could quote it."""
    session = object_session(run)
    shown = {row.id: _shown_on_record(row) for row in run.findings}
    masks = record_masks(run)
    lines = []
    for row in run.findings:
        finding = stored_finding(row)
        d = row.decision
        reason = d.reason if d else ""
        if (
            session is not None
            and declassification.required_for(row)
            and declassification.record_of(session, row.id)
        ):
            reason = "；".join(filter(None, [reason, declassification.status_text(session, row.id)]))
        lines.append(
            RecordLine(
                severity=finding.severity.label,
                category=finding.category,
                text=finding.text[:60]
                if shown[row.id]
                else mask_for_record(row.text, row.rule_id, row.category),
                place=mask_texts(finding.location.describe() or finding.channel.label, masks),
                decision=DECISION_LABELS[d.decision] if d else "未处理",
                basis=LegalBasis(d.basis).label if d and d.basis else "",
                reason=mask_texts(reason, masks),
            )
        )
    return lines


def document_files(session: Session, document_id: int, purpose: str) -> DocumentFile | None:
    document = get_document(session, document_id)
    files = [f for f in document.files if f.purpose == purpose]
    return max(files, key=lambda f: f.id) if files else None


def file_bytes(session: Session, document_id: int, purpose: str) -> bytes | None:
    f = document_files(session, document_id, purpose)
    return load_blob(session, f.blob_sha256) if f else None
