"""participatory budgets: budgets, projects, the voter roll and the ballot box (participa/budgets/)

Revision ID: d4f6b8c0e2a4
Revises: e5a7c9d1f3b5
Create Date: 2026-12-02 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4f6b8c0e2a4'
down_revision = 'e5a7c9d1f3b5'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('budgets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=True),
    sa.Column('ballot_kind', sa.Enum('knapsack', 'approval', name='ballot_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('minimum_share', sa.Integer(), nullable=False),
    sa.Column('min_choices', sa.Integer(), nullable=False),
    sa.Column('max_choices', sa.Integer(), nullable=True),
    sa.Column('rule', sa.Enum('equal-shares', 'greedy', name='counting_rule', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('census_required', sa.Boolean(), nullable=False),
    sa.Column('minimum_age', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('open', 'closed', 'published', name='budget_state', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('frozen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('results', sa.JSON(), nullable=True),
    sa.Column('source', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount > 0', name=op.f('ck_budgets_amount_positive')),
    sa.CheckConstraint('min_choices >= 0', name=op.f('ck_budgets_min_choices_positive')),
    sa.CheckConstraint('minimum_share >= 0 AND minimum_share <= 100', name=op.f('ck_budgets_minimum_share_percent')),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_budgets_neighbourhood_id_neighbourhoods'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['process_id'], ['processes.id'], name=op.f('fk_budgets_process_id_processes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budgets'))
    )
    with op.batch_alter_table('budgets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budgets_process_id'), ['process_id'], unique=False)

    op.create_table('budget_ballots',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('budget_id', sa.Integer(), nullable=False),
    sa.Column('choices', sa.Text(), nullable=False),
    sa.Column('receipt', sa.String(length=16), nullable=False),
    sa.Column('cast_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['budget_id'], ['budgets.id'], name=op.f('fk_budget_ballots_budget_id_budgets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_budget_ballots')),
    sa.UniqueConstraint('budget_id', 'receipt', name='uq_budget_ballots_receipt')
    )
    with op.batch_alter_table('budget_ballots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_ballots_budget_id'), ['budget_id'], unique=False)

    op.create_table('budget_paper_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('budget_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=150), nullable=False),
    sa.Column('ballots', sa.Integer(), nullable=False),
    sa.Column('votes', sa.JSON(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('ballots >= 0', name=op.f('ck_budget_paper_counts_ballots_positive')),
    sa.ForeignKeyConstraint(['budget_id'], ['budgets.id'], name=op.f('fk_budget_paper_counts_budget_id_budgets'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_budget_paper_counts_entered_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_budget_paper_counts_meeting_id_meetings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_paper_counts'))
    )
    with op.batch_alter_table('budget_paper_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_paper_counts_budget_id'), ['budget_id'], unique=False)

    op.create_table('budget_projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('budget_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=True),
    sa.CheckConstraint('cost > 0', name=op.f('ck_budget_projects_cost_positive')),
    sa.ForeignKeyConstraint(['budget_id'], ['budgets.id'], name=op.f('fk_budget_projects_budget_id_budgets'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_budget_projects_category_id_categories'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_budget_projects_neighbourhood_id_neighbourhoods'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_projects'))
    )
    with op.batch_alter_table('budget_projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_projects_budget_id'), ['budget_id'], unique=False)

    op.create_table('budget_voters',
    sa.Column('budget_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=True),
    sa.Column('voted_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['budget_id'], ['budgets.id'], name=op.f('fk_budget_voters_budget_id_budgets'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_budget_voters_neighbourhood_id_neighbourhoods'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_budget_voters_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('budget_id', 'user_id', name=op.f('pk_budget_voters'))
    )
    with op.batch_alter_table('budget_voters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_voters_user_id'), ['user_id'], unique=False)

    op.create_table('budget_project_proposals',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['budget_projects.id'], name=op.f('fk_budget_project_proposals_project_id_budget_projects'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_budget_project_proposals_proposal_id_proposals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'proposal_id', name=op.f('pk_budget_project_proposals'))
    )
    with op.batch_alter_table('budget_project_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_project_proposals_proposal_id'), ['proposal_id'], unique=False)



def downgrade():
    with op.batch_alter_table('budget_project_proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_project_proposals_proposal_id'))

    op.drop_table('budget_project_proposals')
    with op.batch_alter_table('budget_voters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_voters_user_id'))

    op.drop_table('budget_voters')
    with op.batch_alter_table('budget_projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_projects_budget_id'))

    op.drop_table('budget_projects')
    with op.batch_alter_table('budget_paper_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_paper_counts_budget_id'))

    op.drop_table('budget_paper_counts')
    with op.batch_alter_table('budget_ballots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_ballots_budget_id'))

    op.drop_table('budget_ballots')
    with op.batch_alter_table('budgets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budgets_process_id'))

    op.drop_table('budgets')
