"""The department's Ed25519 keys for transfer packages: its own signing key, and the public keys
of departments whose packages this machine accepts.

The private key is encrypted with a passphrase and kept in the system keyring; without a secure
keyring it is kept, still encrypted, as a file of the data directory (readable by its owner only).
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit, field_limits
from app.atomic import write_bytes_atomic
from app.db.models import Department, SigningKey, TrustedKey, User, utcnow
from app.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationFailed
from app.roles import Role
from app.secrets import SecretUnavailable, get_secret, secure_backend, set_secret
from publish.transfer import (
    PublicKeyFile,
    key_id,
    load_private_pem,
    load_public_pem,
    new_private_key,
    private_pem,
    public_pem,
)


def _secret_name(kid: str) -> str:
    return f"signing-key:{kid}"


def _admin(user: User) -> int:
    if not user.has_role(Role.ADMIN) or user.department_id is None:
        raise PermissionDenied(QT_TRANSLATE_NOOP("DeskError", "只有部门的系统管理员可以管理密钥。"))
    return user.department_id


def generate(session: Session, user: User, passphrase: str, keys_dir: Path) -> SigningKey:
    """A new signing key for the user's department; an earlier one is retired (key rotation)."""
    department_id = _admin(user)
    key = new_private_key()
    pem = private_pem(key, passphrase)
    kid = key_id(key.public_key())
    storage = "file"
    if secure_backend():
        try:
            set_secret(_secret_name(kid), pem.decode("ascii"))
            storage = "keyring"
        except SecretUnavailable:
            pass  # the keyring refused: the encrypted file, as on a machine without one
    if storage == "file":
        write_bytes_atomic(keys_dir / f"{kid}.pem", pem)  # mkstemp: owner-only permissions
    retired = []
    for old in session.scalars(
        select(SigningKey).where(SigningKey.department_id == department_id, SigningKey.retired_at.is_(None))
    ):
        old.retired_at = utcnow()
        retired.append(old.key_id)
    row = SigningKey(
        key_id=kid, department_id=department_id, public_pem=public_pem(key.public_key()), storage=storage
    )
    session.add(row)
    session.flush()
    audit.record(session, user, "key.generate", key_id=kid, storage=storage, retired=retired)
    return row


def active(session: Session, department_id: int) -> SigningKey:
    row = session.scalars(
        select(SigningKey)
        .where(SigningKey.department_id == department_id, SigningKey.retired_at.is_(None))
        .order_by(SigningKey.created_at.desc())
    ).first()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("DeskError", "本部门还没有签名密钥。请系统管理员先生成密钥（key generate）。")
        )
    return row


def unlock(row: SigningKey, passphrase: str, keys_dir: Path) -> Ed25519PrivateKey:
    """The private key, decrypted with its passphrase."""
    try:
        if row.storage == "keyring":
            pem = get_secret(_secret_name(row.key_id)).encode("ascii")
        else:
            pem = (keys_dir / f"{row.key_id}.pem").read_bytes()
    except SecretUnavailable as exc:
        raise NotFound(
            QT_TRANSLATE_NOOP("DeskError", "无法从系统密钥环取得签名密钥 {key} 的私钥：{reason}"),
            key=row.key_id[:16],
            reason=exc.message,
        ) from exc
    except OSError as exc:
        raise NotFound(
            QT_TRANSLATE_NOOP("DeskError", "{folder} 中找不到签名密钥 {key} 的私钥文件。"),
            key=row.key_id[:16],
            folder=str(keys_dir),
        ) from exc
    return load_private_pem(pem, passphrase)


def public_key_file(session: Session, user: User) -> PublicKeyFile:
    if user.department is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("DeskError", "{user}不属于任何部门。"), user=user.display_name
        )
    row = active(session, user.department.id)
    return PublicKeyFile(user.department.name, user.department.code, row.key_id, row.public_pem)


def register(session: Session, user: User, key_file: PublicKeyFile) -> TrustedKey:
    """Trusts a department's public key here; creates that department if this desk has none by its code."""
    _admin(user)
    existing = session.get(TrustedKey, key_file.key_id)
    if existing is not None and existing.revoked_at is not None:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("DeskError", "密钥 {key} 已被吊销，不能再次登记。"), key=key_file.key_id[:16]
        )
    if existing is not None:
        return existing
    # A key file is input from elsewhere: its names must fit where they are kept.
    field_limits.check(TrustedKey.department_name, key_file.department_name)
    field_limits.check(TrustedKey.department_code, key_file.department_code)
    if session.scalar(select(Department).where(Department.code == key_file.department_code)) is None:
        session.add(Department(name=key_file.department_name, code=key_file.department_code))
    row = TrustedKey(
        key_id=key_file.key_id,
        department_name=key_file.department_name,
        department_code=key_file.department_code,
        public_pem=key_file.public_pem,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        user,
        "key.register",
        key_id=row.key_id,
        department=row.department_name,
        code=row.department_code,
    )
    return row


def revoke(session: Session, user: User, kid: str, reason: str) -> None:
    """Packages signed with a revoked key are refused from now on; a revoked own key signs no more."""
    _admin(user)
    if not reason.strip():
        raise ValidationFailed(QT_TRANSLATE_NOOP("DeskError", "吊销密钥必须填写理由。"))
    trusted = session.get(TrustedKey, kid)
    own = session.get(SigningKey, kid)
    if trusted is None and own is None:
        raise NotFound(QT_TRANSLATE_NOOP("DeskError", "没有编号为 {key} 的密钥。"), key=kid[:16])
    now = utcnow()
    if trusted is not None and trusted.revoked_at is None:
        trusted.revoked_at, trusted.revoked_reason = now, reason.strip()
    if own is not None and own.retired_at is None:
        own.retired_at = now
    session.flush()
    audit.record(session, user, "key.revoke", key_id=kid, reason=reason.strip())


def trusted_public_key(session: Session, kid: str) -> Ed25519PublicKey | None:
    row = session.get(TrustedKey, kid)
    if row is None or row.revoked_at is not None:
        return None
    return load_public_pem(row.public_pem)
