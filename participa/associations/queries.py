"""Reads about associations: the public register (searched, filtered, paginated, in a fixed
number of queries), one association, the council's queues, a person's associations and the
ones they may act for."""

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from participa.associations.models import (
    AreaOfWork,
    Association,
    AssociationRepresentative,
    AssociationStatus,
    RepresentativeStatus,
    association_areas,
    association_neighbourhoods,
)
from participa.core.pagination import Page, page_of
from participa.core.text import words
from participa.extensions import db

PUBLIC = (AssociationStatus.PENDING, AssociationStatus.VERIFIED)
MAX_WORDS = 8

# the register reads in alphabetical order, whatever the capitals ("de", "De")
BY_NAME = sa.func.lower(Association.name)


def _public_query(*, q="", neighbourhood_id=None, area_id=None):
    query = sa.select(Association).where(Association.status.in_(PUBLIC))
    for word in words(q or "")[:MAX_WORDS]:
        query = query.where(Association.search_text.contains(word, autoescape=True))
    if neighbourhood_id:
        query = query.where(Association.id.in_(
            sa.select(association_neighbourhoods.c.association_id)
            .where(association_neighbourhoods.c.neighbourhood_id == neighbourhood_id)))
    if area_id:
        query = query.where(Association.id.in_(
            sa.select(association_areas.c.association_id)
            .where(association_areas.c.area_id == area_id)))
    return query


def list_associations(*, q="", neighbourhood_id=None, area_id=None, page=1,
                      per_page=20) -> Page:
    """One page of the public register (pending and verified associations), by name: three
    queries whatever it holds (the page, its neighbourhoods, its areas)."""
    query = (_public_query(q=q, neighbourhood_id=neighbourhood_id, area_id=area_id)
             .options(selectinload(Association.neighbourhoods),
                      selectinload(Association.areas))
             .order_by(BY_NAME, Association.id)
             .limit(per_page + 1).offset((page - 1) * per_page))
    return page_of(list(db.session.scalars(query)), page, per_page)


def export_associations() -> list[Association]:
    """Every association of the public register, for the open data."""
    return list(db.session.scalars(
        _public_query().options(selectinload(Association.neighbourhoods),
                                selectinload(Association.areas))
        .order_by(BY_NAME, Association.id)))


def get_association_by_slug(slug: str) -> Association | None:
    if not slug or len(slug) > 80:
        return None
    return db.session.scalar(
        sa.select(Association).where(Association.slug == slug)
        .options(selectinload(Association.neighbourhoods), selectinload(Association.areas),
                 selectinload(Association.representatives)))


def get_association(association_id: int) -> Association | None:
    return db.session.scalar(
        sa.select(Association).where(Association.id == association_id)
        .options(selectinload(Association.neighbourhoods), selectinload(Association.areas),
                 selectinload(Association.representatives),
                 joinedload(Association.created_by)))


def get_link(association, link_id: int) -> AssociationRepresentative | None:
    return db.session.scalar(sa.select(AssociationRepresentative).where(
        AssociationRepresentative.id == link_id,
        AssociationRepresentative.association_id == association.id))


def count_representatives(association) -> int:
    """How many accepted representatives (either role) it has."""
    return sum(1 for r in association.representatives if r.is_accepted)


def representative_counts() -> dict[int, int]:
    """How many accepted representatives each association has (one query)."""
    rows = db.session.execute(
        sa.select(AssociationRepresentative.association_id, sa.func.count())
        .where(AssociationRepresentative.status == RepresentativeStatus.ACCEPTED)
        .group_by(AssociationRepresentative.association_id))
    return dict(rows.all())


def list_by_status(status: AssociationStatus, *, page=1, per_page=50) -> Page:
    """The council's queues: pending registrations, oldest first; refused ones, latest first."""
    order = (Association.created_at, Association.id) if status == AssociationStatus.PENDING \
        else (Association.decided_at.desc(), Association.id.desc())
    query = (sa.select(Association).where(Association.status == status)
             .options(joinedload(Association.created_by)).order_by(*order)
             .limit(per_page + 1).offset((page - 1) * per_page))
    return page_of(list(db.session.scalars(query)), page, per_page)


def list_my_links(user) -> list[AssociationRepresentative]:
    """``user``'s links to associations (asked for, accepted, refused), by association name."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(
        sa.select(AssociationRepresentative).join(AssociationRepresentative.association)
        .where(AssociationRepresentative.user_id == user.id)
        .options(joinedload(AssociationRepresentative.association))
        .order_by(BY_NAME, Association.id)))


def list_links(association) -> list[AssociationRepresentative]:
    """An association's representatives and requests (with each person), requests first."""
    return list(db.session.scalars(
        sa.select(AssociationRepresentative)
        .where(AssociationRepresentative.association_id == association.id)
        .order_by(AssociationRepresentative.status != RepresentativeStatus.REQUESTED,
                  AssociationRepresentative.id)))


def verified_association_choices(excluding=None) -> list[tuple[int, str]]:
    """(id, name) of the verified associations (those that may act on the platform), by name,
    for a select; ``excluding``: a subquery of ids to leave out."""
    query = sa.select(Association.id, Association.name).where(
        Association.status == AssociationStatus.VERIFIED)
    if excluding is not None:
        query = query.where(Association.id.not_in(excluding))
    return [tuple(row) for row in db.session.execute(query.order_by(BY_NAME, Association.id))]


def represented_associations(user) -> list[Association]:
    """The verified associations ``user`` may act for (an accepted representative, either
    role, of an account that is not blocked), by name: one query."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "is_blocked", False):
        return []
    if not user.represents_associations:  # never accepted by any: nothing to read
        return []
    return list(db.session.scalars(
        sa.select(Association)
        .join(AssociationRepresentative,
              AssociationRepresentative.association_id == Association.id)
        .where(AssociationRepresentative.user_id == user.id,
               AssociationRepresentative.status == RepresentativeStatus.ACCEPTED,
               Association.status == AssociationStatus.VERIFIED)
        .order_by(BY_NAME, Association.id)))


def list_areas() -> list[AreaOfWork]:
    return list(db.session.scalars(sa.select(AreaOfWork).order_by(AreaOfWork.position,
                                                                  AreaOfWork.name)))


def area_choices() -> list[tuple]:
    """(id, name in the reader's language) of every area, for a form."""
    return [(area.id, area.text_in("name")) for area in list_areas()]
