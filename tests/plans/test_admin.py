"""The council's community plan pages (/admin/plans/)."""

from datetime import date

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.plans.models import CommunityPlan, PlanStatus
from tests.support import factories
from tests.support.web import login, post, text


def plans():
    db.session.expire_all()
    return list(db.session.scalars(sa.select(CommunityPlan).order_by(CommunityPlan.id)))


@pytest.fixture
def barri(commit):
    item = factories.make_neighbourhood(name="Barri Vell")
    commit()
    return item


@pytest.fixture
def plan(barri, commit):
    plan = factories.make_plan(title="Pla del Barri Vell", slug="pla-barri-vell",
                               neighbourhoods=[barri], status=PlanStatus.DRAFT)
    commit()
    return plan


def form(barri, **overrides):
    data = {"title": "Pla de Sant Roc", "slug": "", "summary": "Un pla",
            "body": "## Objectius\n\n- Conviure", "starts_on": "2026-01-01", "ends_on": "",
            "status": "active", "neighbourhood_ids": [str(barri.id)]}
    data.update(overrides)
    return data


def test_access(client, plan, commit):
    urls = ["/admin/plans/", "/admin/plans/new", f"/admin/plans/{plan.id}/edit"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/accounts/login")
    resident = factories.make_user()
    commit()
    login(client, resident)
    for url in urls:
        assert client.get(url).status_code == 403
    assert post(client, "/admin/plans/new", {"title": "X"}, token_from="/").status_code == 403
    assert post(client, urls[2], {"title": "X"}, token_from="/").status_code == 403
    assert [p.title for p in plans()] == ["Pla del Barri Vell"]


def test_the_council_sees_every_plan_drafts_included(as_council, plan):
    response = as_council.get("/admin/plans/")
    assert response.status_code == 200
    assert "Pla del Barri Vell" in text(response)
    assert as_council.get("/admin/plans/new").status_code == 200
    edit = as_council.get(f"/admin/plans/{plan.id}/edit")
    assert edit.status_code == 200
    page = text(edit)
    assert 'value="Pla del Barri Vell"' in page
    # the current status and neighbourhoods are chosen in the form
    assert '<option selected value="draft">' in page or 'value="draft" selected' in page
    assert "checked" in page


def test_the_council_creates_a_plan(as_council, barri):
    response = post(as_council, "/admin/plans/new", form(barri), token_from="/admin/plans/new")
    assert response.status_code == 302
    assert response.headers["Location"] == "/plans/pla-de-sant-roc"
    [plan] = plans()
    assert (plan.title, plan.status, plan.starts_on, plan.ends_on) == (
        "Pla de Sant Roc", PlanStatus.ACTIVE, date(2026, 1, 1), None
    )
    assert [n.id for n in plan.neighbourhoods] == [barri.id]
    page = text(as_council.get("/plans/pla-de-sant-roc"))
    assert "The community plan has been created." in page
    assert "<h2>Objectius</h2>" in page
    assert db.session.scalar(sa.select(ActionLog.verb)) == "create_plan"


def test_the_council_edits_a_plan(as_council, plan, barri):
    url = f"/admin/plans/{plan.id}/edit"
    response = post(as_council, url, form(barri, title="Pla renovat", slug="pla-barri-vell",
                                          status="closed", ends_on="2026-12-31"), token_from=url)
    assert response.status_code == 302
    assert response.headers["Location"] == "/plans/pla-barri-vell"
    [saved] = plans()
    assert (saved.title, saved.status, saved.ends_on) == (
        "Pla renovat", PlanStatus.CLOSED, date(2026, 12, 31)
    )


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": ""}, None),
        ({"starts_on": ""}, None),
        ({"starts_on": "not a date"}, None),
        ({"ends_on": "2025-01-01"}, "The end must come after the start."),
        ({"neighbourhood_ids": []}, "Choose at least one neighbourhood."),
        ({"neighbourhood_ids": ["999999"]}, None),
        ({"status": "archived"}, None),
        ({"slug": "Bad Slug"}, "Use lowercase letters, digits and hyphens only."),
    ],
)
def test_bad_input_is_refused(as_council, barri, overrides, message):
    response = post(as_council, "/admin/plans/new", form(barri, **overrides),
                    token_from="/admin/plans/new")
    assert response.status_code == 400
    if message:
        assert message in text(response)
    assert plans() == []


def test_a_taken_slug_is_refused(as_council, plan, barri):
    response = post(as_council, "/admin/plans/new", form(barri, slug="pla-barri-vell"),
                    token_from="/admin/plans/new")
    assert response.status_code == 400
    assert "This web address name is already used." in text(response)
    assert len(plans()) == 1


def test_missing_plans_are_404(as_council, barri):
    assert as_council.get("/admin/plans/424242/edit").status_code == 404
    assert post(as_council, "/admin/plans/424242/edit", form(barri),
                token_from="/").status_code == 404


def test_without_csrf_token_nothing_is_saved(as_council, barri):
    response = as_council.post("/admin/plans/new", data=form(barri))
    assert response.status_code == 400
    assert plans() == []
