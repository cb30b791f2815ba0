"""依申请公开: requests, their actions and answers (issue 19)

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "info_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("applicant_kind", sa.String(), nullable=False),
        sa.Column("applicant_name", sa.Text(), nullable=False),
        sa.Column("applicant_contact", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_ref", sa.Text(), server_default="", nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("outcome_detail", sa.Text(), server_default="", nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answer_document_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_document_id"],
            ["documents.id"],
            name=op.f("fk_info_requests_answer_document_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_info_requests_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_info_requests_department_id_departments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_info_requests")),
        sa.UniqueConstraint("department_id", "number", name="uq_info_requests_number"),
    )
    with op.batch_alter_table("info_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_info_requests_answered_on"), ["answered_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_info_requests_department_id"), ["department_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_info_requests_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_info_requests_status"), ["status"], unique=False)

    op.create_table(
        "request_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("acted_on", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("party", sa.String(), nullable=True),
        sa.Column("ref_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("consented_by", sa.Text(), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["users.id"], name=op.f("fk_request_actions_by_id_users")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_request_actions_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["ref_id"], ["request_actions.id"], name=op.f("fk_request_actions_ref_id_request_actions")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["info_requests.id"], name=op.f("fk_request_actions_request_id_info_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_actions")),
    )
    with op.batch_alter_table("request_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_actions_request_id"), ["request_id"], unique=False)

    op.create_table(
        "request_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_request_attachments_added_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["info_requests.id"], name=op.f("fk_request_attachments_request_id_info_requests")
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["blobs.sha256"], name=op.f("fk_request_attachments_sha256_blobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_attachments")),
    )
    with op.batch_alter_table("request_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_attachments_request_id"), ["request_id"], unique=False)

    op.create_table(
        "request_disclosures",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("listed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_request_disclosures_added_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_request_disclosures_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["request_id"], ["info_requests.id"], name=op.f("fk_request_disclosures_request_id_info_requests")
        ),
        sa.PrimaryKeyConstraint("request_id", "document_id", name=op.f("pk_request_disclosures")),
    )


def downgrade() -> None:
    op.drop_table("request_disclosures")
    with op.batch_alter_table("request_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_attachments_request_id"))

    op.drop_table("request_attachments")
    with op.batch_alter_table("request_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_actions_request_id"))

    op.drop_table("request_actions")
    with op.batch_alter_table("info_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_info_requests_status"))
        batch_op.drop_index(batch_op.f("ix_info_requests_received_on"))
        batch_op.drop_index(batch_op.f("ix_info_requests_department_id"))
        batch_op.drop_index(batch_op.f("ix_info_requests_answered_on"))

    op.drop_table("info_requests")
