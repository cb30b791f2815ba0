"""Answers to requests for information (依申请公开): the 答复书 as a reviewed draft, the documents
disclosed to the applicant, the signed package the applicant receives, and Art. 44's move of
disclosed information to 主动公开.

The 答复书 and every disclosed file are ordinary documents: checked by the engine, decided and
approved by a reviewer, redacted and verified by the same code as proactive publishing. Two
things set them apart. They go to one applicant, so the catalog refuses them (`refuse_in_catalog`,
called by app.catalog.publish_to_catalog) and only `export_package` lets them out, from their
approved releases. And the letter names its applicant, so its document is titled by the request's
受理编号 alone, carries no 主题词 (they would be suggested from its text) and keeps the
applicant's name only in the letter, where the reviewer sees it; the contact is not printed
(the letter is sent to it, not about it).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, desk_day, field_limits, info_requests, releases, signing_keys
from app.checking import latest_run
from app.db.database import Database
from app.db.models import Document, FilePurpose, ManualArea, User
from app.db.models_requests import InfoRequest, RequestAction, RequestDisclosure
from app.documents import Draft, import_draft, load_blob, prepare, revise, update_metadata
from app.errors import QT_TRANSLATE_NOOP, PermissionDenied, ValidationFailed
from app.redaction import MASK, REMOVE
from app.roles import Role, Status
from app.workflow import get_document
from publish.answer_letter import (
    LetterFacts,
    LetterKind,
    WithheldPart,
    chinese_date,
    letter_pdf,
    letter_text,
)
from publish.answer_package import ANSWER, DISCLOSED, PackageFile, file_name, write_answer_package
from publish.release import ON_REQUEST
from publish.request_clock import ActionKind, Reason
from publish.request_outcomes import Outcome
from publish.taxonomy import DisclosureMode, LegalBasis
from review.extract.dispatch import visible_text
from review.formats import probe
from review.masking import mask_personal_data

# The basis a 不予公开 letter names for each Table 3 reason (行政查询事项 has none of its own: the
# clerk writes it).
_WITHHELD_BASIS = {
    Outcome.WITHHELD_SECRET: LegalBasis.STATE_SECRET,
    Outcome.WITHHELD_LAW: LegalBasis.FORBIDDEN_BY_LAW,
    Outcome.WITHHELD_SAFETY: LegalBasis.SECURITY_STABILITY,
    Outcome.WITHHELD_THIRD_PARTY: LegalBasis.THIRD_PARTY_RIGHTS,
    Outcome.WITHHELD_INTERNAL: LegalBasis.INTERNAL_AFFAIRS,
    Outcome.WITHHELD_PROCESS: LegalBasis.PROCESS_INFORMATION,
    Outcome.WITHHELD_ENFORCEMENT: LegalBasis.ENFORCEMENT_FILES,
}
# The 答复书 each outcome is answered with; outcomes with none (不予处理 and the like) are
# answered in the office's own words.
LETTER_FOR_OUTCOME: dict[Outcome, LetterKind] = {
    Outcome.ALREADY_PUBLIC: LetterKind.ALREADY_PUBLIC,
    Outcome.DISCLOSED: LetterKind.DISCLOSED,
    Outcome.PARTLY: LetterKind.PARTLY_DISCLOSED,
    **{o: LetterKind.NOT_DISCLOSED for o in (*_WITHHELD_BASIS, Outcome.WITHHELD_QUERY)},
    Outcome.NOT_EXIST: LetterKind.NOT_EXIST,
    Outcome.NOT_OURS: LetterKind.NOT_OURS,
    Outcome.REPEATED: LetterKind.REPEATED,
    Outcome.OTHER_LAW: LetterKind.OTHER_LAW,
}
# Outcomes whose answer hands the applicant reviewed files.
GIVES_FILES = (Outcome.DISCLOSED, Outcome.PARTLY)
# Every 答复书 has this title with the 受理编号: a title from the letter's text could name the applicant,
# and the title is kept in the audit trail for good.
ANSWER_TITLE = "政府信息公开申请答复书"


def template_folders(data_dir: Path) -> list[Path]:
    """Where a department's own letter templates are looked for before the shipped ones."""
    return [data_dir / "templates" / "answers"]


_NUMBER_PREFIX = {LetterKind.SUPPLEMENT: "依申请补正", LetterKind.EXTENSION: "依申请延期"}


