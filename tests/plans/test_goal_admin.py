"""The pages that keep a plan's goals, indicators and measurements (/admin/plans/<id>/goals/
...): who may open them (302, 403, 404), what they refuse (400, changing nothing), and what
they write, each in the ActionLog."""

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.core.timeutil import local_date
from participa.extensions import db
from participa.plans.models import Goal, Indicator, Measurement, PlanStatus
from tests.support import factories
from tests.support.plans import make_goal, make_indicator, measure
from tests.support.proposals import make_proposal
from tests.support.web import login, post, text

TODAY = local_date()


def rows(model):
    db.session.expire_all()
    return list(db.session.scalars(sa.select(model).order_by(model.id)))


def verbs():
    return [e.verb for e in rows(ActionLog)]


def state():
    """Everything these pages could change."""
    db.session.expire_all()
    return ([(g.title, g.position, g.description) for g in rows(Goal)],
            [(i.name, i.position, i.unit, i.baseline_value, i.source) for i in rows(Indicator)],
            [(m.measured_on, m.value, m.note) for m in rows(Measurement)])


@pytest.fixture
def plan(commit):
    plan = factories.make_plan(title="Pla del Barri Vell", slug="pla-barri-vell")
    commit()
    return plan


@pytest.fixture
def process(plan, commit):
    process = factories.make_process(plan=plan)
    commit()
    return process


@pytest.fixture
def facilitator(process, commit):
    person = factories.person("facilitator", process=process)
    commit()
    return person


@pytest.fixture
def council(commit):
    person = factories.person("council")
    commit()
    return person


@pytest.fixture
def goal(plan, commit):
    goal = make_goal(plan, title="Enfortir els vincles")
    commit()
    return goal


@pytest.fixture
def indicator(goal, commit):
    indicator = make_indicator(goal, name="Persones que participen")
    measure(indicator, "110", TODAY - timedelta(days=30))
    commit()
    return indicator


@pytest.fixture
def signed_in(client, commit):
    browsers = []

    def sign_in(person):
        commit()
        browser = client.another() if browsers else client
        browsers.append(browser)
        login(browser, person)
        return browser
    return sign_in


def base(plan):
    return f"/admin/plans/{plan.id}"


def goal_form(**overrides):
    return {"title": "Cuidar la gent gran", "description": "Visites i **dinars**."} | overrides


def indicator_form(**overrides):
    return {"name": "Horts comunitaris actius", "unit": "horts", "decimals": "0",
            "direction": "higher", "baseline_value": "2",
            "baseline_on": (TODAY - timedelta(days=200)).isoformat(), "target_value": "6",
            "target_on": (TODAY + timedelta(days=300)).isoformat(), "source": ""} | overrides


def measurement_form(**overrides):
    return {"measured_on": (TODAY - timedelta(days=3)).isoformat(), "value": "118",
            "source": "Recompte", "note": ""} | overrides


def every_page(plan, goal, indicator):
    measurement = indicator.measurements[0]
    g = f"{base(plan)}/goals/{goal.id}"
    i = f"{base(plan)}/indicators/{indicator.id}"
    m = f"{i}/measurements/{measurement.id}"
    return [
        ("GET", f"{base(plan)}/goals/"), ("GET", f"{base(plan)}/goals/new"),
        ("POST", f"{base(plan)}/goals/new"), ("POST", f"{base(plan)}/goals/refresh"),
        ("GET", f"{g}/edit"), ("POST", f"{g}/edit"), ("POST", f"{g}/move"),
        ("GET", f"{g}/delete"), ("POST", f"{g}/delete"),
        ("GET", f"{g}/indicators/new"), ("POST", f"{g}/indicators/new"),
        ("GET", f"{i}/"), ("POST", f"{i}/"), ("GET", f"{i}/edit"), ("POST", f"{i}/edit"),
        ("POST", f"{i}/move"), ("GET", f"{i}/delete"), ("POST", f"{i}/delete"),
        ("GET", f"{m}/edit"), ("POST", f"{m}/edit"), ("POST", f"{m}/delete"),
        ("GET", f"{m}/delete"),
    ]


def send(client, method, url, data=None):
    if method == "GET":
        return client.get(url)
    return post(client, url, data or {}, token_from="/")


