"""plan members: the associations, public services and residents at a plan's table

Revision ID: d14e3b5a7c94
Revises: c14f01a7e3c3
Create Date: 2026-12-04 10:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd14e3b5a7c94'
down_revision = 'c14f01a7e3c3'
branch_labels = None
depends_on = None

KINDS = ("(kind = 'association' AND association_id IS NOT NULL AND user_id IS NULL"
         " AND service_kind IS NULL)"
         " OR (kind = 'resident' AND user_id IS NOT NULL AND association_id IS NULL"
         " AND service_kind IS NULL)"
         " OR (kind = 'service' AND name != '' AND service_kind IS NOT NULL"
         " AND association_id IS NULL AND user_id IS NULL)")


def upgrade():
    op.create_table('plan_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('association', 'service', 'resident', name='plan_member_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('requested', 'member', name='plan_member_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('association_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('service_kind', sa.Enum('health', 'education', 'social_services', 'culture', 'youth', 'other', name='plan_service_kind', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('contact', sa.String(length=300), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(KINDS, name=op.f('ck_plan_members_kind_columns')),
    sa.CheckConstraint("status = 'member' OR kind = 'resident'", name=op.f('ck_plan_members_only_residents_ask')),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_plan_members_added_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_plan_members_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['community_plans.id'], name=op.f('fk_plan_members_plan_id_community_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_plan_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_members')),
    sa.UniqueConstraint('plan_id', 'association_id', name=op.f('uq_plan_members_plan_id_association_id')),
    sa.UniqueConstraint('plan_id', 'user_id', name=op.f('uq_plan_members_plan_id_user_id'))
    )
    with op.batch_alter_table('plan_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_members_added_by_id'), ['added_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_members_association_id'), ['association_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_members_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_members_user_id'), ['user_id'], unique=False)


def downgrade():
    op.drop_table('plan_members')
