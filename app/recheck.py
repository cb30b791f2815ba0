"""Re-checking everything published (issue 20): the current lexicon and rule packs over every
current catalog entry's stored text, or only the terms and rule-pack rows changed since the last
re-check.

A run is split into parts (entries with id % parts == part). A worker claims a part (PostgreSQL:
`FOR UPDATE SKIP LOCKED`), works through it a batch at a time and commits each batch's hits with the
part's cursor, so a killed worker's part is taken over where it stopped (`resume`). Workers are
processes over the same database: the desk runs one per core, a provincial platform any number
on any machines (docs/recheck-scale.md).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import json
import logging
import os
import socket
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Select, and_, bindparam, case, distinct, func, select, update
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import desk_day, faults
from app.checking import desk_lexicon
from app.db.database import Database
from app.db.models import CatalogEntry, Decision, Department, FindingRow, Review
from app.db.models_recheck import RecheckHit, RecheckPart, RecheckRun, ReleaseText
from app.documents import load_blob
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationFailed
from app.rulepacks import department_sources
from app.vocabulary import FALSE_ALARM, KEEP
from publish.taxonomy import DisclosureMode
from review import engine, text_store, wording
from review.engine import ENGINE_VERSION
from review.extract.base import TextStream
from review.extract.dispatch import extract_any
from review.lexicon import CompiledLexicon, Lexicon
from review.model import Channel, Finding, Location, Severity
from review.normalize import normalize
from review.wording.base import FIXED, LEADER_NAME, LEADER_ORDER, LEADER_POST, OUTDATED, WRONG_FORM
from review.wording.packs import RulePack

log = logging.getLogger(__name__)

FULL, CHANGED = "full", "changed"
RUNNING, DONE, CANCELLED = "running", "done", "cancelled"
BATCH = 200
MAX_PREFILTER = 1000  # new terms looked up in the signatures one by one
LEASE = dt.timedelta(minutes=10)  # a part whose worker wrote nothing for this long is taken over
# The rule-pack rules whose facts are rows (the form rules are code: only a full run re-runs them).
_ROW_RULES = frozenset({FIXED, WRONG_FORM, OUTDATED, LEADER_POST, LEADER_NAME, LEADER_ORDER})

Progress = Callable[[int, int], None]


# -- the stored text ----------------------------------------------------------------------------


def keep_text(
    session: Session,
    published_sha256: str,
    packed: text_store.Packed,
    *,
    backfilled: bool = False,
    replace: bool = False,
) -> None:
    """Keeps the engine's text of a published file, once (a file published twice has one text);
    with `replace`, instead of the one kept (which could not be read)."""
    kept = session.get(ReleaseText, published_sha256)
    if kept is not None and replace:
        session.delete(kept)
        session.flush()
    elif kept is not None:
        return
    try:
        with session.begin_nested():
            session.add(
                ReleaseText(
                    published_sha256=published_sha256,
                    format=text_store.FORMAT,
                    engine_version=ENGINE_VERSION,
                    characters=packed.characters,
                    text=packed.text,
                    places=packed.places,
                    signature=packed.signature,
                    backfilled=backfilled,
                )
            )
    except IntegrityError:
        pass  # kept by a concurrent approval or worker: same file, same text


def extract_published(data: bytes) -> text_store.Packed:
    """The text of a published file read as verification reads it (for files published before
    texts were kept)."""
    return text_store.pack(extract_any("published.pdf", data).streams)


# -- what a run runs on ---------------------------------------------------------------------------


def _lexicon_rows(lexicon: CompiledLexicon) -> dict[str, int]:
    """Each term as matched (normalised term, category, level, whole word) → its index."""
    c = lexicon._columns
    return {
        f"{k}\t{cat}\t{sev}\t{int(w)}": i
        for i, (k, cat, sev, w) in enumerate(
            zip(c.keys, c.categories, c.severities, c.whole_words, strict=True)
        )
    }


def _row_hash(row: str) -> bytes:
    return hashlib.blake2b(row.encode("utf-8"), digest_size=8).digest()


def _pack_rows(pack: RulePack) -> dict[str, tuple[str, Any]]:
    """Each rule-pack row in the form `RulePack.version` hashes → (kind, key)."""
    rows: dict[str, tuple[str, Any]] = {}
    for p in pack.posts.values():
        rows[f"P\t{p.name}\t{'|'.join(p.aliases)}\t{'|'.join(p.shorts)}\t{p.short_exclusive}"] = (
            "leaders",
            None,
        )
    for t in pack.tenures.values():
        rows[f"L\t{t.name}\t{t.post}\t{t.start}\t{t.end}"] = ("leaders", None)
    for o in pack.precedence.values():
        rows[f"O\t{o.start}\t{o.end}\t{'、'.join(o.names)}"] = ("leaders", None)
    for k, e in pack.expressions.items():
        rows[f"E\t{e.text}\t{e.category}\t{e.severity}"] = ("expressions", k)
    for k, w in pack.wrong_forms.items():
        rows[f"W\t{w.wrong}\t{w.right}\t{w.category}\t{w.severity}\t{'|'.join(w.exceptions)}"] = (
            "wrong_forms",
            k,
        )
    for dk, od in pack.outdated.items():
        rows[
            f"D\t{od.phrase}\t{od.since}\t{od.suggestion}\t{od.current_only}\t{od.severity}\t{'|'.join(od.exceptions)}"
        ] = ("outdated", dk)
    return rows


@dataclass
class Rules:
    """What one department's entries are re-checked with."""

    lexicon: CompiledLexicon | None
    packs: wording.CompiledRulePack | None
    engine_rules: bool  # markings, 附注 and personal data (review/rules.py)
    wording_ids: frozenset[str] | None = None  # None: every rule-pack rule
    prefilter: list[str] | None = None  # normalised terms a text must hold (signature), None: all


