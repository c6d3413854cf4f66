"""Builders for budgets: they call the real operations (so every rule they enforce holds for
the rows they make) and flush, never commit."""

from participa.budgets import operations
from participa.census.models import CensusVerification
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories

SECRET = "testing-ballot-key"  # config/testing.py's BALLOT_KEY: what the views use
VOTING = ((PhaseKind.VOTING, -5, 5),)


def voting_process(**kwargs):
    """A published process whose voting phase is running."""
    return factories.make_process(phases=VOTING, **kwargs)


def make_budget(process, *, costs=(100_000, 80_000, 60_000), actor=None, **data):
    """A budget of 200,000 € (knapsack, equal shares) with one project per cost."""
    actor = actor or factories.make_user("council")
    values = {"title": "Pressupost del barri", "amount": 200_000, "ballot_kind": "knapsack",
              "rule": "equal-shares", "min_choices": 1}
    values.update(data)
    budget = operations.create_budget(process, values, actor=actor)
    for i, cost in enumerate(costs):
        operations.create_project(budget, {"title": f"Projecte {i + 1}", "cost": cost},
                                  actor=actor)
    db.session.refresh(budget)
    return budget


def vote(budget, user, projects, *, verification=None):
    """Cast ``user``'s ballot for ``projects`` (objects or ids); returns the receipt."""
    ids = [getattr(p, "id", p) for p in projects]
    return operations.cast_ballot(budget, ids, actor=user, verification=verification,
                                  ballot_secret=SECRET)


def verify(user, neighbourhood, birth_year=1980):
    """Record ``user`` as verified by the census (as census.operations would)."""
    verification = CensusVerification(user_id=user.id, neighbourhood_id=neighbourhood.id,
                                       birth_year=birth_year, verified_on=utcnow().date())
    db.session.add(verification)
    db.session.flush()
    return verification