def letter_number(row: InfoRequest, kind: LetterKind | None = None) -> str:
    """A letter's 编号 from the request's 受理编号 (2026-0012 → 依申请公开〔2026〕12号; the 补正 and 延期
    notices of the same request are 依申请补正〔2026〕12号 and 依申请延期〔2026〕12号)."""
    prefix = _NUMBER_PREFIX.get(kind, "依申请公开") if kind is not None else "依申请公开"
    match = re.fullmatch(r"(\d{4})-0*(\d+)", row.number)
    return f"{prefix}〔{match[1]}〕{match[2]}号" if match else f"{prefix}第{row.number}号"


def _letter_kind(outcome: Outcome) -> LetterKind:
    kind = LETTER_FOR_OUTCOME.get(outcome)
    if kind is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "“{outcome}”没有答复书模板，请按本机关的格式另行起草。"),
            outcome=outcome.label,
        )
    return kind


def disclosed_documents(session: Session, row: InfoRequest) -> list[Document]:
    """Every file added for the applicant, the ones the reviewer refused too."""
    return list(
        session.scalars(
            select(Document)
            .join(RequestDisclosure, RequestDisclosure.document_id == Document.id)
            .where(RequestDisclosure.request_id == row.id)
            .order_by(Document.id)
        )
    )


def given_documents(session: Session, row: InfoRequest) -> list[Document]:
    """The files the applicant is to be given: those the reviewer did not refuse."""
    return [d for d in disclosed_documents(session, row) if d.status_enum is not Status.REFUSED]


def _letters_and_digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())


def mentions_applicant(name: str, contact: str, text: str) -> bool:
    """Whether `text` shows the applicant's name or contact however written: spaces, dots, dashes,
    width and case ignored, and a contact's digits (a phone number) compared alone."""
    shown = _letters_and_digits(text)
    if any(len(t) >= 2 and t in shown for t in (_letters_and_digits(name), _letters_and_digits(contact))):
        return True
    digits = "".join(c for c in shown if c.isdigit())
    wanted = "".join(c for c in _letters_and_digits(contact) if c.isdigit())
    return len(wanted) >= 7 and wanted in digits


def _refuse_applicant_in(row: InfoRequest, *texts: str) -> None:
    if any(mentions_applicant(row.applicant_name, row.applicant_contact, t) for t in texts):
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "文件名或标题中有申请人的姓名或联系方式，请改用不含申请人信息的标题和文件名（标题会长期保存在审计记录中）。",
            )
        )


def withheld_parts(session: Session, documents: Iterable[Document]) -> list[WithheldPart]:
    """Art. 37's statement of what was withheld, from the reviewers' decisions: per document, kind
    of content and basis, with the pages — never the withheld text itself."""
    parts: list[WithheldPart] = []
    for document in documents:
        run = latest_run(session, document.id)
        pages: dict[tuple[str, str], set[int]] = defaultdict(set)
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for finding in run.findings if run is not None else ():
            decision = finding.decision
            if decision is None or decision.decision not in (REMOVE, MASK) or not decision.basis:
                continue
            basis = LegalBasis(decision.basis)
            if basis.withholds:
                key = (finding.category, basis.label)
                counts[key] += 1
                if finding.page is not None:
                    pages[key].add(finding.page + 1)
        for area in session.scalars(
            select(ManualArea).where(ManualArea.document_file_id == document.current_original().id)
        ):
            if LegalBasis(area.basis).withholds:
                key = ("人工划定的区域", LegalBasis(area.basis).label)
                counts[key] += 1
                pages[key].add(area.page + 1)
        for (category, basis_label), count in counts.items():
            where = "、".join(str(p) for p in sorted(pages[(category, basis_label)]))
            place = f"第 {where} 页" if where else ""
            parts.append(WithheldPart(f"《{document.title}》{place}的{category}（{count} 处）", basis_label))
    return parts


@dataclass(frozen=True)
class AnswerInput:
    """What the clerk tells about the answer beyond what the desk knows."""

    outcome: Outcome
    issued_on: dt.date
    details: Mapping[str, str]  # the outcome's facts by publish.answer_letter.FACT_LABELS name
    withheld: tuple[WithheldPart, ...] = ()  # parts withheld beyond the disclosed files' decisions


def quoted_content(row: InfoRequest) -> str:
    """What was asked, as the letters quote it: ID, mobile and card numbers masked. The applicant
    knows their own numbers; masked, they are neither stored again in the letter nor a blocking
    finding for its reviewer."""
    return mask_personal_data(row.content)


