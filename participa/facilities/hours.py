"""When a facility is open: its weekly hours with the day's exception applied, a week's
schedule and "open now", all in the town's time (Europe/Madrid), whatever the clock changes
(a moment is turned into the town's wall-clock time first, then compared)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from participa.core.timeutil import local_date, utc_to_local


@dataclass
class Day:
    """One day of a facility's schedule: its open intervals (none: closed) and the exception
    that decided them, if any."""

    day: date
    intervals: list[tuple[time, time]] = field(default_factory=list)
    exception: object = None

    @property
    def is_closed(self) -> bool:
        return not self.intervals


def day_schedule(hours, exceptions_by_day: dict, day: date) -> Day:
    """The day's intervals: the exception's (closed, or its special hours) when there is one,
    otherwise the weekly hours of that weekday."""
    exception = exceptions_by_day.get(day)
    if exception is not None:
        intervals = [] if exception.is_closed else [(exception.opens, exception.closes)]
        return Day(day, intervals, exception)
    return Day(day, sorted((h.opens, h.closes) for h in hours if h.weekday == day.weekday()))


def week_of(hours, exceptions, today: date) -> list[Day]:
    """Monday to Sunday of the week holding ``today``, exceptions applied."""
    by_day = {e.day: e for e in exceptions}
    monday = today - timedelta(days=today.weekday())
    return [day_schedule(hours, by_day, monday + timedelta(days=n)) for n in range(7)]


def is_open_at(hours, exceptions, moment: datetime) -> bool:
    """Whether the facility is open at ``moment`` (aware), read in the town's time."""
    local = utc_to_local(moment)
    today = day_schedule(hours, {e.day: e for e in exceptions}, local.date())
    now = local.time().replace(tzinfo=None)
    return any(opens <= now < closes for opens, closes in today.intervals)


def this_week(moment: datetime) -> tuple[date, date]:
    """The first and last day of the town's week at ``moment``."""
    today = local_date(moment)
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)
