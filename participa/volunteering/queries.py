"""Reads about volunteering: the open opportunities (filtered, paginated, in a fixed number of
queries), one opportunity, a person's sign-up and place in the queue, the volunteers of an
opportunity, what an organiser runs, and the council's list."""

from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from participa.core.pagination import Page, page_of
from participa.core.types import utcnow
from participa.extensions import db
from participa.volunteering.models import (
    Opportunity,
    OpportunityStatus,
    Signup,
    SignupStatus,
    opportunity_areas,
)

PUBLIC = (OpportunityStatus.PUBLISHED, OpportunityStatus.CLOSED, OpportunityStatus.CANCELLED)


def _with_details(query):
    return query.options(joinedload(Opportunity.association),
                         joinedload(Opportunity.neighbourhood),
                         joinedload(Opportunity.facility),
                         selectinload(Opportunity.areas))


def list_open_opportunities(*, neighbourhood_id=None, area_id=None, page=1, per_page=20,
                            now=None) -> Page:
    """Published opportunities that have not ended, soonest first: two queries whatever the
    page holds (the page with its organiser, neighbourhood and facility; its areas)."""
    query = sa.select(Opportunity).where(Opportunity.status == OpportunityStatus.PUBLISHED,
                                         Opportunity.ends_at > (now or utcnow()))
    if neighbourhood_id:
        query = query.where(Opportunity.neighbourhood_id == neighbourhood_id)
    if area_id:
        query = query.where(Opportunity.id.in_(
            sa.select(opportunity_areas.c.opportunity_id)
            .where(opportunity_areas.c.area_id == area_id)))
    query = (_with_details(query).order_by(Opportunity.starts_at, Opportunity.id)
             .limit(per_page + 1).offset((page - 1) * per_page))
    return page_of(list(db.session.scalars(query).unique()), page, per_page)


def get_opportunity(opportunity_id: int) -> Opportunity | None:
    return db.session.scalar(_with_details(
        sa.select(Opportunity).where(Opportunity.id == opportunity_id)))


def get_signup(opportunity, user) -> Signup | None:
    """``user``'s sign-up (in any status) to ``opportunity``, or None."""
    user_id = getattr(user, "id", None)
    if user_id is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(sa.select(Signup).where(Signup.opportunity_id == opportunity.id,
                                                     Signup.user_id == user_id))


def waiting_position(signup) -> int:
    """1 for the first in the queue."""
    ahead = db.session.scalar(
        sa.select(sa.func.count()).select_from(Signup).where(
            Signup.opportunity_id == signup.opportunity_id,
            Signup.status == SignupStatus.WAITING,
            sa.or_(Signup.queued_at < signup.queued_at,
                   sa.and_(Signup.queued_at == signup.queued_at, Signup.id < signup.id)),
        ))
    return (ahead or 0) + 1


def list_signups(opportunity) -> dict:
    """The confirmed volunteers and the waiting list (in order), with each person: one query."""
    grouped = defaultdict(list)
    rows = db.session.scalars(
        sa.select(Signup).where(Signup.opportunity_id == opportunity.id,
                                Signup.status != SignupStatus.LEFT)
        .options(joinedload(Signup.user)).order_by(Signup.queued_at, Signup.id))
    for signup in rows:
        grouped[signup.status].append(signup)
    return grouped


def my_signups(opportunities, user) -> dict:
    """``{opportunity id: status}`` of ``user``'s active sign-ups among ``opportunities``
    (one query for a whole list; empty for a visitor)."""
    ids = [o.id for o in opportunities]
    if not ids or not getattr(user, "is_authenticated", False):
        return {}
    return dict(db.session.execute(
        sa.select(Signup.opportunity_id, Signup.status).where(
            Signup.user_id == user.id, Signup.opportunity_id.in_(ids),
            Signup.status != SignupStatus.LEFT)).all())


def list_my_volunteering(user, *, limit: int | None = None, offset: int = 0) -> list[Signup]:
    """``user``'s active sign-ups, the soonest first, with their opportunities (``limit``
    and ``offset``: a page of them, for "My participation")."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(
        sa.select(Signup).join(Signup.opportunity)
        .where(Signup.user_id == user.id, Signup.status != SignupStatus.LEFT)
        .options(joinedload(Signup.opportunity))
        .order_by(Opportunity.starts_at, Opportunity.id, Signup.id)
        .limit(limit).offset(offset)))


def list_organised(association_ids, *, council=False) -> list[Opportunity]:
    """The opportunities of these associations (and the council's, if ``council``), every
    status, newest first."""
    conditions = []
    if association_ids:
        conditions.append(Opportunity.association_id.in_(list(association_ids)))
    if council:
        conditions.append(Opportunity.association_id.is_(None))
    if not conditions:
        return []
    return list(db.session.scalars(_with_details(
        sa.select(Opportunity).where(sa.or_(*conditions))
        .order_by(Opportunity.created_at.desc(), Opportunity.id.desc()))).unique())


def list_all(*, status: OpportunityStatus | None = None, page=1, per_page=50) -> Page:
    """The council's list: every opportunity (or those in ``status``), newest first."""
    query = sa.select(Opportunity)
    if status is not None:
        query = query.where(Opportunity.status == status)
    query = (query.options(joinedload(Opportunity.association),
                           joinedload(Opportunity.neighbourhood))
             .order_by(Opportunity.created_at.desc(), Opportunity.id.desc())
             .limit(per_page + 1).offset((page - 1) * per_page))
    return page_of(list(db.session.scalars(query)), page, per_page)


def list_for_association(association, *, limit=20) -> list[Opportunity]:
    """What an association's page shows: its public opportunities, the latest first."""
    return list(db.session.scalars(
        sa.select(Opportunity).where(Opportunity.association_id == association.id,
                                     Opportunity.status.in_(PUBLIC))
        .order_by(Opportunity.starts_at.desc(), Opportunity.id.desc()).limit(limit)))
