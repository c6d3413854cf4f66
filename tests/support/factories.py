"""Plain functions that build rows for tests (no HTTP, no forms). Each flushes, never commits."""

import itertools
from datetime import date, timedelta
from functools import cache

from participa.accounts.models import User
from participa.accounts.passwords import hash_password
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan, PlanStatus
from participa.processes.models import Category, Phase, PhaseKind, Process, ProcessRole

PASSWORD = "a long and quiet river 42"
_counter = itertools.count(1)


@cache
def _password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 is slow on purpose: hash once per test process


def make_user(role="resident", *, name=None, email=None, locale="ca", process=None) -> User:
    n = next(_counter)
    user = User(
        name=name or f"Persona {n}",
        email=email or f"person{n}@example.org",
        password_hash=_password_hash(),
        locale=locale,
        is_council=(role == "council"),
        confirmed_at=utcnow(),
    )
    db.session.add(user)
    db.session.flush()
    if role == "facilitator" and process is not None:
        db.session.add(ProcessRole(process=process, user=user))
        db.session.flush()
    return user


def make_neighbourhood(name=None, **kwargs) -> Neighbourhood:
    n = next(_counter)
    item = Neighbourhood(name=name or f"Barri {n}", slug=kwargs.pop("slug", f"barri-{n}"),
                         district=kwargs.pop("district", "Centre"), **kwargs)
    db.session.add(item)
    db.session.flush()
    return item


def make_plan(title=None, *, neighbourhoods=(), status=PlanStatus.ACTIVE,
              **kwargs) -> CommunityPlan:
    n = next(_counter)
    plan = CommunityPlan(
        title=title or f"Pla comunitari {n}", slug=kwargs.pop("slug", f"pla-{n}"),
        summary=kwargs.pop("summary", "Un pla per al barri."), body=kwargs.pop("body", ""),
        starts_on=kwargs.pop("starts_on", date.today() - timedelta(days=30)),
        status=status, neighbourhoods=list(neighbourhoods), **kwargs,
    )
    db.session.add(plan)
    db.session.flush()
    return plan


def make_process(title=None, *, phases=((PhaseKind.PROPOSALS, -5, 5),), plan=None,
                 published=True, categories=(), neighbourhoods=(), **kwargs) -> Process:
    """A process whose phases are (kind, start, end) in days from now."""
    n = next(_counter)
    now = utcnow()
    process = Process(
        title=title or f"Procés {n}", slug=kwargs.pop("slug", f"proces-{n}"),
        summary=kwargs.pop("summary", "Un procés participatiu."),
        description=kwargs.pop("description", ""), is_published=published, plan=plan,
        neighbourhoods=list(neighbourhoods), **kwargs,
    )
    process.phases = [
        Phase(kind=kind, position=i, starts_at=now + timedelta(days=start),
              ends_at=now + timedelta(days=end))
        for i, (kind, start, end) in enumerate(phases)
    ]
    process.categories = [Category(name=c, position=i) for i, c in enumerate(categories)]
    db.session.add(process)
    db.session.flush()
    return process


def person(role="resident", **kwargs) -> User:
    """A person who reads the site in English (the language the client tests ask for)."""
    return make_user(role, locale="en", **kwargs)


def in_role(role, process):
    """Someone in ``role`` toward ``process``, for permission grids: "visitor" (signed out),
    "resident", "blocked" (a blocked resident), "other_facilitator" (of another process),
    "facilitator" (of this one) or "council"."""
    from flask_login import AnonymousUserMixin

    if role == "visitor":
        return AnonymousUserMixin()
    if role == "facilitator":
        return make_user("facilitator", process=process)
    if role == "other_facilitator":
        return make_user("facilitator", process=make_process())
    user = make_user("resident" if role == "blocked" else role)
    if role == "blocked":
        user.blocked_at = utcnow()
    return user


def phases_now(kind):
    """A process's phases (for ``make_process``) whose running phase is of ``kind``; None: an
    earlier phase has ended and none runs now."""
    if kind is PhaseKind.PROPOSALS:
        return ((PhaseKind.PROPOSALS, -5, 5),)
    return ((PhaseKind.PROPOSALS, -20, -10),) + (((kind, -5, 5),) if kind else ())
