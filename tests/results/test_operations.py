"""Results without HTTP: drafting and editing, the timeline, publishing, the roll-up of parts,
turning a process's outcomes into results (and doing it twice), and the e-mail to the author
of the proposal a result came from."""

from datetime import date

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.results import notifications, operations
from participa.results.models import Result, ResultUpdate
from tests.support import factories
from tests.support.plans import make_goal
from tests.support.results import (
    make_result,
    process_with_outcomes,
    record,
    status,
)


@pytest.fixture
def council():
    return factories.make_user("council")


@pytest.fixture
def plan():
    return factories.make_plan()


def verbs():
    return list(db.session.scalars(sa.select(ActionLog.verb).order_by(ActionLog.id)))


def test_a_result_is_drafted_with_its_first_timeline_entry(plan, council):
    goal = make_goal(plan)
    place = factories.make_neighbourhood("Barri Vell")
    result = make_result(plan, actor=council, goal_ids=[goal.id], neighbourhood_id=place.id,
                         responsible="Àrea d'Espai Públic", planned_budget=40_000,
                         starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 30))
    assert not result.is_published
    assert result.status.key == "not_started" and result.progress == 0
    assert result.goals == [goal] and result.neighbourhood == place
    [entry] = result.updates
    assert entry.status_id == result.status_id and entry.planned_budget == 40_000
    assert verbs() == ["create_goal", "create_result"]  # the goal made by the operation too


def test_a_status_brings_its_default_progress_and_each_change_is_dated(plan, council):
    result = make_result(plan, actor=council)
    entry = record(result, actor=council, status="in_progress", progress=30,
                   text="Comencen les obres.")
    assert (result.status.key, result.progress) == ("in_progress", 30)
    assert entry.text == "Comencen les obres." and entry.author_id == council.id
    done = record(result, actor=council, status="done", executed_budget=38_500)
    assert (result.progress, result.executed_budget) == (100, 38_500)
    assert (done.progress, done.executed_budget, done.planned_budget) == (100, 38_500, None)
    db.session.expire(result, ["updates"])
    assert len(result.updates) == 3
    assert verbs() == ["create_result", "record_result_update", "record_result_update"]


def test_a_change_that_changes_nothing_is_refused(plan, council):
    result = make_result(plan, actor=council)
    with pytest.raises(DomainError, match="No ha canviat res"):
        record(result, actor=council, status="not_started", progress=0)


def test_publish_and_unpublish(plan, council):
    result = make_result(plan, actor=council)
    operations.publish_result(result, actor=council)
    assert result.is_published
    with pytest.raises(DomainError):
        operations.publish_result(result, actor=council)
    operations.unpublish_result(result, actor=council)
    assert not result.is_published
    assert verbs()[-2:] == ["publish_result", "unpublish_result"]


def test_only_the_council_writes(plan, council):
    resident = factories.make_user()
    with pytest.raises(DomainError):
        make_result(plan, actor=resident)
    result = make_result(plan, actor=council)
    for write in (lambda: operations.update_result(result, {"title": "x"}, actor=resident),
                  lambda: record(result, actor=resident, progress=5),
                  lambda: operations.publish_result(result, actor=resident)):
        with pytest.raises(DomainError):
            write()


# --- parts roll up ------------------------------------------------------------------------------

def test_parts_roll_up_weighted_by_their_planned_budgets(plan, council):
    parent = make_result(plan, actor=council, title="Pla de places")
    first = make_result(plan, actor=council, parent_id=parent.id, planned_budget=90_000)
    second = make_result(plan, actor=council, parent_id=parent.id, planned_budget=10_000)
    assert (parent.planned_budget, parent.progress) == (100_000, 0)
    record(first, actor=council, progress=50, executed_budget=40_000)
    record(second, actor=council, status="done", executed_budget=12_000)
    # (50 × 90,000 + 100 × 10,000) / 100,000 = 55
    assert (parent.progress, parent.planned_budget, parent.executed_budget) == (55, 100_000,
                                                                                 52_000)
    rolled = db.session.scalars(sa.select(ResultUpdate).where(
        ResultUpdate.result_id == parent.id, ResultUpdate.child_id.is_not(None))).all()
    assert {entry.child_id for entry in rolled} == {first.id, second.id}


def test_without_budgets_the_plain_mean_and_discarded_parts_do_not_count(plan, council):
    parent = make_result(plan, actor=council)
    a = make_result(plan, actor=council, parent_id=parent.id)
    b = make_result(plan, actor=council, parent_id=parent.id)
    c = make_result(plan, actor=council, parent_id=parent.id, planned_budget=5_000)
    record(a, actor=council, progress=40)
    record(b, actor=council, progress=81)
    assert parent.progress == 40  # (40 + 81 + 0) / 3 = 40.33
    record(c, actor=council, status="discarded", executed_budget=1_000)
    assert parent.progress == 61  # (40 + 81) / 2 = 60.5, rounded up
    assert (parent.planned_budget, parent.executed_budget) == (0, 1_000)


