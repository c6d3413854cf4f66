"""Builders for events and the agenda: associations (verified or pending) with their
representatives, and events made through the real operations (flushed, never committed)."""

import itertools
from datetime import datetime, timedelta

from participa.associations import operations as associations
from participa.associations.taxid import organisation_nif
from participa.core.timeutil import local_to_utc
from participa.meetings import operations
from tests.support import factories
from tests.support.meetings import meeting_values

_serial = itertools.count(4_200_000)


def make_association(state="verified", *, admin=None, name=None):
    """An association registered by ``admin`` (a new person if None), verified by a new
    council member unless ``state`` is "pending"."""
    admin = admin or factories.person()
    association = associations.register_association({
        "name": name or f"Associació {next(_serial)}", "legal_form": "association",
        "tax_id": organisation_nif("G", f"{next(_serial):07d}"), "registry_number": "",
        "description": "", "neighbourhood_ids": [], "area_ids": [], "website": "",
        "email": "", "phone": "", "is_website_public": False, "is_email_public": False,
        "is_phone_public": False,
    }, actor=admin)
    if state == "verified":
        associations.verify_association(association, actor=factories.person("council"))
    return association


def add_representative(association, person=None):
    """``person`` (a new one if None) as an accepted representative of ``association``."""
    person = person or factories.person()
    link = associations.ask_to_represent(association, actor=person)
    admin = next(r.user for r in association.representatives if r.is_administrator)
    associations.accept_representative(link, actor=admin)
    return person


def local(year, month, day, hour=0, minute=0):
    """A Madrid wall-clock time, as stored (UTC)."""
    return local_to_utc(datetime(year, month, day, hour, minute))


def make_event(process, actor, *, start, hours=2, publish=True, association=None, **values):
    """An event (a festival by default) from ``start`` lasting ``hours``; organised by
    ``association`` when given (``actor`` acting for it)."""
    values.setdefault("event_type", "festival")
    values.setdefault("registrations_enabled", False)
    data = meeting_values(starts_at=start, ends_at=start + timedelta(hours=hours), **values)
    if association is not None:
        data.update(organised_by="association", association_id=association.id)
    meeting = operations.create_meeting(process, data, actor=actor)
    if publish:
        operations.publish_meeting(meeting, actor=actor)
    return meeting
