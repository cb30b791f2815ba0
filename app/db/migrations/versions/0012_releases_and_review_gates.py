"""releases, declassification records, attested media, editable keywords and summary

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 11:50:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from publish.release import ATTACHMENT, PUBLISHED, Release, ReleaseFile

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "releases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("amends_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["amends_id"], ["releases.id"], name=op.f("fk_releases_amends_id_releases")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_releases_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_releases_document_id_documents")
        ),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], name=op.f("fk_releases_review_id_reviews")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_releases")),
        sa.UniqueConstraint("sha256", name=op.f("uq_releases_sha256")),
    )
    with op.batch_alter_table("releases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_releases_document_id"), ["document_id"], unique=False)

    op.create_table(
        "declassifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("term_expired", sa.Boolean(), nullable=True),
        sa.Column("entered_by_id", sa.Integer(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_declassifications_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entered_by_id"], ["users.id"], name=op.f("fk_declassifications_entered_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["confirmed_by_id"], ["users.id"], name=op.f("fk_declassifications_confirmed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declassifications")),
        sa.UniqueConstraint("finding_id", name=op.f("uq_declassifications_finding_id")),
    )

    with op.batch_alter_table("interpretation_media", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attested_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("attested_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("attest_note", sa.Text(), server_default="", nullable=False))
        batch_op.create_foreign_key(
            batch_op.f("fk_interpretation_media_attested_by_id_users"), "users", ["attested_by_id"], ["id"]
        )

    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("keywords", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("summary", sa.Text(), server_default="", nullable=False))

    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("release_sha256", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_catalog_entries_release_sha256"), ["release_sha256"], unique=False
        )

    _freeze_existing_entries()


def _freeze_existing_entries() -> None:
    """Entries published before releases existed are frozen as they stand, so targets keep serving them."""
    bind = op.get_bind()
    entries = bind.execute(
        sa.text(
            "SELECT e.id, e.title, e.doc_number, e.publisher, e.written_on, e.doc_type, e.category, "
            "e.disclosure, e.keywords, e.summary, e.scope, e.published_sha256, e.document_id, e.review_id, "
            "r.conclusion, b.size FROM catalog_entries e LEFT JOIN reviews r ON r.id = e.review_id "
            "LEFT JOIN blobs b ON b.sha256 = e.published_sha256"
        )
    ).all()
    for row in entries:
        files = [
            ReleaseFile(PUBLISHED, f"{row.title}.pdf", row.published_sha256, "application/pdf", row.size or 0)
        ]
        for a in bind.execute(
            sa.text(
                "SELECT a.name, a.blob_sha256, a.media_type, b.size FROM catalog_attachments a "
                "JOIN blobs b ON b.sha256 = a.blob_sha256 WHERE a.catalog_entry_id = :id ORDER BY a.id"
            ),
            {"id": row.id},
        ):
            files.append(ReleaseFile(ATTACHMENT, a.name, a.blob_sha256, a.media_type, a.size))
        written = row.written_on
        release = Release(
            conclusion=row.conclusion or "disclose",
            title=row.title,
            doc_number=row.doc_number,
            publisher=row.publisher,
            written_on=str(written)[:10] if written else "",
            doc_type=row.doc_type,
            category=row.category,
            disclosure=row.disclosure,
            keywords=tuple(json.loads(row.keywords)),
            summary=row.summary,
            files=tuple(files),
            scope=row.scope,
        )
        sha = release.sha256
        if bind.execute(sa.text("SELECT 1 FROM releases WHERE sha256 = :s"), {"s": sha}).first() is None:
            bind.execute(
                sa.text(
                    "INSERT INTO releases (sha256, document_id, review_id, body, created_at) "
                    "VALUES (:s, :d, :r, :b, CURRENT_TIMESTAMP)"
                ),
                {
                    "s": sha,
                    "d": row.document_id,
                    "r": row.review_id,
                    "b": release.canonical().decode("utf-8"),
                },
            )
        bind.execute(
            sa.text("UPDATE catalog_entries SET release_sha256 = :s WHERE id = :id"), {"s": sha, "id": row.id}
        )


def downgrade() -> None:
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_entries_release_sha256"))
        batch_op.drop_column("release_sha256")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("summary")
        batch_op.drop_column("keywords")
    with op.batch_alter_table("interpretation_media", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_interpretation_media_attested_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("attest_note")
        batch_op.drop_column("attested_at")
        batch_op.drop_column("attested_by_id")
    op.drop_table("declassifications")
    with op.batch_alter_table("releases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_releases_document_id"))
    op.drop_table("releases")
