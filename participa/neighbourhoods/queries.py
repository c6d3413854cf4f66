"""Reads about neighbourhoods."""

from sqlalchemy import select

from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood


def list_neighbourhoods() -> list[Neighbourhood]:
    return list(db.session.scalars(select(Neighbourhood).order_by(Neighbourhood.name)))


def get_neighbourhood_by_slug(slug: str) -> Neighbourhood | None:
    return db.session.scalar(select(Neighbourhood).where(Neighbourhood.slug == slug))


def neighbourhood_choices(blank=True) -> list[tuple]:
    from flask_babel import lazy_gettext as _l

    choices = [(n.id, n.name) for n in list_neighbourhoods()]
    return ([(None, _l("— none —"))] + choices) if blank else choices
