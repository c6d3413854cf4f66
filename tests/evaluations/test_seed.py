"""The demo town's evaluation (``participa.seed.evaluations.seed_evaluations``, run after the
demo): the Barri Vell's plan gets one published evaluation of its last year, every goal
assessed, results done and pending, and a questionnaire answered by a couple of dozen
neighbours; a second run makes nothing. Its page reads in Catalan."""

import pytest
import sqlalchemy as sa

from participa.evaluations import queries
from participa.evaluations.models import Evaluation
from participa.extensions import db
from participa.seed.evaluations import BARRI_VELL, seed_evaluations
from tests.support.web import text


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_the_barri_vell_has_a_published_evaluation_and_seeding_twice_changes_nothing(
        runner, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0  # the demo seeds its evaluation
    assert seed_evaluations() == 0
    [evaluation] = db.session.scalars(sa.select(Evaluation))
    plan = evaluation.plan
    assert plan.slug == BARRI_VELL and evaluation.is_published
    assert {a.goal_id for a in evaluation.assessments} == {g.id for g in plan.goals}
    assert evaluation.indicators and any(r.value is not None for r in evaluation.indicators)
    assert any(r.is_done for r in evaluation.results)
    assert any(r.is_pending for r in evaluation.results)
    summary = queries.questionnaire_summary(evaluation)
    assert summary.answers >= 24 and all(s.mean for s in summary.scales)
    assert len(queries.list_comments(evaluation)) >= 5
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ca"
    body = text(client.get(f"/plans/{plan.slug}/evaluations/{evaluation.id}"))
    assert "Què n'han dit els veïns i veïnes" in body and "Taula Comunitària" in body
    assert evaluation.title in text(client.get(f"/plans/{plan.slug}"))
