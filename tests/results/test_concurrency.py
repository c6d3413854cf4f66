"""Results under parallel requests, with real threads each holding its own connection and
transaction (as gunicorn workers would): outcomes turned into results by several clicks at
once make each result once, and parts recorded at the same moment both reach their parent.
Run on SQLite and on PostgreSQL."""

import sqlalchemy as sa

from participa.accounts.models import User
from participa.extensions import db
from participa.plans.models import CommunityPlan
from participa.processes.models import Process
from participa.results import operations
from participa.results.models import Result
from tests.support import factories
from tests.support.parallel import run_parallel
from tests.support.results import make_result, process_with_outcomes, status


def test_clicks_at_once_make_each_result_once(app):
    council = factories.make_user("council")
    plan = factories.make_plan()
    process, _accepted, _winners, _loser = process_with_outcomes(plan)
    status("not_started")
    db.session.commit()

    def click():
        operations.results_from_outcomes(db.session.get(Process, process.id),
                                         db.session.get(CommunityPlan, plan.id),
                                         actor=db.session.get(User, council.id))

    ok, refused = run_parallel(app, [click] * 4)
    assert ok + refused == 4 and ok >= 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Result)) == 3


def test_parts_recorded_at_once_both_reach_their_parent(app):
    council = factories.make_user("council")
    plan = factories.make_plan()
    parent = make_result(plan, actor=council)
    parts = [make_result(plan, actor=council, parent_id=parent.id, planned_budget=10_000)
             for _ in range(4)]
    db.session.commit()

    def record(part_id, progress):
        def job():
            part = db.session.get(Result, part_id)
            operations.record_update(part, {"progress": progress, "executed_budget": 1_000},
                                     actor=db.session.get(User, council.id))
        return job

    ok, refused = run_parallel(app, [record(p.id, 20 * (i + 1)) for i, p in enumerate(parts)])
    assert (ok, refused) == (4, 0)
    db.session.expire_all()
    saved = db.session.get(Result, parent.id)
    assert (saved.progress, saved.executed_budget) == (50, 4_000)  # (20+40+60+80)/4
