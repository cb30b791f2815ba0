"""The audit trail: every import, state change, decision and publish, as a SHA-256 hash chain that
also commits to the state it left behind, anchored outside the database.

- Each event's hash covers its id, time, actor, action, document and detail plus the previous hash,
  so a changed, inserted or deleted row breaks the chain at a place `verify` names; the head row
  makes a truncated tail visible.
- State: when a transaction commits, the last event of each document it touched carries the
  document's state digest (`detail["state"]`, hashed with the event): status, catalog fields,
  files, review, releases and catalog entries, each part hashed from the tables by
  `subject_states`. `verify` recomputes them, so an SQL edit of a document shows as "changed
  outside the desk", naming the document and what changed; and the desk refuses to act on such a
  document (`AuditTampered`), so a later action cannot launder the edit into the trail.
- Anchor (`app.audit_anchor`): every event is sealed with a key outside the database, and each
  machine keeps a checkpoint of the highest head it committed. A recomputed chain, a tail cut with
  its head, an event appended by SQL are all seen; the desk then stops writing and says the trail
  was tampered with, until an administrator `accept`s what the investigation found.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy import event as orm_event
from sqlalchemy.orm import Session

from app import audit_anchor
from app.db.database import Database
from app.db.models import (
    AuditEvent,
    AuditHead,
    Blob,
    CatalogAttachment,
    CatalogEntry,
    Document,
    DocumentFile,
    Interpretation,
    InterpretationMedia,
    Release,
    Review,
    User,
)
from app.errors import QT_TRANSLATE_NOOP, DeskError, PermissionDenied, ValidationFailed
from app.roles import Role

log = logging.getLogger(__name__)

GENESIS_HASH = "0" * 64


class AuditTampered(DeskError):
    """The audit trail or a document's state is not what the desk wrote: nothing more is written."""


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(
    event_id: int,
    at: str,
    actor_login: str,
    action: str,
    document_id: int | None,
    detail: str,
    prev_hash: str,
) -> str:
    payload = canonical_json([event_id, at, actor_login, action, document_id, detail, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# -- state digests --------------------------------------------------------------------------------

# What a document's state is made of, each part hashed on its own so a difference can be named.
PART_LABELS = {
    "status": QT_TRANSLATE_NOOP("DeskError", "状态"),
    "document": QT_TRANSLATE_NOOP("DeskError", "目录信息（标题、文号、分类、主题词等）"),
    "files": QT_TRANSLATE_NOOP("DeskError", "文件"),
    "interpretation": QT_TRANSLATE_NOOP("DeskError", "政策解读"),
    "review": QT_TRANSLATE_NOOP("DeskError", "审查结论"),
    "release": QT_TRANSLATE_NOOP("DeskError", "发布内容"),
    "catalog": QT_TRANSLATE_NOOP("DeskError", "目录条目"),
}


def _columns(model: Any, *names: str) -> tuple[Any, ...]:
    """Plain table columns: state is read with Core queries, cheaper than the ORM's."""
    return tuple(model.__table__.c[name] for name in names)


_STATUS = _columns(Document, "status", "status_reason")
_FIELDS = _columns(
    Document,
    "title",
    "doc_number",
    "doc_type",
    "category",
    "written_on",
    "department_id",
    "disclosure",
    "normative",
    "rule",
    "needs_interpretation",
    "keywords",
    "summary",
    "created_by_id",
)
_FILES = _columns(DocumentFile, "id", "revision", "purpose", "blob_sha256", "size", "original_name", "format")
_INTERPRETATION = _columns(Interpretation, "interprets_id", "form", "drafting_department", "source_html")
_MEDIA = _columns(
    InterpretationMedia,
    "id",
    "blob_sha256",
    "size",
    "media_type",
    "original_name",
    "attested_by_id",
    "attested_at",
    "attest_note",
)
_REVIEW = _columns(
    Review,
    "id",
    "check_run_id",
    "conclusion",
    "opinion",
    "basis",
    "reviewer_id",
    "reviewed_at",
    "published_sha256",
    "record_sha256",
    "no_interpretation_reason",
)
_RELEASE = _columns(Release, "id", "sha256", "review_id", "amends_id")
_ENTRY = tuple(c for c in CatalogEntry.__table__.c if c.name != "created_at")
_ENTRY_LATER = ("notice_until", "amended_on", "amended_by")  # migrations 0017, 0020
_ATTACHMENT = _columns(CatalogAttachment, "name", "blob_sha256", "media_type")
_IDS: Any = bindparam("ids", expanding=True)


def _by_document(key: Any, columns: tuple[Any, ...], order: Any | None, filtered: bool) -> Any:
    query = select(key, *columns)
    if filtered:
        query = query.where(key.in_(_IDS))
    return query.order_by(order) if order is not None else query


def _state_queries(filtered: bool) -> dict[str, Any]:
    entry_doc = CatalogEntry.__table__.c.document_id
    entries = select(*_ENTRY).order_by(CatalogEntry.__table__.c.id)
    return {
        "document": _by_document(Document.__table__.c.id, _STATUS + _FIELDS, None, filtered),
        "files": _by_document(
            DocumentFile.__table__.c.document_id, _FILES, DocumentFile.__table__.c.id, filtered
        ),
        "interpretation": _by_document(
            Interpretation.__table__.c.document_id, _INTERPRETATION, None, filtered
        ),
        "media": _by_document(
            InterpretationMedia.__table__.c.interpretation_id,
            _MEDIA,
            InterpretationMedia.__table__.c.id,
            filtered,
        ),
        "review": _by_document(Review.__table__.c.document_id, _REVIEW, Review.__table__.c.id, filtered),
        "release": _by_document(Release.__table__.c.document_id, _RELEASE, Release.__table__.c.id, filtered),
        "catalog": entries.where(entry_doc.in_(_IDS) if filtered else entry_doc.isnot(None)),
        "entries": entries.where(
            entry_doc.is_(None) & CatalogEntry.__table__.c.id.in_(_IDS) if filtered else entry_doc.is_(None)
        ),
    }


# Built once: the same statements every time, so SQLAlchemy compiles them once.
_QUERIES = {True: _state_queries(True), False: _state_queries(False)}
_ATTACHMENTS = (
    select(CatalogAttachment.__table__.c.catalog_entry_id, *_ATTACHMENT)
    .where(CatalogAttachment.__table__.c.catalog_entry_id.in_(_IDS))
    .order_by(CatalogAttachment.__table__.c.id)
)

Parts = dict[str, str]


def _digest(value: object) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def _chunks(ids: Collection[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        yield ordered[start : start + 500]


def subject_states(
    session: Session, document_ids: Collection[int] = (), entry_ids: Collection[int] = ()
) -> dict[str, Parts]:
    """The state digests of these documents ("document:ID") and of these catalog entries that have
    no document of the desk's ("entry:ID", from transfer packages), read from the tables."""
    states: dict[str, Parts] = {}
    for chunk in _chunks(document_ids):
        states.update(_document_states(session, chunk))
    for chunk in _chunks(entry_ids):
        states.update(_entry_states(session, chunk))
    return states


def all_subject_states(session: Session) -> dict[str, Parts]:
    """Every document's and every transferred entry's state digests."""
    return {**_document_states(session, None), **_entry_states(session, None)}


def _document_states(session: Session, ids: list[int] | None) -> dict[str, Parts]:
    queries, params = _QUERIES[ids is not None], {"ids": ids} if ids is not None else {}
    conn = session.connection()

    def grouped(name: str) -> dict[Any, list[list[Any]]]:
        rows: dict[Any, list[list[Any]]] = {}
        for row in conn.execute(queries[name], params):
            rows.setdefault(row[0], []).append(list(row[1:]))
        return rows

    interpretations: dict[int, dict[str, Any]] = {
        doc_id: {"row": [*row[:-1], _digest(row[-1])], "media": []}
        for doc_id, (row,) in grouped("interpretation").items()
    }
    for doc_id, media in grouped("media").items():
        interpretations.setdefault(doc_id, {"row": None, "media": []})["media"] = media
    files, reviews, releases = grouped("files"), grouped("review"), grouped("release")
    catalog: dict[int, list[Any]] = {}
    for entry in _entries(conn, queries["catalog"], params):
        catalog.setdefault(entry["document_id"], []).append(entry)
    return {
        f"document:{doc_id}": {
            "status": _digest(row[: len(_STATUS)]),
            "document": _digest(row[len(_STATUS) :]),
            "files": _digest(files.get(doc_id, [])),
            "interpretation": _digest(interpretations.get(doc_id)),
            "review": _digest(reviews.get(doc_id, [])),
            "release": _digest(releases.get(doc_id, [])),
            "catalog": _digest(catalog.get(doc_id, [])),
        }
        for doc_id, (row,) in grouped("document").items()
    }


def _entry_states(session: Session, ids: list[int] | None) -> dict[str, Parts]:
    queries, params = _QUERIES[ids is not None], {"ids": ids} if ids is not None else {}
    entries = _entries(session.connection(), queries["entries"], params)
    return {f"entry:{entry['id']}": {"catalog": _digest(entry)} for entry in entries}


def _entries(conn: Any, query: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Catalog entries as dicts of their columns, each with its attachments."""
    rows = [dict(row._mapping) for row in conn.execute(query, params)]
    for row in rows:
        # Columns added after digests began count only once set: the digests recorded before the
        # upgrade that added them still hold.
        for name in _ENTRY_LATER:
            if row.get(name, 0) is None:
                del row[name]
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row["attachments"] = []
    for chunk in _chunks(by_id):
        for attachment in conn.execute(_ATTACHMENTS, {"ids": chunk}):
            by_id[attachment[0]]["attachments"].append(list(attachment[1:]))
    return rows


def changed_parts(recorded: Parts | None, current: Parts | None) -> list[str]:
    """The labels of the parts that differ (every part when one side is missing)."""
    before, after = recorded or {}, current or {}
    return [label for key, label in PART_LABELS.items() if before.get(key) != after.get(key)]


# -- the transaction's bookkeeping ------------------------------------------------------------------

_TXN = "audit_txn"


@dataclass
class _Txn:
    anchor: audit_anchor.Anchor | None
    events: list[AuditEvent] = field(default_factory=list)
    head: AuditHead | None = None
    head_checked: bool = False
    checked: set[int] = field(default_factory=set)  # documents whose state was compared before changing
    new_documents: set[int] = field(default_factory=set)
    touched: set[int] = field(default_factory=set)  # documents whose state rows were written
    touched_entries: set[int] = field(default_factory=set)  # entries without a document
    trust_state: bool = False  # an administrator's acceptance: the state as it stands is recorded
    rebase: str | None = None  # the checkpoint is replaced at commit, for this reason
    rebase_later: bool = False  # ... by the caller, once the database is in place (a staged restore)
    final: tuple[int, str] | None = None


def _txn(session: Session) -> _Txn:
    txn = session.info.get(_TXN)
    if txn is None:
        txn = _Txn(audit_anchor.for_session(session))
        session.info[_TXN] = txn
    return txn


def replace_checkpoint(session: Session, reason: str, *, later: bool = False) -> None:
    """This transaction puts the database's head as this machine's checkpoint, whatever it was:
    for a restored backup, where the database legitimately went back. `later`: the transaction is
    written in a copy not yet in place, and the caller moves the checkpoint after putting it there."""
    txn = _txn(session)
    txn.rebase = reason
    txn.rebase_later = later


# -- appending ----------------------------------------------------------------------------------


def record(
    session: Session,
    actor: User | None,
    action: str,
    *,
    document_id: int | None = None,
    **detail: Any,
) -> AuditEvent:
    """Appends an event in the caller's transaction: it commits or rolls back with the action itself.
    The document's state digest is added when the transaction commits."""
    txn = _txn(session)
    head = session.scalars(select(AuditHead).where(AuditHead.id == 1).with_for_update()).one_or_none()
    if not txn.head_checked:
        _check_head(session, head, txn)
        txn.head_checked = True
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash=GENESIS_HASH)
        session.add(head)
    txn.head = head
    if document_id is not None:
        _precheck(session, txn, document_id)
    event_id = head.last_id + 1
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    login = actor.login if actor is not None else "system"
    detail_json = canonical_json(detail)
    digest = event_hash(event_id, at, login, action, document_id, detail_json, head.last_hash)
    event = AuditEvent(
        id=event_id,
        at=at,
        actor_login=login,
        action=action,
        document_id=document_id,
        detail=detail_json,
        prev_hash=head.last_hash,
        hash=digest,
    )
    session.add(event)
    head.last_id, head.last_hash = event_id, digest
    session.flush()
    txn.events.append(event)
    return event


# Why the desk stops writing: told as tampering, never as a conflict. Each a whole sentence to translate.
_T_HEAD_MISSING = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：审计链头（audit_head）缺失，而数据库中已有直到 #{last} 的审计事件。"
    "为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。",
)
_T_HEAD = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：审计链头（audit_head）指向事件 #{head}，而数据库中最后的审计事件是 #{last}。"
    "为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。",
)
_T_CHECKPOINT_FILE = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：本机的审计检查点 {path} 被改动或删除。为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。",
)
_T_TRUNCATED = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：本机检查点记录到审计事件 #{anchored}，数据库中的审计链只到 #{last}"
    "（有事件被删除：链尾被截断，或删减后重新计算了哈希链，或数据库被回退）。"
    "为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。",
)
_T_REWRITTEN = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：本机检查点记录的审计事件 #{event_id} 与数据库中的不同（审计链被改写）。"
    "为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。",
)
_T_UNSEALED = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：审计事件 #{event_id} 不是审发台写入的（没有封签，或封签不符）。"
    "为免掩盖篡改，审发台不再写入。请系统管理员运行 audit verify 核查。",
)
_T_STATE = QT_TRANSLATE_NOOP(
    "DeskError",
    "审计记录已被篡改：文件“{title}”（#{id}）的{parts}在审发台之外被改动，与审计记录不符，操作没有执行。"
    "请系统管理员运行 audit verify 核查。",
)


