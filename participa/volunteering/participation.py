"""The person's volunteering: their part of "My participation" (a ``participation_page``
receiver), one query however many sign-ups."""

from flask_babel import lazy_gettext as _l

from participa.accounts.participation import section
from participa.volunteering import queries


def my_volunteering(sender, person, listing, **kwargs) -> dict:
    """Where they volunteer (signed up or on a waiting list), the soonest first."""
    if not listing.wants("volunteering"):
        return {}
    signups, more = listing.shown(queries.list_my_volunteering(
        person, limit=listing.limit, offset=listing.offset))
    return section(listing, "volunteering", 35, _l("My volunteering"),
                   "volunteering/_my_participation.html", more=more, signups=signups)
