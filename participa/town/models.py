"""The town's own face: one row the council keeps, with the town's name and its two brand
colours. The logo is a file of the files core, attached to this row (owner kind "town")."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from participa.core.types import UTCDateTime, utcnow
from participa.extensions import db

NAME_LIMIT = 80
SETTINGS_ID = 1  # the one row


class TownSettings(db.Model):
    """The town's name and brand colours (``#rrggbb``, checked for contrast when saved)."""

    __tablename__ = "town_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(NAME_LIMIT), nullable=False)
    primary_colour: Mapped[str] = mapped_column(sa.String(7), nullable=False)
    accent_colour: Mapped[str] = mapped_column(sa.String(7), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)

    __table_args__ = (
        sa.CheckConstraint("id = 1", name="one_row"),
        sa.CheckConstraint("length(primary_colour) = 7 AND length(accent_colour) = 7",
                           name="colours_rrggbb"),
        sa.CheckConstraint("length(name) > 0", name="name_present"),
    )

    def __repr__(self):
        return f"<TownSettings {self.id} {self.name!r}>"
