"""Times are stored in UTC and entered and shown in Europe/Madrid."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Madrid")


def local_to_utc(naive_local: datetime) -> datetime:
    """A wall-clock time in Madrid (as typed in a form) → an aware UTC datetime."""
    return naive_local.replace(tzinfo=LOCAL_TZ).astimezone(UTC)


def utc_to_local(aware: datetime) -> datetime:
    return aware.astimezone(LOCAL_TZ)


def local_date(moment: datetime | None = None) -> date:
    """The town's date at ``moment`` (now by default): the day a vote is cast on, the day ages
    and voter rolls count in."""
    return (moment or datetime.now(UTC)).astimezone(LOCAL_TZ).date()
