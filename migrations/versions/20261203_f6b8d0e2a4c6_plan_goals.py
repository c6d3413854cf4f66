"""plan goals, their indicators and measurements (participa/plans/), and the daily tasks' runs (participa/core/jobs.py)

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

    op.create_table('plan_indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('decimals', sa.Integer(), nullable=False),
    sa.Column('direction', sa.Enum('higher', 'lower', name='indicator_direction', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('baseline_value', sa.Numeric(precision=16, scale=4), nullable=True),
    sa.Column('baseline_on', sa.Date(), nullable=True),
    sa.Column('target_value', sa.Numeric(precision=16, scale=4), nullable=True),
    sa.Column('target_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=64), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('decimals >= 0 AND decimals <= 4', name=op.f('ck_plan_indicators_decimals_range')),
    sa.CheckConstraint('(baseline_value IS NULL) = (baseline_on IS NULL)', name=op.f('ck_plan_indicators_baseline_pair')),
    sa.CheckConstraint('(target_value IS NULL) = (target_on IS NULL)', name=op.f('ck_plan_indicators_target_pair')),
    sa.CheckConstraint('target_on IS NULL OR baseline_on IS NULL OR target_on >= baseline_on', name=op.f('ck_plan_indicators_target_after_baseline')),
    sa.ForeignKeyConstraint(['goal_id'], ['plan_goals.id'], name=op.f('fk_plan_indicators_goal_id_plan_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_indicators'))
    )
    with op.batch_alter_table('plan_indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_indicators_goal_id'), ['goal_id'], unique=False)

    op.create_table('plan_measurements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('measured_on', sa.Date(), nullable=False),
    sa.Column('value', sa.Numeric(precision=16, scale=4), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['plan_indicators.id'], name=op.f('fk_plan_measurements_indicator_id_plan_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_measurements')),
    sa.UniqueConstraint('indicator_id', 'measured_on', name='uq_plan_measurements_day')
    )

    # the daily tasks of participa.core.jobs (the worker refreshes computed indicators daily)
    op.create_table('daily_runs',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_daily_runs'))
    )


def downgrade():
    op.drop_table('daily_runs')
    op.drop_table('plan_measurements')
    with op.batch_alter_table('plan_indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_indicators_goal_id'))
    op.drop_table('plan_indicators')
    with op.batch_alter_table('plan_goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_goals_plan_id'))
    op.drop_table('plan_goals')
