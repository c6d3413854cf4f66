"""The polls a person voted in, on "My participation" (a ``participation_page`` receiver):
where and when, never what — it reads the voter roll, never the ballot box. One query."""

from flask_babel import lazy_gettext as _l

from participa.accounts.participation import section
from participa.polls import queries
from participa.polls.permissions import can_see_results


def my_poll_votes(sender, person, listing, **kwargs) -> dict:
    if not listing.wants("poll-votes"):
        return {}
    rows, more = listing.shown(queries.list_polls_voted_by(
        person, limit=listing.limit, offset=listing.offset))
    votes = [(poll, voted_on, can_see_results(person, poll)) for poll, voted_on in rows]
    return section(listing, "poll-votes", 55, _l("My votes in polls"),
                   "polls/_my_participation.html", more=more, votes=votes)
