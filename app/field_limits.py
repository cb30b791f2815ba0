"""How long each text field may be — the same on SQLite and PostgreSQL, told before anything is written.

PostgreSQL enforces `VARCHAR(n)` and SQLite does not: a 600-character title was stored on one and
became a raw `DataError` on the other (and broke `db migrate-to`). The limits here are the models'
own column lengths, read from `app.db.models`, so they cannot drift from the schema.

- Every domain function that takes text from a person or a file (import, metadata edits,
  interpretations, declassification records, categories, users, keys, the lexicon, the 索引号
  scheme, publishing, transfer packages) calls `check`/`check_all` before writing, with the field's
  Chinese name; the UI dialogs show that message in their red line, the CLI exits with 2.
- Text the desk derives (a title from a file's name, a file name built from a title) is shortened
  with `shorten`/`shorten_file_name` instead: the clerk asked for nothing too long.
- `install` checks every row a session flushes, as the last line: a path that forgot to check
  gets the same message on both databases instead of a database error.
- `over_long_rows` finds values stored before these checks existed (`db migrate-to` asks it
  before copying a SQLite desk into PostgreSQL).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, Table, event, func, inspect, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import InstrumentedAttribute, Mapper, Session, sessionmaker

from app.db import models as m
from app.db.models_settings import SignOffStep
from app.errors import QT_TRANSLATE_NOOP, ValidationFailed

ELLIPSIS = "…"

# What a person calls each column that text from a person or a file reaches.
LABELS: dict[InstrumentedAttribute[Any], str] = {
    m.Department.name: "部门全称",
    m.Department.code: "机构代码",
    m.User.login: "登录名",
    m.User.display_name: "姓名",
    m.Document.title: "标题（信息名称）",
    m.Document.doc_number: "发文字号",
    m.Document.doc_type: "公文种类",
    m.Document.category: "主题分类",
    m.Document.publisher: "发布机构",
    m.DocumentFile.original_name: "文件名",
    m.DocumentFile.media_type: "文件类型",
    m.DepartmentRulePack.name: "规则包文件名",
    SignOffStep.role: "签批环节",
    m.FindingRow.term: "词条",
    m.FindingRow.category: "词条类别",
    m.Interpretation.drafting_department: "起草部门",
    m.InterpretationMedia.original_name: "音视频文件名",
    m.InterpretationMedia.media_type: "音视频文件类型",
    m.Declassification.authority: "定密机关",
    m.Declassification.reference: "解密/降密决定的文号",
    m.Category.name: "分类名称",
    m.Category.code: "分类代码",
    m.IndexCounter.scope: "索引号分类代码",
    m.CatalogEntry.index_no: "索引号",
    m.CatalogEntry.title: "信息名称",
    m.CatalogEntry.publisher: "发布机构",
    m.CatalogEntry.doc_number: "发文字号",
    m.CatalogEntry.category: "主题分类",
    m.CatalogEntry.doc_type: "公文种类",
    m.CatalogEntry.disclosure: "公开方式",
    m.CatalogEntry.scope: "公开范围",
    m.CatalogEntry.validity: "有效性",
    m.CatalogEntry.interprets_index_no: "所解读文件的索引号",
    m.CatalogEntry.interpretation_form: "解读形式",
    m.CatalogEntry.legal_kind: "规章/规范性文件标记",
    m.CatalogEntry.amended_by: "修改文件（发文字号或标题）",
    m.CatalogAttachment.name: "附件名",
    m.CatalogAttachment.media_type: "附件类型",
    m.TrustedKey.department_name: "部门全称",
    m.TrustedKey.department_code: "机构代码",
    m.PackageImport.department_code: "机构代码",
    m.SiteFooter.sponsor: "主办单位",
    m.SiteFooter.site_code: "网站标识码",
    m.SiteFooter.icp: "ICP备案号",
    m.SiteFooter.police: "公安机关备案号",
    m.SiteFooter.contact: "联系方式",
}

# Columns only the desk itself fills (hashes, ids, states, codes of its own vocabularies). A new
# String(n) column must be put in one of the two lists (tests/test_field_limits.py).
INTERNAL: frozenset[InstrumentedAttribute[Any]] = frozenset(
    {
        m.User.password_hash,
        m.UserRole.role,
        m.Blob.sha256,
        m.Document.disclosure,
        m.Document.status,
        m.DocumentFile.purpose,
        m.DocumentFile.blob_sha256,
        m.DocumentFile.format,
        m.CheckRun.file_sha256,
        m.CheckRun.lexicon_version,
        m.CheckRun.rulepack_version,
        m.CheckRun.engine_version,
        m.FindingRow.rule_id,
        m.FindingRow.severity,
        m.FindingRow.channel,
        m.Decision.decision,
        m.Decision.basis,
        m.ManualArea.basis,
        m.Review.conclusion,
        m.Review.basis,
        m.Review.published_sha256,
        m.Review.record_sha256,
        m.Interpretation.form,
        m.InterpretationMedia.blob_sha256,
        m.Release.sha256,
        m.IndexCounter.period,
        m.CatalogEntry.published_sha256,
        m.CatalogEntry.record_sha256,
        m.CatalogEntry.release_sha256,
        m.CatalogEntry.source_package,
        m.CatalogEntry.status,
        m.CatalogAttachment.blob_sha256,
        m.PublishJob.target,
        m.PublishJob.action,
        m.PublishJob.status,
        m.AuditEvent.at,
        m.AuditEvent.actor_login,  # a login, checked when the user was created
        m.AuditEvent.action,
        m.AuditEvent.prev_hash,
        m.AuditEvent.hash,
        m.AuditEvent.seal,
        m.AuditHead.last_hash,
        m.SigningKey.key_id,
        m.SigningKey.storage,
        m.TrustedKey.key_id,
        m.PackageExport.package_id,
        m.PackageExport.key_id,
        m.PackageExport.sha256,
        m.PackageImport.package_id,
        m.PackageImport.key_id,
        m.PackageImport.sha256,
    }
)


class FieldTooLong(ValidationFailed):
    """A text longer than its column allows; nothing was written."""


def limit(field: InstrumentedAttribute[Any]) -> int | None:
    """The column's length in characters (PostgreSQL counts characters, as Python's len does);
    None for TEXT, which has no limit on either database."""
    length = getattr(field.property.columns[0].type, "length", None)
    return length if isinstance(length, int) else None


def label(field: InstrumentedAttribute[Any]) -> str:
    return LABELS.get(field) or f"{field.class_.__tablename__}.{field.key}"


def problem(
    field: InstrumentedAttribute[Any], value: str | None, *, name: str | None = None, item: str = ""
) -> FieldTooLong | None:
    """The error `check` would raise, or None: for a dialog that wants to say it before saving."""
    most = limit(field)
    if value is None or most is None or len(value) <= most:
        return None
    params = {"field": name or label(field), "limit": most, "length": len(value)}
    if item:
        return FieldTooLong(
            QT_TRANSLATE_NOOP(
                "DeskError", "“{item}”的{field}不能超过 {limit} 个字符（现有 {length} 个），没有保存。"
            ),
            item=item,
            **params,
        )
    return FieldTooLong(
        QT_TRANSLATE_NOOP("DeskError", "{field}不能超过 {limit} 个字符（现有 {length} 个），没有保存。"),
        **params,
    )


def check(
    field: InstrumentedAttribute[Any], value: str | None, *, name: str | None = None, item: str = ""
) -> None:
    """Refuses `value` for `field` if it is too long, naming the field (and `item`, the row it is for)."""
    error = problem(field, value, name=name, item=item)
    if error is not None:
        raise error


def check_all(values: Iterable[tuple[InstrumentedAttribute[Any], str | None]], *, item: str = "") -> None:
    for field, value in values:
        check(field, value, item=item)


def too_long(field: InstrumentedAttribute[Any], value: str) -> bool:
    return problem(field, value) is not None


def shorten(field: InstrumentedAttribute[Any], value: str) -> str:
    """`value` cut to fit `field`, ending in "…" when cut (for text the desk derived, not typed)."""
    most = limit(field)
    if most is None or len(value) <= most:
        return value
    return value[: most - len(ELLIPSIS)].rstrip() + ELLIPSIS


# An extension, and the qualifier the desk puts before it ("（保密审查单）.pdf"): kept when a name is cut.
_ENDING = re.compile(r"(?:（[^（）]{1,16}）)?\.[0-9A-Za-z]{1,8}$")


def shorten_file_name(field: InstrumentedAttribute[Any], name: str) -> str:
    """A file name cut to fit `field`, keeping its extension (what the file is recognised by) and the
    desk's qualifier before it."""
    most = limit(field)
    if most is None or len(name) <= most:
        return name
    found = _ENDING.search(name)
    ending = found.group(0) if found is not None and len(found.group(0)) < most // 2 else ""
    stem = name[: len(name) - len(ending)]
    return stem[: most - len(ending) - len(ELLIPSIS)].rstrip() + ELLIPSIS + ending


