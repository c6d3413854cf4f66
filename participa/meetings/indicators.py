"""What meetings offer the plans' indicators (``participa.plans.sources``): the meetings held in
the plan's processes and the people who attended them. One aggregate query each."""

from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.extensions import db
from participa.meetings.models import Meeting, MeetingStatus
from participa.plans.sources import end_of_day, process_ids_of, register_indicator_source


def _held(plan, on: date):
    """Meetings of the plan's processes, published or closed with their minutes, that had
    ended by the end of ``on`` (not cancelled, not hidden)."""
    return (Meeting.process_id.in_(process_ids_of(plan)),
            Meeting.status.in_([MeetingStatus.PUBLISHED, MeetingStatus.CLOSED]),
            Meeting.ends_at < end_of_day(on), Meeting.hidden_at.is_(None))


def meetings_held(plan, on: date) -> Decimal:
    return Decimal(db.session.scalar(
        sa.select(sa.func.count()).select_from(Meeting).where(*_held(plan, on))) or 0)


def meeting_attendance(plan, on: date) -> Decimal:
    """The attendance the minutes of those meetings record, added up."""
    return Decimal(db.session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(Meeting.attendees_count), 0))
        .where(*_held(plan, on))) or 0)


def register() -> None:
    register_indicator_source("meetings_held", _l("meetings held in the plan's processes"),
                              meetings_held)
    register_indicator_source("meeting_attendance",
                              _l("people attending the plan's meetings (from their minutes)"),
                              meeting_attendance)
