"""The council's results pages (/admin/results/): who may open them (302 to sign in, 403),
unknown ids (404), bad values (400, nothing changed), and the happy paths: drafting,
recording progress (with the author's e-mail), publishing, and outcomes turned into results."""

import pytest
import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db
from participa.results.models import Result, ResultStatus, ResultUpdate
from tests.support import factories
from tests.support.plans import make_goal
from tests.support.results import make_result, process_with_outcomes, status
from tests.support.web import login, post, text

BASE = "/admin/results"


def rows(model):
    db.session.expire_all()
    return list(db.session.scalars(sa.select(model).order_by(model.id)))


def verbs():
    return [e.verb for e in rows(ActionLog)]


@pytest.fixture
def council(commit):
    return factories.person("council")


@pytest.fixture
def plan(commit):
    plan = factories.make_plan()
    commit()
    return plan


@pytest.fixture
def result(plan, council, commit):
    result = make_result(plan, actor=council, planned_budget=20_000)
    commit()
    return result


@pytest.fixture
def as_council(client, council, commit):
    commit()
    login(client, council)
    return client


def every_page(plan, result, process):
    return [
        ("GET", f"{BASE}/"), ("GET", f"{BASE}/plans/{plan.id}/"),
        ("GET", f"{BASE}/plans/{plan.id}/new"), ("POST", f"{BASE}/plans/{plan.id}/new"),
        ("GET", f"{BASE}/{result.id}/edit"), ("POST", f"{BASE}/{result.id}/edit"),
        ("GET", f"{BASE}/{result.id}/record"), ("POST", f"{BASE}/{result.id}/record"),
        ("POST", f"{BASE}/{result.id}/publish"), ("POST", f"{BASE}/{result.id}/unpublish"),
        ("POST", f"{BASE}/plans/{plan.id}/processes/{process.id}/from-outcomes"),
        ("GET", f"{BASE}/statuses/"), ("GET", f"{BASE}/statuses/new"),
        ("POST", f"{BASE}/statuses/new"),
        ("GET", f"{BASE}/statuses/{status('done').id}/edit"),
        ("POST", f"{BASE}/statuses/{status('done').id}/edit"),
    ]


def send(client, method, url, data=None):
    if method == "GET":
        return client.get(url)
    return post(client, url, data or {})


def test_visitors_are_sent_to_sign_in_and_others_refused(client, plan, result, commit):
    process = factories.make_process(plan=plan)
    facilitator = factories.person("facilitator", process=process)
    pages = every_page(plan, result, process)
    commit()
    for method, url in pages:
        response = send(client, method, url)
        assert response.status_code == 302 and "/accounts/login" in response.location, url
    login(client, facilitator)  # facilitators do not keep results: the council does
    for method, url in pages:
        assert send(client, method, url).status_code == 403, url
    assert verbs().count("create_result") == 1 and len(rows(Result)) == 1


def test_every_page_opens_for_the_council(as_council, plan, result, commit):
    process = factories.make_process(plan=plan)
    commit()
    for method, url in every_page(plan, result, process):
        if method == "GET":
            assert as_council.get(url).status_code == 200, url


@pytest.mark.parametrize("url", [
    "/plans/999999/", "/plans/999999/new", "/999999/edit", "/999999/record",
    "/statuses/999999/edit"])
def test_unknown_ids_are_404(as_council, url):
    assert as_council.get(BASE + url).status_code == 404


@pytest.mark.parametrize("url", ["/999999/publish", "/999999/unpublish",
                                 "/plans/999999/processes/1/from-outcomes"])
def test_unknown_ids_are_404_when_posted(as_council, url):
    assert send(as_council, "POST", BASE + url).status_code == 404


def test_the_council_drafts_a_result(as_council, plan, commit):
    goal = make_goal(plan, title="Més verd als carrers")
    commit()
    response = send(as_council, "POST", f"{BASE}/plans/{plan.id}/new", {
        "title": "Arbres al carrer Major", "description": "Vint arbres **nous**.",
        "responsible": "Parcs i Jardins", "goal_ids": [str(goal.id)], "progress": "",
        "planned_budget": "24000", "starts_on": "2027-01-10", "ends_on": "2027-03-31"})
    assert response.status_code == 302
    [made] = rows(Result)
    assert response.location.endswith(f"/plans/{plan.slug}/results/{made.id}")
    assert (made.planned_budget, made.progress, made.is_published) == (24_000, 0, False)
    assert [g.id for g in made.goals] == [goal.id]


