"""The demo town's goals (``participa.seed.goals.seed_goals``): every active plan gets three or
four goals with indicators and a series of measurements, one indicator computed from the
platform; running it again adds nothing; the plan pages show them."""

import sqlalchemy as sa

from participa.extensions import db
from participa.plans.models import CommunityPlan, Goal, Indicator, Measurement, PlanStatus
from participa.seed import seed_demo
from participa.seed.goals import seed_goals
from tests.support.web import text


def counts():
    return tuple(db.session.scalar(sa.select(sa.func.count()).select_from(model))
                 for model in (Goal, Indicator, Measurement))


def test_seed_goals_fills_every_active_plan_once(app, client):
    seed_demo()  # the demo town seeds its goals too
    db.session.commit()
    assert sum(counts()) > 50
    for plan in db.session.scalars(sa.select(CommunityPlan)):
        if plan.status != PlanStatus.ACTIVE:
            assert plan.goals == []
            continue
        assert 3 <= len(plan.goals) <= 4
        indicators = [i for goal in plan.goals for i in goal.indicators]
        assert sum(1 for i in indicators if i.source) == 1
        for indicator in indicators:
            assert len(indicator.measurements) >= 2, indicator.name
        page = client.get(f"/plans/{plan.slug}")
        assert page.status_code == 200 and text(page).count("<svg") >= len(indicators)
    before = counts()
    assert seed_goals() == 0
    assert counts() == before