@dataclass
class Plan:
    mode: str
    basis: bytes
    rules: dict[int, Rules]  # department id → rules
    changes: dict[str, Any] = field(default_factory=dict)

    def departments(self) -> list[int]:
        return [
            d for d, r in self.rules.items() if r.lexicon is not None or r.packs is not None or r.engine_rules
        ]


def _basis(lexicons: dict[int, CompiledLexicon], packs: dict[int, RulePack]) -> bytes:
    """What a run ran on, per department: each lexicon's and rule pack's rows, hashed, stored once
    per version."""
    versions: dict[str, str] = {}
    for lexicon in lexicons.values():
        if lexicon.version not in versions:
            hashes = b"".join(sorted(_row_hash(r) for r in _lexicon_rows(lexicon)))
            versions[lexicon.version] = base64.b64encode(hashes).decode()
    pack_versions: dict[str, str] = {}
    for pack in packs.values():
        if pack.version not in pack_versions:
            hashes = b"".join(sorted(_row_hash(r) for r in _pack_rows(pack)))
            pack_versions[pack.version] = base64.b64encode(hashes).decode()
    data = {
        "lexicons": versions,
        "departments": {str(d): lex.version for d, lex in lexicons.items()},
        "packs": pack_versions,
        "department_packs": {str(d): pack.version for d, pack in packs.items()},
    }
    return zlib.compress(json.dumps(data).encode())


def _hash_set(encoded: str) -> set[bytes]:
    raw = base64.b64decode(encoded)
    return {raw[i : i + 8] for i in range(0, len(raw), 8)}


def _department_packs(session: Session, departments: list[int]) -> dict[int, RulePack]:
    """Each department's rule pack: the shipped files with its own merged over them (app.rulepacks),
    loaded once per distinct set of files."""
    shipped = wording.shipped_sources()
    loaded: dict[tuple[tuple[str, bytes], ...], RulePack] = {}
    out = {}
    for dept in departments:
        own = department_sources(session, dept)
        if own not in loaded:
            loaded[own] = wording.load([*shipped, *own])
        out[dept] = loaded[own]
    return out


def _old_pack_rows(before: dict[str, Any], dept: int) -> set[bytes]:
    """The rule-pack rows the last run ran for the department (a run from before department packs
    kept one pack for all)."""
    if "pack" in before:
        return _hash_set(before["pack"])
    version = before["department_packs"].get(str(dept))
    return _hash_set(before["packs"][version]) if version in before["packs"] else set()


def plan(session: Session, mode: str, cache_dir: Path | None, *, with_basis: bool = True) -> Plan:
    """Every rule (full), or the terms and rule-pack rows not in the last finished run's basis.
    `with_basis`: also what this plan runs on, for the run row (a worker joining needs none)."""
    departments = list(session.scalars(select(Department.id)))
    packs = _department_packs(session, departments)
    lexicons = {d: desk_lexicon(session, d, cache_dir) for d in departments}
    basis = _basis(lexicons, packs) if with_basis else b""
    last = _last_finished(session)
    compiled: dict[str, wording.CompiledRulePack | None] = {}

    def compiled_once(pack: RulePack | None) -> wording.CompiledRulePack | None:
        if pack is None:
            return None
        if pack.version not in compiled:
            compiled[pack.version] = wording.CompiledRulePack(pack)
        return compiled[pack.version]

    if mode == FULL or last is None:
        return Plan(
            FULL, basis, {d: Rules(lex, compiled_once(packs[d]), True) for d, lex in lexicons.items()}
        )
    before = json.loads(zlib.decompress(last.basis))
    out: dict[int, Rules] = {}
    changed_terms: dict[str, list[str]] = {}
    pack_rows = 0
    for dept, lexicon in lexicons.items():
        pack, old_pack = packs[dept], _old_pack_rows(before, dept)
        delta = _pack_delta(pack, {r: k for r, k in _pack_rows(pack).items() if _row_hash(r) not in old_pack})
        delta_pack = compiled_once(delta)
        pack_rows = max(pack_rows, _count_rows(delta) if delta else 0)
        old_version = before["departments"].get(str(dept))
        old = _hash_set(before["lexicons"][old_version]) if old_version in before["lexicons"] else set()
        new = [i for row, i in _lexicon_rows(lexicon).items() if _row_hash(row) not in old]
        sub = _sub_lexicon(lexicon, new) if new else None
        if sub is not None:
            changed_terms[str(dept)] = [lexicon.term(i).term for i in new]
        out[dept] = Rules(
            sub,
            delta_pack,
            False,
            _ROW_RULES,
            # A changed rule-pack row has no single term to look for, and thousands of new terms (a
            # department's first lexicon) cost more to test one by one: every text is read then.
            None
            if delta_pack is not None or len(new) > MAX_PREFILTER
            else [lexicon._columns.keys[i] for i in new],
        )
    changes = {"since": last.id, "terms": changed_terms, "pack_rows": pack_rows}
    return Plan(CHANGED, basis, out, changes)


