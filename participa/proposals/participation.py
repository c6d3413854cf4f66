"""The person's proposals, supports and invitations to co-author on "My participation"
(``participation_page`` receivers): two queries for the proposals part, two for the supports
part, two for the invitations, whatever their number."""

from flask_babel import lazy_gettext as _l

from participa.accounts.participation import section
from participa.associations.queries import represented_associations
from participa.proposals import queries


def my_proposals(sender, person, listing, **kwargs) -> dict:
    """Their proposals with state and answer; hidden ones marked (they may appeal), deleted
    ones left out."""
    if not listing.wants("proposals"):
        return {}
    proposals, more = listing.shown(queries.list_authored_by(
        person, limit=listing.limit, offset=listing.offset))
    return section(listing, "proposals", 10, _l("My proposals"),
                   "proposals/_my_participation.html", more=more, proposals=proposals)


def my_supports(sender, person, listing, **kwargs) -> dict:
    """What each process's allowance has left, and the proposals they support (one hidden by
    moderation shows as such, a deleted one is left out, but its support still counts)."""
    if not listing.wants("supports"):
        return {}
    proposals, more = listing.shown(queries.list_supported_by(
        person, limit=listing.limit, offset=listing.offset))
    allowances = queries.supports_by_process(person) if listing.page == 1 else []
    return section(listing, "supports", 20, _l("My supports"), "proposals/_my_supports.html",
                   more=more, proposals=proposals, allowances=allowances)


def my_invitations(sender, person, listing, **kwargs) -> dict:
    """The invitations to co-author a proposal waiting for the person's answer: to them, or
    to an association they may act for (two queries). Nothing shows when there are none."""
    if not listing.wants("invitations"):
        return {}
    represented = represented_associations(person)
    invitations = queries.list_invitations_for(person, [a.id for a in represented])
    if not invitations:
        return {}
    return section(listing, "invitations", 5, _l("Invitations to co-author"),
                   "proposals/_my_invitations.html", invitations=invitations)
