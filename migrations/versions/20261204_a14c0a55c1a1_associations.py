"""associations: the register, representatives and areas of work

Revision ID: a14c0a55c1a1
Revises: e9f1a3c5b7d9
Create Date: 2026-12-04 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a14c0a55c1a1'
down_revision = 'e9f1a3c5b7d9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('areas_of_work',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('translations', sa.JSON(), server_default='{}', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_areas_of_work')),
    sa.UniqueConstraint('name', name=op.f('uq_areas_of_work_name'))
    )
    op.create_table('associations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('legal_form', sa.Enum('association', 'foundation', 'cooperative', 'informal_group', name='association_legal_form', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('tax_id', sa.String(length=9), nullable=True),
    sa.Column('registry_number', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('website', sa.String(length=200), nullable=False),
    sa.Column('is_website_public', sa.Boolean(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('is_email_public', sa.Boolean(), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('is_phone_public', sa.Boolean(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'verified', 'refused', name='association_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('refusal_reason', sa.Text(), nullable=False),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=5), server_default='ca', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status != 'refused' OR refusal_reason != ''", name=op.f('ck_associations_refusal_has_reason')),
    sa.CheckConstraint("status != 'verified' OR verified_at IS NOT NULL", name=op.f('ck_associations_verified_has_date')),
    sa.CheckConstraint("tax_id IS NOT NULL OR legal_form = 'informal_group'", name=op.f('ck_associations_tax_id_required')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_associations_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_associations_decided_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_associations')),
    sa.UniqueConstraint('slug', name=op.f('uq_associations_slug')),
    sa.UniqueConstraint('tax_id', name=op.f('uq_associations_tax_id'))
    )
    with op.batch_alter_table('associations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_associations_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_associations_decided_by_id'), ['decided_by_id'], unique=False)
        batch_op.create_index('ix_associations_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_associations_status'), ['status'], unique=False)

    op.create_table('association_areas',
    sa.Column('association_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas_of_work.id'], name=op.f('fk_association_areas_area_id_areas_of_work'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_association_areas_association_id_associations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('association_id', 'area_id', name=op.f('pk_association_areas'))
    )
    with op.batch_alter_table('association_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_association_areas_area_id'), ['area_id'], unique=False)

    op.create_table('association_neighbourhoods',
    sa.Column('association_id', sa.Integer(), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_association_neighbourhoods_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_association_neighbourhoods_neighbourhood_id_neighbourhoods'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('association_id', 'neighbourhood_id', name=op.f('pk_association_neighbourhoods'))
    )
    with op.batch_alter_table('association_neighbourhoods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_association_neighbourhoods_neighbourhood_id'), ['neighbourhood_id'], unique=False)

    op.create_table('association_representatives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('association_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('representative', 'administrator', name='association_representative_role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('requested', 'accepted', 'refused', name='association_representative_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role = 'representative' OR status = 'accepted'", name=op.f('ck_association_representatives_administrator_is_accepted')),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_association_representatives_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_association_representatives_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_association_representatives_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_association_representatives')),
    sa.UniqueConstraint('association_id', 'user_id', name='uq_association_representatives_person')
    )
    with op.batch_alter_table('association_representatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_association_representatives_decided_by_id'), ['decided_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_association_representatives_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_association_representatives_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('association_representatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_association_representatives_user_id'))
        batch_op.drop_index(batch_op.f('ix_association_representatives_status'))
        batch_op.drop_index(batch_op.f('ix_association_representatives_decided_by_id'))

    op.drop_table('association_representatives')
    with op.batch_alter_table('association_neighbourhoods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_association_neighbourhoods_neighbourhood_id'))

    op.drop_table('association_neighbourhoods')
    with op.batch_alter_table('association_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_association_areas_area_id'))

    op.drop_table('association_areas')
    with op.batch_alter_table('associations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_associations_status'))
        batch_op.drop_index('ix_associations_name')
        batch_op.drop_index(batch_op.f('ix_associations_decided_by_id'))
        batch_op.drop_index(batch_op.f('ix_associations_created_by_id'))

    op.drop_table('associations')
    op.drop_table('areas_of_work')
