"""iCalendar (RFC 5545) for meetings, parsed back with the ``icalendar`` package: stable UIDs,
Europe/Madrid times with their VTIMEZONE, SEQUENCE, cancellations and the online link."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import current_app
from icalendar import Calendar

from participa.meetings import ical, operations
from tests.support import factories
from tests.support.meetings import meeting_data

LINK = "https://meet.example.org/assemblea-de-barri"
TITLE = "Trobada veïnal a la plaça"


@pytest.fixture
def organizer():
    return factories.make_user("council")


def build(meetings, **kwargs) -> bytes:
    """The calendar as a request (which gives the host the UIDs and links use) would send it."""
    kwargs.setdefault("name", "Participa")
    with current_app.test_request_context():
        return ical.calendar_bytes(meetings, **kwargs)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(data: bytes) -> list:
    return parse(data).walk("VEVENT")


def only_event(data: bytes):
    (event,) = events(data)
    return event


def test_one_event_per_meeting_with_its_own_uid(process, organizer, make_meeting):
    meetings = [make_meeting(process, organizer) for _ in range(3)]
    found = events(build(meetings))
    assert [str(e["UID"]) for e in found] == [f"meeting-{m.id}@participa.test" for m in meetings]
    assert [str(e["SUMMARY"]) for e in found] == [m.title for m in meetings]


def test_the_calendar_says_who_made_it(process, organizer, make_meeting):
    calendar = parse(build([make_meeting(process, organizer)], name="Procés del barri"))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == ical.PRODID
    assert str(calendar["X-WR-CALNAME"]) == "Procés del barri"


def test_uids_are_stable_across_builds(process, organizer, make_meeting):
    meeting = make_meeting(process, organizer)
    first, second = only_event(build([meeting])), only_event(build([meeting]))
    assert str(first["UID"]) == str(second["UID"]) == f"meeting-{meeting.id}@participa.test"
    assert str(first["UID"]) == ical.meeting_uid(meeting, "participa.test")


def test_times_are_written_in_madrid_and_mean_the_stored_instants(process, organizer, make_meeting):
    start = datetime(2026, 7, 14, 16, 30, tzinfo=UTC)  # 18:30 in Madrid (summer time)
    meeting = make_meeting(process, organizer, starts_at=start, ends_at=start + timedelta(hours=2))
    data = build([meeting])
    event = only_event(data)

    for name, stored in (("DTSTART", meeting.starts_at), ("DTEND", meeting.ends_at)):
        assert event[name].params["TZID"] == "Europe/Madrid"
        assert event.decoded(name) == stored
        assert event.decoded(name).utcoffset() == timedelta(hours=2)
    assert b"DTSTART;TZID=Europe/Madrid:20260714T183000\r\n" in data
    assert b"DTEND;TZID=Europe/Madrid:20260714T203000\r\n" in data


def test_a_madrid_vtimezone_is_included_once(process, organizer, make_meeting):
    meetings = [make_meeting(process, organizer) for _ in range(2)]
    calendar = parse(build(meetings))
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Madrid"
    kinds = {component.name for component in timezone.subcomponents}
    assert kinds == {"STANDARD", "DAYLIGHT"}
    offsets = {(str(c["TZNAME"]), c.decoded("TZOFFSETTO")) for c in timezone.subcomponents}
    assert {("CET", timedelta(hours=1)), ("CEST", timedelta(hours=2))} <= offsets


def test_the_vtimezone_covers_the_meetings_dates(process, organizer, make_meeting):
    winter = datetime(2026, 12, 30, 18, 0, tzinfo=UTC)
    summer = datetime(2027, 6, 30, 16, 0, tzinfo=UTC)
    meetings = [make_meeting(process, organizer, starts_at=when) for when in (winter, summer)]
    (timezone,) = parse(build(meetings)).walk("VTIMEZONE")
    onsets = []
    for change in timezone.subcomponents:
        onsets.append(change.decoded("DTSTART"))
        rdates = change.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            onsets.extend(period.dt for period in rdate.dts)
    summer_times = {(when.year, when.month) for when in onsets}
    assert {(2026, 3), (2026, 10), (2027, 3), (2027, 10)} <= summer_times
    for event in parse(build(meetings)).walk("VEVENT"):
        assert event.decoded("DTSTART").utcoffset() in (timedelta(hours=1), timedelta(hours=2))


def test_an_empty_feed_is_still_a_calendar(app):
    calendar = parse(build([]))
    assert calendar.walk("VEVENT") == []
    # RFC 5545: a VCALENDAR holds at least one component
    assert [str(c["TZID"]) for c in calendar.walk("VTIMEZONE")] == ["Europe/Madrid"]


def test_sequence_grows_with_each_change(process, organizer, make_meeting):
    meeting = make_meeting(process, organizer)
    before = only_event(build([meeting]))
    operations.update_meeting(meeting, meeting_data(meeting, place="Biblioteca del barri"),
                              actor=organizer)
    after = only_event(build([meeting]))

    assert int(before["SEQUENCE"]) == 0
    assert int(after["SEQUENCE"]) == 1
    assert str(after["UID"]) == str(before["UID"])
    assert "Biblioteca del barri" in str(after["LOCATION"])


def test_a_cancelled_meeting_is_marked_with_its_reason(process, organizer, make_meeting):
    meeting = make_meeting(process, organizer)
    assert str(only_event(build([meeting]))["STATUS"]) == "CONFIRMED"
    operations.cancel_meeting(meeting, "Previsió de pluja forta.", actor=organizer)

    event = only_event(build([meeting]))
    assert str(event["STATUS"]) == "CANCELLED"
    assert "Previsió de pluja forta." in str(event["DESCRIPTION"])
    assert int(event["SEQUENCE"]) == 1


@pytest.mark.parametrize("kind", ["online", "hybrid"])
def test_the_online_link_only_when_allowed(process, organizer, kind, make_meeting):
    meeting = make_meeting(process, organizer, kind=kind, online_url=LINK)
    public = only_event(build([meeting]))
    assert LINK not in public.to_ical().decode()
    own = only_event(build([meeting], show_link=lambda m: m.id == meeting.id))
    assert LINK in str(own["DESCRIPTION"])


def test_the_link_is_decided_meeting_by_meeting(process, organizer, make_meeting):
    mine = make_meeting(process, organizer, kind="online", online_url=LINK + "-1")
    other = make_meeting(process, organizer, kind="online", online_url=LINK + "-2")
    data = build([mine, other], show_link=lambda m: m.id == mine.id)
    first, second = (str(e["DESCRIPTION"]) for e in events(data))
    assert LINK + "-1" in first
    assert LINK + "-2" not in second


def test_in_person_meetings_have_a_location_and_no_link(process, organizer, make_meeting):
    meeting = make_meeting(process, organizer, kind="in_person", place="Casal de barri",
                           address="Carrer Major, 1")
    event = only_event(build([meeting], show_link=lambda m: True))
    assert str(event["LOCATION"]) == "Casal de barri, Carrer Major, 1"
    assert "https://meet" not in str(event["DESCRIPTION"])


def test_the_event_links_back_to_the_meeting_page(process, organizer, make_meeting):
    meeting = make_meeting(process, organizer)
    event = only_event(build([meeting]))
    url = str(event["URL"])
    assert url.endswith(f"/processes/{process.slug}/meetings/{meeting.id}")
    assert url.startswith("http") and "participa.test" in url
    assert url in str(event["DESCRIPTION"])


def test_non_ascii_text_survives(process, organizer, make_meeting):
    meeting = make_meeting(process, organizer, title=TITLE, place="Plaça de l'Església",
                           organizer="Associació de veïns i veïnes de Sant Pere",
                           description="Parlarem de l'àgora, els horaris i la façana.")
    data = build([meeting])
    event = only_event(data)
    assert str(event["SUMMARY"]) == TITLE
    assert "Plaça de l'Església" in str(event["LOCATION"])
    assert "l'àgora, els horaris i la façana." in str(event["DESCRIPTION"])
    assert TITLE.encode() in data  # written as UTF-8, not escaped away


def test_lines_are_crlf_and_folded_without_breaking_characters(process, organizer, make_meeting):
    long_title = (TITLE + " · ") * 7
    meeting = make_meeting(process, organizer, title=long_title.strip())
    data = build([meeting])
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line for line in lines)
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character
    assert str(only_event(data)["SUMMARY"]) == long_title.strip()