def test_rolled_up_figures_go_up_every_level_and_cannot_be_set_by_hand(plan, council):
    top = make_result(plan, actor=council)
    middle = make_result(plan, actor=council, parent_id=top.id)
    leaf = make_result(plan, actor=council, parent_id=middle.id, planned_budget=8_000)
    record(leaf, actor=council, status="done")
    assert (middle.progress, top.progress, top.planned_budget) == (100, 100, 8_000)
    with pytest.raises(DomainError, match="surten de les seves parts"):
        record(middle, actor=council, progress=20)
    with pytest.raises(DomainError, match="surten de les seves parts"):
        record(top, actor=council, planned_budget=1)
    record(middle, actor=council, status="done")  # its status is its own
    assert middle.progress == 100


def test_moving_a_part_rolls_both_parents_up(plan, council):
    old = make_result(plan, actor=council)
    new = make_result(plan, actor=council)
    part = make_result(plan, actor=council, parent_id=old.id, planned_budget=3_000)
    make_result(plan, actor=council, parent_id=old.id, planned_budget=2_000)
    operations.update_result(part, {"title": part.title, "parent_id": new.id}, actor=council)
    assert (old.planned_budget, new.planned_budget) == (2_000, 3_000)


# --- validation ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data, field", [
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"progress": 101}, "progress"),
    ({"progress": -1}, "progress"),
    ({"progress": "50"}, "progress"),
    ({"planned_budget": -1}, "planned_budget"),
    ({"executed_budget": -5}, "executed_budget"),
    ({"planned_budget": 2_000_000_000}, "planned_budget"),
    ({"starts_on": date(2027, 5, 1), "ends_on": date(2027, 4, 30)}, "ends_on"),
    ({"status_id": 999_999}, "status_id"),
    ({"neighbourhood_id": 999_999}, "neighbourhood_id"),
    ({"responsible": "x" * 301}, "responsible"),
    ({"description": "x" * 10_001}, "description"),
    ({"text": "x" * 501}, "text"),
], ids=lambda v: str(v)[:40])
def test_bad_values_are_refused_with_their_field(plan, council, data, field):
    values = {"title": "Arranjar la plaça"}
    values.update(data)
    with pytest.raises(DomainError) as refused:
        operations.create_result(plan, values, actor=council)
    assert refused.value.field == field
    assert str(refused.value.message)


def test_goals_processes_categories_and_parents_must_be_of_the_plan(plan, council):
    other_plan = factories.make_plan()
    foreign_goal = make_goal(other_plan)
    foreign_process = factories.make_process(plan=other_plan, categories=("Cultura",))
    own_process = factories.make_process(plan=plan, categories=("Espai públic",))
    foreign_result = make_result(other_plan, actor=council)
    for data, field in (({"goal_ids": [foreign_goal.id]}, "goal_ids"),
                        ({"process_id": foreign_process.id}, "process_id"),
                        ({"category_id": own_process.categories[0].id}, "category_id"),
                        ({"process_id": own_process.id,
                          "category_id": foreign_process.categories[0].id}, "category_id"),
                        ({"parent_id": foreign_result.id}, "parent_id"),
                        ({"parent_id": 999_999}, "parent_id")):
        with pytest.raises(DomainError) as refused:
            operations.create_result(plan, {"title": "Una acció", **data}, actor=council)
        assert refused.value.field == field, data
    ok = operations.create_result(plan, {"title": "Una acció", "process_id": own_process.id,
                                         "category_id": own_process.categories[0].id},
                                  actor=council)
    assert ok.category.name == "Espai públic"


def test_a_result_cannot_be_a_part_of_itself_or_of_its_parts(plan, council):
    top = make_result(plan, actor=council)
    part = make_result(plan, actor=council, parent_id=top.id)
    for parent in (top, part):
        with pytest.raises(DomainError) as refused:
            operations.update_result(top, {"title": top.title, "parent_id": parent.id},
                                     actor=council)
        assert refused.value.field == "parent_id"


def test_the_database_refuses_what_must_never_be(plan, council):
    result = make_result(plan, actor=council)
    for column, value in (("progress", 101), ("planned_budget", -1)):
        with pytest.raises(sa.exc.IntegrityError):
            with db.session.begin_nested():
                db.session.execute(sa.update(Result).where(Result.id == result.id)
                                   .values({column: value}))


# --- from outcomes ------------------------------------------------------------------------------

