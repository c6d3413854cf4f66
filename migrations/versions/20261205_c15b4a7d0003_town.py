"""town: the town's name, logo and colours

Revision ID: c15b4a7d0003
Revises: b15e9a1c0002
Create Date: 2026-12-05 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c15b4a7d0003'
down_revision = 'b15e9a1c0002'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