def letter_facts(session: Session, row: InfoRequest, answer: AnswerInput) -> LetterFacts:
    kind = _letter_kind(answer.outcome)
    documents = given_documents(session, row) if answer.outcome in GIVES_FILES else []
    details = dict(answer.details)
    if answer.outcome in _WITHHELD_BASIS:
        details.setdefault("basis", _WITHHELD_BASIS[answer.outcome].label)
    withheld = (
        [*withheld_parts(session, documents), *answer.withheld] if answer.outcome is Outcome.PARTLY else []
    )
    return LetterFacts(
        kind=kind,
        agency=row.department.name,
        letter_number=details.pop("letter_number", "") or letter_number(row),
        applicant=row.applicant_name,
        received_on=row.received_on,
        content=quoted_content(row),
        issued_on=answer.issued_on,
        details=details,
        provided=tuple(d.title for d in documents),
        withheld=tuple(withheld),
    )


def draft_text(db: Database, user_id: int, request_id: int | str, answer: AnswerInput, data_dir: Path) -> str:
    """The 答复书 filled from its template, for the clerk to read or edit before it is drafted."""
    return _draft(db, user_id, request_id, answer, data_dir, None)[0]


def _draft(
    db: Database, user_id: int, request_id: int | str, answer: AnswerInput, data_dir: Path, text: str | None
) -> tuple[str, set[int]]:
    """The letter (the clerk's `text`, or filled from its template) and the ids of the files it lists
    as provided."""
    with db.read() as session:
        row = info_requests.find(session, session.get_one(User, user_id), request_id)
        if text is None or not text.strip():
            text = letter_text(letter_facts(session, row, answer), template_folders(data_dir))
        listed = {d.id for d in given_documents(session, row)} if answer.outcome in GIVES_FILES else set()
        return text, listed


def draft_answer(
    db: Database,
    user_id: int,
    request_id: int | str,
    answer: AnswerInput,
    data_dir: Path,
    text: str | None = None,
) -> int:
    """Lays out the 答复书 (from its template, or the clerk's edited `text`) and stores it as the
    request's answer draft, to be checked and reviewed like any document; a draft made earlier and
    not yet submitted gets it as a new revision. Returns the document id. The files the letter lists
    are marked: the package is refused unless it carries exactly those (`export_package`)."""
    text, listed = _draft(db, user_id, request_id, answer, data_dir, text)
    pdf = letter_pdf(text)
    with db.write() as session:
        user = session.get_one(User, user_id)
        row = _open_request(session, user, request_id)
        title = field_limits.shorten(Document.title, f"{ANSWER_TITLE}（{row.number}）")
        name = f"{title}.pdf"
        draft = Draft(name, pdf, probe(name, pdf))
        current = session.get(Document, row.answer_document_id) if row.answer_document_id else None
        if current is not None and current.status_enum is Status.REFUSED:
            current = None  # a letter the reviewer refused stays as it was; the answer starts anew
        if current is not None and current.status_enum is not Status.DRAFT:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "申请 {number} 的答复书“{title}”当前为“{status}”，不能再修改；如需修改请先退回。",
                ),
                number=row.number,
                title=current.title,
                status=current.status_enum.label,
            )
        if current is not None:
            document = revise(session, user, current.id, None, draft)
        else:
            document = import_draft(
                session, user, draft, title=title, disclosure=DisclosureMode.ON_REQUEST, doc_type="函"
            )
        # No 主题词: the desk would suggest them from the letter's text, and so from the applicant's name.
        update_metadata(session, user, document.id, None, written_on=answer.issued_on, keywords=[])
        row.answer_document_id = document.id
        for link in session.scalars(select(RequestDisclosure).where(RequestDisclosure.request_id == row.id)):
            link.listed = link.document_id in listed
        audit.record(
            session,
            user,
            "request.answer_draft",
            document_id=document.id,
            request=row.id,
            number=row.number,
            outcome=answer.outcome.value,
        )
        return document.id


