"""E-mails about meetings, each written in the recipient's own language and carrying the
meeting as an iCalendar attachment. Sent by the views after the commit, never by operations."""

from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from participa.core.mail import send_mail
from participa.meetings import ical
from participa.meetings.models import RegistrationStatus


def meeting_link(meeting) -> str:
    return url_for("meetings.show", slug=meeting.process.slug, id=meeting.id, _external=True)


def _attachment(meeting):
    """The meeting as an .ics file, without the online link: that appears on the meeting page,
    to registered people, from shortly before the start (an e-mail cannot take it back)."""
    data = ical.calendar_bytes([meeting], name=meeting.title)
    return (f"meeting-{meeting.id}.ics", "text/calendar", data)


def _send(registration, subject, template, **context):
    """``subject`` is lazy: it is translated here, in the person's language."""
    user, meeting = registration.user, registration.meeting
    with force_locale(user.locale):
        send_mail(
            user.email,
            str(subject),
            render_template(template, user=user, meeting=meeting, registration=registration,
                            link=meeting_link(meeting), **context),
            attachments=[_attachment(meeting)],
        )


def send_registration(registration) -> None:
    """Confirm a registration, or a place on the waiting list."""
    title = registration.meeting.title
    if registration.status == RegistrationStatus.WAITING:
        subject = _l("You are on the waiting list for \"%(title)s\"", title=title)
    else:
        subject = _l("You are registered for \"%(title)s\"", title=title)
    _send(registration, subject, "meetings/email/registered.txt")


def send_promotion(registration) -> None:
    """Tell someone who was waiting that a place freed up and is now theirs."""
    subject = _l("A place has freed up: you are registered for \"%(title)s\"",
                 title=registration.meeting.title)
    _send(registration, subject, "meetings/email/promoted.txt")


def send_cancellation(meeting, registrations) -> None:
    """Tell everyone registered (or waiting) that the meeting is cancelled, and why. The
    attachment says STATUS:CANCELLED, so calendars holding it strike it out."""
    for registration in registrations:
        user = registration.user
        with force_locale(user.locale):
            send_mail(
                user.email,
                str(_l("Cancelled: \"%(title)s\"", title=meeting.title)),
                render_template("meetings/email/cancelled.txt", user=user, meeting=meeting,
                                link=meeting_link(meeting)),
                attachments=[_attachment(meeting)],
            )
