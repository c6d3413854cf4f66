"""Facilities through the test client: the public register and a facility's page, the council's
pages (each change logged; refused input answered with a 400, its message by its field, and
nothing changed), CSRF, unknown addresses, and a meeting placed in a room through its form."""

from datetime import date, time, timedelta

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.core.timeutil import local_date, utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.facilities import operations
from participa.facilities.models import Facility, OpeningException, OpeningHours, Room
from participa.meetings.models import Meeting, MeetingStatus
from tests.support.factories import person
from tests.support.html import field_error
from tests.support.meetings import form_values
from tests.support.web import csrf_token, login, post, sync, text

NOW = utcnow()


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def logged() -> list[str]:
    return list(db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)))


# --- public pages ------------------------------------------------------------------------------

def test_the_register_filters_by_neighbourhood_and_kind(client, commit, make_facility,
                                                       make_neighbourhood):
    nord, vell = make_neighbourhood("Sant Roc"), make_neighbourhood("Barri Vell")
    make_facility("Centre Cívic del Nord", neighbourhood_id=nord.id)
    make_facility("Biblioteca del Barri Vell", kind="library", neighbourhood_id=vell.id)
    commit()
    html = text(client.get("/facilities/"))
    assert "Centre Cívic del Nord" in html and "Biblioteca del Barri Vell" in html
    html = text(client.get(f"/facilities/?neighbourhood={nord.id}"))
    assert "Centre Cívic del Nord" in html and "Biblioteca del Barri Vell" not in html
    html = text(client.get("/facilities/?kind=library"))
    assert "Centre Cívic del Nord" not in html and "Biblioteca del Barri Vell" in html
    # nonsense filters are no filters, never an error
    for query in ("?kind=castle", "?neighbourhood=99999999999999", "?neighbourhood=x"):
        response = client.get("/facilities/" + query)
        assert response.status_code == 200 and "Centre Cívic del Nord" in text(response)


def test_a_facility_page(client, commit, council, make_facility, process, facilitator,
                         make_meeting_in):
    today = local_date(NOW)
    every_day = tuple((day, "00:00", "23:59") for day in range(7))
    facility = make_facility("Casal de Barri Vell", address="Carrer de la Font, 12",
                             accessibility_notes="Entrada sense graons pel carrer de la Font.",
                             rooms=(("Sala gran", 60), ("Sala petita", 15)), hours=every_day)
    tomorrow = today + timedelta(days=1)
    operations.add_opening_exception(facility, {"day": tomorrow, "is_closed": True,
                                                "note": "Festa major"}, actor=council,
                                     translations={"en": {"note": "Town festival"}})
    upcoming = make_meeting_in(facility.rooms[0], process, facilitator, title="Assemblea gran")
    draft = make_meeting_in(facility.rooms[0], process, facilitator, title="Esborrany",
                            publish=False, start=NOW + timedelta(days=20))
    commit()
    html = text(client.get(f"/facilities/{facility.slug}"))
    assert "Carrer de la Font, 12" in html
    assert "Entrada sense graons pel carrer de la Font." in html
    assert "Sala gran — 60 people" in html and "Sala petita — 15 people" in html
    assert "Opening hours this week" in html
    if tomorrow.isocalendar()[1] == today.isocalendar()[1]:  # tomorrow is in this week
        assert "Town festival" in html
    assert "Assemblea gran" in html and "Esborrany" not in html
    assert f"/processes/{process.slug}/meetings/{upcoming.id}" in html
    assert draft.status is MeetingStatus.DRAFT
    # open all day long, bar the last minute
    local = utc_to_local(utcnow())
    if local.time() < time(23, 58):
        assert "Open now" in html


def test_a_facility_without_hours_is_closed_now(client, commit, make_facility):
    facility = make_facility(hours=())
    commit()
    assert "Closed now" in text(client.get(f"/facilities/{facility.slug}"))


@pytest.mark.parametrize("url", [
    "/facilities/no-such-place", "/facilities/no-such-place.ics",
    "/admin/facilities/99999999999", "/admin/facilities/2147483647/edit",
    "/admin/facilities/1/rooms/99999999999/edit",
])
def test_unknown_addresses_are_404(as_council, url, make_facility, commit):
    make_facility()
    commit()
    assert as_council.get(url).status_code == 404