def _check_head(session: Session, head: AuditHead | None, txn: _Txn) -> None:
    """Before the first append of a transaction: the head row, the last event and this machine's
    checkpoint must agree. Anything else is tampering — never reported as a conflict."""
    with session.no_autoflush:
        last = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
        ).first()
        if head is None and last is not None:
            raise AuditTampered(
                _T_HEAD_MISSING,
                last=last.id,
            )
        if head is not None and (
            (last is None and head.last_id != 0)
            or (last is not None and (last.id, last.hash) != (head.last_id, head.last_hash))
        ):
            raise AuditTampered(
                _T_HEAD,
                head=head.last_id,
                last=last.id if last is not None else 0,
            )
        if txn.anchor is None or txn.rebase is not None:
            return
        try:
            checkpoint = txn.anchor.read()
        except audit_anchor.AnchorError as exc:
            raise AuditTampered(
                _T_CHECKPOINT_FILE,
                path=str(exc.path),
            ) from exc
        last_id = last.id if last is not None else 0
        if checkpoint is None:
            return
        if last_id < checkpoint.last_id:
            raise AuditTampered(
                _T_TRUNCATED,
                anchored=checkpoint.last_id,
                last=last_id,
            )
        anchored = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == checkpoint.last_id))
        if checkpoint.last_id and anchored != checkpoint.last_hash:
            raise AuditTampered(
                _T_REWRITTEN,
                event_id=checkpoint.last_id,
            )
        # The checkpoint's event is this machine's, sealed with its key. Events after it: other
        # machines' (sealed with their keys), or this machine's whose checkpoint did not get
        # written; never unsealed, never a false seal of this key.
        for row in session.execute(
            select(AuditEvent.id, AuditEvent.hash, AuditEvent.seal).where(AuditEvent.id >= checkpoint.last_id)
        ):
            verdict = txn.anchor.check_seal(row.hash, row.seal) if row.seal is not None else False
            if verdict is False or (verdict is None and row.id == checkpoint.last_id):
                raise AuditTampered(
                    _T_UNSEALED,
                    event_id=row.id,
                )


