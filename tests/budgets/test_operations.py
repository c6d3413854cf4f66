"""Budget operations without HTTP: cast, change, limits, eligibility, freeze, close, publish."""

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.budgets import operations, queries
from participa.budgets.models import BudgetBallot, BudgetState, BudgetVoter
from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.budgets import SECRET, make_budget, verify, vote, voting_process


@pytest.fixture(autouse=True)
def _english(app):
    """Refusals are read in English here (they are lazy: worded when shown)."""
    with force_locale("en"):
        yield


@pytest.fixture
def budget(app):
    budget = make_budget(voting_process())
    db.session.commit()  # a refused operation rolls back to here, as the write flow does
    return budget


def _ballots(budget):
    return [b.project_ids for b in queries.ballots(budget)]


def test_a_vote_is_counted_once_and_the_last_ballot_counts(budget):
    voter = factories.make_user()
    first, second = budget.projects[0], budget.projects[1]
    receipt = vote(budget, voter, [first])
    assert len(receipt) == 14 and receipt.count("-") == 2
    assert _ballots(budget) == [[first.id]]
    again = vote(budget, voter, [second, budget.projects[2]])
    assert again != receipt  # a new receipt for the new ballot
    assert _ballots(budget) == [sorted([second.id, budget.projects[2].id])]
    assert queries.voters_count(budget) == 1
    assert queries.has_voted(budget, voter)
    verbs = [e.verb for e in db.session.scalars(sa.select(ActionLog).order_by(ActionLog.id))]
    assert verbs[-2:] == ["cast_ballot", "change_ballot"]


def test_the_action_log_never_holds_a_ballot(budget):
    vote(budget, factories.make_user(), [budget.projects[0]])
    entry = db.session.scalars(sa.select(ActionLog).where(ActionLog.verb == "cast_ballot")).one()
    assert set(entry.data) == {"process_id"}


@pytest.mark.parametrize(("picks", "message"), [
    ([0, 1, 2], "more than the budget"),  # 240,000 € of 200,000 €
    ([], "at least 1 project"),
    ([0, 0], "same project twice"),
    ([99], "not in this budget"),
])
def test_a_ballot_that_breaks_a_rule_is_refused_and_changes_nothing(budget, picks, message):
    voter = factories.make_user()
    ids = [budget.projects[i].id if i < 3 else 10**9 for i in picks]
    with pytest.raises(DomainError, match=message):
        vote(budget, voter, ids)
    db.session.rollback()
    assert queries.voters_count(budget) == 0 and _ballots(budget) == []


def test_a_project_of_another_budget_is_refused(budget):
    other = make_budget(budget.process, costs=(5_000,))
    with pytest.raises(DomainError, match="not in this budget"):
        vote(budget, factories.make_user(), [other.projects[0]])


def test_the_minimum_share_of_a_knapsack_ballot():
    budget = make_budget(voting_process(), minimum_share=70)  # at least 140,000 €
    with pytest.raises(DomainError, match="at least"):
        vote(budget, factories.make_user(), [budget.projects[1]])  # 80,000 €
    db.session.rollback()
    budget = make_budget(voting_process(), minimum_share=70)
    vote(budget, factories.make_user(), [budget.projects[0], budget.projects[2]])  # 160,000


def test_approval_ballots_keep_their_minimum_and_maximum():
    budget = make_budget(voting_process(), ballot_kind="approval", min_choices=2,
                         max_choices=2, costs=(150_000, 150_000, 150_000))
    db.session.commit()
    for picks, message in (([0], "at least 2"), ([0, 1, 2], "at most 2")):
        with pytest.raises(DomainError, match=message):
            vote(budget, factories.make_user(), [budget.projects[i] for i in picks])
        db.session.rollback()
    # approval ballots may add up to more than the budget: they choose projects, not money
    budget = make_budget(voting_process(), ballot_kind="approval", min_choices=2,
                         max_choices=2, costs=(150_000, 150_000, 150_000))
    vote(budget, factories.make_user(), budget.projects[:2])


def test_voting_needs_the_voting_phase_and_an_open_budget(app):
    process = factories.make_process(phases=((PhaseKind.PROPOSALS, -5, 5),))
    budget = make_budget(process)
    with pytest.raises(DomainError, match="current phase"):
        vote(budget, factories.make_user(), [budget.projects[0]])
    db.session.rollback()
    budget = make_budget(voting_process())
    operations.close_budget(budget, actor=factories.make_user("council"))
    with pytest.raises(DomainError, match="closed"):
        vote(budget, factories.make_user(), [budget.projects[0]])


def test_blocked_people_cannot_vote(budget):
    voter = factories.make_user()
    voter.blocked_at = factories.utcnow()
    with pytest.raises(DomainError):  # blocked people are not signed in any more
        vote(budget, voter, [budget.projects[0]])


def test_eligibility_by_census_neighbourhood_and_age(app):
    here, there = factories.make_neighbourhood(), factories.make_neighbourhood()
    process = voting_process(neighbourhoods=[here, there])
    budget = make_budget(process, census_required=True, neighbourhood_id=here.id,
                         minimum_age=16)
    resident = factories.make_user()
    with pytest.raises(DomainError, match="census"):
        vote(budget, resident, [budget.projects[0]])
    today = factories.utcnow().date()
    cases = [
        (verify(factories.make_user(), there), "Only residents"),
        (verify(factories.make_user(), here, birth_year=today.year - 15), "old enough"),
    ]
    for verification, message in cases:
        user = db.session.get(type(resident), verification.user_id)
        with pytest.raises(DomainError, match=message):
            vote(budget, user, [budget.projects[0]], verification=verification)
    ok = verify(factories.make_user(), here, birth_year=today.year - 16)
    user = db.session.get(type(resident), ok.user_id)
    vote(budget, user, [budget.projects[0]], verification=ok)
    roll = db.session.scalars(sa.select(BudgetVoter)).one()
    assert roll.neighbourhood_id == here.id


