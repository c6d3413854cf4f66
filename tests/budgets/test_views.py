"""The public budget routes through the test client: list, page, check and cast a ballot,
results and the Pabulib file — happy paths and 302/400/404/429."""

import pytest
import sqlalchemy as sa

from participa.budgets import operations, pabulib
from participa.budgets.counting import tally
from participa.budgets.models import BudgetBallot
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.budgets import make_budget, vote, voting_process
from tests.support.web import CSRF_RE, login, post, sync, text


def url(budget, action="") -> str:
    base = f"/processes/{budget.process.slug}/budgets/{budget.id}"
    return base + (f"/{action}" if action else "")


@pytest.fixture
def budget(app):
    return make_budget(voting_process(), description="Decideix com es gasten **200.000 €**.")


@pytest.fixture
def voter(budget, commit):
    person = factories.make_user(locale="en")
    commit()
    return person


def cast(client, budget, projects, action="cast"):
    page = text(client.get(url(budget)))
    token = CSRF_RE.search(page).group(1)
    return client.post(url(budget, "ballot"), data={
        "csrf_token": token, "action": action, "project": [str(p.id) for p in projects]})


def test_the_list_and_the_page_show_the_budget_to_visitors(client, budget, commit):
    commit()
    listing = client.get(f"/processes/{budget.process.slug}/budgets/")
    assert listing.status_code == 200 and budget.title in text(listing)
    page = client.get(url(budget))
    body = text(page)
    assert page.status_code == 200
    assert "Projecte 1" in body and "<strong>200,000</strong>" not in body
    assert "Sign in to vote." in body and 'name="project"' not in body
    process_page = text(client.get(f"/processes/{budget.process.slug}"))
    # open to voting in a voting phase: the process page's main action
    assert "Vote on the budget" in process_page
    assert f'class="action primary" href="/processes/{budget.process.slug}/budgets/"' \
        in process_page


@pytest.mark.parametrize("path", ["/999999", "/99999999999999999999", "/0/results",
                                  "/999999.pb"])
def test_unknown_budgets_are_404(client, budget, commit, path):
    commit()
    assert client.get(f"/processes/{budget.process.slug}/budgets{path}").status_code == 404


def test_another_process_does_not_lead_to_a_budget(client, budget, commit):
    other = factories.make_process()
    commit()
    assert client.get(f"/processes/{other.slug}/budgets/{budget.id}").status_code == 404


def test_a_visitor_posting_a_ballot_is_sent_to_sign_in(client, budget, commit):
    commit()
    response = post(client, url(budget, "ballot"), {"action": "cast"})
    assert response.status_code == 302 and "/accounts/login" in response.location


def test_check_my_ballot_explains_and_changes_nothing(client, budget, voter):
    login(client, voter)
    response = cast(client, budget, budget.projects, action="check")
    body = text(response)
    assert response.status_code == 200
    assert "Your choice costs €240,000" in body and "more than the budget" in body
    response = cast(client, budget, budget.projects[:2], action="check")
    assert "Your ballot keeps every rule" in text(response)
    assert "€20,000 of the budget is left" in text(response)
    sync()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetBallot)) == 0


def test_casting_gives_a_receipt_once_and_mails_it(client, budget, voter, outbox):
    login(client, voter)
    response = cast(client, budget, budget.projects[:1])
    assert response.status_code == 302
    page = text(client.get(url(budget)))
    receipt = page.split("Your receipt code is ")[1][:14]
    assert "You have voted in this budget" in page
    first = budget.projects[0].id
    assert f'value="{first}" id="choose-{first}" data-cost="100000"' in page
    assert receipt not in text(client.get(url(budget)))  # shown once
    mail = outbox()[-1]
    assert mail["To"] == voter.email and receipt in mail.get_content()
    assert "Projecte 1" not in mail.get_content()  # the e-mail never says what was chosen
    # changing the ballot replaces it
    assert cast(client, budget, budget.projects[1:]).status_code == 302
    sync()
    ballots = db.session.scalars(sa.select(BudgetBallot)).all()
    assert len(ballots) == 1 and ballots[0].project_ids == sorted(
        p.id for p in budget.projects[1:])


def test_a_ballot_over_the_budget_is_refused_with_a_message(client, budget, voter):
    login(client, voter)
    response = cast(client, budget, budget.projects)
    assert response.status_code == 400
    assert "more than the budget" in text(response)
    response = client.post(url(budget, "ballot"), data={
        "csrf_token": CSRF_RE.search(text(client.get(url(budget)))).group(1),
        "action": "cast", "project": ["abc", "\x00"]})
    assert response.status_code == 400 and "not in this budget" in text(response)
    sync()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetBallot)) == 0


def test_voting_outside_the_voting_phase_is_refused(client, commit):
    budget = make_budget(factories.make_process(phases=((PhaseKind.PROPOSALS, -5, 5),)))
    person = factories.make_user(locale="en")
    commit()
    login(client, person)
    page = text(client.get(url(budget)))
    assert "Voting is not open in the current phase" in page and 'name="project"' not in page
    response = post(client, url(budget, "ballot"),
                    {"action": "cast", "project": str(budget.projects[0].id)})
    assert response.status_code == 403
    assert "Voting is not open in the current phase" in text(response)


def test_an_ineligible_voter_is_403_with_the_reason_and_changes_nothing(client, commit):
    budget = make_budget(voting_process(), census_required=True)
    person = factories.make_user(locale="en")
    commit()
    login(client, person)
    response = cast(client, budget, budget.projects[:1])
    assert response.status_code == 403
    assert "census" in text(response)
    sync()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BudgetBallot)) == 0


def test_ballots_are_rate_limited(app, client, budget, voter, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_BALLOT", "3 per hour")
    login(client, voter)
    token = CSRF_RE.search(text(client.get(url(budget)))).group(1)
    data = {"csrf_token": token, "action": "check", "project": str(budget.projects[0].id)}
    for _ in range(3):
        assert client.post(url(budget, "ballot"), data=data).status_code == 200
    assert client.post(url(budget, "ballot"), data=data).status_code == 429


def test_results_and_the_ballot_file_appear_once_published(client, budget, commit):
    council = factories.make_user("council")
    people = [factories.make_user(locale="en") for _ in range(5)]
    receipts = [vote(budget, person, budget.projects[i % 2:i % 2 + 1])
                for i, person in enumerate(people)]
    commit()
    assert client.get(url(budget, "results")).status_code == 404
    assert client.get(url(budget) + ".pb").status_code == 404
    operations.close_budget(budget, actor=council)
    commit()
    assert client.get(url(budget, "results")).status_code == 404  # not published yet
    operations.publish_results(budget, actor=council)
    commit()
    login(client, people[0])
    page = client.get(url(budget, "results"))
    body = text(page)
    assert page.status_code == 200
    assert "Method of Equal Shares" in body and "<svg" in body and "Where your vote went" in body
    response = client.get(url(budget) + ".pb")
    assert response.status_code == 200
    published = response.get_data(as_text=True)
    assert all(receipt in published for receipt in receipts)
    assert people[0].email not in published and people[0].name not in published
    # anyone recounting the file finds the published outcome
    parsed = pabulib.parse(published)
    ids = {p.pabulib_id: p.id for p in budget.projects}
    for rule in ("greedy", "equal-shares"):
        recount = tally(parsed.election(), rule)
        assert [ids[p] for p in recount.selected] == budget.results[rule]["selected"]
        assert recount.cost == budget.results[rule]["cost"]