def _latest_state(session: Session, document_id: int) -> tuple[int, Parts | None] | None:
    """The last event of the document and the state it recorded; None before states were recorded."""
    row = session.execute(
        select(AuditEvent.id, AuditEvent.detail)
        .where(AuditEvent.document_id == document_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    state = _state_of(row.detail)
    key = f"document:{document_id}"
    if state is None or key not in state:
        return None
    return row.id, state[key]


def _state_of(detail: str) -> dict[str, Parts | None] | None:
    try:
        state = json.loads(detail).get("state")
    except (ValueError, AttributeError):
        return None
    return state if isinstance(state, dict) else None


def _precheck(session: Session, txn: _Txn, document_id: int) -> None:
    """Before the desk changes a document: is its state still the one its last event recorded?"""
    if document_id in txn.checked or document_id in txn.new_documents:
        return
    txn.checked.add(document_id)
    if txn.trust_state:
        return
    with session.no_autoflush:
        for _attempt in range(3):
            latest = _latest_state(session, document_id)
            if latest is None:
                return
            current = subject_states(session, [document_id]).get(f"document:{document_id}")
            again = _latest_state(session, document_id)
            if again is None or again[0] != latest[0]:
                continue  # another desk committed a change of it meanwhile (PostgreSQL): look again
            changed = changed_parts(latest[1], current)
            if not changed:
                return
            title = session.scalar(select(Document.title).where(Document.id == document_id)) or ""
            raise AuditTampered(
                _T_STATE,
                title=title,
                id=document_id,
                parts="、".join(changed),
            )


# Which document (or transferred entry) a written row belongs to.
def _subject_of(session: Session, obj: object) -> tuple[str, int | None] | None:
    if isinstance(obj, Document):
        return "document", obj.id
    if isinstance(obj, DocumentFile):
        return "document", obj.document_id or (obj.document.id if obj.document is not None else None)
    if isinstance(obj, Review | Release | Interpretation):
        return ("document", obj.document_id) if obj.document_id is not None else None
    if isinstance(obj, InterpretationMedia):
        return "document", obj.interpretation_id
    if isinstance(obj, CatalogEntry):
        return ("document", obj.document_id) if obj.document_id is not None else ("entry", obj.id)
    if isinstance(obj, CatalogAttachment):
        entry = session.get(CatalogEntry, obj.catalog_entry_id)
        return _subject_of(session, entry) if entry is not None else None
    return None


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    changed = [*session.new, *session.deleted, *(o for o in session.dirty if session.is_modified(o))]
    if not changed:
        return
    with session.no_autoflush:
        for obj in changed:
            subject = _subject_of(session, obj)
            if subject is None:
                continue
            kind, ident = subject
            if ident is None:
                continue
            txn = _txn(session)
            if kind == "entry":
                txn.touched_entries.add(ident)
                continue
            _precheck(session, txn, ident)
            txn.touched.add(ident)


def _after_flush(session: Session, _context: Any) -> None:
    for obj in session.new:
        if isinstance(obj, Document):
            _txn(session).new_documents.add(obj.id)
        elif isinstance(obj, CatalogEntry) and obj.document_id is None:
            _txn(session).touched_entries.add(obj.id)


def _set_state(event: AuditEvent, states: dict[str, Parts | None]) -> None:
    detail = json.loads(event.detail)
    detail["state"] = {**detail.get("state", {}), **states}
    event.detail = canonical_json(detail)


def _before_commit(session: Session) -> None:
    txn = session.info.get(_TXN)
    if txn is None or session.in_nested_transaction():
        return  # a savepoint's commit is not the transaction's
    session.flush()
    documents = set(txn.touched) | {e.document_id for e in txn.events if e.document_id is not None}
    states = subject_states(session, documents, txn.touched_entries)
    for document_id in sorted(documents):
        key = f"document:{document_id}"
        last = next((e for e in reversed(txn.events) if e.document_id == document_id and e in session), None)
        if last is None:
            # State rows written with no event of their document: said in the chain, not left silent.
            latest = _latest_state(session, document_id)
            if latest is not None and latest[1] == states.get(key):
                continue
            log.warning("document %s changed without an audit event; recording its state", document_id)
            last = record(session, None, "document.state", document_id=document_id)
        _set_state(last, {key: states.get(key)})
    if txn.touched_entries:
        target = txn.events[-1] if txn.events else record(session, None, "catalog.state")
        _set_state(target, {f"entry:{i}": states.get(f"entry:{i}") for i in sorted(txn.touched_entries)})
    events = [e for e in txn.events if e in session]
    if not events or txn.head is None:
        return
    if txn.anchor is not None and txn.rebase is not None:
        txn.anchor.prepare_rebase()
    # The details changed: hash the transaction's events again, in order, and seal them.
    prev = events[0].prev_hash
    for event in events:
        event.prev_hash = prev
        event.hash = event_hash(
            event.id, event.at, event.actor_login, event.action, event.document_id, event.detail, prev
        )
        if txn.anchor is not None:
            try:
                event.seal = txn.anchor.seal(event.hash)
            except audit_anchor.AnchorError as exc:
                raise AuditTampered(
                    _T_CHECKPOINT_FILE,
                    path=str(exc.path),
                ) from exc
        prev = event.hash
    txn.head.last_id, txn.head.last_hash = events[-1].id, prev
    session.flush()
    txn.final = (events[-1].id, prev)


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint's commit: the transaction goes on
    txn = session.info.pop(_TXN, None)
    if txn is None or txn.final is None or txn.anchor is None or txn.rebase_later:
        return
    try:
        if txn.rebase is not None:
            txn.anchor.rebase(*txn.final, reason=txn.rebase)
        else:
            txn.anchor.advance(*txn.final)
    except Exception:  # the transaction is committed: a checkpoint left behind is no tampering
        log.exception("audit checkpoint not written (it stays behind the database)")


def _after_rollback(session: Session) -> None:
    if not session.in_nested_transaction():  # not a savepoint's
        session.info.pop(_TXN, None)


orm_event.listen(Session, "before_flush", _before_flush)
orm_event.listen(Session, "after_flush", _after_flush)
orm_event.listen(Session, "before_commit", _before_commit)
orm_event.listen(Session, "after_commit", _after_commit)
orm_event.listen(Session, "after_rollback", _after_rollback)


# -- verification -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    problem: str  # a key of _PROBLEM_TEMPLATES
    subject: str = ""  # the document, entry, file or checkpoint concerned, as shown
    detail: str = ""  # what of it changed
    ref: str = ""  # the subject as a key ("document:12", "entry:3")

    @property
    def template(self) -> str:
        return _PROBLEM_TEMPLATES[self.problem]

    def describe(self) -> str:
        return self.template.format(event_id=self.event_id, subject=self.subject, detail=self.detail)

    @property
    def key(self) -> list[Any]:
        return [self.event_id, self.problem, self.ref or self.subject]


_PROBLEM_TEMPLATES = {
    "modified": QT_TRANSLATE_NOOP("DeskError", "审计事件 #{event_id} 的内容与其哈希不符（被修改）"),
    "missing": QT_TRANSLATE_NOOP("DeskError", "审计事件 #{event_id} 缺失（被删除）"),
    "relinked": QT_TRANSLATE_NOOP(
        "DeskError", "审计事件 #{event_id} 的前序哈希不符（其前有事件被插入、删除或修改）"
    ),
    "truncated": QT_TRANSLATE_NOOP("DeskError", "链尾缺失：最后的事件应为 #{event_id}（末尾事件被删除）"),
    "head_missing": QT_TRANSLATE_NOOP(
        "DeskError", "审计链头（audit_head）缺失，而数据库中已有直到 #{event_id} 的审计事件（链头被删除）"
    ),
    "unsealed": QT_TRANSLATE_NOOP(
        "DeskError", "审计事件 #{event_id} 没有封签，而审发台写入的事件都有（在审发台之外写入）"
    ),
    "seal": QT_TRANSLATE_NOOP("DeskError", "审计事件 #{event_id} 的封签与本机密钥不符（在审发台之外伪造）"),
    "checkpoint_truncated": QT_TRANSLATE_NOOP(
        "DeskError",
        "本机检查点记录到审计事件 #{event_id}，数据库中的审计链只到 #{detail}"
        "（有事件被删除：链尾被截断，或删减后重新计算了哈希链，或数据库被回退）",
    ),
    "checkpoint_rewritten": QT_TRANSLATE_NOOP(
        "DeskError", "本机检查点记录的审计事件 #{event_id} 与数据库中的不同（审计链被改写后重新计算）"
    ),
    "checkpoint_altered": QT_TRANSLATE_NOOP("DeskError", "本机检查点文件 {subject} 的校验码不符（被改动）"),
    "checkpoint_missing": QT_TRANSLATE_NOOP(
        "DeskError", "本机检查点文件 {subject} 缺失，而其密钥仍在（检查点被删除）"
    ),
    "checkpoint_key_missing": QT_TRANSLATE_NOOP(
        "DeskError", "本机检查点的密钥 {subject} 缺失（被删除），检查点无法核验"
    ),
    "state": QT_TRANSLATE_NOOP(
        "DeskError", "{subject}的{detail}在审发台之外被改动：与审计事件 #{event_id} 记录的状态不符"
    ),
    "untracked": QT_TRANSLATE_NOOP("DeskError", "{subject}没有任何审计记录（在审发台之外写入数据库）"),
    "vanished": QT_TRANSLATE_NOOP(
        "DeskError", "{subject}已不在数据库中，而审计事件 #{event_id} 记录了它（在审发台之外被删除）"
    ),
    "blob": QT_TRANSLATE_NOOP("DeskError", "文件内容 {subject} 与其 SHA-256 不符（被替换）"),
    "release_body": QT_TRANSLATE_NOOP("DeskError", "冻结的发布内容 {subject} 与其 SHA-256 不符（被改动）"),
    "entry_release": QT_TRANSLATE_NOOP("DeskError", "目录条目 {subject} 的{detail}与其冻结的发布内容不一致"),
}
_ANCHOR_PROBLEMS = {
    "altered": "checkpoint_altered",
    "missing": "checkpoint_missing",
    "key_missing": "checkpoint_key_missing",
}
_LOOKUP: Any = object()


@dataclass
class AuditReport:
    count: int = 0  # events read
    problems: list[ChainProblem] = field(default_factory=list)
    accepted: list[tuple[int, ChainProblem]] = field(default_factory=list)  # (accepting event, problem)
    checkpoint: audit_anchor.Checkpoint | None = None
    anchored: bool = False  # this machine keeps a checkpoint of the database
    key_id: str | None = None
    foreign: Counter[str] = field(default_factory=Counter)  # events sealed by other machines, per key
    unsealed_before: int = 0  # events from before the desk sealed them
    uncovered: int = 0  # documents and entries whose state no event records yet (from before states)


def verify(session: Session, anchor: Any = _LOOKUP) -> tuple[int, list[ChainProblem]]:
    """Walks the whole chain; returns the number of events read and every problem found."""
    report = verify_report(session, anchor)
    return report.count, report.problems


def verify_report(session: Session, anchor: Any = _LOOKUP) -> AuditReport:
    """The chain, this machine's checkpoint and seals, every document's state, every blob's and
    release's hash and every catalog entry against its release: every problem, named."""
    if anchor is _LOOKUP:
        anchor = audit_anchor.for_session(session)
    checkpoint: audit_anchor.Checkpoint | None = None
    anchor_problem: ChainProblem | None = None
    if anchor is not None:
        try:
            checkpoint = anchor.read()
        except audit_anchor.AnchorError as exc:
            anchor_problem = ChainProblem(0, _ANCHOR_PROBLEMS[exc.problem], str(exc.path))
    if session.get_bind().dialect.name == "postgresql" and not session.in_transaction():
        # One snapshot for the whole walk, so desks writing meanwhile do not look like tampering.
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    report = AuditReport(key_id=anchor.key_id if anchor is not None else None)
    report.checkpoint, report.anchored = checkpoint, checkpoint is not None
    problems = report.problems
    if anchor_problem is not None:
        problems.append(anchor_problem)
    latest: dict[str, tuple[int, Parts | None]] = {}
    with_events: set[int] = set()
    accepted: dict[tuple[int, str, str], int] = {}
    expected_id, prev, sealing = 1, GENESIS_HASH, False
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=1000))
    for event in rows.scalars():
        report.count += 1
        problems.extend(ChainProblem(i, "missing") for i in range(expected_id, event.id))
        if event.prev_hash != prev:
            problems.append(ChainProblem(event.id, "relinked"))
        recomputed = event_hash(
            event.id,
            event.at,
            event.actor_login,
            event.action,
            event.document_id,
            event.detail,
            event.prev_hash,
        )
        if recomputed != event.hash:
            problems.append(ChainProblem(event.id, "modified"))
        # The checkpoint's event was sealed here, and every event after a sealed one is sealed.
        anchored = checkpoint is not None and event.id == checkpoint.last_id
        sealing = sealing or anchored
        sealed_here = _check_seal(report, anchor, event, sealing, anchored)
        sealing = sealing or event.seal is not None
        if event.document_id is not None:
            with_events.add(event.document_id)
        state = _state_of(event.detail)
        for subject, parts in (state or {}).items():
            latest[subject] = (event.id, parts)
        if event.action == "audit.accept" and sealed_here:
            for key in json.loads(event.detail).get("accepted", []):
                accepted[(int(key[0]), str(key[1]), str(key[2]))] = event.id
        expected_id, prev = event.id + 1, event.hash
    last_id = expected_id - 1
    head = session.get(AuditHead, 1)
    if head is None and report.count:
        problems.append(ChainProblem(last_id, "head_missing"))
    elif head is not None and (head.last_id != last_id or head.last_hash != prev):
        if head.last_id >= expected_id:
            problems.append(ChainProblem(head.last_id, "truncated"))
        else:
            problems.append(ChainProblem(last_id, "modified"))
    if checkpoint is not None:
        _check_checkpoint(session, report, checkpoint, last_id)
    _check_states(session, report, latest, with_events)
    _check_contents(session, report)
    # What an administrator accepted after an investigation is told, not counted again.
    for problem in list(problems):
        by = accepted.get((problem.event_id, problem.problem, problem.ref or problem.subject))
        if by is not None and by > problem.event_id:
            problems.remove(problem)
            report.accepted.append((by, problem))
    return report