def test_the_first_ballot_freezes_the_rules(budget):
    council = factories.make_user("council")
    db.session.commit()
    operations.update_budget(budget, {"title": "Nou títol", "amount": 250_000}, actor=council)
    assert budget.amount == 250_000 and not budget.is_frozen
    vote(budget, factories.make_user(), [budget.projects[0]])
    assert budget.is_frozen
    db.session.commit()
    with pytest.raises(DomainError, match="froze"):
        operations.update_budget(budget, {"title": "Un altre", "amount": 300_000},
                                 actor=council)
    db.session.rollback()
    budget = db.session.get(type(budget), budget.id)
    for change in (
        lambda: operations.create_project(budget, {"title": "Nou", "cost": 10}, actor=council),
        lambda: operations.update_project(budget.projects[0], {"title": "X", "cost": 1},
                                          actor=council),
        lambda: operations.delete_project(budget.projects[0], actor=council),
    ):
        with pytest.raises(DomainError, match="froze"):
            change()
        db.session.rollback()
    # the title and description can still be mended
    operations.update_budget(budget, {"title": "Títol esmenat", "description": "Més clar."},
                             actor=council)
    assert budget.title == "Títol esmenat" and budget.amount == 250_000


def test_residents_cannot_prepare_budgets(budget):
    resident = factories.make_user()
    with pytest.raises(DomainError):
        operations.create_budget(budget.process, {"title": "X", "amount": 10}, actor=resident)
    with pytest.raises(DomainError):
        operations.create_project(budget, {"title": "X", "cost": 10}, actor=resident)


def test_closing_shuffles_the_box_and_publishing_fixes_both_outcomes(budget):
    council = factories.make_user("council")
    voters = [factories.make_user() for _ in range(6)]
    for i, voter in enumerate(voters):
        vote(budget, voter, [budget.projects[i % 3]])
    db.session.commit()
    with pytest.raises(DomainError):  # a facilitator cannot close
        operations.close_budget(budget, actor=factories.make_user("facilitator",
                                                                  process=budget.process))
    db.session.rollback()
    budget = db.session.get(type(budget), budget.id)
    with pytest.raises(DomainError):  # nor publish before closing
        operations.publish_results(budget, actor=council)
    db.session.rollback()
    budget = db.session.get(type(budget), budget.id)
    before = sorted(b.key for b in queries.ballots(budget))
    operations.close_budget(budget, actor=council)
    assert budget.state == BudgetState.CLOSED
    assert sorted(b.key for b in queries.ballots(budget)) == before  # the same ballots
    operations.publish_results(budget, actor=council)
    results = budget.results
    assert budget.state == BudgetState.PUBLISHED
    assert results["voters"] == 6 and results["votes"] == {
        str(p.id): 2 for p in budget.projects}
    # greedy: ties broken by lower cost → 60,000 then 80,000 (140,000); 100,000 no longer fits
    assert results["greedy"]["selected"] == [budget.projects[2].id, budget.projects[1].id]
    assert results["equal-shares"]["cost"] <= budget.amount


def test_paper_ballots_count_in_greedy_and_turnout(budget):
    council = factories.make_user("council")
    vote(budget, factories.make_user(), [budget.projects[0]])
    operations.enter_paper_count(budget, {"place": "Casal de barri", "ballots": 30,
                                          f"votes_{budget.projects[2].id}": 25}, actor=council)
    db.session.commit()
    with pytest.raises(DomainError, match="between 0 and the number"):
        operations.enter_paper_count(budget, {"place": "Escola", "ballots": 3,
                                              f"votes_{budget.projects[2].id}": 4},
                                     actor=council)
    db.session.rollback()
    budget = db.session.get(type(budget), budget.id)
    operations.close_budget(budget, actor=council)
    results = operations.count_results(budget)
    assert results["paper_ballots"] == 30
    assert results["votes"][str(budget.projects[2].id)] == 25
    assert results["greedy"]["selected"][0] == budget.projects[2].id


def test_the_ballot_key_needs_the_secret(budget):
    voter = factories.make_user()
    vote(budget, voter, [budget.projects[0]])
    stored = db.session.scalars(sa.select(BudgetBallot.key)).one()
    assert stored == operations.ballot_key(SECRET, budget, voter)
    assert stored != operations.ballot_key("another-key", budget, voter)


def test_the_amount_cannot_fall_below_a_projects_cost(budget):
    council = factories.make_user("council")
    with pytest.raises(DomainError, match="already costs more"):
        operations.update_budget(budget, {"title": "Retallat", "amount": 90_000},
                                 actor=council)


def test_paper_ballots_name_only_a_meeting_of_the_process(budget, make_meeting):
    council = factories.make_user("council")
    elsewhere = make_meeting(factories.make_process(), council)
    with pytest.raises(DomainError, match="this process's meetings"):
        operations.enter_paper_count(budget, {"place": "Casal", "ballots": 3,
                                              "meeting_id": elsewhere.id}, actor=council)
