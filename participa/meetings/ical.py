"""iCalendar (RFC 5545) for meetings: one meeting, or a feed of many.

UIDs are stable (``meeting-<id>@<host>``), times are written in Europe/Madrid with its
VTIMEZONE, SEQUENCE grows with each change, and cancelled meetings say STATUS:CANCELLED so
calendars that already hold them strike them out."""

from datetime import timedelta

from flask import current_app, url_for
from icalendar import Calendar, Event, Timezone, vText

from participa.core.text import one_line, plain_lines
from participa.core.timeutil import LOCAL_TZ, utc_to_local
from participa.core.translated import text_in
from participa.core.types import utcnow
from participa.meetings.models import MeetingKind, MeetingStatus, Organiser

PRODID = "-//Participa//Meetings//CA"


def meeting_uid(meeting, host: str | None = None) -> str:
    """Stable across feeds and e-mails: the meeting's id at the site's public host."""
    host = host or current_app.config["SERVER_NAME"].split(":")[0]
    return f"meeting-{meeting.id}@{host}"


def _event(meeting, *, show_link: bool, stamp) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", stamp)
    if meeting.is_all_day:  # whole days: DTEND is the day after the last (RFC 5545 3.6.1)
        event.add("dtstart", utc_to_local(meeting.starts_at).date())
        event.add("dtend", utc_to_local(meeting.ends_at).date() + timedelta(days=1))
    else:
        event.add("dtstart", utc_to_local(meeting.starts_at))
        event.add("dtend", utc_to_local(meeting.ends_at))
    event.add("categories", [str(meeting.event_type.label)])
    event.add("summary", one_line(text_in(meeting, "title")))  # in the reader's language
    event.add("sequence", meeting.sequence)
    event.add("last-modified", meeting.updated_at)
    url = url_for("meetings.show", slug=meeting.process.slug, id=meeting.id, _external=True)
    event.add("url", url)
    description = text_in(meeting, "description")
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
        description = f"{meeting.cancellation_reason}\n\n{description}".strip()
    else:
        event.add("status", "CONFIRMED")
    if show_link and meeting.kind != MeetingKind.IN_PERSON and meeting.online_url:
        description = f"{description}\n\n{meeting.online_url}".strip()
    event.add("description", vText(plain_lines(f"{description}\n\n{url}".strip())))
    location = one_line(", ".join(part for part in (meeting.place, meeting.address) if part))
    if location:
        event.add("location", location)
    organiser = (meeting.association.name if meeting.organised_by == Organiser.ASSOCIATION
                 and meeting.association is not None else meeting.organizer)
    if organiser:
        event.add("organizer", f"mailto:no-reply@{meeting_uid(meeting).split('@')[1]}",
                  parameters={"CN": one_line(organiser)})

    return event


def calendar_bytes(meetings, *, name: str, show_link=lambda meeting: False) -> bytes:
    """A VCALENDAR with one VEVENT per meeting. ``show_link(meeting)`` says whether the online
    link may go in (only in a registered person's own copy)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", one_line(name))
    calendar.add("x-wr-timezone", str(LOCAL_TZ))
    meetings = list(meetings)
    stamp = utcnow()
    # always a VTIMEZONE: RFC 5545 wants at least one component, even in an empty feed
    first = min((m.starts_at for m in meetings), default=stamp)
    last = max((m.ends_at for m in meetings), default=stamp)
    calendar.add_component(Timezone.from_tzinfo(
        LOCAL_TZ, tzid=str(LOCAL_TZ), first_date=first.date().replace(month=1, day=1),
        last_date=last.date().replace(year=last.year + 1, month=1, day=1),
    ))
    for meeting in meetings:
        calendar.add_component(_event(meeting, show_link=show_link(meeting), stamp=stamp))
    return calendar.to_ical()