def _count_rows(pack: RulePack) -> int:
    return len(pack.expressions) + len(pack.wrong_forms) + len(pack.outdated) + len(pack.tenures)


def _pack_delta(pack: RulePack, changed: dict[str, tuple[str, Any]]) -> RulePack | None:
    """A pack of the changed rows only: leaders' rows come all together (a tenure is judged with
    the posts and the other tenures), the allow-list always whole."""
    if not changed:
        return None
    kinds = {kind for kind, _ in changed.values()}
    delta = RulePack(allowed=dict(pack.allowed))
    if "leaders" in kinds:
        delta.posts, delta.tenures, delta.precedence = (
            dict(pack.posts),
            dict(pack.tenures),
            dict(pack.precedence),
        )
    for kind, key in changed.values():
        if kind != "leaders":
            getattr(delta, kind)[key] = getattr(pack, kind)[key]
    return delta


def _sub_lexicon(lexicon: CompiledLexicon, indexes: list[int]) -> CompiledLexicon:
    allowed = lexicon._columns.allowed
    return CompiledLexicon.build(Lexicon([lexicon.term(i) for i in indexes], list(allowed)))


def _last_finished(session: Session) -> RecheckRun | None:
    return session.scalars(
        select(RecheckRun).where(RecheckRun.status == DONE).order_by(RecheckRun.id.desc()).limit(1)
    ).first()


# -- runs ------------------------------------------------------------------------------------------


def _current() -> Any:
    return and_(CatalogEntry.status == "published", CatalogEntry.published_sha256 != "")


def start(
    db: Database,
    user_id: int | None,
    mode: str,
    cache_dir: Path | None,
    parts: int = 1,
    *,
    join: bool = False,
) -> int:
    """A new run of `parts` parts; returns its id. Any unfinished run is cancelled (its hits stay).
    `join`: the unfinished run instead, if there is one — workers of one partitioned run started
    together make one run between them (PostgreSQL: under an advisory lock; SQLite: one writer)."""
    if parts < 1:
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "分区数须至少为 1。"))
    with db.read() as session:
        made = plan(session, mode, cache_dir)
    with db.write() as session:
        if not db.is_sqlite:
            session.execute(sql("SELECT pg_advisory_xact_lock(20016)"))
        if join:
            running = session.scalars(select(RecheckRun).where(RecheckRun.status == RUNNING)).first()
            if running is not None and running.parts == parts:
                return running.id
            if running is not None:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP(
                        "DeskError", "正在进行的第 {run} 次复查分为 {parts} 个分区，而不是 {asked} 个。"
                    ),
                    run=str(running.id),
                    parts=str(running.parts),
                    asked=str(parts),
                )
        session.execute(update(RecheckRun).where(RecheckRun.status == RUNNING).values(status=CANCELLED))
        total = session.scalar(select(func.count()).select_from(CatalogEntry).where(_current())) or 0
        run = RecheckRun(
            mode=made.mode,
            since_id=made.changes.get("since"),
            parts=parts,
            total=total,
            started_by=user_id,
            basis=made.basis,
            changes=json.dumps(made.changes, ensure_ascii=False),
        )
        session.add(run)
        session.flush()
        session.add_all(RecheckPart(run_id=run.id, part=p) for p in range(parts))
        return run.id


def unfinished(db: Database) -> int | None:
    with db.read() as session:
        return session.scalar(
            select(RecheckRun.id).where(RecheckRun.status == RUNNING).order_by(RecheckRun.id.desc()).limit(1)
        )


def cancel_run(db: Database, run_id: int) -> None:
    with db.write() as session:
        session.execute(update(RecheckRun).where(RecheckRun.id == run_id).values(status=CANCELLED))


@dataclass
class Figures:
    total: int
    done: int
    read: int
    backfilled: int
    status: str


