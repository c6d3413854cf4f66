"""The demo town's results (``participa.seed.results.seed_results``): a dozen results of two
plans in every status, some from the closed town budget's winners and an accepted proposal,
one made of parts, all published with timelines; and a second run makes nothing."""

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.results.models import Result
from participa.seed.results import MARKER, seed_results


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_the_demo_has_results_in_every_status_and_seeding_twice_changes_nothing(runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0  # the demo seeds its results
    assert seed_results() == 0
    results = list(db.session.scalars(sa.select(Result)))
    assert len(results) >= 12 and all(r.is_published for r in results)
    assert {r.status.key for r in results} == {"not_started", "in_progress", "done",
                                               "discarded"}
    assert any(r.budget_project_id for r in results) and any(r.proposal_id for r in results)
    parent = next(r for r in results if r.title == MARKER)
    assert len(parent.children) == 3 and 0 < parent.progress < 100
    assert parent.planned_budget == sum(c.planned_budget for c in parent.children)
    assert all(r.updates for r in results)
    assert sum(len(r.updates) > 1 for r in results) >= 8