def _check_seal(
    report: AuditReport, anchor: audit_anchor.Anchor | None, event: AuditEvent, sealing: bool, local: bool
) -> bool:
    """Whether this machine's key sealed the event; problems of an unsealed or falsely sealed one
    (`local`: it must be this machine's)."""
    if event.seal is None:
        if sealing:
            report.problems.append(ChainProblem(event.id, "unsealed"))
        else:
            report.unsealed_before += 1
        return False
    verdict = anchor.check_seal(event.hash, event.seal) if anchor is not None else None
    if verdict is None and not local:
        report.foreign[event.seal.partition(":")[0]] += 1
        return False
    if not verdict:
        report.problems.append(ChainProblem(event.id, "seal"))
    return bool(verdict)


def _check_checkpoint(
    session: Session, report: AuditReport, checkpoint: audit_anchor.Checkpoint, last_id: int
) -> None:
    if last_id < checkpoint.last_id:
        report.problems.append(ChainProblem(checkpoint.last_id, "checkpoint_truncated", detail=str(last_id)))
        return
    anchored = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == checkpoint.last_id))
    if checkpoint.last_id and anchored != checkpoint.last_hash:
        report.problems.append(ChainProblem(checkpoint.last_id, "checkpoint_rewritten"))


def _check_states(
    session: Session,
    report: AuditReport,
    latest: dict[str, tuple[int, Parts | None]],
    with_events: set[int],
) -> None:
    current = all_subject_states(session)
    titles: dict[int, str] = {i: t for i, t in session.execute(select(Document.id, Document.title))}
    index_nos: dict[int, str] = {
        i: n for i, n in session.execute(select(CatalogEntry.id, CatalogEntry.index_no))
    }

    def name(subject: str) -> str:
        kind, _, ident = subject.partition(":")
        if kind == "document":
            return f"文件 #{ident}“{titles.get(int(ident), '')}”"
        return f"目录条目 {index_nos.get(int(ident), '#' + ident)}"

    for subject, parts in current.items():
        if subject in latest:
            event_id, recorded = latest[subject]
            changed = changed_parts(recorded, parts)
            if changed:
                report.problems.append(
                    ChainProblem(event_id, "state", name(subject), "、".join(changed), subject)
                )
        elif subject.startswith("document:") and int(subject.partition(":")[2]) not in with_events:
            report.problems.append(ChainProblem(0, "untracked", name(subject), ref=subject))
        else:
            report.uncovered += 1
    for subject, (event_id, recorded) in latest.items():
        if subject not in current and recorded is not None:
            kind, _, ident = subject.partition(":")
            label = f"文件 #{ident}" if kind == "document" else f"目录条目 #{ident}"
            report.problems.append(ChainProblem(event_id, "vanished", label, ref=subject))