def figures(db: Database, run_id: int) -> Figures:
    with db.read() as session:
        run = session.get_one(RecheckRun, run_id)
        done, read, back = session.execute(
            select(
                func.sum(RecheckPart.done), func.sum(RecheckPart.read), func.sum(RecheckPart.backfilled)
            ).where(RecheckPart.run_id == run_id)
        ).one()
        return Figures(run.total, done or 0, read or 0, back or 0, run.status)


def _me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(worker: str) -> bool:
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True  # another machine's worker: its lease says
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _claim(db: Database, run_id: int, only: int | None) -> int | None:
    """A part no live worker holds: never started, or its worker died (this host) or let its lease
    run out. PostgreSQL skips rows another worker is claiming; SQLite serialises writers anyway."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.write() as session:
        query = select(RecheckPart).where(RecheckPart.run_id == run_id, RecheckPart.finished.is_(False))
        if only is not None:
            query = query.where(RecheckPart.part == only)
        if not db.is_sqlite:
            query = query.with_for_update(skip_locked=True)
        for part in session.scalars(query.order_by(RecheckPart.part)):
            free = (
                not part.worker
                or part.lease_at is None
                or part.lease_at < now - LEASE
                or not _alive(part.worker)
                or part.worker == _me()
            )
            if free:
                part.worker, part.lease_at = _me(), now
                return part.part
    return None


def work(
    db: Database,
    run_id: int,
    cache_dir: Path | None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    only_part: int | None = None,
    batch: int = BATCH,
) -> bool:
    """Works through the run's parts until none is left (or only `only_part`); False when cancelled.
    `progress(done, total)` counts the whole run's entries, every worker's."""
    with db.read() as session:
        run = session.get_one(RecheckRun, run_id)
        if run.status != RUNNING:
            return run.status == DONE
        mode, parts, total = run.mode, run.parts, run.total
        plan_now = plan(session, mode, cache_dir, with_basis=False)
    worker = _Worker(db, run_id, parts, plan_now, batch)
    while (part := _claim(db, run_id, only_part)) is not None:
        if not worker.part(part, total, progress, cancel):
            return False
        if only_part is not None:
            break
    _finish_if_done(db, run_id)
    return True


def run_parallel(
    db: Database,
    data_dir: Path,
    run_id: int,
    cache_dir: Path | None,
    workers: int,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    batch: int = BATCH,
) -> bool:
    """`work` in this process and in `workers - 1` more (one per core: matching is CPU-bound and
    the GIL would keep threads on one). Each claims parts until none is left."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    url = db.url.render_as_string(hide_password=False)
    others = [
        context.Process(target=_join, args=(str(data_dir), url, run_id, batch), daemon=True)
        for _ in range(max(0, workers - 1))
    ]
    for process in others:
        process.start()
    try:
        finished = work(db, run_id, cache_dir, progress, cancel, batch=batch)
        while any(p.is_alive() for p in others):
            for process in others:
                process.join(0.5)
            if progress is not None:
                progress(figures(db, run_id).done, figures(db, run_id).total)
            if cancel is not None and cancel.is_set():
                cancel_run(db, run_id)
                finished = False
    finally:
        for process in others:
            process.join(5)
            if process.is_alive():
                process.kill()
    _finish_if_done(db, run_id)
    return finished and figures(db, run_id).status == DONE


def _join(data_dir: str, url: str, run_id: int, batch: int) -> None:
    """A worker process: opens the same database and works on the run's parts."""
    from app.workspace import Workspace

    workspace = Workspace.open(data_dir, url)
    try:
        work(workspace.db, run_id, workspace.paths.cache_dir, batch=batch)
    finally:
        workspace.close()


def _finish_if_done(db: Database, run_id: int) -> None:
    with db.write() as session:
        left = session.scalar(
            select(func.count()).where(RecheckPart.run_id == run_id, RecheckPart.finished.is_(False))
        )
        run = session.get_one(RecheckRun, run_id)
        if not left and run.status == RUNNING:
            run.status, run.finished_at = DONE, dt.datetime.now(dt.UTC).replace(tzinfo=None)


