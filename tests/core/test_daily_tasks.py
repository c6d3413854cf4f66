"""The worker's daily tasks (participa.core.jobs): each runs once a day between however many
workers, its day recorded in the database; a failing one is rolled back and reported."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.core import jobs
from participa.core.jobs import DailyRun, claim_daily, register_daily, run_daily_tasks
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood


@pytest.fixture
def only(monkeypatch):
    """Run only the tasks a test registers (not those the features registered)."""
    monkeypatch.setattr(jobs, "_DAILY", {})


def test_a_task_runs_when_a_day_has_passed_since_its_last_run(app, only):
    runs = []
    register_daily("count", lambda config, now: runs.append(now))
    now = utcnow()
    assert run_daily_tasks(app.config, now=now) == ["count"]
    assert run_daily_tasks(app.config, now=now + timedelta(hours=12)) == []
    assert run_daily_tasks(app.config, now=now + timedelta(hours=23, minutes=59)) == []
    assert run_daily_tasks(app.config, now=now + timedelta(days=1)) == ["count"]
    assert runs == [now, now + timedelta(days=1)]
    assert db.session.get(DailyRun, "count").last_run_at == now + timedelta(days=1)


def test_two_workers_claim_a_day_once(app, only):
    now = utcnow()
    assert claim_daily("refresh", now) is True
    assert claim_daily("refresh", now) is False  # the second worker, the same moment
    later = now + timedelta(days=1, minutes=1)
    assert [claim_daily("refresh", later), claim_daily("refresh", later)] == [True, False]


def test_a_stale_claim_loses_to_the_worker_that_moved_first(app, only):
    """Two workers read the same last run; the conditional UPDATE lets only one move it."""
    start = utcnow() - timedelta(days=2)
    db.session.add(DailyRun(name="refresh", last_run_at=start))
    db.session.commit()
    now = utcnow()
    assert claim_daily("refresh", now) is True
    moved = db.session.execute(sa.update(DailyRun).where(
        DailyRun.name == "refresh", DailyRun.last_run_at == start).values(
        last_run_at=now)).rowcount
    assert moved == 0  # what the slower worker's UPDATE finds: nothing left to claim


def test_a_failing_task_is_rolled_back_reported_and_stops_no_other(app, only):
    errors = []

    def breaks(config, now):
        db.session.add(Neighbourhood(name="A mitges", slug="a-mitges", district="Centre"))
        db.session.flush()
        raise RuntimeError("no")

    def works(config, now):
        db.session.add(Neighbourhood(name="Sencer", slug="sencer", district="Centre"))

    register_daily("breaks", breaks)
    register_daily("works", works)
    assert run_daily_tasks(app.config, on_error=errors.append) == ["breaks", "works"]
    assert [str(e) for e in errors] == ["no"]
    db.session.expire_all()
    assert db.session.scalars(sa.select(Neighbourhood.slug)).all() == ["sencer"]
    assert run_daily_tasks(app.config, on_error=errors.append) == []  # tried again tomorrow


def test_the_worker_loop_runs_the_daily_tasks(app, only):
    runs = []
    register_daily("count", lambda config, now: runs.append(now))
    turns = iter([False, True])
    jobs.work(app.config, poll_seconds=0, keep_done=timedelta(days=7),
              stop=lambda: next(turns), on_error=pytest.fail)
    assert len(runs) == 1


def test_the_features_register_their_daily_tasks(app):
    assert "plans.refresh_indicators" in jobs._DAILY