def make_notice(
    db: Database,
    user_id: int,
    request_id: int | str,
    kind: LetterKind,
    issued_on: dt.date,
    data_dir: Path,
    details: Mapping[str, str] | None = None,
    items: tuple[str, ...] = (),
) -> tuple[str, bytes]:
    """A 补正告知书 or 延期答复告知书: facts the request's actions hold (the 补正 period and items, the
    extended due date and its reason) are taken from them unless given; the PDF is kept with the
    request as a letter sent out. Returns its file name and bytes."""
    if kind not in (LetterKind.SUPPLEMENT, LetterKind.EXTENSION):
        raise ValueError(kind)
    facts = dict(details or {})
    with db.write() as session:
        user = session.get_one(User, user_id)
        row = _open_request(session, user, request_id)
        if kind is LetterKind.SUPPLEMENT:
            asked = _last_action(row, ActionKind.SUPPLEMENT_REQUESTED)
            if asked is not None and asked.until is not None:
                facts.setdefault("supplement_deadline", chinese_date(asked.until))
            if asked is not None and not items:
                items = tuple(line for line in asked.note.splitlines() if line.strip())
        else:
            extension = _last_action(row, ActionKind.EXTENSION)
            due = info_requests.clock(row, issued_on).due
            if extension is not None and due is not None:
                facts.setdefault("extended_until", chinese_date(due))
            if extension is not None and extension.note.strip():
                facts.setdefault("extension_reason", extension.note.strip())
        letter = LetterFacts(
            kind=kind,
            agency=row.department.name,
            letter_number=facts.pop("letter_number", "") or letter_number(row, kind),
            applicant=row.applicant_name,
            received_on=row.received_on,
            content=quoted_content(row),
            issued_on=issued_on,
            details=facts,
            supplement_items=items,
        )
        pdf = letter_pdf(letter_text(letter, template_folders(data_dir)))
        name = f"{kind.label}（{row.number}）.pdf"
        info_requests.attach(
            session, user, row.id, name, pdf, info_requests.AttachmentRole.OUTGOING, "application/pdf"
        )
        return name, pdf


def _last_action(row: InfoRequest, kind: ActionKind) -> RequestAction | None:
    return next((a for a in reversed(row.actions) if a.kind == kind), None)


def add_disclosure(
    db: Database,
    user_id: int,
    request_id: int | str,
    path: Path,
    title: str | None = None,
    password: str | None = None,
) -> int:
    """A file to be given to the applicant: stored as a draft of its own (checked, redacted and
    verified like any document, a basis named for each part withheld) and linked to the request."""
    draft = prepare(path, password)
    with db.write() as session:
        user = session.get_one(User, user_id)
        row = _open_request(session, user, request_id)
        _refuse_applicant_in(row, path.name, title or "")
        document = import_draft(session, user, draft, title=title, disclosure=DisclosureMode.ON_REQUEST)
        update_metadata(session, user, document.id, None, keywords=[])
        session.add(RequestDisclosure(request_id=row.id, document_id=document.id, added_by_id=user.id))
        session.flush()
        audit.record(
            session, user, "request.disclose", document_id=document.id, request=row.id, number=row.number
        )
        return document.id


def _open_request(session: Session, user: User, request_id: int | str) -> InfoRequest:
    if not user.has_role(Role.CLERK):
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以起草答复。"))
    row = info_requests.find(session, user, request_id)
    if row.status == info_requests.RequestStatus.CLOSED_UNPROCESSED:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "申请 {number} 已办结（不再处理），不能再起草答复。"),
            number=row.number,
        )
    return row


def refuse_applicant_in_names(session: Session, document: Document, *names: str) -> None:
    """A new title or file name of a request's answer or disclosed file may not name the applicant:
    both are kept in the audit trail for good (called by app.documents on a rename or new version)."""
    row = request_of_document(session, document.id)
    if row is not None:
        _refuse_applicant_in(row, *names)


# -- what may leave the desk ------------------------------------------------------------------


def request_of_document(session: Session, document_id: int) -> InfoRequest | None:
    """The request whose answer or disclosed file the document is, if any."""
    answered = session.scalars(
        select(InfoRequest).where(InfoRequest.answer_document_id == document_id)
    ).first()
    return (
        answered
        or session.scalars(
            select(InfoRequest)
            .join(RequestDisclosure, RequestDisclosure.request_id == InfoRequest.id)
            .where(RequestDisclosure.document_id == document_id)
        ).first()
    )


def refuse_in_catalog(session: Session, document_id: int) -> None:
    """Nothing of a request reaches the public catalog: its answer and the copies made for its
    applicant go to the applicant only (Art. 44 makes a new, ordinary draft instead)."""
    row = request_of_document(session, document_id)
    if row is not None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{title}”是依申请公开申请 {number} 的答复材料，只提供给申请人，不能发布到公开目录。"
                "如该信息可以公开并需主动公开（条例第四十四条），请用“转为主动公开”另建草稿，按主动公开流程审查发布。",
            ),
            title=get_document(session, document_id).title,
            number=row.number,
        )


