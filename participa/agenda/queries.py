"""What the agenda's filters offer: one query each, whatever the number of events."""

import sqlalchemy as sa

from participa.associations.models import Association, AssociationStatus
from participa.associations.queries import BY_NAME
from participa.extensions import db
from participa.facilities.models import Facility


def list_facility_choices() -> list[tuple[int, str]]:
    """(id, name) of every facility, by name."""
    return [tuple(row) for row in db.session.execute(
        sa.select(Facility.id, Facility.name).order_by(Facility.name, Facility.id))]


def list_organiser_choices() -> list[tuple[int, str]]:
    """(id, name) of the verified associations (those that may organise events), by name."""
    return [tuple(row) for row in db.session.execute(
        sa.select(Association.id, Association.name)
        .where(Association.status == AssociationStatus.VERIFIED)
        .order_by(BY_NAME, Association.id))]
