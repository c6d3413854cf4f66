"""The reports a person made and their outcome, on "My participation" (a
``participation_page`` receiver): one query for the reports with their moderations, one per
kind of thing reported, one for those things' processes."""

from flask_babel import lazy_gettext as _l

from participa.accounts.participation import section
from participa.moderation import queries


def my_reports(sender, person, listing, **kwargs) -> dict:
    """Each report: what was reported (its title and address while it is shown; only its kind
    once hidden or gone), the reason, the day and the outcome."""
    if not listing.wants("reports"):
        return {}
    reports, more = listing.shown(queries.list_reports_by(
        person, limit=listing.limit, offset=listing.offset))
    targets = queries.load_targets([report.moderation for report in reports])
    _processes = queries.load_processes_of(targets.values())  # held: the addresses read them
    items = []
    for report in reports:
        moderation = report.moderation
        kind = moderation.kind
        target = targets.get((moderation.target_kind, moderation.target_id))
        shown = (kind is not None and target is not None
                 and getattr(target, "hidden_at", None) is None
                 and getattr(target, "deleted_at", None) is None)
        items.append({
            "report": report, "moderation": moderation, "kind": kind,
            "title": kind.title(target) if shown else None,
            "address": kind.address(target) if shown else None,
        })
    return section(listing, "reports", 60, _l("My reports"),
                   "moderation/_my_participation.html", more=more, items=items)
