"""the community agenda: kinds of meeting and events (several days, organiser, registration optional, price)

Revision ID: f14a9e7d3c52
Revises: e14a0b1e2f31
Create Date: 2026-12-04 11:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f14a9e7d3c52'
down_revision = 'e14a0b1e2f31'
branch_labels = None
depends_on = None


EVENT_TYPES = ('meeting', 'assembly', 'workshop', 'fair', 'festival', 'exhibition', 'talk',
               'sport')
ORGANISERS = ('person', 'association', 'council')


def upgrade():
    # every meeting so far is a meeting organised by the person who created it, free, with hours
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'event_type', sa.Enum(*EVENT_TYPES, name='meeting_event_type', native_enum=False,
                                  create_constraint=True, length=32),
            nullable=False, server_default='meeting'))
        batch_op.add_column(sa.Column(
            'organised_by', sa.Enum(*ORGANISERS, name='meeting_organiser', native_enum=False,
                                    create_constraint=True, length=32),
            nullable=False, server_default='person'))
        batch_op.add_column(sa.Column('association_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('price', sa.String(length=120), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('is_all_day', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_event_type'), ['event_type'], unique=False)
        batch_op.create_index('ix_meetings_association_starts', ['association_id', 'starts_at'],
                              unique=False)
        batch_op.create_index('ix_meetings_ends', ['ends_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_meetings_association_id_associations'),
                                    'associations', ['association_id'], ['id'],
                                    ondelete='RESTRICT')
        batch_op.create_check_constraint(
            'organiser_association',
            sa.text("(organised_by = 'association') = (association_id IS NOT NULL)"))


def downgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_meetings_organiser_association'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_meetings_association_id_associations'),
                                 type_='foreignkey')
        batch_op.drop_index('ix_meetings_ends')
        batch_op.drop_index('ix_meetings_association_starts')
        batch_op.drop_index(batch_op.f('ix_meetings_event_type'))
        batch_op.drop_constraint(op.f('ck_meetings_meeting_event_type'), type_='check')
        batch_op.drop_constraint(op.f('ck_meetings_meeting_organiser'), type_='check')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_column('is_all_day')
        batch_op.drop_column('price')
        batch_op.drop_column('association_id')
        batch_op.drop_column('organised_by')
        batch_op.drop_column('event_type')