# -- the last line: every row a session flushes -----------------------------------------------

_COLUMNS: dict[Mapper[Any], list[tuple[str, InstrumentedAttribute[Any]]]] = {}


def _limited_columns(mapper: Mapper[Any]) -> list[tuple[str, InstrumentedAttribute[Any]]]:
    columns = _COLUMNS.get(mapper)
    if columns is None:
        columns = [
            (prop.key, getattr(mapper.class_, prop.key))
            for prop in mapper.column_attrs
            if isinstance(prop.columns[0].type, String) and prop.columns[0].type.length
        ]
        _COLUMNS[mapper] = columns
    return columns


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    for obj in (*session.new, *session.dirty):
        state = inspect(obj)
        loaded = state.dict  # only what is in memory: checking must not load anything
        for key, field in _limited_columns(state.mapper):
            value = loaded.get(key)
            if isinstance(value, str):
                check(field, value)


def install(sessions: sessionmaker[Session]) -> None:
    """Checks every new or changed row of these sessions before it is written."""
    event.listen(sessions, "before_flush", _before_flush)


# -- values stored before the checks ------------------------------------------------------------


def over_long_rows(connection: Connection, tables: Iterable[Table], at_most: int = 20) -> list[str]:
    """Descriptions of stored values longer than their column (at most `at_most`), one pass a table."""
    fields = {(f.class_.__tablename__, f.key): f for f in (*LABELS, *INTERNAL)}
    found: list[str] = []
    for table in tables:
        limited = [(c, c.type.length) for c in table.columns if isinstance(c.type, String) and c.type.length]
        if not limited:
            continue
        keys = list(table.primary_key.columns)
        lengths = [func.length(c) for c, _ in limited]
        rows = connection.execute(
            select(*keys, *lengths)
            .where(or_(*(n > most for n, (_, most) in zip(lengths, limited, strict=True))))
            .limit(at_most - len(found))
        ).all()
        for row in rows:
            key = "/".join(str(v) for v in row[: len(keys)])
            for (column, most), length in zip(limited, row[len(keys) :], strict=True):
                if length is not None and length > most:
                    field = fields.get((table.name, column.name))
                    name = label(field) if field is not None else f"{table.name}.{column.name}"
                    found.append(f"{table.name} {key} 的{name}有 {length} 个字符（上限 {most}）")
        if len(found) >= at_most:
            return found[:at_most]
    return found
