"""Attendance by registration code, without HTTP."""

import pytest

from participa.core.errors import DomainError
from participa.meetings import operations
from tests.support.meetings import (
    register_people,
)
from tests.support.records import log_entries


@pytest.mark.parametrize("typed", [str.lower, lambda code: f"  {code} "],
                         ids=["lower-case", "spaces"])
def test_attendance_by_code(process, facilitator, typed, make_meeting):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    marked = operations.mark_attendance(meeting, typed(registration.code), actor=facilitator)
    assert marked == registration
    assert registration.attended_at is not None
    (entry,) = log_entries("mark_attendance", meeting)
    assert entry.data["registration_id"] == registration.id


def test_attendance_is_marked_once(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator)
    (registration,) = register_people(meeting, 1)
    operations.mark_attendance(meeting, registration.code, actor=facilitator)
    attended_at = registration.attended_at
    operations.mark_attendance(meeting, registration.code.lower(), actor=facilitator)
    assert registration.attended_at == attended_at
    assert len(log_entries("mark_attendance")) == 1


def test_attendance_needs_a_confirmed_code_of_this_meeting(process, facilitator, make_meeting):
    meeting = make_meeting(process, facilitator, capacity=1)
    _, waiting, leaving = register_people(meeting, 3)
    operations.cancel_registration(meeting, actor=leaving.user)
    other_meeting = make_meeting(process, facilitator)
    (elsewhere,) = register_people(other_meeting, 1)

    for code in (waiting.code, leaving.code, elsewhere.code, "", "ZZZZZZZ"):
        with pytest.raises(DomainError) as error:
            operations.mark_attendance(meeting, code, actor=facilitator)
        assert error.value.field == "code"
    assert log_entries("mark_attendance") == []
    assert all(r.attended_at is None for r in (waiting, leaving, elsewhere))
