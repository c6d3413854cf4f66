"""What an association's page shows of proposals (``participa.associations.activity``): the
proposals it published through its representatives or co-authors, in one query."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.associations.activity import ActivityItem, register_activity
from participa.proposals import queries


def association_proposals(association) -> list[ActivityItem]:
    return [ActivityItem(p.title, url_for("proposals.show", slug=p.process.slug, id=p.id),
                         p.created_at, p.language)
            for p in queries.proposals_of_association(association)]


def register() -> None:
    register_activity("proposals", _l("Proposals"), association_proposals)
