"""process frame version

Every change to what frames a process page (the process, its phases, categories,
neighbourhoods, plan) adds one to ``processes.version``; each worker keeps the frames it read
under it (participa/processes/queries.py).

Revision ID: b7d2e5f1c8a3
Revises: a4f0c3e1b9d2
Create Date: 2026-12-02 15:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d2e5f1c8a3'
down_revision = 'a4f0c3e1b9d2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('processes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('processes', schema=None) as batch_op:
        batch_op.drop_column('version')
