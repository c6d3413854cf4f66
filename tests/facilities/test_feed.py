"""A facility's iCalendar feed (/facilities/<slug>.ics) parsed back: what is held in its rooms,
as the other feeds carry it — published and held meetings, cancelled ones marked, never a draft,
a hidden meeting, a meeting of an unpublished process or one in another facility's room."""

from datetime import timedelta

from icalendar import Calendar

from participa.core.types import utcnow
from participa.meetings import operations
from tests.support import factories

START = utcnow().replace(microsecond=0, second=0) + timedelta(days=5)


def feed(client, slug):
    response = client.get(f"/facilities/{slug}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    return Calendar.from_ical(response.get_data())


def test_the_feed_of_a_facility(client, commit, process, facilitator, make_facility,
                                make_meeting_in):
    facility = make_facility("Centre Cívic del Nord", address="Plaça del Mercat, 3",
                             rooms=(("Sala 1", 30), ("Sala 2", 24), ("Sala 3", 20),
                                    ("Sala 4", 20), ("Sala 5", 20)))
    elsewhere = make_facility("Biblioteca")
    rooms = facility.rooms
    published = make_meeting_in(rooms[0], process, facilitator, title="Assemblea",
                                start=START)
    cancelled = make_meeting_in(rooms[1], process, facilitator, title="Suspesa", start=START)
    operations.cancel_meeting(cancelled, "Pluja", actor=facilitator)
    make_meeting_in(rooms[2], process, facilitator, title="Esborrany", start=START,
                    publish=False)
    hidden = make_meeting_in(rooms[3], process, facilitator, title="Amagada", start=START)
    hidden.hidden_at = utcnow()
    unpublished = factories.make_process(published=False)
    make_meeting_in(rooms[4], unpublished, facilitator, title="D'un procés ocult",
                    start=START)
    make_meeting_in(elsewhere.rooms[0], process, facilitator, title="A la biblioteca",
                    start=START)
    commit()

    calendar = feed(client, facility.slug)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Assemblea", "Suspesa"}
    assert str(events["Suspesa"]["STATUS"]) == "CANCELLED"
    event = events["Assemblea"]
    assert str(event["UID"]) == f"meeting-{published.id}@participa.test"
    assert str(event["LOCATION"]) == "Centre Cívic del Nord — Sala 1, Plaça del Mercat, 3"
    assert event.decoded("DTSTART") == published.starts_at
    assert str(calendar["X-WR-CALNAME"]) == "Meetings: Centre Cívic del Nord"
    assert calendar.walk("VTIMEZONE")


def test_an_empty_feed_is_still_a_calendar(client, commit, make_facility):
    facility = make_facility()
    commit()
    calendar = feed(client, facility.slug)
    assert calendar.walk("VEVENT") == []
    assert calendar.walk("VTIMEZONE")
