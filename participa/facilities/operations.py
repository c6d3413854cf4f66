"""Every write about facilities, rooms and opening hours (the council's; the views check).
Flush, never commit; the actor is passed in; every change goes to the ActionLog. Bad input is a
DomainError on its field and changes nothing."""

from datetime import time

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.core.errors import DomainError
from participa.core.models import assign_slug, log_action
from participa.core.text import text_value
from participa.core.translated import set_translations
from participa.extensions import db
from participa.facilities import hooks
from participa.facilities.models import (
    MAX_ROOM_CAPACITY,
    Facility,
    FacilityKind,
    OpeningException,
    OpeningHours,
    Room,
)

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_facility": _l("created a facility"),
    "update_facility": _l("edited a facility"),
    "add_room": _l("added a room to a facility"),
    "update_room": _l("edited a facility's room"),
    "add_opening_hours": _l("added opening hours to a facility"),
    "remove_opening_hours": _l("removed opening hours from a facility"),
    "add_opening_exception": _l("added an exception to a facility's opening hours"),
    "remove_opening_exception": _l("removed an exception from a facility's opening hours"),
}

ONE_LINE = _l("Write this on one line, without line breaks or invisible characters.")


def _facility_fields(facility, data):
    facility.name = text_value(data, "name", 120, _l("Give the facility a name (at most 120 "
                                                      "characters, on one line)."), one_line=True)
    facility.address = text_value(data, "address", 300, _l("Give the facility's address (at "
                                                           "most 300 characters, on one line)."),
                                  one_line=True)
    facility.accessibility_notes = text_value(data, "accessibility_notes", 500, ONE_LINE,
                                              required=False, one_line=True)
    facility.description = text_value(data, "description", 20_000,
                                      _l("This text is too long: at most %(limit)s characters.",
                                         limit=20_000), required=False)
    try:
        facility.kind = FacilityKind(data.get("kind"))
    except ValueError:
        raise DomainError(_l("Choose a kind of facility."), field="kind") from None
    facility.neighbourhood_id = data.get("neighbourhood_id") or None


def create_facility(data: dict, *, actor, translations=None) -> Facility:
    facility = Facility()
    _facility_fields(facility, data)
    set_translations(facility, translations)
    assign_slug(facility, data.get("slug"), facility.name)
    db.session.add(facility)
    db.session.flush()
    log_action("create_facility", facility, actor=actor, slug=facility.slug)
    return facility


def update_facility(facility, data: dict, *, actor, translations=None) -> Facility:
    before = (facility.name, facility.address)
    _facility_fields(facility, data)
    set_translations(facility, translations)
    assign_slug(facility, data.get("slug"), facility.name)
    db.session.flush()
    if (facility.name, facility.address) != before:
        hooks.venue_changed(facility)  # the meetings held there take the new place
    log_action("update_facility", facility, actor=actor, slug=facility.slug)
    return facility


# -- rooms --------------------------------------------------------------------------------------


def _room_fields(room, data):
    room.name = text_value(data, "name", 60, _l("Give the room a name (at most 60 characters, "
                                                 "on one line)."), one_line=True)
    capacity = data.get("capacity")
    if not isinstance(capacity, int) or isinstance(capacity, bool) or not (
            0 < capacity <= MAX_ROOM_CAPACITY):
        raise DomainError(_l("Give the number of people the room holds (1 or more)."),
                          field="capacity")
    room.capacity = capacity


def _name_is_free(room):
    query = sa.select(Room.id).where(Room.facility_id == room.facility_id, Room.name == room.name)
    if room.id is not None:
        query = query.where(Room.id != room.id)
    if db.session.scalar(query) is not None:
        raise DomainError(_l("This facility already has a room with this name."), field="name")


