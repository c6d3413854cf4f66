"""The reader's places at meetings: their part of "My participation" (a
``participation_page`` receiver) and what each meeting card says about them
(``my_registrations``, a template global) — one query each, however many meetings."""

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.accounts.participation import section
from participa.meetings import queries
from participa.meetings.permissions import can_cancel_registration


def my_registrations(meetings) -> dict:
    """{meeting id: (status, waiting position or None)} of the signed-in reader among these
    meetings (nothing for a visitor, without a query): what the cards of a list say. Cards are
    written afresh for each reader (none is kept in a shared cache), so one person's place is
    never shown to another."""
    if not current_user.is_authenticated:
        return {}
    return queries.registration_states(current_user, [meeting.id for meeting in meetings])


def my_meetings(sender, person, listing, **kwargs) -> dict:
    """Their places: registered (with the door code, as the meeting's page shows it) or on a
    waiting list (with the position), the calendar link and the way to cancel. A meeting
    hidden by moderation shows as such, without its details."""
    if not listing.wants("meetings"):
        return {}
    rows, more = listing.shown(queries.list_registrations_of(
        person, limit=listing.limit, offset=listing.offset))
    places = [
        (registration, meeting, position,
         can_cancel_registration(person, meeting, registration=registration))
        for registration, meeting, position in rows
    ]
    return section(listing, "meetings", 30, _l("My meeting places"),
                   "meetings/_my_participation.html", more=more, places=places)