class _Worker:
    def __init__(self, db: Database, run_id: int, parts: int, made: Plan, batch: int) -> None:
        self.db, self.run_id, self.parts, self.plan = db, run_id, parts, made
        # A run of a few new terms reads each text's signature (2 KiB) first, the text only where
        # it may hold one: ten times the entries a batch. A full run reads every text and its places.
        prefiltered = all(r.prefilter is not None for r in made.rules.values())
        batch = batch * 10 if prefiltered else batch
        blobs = (
            (ReleaseText.signature,)
            if prefiltered
            else (ReleaseText.text, ReleaseText.places, ReleaseText.engine_version)
        )
        self.batches = _BlobQuery(
            select(
                CatalogEntry.id,
                CatalogEntry.department_id,
                CatalogEntry.published_sha256,
                CatalogEntry.written_on,
                CatalogEntry.disclosure,
                CatalogEntry.review_id,
                ReleaseText.published_sha256.label("kept"),
                *blobs,
            )
            .outerjoin(ReleaseText, ReleaseText.published_sha256 == CatalogEntry.published_sha256)
            .where(
                _current(),
                CatalogEntry.id > bindparam("cursor"),
                CatalogEntry.id % parts == bindparam("part"),
            )
            .order_by(CatalogEntry.id)
            .limit(batch)
        )

    def part(self, part: int, total: int, progress: Progress | None, cancel: threading.Event | None) -> bool:
        departments = self.plan.departments()
        while True:
            if cancel is not None and cancel.is_set():
                cancel_run(self.db, self.run_id)
                return False
            with self.db.read() as session:
                status = session.scalar(select(RecheckRun.status).where(RecheckRun.id == self.run_id))
                if status != RUNNING:
                    return status == DONE
                cursor = session.scalar(
                    select(RecheckPart.cursor).where(
                        RecheckPart.run_id == self.run_id, RecheckPart.part == part
                    )
                )
                rows = self.batches.rows(session, cursor=cursor, part=part)
                if not rows:
                    break
                texts = self._texts(session, rows, departments)
                kept = _decided_keep(session, [r.review_id for r in rows if r.review_id is not None])
            hits: list[tuple[Any, ...]] = []
            backfill: dict[str, text_store.Packed] = {}
            replaced: set[str] = set()  # kept, but damaged or read by an older engine
            read = 0
            for row in rows:
                rules_of = self.plan.rules.get(row.department_id)
                if rules_of is None or row.department_id not in departments:
                    continue
                # Extracted earlier in the batch (not kept yet, or damaged), else as kept.
                stored = backfill.get(row.published_sha256) or texts.get(row.published_sha256)
                if stored is None:
                    with self.db.read() as session:
                        packed = extract_published(load_blob(session, row.published_sha256))
                    backfill[row.published_sha256] = packed
                    if row.kept is not None:
                        replaced.add(row.published_sha256)
                    stored = packed
                if isinstance(stored, _Skip):
                    continue
                read += 1
                places = (
                    stored.places if stored.places is not None else self._places_reader(row.published_sha256)
                )
                try:
                    found = findings_of(stored.text, places, rules_of, row.written_on, row.disclosure)
                except text_store.DamagedText as error:
                    # Only a copy of what the engine read in the published file: read it again.
                    log.warning(
                        "复查：已保存的文本 %s 无法读取（%s），从发布文件重新提取",
                        row.published_sha256,
                        error,
                    )
                    with self.db.read() as session:
                        packed = extract_published(load_blob(session, row.published_sha256))
                    backfill[row.published_sha256] = packed
                    replaced.add(row.published_sha256)
                    found = findings_of(packed.text, packed.places, rules_of, row.written_on, row.disclosure)
                keep = kept.get(row.review_id) if row.review_id is not None else None
                # A finding's text is folded only for an entry whose review kept something.
                hits.extend(
                    _hit(self.run_id, row.id, row.department_id, f)
                    for f in found
                    if not (keep and (f.rule_id, _fold(f.text)) in keep)
                )
            with self.db.write() as session:
                for sha, packed in backfill.items():
                    keep_text(session, sha, packed, backfilled=True, replace=sha in replaced)
                if hits:
                    _insert_hits(session, hits)
                session.execute(
                    update(RecheckPart)
                    .where(RecheckPart.run_id == self.run_id, RecheckPart.part == part)
                    .values(
                        cursor=rows[-1].id,
                        done=RecheckPart.done + len(rows),
                        read=RecheckPart.read + read,
                        backfilled=RecheckPart.backfilled + len(backfill),
                        lease_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    )
                )
            faults.point("recheck.after_batch")
            if progress is not None:
                progress(figures(self.db, self.run_id).done, total)
        with self.db.write() as session:
            session.execute(
                update(RecheckPart)
                .where(RecheckPart.run_id == self.run_id, RecheckPart.part == part)
                .values(finished=True)
            )
        return True

    def _places_reader(self, sha: str) -> Callable[[], bytes]:
        def read() -> bytes:
            with self.db.read() as session:
                return session.scalars(
                    select(ReleaseText.places).where(ReleaseText.published_sha256 == sha)
                ).one()

        return read

    def _texts(self, session: Session, rows: Sequence[Any], departments: list[int]) -> dict[str, Any]:
        """The stored texts of a batch (its rows hold their blobs): all of it for a full run; for a
        run of a few new terms, only the texts whose signature may hold one of them (the others
        are `_Skip`). A text not kept yet is missing (backfilled from the published file)."""
        kept = [r for r in rows if r.kept is not None]
        if not hasattr(rows[0], "signature"):
            # A full run reads a file again where an older engine read it: what the engine reads
            # in a file (hiding places, layouts) improves with it, and what is online must be
            # judged by what the desk reads now.
            return {r.kept: _Stored(r.text, r.places) for r in kept if r.engine_version == ENGINE_VERSION}
        prefilters = {d: r.prefilter for d, r in self.plan.rules.items()}
        out: dict[str, Any] = {r.kept: _Skip() for r in kept}
        wanted = set()
        if kept:
            matrix = np.frombuffer(b"".join(r.signature for r in kept), np.uint8).reshape(len(kept), -1)
            for dept in {r.department_id for r in kept if r.department_id in departments}:
                terms = prefilters.get(dept) or []
                if not terms:
                    continue
                maybe = text_store.may_contain(matrix, terms)
                wanted |= {r.kept for r, m in zip(kept, maybe, strict=True) if m and r.department_id == dept}
        if wanted:
            for sha, text in session.execute(
                select(ReleaseText.published_sha256, ReleaseText.text).where(
                    ReleaseText.published_sha256.in_(wanted)
                )
            ):
                out[sha] = _Stored(text, None)
        return out