def released_pdf(session: Session, document: Document) -> tuple[str, bytes]:
    """The verified published PDF of the document's approved release (its current revision), with
    its hash; refuses a document not approved, approved as 依申请公开 (no content), or changed since."""
    review = releases.latest_review(session, document.id)
    row = releases.approved_release(session, review) if review is not None else None
    run = latest_run(session, document.id)
    if document.status_enum is not Status.APPROVED or review is None or row is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”尚未经审查批准（当前为“{status}”），不能交付申请人。"),
            title=document.title,
            status=document.status_enum.label,
        )
    release = releases.load(session, row.sha256)
    published = release.published_file
    if run is None or run.id != review.check_run_id or release.conclusion == ON_REQUEST or published is None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "“{title}”没有可交付的审查发布版本（审查结论须为“同意公开”或“删减后公开”，且批准后未再修改）。",
            ),
            title=document.title,
        )
    current = document.current_original()
    if not any(
        f.purpose == FilePurpose.PUBLISHED
        and f.revision == current.revision
        and f.blob_sha256 == published.sha256
        for f in document.files
    ):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "“{title}”的发布版本与审查时复核的版本不一致，不能交付。"),
            title=document.title,
        )
    return published.sha256, load_blob(session, published.sha256)


def _files_the_letter_lists(session: Session, row: InfoRequest) -> list[Document]:
    """The files the approved letter lists as provided; refuses when the files to be given differ
    (one added after the letter was drafted, one listed and refused since, files beside a letter
    whose outcome gives none): the applicant would get what the letter does not say, or less."""
    links = {
        link.document_id: link.listed
        for link in session.scalars(select(RequestDisclosure).where(RequestDisclosure.request_id == row.id))
    }
    documents = disclosed_documents(session, row)
    given = [d for d in documents if d.status_enum is not Status.REFUSED]
    differ = [d for d in documents if links[d.id] != (d in given)]
    if differ:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP(
                "DeskError",
                "申请 {number} 的答复书所列文件与要交付的文件不一致（{titles}），请重新起草答复书并经审查批准后再导出。",
            ),
            number=row.number,
            titles="、".join(f"“{d.title}”" for d in differ),
        )
    return given


@dataclass(frozen=True)
class PackageSummary:
    path: Path
    sha256: str
    files: tuple[str, ...]


def export_package(
    db: Database,
    user_id: int,
    request_id: int | str,
    out: Path,
    passphrase: Callable[[], str],
    keys_dir: Path,
) -> PackageSummary:
    """The applicant's package: the approved 答复书 and every disclosed file's verified PDF, with a
    SHA-256 manifest signed by the department's key, written atomically to `out` (a ZIP).
    `passphrase` is asked only once the package can be made."""
    with db.read() as session:
        user = session.get_one(User, user_id)
        if not user.has_role(Role.CLERK):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以导出答复材料。"))
        row = info_requests.find(session, user, request_id)
        if row.answer_document_id is None:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "申请 {number} 还没有答复书，请先起草答复书并经审查批准。"),
                number=row.number,
            )
        answer = get_document(session, row.answer_document_id)
        _, letter = released_pdf(session, answer)
        files = [PackageFile(file_name(answer.title), ANSWER, letter)]
        for i, document in enumerate(_files_the_letter_lists(session, row), start=1):
            files.append(
                PackageFile(
                    file_name(document.title, prefix=f"{i:02d} "),
                    DISCLOSED,
                    released_pdf(session, document)[1],
                )
            )
        key_row = signing_keys.active(session, row.department_id)
        manifest = {
            "request": row.number,
            "agency": row.department.name,
            "agency_code": row.department.code,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        answer_id, request_ref, number = answer.id, row.id, row.number
    key = signing_keys.unlock(key_row, passphrase(), keys_dir)
    sha = write_answer_package(out, manifest, files, key)
    with db.write() as session:
        user = session.get_one(User, user_id)
        audit.record(
            session,
            user,
            "request.package",
            document_id=answer_id,
            request=request_ref,
            number=number,
            sha256=sha,
            files=len(files),
        )
    return PackageSummary(out, sha, tuple(f.name for f in files))


# -- Art. 44 ----------------------------------------------------------------------------------


def publish_proactive(
    db: Database, user_id: int, request_id: int | str, on: dt.date | None = None
) -> list[int]:
    """Art. 44: information disclosed on request that should be public for all becomes a new,
    ordinary draft per disclosed file, made from the file as released (redacted and verified),
    titled and filed as the original was — nothing of the request or its applicant goes with it.
    Each new draft is checked, reviewed and published through the normal flow."""
    on = on or desk_day.today()
    with db.read() as session:
        user = session.get_one(User, user_id)
        row = info_requests.find(session, user, request_id)
        sources = [(d, *released_pdf(session, d)) for d in given_documents(session, row)]
        if not sources:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "申请 {number} 没有已批准的公开文件，无法转为主动公开。"),
                number=row.number,
            )
        for d, _, pdf in sources:
            if mentions_applicant(row.applicant_name, row.applicant_contact, d.title + visible_text(pdf)):
                # What the applicant was given may hold their own data; the public may not get it.
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP(
                        "DeskError",
                        "“{title}”中有申请人的姓名或联系方式，不能转为主动公开。请删除后作为新文件导入并按主动公开流程审查。",
                    ),
                    title=d.title,
                )
        drafts = [
            (
                d.id,
                d.title,
                d.doc_number,
                d.doc_type,
                d.category,
                d.written_on,
                Draft(file_name(d.title), pdf, probe(file_name(d.title), pdf)),
            )
            for d, _, pdf in sources
        ]
    with db.write() as session:
        user = session.get_one(User, user_id)
        row = info_requests.find(session, user, request_id)
        if not user.has_role(Role.CLERK):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以转为主动公开。"))
        made = []
        for source_id, title, doc_number, doc_type, category, written_on, draft in drafts:
            document = import_draft(
                session,
                user,
                draft,
                title=title,
                disclosure=DisclosureMode.PROACTIVE,
                doc_number=doc_number,
                doc_type=doc_type,
            )
            update_metadata(session, user, document.id, None, category=category, written_on=written_on)
            made.append(document.id)
            info_requests.moved_to_proactive(session, user, row.id, document.id, on, note=f"#{source_id}")
        return made