def test_outcomes_become_draft_results_linked_back_once(plan, council):
    process, (carried, alone), winners, loser = process_with_outcomes(plan)
    made = operations.results_from_outcomes(process, plan, actor=council)
    by_project = {r.budget_project_id: r for r in made if r.budget_project_id}
    by_proposal = {r.proposal_id: r for r in made if r.proposal_id}
    assert set(by_project) == {p.id for p in winners} and loser.id not in by_project
    # the carried proposal is followed through its project, not given a second result
    assert set(by_proposal) == {alone.id}
    project_result = by_project[winners[0].id]
    assert project_result.planned_budget == winners[0].cost
    assert project_result.plan_id == plan.id and project_result.process_id == process.id
    assert all(not r.is_published and r.status.key == "not_started" for r in made)
    assert all(len(r.updates) == 1 for r in made)
    assert operations.results_from_outcomes(process, plan, actor=council) == []  # idempotent
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Result)) == 3
    assert verbs().count("results_from_outcomes") == 2


def test_a_process_of_another_plan_is_refused_and_a_town_wide_one_serves_any(plan, council):
    process, _accepted, _winners, _loser = process_with_outcomes(factories.make_plan())
    with pytest.raises(DomainError, match="un altre pla comunitari"):
        operations.results_from_outcomes(process, plan, actor=council)
    process.plan_id = None  # a town-wide process: its outcomes may serve this plan
    db.session.flush()
    made = operations.results_from_outcomes(process, plan, actor=council)
    assert len(made) == 3 and {r.plan_id for r in made} == {plan.id}
    operations.update_result(made[0], {"title": "Parc infantil", "process_id": process.id},
                             actor=council)  # a town-wide process stays a valid process


def test_from_a_town_wide_process_a_plan_takes_the_outcomes_of_its_places(council):
    here, there = factories.make_neighbourhood(), factories.make_neighbourhood()
    plan = factories.make_plan(neighbourhoods=[here])
    other_plan = factories.make_plan(neighbourhoods=[there])
    process, (_carried, alone), (first, second), _loser = process_with_outcomes(plan)
    process.plan_id = None
    first.neighbourhood_id, alone.neighbourhood_id = here.id, there.id
    db.session.flush()
    mine = operations.results_from_outcomes(process, plan, actor=council)
    assert {r.budget_project_id for r in mine} == {first.id, second.id}  # second: no place
    assert not any(r.proposal_id for r in mine)
    theirs = operations.results_from_outcomes(process, other_plan, actor=council)
    assert [r.proposal_id for r in theirs] == [alone.id]


def test_the_database_refuses_a_second_result_for_a_proposal(plan, council):
    process, (_carried, alone), _winners, _loser = process_with_outcomes(plan)
    operations.results_from_outcomes(process, plan, actor=council)
    with pytest.raises(sa.exc.IntegrityError):
        with db.session.begin_nested():
            db.session.add(Result(plan_id=plan.id, title="x", status=status("done"),
                                  proposal_id=alone.id))


# --- the e-mail to the author -------------------------------------------------------------------

def test_the_author_hears_of_a_status_change_in_their_language(app, plan, council, outbox):
    author = factories.make_user("resident", locale="es", email="autora@example.org")
    process, _accepted, _winners, _loser = process_with_outcomes(plan, author=author)
    made = operations.results_from_outcomes(process, plan, actor=council)
    for result in made:
        operations.publish_result(result, actor=council)
    from_proposal = next(r for r in made if r.proposal_id)
    entry = record(from_proposal, actor=council, status="in_progress", progress=10,
                   text="Ja s'han encarregat els fanals.")
    with app.test_request_context():
        assert notifications.send_status_changed(from_proposal, entry) == 1
    from_project = next(r for r in made if r.budget_project_id == _winners[0].id)
    entry = record(from_project, actor=council, status="done")
    with app.test_request_context():
        assert notifications.send_status_changed(from_project, entry) == 1
    progress_only = record(from_project, actor=council, executed_budget=99_000)
    with app.test_request_context():
        assert notifications.send_status_changed(from_project, progress_only) == 0
    db.session.commit()
    sent = outbox()
    assert [m["To"] for m in sent] == ["autora@example.org"] * 2
    assert sent[0]["Subject"] == "«Més fanals al carrer Major» ahora está: En curso"
    assert "Ja s'han encarregat els fanals." in sent[0].get_content()
    assert f"/plans/{plan.slug}/results/{from_proposal.id}" in sent[0].get_content()


def test_nobody_hears_of_a_draft(app, plan, council, outbox):
    process, _accepted, _winners, _loser = process_with_outcomes(plan)
    made = operations.results_from_outcomes(process, plan, actor=council)
    entry = record(made[-1], actor=council, status="done")
    with app.test_request_context():
        assert notifications.send_status_changed(made[-1], entry) == 0