class _BlobQuery:
    """A statement that reads blobs, run with new parameters for each batch. From PostgreSQL in
    binary, compiled once: as text, a blob comes hex-encoded, twice its bytes, which the server
    encodes and the client decodes (a tenth of a re-check's work there)."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: Any = None

    def rows(self, session: Session, **params: Any) -> Sequence[Any]:
        connection = session.connection()
        if connection.dialect.name != "postgresql":
            return session.execute(self.statement, params).all()
        if self._compiled is None:
            self._compiled = self.statement.compile(dialect=connection.dialect)
        from psycopg.rows import namedtuple_row

        raw = connection.connection.driver_connection
        with raw.cursor(binary=True, row_factory=namedtuple_row) as cursor:  # type: ignore[union-attr]
            cursor.execute(str(self._compiled), self._compiled.construct_params(params))
            return cursor.fetchall()


class _Skip:
    """A text that cannot hold any of the run's terms."""


@dataclass
class _Stored:
    text: bytes
    places: bytes | None  # None: read only when something is found


def _decided_keep(session: Session, review_ids: list[int]) -> dict[int, set[tuple[str, str]]]:
    """What each review decided to keep or called a false alarm: a re-check does not ask again."""
    if not review_ids:
        return {}
    out: dict[int, set[tuple[str, str]]] = {}
    for review_id, rule_id, text in session.execute(
        select(Review.id, FindingRow.rule_id, FindingRow.text)
        .join(FindingRow, FindingRow.check_run_id == Review.check_run_id)
        .join(Decision, Decision.finding_id == FindingRow.id)
        .where(Review.id.in_(review_ids), Decision.decision.in_((KEEP, FALSE_ALARM)))
    ):
        out.setdefault(review_id, set()).add((rule_id, _fold(text or "")))
    return out


def _fold(text: str) -> str:
    return normalize(text).text.replace(" ", "")


def findings_of(
    text: bytes,
    places: bytes | Callable[[], bytes] | None,
    rules_of: Rules,
    written_on: dt.date | None,
    disclosure: str | None,
) -> list[Finding]:
    """The findings above 提示 of `rules_of` in one stored text, as the engine makes them on a
    stream (`engine.stream_findings`, the step a check runs on each stream)."""
    streams = text_store.read_text(text)
    on = written_on or desk_day.today()
    lexicon, packs = rules_of.lexicon, rules_of.packs
    # Only new terms: the places are read only where one is found.
    only_terms = not rules_of.engine_rules and packs is None and lexicon is not None
    if only_terms and not any(lexicon.find(s.norm.text)[0] for s in streams):  # type: ignore[union-attr]
        return []
    if places is None:
        return []
    raw = places() if callable(places) else places
    findings: list[Finding] = []
    for stored, (original, locator) in zip(streams, text_store.read_places(raw, streams), strict=True):
        stream = TextStream(stored.channel, original, locator)
        found = engine.stream_findings(
            stream,
            stored.norm,
            lexicon,
            packs,
            on,
            disclosure,
            engine_rules=rules_of.engine_rules,
            wording_ids=rules_of.wording_ids,
            with_info=False,  # never listed: not located either
        )
        findings.extend(found.findings)
    # 提示 findings are prompts for a reviewer, not problems in what is online. Left out after
    # deduplication, as the check lists them: a 提示 it keeps hides an equal finding after it.
    return [f for f in engine._dedupe(findings) if f.severity is not Severity.INFO]


_HIT_COLUMNS = (
    "run_id",
    "catalog_entry_id",
    "department_id",
    "rule_id",
    "category",
    "severity",
    "message",
    "channel",
    "location",
    "text",
    "context",
    "term",
)
_HIT_COPY = f"COPY recheck_hits ({', '.join(_HIT_COLUMNS)}) FROM STDIN"