def everything():
    return goal_form() | indicator_form() | measurement_form() | {"direction": "down"}


# --- who may open them -------------------------------------------------------------------------


def test_visitors_are_sent_to_sign_in(client, plan, goal, indicator):
    before = state()
    for method, url in every_page(plan, goal, indicator):
        response = (client.get(url) if method == "GET"
                    else post(client, url, everything(), token_from="/accounts/login"))
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith("/accounts/login"), url
    assert state() == before


@pytest.mark.parametrize("who", ["resident", "other_facilitator"])
def test_others_get_403_and_change_nothing(signed_in, plan, goal, indicator, who):
    if who == "resident":
        person = factories.person()
    else:
        person = factories.person("facilitator", process=factories.make_process())
    client = signed_in(person)
    before, logged = state(), verbs()
    for method, url in every_page(plan, goal, indicator):
        assert send(client, method, url, everything()).status_code == 403, (method, url)
    assert state() == before and verbs() == logged


@pytest.mark.parametrize("who", ["facilitator", "council"])
def test_the_plans_managers_open_every_page(signed_in, plan, goal, indicator, facilitator,
                                            council, who):
    client = signed_in(facilitator if who == "facilitator" else council)
    for method, url in every_page(plan, goal, indicator):
        if method == "GET":
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == "private, no-store"
    page = text(client.get(f"{base(plan)}/goals/"))
    assert ('class="admin-nav"' in page) is (who == "council")
    assert "Enfortir els vincles" in page and "Persones que participen" in page


def test_ids_of_another_plan_and_unknown_ids_are_404(signed_in, plan, goal, indicator, council,
                                                     commit):
    other = factories.make_plan()
    foreign_goal = make_goal(other, title="Un altre objectiu")
    foreign = make_indicator(foreign_goal, name="Un altre indicador")
    foreign_measurement = measure(foreign, "101")
    commit()
    client = signed_in(council)
    urls = [f"{base(plan)}/goals/{foreign_goal.id}/edit",
            f"{base(plan)}/goals/{foreign_goal.id}/delete",
            f"{base(plan)}/goals/{foreign_goal.id}/indicators/new",
            f"{base(plan)}/indicators/{foreign.id}/",
            f"{base(plan)}/indicators/{foreign.id}/edit",
            f"{base(plan)}/indicators/{foreign.id}/delete",
            f"{base(plan)}/indicators/{indicator.id}/measurements/{foreign_measurement.id}/edit",
            f"{base(plan)}/indicators/{indicator.id}/measurements/{foreign_measurement.id}/"
            "delete",
            f"{base(plan)}/goals/987654/edit", f"{base(plan)}/indicators/987654/",
            "/admin/plans/987654/goals/", "/admin/plans/99999999999/goals/"]
    before = state()
    for url in urls:
        assert client.get(url).status_code == 404, url
        if not url.endswith("/"):
            assert post(client, url, everything(), token_from="/").status_code == 404, url
    assert post(client, f"{base(plan)}/goals/{foreign_goal.id}/move", {"direction": "up"},
                token_from="/").status_code == 404
    assert state() == before


# --- goals -------------------------------------------------------------------------------------


def test_a_facilitator_creates_edits_moves_and_deletes_goals(signed_in, plan, goal,
                                                              facilitator):
    client = signed_in(facilitator)
    url = f"{base(plan)}/goals/new"
    response = post(client, url, goal_form(), token_from=url)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{base(plan)}/goals/"
    first, second = rows(Goal)
    assert (second.title, second.position) == ("Cuidar la gent gran", 1)
    response = post(client, f"{base(plan)}/goals/{second.id}/move", {"direction": "up"},
                    token_from=url)
    assert response.status_code == 302
    assert [g.title for g in sorted(rows(Goal), key=lambda g: g.position)] == [
        "Cuidar la gent gran", "Enfortir els vincles"]
    edit = f"{base(plan)}/goals/{first.id}/edit"
    assert 'value="Enfortir els vincles"' in text(client.get(edit))
    assert post(client, edit, goal_form(title="Vincles"), token_from=edit).status_code == 302
    delete = f"{base(plan)}/goals/{second.id}/delete"
    assert "Delete the goal" in text(client.get(delete))
    assert post(client, delete, {}, token_from=delete).status_code == 302
    assert [g.title for g in rows(Goal)] == ["Vincles"]
    assert verbs()[1:] == ["create_goal", "move_goal", "update_goal", "delete_goal"]
    assert {e.actor_id for e in rows(ActionLog)[1:]} == {facilitator.id}