# --- the council's pages -----------------------------------------------------------------------

def test_the_council_creates_a_facility_with_rooms_hours_and_an_exception(
        as_council, make_neighbourhood, commit):
    barri = make_neighbourhood("Les Basses")
    commit()
    assert as_council.get("/admin/facilities/").status_code == 200
    response = post(as_council, "/admin/facilities/new", {
        "name": "Biblioteca de Les Basses", "kind": "library", "neighbourhood_id": str(barri.id),
        "address": "Avinguda del Riu, 45", "accessibility_notes": "Tot en una planta.",
        "accessibility_notes_en": "All on one floor.", "description": "Club de lectura.",
    })
    assert response.status_code == 302
    sync()
    facility = db.session.scalar(sa.select(Facility))
    assert response.headers["Location"].endswith(f"/admin/facilities/{facility.id}")
    assert facility.text_in("accessibility_notes", "en") == "All on one floor."
    base = f"/admin/facilities/{facility.id}"
    assert post(as_council, base + "/rooms", {"name": "Sala polivalent",
                                              "capacity": "40"}).status_code == 302
    assert post(as_council, base + "/hours", {"weekday": "1", "opens": "10:00",
                                              "closes": "14:00"}).status_code == 302
    assert post(as_council, base + "/exceptions", {"day": "2027-01-06", "is_closed": "y",
                                                   "note": "Reis"}).status_code == 302
    sync()
    room = db.session.scalar(sa.select(Room))
    assert post(as_council, f"{base}/rooms/{room.id}/edit", {
        "name": "Sala polivalent", "capacity": "45"}).status_code == 302
    sync()
    assert db.session.get(Room, room.id).capacity == 45
    html = text(as_council.get(base))
    assert "Sala polivalent" in html and "Reis" in html
    hours = db.session.scalar(sa.select(OpeningHours))
    exception = db.session.scalar(sa.select(OpeningException))
    assert post(as_council, f"{base}/hours/{hours.id}/remove").status_code == 302
    assert post(as_council, f"{base}/exceptions/{exception.id}/remove").status_code == 302
    sync()
    assert count(OpeningHours) == count(OpeningException) == 0
    assert logged() == ["create_facility", "add_room", "add_opening_hours",
                        "add_opening_exception", "update_room", "remove_opening_hours",
                        "remove_opening_exception"]
    assert as_council.get(f"/facilities/{facility.slug}").status_code == 200


@pytest.mark.parametrize("where, data, field", [
    ("new", {"name": "Casal\x0bJove", "kind": "casal", "address": "Riu, 1"}, "name"),
    ("new", {"name": "Casal", "kind": "casal", "address": "Riu\r\n1"}, "address"),
    ("new", {"name": "Casal", "kind": "castle", "address": "Riu, 1"}, "kind"),
    ("new", {"name": "", "kind": "casal", "address": "Riu, 1"}, "name"),
    ("rooms", {"name": "Sala", "capacity": "0"}, "capacity"),
    ("rooms", {"name": "Sala\n2", "capacity": "10"}, "name"),
    ("rooms", {"name": "Sala 1", "capacity": "10"}, "name"),  # taken in this facility
    ("hours", {"weekday": "0", "opens": "14:00", "closes": "09:00"}, "closes"),
    ("hours", {"weekday": "9", "opens": "09:00", "closes": "10:00"}, "weekday"),
    ("hours", {"weekday": "0", "opens": "25:00", "closes": "26:00"}, "opens"),
    ("exceptions", {"day": "2027-01-06", "opens": "13:00", "closes": "10:00"}, "closes"),
    ("exceptions", {"day": "not a day", "is_closed": "y"}, "day"),
])
def test_bad_input_changes_nothing(as_council, make_facility, commit, where, data, field):
    facility = make_facility(rooms=(("Sala 1", 30),))
    commit()
    before = (count(Facility), count(Room), count(OpeningHours), count(OpeningException),
              len(logged()))
    url = ("/admin/facilities/new" if where == "new"
           else f"/admin/facilities/{facility.id}/{where}")
    response = post(as_council, url, data)
    assert response.status_code == 400
    assert field_error(text(response), field)
    sync()
    assert (count(Facility), count(Room), count(OpeningHours), count(OpeningException),
            len(logged())) == before


