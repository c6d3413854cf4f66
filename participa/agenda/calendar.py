"""The agenda's periods (a day, a week from Monday, a month) and the month grid, in the
town's days (Europe/Madrid). Pure: no database, no request."""

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from participa.core.timeutil import local_to_utc

VIEWS = ("day", "week", "month", "grid")  # "grid": the month as a table
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 1)  # what the agenda pages through


@dataclass(frozen=True)
class Period:
    view: str
    start: date  # the first day
    end: date  # the day after the last

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days)]

    @property
    def utc_range(self) -> tuple[datetime, datetime]:
        """[start, end) as UTC moments: the local midnights that bound it."""
        return (local_to_utc(datetime.combine(self.start, time(0))),
                local_to_utc(datetime.combine(self.end, time(0))))

    @property
    def previous(self) -> date:
        if self.view == "day":
            return self.start - timedelta(days=1)
        if self.view == "week":
            return self.start - timedelta(days=7)
        return (self.start - timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> date:
        return self.end


def parse_day(value, today: date) -> date:
    """The ``date`` parameter (YYYY-MM-DD) within the agenda's years, otherwise ``today``."""
    if not isinstance(value, str) or len(value) != 10:
        return today
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return today
    return day if EARLIEST <= day < LATEST else today


def period_of(view: str, day: date) -> Period:
    """The day, the week (Monday to Sunday) or the month (list or grid) holding ``day``."""
    if view == "day":
        return Period(view, day, day + timedelta(days=1))
    if view == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(view, monday, monday + timedelta(days=7))
    first = day.replace(day=1)
    last = _calendar.monthrange(day.year, day.month)[1]
    return Period(view, first, first + timedelta(days=last))


def month_weeks(period: Period) -> list[list[date | None]]:
    """The month's weeks, Monday first: each a list of seven days (None outside the month)."""
    weeks, week = [], [None] * period.start.weekday()
    for day in period.days:
        week.append(day)
        if len(week) == 7:
            weeks.append(week)
            week = []
    if week:
        weeks.append(week + [None] * (7 - len(week)))
    return weeks
