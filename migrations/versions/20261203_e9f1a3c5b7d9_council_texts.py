"""council texts: plans, goals, processes, phases, categories and meetings carry their
translations into the town's other languages

Revision ID: e9f1a3c5b7d9
Revises: 4c6e8a0b2d4f
Create Date: 2026-12-03 14:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e9f1a3c5b7d9'
down_revision = '4c6e8a0b2d4f'
branch_labels = None
depends_on = None

TABLES = ("community_plans", "plan_goals", "processes", "phases", "categories", "meetings")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('translations', sa.JSON(), nullable=False,
                                          server_default='{}'))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('translations')