# -- what the desk's request view lists -------------------------------------------------------


@dataclass(frozen=True)
class RequestRow:
    """A request as the view shows it; plain data, safe to pass between threads."""

    id: int
    number: str
    applicant_kind: str  # label
    applicant: str
    contact: str  # "" for a user who may not see it (info_requests.contact_for)
    content: str
    received_on: dt.date
    status: str  # label
    open: bool
    due: dt.date | None
    working_days_left: int | None
    overdue: bool
    due_soon: bool
    paused: bool
    state: str  # the clock's state, label
    reasons: tuple[Reason, ...]
    actions: tuple[tuple[dt.date, str, str, str], ...]  # day, kind label, who consented, note
    answer_document_id: int | None
    answer_status: str  # label, "" without an answer draft
    disclosed: tuple[tuple[int, str, str], ...]  # id, title, status label


CLOSED_SHOWN = 500  # the latest closed requests the view lists beside the open ones


def request_rows(
    session: Session, user: User, *, include_closed: bool = False, today: dt.date | None = None
) -> list[RequestRow]:
    """The department's requests, open ones most urgent first (then the latest closed ones, newest first)."""
    rows = [o.request for o in info_requests.open_requests(session, user, today)]
    if include_closed:
        query = info_requests.visible(
            select(InfoRequest).where(
                InfoRequest.status.not_in([s.value for s in info_requests.OPEN_STATUSES])
            ),
            user,
        )
        rows += list(session.scalars(query.order_by(InfoRequest.id.desc()).limit(CLOSED_SHOWN)))
    out = []
    for row in rows:
        clock = info_requests.clock(row, today)
        answer = session.get(Document, row.answer_document_id) if row.answer_document_id else None
        out.append(
            RequestRow(
                id=row.id,
                number=row.number,
                applicant_kind=info_requests.ApplicantKind(row.applicant_kind).label,
                applicant=row.applicant_name,
                contact=info_requests.contact_for(user, row),
                content=row.content,
                received_on=row.received_on,
                status=info_requests.RequestStatus(row.status).label,
                open=row.status in info_requests.OPEN_STATUSES,
                due=clock.due,
                working_days_left=clock.working_days_left,
                overdue=clock.overdue and not clock.closed,
                due_soon=clock.due_soon and not clock.closed,
                paused=clock.paused,
                state=clock.state.label,
                reasons=clock.reasons,
                actions=tuple((a.on, ActionKind(a.kind).label, a.consented_by, a.note) for a in row.actions),
                answer_document_id=row.answer_document_id,
                answer_status=answer.status_enum.label if answer is not None else "",
                disclosed=tuple(
                    (d.id, d.title, d.status_enum.label) for d in disclosed_documents(session, row)
                ),
            )
        )
    return out
