"""What the agenda's filters offer: one query each, whatever the number of events."""

import sqlalchemy as sa

from participa.extensions import db
from participa.facilities.models import Facility


def list_facility_choices() -> list[tuple[int, str]]:
    """(id, name) of every facility, by name."""
    return [tuple(row) for row in db.session.execute(
        sa.select(Facility.id, Facility.name).order_by(Facility.name, Facility.id))]
