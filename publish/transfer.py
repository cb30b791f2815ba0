"""Signed transfer packages: how approved items leave an air-gapped review machine.

A package is a ZIP file holding `manifest.json` (what it carries, with the SHA-256 and size of
every file), `manifest.sig` (an Ed25519 signature over the manifest's exact bytes) and the files
under `files/<sha256>`. Reading one verifies, before anything is used: the signature against the
keys the reader trusts, then every file against the manifest, and that nothing else is inside.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from publish.files import atomic_file
from publish.release import canonical_json
from review.errors import QT_TRANSLATE_NOOP, TranslatableError

FORMAT = "disclosure-desk-transfer/1"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
MAX_PACKAGE_BYTES = 4 * 1024**3
_FILE_NAME = re.compile(r"files/[0-9a-f]{64}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_MANIFEST_BYTES = 64 * 2**20  # about 200,000 items; a package is exported per working batch
_KEY_ID = re.compile(rb'"key_id":"([0-9a-f]{1,64})"')


class TransferError(TranslatableError):
    """A package or key that cannot be used; nothing was changed."""


# -- keys ------------------------------------------------------------------------------------


def key_id(public: Ed25519PublicKey) -> str:
    """A short, stable name for a public key: the start of the SHA-256 of its raw bytes."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def new_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_pem(key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The private key as PKCS#8 PEM, encrypted with the passphrase (never stored in the clear)."""
    if len(passphrase) < 8:
        raise TransferError(QT_TRANSLATE_NOOP("DeskError", "私钥口令至少需要 8 个字符。"))
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def load_private_pem(pem: bytes, passphrase: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise TransferError(QT_TRANSLATE_NOOP("DeskError", "私钥口令不正确，或私钥文件已损坏。")) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise TransferError(QT_TRANSLATE_NOOP("DeskError", "私钥不是 Ed25519 密钥。"))
    return key


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def load_public_pem(pem: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem.encode("utf-8"))
    except ValueError as exc:
        raise TransferError(QT_TRANSLATE_NOOP("DeskError", "公钥无法读取。")) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise TransferError(QT_TRANSLATE_NOOP("DeskError", "公钥不是 Ed25519 密钥。"))
    return key


@dataclass(frozen=True)
class PublicKeyFile:
    """What one department hands another to be trusted: its name, code and public key."""

    department_name: str
    department_code: str
    key_id: str
    public_pem: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": "disclosure-desk-public-key/1",
                "department_name": self.department_name,
                "department_code": self.department_code,
                "key_id": self.key_id,
                "public_key": self.public_pem,
            },
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> PublicKeyFile:
        try:
            data = json.loads(text)
            if data.get("format") != "disclosure-desk-public-key/1":
                raise ValueError("format")
            result = cls(data["department_name"], data["department_code"], data["key_id"], data["public_key"])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise TransferError(QT_TRANSLATE_NOOP("DeskError", "不是审发台的公钥文件。")) from exc
        if key_id(load_public_pem(result.public_pem)) != result.key_id:
            raise TransferError(QT_TRANSLATE_NOOP("DeskError", "公钥文件中的密钥编号与公钥不符。"))
        return result


# -- writing ---------------------------------------------------------------------------------


def write_package(
    path: Path,
    manifest: dict[str, Any],
    files: Iterable[tuple[str, bytes]],
    key: Ed25519PrivateKey,
) -> str:
    """Writes the package atomically; `files` are (sha256, bytes). Returns the package's SHA-256."""
    manifest = dict(manifest, format=FORMAT, key_id=key_id(key.public_key()))
    body = canonical_json(manifest)
    signature = base64.b64encode(key.sign(body))
    with atomic_file(path) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, body)
        archive.writestr(SIGNATURE, signature)
        written = set()
        for sha, data in files:
            if sha in written:
                continue
            if hashlib.sha256(data).hexdigest() != sha:
                raise ValueError("a file is not the verified one")  # callers pass checked bytes
            archive.writestr(f"files/{sha}", data)
            written.add(sha)
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedPackage:
    manifest: dict[str, Any]
    sha256: str
    files: dict[str, bytes]  # every file the manifest names, each checked against its hash

    @property
    def package_id(self) -> str:
        return str(self.manifest["package_id"])


def _well_formed(manifest: dict[str, Any]) -> bool:
    """The shape the desk writes, which every reader after this one takes for granted: a signed
    manifest is still not trusted to be well made."""
    items = manifest.get("items")
    if (
        not isinstance(items, list)
        or type(manifest.get("sequence")) is not int
        or not isinstance(manifest.get("department", {}), dict)
    ):
        return False
    for item in items:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("action"), str)
            and isinstance(item.get("index_no"), str)
            and isinstance(item.get("entry"), dict)
            and isinstance(item.get("files", []), list)
        ):
            return False
        for f in item.get("files", []):
            if not (
                isinstance(f, dict)
                and _SHA256.fullmatch(str(f.get("sha256")))
                and type(f.get("size")) is int
                and f["size"] >= 0
            ):
                return False
    return True