@pytest.mark.parametrize("data, message", [
    ({"title": ""}, "This field is required."),
    ({"progress": "101"}, "between 0 and 100"),
    ({"planned_budget": "-5"}, "between 0 and"),
    ({"planned_budget": "mil"}, "Not a valid integer value."),
    ({"starts_on": "2027-05-01", "ends_on": "2027-04-01"},
     "The end date cannot be before the start date."),
    ({"starts_on": "1 de maig"}, "Not a valid date value."),
    ({"parent_id": "999999"}, "Not a valid choice."),
    ({"title": "Dues\nlínies"}, "Write this on one line"),
])
def test_bad_values_are_400_and_change_nothing(as_council, plan, data, message):
    values = {"title": "Arbres al carrer Major"}
    values.update(data)
    response = send(as_council, "POST", f"{BASE}/plans/{plan.id}/new", values)
    assert response.status_code == 400
    assert message in text(response).replace("&#39;", "'")
    assert rows(Result) == []


def test_a_parent_of_another_plan_is_refused(as_council, plan, council, commit):
    other = make_result(factories.make_plan(), actor=council)
    mine = make_result(plan, actor=council)
    commit()
    response = send(as_council, "POST", f"{BASE}/{mine.id}/edit",
                    {"title": mine.title, "parent_id": str(other.id)})
    assert response.status_code == 400  # not among the choices: the plan's own results only
    assert db.session.get(Result, mine.id).parent_id is None


def test_recording_progress_tells_the_author(as_council, plan, council, commit, outbox):
    author = factories.make_user("resident", locale="ca", email="veina@example.org")
    process, (_carried, alone), _winners, _loser = process_with_outcomes(plan, author=author)
    commit()
    assert send(as_council, "POST",
                f"{BASE}/plans/{plan.id}/processes/{process.id}/from-outcomes").status_code == 302
    assert len(rows(Result)) == 3
    # twice: nothing more
    send(as_council, "POST", f"{BASE}/plans/{plan.id}/processes/{process.id}/from-outcomes")
    assert len(rows(Result)) == 3
    made = next(r for r in rows(Result) if r.proposal_id == alone.id)
    assert send(as_council, "POST", f"{BASE}/{made.id}/publish").status_code == 302
    response = send(as_council, "POST", f"{BASE}/{made.id}/record", {
        "status_id": str(status("done").id), "executed_budget": "15000",
        "text": "Els fanals ja fan llum."})
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Result, made.id)
    assert (saved.status.key, saved.progress, saved.executed_budget) == ("done", 100, 15_000)
    [mail] = outbox()
    assert mail["To"] == "veina@example.org"
    assert "ara està: Fet" in mail["Subject"] or "ara està:" in mail["Subject"]
    assert "Els fanals ja fan llum." in mail.get_content()
    assert verbs()[-3:] == ["results_from_outcomes", "publish_result", "record_result_update"]


def test_a_record_that_changes_nothing_or_is_out_of_range_is_400(as_council, result):
    for data in ({}, {"progress": "150"}, {"executed_budget": "-1"}, {"status_id": "999999"}):
        response = send(as_council, "POST", f"{BASE}/{result.id}/record", data)
        assert response.status_code == 400, data
    assert len(rows(ResultUpdate)) == 1


def test_publish_twice_is_refused_with_a_message(as_council, result):
    send(as_council, "POST", f"{BASE}/{result.id}/publish")
    response = send(as_council, "POST", f"{BASE}/{result.id}/publish", )
    assert response.status_code == 302
    assert verbs().count("publish_result") == 1
    send(as_council, "POST", f"{BASE}/{result.id}/unpublish")
    db.session.expire_all()
    assert not db.session.get(Result, result.id).is_published


def test_from_outcomes_of_another_plans_process_says_why(as_council, plan, commit):
    process = factories.make_process(plan=factories.make_plan())
    commit()
    response = send(as_council, "POST",
                    f"{BASE}/plans/{plan.id}/processes/{process.id}/from-outcomes")
    assert response.status_code == 302
    assert "belongs to another community plan" in text(as_council.get(response.location))
    unknown = send(as_council, "POST", f"{BASE}/plans/{plan.id}/processes/999999/from-outcomes")
    assert unknown.status_code == 404


def test_statuses_are_kept_by_the_council(as_council):
    done = status("done")  # the built-in ones first (a fresh database has them already)
    db.session.commit()
    response = send(as_council, "POST", f"{BASE}/statuses/new",
                    {"name": "Aturat", "default_progress": "", "position": "5"})
    assert response.status_code == 302
    assert send(as_council, "POST", f"{BASE}/statuses/new",
                {"name": "", "position": "1"}).status_code == 400  # a new status needs a name
    assert send(as_council, "POST", f"{BASE}/statuses/{done.id}/edit",
                {"name": "", "default_progress": "101"}).status_code == 400
    assert send(as_council, "POST", f"{BASE}/statuses/{done.id}/edit",
                {"name": "Acabat", "default_progress": "100", "position": "2"}).status_code == 302
    names = {s.label for s in rows(ResultStatus)}
    assert {"Aturat", "Acabat"} <= names
