"""The dashboards: a plan's (/plans/<slug>/dashboard) and the town's plan of plans (/results/),
and the section of a neighbourhood's page. Figures on known data, the on-track rule, what is
never counted (drafts, unpublished processes, hidden content), and their fixed query cost."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from participa.comments.models import Comment
from participa.core.timeutil import local_date
from participa.extensions import db
from participa.meetings.models import Meeting
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan, Direction, PlanStatus
from participa.proposals import operations as proposal_operations
from participa.proposals.models import Proposal, Support
from participa.results import dashboards
from participa.results.dashboards import IndicatorFigures, Point, on_track
from tests.support import factories
from tests.support.comments import make_comment
from tests.support.meetings import closed_meeting
from tests.support.plans import make_goal, make_indicator, measure
from tests.support.proposals import make_proposal
from tests.support.queries import counting
from tests.support.results import make_result, record
from tests.support.web import login, text

MARCH = datetime(2026, 3, 15, 12, tzinfo=UTC)
APRIL = datetime(2026, 4, 15, 12, tzinfo=UTC)


# --- the on-track rule ------------------------------------------------------------------------

def figures(*, direction=Direction.HIGHER, baseline=100, target=200, days=100, at=50,
            value=150, measured=True):
    start = date(2026, 1, 1)
    return IndicatorFigures(
        id=1, goal_id=1, name="x", unit="", decimals=0, direction=direction, source=None,
        baseline_value=None if baseline is None else Decimal(baseline),
        baseline_on=None if baseline is None else start,
        target_value=None if target is None else Decimal(target),
        target_on=None if target is None else start + timedelta(days=days),
        measurements=[Point(start + timedelta(days=at), Decimal(value))] if measured else [])


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"value": 150}, True),  # half the time, half the way
    ({"value": 149}, False),  # half the time, not quite half the way
    ({"value": 190, "at": 80}, True),
    ({"value": 170, "at": 80}, False),
    ({"value": 100, "at": 0}, True),  # on the baseline day, nothing is expected yet
    ({"value": 199, "at": 150}, False),  # past the target date: the target itself
    ({"value": 200, "at": 150}, True),
    ({"direction": Direction.LOWER, "baseline": 50, "target": 30, "value": 40}, True),
    ({"direction": Direction.LOWER, "baseline": 50, "target": 30, "value": 45}, False),
    ({"baseline": 80, "target": 80, "value": 80}, True),  # keep a level
    ({"baseline": 80, "target": 80, "value": 79}, False),
    ({"direction": Direction.LOWER, "baseline": 5, "target": 5, "value": 4}, True),
    ({"value": 210, "days": 0, "at": 0}, True),
    ({"target": None}, None),
    ({"baseline": None}, None),
    ({"measured": False}, None),
])
def test_the_on_track_rule(kwargs, expected):
    assert on_track(figures(**kwargs)) is expected


# --- known data ---------------------------------------------------------------------------------

def at(model, row_id, moment, column="created_at"):
    db.session.execute(sa.update(model).where(model.id == row_id).values({column: moment}))


@pytest.fixture
def town(commit):
    """Plan "pla" (neighbourhoods A, population 1,000, and B) with goals, results and
    participation in March and April 2026; a draft plan; a plan of neighbourhood C only."""
    council = factories.person("council")
    a = factories.make_neighbourhood("Barri A", population=1000)
    b = factories.make_neighbourhood("Barri B")
    c = factories.make_neighbourhood("Barri C")
    plan = factories.make_plan("Pla del Barri A", slug="pla", neighbourhoods=(a, b))
    draft = factories.make_plan("Pla secret", slug="secret", status=PlanStatus.DRAFT,
                                neighbourhoods=(a,))
    other = factories.make_plan("Pla del Barri C", slug="altre", neighbourhoods=(c,))

    today = local_date()
    base = today - timedelta(days=100)
    goal = make_goal(plan, title="Més veïns actius")
    make_goal(plan, title="Un objectiu sense indicadors", position=1)
    rising = make_indicator(goal, name="Veïns actius", baseline_value="100", baseline_on=base,
                            target_value="200", target_on=base + timedelta(days=100))
    for n, value in enumerate((110, 130, 160)):  # the latest: on day 50, 60% of the way
        measure(rising, str(value), base + timedelta(days=30 + 10 * n))
    falling = make_indicator(goal, name="Soroll", direction="lower", baseline_value="50",
                             baseline_on=base, target_value="30",
                             target_on=base + timedelta(days=100))
    measure(falling, "45", base + timedelta(days=50))  # a quarter of the way at half the time
    make_indicator(goal, name="Sense objectiu", target_value=None, target_on=None)
    secret_goal = make_goal(draft)
    secret = make_indicator(secret_goal, name="Indicador secret")
    measure(secret, "999", today - timedelta(days=1))

    results = {
        "done": make_result(plan, actor=council, publish=True, title="Plaça nova",
                            neighbourhood_id=a.id, planned_budget=1000),
        "going": make_result(plan, actor=council, publish=True, title="Horts urbans",
                             neighbourhood_id=b.id, planned_budget=500),
        "waiting": make_result(plan, actor=council, publish=True, title="Biblioteca",
                               planned_budget=300),
        "parent": make_result(plan, actor=council, publish=True, title="Pla de carrers",
                              neighbourhood_id=a.id),
        "draft": make_result(plan, actor=council, title="Esborrany amagat",
                             neighbourhood_id=a.id, planned_budget=99_999),
        "elsewhere": make_result(other, actor=council, publish=True, title="Acció del barri C",
                                 neighbourhood_id=a.id),
        "secret": make_result(draft, actor=council, publish=True, title="Acció secreta",
                              neighbourhood_id=a.id),
    }
    results["part"] = make_result(plan, actor=council, publish=True, title="Carrer Major",
                                  neighbourhood_id=a.id, parent_id=results["parent"].id,
                                  planned_budget=2000)
    record(results["done"], actor=council, status="done", executed_budget=900)
    record(results["going"], actor=council, status="in_progress", progress=40,
           executed_budget=100)
    record(results["part"], actor=council, status="in_progress", progress=10,
           executed_budget=250)
    record(results["draft"], actor=council, status="done", executed_budget=50_000)

    process = factories.make_process(plan=plan)
    hidden_process = factories.make_process(plan=plan)
    people = [factories.make_user() for _ in range(5)]
    first = make_proposal(process, people[0], title="Més bancs a la plaça")
    second = make_proposal(process, people[1], title="Un mercat de pagès")
    unseen = make_proposal(hidden_process, people[4], title="Una proposta no publicada")
    hidden_process.is_published = False  # unpublished since: nothing of it counts
    for proposal in (first, second, unseen):
        at(Proposal, proposal.id, MARCH)
    proposal_operations.support_proposal(first, actor=people[2])
    db.session.execute(sa.update(Support).values(created_at=APRIL))
    comment = make_comment(first, people[3])
    at(Comment, comment.id, APRIL)
    meeting = closed_meeting(process, council)
    meeting.attendees_count = 25
    at(Meeting, meeting.id, APRIL - timedelta(hours=3), "starts_at")
    at(Meeting, meeting.id, APRIL, "ends_at")
    commit()
    return {"plan": plan, "draft": draft, "other": other, "a": a, "b": b, "c": c,
            "results": results, "rising": rising, "falling": falling}


def test_the_results_figures(town):
    plan = town["plan"]
    assert town["results"]["parent"].planned_budget == 2000  # rolled up from its part
    by_status = {g.key: (g.count, g.planned, g.executed)
                 for g in dashboards.results_by_status(plan)}
    assert by_status == {"not_started": (2, 2300, 250), "in_progress": (2, 500, 100),
                         "done": (1, 1000, 900), "discarded": (0, 0, 0)}
    places = [(g.label, g.count, g.planned, g.executed)
              for g in dashboards.results_by_neighbourhood(plan)]
    assert places == [("Barri A", 3, 3000, 1150), ("Barri B", 1, 500, 100), (None, 1, 300, 0)]
    board = dashboards.plan_dashboard(plan)
    assert (board.results_count, board.planned, board.executed) == (5, 3800, 1250)


def test_the_goals_figures(town):
    goals = dashboards.goal_figures(town["plan"])
    assert [g.title for g in goals] == ["Més veïns actius", "Un objectiu sense indicadors"]
    rising, falling, untargeted = goals[0].indicators
    assert [m.value for m in rising.measurements] == [110, 130, 160]
    assert (rising.count, rising.latest.value, rising.on_track) == (3, 160, True)
    assert (falling.latest.value, falling.on_track) == (45, False)
    assert untargeted.on_track is None and untargeted.latest is None
    assert goals[1].indicators == []
    track = dashboards.plan_dashboard(town["plan"]).track
    assert (track.on_track, track.off_track, track.not_assessed) == (1, 1, 1)


def test_an_indicator_chart_draws_only_the_latest_measurements(town, monkeypatch):
    monkeypatch.setattr(dashboards, "SERIES_POINTS", 2)
    rising = dashboards.goal_figures(town["plan"])[0].indicators[0]
    assert [m.value for m in rising.measurements] == [130, 160]
    assert rising.count == 3


def test_participation_by_month(town):
    months = dashboards.participation(town["plan"])
    assert [m.month for m in months] == ["2026-03", "2026-04"]
    march, april = months
    assert (march.people, march.proposals, march.supports, march.comments) == (2, 2, 0, 0)
    assert (april.people, april.proposals, april.supports, april.comments) == (2, 0, 1, 1)
    assert (april.meetings, april.attendance) == (1, 25)
    assert march.ballots == april.ballots == 0
    assert april.turnout == 0 or april.turnout is None


def test_the_town_rows(town):
    rows = {row.plan.slug: row for row in dashboards.town_rows()}
    assert set(rows) == {"pla", "altre"}  # never the draft plan
    row = rows["pla"]
    assert (row.track.on_track, row.track.assessed) == (1, 2)
    assert (row.results, row.done, row.planned, row.executed, row.people) == (5, 1, 3800, 1250, 4)
    assert rows["altre"].results == 1 and rows["altre"].people == 0
    only_b = dashboards.town_rows(neighbourhood_id=town["b"].id)
    assert [r.plan.slug for r in only_b] == ["pla"]


# --- the pages ----------------------------------------------------------------------------------

def test_the_plan_dashboard_shows_charts_and_tables(client, town):
    response = client.get("/plans/pla/dashboard")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("<svg") >= 5 and page.count("<table") >= 5
    assert 'role="img"' in page and "<title" in page and "<desc" in page
    for words in ("Veïns actius", "Soroll", "On track", "Off track", "Not assessed",
                  "Barri A", "Barri B", "Results by status",
                  "Budget planned and executed", "Participation by month", "Meeting attendance"):
        assert words in page, words
    assert "Esborrany amagat" not in page and "99,999" not in page
    assert "Indicador secret" not in page
    assert "€3,800" in page and "€1,250" in page


def test_the_plan_page_links_its_dashboard(client, town):
    assert 'href="/plans/pla/dashboard"' in text(client.get("/plans/pla"))


def test_a_draft_plan_has_no_dashboard(client, town):
    assert client.get("/plans/secret/dashboard").status_code == 404
    assert client.get("/plans/nowhere/dashboard").status_code == 404


def test_the_town_page_lists_public_plans_and_filters(client, town):
    page = text(client.get("/results/"))
    assert "Pla del Barri A" in page and "Pla del Barri C" in page and "Pla secret" not in page
    assert "on track when its latest value" in page
    filtered = text(client.get(f"/results/?neighbourhood={town['b'].id}"))
    assert "Pla del Barri A" in filtered and "Pla del Barri C" not in filtered
    assert client.get("/results/?neighbourhood=abc").status_code == 200


def test_the_site_navigation_links_the_town_page(client, town):
    assert 'href="/results/"' in text(client.get("/"))


def test_a_neighbourhood_page_shows_the_plans_and_results_touching_it(client, town):
    page = text(client.get(f"/neighbourhoods/{town['a'].slug}"))
    assert page.count('id="results-heading"') == 1
    assert "Plans and results here" in page
    assert "Plaça nova" in page and "Acció del barri C" in page  # a result of another plan here
    assert "Pla del Barri C" in page  # ...so its plan touches the neighbourhood
    assert "Esborrany amagat" not in page and "Acció secreta" not in page
    other = text(client.get(f"/neighbourhoods/{town['c'].slug}"))
    assert "Pla del Barri C" in other and "Plaça nova" not in other


def test_the_council_sees_the_same_public_figures(client, town):
    council = factories.person("council")
    db.session.commit()
    login(client, council)
    page = text(client.get("/plans/pla/dashboard"))
    assert "Esborrany amagat" not in page and "€3,800" in page
    assert client.get("/results/").status_code == 200


def test_the_dashboard_is_kept_a_while_when_asked(app, client, town, monkeypatch):
    monkeypatch.setitem(app.config, "DASHBOARD_CACHE_SECONDS", 60)
    client.get("/plans/pla/dashboard")
    with counting(app) as kept:
        assert client.get("/plans/pla/dashboard").status_code == 200
    monkeypatch.setitem(app.config, "DASHBOARD_CACHE_SECONDS", 0)
    with counting(app) as fresh:
        client.get("/plans/pla/dashboard")
    assert len(kept) < len(fresh)


def test_a_kept_dashboard_shows_the_councils_change_at_once(app, client, town, monkeypatch):
    """The kept rendering is stale once the council changes anything (its key holds the newest
    ActionLog entry): a result's new figures show on the next reading, not a minute later."""
    monkeypatch.setitem(app.config, "DASHBOARD_CACHE_SECONDS", 60)
    assert "€4,321" not in text(client.get("/plans/pla/dashboard"))
    record(town["results"]["going"], actor=factories.person("council"), executed_budget=4321)
    db.session.commit()
    assert "€4,321" in text(client.get("/plans/pla/dashboard"))


