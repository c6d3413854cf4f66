"""Budget rules under parallel requests, with real threads each holding its own connection and
transaction (as gunicorn workers would): one ballot per person, never over the budget, and a
rule change racing the first ballot. Run on SQLite and on PostgreSQL by `make test`."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.budgets import operations
from participa.budgets.models import Budget, BudgetBallot, BudgetVoter
from participa.extensions import db
from tests.support import factories
from tests.support.budgets import SECRET, make_budget, voting_process
from tests.support.parallel import run_parallel

THREADS = 8


def _cast(budget_id, user_id, project_ids):
    def job():
        budget = db.session.get(Budget, budget_id)
        user = db.session.get(User, user_id)
        operations.cast_ballot(budget, project_ids, actor=user, verification=None,
                               ballot_secret=SECRET)
    return job


def _count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_one_person_sending_ballots_in_parallel_has_one_ballot_within_budget(app):
    budget = make_budget(voting_process(), costs=(120_000, 90_000, 70_000, 50_000))
    voter = factories.make_user()
    p = [project.id for project in budget.projects]
    # every ballot fits on its own (≤ 200,000 €); any two together would not
    ballots = [[p[0], p[2]], [p[1], p[2]], [p[0], p[3]], [p[1], p[3]]] * 2
    db.session.commit()
    ok, refused = run_parallel(app, [_cast(budget.id, voter.id, b) for b in ballots])
    assert ok == THREADS and refused == 0  # each replaced the one before
    assert _count(BudgetVoter) == 1 and _count(BudgetBallot) == 1
    stored = db.session.scalars(sa.select(BudgetBallot)).one().project_ids
    assert sorted(stored) in [sorted(b) for b in ballots]
    costs = {project.id: project.cost for project in budget.projects}
    assert sum(costs[i] for i in stored) <= 200_000


def test_many_people_voting_at_once_each_have_one_ballot(app):
    budget = make_budget(voting_process())
    people = [factories.make_user() for _ in range(THREADS)]
    db.session.commit()
    jobs = [_cast(budget.id, person.id, [budget.projects[i % 3].id])
            for i, person in enumerate(people)] * 2
    ok, refused = run_parallel(app, jobs)
    assert ok == 2 * THREADS and refused == 0
    assert _count(BudgetVoter) == THREADS and _count(BudgetBallot) == THREADS


def test_a_rule_change_racing_the_first_ballot_never_leaves_a_ballot_under_other_rules(app):
    for _ in range(3):
        budget = make_budget(voting_process(), costs=(150_000, 40_000))
        council = factories.make_user("council")
        voter = factories.make_user()
        db.session.commit()
        big = budget.projects[0].id

        def shrink(budget_id=budget.id, council_id=council.id):
            operations.update_budget(
                db.session.get(Budget, budget_id),
                {"title": "Pressupost retallat", "amount": 100_000, "ballot_kind": "knapsack",
                 "rule": "equal-shares", "min_choices": 1},
                actor=db.session.get(User, council_id))

        ok, refused = run_parallel(app, [shrink, _cast(budget.id, voter.id, [big])])
        assert ok == 1 and refused == 1  # exactly one of them won
        db.session.expire_all()
        budget = db.session.get(Budget, budget.id)
        ballots = _count(BudgetBallot)
        if ballots:  # the ballot won: the rules froze as they were
            assert budget.amount == 200_000 and budget.frozen_at is not None
        else:  # the change won: the ballot (150,000 € > 100,000 €) was refused
            assert budget.amount == 100_000 and budget.frozen_at is None
        db.session.execute(sa.delete(BudgetBallot))
        db.session.execute(sa.delete(BudgetVoter))
        db.session.commit()


def test_no_ballot_slips_in_after_voting_closes(app):
    budget = make_budget(voting_process())
    people = [factories.make_user() for _ in range(THREADS)]
    council = factories.make_user("council")
    db.session.commit()

    def close():
        operations.close_budget(db.session.get(Budget, budget.id),
                                actor=db.session.get(User, council.id))

    jobs = [_cast(budget.id, person.id, [budget.projects[0].id]) for person in people]
    ok, refused = run_parallel(app, [*jobs, close])
    assert ok + refused == THREADS + 1
    # every ballot that committed is in the box, and the roll agrees with it
    assert _count(BudgetBallot) == _count(BudgetVoter) == ok - 1
