"""The release: everything of an approved item that can leave the desk, frozen under one SHA-256.

Made at approval from what the reviewer saw (the published PDF, attachments, the catalog's free-text
fields), it is what every target publishes and nothing else. Its canonical form is JSON with sorted
keys; the hash covers exactly those bytes, so a field or file changed anywhere after approval no
longer matches it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from review.errors import QT_TRANSLATE_NOOP, TranslatableError

FORMAT = 1

# What each kind of conclusion lets out: 依申请公开 publishes a catalog line and no content.
DISCLOSE, DISCLOSE_REDACTED, ON_REQUEST = "disclose", "disclose_redacted", "on_request"
PUBLISHED, ATTACHMENT = "published", "attachment"  # roles of released files


class ReleaseError(TranslatableError):
    """Content that is not the frozen release (or a release that is not well formed)."""


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class ReleaseFile:
    role: str  # PUBLISHED or ATTACHMENT
    name: str
    sha256: str
    media_type: str
    size: int


@dataclass(frozen=True)
class Release:
    conclusion: str
    title: str
    doc_number: str
    publisher: str
    written_on: str  # ISO date or ""
    doc_type: str
    category: str
    disclosure: str
    keywords: tuple[str, ...]
    summary: str
    files: tuple[ReleaseFile, ...] = field(default=())
    scope: str = "面向社会"  # 公开范围
    effective_on: str = ""  # 施行日期, ISO or "" (规章 and 规范性文件 only)
    valid_until: str = ""  # 有效期至, ISO or ""

    def as_json(self) -> dict[str, Any]:
        body = {
            "format": FORMAT,
            "conclusion": self.conclusion,
            "title": self.title,
            "doc_number": self.doc_number,
            "publisher": self.publisher,
            "written_on": self.written_on,
            "doc_type": self.doc_type,
            "category": self.category,
            "disclosure": self.disclosure,
            "keywords": list(self.keywords),
            "summary": self.summary,
            "scope": self.scope,
            "files": [
                {
                    "role": f.role,
                    "name": f.name,
                    "sha256": f.sha256,
                    "media_type": f.media_type,
                    "size": f.size,
                }
                for f in self.files
            ],
        }
        # Written only when set: every release frozen before these existed keeps its bytes and hash.
        body.update(
            {k: v for k, v in (("effective_on", self.effective_on), ("valid_until", self.valid_until)) if v}
        )
        return body

    def canonical(self) -> bytes:
        return canonical_json(self.as_json())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()

    @classmethod
    def from_canonical(cls, body: bytes, expected_sha256: str | None = None) -> Release:
        """Reads a stored or carried release; refuses one whose bytes are not `expected_sha256`."""
        if expected_sha256 is not None and hashlib.sha256(body).hexdigest() != expected_sha256:
            raise ReleaseError(QT_TRANSLATE_NOOP("DeskError", "发布内容与冻结时的校验值不一致，拒绝发布。"))
        try:
            data = json.loads(body)
            release = cls(
                conclusion=str(data["conclusion"]),
                title=str(data["title"]),
                doc_number=str(data["doc_number"]),
                publisher=str(data["publisher"]),
                written_on=str(data["written_on"]),
                doc_type=str(data["doc_type"]),
                category=str(data["category"]),
                disclosure=str(data["disclosure"]),
                keywords=tuple(str(k) for k in data["keywords"]),
                summary=str(data["summary"]),
                scope=str(data["scope"]),
                effective_on=str(data.get("effective_on", "")),
                valid_until=str(data.get("valid_until", "")),
                files=tuple(
                    ReleaseFile(
                        str(f["role"]), str(f["name"]), str(f["sha256"]), str(f["media_type"]), int(f["size"])
                    )
                    for f in data["files"]
                ),
            )
        except (ValueError, KeyError, TypeError) as e:
            raise ReleaseError(QT_TRANSLATE_NOOP("DeskError", "发布内容格式无效。")) from e
        if data.get("format") != FORMAT or release.canonical() != body:
            raise ReleaseError(QT_TRANSLATE_NOOP("DeskError", "发布内容格式无效。"))
        if release.conclusion == ON_REQUEST and release.files:
            raise ReleaseError(QT_TRANSLATE_NOOP("DeskError", "依申请公开的条目不能带有文件。"))
        return release

    @property
    def published_file(self) -> ReleaseFile | None:
        return next((f for f in self.files if f.role == PUBLISHED), None)

    @property
    def attachments(self) -> tuple[ReleaseFile, ...]:
        return tuple(f for f in self.files if f.role == ATTACHMENT)

    def text_fields(self) -> list[tuple[str, str]]:
        """(place, text) of every free text that goes out with the release, for the check engine."""
        fields = [
            (FIELD_LABELS["title"], self.title),
            (FIELD_LABELS["doc_number"], self.doc_number),
            (FIELD_LABELS["publisher"], self.publisher),
            (FIELD_LABELS["keywords"], "、".join(self.keywords)),
            (FIELD_LABELS["summary"], self.summary),
            (FIELD_LABELS["category"], self.category),
            (FIELD_LABELS["scope"], self.scope),
        ]
        fields += [(FIELD_LABELS["file_name"], f.name) for f in self.files]
        return [(place, text) for place, text in fields if text.strip()]


# Places of the catalog fields as findings and messages name them ("目录字段 主题词").
FIELD_LABELS = {
    "title": "目录字段 信息名称",
    "doc_number": "目录字段 发文字号",
    "publisher": "目录字段 发布机构",
    "keywords": "目录字段 主题词",
    "summary": "目录字段 内容概述",
    "category": "目录字段 主题分类",
    "scope": "目录字段 公开范围",
    "file_name": "目录字段 文件名",
}
