"""accounts: a mark on the people an association has accepted as representatives

Revision ID: a7c3e9f1b5d2
Revises: f14a9e7d3c52
Create Date: 2026-12-04 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a7c3e9f1b5d2'
down_revision = 'f14a9e7d3c52'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('represents_associations', sa.Boolean(),
                                      server_default=sa.false(), nullable=False))
    op.execute("UPDATE users SET represents_associations = true WHERE id IN ("
               "SELECT user_id FROM association_representatives WHERE status = 'accepted')")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('represents_associations')
