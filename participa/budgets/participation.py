"""The budgets a person voted in, on "My participation" (a ``participation_page`` receiver):
where and when, never what — it reads the voter roll, never the ballot box, and finds no
ballot (a ballot's key needs the ballot key; this part never asks for it). One query."""

from flask_babel import lazy_gettext as _l

from participa.accounts.participation import section
from participa.budgets import queries
from participa.budgets.permissions import can_see_results


def my_budget_votes(sender, person, listing, **kwargs) -> dict:
    if not listing.wants("budget-votes"):
        return {}
    rows, more = listing.shown(queries.list_budgets_voted_by(
        person, limit=listing.limit, offset=listing.offset))
    votes = [(budget, voted_on, can_see_results(person, budget)) for budget, voted_on in rows]
    return section(listing, "budget-votes", 50, _l("My votes in participatory budgets"),
                   "budgets/_my_participation.html", more=more, votes=votes)
