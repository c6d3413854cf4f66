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
    pass


def downgrade():
    pass