def _hit(run_id: int, entry_id: int, department_id: int, f: Finding) -> tuple[Any, ...]:
    """A RecheckHit row in _HIT_COLUMNS order (inserted in bulk: a dense catalog has millions)."""
    return (
        run_id,
        entry_id,
        department_id,
        f.rule_id,
        f.category,
        f.severity._value_,
        f.message,
        f.channel._value_,
        _place_text(f),
        f.text,
        f.context,
        f.term,
    )


def _insert_hits(session: Session, hits: list[tuple[Any, ...]]) -> None:
    """The batch's hits, past SQLAlchemy's Core insert (it turned each row into a parameter dict
    through its bind processors, ~25 µs a hit, as much as making it): PostgreSQL takes them as
    COPY (one statement, where executemany or a multi-row INSERT has the server plan and run
    each row's insert), SQLite through the driver's executemany."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        raw = connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(_HIT_COPY) as copy:  # type: ignore[union-attr]
            for hit in hits:
                copy.write_row(hit)
        return
    marks = ", ".join(["?"] * len(_HIT_COLUMNS))
    connection.exec_driver_sql(f"INSERT INTO recheck_hits ({', '.join(_HIT_COLUMNS)}) VALUES ({marks})", hits)


def _place_text(f: Finding) -> str:
    """A hit's place as kept: a stored text's span while it is still pending (placed when the
    entry is opened: placing every hit of a catalog cost a sixth of the re-check), else the
    Location."""
    span = text_store.pending_span(f)
    if span is not None:
        return '{{"span": [{}, {}, {}]}}'.format(*span)
    return _location_text(f.location)


_STRING = json.encoder.encode_basestring  # a JSON string, not ASCII-escaped (json's C encoder)


def _location_text(loc: Location) -> str:
    """A Location as the JSON `stored_hit` reads back: its fields that are set, rectangles to
    1/100 pt. Written directly: a dict through json's encoder cost about as much as placing the
    hit. Floats as repr, which is how json writes them."""
    fields = [
        f'"{key}": {_STRING(value) if isinstance(value, str) else int(value)}'
        for key, value in loc.__dict__.items()
        if value is not None and key != "rects"
    ]
    if loc.rects:
        rects = ", ".join(
            f"[{_coordinate(x0)}, {_coordinate(y0)}, {_coordinate(x1)}, {_coordinate(y1)}"
            + ("]" if page is None else f", {int(page)}]")
            for x0, y0, x1, y1, page in loc.rects
        )
        fields.append(f'"rects": [{rects}]')
    return "{" + ", ".join(fields) + "}"


# Each coordinate's JSON: stored boxes lie on a 1/8-pt grid, so a catalog's rectangles repeat a
# few thousand values, and round() with repr() cost ~1.4 µs each, eight a hit.
_COORDINATES: dict[float, str] = {}
_MAX_COORDINATES = 1 << 16


def _coordinate(value: float) -> str:
    text = _COORDINATES.get(value)
    if text is None:
        text = repr(round(value, 2))
        if value.__class__ is float and len(_COORDINATES) < _MAX_COORDINATES:
            _COORDINATES[value] = text
    return text


def stored_hit(row: RecheckHit, places: Callable[[], list[Any]]) -> Finding:
    """A kept hit as the finding the findings panel shows; `places`: the stored locators of its
    release's streams (`text_store.read_places`), read for a hit kept as a span."""
    from review.model import Rect

    loc = json.loads(row.location)
    span = loc.pop("span", None)
    if span is not None:
        # Placed only where the entry's stored text still holds what was found (a package may
        # have brought a new version of the entry since the run).
        stream, start, end = span
        located = places()
        held = stream < len(located) and located[stream][0][start:end] == row.text
        location = located[stream][1].locate(start, end) if held else Location()
    else:
        loc["rects"] = tuple(Rect(*r) for r in loc.get("rects", ()))
        location = Location(**loc)
    return Finding(
        row.rule_id,
        row.category,
        Severity(row.severity),
        row.message,
        Channel(row.channel),
        location,
        row.text,
        row.context,
        row.term,
    )


# -- what a run found -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryHits:
    entry_id: int
    index_no: str
    title: str
    department: str
    rule_id: str
    category: str
    count: int
    worst: Severity
    terms: tuple[str, ...]


def latest_run(db: Database) -> int | None:
    with db.read() as session:
        return session.scalar(select(RecheckRun.id).order_by(RecheckRun.id.desc()).limit(1))


