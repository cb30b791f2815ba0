"""transfer packages and keys; catalog entries that carry their own links

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 22:38:34.223596
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trusted_keys",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("department_name", sa.String(length=255), nullable=False),
        sa.Column("department_code", sa.String(length=32), nullable=False),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_trusted_keys")),
    )
    op.create_table(
        "package_exports",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_package_exports_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_package_exports")),
    )
    with op.batch_alter_table("package_exports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_package_exports_department_id"), ["department_id"], unique=False)

    op.create_table(
        "signing_keys",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("storage", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_signing_keys_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_signing_keys")),
    )
    with op.batch_alter_table("signing_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signing_keys_department_id"), ["department_id"], unique=False)

    op.create_table(
        "package_imports",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("department_code", sa.String(length=32), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["imported_by_id"], ["users.id"], name=op.f("fk_package_imports_imported_by_id_users")
        ),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_package_imports")),
        sa.UniqueConstraint("department_code", "sequence", name="uq_package_imports_sequence"),
    )
    op.create_table(
        "catalog_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalog_entry_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_sha256"], ["blobs.sha256"], name=op.f("fk_catalog_attachments_blob_sha256_blobs")
        ),
        sa.ForeignKeyConstraint(
            ["catalog_entry_id"],
            ["catalog_entries.id"],
            name=op.f("fk_catalog_attachments_catalog_entry_id_catalog_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalog_attachments")),
    )
    with op.batch_alter_table("catalog_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_catalog_attachments_catalog_entry_id"), ["catalog_entry_id"], unique=False
        )

    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("record_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("interprets_index_no", sa.String(length=80), nullable=True))
        batch_op.add_column(
            sa.Column("interpretation_form", sa.String(length=16), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("source_package", sa.String(length=36), nullable=True))
        batch_op.alter_column("document_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.alter_column("review_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_catalog_entries_interprets_index_no"), ["interprets_index_no"], unique=False
        )

    # Entries published before: their links, form and review record, from the desk's own tables.
    op.execute(
        """
        UPDATE catalog_entries SET
          interprets_index_no = (
            SELECT parent.index_no FROM interpretations i
            JOIN catalog_entries parent ON parent.document_id = i.interprets_id AND parent.status = 'published'
            WHERE i.document_id = catalog_entries.document_id),
          interpretation_form = COALESCE(
            (SELECT i.form FROM interpretations i WHERE i.document_id = catalog_entries.document_id), ''),
          record_sha256 = (SELECT r.record_sha256 FROM reviews r WHERE r.id = catalog_entries.review_id)
        """
    )
    op.execute(
        """
        INSERT INTO catalog_attachments (catalog_entry_id, name, blob_sha256, media_type)
        SELECT ce.id, m.original_name, m.blob_sha256, m.media_type
        FROM catalog_entries ce JOIN interpretation_media m ON m.interpretation_id = ce.document_id
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("catalog_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_entries_interprets_index_no"))
        batch_op.alter_column("review_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.alter_column("document_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("source_package")
        batch_op.drop_column("interpretation_form")
        batch_op.drop_column("interprets_index_no")
        batch_op.drop_column("record_sha256")

    with op.batch_alter_table("catalog_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalog_attachments_catalog_entry_id"))

    op.drop_table("catalog_attachments")
    op.drop_table("package_imports")
    with op.batch_alter_table("signing_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signing_keys_department_id"))

    op.drop_table("signing_keys")
    with op.batch_alter_table("package_exports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_package_exports_department_id"))

    op.drop_table("package_exports")
    op.drop_table("trusted_keys")
