"""acting on behalf of an association: proposals and comments published as an association; co-authors of proposals

Revision ID: e14a0b1e2f31
Revises: d14e3b5a7c94
Create Date: 2026-12-04 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e14a0b1e2f31'
down_revision = 'd14e3b5a7c94'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('association_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_proposals_association_id'), ['association_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_proposals_association_id_associations'), 'associations', ['association_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('association_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_comments_association_id'), ['association_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_comments_association_id_associations'), 'associations', ['association_id'], ['id'], ondelete='SET NULL')

    op.create_table('proposal_coauthors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('association_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('invited', 'accepted', 'declined', name='proposal_coauthor_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('place', sa.Integer(), nullable=True),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(email IS NULL) != (association_id IS NULL)', name=op.f('ck_proposal_coauthors_person_or_association')),
    sa.CheckConstraint('user_id IS NULL OR email IS NOT NULL', name=op.f('ck_proposal_coauthors_account_of_person')),
    sa.CheckConstraint('place IS NULL OR (place >= 1 AND place <= 5)', name=op.f('ck_proposal_coauthors_place_range')),
    sa.CheckConstraint("(place IS NOT NULL) = (status != 'declined')", name=op.f('ck_proposal_coauthors_place_while_open')),
    sa.CheckConstraint("status != 'accepted' OR email IS NULL OR user_id IS NOT NULL", name=op.f('ck_proposal_coauthors_accepted_by_an_account')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_proposal_coauthors_answered_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_proposal_coauthors_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_proposal_coauthors_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_proposal_coauthors_proposal_id_proposals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_proposal_coauthors_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal_coauthors')),
    sa.UniqueConstraint('proposal_id', 'association_id', name='uq_proposal_coauthors_association'),
    sa.UniqueConstraint('proposal_id', 'email', name='uq_proposal_coauthors_person'),
    sa.UniqueConstraint('proposal_id', 'place', name='uq_proposal_coauthors_place')
    )
    with op.batch_alter_table('proposal_coauthors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_coauthors_answered_by_id'), ['answered_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_coauthors_association_id'), ['association_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_coauthors_invited_by_id'), ['invited_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_coauthors_proposal_id'), ['proposal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_coauthors_user_id'), ['user_id'], unique=False)


def downgrade():
    op.drop_table('proposal_coauthors')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_comments_association_id_associations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_comments_association_id'))
        batch_op.drop_column('association_id')

    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_proposals_association_id_associations'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_proposals_association_id'))
        batch_op.drop_column('association_id')
