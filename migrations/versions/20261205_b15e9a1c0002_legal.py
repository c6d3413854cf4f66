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
    op.create_table('legal_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('notice', 'privacy', 'terms', 'accessibility', name='legal_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('summary', sa.String(length=300), server_default='', nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.Column('translations', sa.JSON(), server_default='{}', nullable=False),
    sa.CheckConstraint('number >= 1', name=op.f('ck_legal_versions_number_positive')),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_legal_versions_published_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_versions')),
    sa.UniqueConstraint('kind', 'number', name=op.f('uq_legal_versions_kind_number'))
    )
    with op.batch_alter_table('legal_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legal_versions_published_by_id'), ['published_by_id'], unique=False)

    op.create_table('terms_acceptances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_terms_acceptances_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['legal_versions.id'], name=op.f('fk_terms_acceptances_version_id_legal_versions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_terms_acceptances')),
    sa.UniqueConstraint('user_id', 'version_id', name=op.f('uq_terms_acceptances_user_id_version_id'))
    )
    with op.batch_alter_table('terms_acceptances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_terms_acceptances_version_id'), ['version_id'], unique=False)


def downgrade():
    with op.batch_alter_table('terms_acceptances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_terms_acceptances_version_id'))

    op.drop_table('terms_acceptances')
    with op.batch_alter_table('legal_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legal_versions_published_by_id'))

    op.drop_table('legal_versions')
