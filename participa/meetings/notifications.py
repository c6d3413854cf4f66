"""E-mails about meetings, each written in the recipient's language and carrying the meeting
as an iCalendar attachment; queued through the one mail door in the same transaction as the
change they tell about (and dropped with it)."""

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person
from participa.core.translated import text_in
from participa.meetings import ical
from participa.meetings.content import KIND
from participa.meetings.models import RegistrationStatus


def meeting_link(meeting) -> str:
    return KIND.url(meeting, external=True)


def _attachment(meeting):
    """The meeting as an .ics file, without the online link: that appears on the meeting page,
    to registered people, from shortly before the start (an e-mail cannot take it back)."""
    data = ical.calendar_bytes([meeting], name=text_in(meeting, "title"))
    return (f"meeting-{meeting.id}.ics", "text/calendar", data)


def _send(registration, subject, template) -> None:
    """``subject`` is lazy: it is translated in the person's language."""
    meeting = registration.meeting
    with force_locale(registration.user.locale):  # the calendar in the person's language too
        attachment = _attachment(meeting)
    mail_person(registration.user, subject, template, meeting=meeting,
                registration=registration, link=meeting_link(meeting),
                attachments=[attachment])


def _title(meeting, user) -> str:
    """The meeting's title in the person's language (their translation, or the town's)."""
    return text_in(meeting, "title", user.locale)


def send_registration(registration) -> None:
    """Confirm a registration, or a place on the waiting list."""
    title = _title(registration.meeting, registration.user)
    if registration.status == RegistrationStatus.WAITING:
        subject = _l("You are on the waiting list for \"%(title)s\"", title=title)
    else:
        subject = _l("You are registered for \"%(title)s\"", title=title)
    _send(registration, subject, "meetings/email/registered.txt")


def send_promotion(registration) -> None:
    """Tell someone who was waiting that a place freed up and is now theirs."""
    subject = _l("A place has freed up: you are registered for \"%(title)s\"",
                 title=_title(registration.meeting, registration.user))
    _send(registration, subject, "meetings/email/promoted.txt")


def send_cancellation(meeting, registrations) -> None:
    """Tell everyone registered (or waiting) that the meeting is cancelled, and why. The
    attachment says STATUS:CANCELLED, so calendars holding it strike it out."""
    for registration in registrations:
        _send(registration, _l("Cancelled: \"%(title)s\"",
                               title=_title(meeting, registration.user)),
              "meetings/email/cancelled.txt")
