"""content language: proposals, debates and comments carry the language they were written in

Revision ID: 4c6e8a0b2d4f
Revises: d5f7a9c1e3b6
Create Date: 2026-12-03 13:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4c6e8a0b2d4f'
down_revision = 'd5f7a9c1e3b6'
branch_labels = None
depends_on = None

TABLES = ("proposals", "debates", "comments")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('language', sa.String(length=5), nullable=False,
                                          server_default='ca'))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('language')
