"""Builders for facilities and meetings in their rooms. They call the real operations (so every
rule they enforce holds for the rows they make) and flush, never commit."""

import itertools
from datetime import time, timedelta

from participa.core.types import utcnow
from participa.facilities import operations
from participa.meetings import operations as meeting_operations
from tests.support import factories
from tests.support.meetings import meeting_values

_counter = itertools.count(1)


def make_facility(name=None, *, rooms=(("Sala 1", 30),), hours=(), actor=None, **data):
    """A facility made by the council (``actor``, or a new council member), with ``rooms``
    ((name, capacity), ...) and weekly ``hours`` ((weekday, "HH:MM", "HH:MM"), ...)."""
    n = next(_counter)
    actor = actor or factories.make_user("council")
    values = {"name": name or f"Centre Cívic {n}", "kind": "civic_centre",
              "address": f"Plaça del Mercat, {n}", "accessibility_notes": "Entrada sense graons.",
              "description": "Un equipament del barri."}
    values.update(data)
    facility = operations.create_facility(values, actor=actor)
    for room_name, capacity in rooms:
        operations.add_room(facility, {"name": room_name, "capacity": capacity}, actor=actor)
    for weekday, opens, closes in hours:
        operations.add_opening_hours(facility, {"weekday": weekday,
                                                "opens": time.fromisoformat(opens),
                                                "closes": time.fromisoformat(closes)},
                                     actor=actor)
    return facility


def room_of(facility, index=0):
    return facility.rooms[index]


def make_meeting_in(room, process, actor, *, publish=True, start=None, hours=2, **overrides):
    """A meeting in ``room`` (a week from now unless ``start``), published unless told."""
    start = start or utcnow().replace(microsecond=0, second=0) + timedelta(days=7)
    values = meeting_values(starts_at=start, ends_at=start + timedelta(hours=hours),
                            room_id=room.id, **overrides)
    values.setdefault("capacity", 0)
    meeting = meeting_operations.create_meeting(process, values, actor=actor)
    if publish:
        meeting_operations.publish_meeting(meeting, actor=actor)
    return meeting