def _check_contents(session: Session, report: AuditReport) -> None:
    """Every stored file's bytes against their hash, every release's body against its hash, every
    catalog entry against its release."""
    from app import releases
    from publish.release import ReleaseError

    blobs = session.execute(select(Blob.sha256, Blob.data).execution_options(yield_per=20))
    for sha, data in blobs:
        if hashlib.sha256(data).hexdigest() != sha:
            report.problems.append(ChainProblem(0, "blob", sha))
    bodies = {}
    for sha, body in session.execute(select(Release.sha256, Release.body)):
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != sha:
            report.problems.append(ChainProblem(0, "release_body", sha))
        else:
            bodies[sha] = body
    attachments: dict[int, list[CatalogAttachment]] = {}
    for attachment in session.scalars(select(CatalogAttachment).order_by(CatalogAttachment.id)):
        attachments.setdefault(attachment.catalog_entry_id, []).append(attachment)
    bad = {p.subject for p in report.problems if p.problem == "release_body"}
    for entry in session.scalars(select(CatalogEntry).order_by(CatalogEntry.id)):
        if entry.release_sha256 in bad:
            continue  # its release is named already
        if entry.release_sha256 is None or entry.release_sha256 not in bodies:
            report.problems.append(ChainProblem(0, "entry_release", entry.index_no, "发布内容"))
            continue
        try:
            release = releases.load(session, entry.release_sha256, bodies)
        except ReleaseError:
            continue
        differences = releases.entry_differences(entry, release, attachments.get(entry.id, []))
        if differences:
            report.problems.append(ChainProblem(0, "entry_release", entry.index_no, "、".join(differences)))