def add_room(facility, data: dict, *, actor) -> Room:
    room = Room(facility_id=facility.id)
    _room_fields(room, data)
    _name_is_free(room)
    db.session.add(room)
    db.session.flush()
    log_action("add_room", facility, actor=actor, room_id=room.id, room=room.name,
               capacity=room.capacity)
    return room


def update_room(room, data: dict, *, actor) -> Room:
    before = room.name
    _room_fields(room, data)
    _name_is_free(room)
    hooks.check_room(room)  # no upcoming meeting in it may have more places
    db.session.flush()
    if room.name != before:
        hooks.venue_changed(room.facility)
    log_action("update_room", room.facility, actor=actor, room_id=room.id, room=room.name,
               capacity=room.capacity)
    return room


# -- opening hours and their exceptions ---------------------------------------------------------


def _interval(data, *, required=True) -> tuple[time | None, time | None]:
    opens, closes = data.get("opens"), data.get("closes")
    if opens is None and closes is None and not required:
        return None, None
    if not isinstance(opens, time):
        raise DomainError(_l("Give the time it opens."), field="opens")
    if not isinstance(closes, time):
        raise DomainError(_l("Give the time it closes."), field="closes")
    if closes <= opens:
        raise DomainError(_l("It must close after it opens."), field="closes")
    return opens, closes


def add_opening_hours(facility, data: dict, *, actor) -> OpeningHours:
    """One more interval on a weekday; it may not overlap another of that day."""
    weekday = data.get("weekday")
    if not isinstance(weekday, int) or isinstance(weekday, bool) or not 0 <= weekday <= 6:
        raise DomainError(_l("Choose a day of the week."), field="weekday")
    opens, closes = _interval(data)
    clash = db.session.scalar(sa.select(OpeningHours).where(
        OpeningHours.facility_id == facility.id, OpeningHours.weekday == weekday,
        OpeningHours.opens < closes, OpeningHours.closes > opens))
    if clash is not None:
        raise DomainError(_l("These hours overlap others of the same day (%(opens)s–%(closes)s).",
                             opens=clash.opens.strftime("%H:%M"),
                             closes=clash.closes.strftime("%H:%M")), field="opens")
    hours = OpeningHours(facility_id=facility.id, weekday=weekday, opens=opens, closes=closes)
    db.session.add(hours)
    db.session.flush()
    log_action("add_opening_hours", facility, actor=actor, weekday=weekday,
               opens=opens.strftime("%H:%M"), closes=closes.strftime("%H:%M"))
    return hours


def remove_opening_hours(hours, *, actor) -> None:
    facility = hours.facility
    log_action("remove_opening_hours", facility, actor=actor, weekday=hours.weekday,
               opens=hours.opens.strftime("%H:%M"), closes=hours.closes.strftime("%H:%M"))
    db.session.delete(hours)
    db.session.flush()


def add_opening_exception(facility, data: dict, *, actor,
                          translations=None) -> OpeningException:
    """A closed day (a public holiday) or a day with special hours, with a note."""
    day = data.get("day")
    if day is None:
        raise DomainError(_l("Give the day."), field="day")
    closed = bool(data.get("is_closed"))
    opens, closes = (None, None) if closed else _interval(data)
    note = text_value(data, "note", 200, ONE_LINE, required=False, one_line=True)
    if db.session.scalar(sa.select(OpeningException.id).where(
            OpeningException.facility_id == facility.id, OpeningException.day == day)):
        raise DomainError(_l("This day already has an exception: remove it first."),
                          field="day")
    exception = OpeningException(facility_id=facility.id, day=day, is_closed=closed,
                                 opens=opens, closes=closes, note=note)
    set_translations(exception, translations)
    db.session.add(exception)
    db.session.flush()
    log_action("add_opening_exception", facility, actor=actor, day=day, closed=closed,
               note=note)
    return exception


def remove_opening_exception(exception, *, actor) -> None:
    log_action("remove_opening_exception", exception.facility, actor=actor, day=exception.day)
    db.session.delete(exception)
    db.session.flush()
