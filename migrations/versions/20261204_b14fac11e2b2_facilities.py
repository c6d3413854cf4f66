"""facilities: proximity facilities, their rooms and opening hours; meetings in a room

Revision ID: b14fac11e2b2
Revises: a14c0a55c1a1
Create Date: 2026-12-04 09:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b14fac11e2b2'
down_revision = 'a14c0a55c1a1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('facilities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.Enum('civic_centre', 'casal', 'library', 'school', 'sports_hall', 'market', 'other', name='facility_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('neighbourhood_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('accessibility_notes', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('translations', sa.JSON(), server_default='{}', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['neighbourhood_id'], ['neighbourhoods.id'], name=op.f('fk_facilities_neighbourhood_id_neighbourhoods'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facilities')),
    sa.UniqueConstraint('slug', name=op.f('uq_facilities_slug'))
    )
    with op.batch_alter_table('facilities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facilities_kind'), ['kind'], unique=False)
        batch_op.create_index('ix_facilities_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_facilities_neighbourhood_id'), ['neighbourhood_id'], unique=False)

    op.create_table('facility_exceptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_closed', sa.Boolean(), nullable=False),
    sa.Column('opens', sa.Time(), nullable=True),
    sa.Column('closes', sa.Time(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('translations', sa.JSON(), server_default='{}', nullable=False),
    sa.CheckConstraint('(is_closed AND opens IS NULL AND closes IS NULL) OR (NOT is_closed AND opens IS NOT NULL AND closes IS NOT NULL AND closes > opens)', name=op.f('ck_facility_exceptions_closed_or_hours')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_facility_exceptions_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility_exceptions')),
    sa.UniqueConstraint('facility_id', 'day', name=op.f('uq_facility_exceptions_facility_id_day'))
    )
    op.create_table('facility_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('opens', sa.Time(), nullable=False),
    sa.Column('closes', sa.Time(), nullable=False),
    sa.CheckConstraint('closes > opens', name=op.f('ck_facility_hours_closes_after_opens')),
    sa.CheckConstraint('weekday >= 0 AND weekday <= 6', name=op.f('ck_facility_hours_weekday_range')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_facility_hours_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility_hours')),
    sa.UniqueConstraint('facility_id', 'weekday', 'opens', name=op.f('uq_facility_hours_facility_id_weekday_opens'))
    )
    with op.batch_alter_table('facility_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facility_hours_facility_id'), ['facility_id'], unique=False)

    op.create_table('facility_rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('facility_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('capacity > 0', name=op.f('ck_facility_rooms_capacity_positive')),
    sa.ForeignKeyConstraint(['facility_id'], ['facilities.id'], name=op.f('fk_facility_rooms_facility_id_facilities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility_rooms')),
    sa.UniqueConstraint('facility_id', 'name', name=op.f('uq_facility_rooms_facility_id_name'))
    )
    with op.batch_alter_table('facility_rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_facility_rooms_facility_id'), ['facility_id'], unique=False)

    # a meeting may take place in a room; (room, start) serves the overlap check
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('room_id', sa.Integer(), nullable=True))
        batch_op.create_index('ix_meetings_room_starts', ['room_id', 'starts_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_meetings_room_id_facility_rooms'), 'facility_rooms', ['room_id'], ['id'], ondelete='RESTRICT')


def downgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_meetings_room_id_facility_rooms'), type_='foreignkey')
        batch_op.drop_index('ix_meetings_room_starts')
        batch_op.drop_column('room_id')

    with op.batch_alter_table('facility_rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facility_rooms_facility_id'))

    op.drop_table('facility_rooms')
    with op.batch_alter_table('facility_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facility_hours_facility_id'))

    op.drop_table('facility_hours')
    op.drop_table('facility_exceptions')
    with op.batch_alter_table('facilities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_facilities_neighbourhood_id'))
        batch_op.drop_index('ix_facilities_name')
        batch_op.drop_index(batch_op.f('ix_facilities_kind'))

    op.drop_table('facilities')
