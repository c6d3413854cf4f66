"""Times typed and shown in Europe/Madrid, stored in UTC, around the daylight-saving changes
(last Sunday of March: 02:00 → 03:00; last Sunday of October: 03:00 → 02:00)."""

from datetime import UTC, datetime, timedelta

import pytest
from flask import current_app
from werkzeug.datastructures import MultiDict
from wtforms import Form

from participa.core.forms import LocalDateTimeField
from participa.core.timeutil import LOCAL_TZ, local_to_utc, utc_to_local
from participa.extensions import db
from participa.meetings import ical

# (typed in Madrid, the UTC instant it means)
AROUND_THE_CHANGES = [
    ("2026-03-28T10:00", datetime(2026, 3, 28, 9, 0, tzinfo=UTC)),  # Saturday, winter time
    ("2026-03-29T10:00", datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),  # Sunday, summer time
    ("2026-10-24T18:00", datetime(2026, 10, 24, 16, 0, tzinfo=UTC)),  # Saturday, summer time
    ("2026-10-25T18:00", datetime(2026, 10, 25, 17, 0, tzinfo=UTC)),  # Sunday, winter time
]


class WhenForm(Form):
    starts_at = LocalDateTimeField()
    ends_at = LocalDateTimeField()


def submitted(**values) -> WhenForm:
    form = WhenForm(MultiDict(values))
    assert form.validate(), form.errors
    return form


@pytest.mark.parametrize("typed, instant", AROUND_THE_CHANGES)
def test_the_field_reads_madrid_time_as_utc(app, typed, instant):
    form = submitted(starts_at=typed, ends_at=typed)
    assert form.starts_at.data == instant
    assert form.starts_at.data.tzinfo is UTC
    assert form.starts_at.data.utcoffset() == timedelta(0)


@pytest.mark.parametrize("typed, instant", AROUND_THE_CHANGES)
def test_the_field_shows_utc_back_in_madrid_time(app, typed, instant):
    form = WhenForm(data={"starts_at": instant})
    assert form.starts_at._value() == typed
    assert f'value="{typed}"' in form.starts_at()
    assert 'type="datetime-local"' in form.starts_at()


@pytest.mark.parametrize("typed, instant", AROUND_THE_CHANGES)
def test_timeutil_converts_both_ways(typed, instant):
    naive = datetime.strptime(typed, "%Y-%m-%dT%H:%M")
    assert local_to_utc(naive) == instant
    local = utc_to_local(instant)
    assert local.replace(tzinfo=None) == naive
    assert local.tzinfo is LOCAL_TZ


def test_the_field_accepts_the_other_formats_browsers_send(app):
    for typed in ("2026-03-29 10:00", "2026-03-29T10:00:00"):
        assert submitted(starts_at=typed, ends_at=typed).starts_at.data == AROUND_THE_CHANGES[1][1]


def test_a_wrong_time_is_refused_with_the_typed_text_kept(app):
    form = WhenForm(MultiDict({"starts_at": "29/03/2026 10h", "ends_at": "2026-03-29T12:00"}))
    assert not form.validate()
    assert "starts_at" in form.errors
    assert form.starts_at.data is None
    assert form.starts_at._value() == "29/03/2026 10h"


@pytest.mark.parametrize("utc_time, shown, offset", [
    (datetime(2026, 3, 29, 0, 59, tzinfo=UTC), "01:59", 1),  # the last winter minute
    (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "03:00", 2),  # 02:00 never happens
    (datetime(2026, 10, 25, 0, 59, tzinfo=UTC), "02:59", 2),  # the last summer minute
    (datetime(2026, 10, 25, 1, 0, tzinfo=UTC), "02:00", 1),  # 02:00–03:00 happens twice
])
def test_the_clock_changes_at_one_utc_on_the_last_sundays(utc_time, shown, offset):
    local = utc_to_local(utc_time)
    assert local.strftime("%H:%M") == shown
    assert local.utcoffset() == timedelta(hours=offset)


def test_a_repeated_hour_is_read_as_its_first_occurrence():
    """02:30 on the last Sunday of October happens twice; a typed time means the first one
    (still summer time)."""
    instant = local_to_utc(datetime(2026, 10, 25, 2, 30))
    assert instant == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert utc_to_local(instant).strftime("%H:%M %Z") == "02:30 CEST"


def test_an_hour_that_never_happens_moves_forward():
    """02:30 on the last Sunday of March does not exist; it is read with the winter offset,
    which is 03:30 summer time on the clock."""
    instant = local_to_utc(datetime(2026, 3, 29, 2, 30))
    assert instant == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert utc_to_local(instant).strftime("%H:%M %Z") == "03:30 CEST"


@pytest.mark.parametrize("day", ["2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"])
def test_a_meeting_keeps_its_wall_clock_times(process, day, make_user, make_meeting):
    """Typed in a form, stored, read back from the database: the same hours on the clock, in
    the edit form and in the calendar file."""
    form = submitted(starts_at=f"{day}T18:00", ends_at=f"{day}T20:30")
    meeting = make_meeting(process, make_user("council"),
                           starts_at=form.starts_at.data, ends_at=form.ends_at.data)
    db.session.flush()
    db.session.expire(meeting)  # read the stored values back through the column type

    assert meeting.starts_at.tzinfo is not None
    assert utc_to_local(meeting.starts_at).strftime("%Y-%m-%d %H:%M") == f"{day} 18:00"
    assert utc_to_local(meeting.ends_at).strftime("%Y-%m-%d %H:%M") == f"{day} 20:30"
    assert meeting.ends_at - meeting.starts_at == timedelta(hours=2, minutes=30)

    edit = WhenForm(obj=meeting)
    assert edit.starts_at._value() == f"{day}T18:00"
    assert edit.ends_at._value() == f"{day}T20:30"

    with current_app.test_request_context():
        data = ical.calendar_bytes([meeting], name="Participa")
    compact = day.replace("-", "")
    assert f"DTSTART;TZID=Europe/Madrid:{compact}T180000\r\n".encode() in data
    assert f"DTEND;TZID=Europe/Madrid:{compact}T203000\r\n".encode() in data


def test_a_week_across_the_change_is_one_hour_shorter_in_utc(process, make_user, make_meeting):
    """Weekly meetings at 19:00 on each side of the March change: same clock time, UTC instants
    168 − 1 hours apart."""
    before = submitted(starts_at="2026-03-24T19:00", ends_at="2026-03-24T21:00")
    after = submitted(starts_at="2026-03-31T19:00", ends_at="2026-03-31T21:00")
    organizer = make_user("council")
    first = make_meeting(process, organizer, starts_at=before.starts_at.data,
                         ends_at=before.ends_at.data)
    second = make_meeting(process, organizer, starts_at=after.starts_at.data,
                          ends_at=after.ends_at.data)
    assert second.starts_at - first.starts_at == timedelta(hours=7 * 24 - 1)
    with current_app.test_request_context():
        data = ical.calendar_bytes([first, second], name="Participa")
    assert b"DTSTART;TZID=Europe/Madrid:20260324T190000\r\n" in data
    assert b"DTSTART;TZID=Europe/Madrid:20260331T190000\r\n" in data
