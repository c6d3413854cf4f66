"""plan goals, their indicators and measurements (participa/plans/)

Revision ID: f6b8d0e2a4c6
Revises: d4f6b8c0e2a4
Create Date: 2026-12-03 07:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f6b8d0e2a4c6'
down_revision = 'd4f6b8c0e2a4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('plan_goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['community_plans.id'], name=op.f('fk_plan_goals_plan_id_community_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_goals'))
    )
    with op.batch_alter_table('plan_goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_goals_plan_id'), ['plan_id'], unique=False)


def downgrade():
    with op.batch_alter_table('plan_goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_goals_plan_id'))
    op.drop_table('plan_goals')
