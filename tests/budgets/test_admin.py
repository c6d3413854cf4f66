"""The budgets' management pages (/processes/<slug>/budgets/manage/): who may open them, what
they refuse, freezing, closing and publishing, and paper ballot boxes."""

import html
import re

import pytest
import sqlalchemy as sa

from participa.budgets.models import Budget, BudgetProject, BudgetState, PaperCount
from participa.core.models import ActionLog
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.budgets import make_budget, vote
from tests.support.meetings import make_meeting
from tests.support.proposals import answer, make_proposal
from tests.support.web import login, post, text

PHASES = ((PhaseKind.PROPOSALS, -20, -10), (PhaseKind.VOTING, -5, 5))


def rows(model, order=None):
    db.session.expire_all()
    return list(db.session.scalars(sa.select(model).order_by(order or model.id)))


def verbs():
    return [e.verb for e in rows(ActionLog)]


def fresh(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def base(process):
    return f"/processes/{process.slug}/budgets/manage"


def budget_form(**overrides):
    data = {"title": "Pressupost del Barri Vell", "description": "Obres **petites**.",
            "amount": "300000", "neighbourhood_id": "", "ballot_kind": "knapsack",
            "minimum_share": "0", "min_choices": "1", "max_choices": "", "rule": "equal-shares",
            "minimum_age": ""}
    data.update(overrides)
    return data


def project_form(**overrides):
    data = {"title": "Bancs a la plaça", "description": "Deu bancs nous.", "cost": "45000",
            "category_id": "", "neighbourhood_id": ""}
    data.update(overrides)
    return data


@pytest.fixture
def barri(commit):
    return factories.make_neighbourhood("Barri Vell")


@pytest.fixture
def process(barri, commit):
    """A published process in its voting phase (its proposals phase is over)."""
    process = factories.make_process(phases=PHASES, categories=("Espai públic", "Cultura"),
                                     neighbourhoods=[barri])
    commit()
    return process


@pytest.fixture
def council(commit):
    return factories.person("council")


@pytest.fixture
def facilitator(process):
    return factories.person("facilitator", process=process)


@pytest.fixture
def budget(process, council, commit):
    budget = make_budget(process, actor=council)
    commit()
    return budget


@pytest.fixture
def other_budget(commit):
    """A budget (with one project) of another process, whose facilitator is not ours."""
    other = factories.make_process(title="Un altre procés", phases=PHASES)
    budget = make_budget(other, costs=(10_000,))
    commit()
    return budget


@pytest.fixture
def signed_in(client, commit):
    """``signed_in(person)``: a browser signed in as ``person`` (a new one on each call)."""
    browsers = []

    def sign_in(person):
        commit()
        browser = client.another() if browsers else client
        browsers.append(browser)
        login(browser, person)
        return browser
    return sign_in


def every_page(process, budget):
    """(method, url) of every management page, with real ids."""
    project = budget.projects[0]
    one = f"{base(process)}/{budget.id}"
    return [
        ("GET", f"{base(process)}/"), ("GET", f"{base(process)}/new"),
        ("POST", f"{base(process)}/new"),
        ("GET", f"{one}/"), ("GET", f"{one}/edit"), ("POST", f"{one}/edit"),
        ("GET", f"{one}/projects/new"), ("POST", f"{one}/projects/new"),
        ("GET", f"{one}/projects/{project.id}/edit"), ("POST", f"{one}/projects/{project.id}/edit"),
        ("GET", f"{one}/projects/{project.id}/delete"),
        ("POST", f"{one}/projects/{project.id}/delete"),
        ("GET", f"{one}/close"), ("POST", f"{one}/close"), ("POST", f"{one}/publish"),
        ("GET", f"{one}/paper"), ("POST", f"{one}/paper"),
    ]


def send(client, method, url, data=None):
    if method == "GET":
        return client.get(url)
    return post(client, url, data or {}, token_from="/")


def unchanged(budget):
    saved = fresh(budget)
    return (saved.title, saved.amount, saved.state, len(rows(BudgetProject)),
            len(rows(PaperCount)))


# --- who may open them -------------------------------------------------------------------------


def test_visitors_are_sent_to_sign_in(client, process, budget):
    before = unchanged(budget)
    for method, url in every_page(process, budget):
        if method == "GET":
            response = client.get(url)
        else:
            response = post(client, url, budget_form(), token_from="/accounts/login")
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith("/accounts/login"), url
    assert unchanged(budget) == before


def test_residents_get_403_and_change_nothing(signed_in, process, budget, commit):
    client = signed_in(factories.person())
    before, logged = unchanged(budget), verbs()
    for method, url in every_page(process, budget):
        assert send(client, method, url).status_code == 403, (method, url)
    assert unchanged(budget) == before and verbs() == logged


def test_facilitators_of_another_process_get_403(signed_in, process, budget, other_budget):
    client = signed_in(factories.person("facilitator", process=other_budget.process))
    for method, url in every_page(process, budget):
        assert send(client, method, url).status_code == 403, (method, url)


def test_an_unpublished_process_is_404_to_residents(signed_in, council, commit):
    hidden = factories.make_process(phases=PHASES, published=False)
    budget = make_budget(hidden, actor=council)
    client = signed_in(factories.person())
    assert client.get(f"{base(hidden)}/").status_code == 404
    assert client.get(f"{base(hidden)}/{budget.id}/").status_code == 404


@pytest.mark.parametrize("who", ["facilitator", "council"])
def test_the_process_managers_open_every_page(signed_in, process, budget, facilitator, council,
                                              who):
    client = signed_in(facilitator if who == "facilitator" else council)
    for method, url in every_page(process, budget):
        if method != "GET":
            continue
        response = client.get(url)
        expected = 403 if (who == "facilitator" and url.endswith("/close")) else 200
        assert response.status_code == expected, url
        assert response.headers["Cache-Control"] == "private, no-store"


def test_the_list_shows_state_and_voters(signed_in, process, budget, council, commit):
    vote(budget, factories.make_user(), [budget.projects[0]])
    commit()
    page = text(signed_in(council).get(f"{base(process)}/"))
    assert "Pressupost del barri" in page and "New budget" in page
    assert "Open" in page and "Rules frozen" in page
    row = page[page.index("Pressupost del barri"):]
    assert "<td>1</td>" in row


def test_the_process_management_page_links_to_the_budgets(signed_in, process, council):
    page = text(signed_in(council).get(f"/admin/processes/{process.id}/"))
    assert f'href="{base(process)}/"' in page


def test_facilitators_see_the_site_frame_and_the_council_its_administration(
        signed_in, process, budget, facilitator, council):
    page = text(signed_in(facilitator).get(f"{base(process)}/{budget.id}/"))
    assert 'class="admin-nav"' not in page
    assert f'href="/processes/{process.slug}"' in page  # back to the process
    page = text(signed_in(council).get(f"{base(process)}/{budget.id}/"))
    assert 'class="admin-nav"' in page
    assert f'href="/admin/processes/{process.id}/"' in page


# --- ids of another process or budget ----------------------------------------------------------


def test_another_process_budget_or_project_is_404(signed_in, process, budget, other_budget,
                                                  council):
    client = signed_in(council)
    foreign, foreign_project = other_budget, other_budget.projects[0]
    mine = f"{base(process)}/{budget.id}"
    urls = [f"{base(process)}/{foreign.id}/{suffix}" for suffix in
            ("", "edit", "projects/new", "close", "paper",
             f"projects/{foreign_project.id}/edit", f"projects/{foreign_project.id}/delete")]
    urls += [f"{mine}/projects/{foreign_project.id}/edit",
             f"{mine}/projects/{foreign_project.id}/delete", f"{mine}/projects/987654/edit",
             f"{base(process)}/987654/edit"]
    for url in urls + [f"{base(process)}/987654/", f"{base(process)}/99999999999/"]:
        assert client.get(url).status_code == 404, url
    for url in [u for u in urls if not u.endswith("/")] + [
            f"{base(process)}/{foreign.id}/publish"]:
        assert post(client, url, budget_form() | project_form(),
                    token_from="/").status_code == 404, url
    assert fresh(foreign).title == "Pressupost del barri"
    assert fresh(foreign_project).title == "Projecte 1"
    assert fresh(foreign).state is BudgetState.OPEN
    assert client.get("/processes/no-such-process/budgets/manage/").status_code == 404


# --- budgets -----------------------------------------------------------------------------------


def test_a_facilitator_creates_a_budget(signed_in, process, facilitator, barri):
    client = signed_in(facilitator)
    url = f"{base(process)}/new"
    page = text(client.get(url))
    assert "The rules freeze when the first ballot is cast" in page
    assert "Method of Equal Shares" in page and "Projects within the budget" in page
    response = post(client, url, budget_form(
        neighbourhood_id=str(barri.id), ballot_kind="approval", rule="greedy",
        min_choices="2", max_choices="5", census_required="y", minimum_age="16"),
        token_from=url)
    assert response.status_code == 302
    [budget] = rows(Budget)
    assert response.headers["Location"] == f"{base(process)}/{budget.id}/"
    assert (budget.title, budget.amount, budget.neighbourhood_id, budget.ballot_kind.value,
            budget.rule.value, budget.min_choices, budget.max_choices, budget.census_required,
            budget.minimum_age) == ("Pressupost del Barri Vell", 300_000, barri.id, "approval",
                                    "greedy", 2, 5, True, 16)
    assert "The budget has been created. Now add its projects." in text(
        client.get(response.headers["Location"]))
    assert verbs() == ["create_budget"]


@pytest.mark.parametrize(("overrides", "message"), [
    ({"amount": "molts diners"}, "Not a valid integer value."),
    ({"amount": "0"}, "Number must be between 1 and 1000000000."),
    ({"amount": ""}, "This field is required."),
    ({"min_choices": "4", "max_choices": "2"},
     "The most projects a ballot may choose cannot be fewer than the fewest."),
    ({"minimum_share": "120"}, "Number must be between 0 and 100."),
    ({"ballot_kind": "lottery"}, "Not a valid choice."),
    ({"neighbourhood_id": "987654"}, "Not a valid choice."),
    ({"title": ""}, "This field is required."),
    ({"title": "Dues\nlínies"}, "Write this on one line"),
])
def test_bad_budget_input_is_refused(signed_in, process, council, overrides, message):
    client = signed_in(council)
    url = f"{base(process)}/new"
    response = post(client, url, budget_form(**overrides), token_from=url)
    assert response.status_code == 400
    assert message in text(response)
    assert rows(Budget) == [] and verbs() == []


def test_a_bad_budget_is_refused_in_the_readers_language(signed_in, process):
    client = signed_in(factories.make_user("council", locale="ca"))
    url = f"{base(process)}/new"
    response = post(client, url, budget_form(min_choices="4", max_choices="2"), token_from=url)
    assert response.status_code == 400
    assert "no pot ser inferior" in text(response)
    response = post(client, url, budget_form(amount="molts"), token_from=url)
    assert response.status_code == 400 and 'lang="ca"' in text(response)
    assert rows(Budget) == []


def test_the_council_edits_the_rules_before_the_first_ballot(signed_in, process, budget, council):
    client = signed_in(council)
    url = f"{base(process)}/{budget.id}/edit"
    page = text(client.get(url))
    assert 'value="200000"' in page and 'name="amount"' in page
    assert re.search(r'<input checked[^>]* value="knapsack"', page)
    response = post(client, url, budget_form(amount="250000", minimum_share="70"), token_from=url)
    assert response.status_code == 302
    saved = fresh(budget)
    assert (saved.amount, saved.minimum_share, saved.title) == (
        250_000, 70, "Pressupost del Barri Vell")
    assert verbs()[-1] == "update_budget"


# --- projects ----------------------------------------------------------------------------------


@pytest.fixture
def proposals(process, council, commit):
    """An accepted proposal and one not answered yet."""
    accepted = make_proposal(process, factories.make_user(), title="Més bancs al parc")
    answer(accepted, council, state="accepted")
    pending = make_proposal(process, factories.make_user(), title="Una font nova")
    commit()
    return accepted, pending


def test_a_facilitator_adds_a_project(signed_in, process, budget, facilitator, barri,
                                      proposals):
    accepted, pending = proposals
    client = signed_in(facilitator)
    url = f"{base(process)}/{budget.id}/projects/new"
    page = text(client.get(url))
    assert "Més bancs al parc" in page and "Una font nova" not in page
    category = process.categories[0]
    response = post(client, url, project_form(
        category_id=str(category.id), neighbourhood_id=str(barri.id),
        proposal_ids=[str(accepted.id)]), token_from=url)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{base(process)}/{budget.id}/"
    project = rows(BudgetProject)[-1]
    assert (project.title, project.cost, project.category_id, project.neighbourhood_id,
            [p.id for p in project.proposals]) == (
        "Bancs a la plaça", 45_000, category.id, barri.id, [accepted.id])
    page = text(client.get(response.headers["Location"]))
    assert "The project has been added." in page and "Bancs a la plaça" in page
    assert "Més bancs al parc" in page  # the link to the proposal it comes from
    assert verbs()[-1] == "create_budget_project"


@pytest.mark.parametrize(("overrides", "message"), [
    ({"cost": "0"}, "Number must be between 1 and 1000000000."),
    ({"cost": "1.500"}, "Not a valid integer value."),
    ({"cost": "250000"}, "A project cannot cost more than the budget's amount (€200,000)."),
    ({"title": ""}, "This field is required."),
    ({"category_id": "987654"}, "Not a valid choice."),
    ({"proposal_ids": ["PENDING"]}, "Link only accepted proposals of this process."),
    ({"proposal_ids": ["nan"]}, "Invalid choice"),
])
def test_bad_project_input_is_refused(signed_in, process, budget, council, proposals,
                                      overrides, message):
    _accepted, pending = proposals
    if overrides.get("proposal_ids") == ["PENDING"]:
        overrides = {"proposal_ids": [str(pending.id)]}
    client = signed_in(council)
    url = f"{base(process)}/{budget.id}/projects/new"
    before = verbs()
    response = post(client, url, project_form(**overrides), token_from=url)
    assert response.status_code == 400
    assert message in html.unescape(text(response))
    assert len(rows(BudgetProject)) == 3 and verbs() == before


def test_a_project_costing_more_than_the_budget_is_refused_in_spanish(signed_in, process,
                                                                      budget):
    client = signed_in(factories.make_user("council", locale="es"))
    url = f"{base(process)}/{budget.id}/projects/new"
    response = post(client, url, project_form(cost="250000"), token_from=url)
    assert response.status_code == 400
    assert "200.000" in text(response) and "presupuesto" in text(response)


def test_edit_and_remove_a_project(signed_in, process, budget, facilitator):
    client = signed_in(facilitator)
    project = budget.projects[0]
    url = f"{base(process)}/{budget.id}/projects/{project.id}"
    assert 'value="Projecte 1"' in text(client.get(f"{url}/edit"))
    response = post(client, f"{url}/edit", project_form(title="Projecte u", cost="90000"),
                    token_from="/")
    assert response.status_code == 302
    assert (fresh(project).title, fresh(project).cost) == ("Projecte u", 90_000)
    page = text(client.get(f"{url}/delete"))
    assert "Remove the project" in page and "This cannot be undone." in page
    assert db.session.get(BudgetProject, project.id) is not None  # asking changes nothing
    response = post(client, f"{url}/delete", {}, token_from="/")
    assert response.status_code == 302
    assert project.id not in [p.id for p in rows(BudgetProject)]
    assert verbs()[-2:] == ["update_budget_project", "delete_budget_project"]


# --- frozen rules ------------------------------------------------------------------------------


@pytest.fixture
def frozen(budget, commit):
    vote(budget, factories.make_user(), [budget.projects[0]])
    commit()
    return budget


def test_the_pages_say_the_rules_froze_and_hide_their_controls(signed_in, process, frozen,
                                                               council):
    client = signed_in(council)
    page = text(client.get(f"{base(process)}/{frozen.id}/"))
    assert "The rules froze when the first ballot was cast" in page
    assert "Add a project" not in page and "/projects/new" not in page
    assert "/edit\"" not in page.replace(f"{frozen.id}/edit\"", "")  # no project edit links
    page = text(client.get(f"{base(process)}/{frozen.id}/edit"))
    assert "The rules froze when the first ballot was cast" in page
    assert 'name="amount"' not in page and 'name="ballot_kind"' not in page
    assert 'name="title"' in page


def test_a_frozen_budget_refuses_rule_changes(signed_in, process, frozen, council):
    client = signed_in(council)
    url = f"{base(process)}/{frozen.id}/edit"
    before = verbs()
    # a form opened before the first ballot, sent after it
    response = post(client, url, budget_form(amount="500000"), token_from="/")
    assert response.status_code == 400
    assert "The rules froze when the first ballot was cast" in text(response)
    assert fresh(frozen).amount == 200_000 and fresh(frozen).title == "Pressupost del barri"
    assert verbs() == before
    # only the words
    response = post(client, url, {"title": "Pressupost 2027", "description": "Ara sí."},
                    token_from="/")
    assert response.status_code == 302
    assert (fresh(frozen).title, fresh(frozen).amount) == ("Pressupost 2027", 200_000)


def test_a_frozen_budget_refuses_project_changes(signed_in, process, frozen, facilitator):
    client = signed_in(facilitator)
    project = frozen.projects[0]
    one = f"{base(process)}/{frozen.id}"
    response = client.get(f"{one}/projects/new")
    assert response.status_code == 302 and response.headers["Location"] == f"{one}/"
    assert "The rules froze when the first ballot was cast" in text(client.get(f"{one}/"))
    assert client.get(f"{one}/projects/{project.id}/edit").status_code == 302
    assert client.get(f"{one}/projects/{project.id}/delete").status_code == 302
    before = verbs()
    response = post(client, f"{one}/projects/new", project_form(), token_from="/")
    assert response.status_code == 400
    assert "The rules froze" in text(response)
    response = post(client, f"{one}/projects/{project.id}/edit", project_form(cost="1000"),
                    token_from="/")
    assert response.status_code == 400
    response = post(client, f"{one}/projects/{project.id}/delete", {}, token_from="/")
    assert response.status_code == 302
    assert "The rules froze" in text(client.get(response.headers["Location"]))
    assert len(rows(BudgetProject)) == 3 and fresh(project).cost == 100_000
    assert verbs() == before


# --- closing and publishing --------------------------------------------------------------------


def test_a_facilitator_can_neither_close_nor_publish(signed_in, process, budget, facilitator,
                                                     council, commit):
    client = signed_in(facilitator)
    one = f"{base(process)}/{budget.id}"
    page = text(client.get(f"{one}/"))
    assert "Close voting" not in page and "Publish the results" not in page
    assert client.get(f"{one}/close").status_code == 403
    assert post(client, f"{one}/close", {}, token_from="/").status_code == 403
    assert fresh(budget).state is BudgetState.OPEN
    budget.state = BudgetState.CLOSED  # as if the council had closed it
    commit()
    assert post(client, f"{one}/publish", {}, token_from="/").status_code == 403
    assert fresh(budget).state is BudgetState.CLOSED


def test_the_council_closes_voting_then_publishes(signed_in, process, frozen, council):
    client = signed_in(council)
    one = f"{base(process)}/{frozen.id}"
    assert "Publish the results" not in text(client.get(f"{one}/"))
    assert post(client, f"{one}/publish", {}, token_from="/").status_code == 403  # still open
    page = text(client.get(f"{one}/close"))
    assert "The ballot box is shuffled" in page and "This cannot be undone." in page
    response = post(client, f"{one}/close", {}, token_from="/")
    assert response.status_code == 302 and response.headers["Location"] == f"{one}/"
    assert fresh(frozen).state is BudgetState.CLOSED
    page = text(client.get(f"{one}/"))
    assert "Voting has closed." in page and "Publish the results" in page
    assert client.get(f"{one}/close").status_code == 403  # once
    response = post(client, f"{one}/publish", {}, token_from="/")
    assert response.status_code == 302
    saved = fresh(frozen)
    assert saved.state is BudgetState.PUBLISHED and saved.results["voters"] == 1
    assert "The results have been published." in text(client.get(f"{one}/"))
    assert verbs()[-2:] == ["close_budget", "publish_budget_results"]


# --- paper ballot boxes ------------------------------------------------------------------------


def test_a_facilitator_enters_a_paper_ballot_box(signed_in, process, budget, facilitator,
                                                 council, commit):
    meeting = make_meeting(process, council, title="Assemblea al casal")
    commit()
    client = signed_in(facilitator)
    url = f"{base(process)}/{budget.id}/paper"
    page = text(client.get(url))
    assert "No paper ballot boxes have been entered." in page
    assert "Assemblea al casal" in page and "Projecte 2" in page
    first, second, third = budget.projects
    response = post(client, url, {"place": "Casal del Barri Vell", "meeting_id": str(meeting.id),
                                  "ballots": "40", f"votes_{first.id}": "25",
                                  f"votes_{second.id}": "12", f"votes_{third.id}": ""},
                    token_from=url)
    assert response.status_code == 302 and response.headers["Location"] == url
    [count] = rows(PaperCount)
    assert (count.place, count.meeting_id, count.ballots, count.entered_by_id) == (
        "Casal del Barri Vell", meeting.id, 40, facilitator.id)
    assert count.votes == {str(first.id): 25, str(second.id): 12, str(third.id): 0}
    page = text(client.get(url))
    assert "The paper ballots have been entered." in page
    assert "Casal del Barri Vell" in page and "Projecte 1: 25" in page
    assert verbs()[-1] == "enter_paper_count"


@pytest.mark.parametrize(("overrides", "message"), [
    ({"ballots": "0"}, "Number must be between 1 and 1000000."),
    ({"ballots": "molts"}, "Not a valid integer value."),
    ({"place": ""}, "This field is required."),
    ({"votes": "41"}, "A project cannot have more votes than there are ballots."),
    ({"votes": "-1"}, "Number must be between 0 and 1000000."),
    ({"meeting_id": "FOREIGN"}, "Not a valid choice."),
])
def test_bad_paper_counts_are_refused(signed_in, process, budget, other_budget, council,
                                      overrides, message, commit):
    foreign = make_meeting(other_budget.process, council)
    commit()
    client = signed_in(council)
    first = budget.projects[0]
    data = {"place": "Casal", "ballots": "40", f"votes_{first.id}": overrides.pop("votes", "10")}
    if overrides.get("meeting_id") == "FOREIGN":
        overrides["meeting_id"] = str(foreign.id)
    data.update(overrides)
    url = f"{base(process)}/{budget.id}/paper"
    response = post(client, url, data, token_from=url)
    assert response.status_code == 400
    assert message in text(response)
    assert rows(PaperCount) == []


def test_no_paper_ballots_once_the_results_are_published(signed_in, process, budget, council,
                                                         commit):
    budget.state = BudgetState.PUBLISHED
    commit()
    client = signed_in(council)
    url = f"{base(process)}/{budget.id}/paper"
    page = text(client.get(url))
    assert "no more paper ballots can be entered" in page and 'name="ballots"' not in page
    response = post(client, url, {"place": "Casal", "ballots": "3"}, token_from=url)
    assert response.status_code == 403
    assert rows(PaperCount) == []


# --- CSRF --------------------------------------------------------------------------------------


def test_without_a_csrf_token_nothing_changes(signed_in, process, budget, council):
    client = signed_in(council)
    before, logged = unchanged(budget), verbs()
    for method, url in every_page(process, budget):
        if method == "POST":
            response = client.post(url, data=budget_form() | project_form())
            assert response.status_code == 400, url
            assert "Your form expired or was not sent from this site." in text(response)
    assert unchanged(budget) == before and verbs() == logged
