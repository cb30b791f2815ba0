"""The answer package for an applicant: the 答复书 and the information disclosed, as PDFs in one ZIP,
with a manifest of their SHA-256 signed by the department's Ed25519 key.

Layout: `manifest.json` (what the package holds: each file's name, role, SHA-256 and size),
`manifest.sig` (base64 Ed25519 signature over the manifest's exact bytes), `public_key.pem` (the
key that signed, for an applicant who has the department's published key id to compare), the
files under their names, and 说明.txt, which lists them with their SHA-256 for a reader without
tools. Written atomically: a reader sees a whole package or none.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from publish.files import atomic_file
from publish.release import canonical_json
from publish.transfer import key_id, load_public_pem, public_pem
from review.errors import QT_TRANSLATE_NOOP, TranslatableError

FORMAT = "disclosure-desk-answer/1"
MANIFEST, SIGNATURE, PUBLIC_KEY = "manifest.json", "manifest.sig", "public_key.pem"
ANSWER, DISCLOSED, GUIDE = "answer", "disclosed", "guide"  # roles of the files
README = "说明.txt"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class AnswerPackageError(TranslatableError):
    """A package that does not verify."""


@dataclass(frozen=True)
class PackageFile:
    name: str  # the name in the package (see file_name)
    role: str  # ANSWER or DISCLOSED
    data: bytes


def file_name(title: str, *, prefix: str = "", most: int = 60) -> str:
    """A PDF name any file system takes: the title without path or reserved characters, shortened."""
    stem = _UNSAFE.sub("_", title).strip(" ._") or "文件"
    return f"{prefix}{stem[:most]}.pdf"


def _guide(manifest: dict[str, Any], files: list[PackageFile], kid: str) -> bytes:
    """What the package holds, for an applicant without tools: each file with its SHA-256, and how
    the list is signed."""
    lines = [
        f"{manifest.get('agency', '')} 政府信息公开申请答复材料（受理编号 {manifest.get('request', '')}）",
        "",
        "本材料包含以下文件（SHA-256 校验值）：",
        *(f"  {f.name}  {hashlib.sha256(f.data).hexdigest()}" for f in files),
        "",
        f"文件清单 {MANIFEST} 由本机关签名密钥（密钥编号 {kid}）以 Ed25519 签名，签名见 {SIGNATURE}，",
        f"公钥见 {PUBLIC_KEY}。可向本机关核对密钥编号。",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")  # opens right in Windows Notepad


def write_answer_package(
    path: Path, manifest: dict[str, Any], files: list[PackageFile], key: Ed25519PrivateKey
) -> str:
    """Writes the signed package atomically; returns its SHA-256."""
    files = [*files, PackageFile(README, GUIDE, _guide(manifest, files, key_id(key.public_key())))]
    names = [f.name for f in files]
    if len(set(names)) != len(names) or {MANIFEST, SIGNATURE, PUBLIC_KEY} & set(names):
        raise ValueError("package file names must be unique and not the manifest's")  # callers number them
    body = canonical_json(
        dict(
            manifest,
            format=FORMAT,
            key_id=key_id(key.public_key()),
            files=[
                {
                    "name": f.name,
                    "role": f.role,
                    "sha256": hashlib.sha256(f.data).hexdigest(),
                    "size": len(f.data),
                }
                for f in files
            ],
        )
    )
    with atomic_file(path) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, body)
        archive.writestr(SIGNATURE, base64.b64encode(key.sign(body)))
        archive.writestr(PUBLIC_KEY, public_pem(key.public_key()))
        for f in files:
            archive.writestr(f.name, f.data)
    with path.open("rb") as written:
        return hashlib.file_digest(written, "sha256").hexdigest()


def read_answer_package(path: Path, expected_key_id: str | None = None) -> dict[str, Any]:
    """The manifest of a package whose signature and every file verify (against `expected_key_id`,
    the department's published key id, when given); refuses anything else."""
    import json

    def refused(template: str, **params: str) -> AnswerPackageError:
        return AnswerPackageError(template, name=path.name, **params)

    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = [e.filename for e in entries]
            if len(set(names)) != len(names):
                # Readers differ on which of two same-named entries they show: the verified one or not.
                raise refused(
                    QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”中有重复的文件名，可能被篡改。")
                )
            stored = {e.filename: archive.read(e) for e in entries}
        body = stored[MANIFEST]
        signature = base64.b64decode(stored[SIGNATURE])
        public = load_public_pem(stored[PUBLIC_KEY].decode("ascii"))
        manifest = json.loads(body)
        contents = {n: data for n, data in stored.items() if n not in (MANIFEST, SIGNATURE, PUBLIC_KEY)}
    except AnswerPackageError:
        raise
    except (OSError, KeyError, ValueError, TranslatableError, zipfile.BadZipFile) as exc:
        raise refused(QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”不完整或已损坏。")) from exc
    if manifest.get("format") != FORMAT or manifest.get("key_id") != key_id(public):
        raise refused(QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”的清单与签名公钥不符。"))
    if expected_key_id is not None and manifest["key_id"] != expected_key_id:
        raise refused(QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”不是用该机关的签名密钥签署的。"))
    try:
        public.verify(signature, body)
    except InvalidSignature as exc:
        raise refused(QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”的签名无效。")) from exc
    listed = {f["name"]: f for f in manifest["files"]}
    if set(listed) != set(contents):
        raise refused(QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”内的文件与清单不一致。"))
    for name, data in contents.items():
        if hashlib.sha256(data).hexdigest() != listed[name]["sha256"]:
            raise refused(
                QT_TRANSLATE_NOOP("DeskError", "答复材料包“{name}”中“{file}”的 SHA-256 与清单不符。"),
                file=name,
            )
    return dict(manifest)
