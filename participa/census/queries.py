"""Reads about the census: what budgets and polls ask about a person, and the council's counts."""

import sqlalchemy as sa

from participa.census.models import CensusEntry, CensusVerification
from participa.extensions import db


def verification_of(user_id) -> CensusVerification | None:
    """The person's verification (with its neighbourhood), or None if they have not verified."""
    if user_id is None:
        return None
    return db.session.get(CensusVerification, user_id)


def census_counts() -> tuple[int, int]:
    """(entries, verified): how many people the census holds, and how many of them have
    verified an account (an entry stays counted when its account is deleted). Counts only:
    nothing says who matched which entry."""
    entries, verified = db.session.execute(
        sa.select(sa.func.count(CensusEntry.id),
                  sa.func.count(CensusEntry.id).filter(CensusEntry.is_used.is_(True)))
    ).one()
    return entries, verified or 0
