"""Meetings in facilities' rooms, as the facilities package asks for them (it imports no
meetings): its page's list of what happens there (``facility_page``), the rule that a room's
capacity is never lowered below an upcoming meeting's in it, and meetings that follow their
facility's new name or address."""

from flask import render_template
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from participa.core.errors import DomainError
from participa.core.i18n import format_day
from participa.extensions import db
from participa.meetings import queries


def meetings_in_facility(sender, facility, **kwargs) -> dict:
    """A facility's page: its upcoming published meetings (a ``facility_page`` receiver)."""
    return {"meetings_here": Markup(render_template(  # our own template, escaped there
        "meetings/_facility_meetings.html", facility=facility,
        meetings=queries.list_facility_meetings(facility)))}


def room_capacity_holds(room) -> None:
    """Refuse a room capacity below the places of a meeting still to come in it."""
    over = queries.list_room_meetings_over(room)
    if over:
        first = over[0]
        raise DomainError(
            _l("The meeting “%(title)s” (%(day)s) in this room has %(n)s places: lower its "
               "capacity before the room's.", title=first.title,
               day=format_day(first.starts_at, "full"), n=first.capacity),
            field="capacity")


def follow_venue(facility) -> None:
    """The meetings still to come in the facility's rooms take its new name and address (and
    calendars that hold them pick the change up)."""
    for meeting in queries.list_meetings_at(facility):
        place, address = meeting.room.label, facility.address
        if (meeting.place, meeting.address) != (place, address):
            meeting.place, meeting.address = place, address
            meeting.sequence += 1
    db.session.flush()