@pytest.mark.parametrize("data", [{"title": ""}, {"title": "x" * 201},
                                  {"title": "Dues\r\nlínies"}, {"title": "Nul\x00"},
                                  {"description": "x" * 5001}])
def test_a_bad_goal_is_a_400_and_changes_nothing(signed_in, plan, goal, council, data):
    client = signed_in(council)
    url = f"{base(plan)}/goals/new"
    before = state()
    response = post(client, url, goal_form(**data), token_from=url)
    assert response.status_code == 400
    assert 'class="error"' in text(response)
    assert state() == before


def test_a_move_past_the_end_or_nowhere_changes_nothing(signed_in, plan, goal, council):
    client = signed_in(council)
    url = f"{base(plan)}/goals/{goal.id}/move"
    before = state()
    response = post(client, url, {"direction": "up"}, token_from="/")
    assert response.status_code == 302
    assert "already at that end" in text(client.get(response.headers["Location"]))
    assert post(client, url, {"direction": "left"}, token_from="/").status_code == 400
    assert post(client, url, {}, token_from="/").status_code == 400
    assert state() == before


# --- indicators and measurements ---------------------------------------------------------------


def test_the_council_adds_an_indicator_and_records_measurements(signed_in, plan, goal,
                                                                 council):
    client = signed_in(council)
    url = f"{base(plan)}/goals/{goal.id}/indicators/new"
    page = text(client.get(url))
    assert "From the platform: people taking part in the plan&#39;s processes" in page
    response = post(client, url, indicator_form(unit="%", decimals="1", baseline_value="61,0",
                                                target_value="75,5"), token_from=url)
    assert response.status_code == 302
    [indicator] = rows(Indicator)
    assert response.headers["Location"] == f"{base(plan)}/indicators/{indicator.id}/"
    assert (indicator.baseline_value, indicator.target_value) == (Decimal("61"),
                                                                  Decimal("75.5"))
    page_url = response.headers["Location"]
    response = post(client, page_url, measurement_form(value="63,5", note="Enquesta"),
                    token_from=page_url)
    assert response.status_code == 302
    [measurement] = rows(Measurement)
    assert (measurement.value, measurement.note) == (Decimal("63.5"), "Enquesta")
    page = text(client.get(page_url))
    assert "63.5" in page and "Enquesta" in page  # English: a point for decimals
    edit = f"{page_url}measurements/{measurement.id}/edit"
    assert 'value="63.5"' in text(client.get(edit))
    assert post(client, edit, measurement_form(value="64"), token_from=edit).status_code == 302
    assert rows(Measurement)[0].value == Decimal("64")
    delete = f"{page_url}measurements/{measurement.id}/delete"
    assert post(client, delete, {}, token_from=edit).status_code == 302
    assert rows(Measurement) == []
    assert verbs()[-4:] == ["create_indicator", "record_measurement", "update_measurement",
                            "delete_measurement"]


@pytest.mark.parametrize("data, message", [
    ({"measured_on": (TODAY + timedelta(days=1)).isoformat()}, "in the future"),
    ({"measured_on": (TODAY - timedelta(days=400)).isoformat()}, "before the indicator"),
    ({"measured_on": (TODAY - timedelta(days=30)).isoformat()}, "already has a measurement"),
    ({"measured_on": "ahir"}, "Not a valid date"),
    ({"measured_on": ""}, "This field is required"),
    ({"value": "molts"}, "Write a number"),
    ({"value": "NaN"}, "Write a number"),
    ({"value": "-Infinity"}, "Write a number"),
    ({"value": "1e9"}, "Write a number"),
    ({"value": "99999999999"}, "too large"),
    ({"value": "3,5"}, "whole number"),
    ({"value": "3\x005"}, "invisible characters"),
    ({"value": ""}, "This field is required"),
    ({"note": "n" * 501}, "500"),
])
def test_a_bad_measurement_is_a_400_with_its_message(signed_in, plan, indicator, council,
                                                     data, message):
    client = signed_in(council)
    url = f"{base(plan)}/indicators/{indicator.id}/"
    before, logged = state(), verbs()
    response = post(client, url, measurement_form(**data), token_from=url)
    assert response.status_code == 400
    page = text(response)
    assert message in page.replace("&#39;", "'"), page[page.find("error"):][:400]
    assert state() == before and verbs() == logged


