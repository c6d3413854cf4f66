"""The public side of a plan's goals: the plan page (goals in order, each indicator's latest
value against its baseline and target, a chart with the same figures in a table), in the
reader's language; the indicators' open data; drafts hidden; a fixed number of queries."""

import csv
import io
import json
from datetime import timedelta

import pytest

from participa.core.timeutil import local_date
from participa.extensions import db
from participa.plans.models import PlanStatus
from tests.support import factories
from tests.support.plans import make_goal, make_indicator, measure, plan_with_goals
from tests.support.queries import counting
from tests.support.web import login, text

TODAY = local_date()


@pytest.fixture
def plan(commit):
    plan = factories.make_plan(title="Pla del Barri Vell", slug="pla-barri-vell")
    safety = make_goal(plan, title="Recuperar l'espai públic",
                       description="Places on **estar-se**.")
    make_goal(plan, title="Cuidar la gent gran")
    feel = make_indicator(safety, name="Veïns que se senten segurs", unit="%", decimals=1,
                          baseline_value="61", target_value="75")
    measure(feel, "63,5", TODAY - timedelta(days=60), source="Enquesta de veïnat")
    measure(feel, "1234,5", TODAY - timedelta(days=5), note="=HYPERLINK(\"http://x\")")
    gardens = make_indicator(safety, name="Horts comunitaris actius", unit="horts",
                             direction="higher", baseline_value="2", target_value="6")
    measure(gardens, "-3", TODAY - timedelta(days=1), source="@Taula")
    commit()
    return plan


def test_the_plan_page_shows_goals_and_indicators(client, plan):
    page = text(client.get("/plans/pla-barri-vell"))
    assert page.index("Recuperar l&#39;espai públic") < page.index("Cuidar la gent gran")
    assert "Goal 1: Recuperar" in page and "<strong>estar-se</strong>" in page
    assert "Veïns que se senten segurs" in page and "Higher is better" in page
    assert "1,234.5" in page and "61.0" in page and "75.0" in page  # the unit's precision
    assert "This goal has no indicators yet." in page
    assert '<svg viewBox="0 0 480 250" role="img"' in page
    assert "Veïns que se senten segurs over time</title>" in page
    assert "2 measurements (the first on" in page  # the text alternative
    assert "One measurement, on " in page and ": -3; the same figure is in the table." in page
    assert "<caption>Measurements of Veïns que se senten segurs</caption>" in page
    assert "Worse than the baseline." in page  # the gardens went below theirs
    assert 'href="/plans/pla-barri-vell/indicators.csv"' in page
    assert "Manage goals and indicators" not in page


def test_the_page_speaks_the_readers_language(client, plan):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    page = text(client.get("/plans/pla-barri-vell"))
    assert "Objectius i indicadors" in page and "Com més alt, millor" in page
    assert "1.234,5" in page and "63,5" in page


def test_a_plan_without_goals_says_so(client, commit):
    factories.make_plan(slug="buit")
    commit()
    page = text(client.get("/plans/buit"))
    assert "This plan has no goals yet." in page and "indicators.csv" not in page


def test_the_indicators_as_csv(client, plan):
    response = client.get("/plans/pla-barri-vell/indicators.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "pla-barri-vell-indicators.csv" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(text(response))))
    assert [(r["indicator"], r["date"], r["value"]) for r in rows] == [
        ("Veïns que se senten segurs", (TODAY - timedelta(days=60)).isoformat(), "63.5"),
        ("Veïns que se senten segurs", (TODAY - timedelta(days=5)).isoformat(), "1234.5"),
        ("Horts comunitaris actius", (TODAY - timedelta(days=1)).isoformat(), "-3"),
    ]
    first = rows[0]
    assert (first["goal"], first["unit"], first["decimals"], first["direction"],
            first["baseline_value"], first["target_value"], first["computed_from"]) == (
        "Recuperar l'espai públic", "%", "1", "higher", "61.0", "75.0", "")
    assert first["url"] == "http://participa.test/plans/pla-barri-vell"
    assert rows[1]["note"] == "'=HYPERLINK(\"http://x\")"  # a formula is neutralised
    assert rows[2]["source"] == "'@Taula"
    assert set(rows[0]) == {"goal_id", "goal", "indicator_id", "indicator", "unit", "decimals",
                            "direction", "computed_from", "baseline_value", "baseline_date",
                            "target_value", "target_date", "date", "value", "source", "note",
                            "url"}


def test_the_indicators_as_json(client, plan):
    response = client.get("/plans/pla-barri-vell/indicators.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    data = json.loads(text(response))
    assert [(d["indicator"], d["value"]) for d in data] == [
        ("Veïns que se senten segurs", 63.5), ("Veïns que se senten segurs", 1234.5),
        ("Horts comunitaris actius", -3)]
    assert data[2]["baseline_value"] == 2 and data[2]["decimals"] == 0
    assert data[0]["baseline_date"] == (TODAY - timedelta(days=365)).isoformat()


@pytest.mark.parametrize("url", ["/plans/{slug}", "/plans/{slug}/indicators.csv",
                                 "/plans/{slug}/indicators.json"])
def test_a_draft_plan_is_404_to_everyone_but_the_council(client, commit, url):
    draft = plan_with_goals(status=PlanStatus.DRAFT, slug="esborrany")
    resident = factories.person()
    facilitator = factories.person("facilitator",
                                   process=factories.make_process(plan=draft))
    council = factories.person("council")
    commit()
    address = url.format(slug="esborrany")
    assert client.get(address).status_code == 404
    login(client, resident)
    assert client.get(address).status_code == 404
    other = client.another()
    login(other, facilitator)
    assert other.get(address).status_code == 404
    third = client.another()
    login(third, council)
    assert third.get(address).status_code == 200


def test_unknown_plans_are_404(client):
    for url in ("/plans/no-such-plan/indicators.csv", "/plans/no-such-plan/indicators.json"):
        assert client.get(url).status_code == 404


def queries_for(app, client, url) -> int:
    client.get(url)
    with counting(app) as statements:
        assert client.get(url).status_code == 200
    return len(statements)


@pytest.mark.parametrize("url", ["/plans/{slug}", "/plans/{slug}/indicators.csv",
                                 "/plans/{slug}/indicators.json"])
def test_many_goals_and_indicators_cost_no_more_queries(app, client, commit, url):
    plan_with_goals(slug="pocs", goals=1, indicators=1, measurements=(1, 2))
    many = plan_with_goals(slug="molts", goals=5, indicators=4, measurements=(1, 2, 3, 4, 5, 6))
    commit()
    assert len(many.goals) == 5
    assert queries_for(app, client, url.format(slug="molts")) == queries_for(
        app, client, url.format(slug="pocs"))


def test_signed_in_the_page_costs_the_same_too(app, client, commit):
    plan_with_goals(slug="pocs", goals=1, indicators=1)
    plan_with_goals(slug="molts", goals=4, indicators=3)
    council = factories.person("council")
    db.session.commit()
    login(client, council)
    assert queries_for(app, client, "/plans/molts") == queries_for(app, client, "/plans/pocs")