# --- a fixed number of queries ------------------------------------------------------------------

def queries_for(app, client, url) -> int:
    client.get(url)
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)


def grow(n):
    """``n`` more public plans in neighbourhood A, each with goals, indicators, measurements,
    results (one with a part) and proposals, and more of the same in plan "pla"."""
    council = factories.make_user("council")
    place = db.session.scalar(sa.select(Neighbourhood).where(
        Neighbourhood.name == "Barri A"))
    plan = db.session.scalar(sa.select(CommunityPlan).where(
        CommunityPlan.slug == "pla"))
    today = local_date()
    targets = [plan] + [factories.make_plan(neighbourhoods=(place,)) for _ in range(n)]
    for target in targets:
        for g in range(n):
            goal = make_goal(target, title=f"Objectiu {g}", position=g + 2)
            for i in range(2):
                indicator = make_indicator(goal, name=f"Indicador {g}.{i}")
                for d in range(n):
                    measure(indicator, str(100 + d), today - timedelta(days=300 - 10 * d))
        parent = make_result(target, actor=council, publish=True, neighbourhood_id=place.id)
        for i in range(n):
            make_result(target, actor=council, publish=True, title=f"Acció {i}",
                        neighbourhood_id=factories.make_neighbourhood().id,
                        parent_id=parent.id if i % 2 else None, planned_budget=100)
        process = factories.make_process(plan=target)
        for _ in range(n):
            make_proposal(process, factories.make_user())
    db.session.commit()


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "council"])
def test_dashboards_cost_the_same_whatever_they_hold(app, client, town, signed_in):
    if signed_in:
        council = factories.person("council")
        db.session.commit()
        login(client, council)
    urls = ["/plans/pla/dashboard", "/results/", f"/results/?neighbourhood={town['a'].id}",
            f"/neighbourhoods/{town['a'].slug}"]
    few = {url: queries_for(app, client, url) for url in urls}
    grow(4)
    many = {url: queries_for(app, client, url) for url in urls}
    assert many == few
