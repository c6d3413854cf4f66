"""``participa budgets import``: a Pabulib file becomes a closed budget with its ballots and
published results; a malformed file names its line and loads nothing."""

import sqlalchemy as sa

from participa.budgets.models import Budget, BudgetBallot, BudgetState
from participa.extensions import db
from tests.budgets.test_pabulib import SAMPLE
from tests.support import factories


def _run(app, tmp_path, text, slug):
    path = tmp_path / "budget.pb"
    path.write_text(text, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["budgets", "import", str(path), "--process", slug])


def test_a_file_becomes_a_published_budget_whose_page_shows_both_rules(app, tmp_path, client):
    process = factories.make_process()
    db.session.commit()
    result = _run(app, tmp_path, SAMPLE, process.slug)
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    budget = db.session.scalars(sa.select(Budget)).one()
    assert budget.state == BudgetState.PUBLISHED and budget.amount == 1000
    assert [p.external_id for p in budget.projects] == ["A1", "A2", "A3", "B"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetBallot)) == 10
    by_id = {p.id: p.external_id for p in budget.projects}
    # the known outcomes of the sample: greedy gives the majority everything
    assert [by_id[i] for i in budget.results["greedy"]["selected"]] == ["A1", "A2", "A3"]
    assert [by_id[i] for i in budget.results["equal-shares"]["selected"]] == ["A1", "A2", "B"]
    page = client.get(f"/processes/{process.slug}/budgets/{budget.id}/results")
    assert page.status_code == 200 and "Casal de joves" in page.get_data(as_text=True)


def test_a_malformed_file_names_its_line_and_loads_nothing(app, tmp_path):
    process = factories.make_process()
    db.session.commit()
    for text, line in ((SAMPLE.replace("8;B\n", "8;C\n"), "line 26"),
                       (SAMPLE.replace("vote_type;approval", "vote_type;ordinal"), "line 9")):
        result = _run(app, tmp_path, text, process.slug)
        assert result.exit_code != 0 and line in result.output
    result = _run(app, tmp_path, SAMPLE, "no-such-process")
    assert result.exit_code != 0 and "no-such-process" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Budget)) == 0