def grouped(db: Database, run_id: int) -> list[EntryHits]:
    """The entries with findings, one row per entry and rule, ordered by rule, then department,
    then 索引号 (entries withdrawn since are left out). Counted by the database: a run over a
    catalog can hold millions of hits, and the desk lists them as it opens."""
    rank = case({s.value: s.rank for s in Severity}, value=RecheckHit.severity, else_=Severity.INFO.rank)
    word = func.coalesce(RecheckHit.term, RecheckHit.text)
    group = (
        RecheckHit.catalog_entry_id,
        CatalogEntry.index_no,
        CatalogEntry.title,
        Department.name,
        RecheckHit.rule_id,
        RecheckHit.category,
    )
    postgresql = db.url.get_backend_name() == "postgresql"
    words = func.json_agg(distinct(word)) if postgresql else func.json_group_array(distinct(word))
    with db.read() as session:
        rows = session.execute(
            select(*group, func.count(), func.max(rank), words)
            .join(CatalogEntry, CatalogEntry.id == RecheckHit.catalog_entry_id)
            .join(Department, Department.id == RecheckHit.department_id)
            .where(RecheckHit.run_id == run_id, CatalogEntry.status == "published")
            .group_by(*group)
        ).all()
    by_rank = {s.rank: s for s in Severity}
    out = [
        EntryHits(
            entry_id,
            index_no,
            title,
            department,
            rule_id,
            category,
            count,
            by_rank[worst],
            tuple(sorted(found if isinstance(found, list) else json.loads(found))),
        )
        for entry_id, index_no, title, department, rule_id, category, count, worst, found in rows
    ]
    return sorted(out, key=lambda r: (r.rule_id, r.category, r.department, r.index_no, r.entry_id))


def entry_hits(db: Database, run_id: int, entry_id: int) -> list[Finding]:
    with db.read() as session:
        rows = session.scalars(
            select(RecheckHit)
            .where(RecheckHit.run_id == run_id, RecheckHit.catalog_entry_id == entry_id)
            .order_by(RecheckHit.id)
        ).all()

        @functools.cache
        def places() -> list[Any]:
            kept = session.execute(
                select(ReleaseText.text, ReleaseText.places)
                .join(CatalogEntry, CatalogEntry.published_sha256 == ReleaseText.published_sha256)
                .where(CatalogEntry.id == entry_id)
            ).one_or_none()
            if kept is None:
                return []
            try:
                return text_store.read_places(kept.places, text_store.read_text(kept.text))
            except text_store.DamagedText:  # listed without places until a run reads the file again
                return []

        return [stored_hit(r, places) for r in rows]


def run_changes(db: Database, run_id: int) -> tuple[str, dict[str, Any]]:
    with db.read() as session:
        run = session.get(RecheckRun, run_id)
        if run is None:
            raise NotFound(QT_TRANSLATE_NOOP("DeskError", "没有编号为 {run} 的复查。"), run=str(run_id))
        return run.mode, json.loads(run.changes)


def partition_entries(db: Database, part: int, parts: int) -> Iterator[int]:
    """The current entries of one part (what `--partition K/N` works on)."""
    with db.read() as session:
        yield from session.scalars(
            select(CatalogEntry.id)
            .where(_current(), CatalogEntry.id % parts == part)
            .order_by(CatalogEntry.id)
        )


# -- acting on what was found ---------------------------------------------------------------------


def start_correction(db: Database, user_id: int, entry_id: int) -> int:
    """更正: a new draft from the entry's original and catalog fields, to be revised, checked,
    reviewed and published like any draft (the entry stays online until it is replaced or
    withdrawn). A clerk of the entry's department starts it, as any import; returns the draft's id."""
    from app import audit, documents
    from app.db.models import Document, User
    from review.formats import probe

    with db.write() as session:
        user = session.get_one(User, user_id)
        entry = session.get_one(CatalogEntry, entry_id)
        if entry.document_id is None:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("DeskError", "“{index_no}”来自传输包，须在报送它的机器上更正。"),
                index_no=entry.index_no,
            )
        if user.department_id != entry.department_id:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("DeskError", "只有本部门的经办人可以更正目录条目“{index_no}”。"),
                index_no=entry.index_no,
            )
        source = session.get_one(Document, entry.document_id)
        original = source.current_original()
        data = load_blob(session, original.blob_sha256)
        draft = documents.Draft(original.original_name, data, probe(original.original_name, data))
        document = documents.import_draft(
            session,
            user,
            draft,
            title=source.title,
            disclosure=DisclosureMode(source.disclosure),
            doc_number=source.doc_number,
            doc_type=source.doc_type,
        )
        document.category, document.written_on = source.category, source.written_on
        document.summary, document.keywords = source.summary, source.keywords
        session.flush()
        audit.record(
            session,
            user,
            "document.correct",
            document_id=document.id,
            corrects=entry.index_no,
            source=source.id,
        )
        return document.id


def lexicon_version(db: Database, run_id: int, entry_id: int) -> str:
    """The version of the lexicon a run checked an entry with (its department's)."""
    with db.read() as session:
        basis = session.scalars(select(RecheckRun.basis).where(RecheckRun.id == run_id)).one()
        department = session.get_one(CatalogEntry, entry_id).department_id
    return str(json.loads(zlib.decompress(basis))["departments"].get(str(department), ""))
