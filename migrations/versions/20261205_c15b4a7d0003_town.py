"""town: the town's name, logo and colours

``town_settings`` holds one row (id 1): the town's name and its two brand colours. The logo is
an attachment of the files core (owner kind "town"), so it needs no column here.

Revision ID: c15b4a7d0003
Revises: b15e9a1c0002
Create Date: 2026-12-05 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c15b4a7d0003'
down_revision = 'b15e9a1c0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('town_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('primary_colour', sa.String(length=7), nullable=False),
    sa.Column('accent_colour', sa.String(length=7), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('id = 1', name=op.f('ck_town_settings_one_row')),
    sa.CheckConstraint('length(primary_colour) = 7 AND length(accent_colour) = 7', name=op.f('ck_town_settings_colours_rrggbb')),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_town_settings_name_present')),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_town_settings_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_town_settings'))
    )
    with op.batch_alter_table('town_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_town_settings_updated_by_id'), ['updated_by_id'], unique=False)


def downgrade():
    with op.batch_alter_table('town_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_town_settings_updated_by_id'))

    op.drop_table('town_settings')
