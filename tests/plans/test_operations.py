"""Community plan operations without HTTP: create, update, slugs, statuses, ActionLog."""

from datetime import date

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.plans import operations
from participa.plans.models import CommunityPlan, PlanStatus
from participa.plans.permissions import can_view_plan
from participa.plans.queries import (
    get_plan_by_slug,
    list_all_plans,
    list_public_plans,
    list_public_plans_by_neighbourhood,
)
from tests.support import factories


def plan_data(**overrides):
    data = {
        "title": "Pla Comunitari del Barri Vell", "slug": None, "summary": None, "body": None,
        "starts_on": date(2026, 1, 1), "ends_on": None, "status": "active",
        "neighbourhood_ids": [],
    }
    data.update(overrides)
    return data


def logs():
    return list(db.session.scalars(sa.select(ActionLog).order_by(ActionLog.id)))


def test_create_plan(council):
    barri = factories.make_neighbourhood(name="Barri Vell")
    plan = operations.create_plan(
        plan_data(neighbourhood_ids=[barri.id], summary="Junts", body="## Objectius",
                  ends_on=date(2027, 12, 31)),
        actor=council,
    )
    assert plan.id is not None
    assert plan.slug == "pla-comunitari-del-barri-vell"
    assert plan.status is PlanStatus.ACTIVE
    assert plan.neighbourhoods == [barri]
    assert (plan.summary, plan.body, plan.ends_on) == ("Junts", "## Objectius", date(2027, 12, 31))
    [entry] = logs()
    assert (entry.verb, entry.actor_id, entry.target_type, entry.target_id) == (
        "create_plan", council.id, "communityplan", plan.id
    )
    assert entry.data == {"slug": plan.slug, "status": "active"}


def test_empty_optional_text_is_stored_as_empty(council):
    plan = operations.create_plan(plan_data(summary=None, body=None), actor=council)
    assert (plan.summary, plan.body, plan.ends_on) == ("", "", None)


def test_slugs_stay_unique(council):
    first = operations.create_plan(plan_data(title="Pla de Sant Roc"), actor=council)
    second = operations.create_plan(plan_data(title="Pla de Sant Roc"), actor=council)
    assert (first.slug, second.slug) == ("pla-de-sant-roc", "pla-de-sant-roc-2")
    with pytest.raises(DomainError) as error:
        operations.create_plan(plan_data(slug="pla-de-sant-roc"), actor=council)
    assert error.value.field == "slug"


def test_update_plan(council):
    barri, serrat = factories.make_neighbourhood(), factories.make_neighbourhood()
    plan = factories.make_plan(neighbourhoods=[barri], slug="pla", status=PlanStatus.DRAFT)
    operations.update_plan(
        plan, plan_data(title="Nou", slug="pla", status="closed",
                        neighbourhood_ids=[serrat.id]), actor=council,
    )
    assert (plan.title, plan.slug, plan.status) == ("Nou", "pla", PlanStatus.CLOSED)
    assert plan.neighbourhoods == [serrat]
    assert [(e.verb, e.data["status"]) for e in logs()] == [("update_plan", "closed")]


def test_an_unknown_status_is_refused(council):
    with pytest.raises(ValueError):
        operations.create_plan(plan_data(status="archived"), actor=council)


def test_the_database_refuses_a_plan_that_ends_before_it_starts():
    plan = factories.make_plan(starts_on=date(2026, 6, 1))
    plan.ends_on = date(2026, 5, 1)
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_drafts_are_only_for_the_council(council, resident):
    draft = factories.make_plan(status=PlanStatus.DRAFT)
    for status in (PlanStatus.ACTIVE, PlanStatus.CLOSED):
        plan = factories.make_plan(status=status)
        assert plan.is_public
        assert can_view_plan(None, plan) and can_view_plan(resident, plan)
    assert not draft.is_public
    assert not can_view_plan(None, draft)
    assert not can_view_plan(resident, draft)
    assert can_view_plan(council, draft)


def test_plan_queries():
    barri, serrat = factories.make_neighbourhood(name="Barri Vell"), \
        factories.make_neighbourhood(name="El Serrat")
    active = factories.make_plan(title="B actiu", neighbourhoods=[barri])
    closed = factories.make_plan(title="A tancat", neighbourhoods=[barri, serrat],
                                 status=PlanStatus.CLOSED)
    draft = factories.make_plan(title="C esborrany", neighbourhoods=[barri],
                                status=PlanStatus.DRAFT)
    assert set(list_public_plans()) == {active, closed}
    assert list_public_plans(neighbourhood=serrat) == [closed]
    assert [p.title for p in list_all_plans()] == ["A tancat", "B actiu", "C esborrany"]
    assert get_plan_by_slug(draft.slug) is draft
    assert get_plan_by_slug("nope") is None
    groups = dict(list_public_plans_by_neighbourhood())
    assert set(groups[barri]) == {active, closed}
    assert groups[serrat] == [closed]


def test_deleting_a_plan_leaves_its_processes_standing():
    plan = factories.make_plan()
    process = factories.make_process(plan=plan)
    db.session.delete(plan)
    db.session.flush()
    db.session.expire(process)
    assert process.plan_id is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommunityPlan)) == 0