@pytest.mark.parametrize("data, field", [
    ({"name": ""}, "name"), ({"decimals": "9"}, "decimals"), ({"decimals": "x"}, "decimals"),
    ({"baseline_value": "dos"}, "baseline_value"), ({"baseline_on": ""}, "baseline_on"),
    ({"target_on": (TODAY - timedelta(days=300)).isoformat()}, "target_on"),
    ({"source": "guessed"}, "source"), ({"direction": "up"}, "direction"),
])
def test_a_bad_indicator_is_a_400(signed_in, plan, goal, council, data, field):
    client = signed_in(council)
    url = f"{base(plan)}/goals/{goal.id}/indicators/new"
    before = state()
    response = post(client, url, indicator_form(**data), token_from=url)
    assert response.status_code == 400
    assert f'id="{field}-error"' in text(response)
    assert state() == before


def test_indicators_are_edited_moved_and_deleted(signed_in, plan, goal, indicator, council):
    client = signed_in(council)
    second = make_indicator(goal, name="Segon")
    db.session.commit()
    edit = f"{base(plan)}/indicators/{indicator.id}/edit"
    page = text(client.get(edit))
    assert 'value="100"' in page and 'value="150"' in page  # the unit's precision
    assert post(client, edit, indicator_form(name="Persones actives", baseline_value="100",
                                             baseline_on=(TODAY - timedelta(days=365))
                                             .isoformat()),
                token_from=edit).status_code == 302
    assert rows(Indicator)[0].name == "Persones actives"
    assert post(client, f"{base(plan)}/indicators/{second.id}/move", {"direction": "up"},
                token_from=edit).status_code == 302
    assert [i.name for i in sorted(rows(Indicator), key=lambda i: i.position)] == [
        "Segon", "Persones actives"]
    assert post(client, f"{base(plan)}/indicators/{indicator.id}/delete", {},
                token_from=edit).status_code == 302
    assert [i.name for i in rows(Indicator)] == ["Segon"] and rows(Measurement) == []


def test_the_refresh_button_fills_the_computed_indicators(signed_in, plan, process, goal,
                                                          council, commit):
    make_indicator(goal, name="Propostes", source="proposals", baseline_value=None,
                   baseline_on=None)
    make_proposal(process, factories.make_user())
    commit()
    client = signed_in(council)
    response = post(client, f"{base(plan)}/goals/refresh", {}, token_from="/")
    assert response.status_code == 302
    assert "refreshed: 1" in text(client.get(response.headers["Location"]))
    [measurement] = rows(Measurement)
    assert (measurement.measured_on, measurement.value) == (TODAY, Decimal("1"))
    page = text(client.get(f"{base(plan)}/indicators/{measurement.indicator_id}/"))
    assert "computed from the platform" in page and 'name="value"' not in page
    assert "refresh_indicators" in verbs()


def test_a_draft_plan_is_kept_by_its_managers_too(signed_in, council, commit):
    draft = factories.make_plan(status=PlanStatus.DRAFT)
    commit()
    assert signed_in(council).get(f"{base(draft)}/goals/").status_code == 200


def test_the_council_list_and_the_plan_page_link_to_the_goals(signed_in, plan, process,
                                                              facilitator, council):
    page = text(signed_in(council).get("/admin/plans/"))
    assert f'href="{base(plan)}/goals/"' in page
    assert f'href="{base(plan)}/goals/"' in text(signed_in(facilitator).get(
        f"/plans/{plan.slug}"))
    assert f'href="{base(plan)}/goals/"' not in text(signed_in(factories.person()).get(
        f"/plans/{plan.slug}"))
