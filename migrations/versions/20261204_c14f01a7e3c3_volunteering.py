"""volunteering: opportunities posted by associations or the council, and who signs up

Revision ID: c14f01a7e3c3
Revises: b14fac11e2b2
Create Date: 2026-12-04 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c14f01a7e3c3'
down_revision = 'b14fac11e2b2'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('volunteering_opportunities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('association_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('schedule', sa.Enum('once', 'recurring', name='volunteering_schedule', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recurrence', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=True),
    sa.Column('facility_id', sa.Integer(), nullable=True),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('skills', sa.String(length=500), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('draft', 'published', 'closed', 'cancelled', name='volunteering_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('signups_count', sa.Integer(), nullable=False),
    sa.Column('waiting_count', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=5), server_default='ca', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("schedule = 'once' OR recurrence != ''", name=op.f('ck_volunteering_opportunities_recurring_has_rule')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_volunteering_opportunities_dates_order')),
    sa.CheckConstraint('places > 0', name=op.f('ck_volunteering_opportunities_places_positive')),
    sa.CheckConstraint('signups_count <= places', name=op.f('ck_volunteering_opportunities_within_places')),
    sa.CheckConstraint('signups_count >= 0 AND waiting_count >= 0', name=op.f('ck_volunteering_opportunities_counts_positive')),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_volunteering_opportunities_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_volunteering_opportunities_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_volunteering_opportunities_facility_id_facilities'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_volunteering_opportunities_neighbourhood_id_neighbourhoods'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteering_opportunities'))
    )
    with op.batch_alter_table('volunteering_opportunities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteering_opportunities_association_id'), ['association_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteering_opportunities_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteering_opportunities_facility_id'), ['facility_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteering_opportunities_neighbourhood_id'), ['neighbourhood_id'], unique=False)
        batch_op.create_index('ix_volunteering_opportunities_status_ends', ['status', 'ends_at'], unique=False)

    op.create_table('volunteering_opportunity_areas',
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas_of_work.id'], name=op.f('fk_volunteering_opportunity_areas_area_id_areas_of_work'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['opportunity_id'], ['volunteering_opportunities.id'], name=op.f('fk_volunteering_opportunity_areas_opportunity_id_volunteering_opportunities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('opportunity_id', 'area_id', name=op.f('pk_volunteering_opportunity_areas'))
    )
    with op.batch_alter_table('volunteering_opportunity_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteering_opportunity_areas_area_id'), ['area_id'], unique=False)

    op.create_table('volunteering_signups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('confirmed', 'waiting', 'left', name='volunteering_signup_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('left_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status != 'left' OR left_at IS NOT NULL", name=op.f('ck_volunteering_signups_left_has_date')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['volunteering_opportunities.id'], name=op.f('fk_volunteering_signups_opportunity_id_volunteering_opportunities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_volunteering_signups_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteering_signups')),
    sa.UniqueConstraint('opportunity_id', 'user_id', name='uq_volunteering_signups_person')
    )
    with op.batch_alter_table('volunteering_signups', schema=None) as batch_op:
        batch_op.create_index('ix_volunteering_signups_opportunity_status', ['opportunity_id', 'status', 'queued_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteering_signups_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('volunteering_signups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteering_signups_user_id'))
        batch_op.drop_index('ix_volunteering_signups_opportunity_status')

    op.drop_table('volunteering_signups')
    with op.batch_alter_table('volunteering_opportunity_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteering_opportunity_areas_area_id'))

    op.drop_table('volunteering_opportunity_areas')
    with op.batch_alter_table('volunteering_opportunities', schema=None) as batch_op:
        batch_op.drop_index('ix_volunteering_opportunities_status_ends')
        batch_op.drop_index(batch_op.f('ix_volunteering_opportunities_neighbourhood_id'))
        batch_op.drop_index(batch_op.f('ix_volunteering_opportunities_facility_id'))
        batch_op.drop_index(batch_op.f('ix_volunteering_opportunities_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_volunteering_opportunities_association_id'))

    op.drop_table('volunteering_opportunities')
