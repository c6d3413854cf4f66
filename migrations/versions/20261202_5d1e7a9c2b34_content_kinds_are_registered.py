"""content kinds are registered, not enumerated

Comments and moderation rows name the kind of content they are about (``target_kind``) with
the value a feature registers (``participa.core.content``): a plain string, so adding a
commentable or reportable kind needs no schema change. The CHECK constraints that listed the
kinds go.

Revision ID: 5d1e7a9c2b34
Revises: 8c52cdb61dd7
Create Date: 2026-12-02 03:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d1e7a9c2b34'
down_revision = '8c52cdb61dd7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_comments_comment_target_kind'), type_='check')
    with op.batch_alter_table('moderations', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_moderations_moderation_target_kind'), type_='check')


def downgrade():
    with op.batch_alter_table('moderations', schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f('ck_moderations_moderation_target_kind'),
            sa.text("target_kind IN ('proposals', 'debates', 'comments', 'meetings', 'people')"),
        )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f('ck_comments_comment_target_kind'),
            sa.text("target_kind IN ('proposals', 'debates', 'meetings')"),
        )