def declared_files(manifest: dict[str, Any]) -> dict[str, int]:
    """sha256 → size of every file the manifest's items name."""
    out: dict[str, int] = {}
    for item in manifest.get("items", []):
        for f in item.get("files", []):
            out[str(f["sha256"])] = int(f["size"])
    return out


class _TooLarge(Exception):
    pass


def _read_bounded(archive: zipfile.ZipFile, member: str, limit: int) -> bytes:
    """A member's bytes, inflated no further than `limit` whatever its header claims."""
    data = bytearray()
    with archive.open(member) as f:
        while chunk := f.read(2**20):
            data += chunk
            if len(data) > limit:
                raise _TooLarge(member)
    return bytes(data)


def read_package(path: Path, trusted: Callable[[str], Ed25519PublicKey | None]) -> VerifiedPackage:
    """Opens and verifies a package; `trusted(key_id)` gives a registered, unrevoked key or None."""
    name = path.name
    try:
        on_disk = path.stat()
        if not stat.S_ISREG(on_disk.st_mode):  # a FIFO would block the reader, /dev/zero never end
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”不是普通文件，拒绝读取。"), name=name
            )
        if on_disk.st_size > MAX_PACKAGE_BYTES:
            raise TransferError(QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”过大，拒绝读取。"), name=name)
        with path.open("rb") as f:  # no further than its size: a file still growing reads as cut short
            data = f.read(on_disk.st_size)
    except OSError as exc:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "无法读取传输包“{name}”：{reason}"), name=name, reason=exc.strerror
        ) from exc
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {info.filename: info for info in archive.infolist()}
        if len(members) != len(archive.infolist()):
            # Two members of one name: another tool would show the first, zipfile reads the last.
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”含有重名的文件，拒绝导入。"), name=name
            )
        if MANIFEST not in members or SIGNATURE not in members:
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”没有签名或清单，拒绝导入。"), name=name
            )
        # Nothing is inflated or parsed beyond a small bound before the signature is checked: a
        # 1 MB package may carry a manifest that inflates to gigabytes.
        body = _read_bounded(archive, MANIFEST, MAX_MANIFEST_BYTES)
        signature = base64.b64decode(_read_bounded(archive, SIGNATURE, 1024), validate=True)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”已损坏或不完整（可能被截断）。"), name=name
        ) from exc
    except _TooLarge as exc:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”的清单过大（超过 {limit} MB），拒绝读取。"),
            name=name,
            limit=MAX_MANIFEST_BYTES // 2**20,
        ) from exc
    # The signer is read from the canonical bytes without parsing them; the manifest is parsed only
    # once its signature is good.
    found = _KEY_ID.search(body)
    if found is None:
        raise TransferError(QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”的清单无法识别。"), name=name)
    signer = found.group(1).decode("ascii")
    key = trusted(signer)
    if key is None:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”由未登记或已吊销的密钥（{key}）签名，拒绝导入。"),
            name=name,
            key=signer[:16],
        )
    try:
        key.verify(signature, body)
    except InvalidSignature as exc:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”的签名无效：清单在签名后被改动过。"), name=name
        ) from exc
    try:
        manifest = json.loads(body)
        if (
            manifest.get("format") != FORMAT
            or str(manifest["key_id"]) != signer
            or not _well_formed(manifest)
        ):
            raise ValueError("format")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”的清单无法识别。"), name=name
        ) from exc
    expected = declared_files(manifest)
    extra = set(members) - {MANIFEST, SIGNATURE} - {f"files/{sha}" for sha in expected}
    if extra or any(not _FILE_NAME.fullmatch(m) for m in set(members) - {MANIFEST, SIGNATURE}):
        raise TransferError(
            QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”含有清单之外的文件，拒绝导入。"), name=name
        )
    files = {}
    for sha, size in expected.items():
        info = members.get(f"files/{sha}")
        if info is None or info.file_size != size:
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”缺少文件或文件大小不符（{sha}）。"),
                name=name,
                sha=sha[:16],
            )
        try:
            content = archive.read(info)
        except (zipfile.BadZipFile, EOFError) as exc:
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”已损坏或不完整（可能被截断）。"), name=name
            ) from exc
        if hashlib.sha256(content).hexdigest() != sha:
            raise TransferError(
                QT_TRANSLATE_NOOP("DeskError", "传输包“{name}”中的文件 {sha} 与清单的哈希不符。"),
                name=name,
                sha=sha[:16],
            )
        files[sha] = content
    return VerifiedPackage(manifest, hashlib.sha256(data).hexdigest(), files)