def test_a_post_without_the_csrf_token_is_refused(as_council, make_facility, commit):
    facility = make_facility()
    commit()
    response = as_council.post(f"/admin/facilities/{facility.id}/rooms",
                               data={"name": "Sala 2", "capacity": "10"})
    assert response.status_code == 400
    sync()
    assert count(Room) == 1


def test_a_translated_message_in_catalan(client, make_facility, commit):
    council = person("council")
    council.locale = "ca"
    facility = make_facility()
    commit()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    login(client, council)
    response = post(client, f"/admin/facilities/{facility.id}/hours",
                    {"weekday": "0", "opens": "14:00", "closes": "09:00"})
    assert response.status_code == 400
    assert field_error(text(response), "closes") == "Ha de tancar després d&#39;obrir."


# --- a meeting in a room, through its form -----------------------------------------------------

def test_a_facilitator_places_a_meeting_in_a_room(client, process, make_facility, commit):
    facilitator = person("facilitator", process=process)
    facility = make_facility("Centre Cívic del Nord", address="Plaça del Mercat, 3",
                             rooms=(("Sala 2", 24),))
    room = facility.rooms[0]
    commit()
    login(client, facilitator)
    html = text(client.get(f"/processes/{process.slug}/meetings/new"))
    assert '<optgroup label="Centre Cívic del Nord">' in html
    assert f'<option value="{room.id}">Sala 2 (24 people)</option>' in html

    # more places than the room holds: refused on the capacity, nothing saved
    response = post(client, f"/processes/{process.slug}/meetings/new",
                    form_values(room_id=str(room.id), capacity="30", reserved_places="0"))
    assert response.status_code == 400
    assert "24" in field_error(text(response), "capacity")
    sync()
    assert count(Meeting) == 0

    response = post(client, f"/processes/{process.slug}/meetings/new",
                    form_values(room_id=str(room.id), capacity="20", reserved_places="0",
                                place="", address=""))
    assert response.status_code == 302
    sync()
    meeting = db.session.scalar(sa.select(Meeting))
    assert (meeting.room_id, meeting.place, meeting.address) == (
        room.id, "Centre Cívic del Nord — Sala 2", "Plaça del Mercat, 3")
    page = f"/processes/{process.slug}/meetings/{meeting.id}"
    assert post(client, page + "/publish").status_code == 302
    html = text(client.get(page))
    assert f'href="/facilities/{facility.slug}"' in html

    # a second meeting at the same time: saved as a draft, refused when published
    response = post(client, f"/processes/{process.slug}/meetings/new",
                    form_values(room_id=str(room.id), capacity="10", reserved_places="0"))
    assert response.status_code == 302
    sync()
    second = db.session.scalar(sa.select(Meeting).where(Meeting.id != meeting.id))
    response = post(client, f"/processes/{process.slug}/meetings/{second.id}/publish",
                    follow_redirects=True)
    assert "The room is already booked" in text(response)
    sync()
    assert db.session.get(Meeting, second.id).status is MeetingStatus.DRAFT


@pytest.mark.parametrize("room_id", ["abc", "99999999999", "-1"])
def test_a_room_that_does_not_exist_is_refused(client, process, commit, room_id):
    facilitator = person("facilitator", process=process)
    commit()
    login(client, facilitator)
    response = post(client, f"/processes/{process.slug}/meetings/new",
                    form_values(room_id=room_id))
    assert response.status_code == 400
    assert field_error(text(response), "room_id")
    assert csrf_token(client)


def test_the_holiday_is_shown_in_its_week(client, commit, council, make_facility):
    """A closed day this week shows "Closed" with its note, whatever the weekly hours say."""
    facility = make_facility(hours=tuple((d, "09:00", "14:00") for d in range(7)))
    today = local_date(NOW)
    operations.add_opening_exception(facility, {"day": today, "is_closed": True,
                                                "note": "Sant Esteve"}, actor=council,
                                     translations={"en": {"note": "Saint Stephen's Day"}})
    commit()
    html = text(client.get(f"/facilities/{facility.slug}"))
    assert "Saint Stephen&#39;s Day" in html
    assert "Closed now" in html
    assert date.today() is not None
