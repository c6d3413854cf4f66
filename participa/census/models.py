"""The census as the council uploads it, kept as keyed hashes only, and each account's
verification against it.

Nothing joins the two: an entry has no user column and a verification no entry column. An entry
only says that it has been used (no time, which could be matched with a verification's day or the
ActionLog); a verification carries what eligibility needs (the neighbourhood and the birth year)
and the day, no finer time."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participa.extensions import db


class CensusEntry(db.Model):
    """One person of the census: HMAC of (document number, birth date) under the ballot key,
    which lives in the configuration, so the database alone cannot tell whose entry it is.
    Used once, by one account, ever: deleting that account leaves it used."""

    __tablename__ = "census_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(sa.String(64), nullable=False, unique=True)
    neighbourhood_id: Mapped[int] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    birth_year: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    is_used: Mapped[bool] = mapped_column(sa.Boolean, nullable=False, default=False, index=True)

    __table_args__ = (
        sa.CheckConstraint("birth_year >= 1850 AND birth_year <= 2999", name="birth_year_sane"),
    )

    def __repr__(self):
        return f"<CensusEntry {self.id}>"


class CensusVerification(db.Model):
    """An account verified against the census: where its person lives and the year they were
    born, from the entry that matched (which is not named)."""

    __tablename__ = "census_verifications"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    neighbourhood_id: Mapped[int] = mapped_column(
        sa.ForeignKey("neighbourhoods.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    birth_year: Mapped[int] = mapped_column(sa.Integer, nullable=False)
    verified_on: Mapped[date] = mapped_column(sa.Date, nullable=False)

    __table_args__ = (
        sa.CheckConstraint("birth_year >= 1850 AND birth_year <= 2999", name="birth_year_sane"),
    )

    neighbourhood = relationship("Neighbourhood", lazy="joined")

    def __repr__(self):
        return f"<CensusVerification {self.user_id}>"
