"""the census: keyed hashes of residents' documents (participa/census/)

``census_entries`` holds the council's census as keyed hashes of (document number, birth date)
with the neighbourhood and birth year; ``census_verifications`` one row per verified account.
No column joins the two.

Revision ID: c3e5a7b9d1f2
Revises: b7d2e5f1c8a3
Create Date: 2026-12-02 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3e5a7b9d1f2'
down_revision = 'b7d2e5f1c8a3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('census_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=False),
    sa.Column('is_used', sa.Boolean(), nullable=False),
    sa.CheckConstraint('birth_year >= 1850 AND birth_year <= 2999', name=op.f('ck_census_entries_birth_year_sane')),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_census_entries_neighbourhood_id_neighbourhoods'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_census_entries')),
    sa.UniqueConstraint('digest', name=op.f('uq_census_entries_digest'))
    )
    with op.batch_alter_table('census_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_census_entries_is_used'), ['is_used'], unique=False)
        batch_op.create_index(batch_op.f('ix_census_entries_neighbourhood_id'), ['neighbourhood_id'], unique=False)

    op.create_table('census_verifications',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=False),
    sa.Column('verified_on', sa.Date(), nullable=False),
    sa.CheckConstraint('birth_year >= 1850 AND birth_year <= 2999', name=op.f('ck_census_verifications_birth_year_sane')),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_census_verifications_neighbourhood_id_neighbourhoods'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_census_verifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_census_verifications'))
    )
    with op.batch_alter_table('census_verifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_census_verifications_neighbourhood_id'), ['neighbourhood_id'], unique=False)


def downgrade():
    with op.batch_alter_table('census_verifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_census_verifications_neighbourhood_id'))

    op.drop_table('census_verifications')
    with op.batch_alter_table('census_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_census_entries_neighbourhood_id'))
        batch_op.drop_index(batch_op.f('ix_census_entries_is_used'))

    op.drop_table('census_entries')
