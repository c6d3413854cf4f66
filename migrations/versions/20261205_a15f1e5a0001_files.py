"""files: images and documents attached to content, and the council's rules for them

Revision ID: a15f1e5a0001
Revises: a7c3e9f1b5d2
Create Date: 2026-12-05 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a15f1e5a0001'
down_revision = 'a7c3e9f1b5d2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_kind", sa.String(length=32), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("storage_key", sa.String(length=64), nullable=False),
        sa.Column("content_type", sa.String(length=64), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("card_width", sa.Integer(), nullable=True),
        sa.Column("card_height", sa.Integer(), nullable=True),
        sa.Column("page_width", sa.Integer(), nullable=True),
        sa.Column("page_height", sa.Integer(), nullable=True),
        sa.Column("alt_text", sa.String(length=250), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('image', 'document')", name=op.f("ck_attachments_kind_known")),
        sa.CheckConstraint("byte_size >= 0", name=op.f("ck_attachments_byte_size_positive")),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["users.id"],
                                name=op.f("fk_attachments_uploaded_by_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_attachments_storage_key")),
    )
    op.create_index("ix_attachments_owner", "attachments", ["owner_kind", "owner_id", "position"])
    op.create_index(op.f("ix_attachments_uploaded_by_id"), "attachments", ["uploaded_by_id"])
    op.create_table(
        "file_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_kind", sa.String(length=32), nullable=False),
        sa.Column("images_allowed", sa.Boolean(), nullable=False),
        sa.Column("documents_allowed", sa.Boolean(), nullable=False),
        sa.Column("max_files", sa.Integer(), nullable=False),
        sa.Column("max_mb", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("max_files >= 0", name=op.f("ck_file_rules_max_files_positive")),
        sa.CheckConstraint("max_mb >= 1", name=op.f("ck_file_rules_max_mb_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_rules")),
        sa.UniqueConstraint("owner_kind", name=op.f("uq_file_rules_owner_kind")),
    )


def downgrade():
    op.drop_table("file_rules")
    op.drop_index(op.f("ix_attachments_uploaded_by_id"), table_name="attachments")
    op.drop_index("ix_attachments_owner", table_name="attachments")
    op.drop_table("attachments")
