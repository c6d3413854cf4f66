"""legal: the legal texts in versions, and who accepted which terms

Revision ID: b15e9a1c0002
Revises: a15f1e5a0001
Create Date: 2026-12-05 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b15e9a1c0002'
down_revision = 'a15f1e5a0001'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
