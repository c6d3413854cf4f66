"""Writes about neighbourhoods (council only; the views check)."""

from flask_babel import lazy_gettext as _l

from participa.core.models import assign_slug, log_action
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood

FIELDS = ("name", "district", "population")


# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_neighbourhood": _l("created a neighbourhood"),
    "update_neighbourhood": _l("edited a neighbourhood"),
}


def create_neighbourhood(data: dict, *, actor) -> Neighbourhood:
    neighbourhood = Neighbourhood()
    return _save(neighbourhood, data, actor=actor, verb="create_neighbourhood")


def update_neighbourhood(neighbourhood: Neighbourhood, data: dict, *, actor) -> Neighbourhood:
    return _save(neighbourhood, data, actor=actor, verb="update_neighbourhood")


def _save(neighbourhood, data, *, actor, verb):
    for field in FIELDS:
        setattr(neighbourhood, field, data[field] if field != "district" else data[field] or "")
    assign_slug(neighbourhood, data.get("slug"), data["name"])
    db.session.add(neighbourhood)
    db.session.flush()
    log_action(verb, neighbourhood, actor=actor, slug=neighbourhood.slug)
    return neighbourhood
