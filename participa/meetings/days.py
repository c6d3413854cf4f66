"""The days a meeting or event covers, in Europe/Madrid: what the agenda lists it under and
how long its page says it lasts. An event that ends at midnight does not cover the next day."""

from datetime import date, timedelta

from participa.core.timeutil import utc_to_local

JUST_BEFORE = timedelta(seconds=1)


def first_day(meeting) -> date:
    return utc_to_local(meeting.starts_at).date()


def last_day(meeting) -> date:
    return max(utc_to_local(meeting.ends_at - JUST_BEFORE).date(), first_day(meeting))


def meeting_days(meeting) -> int:
    """How many days it covers (1 for a meeting of an evening)."""
    return (last_day(meeting) - first_day(meeting)).days + 1


def days_covered(meeting, start: date, end: date) -> list[date]:
    """The days of [``start``, ``end``) it covers, in order."""
    day, last = max(first_day(meeting), start), min(last_day(meeting), end - timedelta(days=1))
    days = []
    while day <= last:
        days.append(day)
        day += timedelta(days=1)
    return days