# -- an administrator's acceptance --------------------------------------------------------------


def accept(db: Database, user_id: int, reason: str) -> list[ChainProblem]:
    """After an investigation: an administrator accepts the database as it stands. The head row is
    set to the last event, every document's current state is recorded, this machine's checkpoint is
    replaced, and the problems accepted are listed in an `audit.accept` event (`verify` tells them
    apart from then on). Returns the problems accepted."""
    reason = reason.strip()
    if not reason:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "请写明核查结论（为什么接受当前的审计状态）。"))
    with db.read() as session:
        if not session.get_one(User, user_id).has_role(Role.ADMIN):
            raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有系统管理员可以确认审计核查的结论。"))
        report = verify_report(session)
    with db.write() as session:
        txn = _txn(session)
        txn.head_checked, txn.trust_state = True, True
        txn.rebase = f"audit.accept: {reason}"
        last = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
        ).first()
        head = session.scalars(select(AuditHead).where(AuditHead.id == 1).with_for_update()).one_or_none()
        if head is None:
            head = AuditHead(id=1, last_id=0, last_hash=GENESIS_HASH)
            session.add(head)
        head.last_id, head.last_hash = (last.id, last.hash) if last is not None else (0, GENESIS_HASH)
        session.flush()
        user = session.get_one(User, user_id)
        for subject, parts in sorted(all_subject_states(session).items()):
            kind, _, ident = subject.partition(":")
            if kind == "entry":
                txn.touched_entries.add(int(ident))
                continue
            latest = _latest_state(session, int(ident))
            if latest is None or latest[1] != parts:
                record(session, user, "audit.accept_state", document_id=int(ident))
        for problem in report.problems:
            kind, _, ident = problem.ref.partition(":")
            if problem.problem == "vanished" and kind == "document":
                record(session, user, "audit.accept_state", document_id=int(ident))
            elif problem.problem == "vanished" and kind == "entry":
                txn.touched_entries.add(int(ident))
        record(
            session,
            user,
            "audit.accept",
            reason=reason,
            problems=[p.describe() for p in report.problems],
            accepted=[p.key for p in report.problems],
            checkpoint=(
                [report.checkpoint.last_id, report.checkpoint.last_hash]
                if report.checkpoint is not None
                else None
            ),
        )
    return report.problems
