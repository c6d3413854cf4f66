"""Participatory budgets in Chromium, as people use them.

The journey of issue 11 runs on a budget the council creates for it through the management
pages (in the demo's voting process, census required, three projects), so the demo's own budget
stays open and untouched for every other test of the session: a newcomer registers, verifies
with the census, checks a ballot, is refused over the budget, casts, changes the ballot; the
council closes voting and publishes; the newcomer finds their latest receipt in the Pabulib file.

Also: a verified but too young resident and a visitor are told why they cannot vote; axe-core
scans and a 390-px phone width on the budget pages; the running total the small script shows.
Visible texts come from ``text(msgid)`` (the compiled catalog), pages are in Catalan."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from participa.budgets import pabulib
from participa.core.money import format_euros
from participa.seed.budgets import OPEN_PROJECTS
from tests.support.browser import (
    assert_accessible,
    flash,
    main,
    open_page,
    scan,
    sign_in,
    text,
    tick_the_terms,
)

VOTING = "/processes/inversions-barri-vell-2027"
CLOSED = "/processes/pressupostos-participatius-riuclar-2026"
DEMO_BUDGET = "Inversions del Barri Vell 2027"
CLOSED_BUDGET = "Pressupost de ciutat 2026"
MARTA = "marta@riuclar.example"  # verified in the Barri Vell, has not voted (we never cast)
RECEIPT = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")

# the journey's own budget: A and B fit in it, all three do not
AMOUNT = 100_000
PROJECTS = [("Bancs nous a la plaça del Pou", 40_000),
            ("Font per a gossos al parc del Rec", 35_000),
            ("Pèrgola amb ombra al pati del casal", 50_000)]


def euros(amount):
    return format_euros(amount, "ca")


def ballot_box(page, title):
    """A project's checkbox on the ballot, by the project's title (its label)."""
    return page.get_by_role("checkbox", name=title, exact=True)


def mailed_link(live_server, email, path):
    for message in reversed(live_server.mail_to(email, containing=path)):
        found = re.search(r"https?://\S+" + re.escape(path) + r"\S+",
                          message.get_body(("plain",)).get_content())
        if found:
            return found.group(0)
    raise AssertionError(f"no link to {path} e-mailed to {email}")


def register(page, live_server, name):
    """A new account, through the form and the link e-mailed to confirm it; returns its
    address (the newcomer stays signed in)."""
    email = f"{name.split()[0].lower()}.{uuid.uuid4().hex[:8]}@riuclar.example"
    password = "el pressupost del barri"
    page.goto("/accounts/register")
    page.get_by_label(text("Name"), exact=True).fill(name)
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_label(text("Repeat the password"), exact=True).fill(password)
    tick_the_terms(page)
    page.get_by_role("button", name=text("Create my account")).click()
    expect(flash(page)).to_contain_text(
        text("We have sent a message to %(email)s. Open the link in it to finish creating "
             "your account.", email=email))
    page.goto(mailed_link(live_server, email, "/accounts/confirm/"))
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_role("button", name=text("Confirm my account")).click()
    expect(flash(page)).to_contain_text(
        text("Welcome to Participa, %(name)s. Your account is ready.", name=name))
    return email


def verify_with_census(page, document, born):
    page.goto("/census/verify")
    page.get_by_label(text("Document number (DNI, NIE or passport)")).fill(document)
    page.get_by_label(text("Birth date"), exact=True).fill(born)
    main(page).get_by_role("button", name=text("Verify"), exact=True).click()
    expect(flash(page)).to_contain_text(text("Done: your account is verified with the census."))
    expect(main(page)).to_contain_text(text("Your account is verified with the census."))
    expect(main(page)).to_contain_text("Barri Vell")


def open_budget(page, process, title):
    """From the process's budgets list, as a person would."""
    page.goto(process + "/budgets/")
    main(page).get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


@pytest.fixture(scope="module")
def marta_state(browser, browser_context_args, tmp_path_factory):
    """The cookies of Marta's signed-in session (she may vote in the demo budget)."""
    context = browser.new_context(**browser_context_args)
    sign_in(context.new_page(), MARTA)
    path = tmp_path_factory.mktemp("state") / "marta.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


# --- the journey --------------------------------------------------------------------------------


def create_budget(council, title):
    """The council prepares a budget of its own in the voting process; returns its public
    and management addresses."""
    council.goto(VOTING + "/budgets/")
    main(council).get_by_role("link", name=text("Manage budgets")).click()
    main(council).get_by_role("link", name=text("New budget")).click()
    assert_accessible(council)
    council.get_by_label(text("Title"), exact=True).fill(title)
    council.get_by_label(text("Description"), exact=True).fill("Tres projectes petits.")
    council.get_by_label(text("Amount (euros)"), exact=True).fill(str(AMOUNT))
    council.get_by_label(text("Neighbourhood"), exact=True).select_option(label="Barri Vell")
    council.get_by_label(text("Projects within the budget"), exact=True).check()
    council.get_by_label(text("Method of Equal Shares"), exact=True).check()
    council.get_by_label(text("Only residents verified with the census"), exact=True).check()
    main(council).get_by_role("button", name=text("Save")).click()
    expect(flash(council)).to_contain_text(
        text("The budget has been created. Now add its projects."))
    for project, cost in PROJECTS:
        main(council).get_by_role("link", name=text("Add a project")).click()
        council.get_by_label(text("Title"), exact=True).fill(project)
        council.get_by_label(text("Cost (euros)"), exact=True).fill(str(cost))
        main(council).get_by_role("button", name=text("Save")).click()
        expect(flash(council)).to_contain_text(text("The project has been added."))
    manage_url = council.url
    budget_id = re.search(r"/budgets/manage/(\d+)/$", manage_url).group(1)
    return f"{VOTING}/budgets/{budget_id}", manage_url


def test_verify_vote_refused_over_budget_change_and_find_the_receipt(
        new_context, council_state, live_server):
    title = f"Petites millores del Barri Vell {uuid.uuid4().hex[:4]}"
    (a, cost_a), (b, cost_b), (c, cost_c) = PROJECTS

    council = open_page(new_context, storage_state=council_state)
    budget_url, manage_url = create_budget(council, title)

    # a newcomer registers and verifies with the census (a Barri Vell entry without account)
    voter = open_page(new_context)
    email = register(voter, live_server, "Núria Casals")
    verify_with_census(voter, "00000001R", "1990-01-01")

    # the ballot: two projects within the budget, checked without casting
    open_budget(voter, VOTING, title)
    expect(voter).to_have_url(re.compile(re.escape(budget_url) + "$"))
    ballot_box(voter, a).check()
    ballot_box(voter, b).check()
    voter.get_by_role("button", name=text("Check my ballot")).click()
    check = voter.locator("#ballot-check")
    expect(check).to_contain_text(
        text("Your choice costs %(total)s; %(left)s of the budget is left.",
             total=euros(cost_a + cost_b), left=euros(AMOUNT - cost_a - cost_b)))
    expect(check).to_contain_text(text("Your ballot keeps every rule: you can cast it."))
    expect(ballot_box(voter, a)).to_be_checked()  # the answer keeps what was ticked
    expect(ballot_box(voter, c)).not_to_be_checked()

    # over the budget: refused with the reason, nothing saved, nothing mailed
    ballot_box(voter, c).check()
    with voter.expect_response(lambda r: r.request.method == "POST") as refused:
        voter.get_by_role("button", name=text("Cast my ballot")).click()
    assert refused.value.status == 400
    over = text("Your projects cost %(total)s: more than the budget's %(amount)s. Leave some out.",
                total=euros(cost_a + cost_b + cost_c), amount=euros(AMOUNT))
    expect(voter.get_by_role("alert")).to_contain_text(over)
    expect(voter.locator(".voted-notice")).to_have_count(0)
    voter.goto(budget_url)
    expect(voter.locator("input[name=project]:checked")).to_have_count(0)
    expect(voter.get_by_role("button", name=text("Cast my ballot"))).to_be_visible()
    assert not RECEIPT.search(voter.locator("main").inner_text())

    # a valid ballot: the receipt is shown once and e-mailed
    ballot_box(voter, a).check()
    ballot_box(voter, b).check()
    voter.get_by_role("button", name=text("Cast my ballot")).click()
    expect(flash(voter)).to_contain_text(RECEIPT)
    first_receipt = RECEIPT.search(flash(voter).inner_text()).group(0)
    expect(voter).to_have_url(re.compile(re.escape(budget_url) + "$"))
    voter.reload()
    assert first_receipt not in voter.content()
    mailed = live_server.mail_to(email, title, containing=first_receipt)
    assert len(mailed) == 1, f"no receipt {first_receipt} e-mailed to {email}"

    # the page says they have voted; they change their ballot and get a new receipt
    expect(voter.locator(".voted-notice")).to_have_text(
        text("You have voted in this budget. You can change your ballot until voting closes: "
             "the last one counts."))
    expect(ballot_box(voter, a)).to_be_checked()
    expect(ballot_box(voter, b)).to_be_checked()
    expect(ballot_box(voter, c)).not_to_be_checked()
    voter.goto(VOTING + "/budgets/")
    expect(main(voter).locator("article").filter(has_text=title)).to_contain_text(
        text("You have voted"))
    voter.goto(budget_url)
    ballot_box(voter, a).uncheck()
    ballot_box(voter, c).check()
    voter.get_by_role("button", name=text("Replace my ballot")).click()
    expect(flash(voter)).to_contain_text(RECEIPT)
    receipt = RECEIPT.search(flash(voter).inner_text()).group(0)
    assert receipt != first_receipt
    mailed = live_server.mail_to(email, title, count=2)
    assert len(mailed) == 2, [m["Subject"] for m in mailed]  # the refused cast sent nothing
    assert receipt in mailed[-1].get_body(("plain",)).get_content()

    # the council closes voting and publishes the results
    council.goto(manage_url)
    main(council).get_by_role("link", name=text("Close voting")).click()
    expect(council.get_by_role("heading", level=1)).to_have_text(text("Close voting"))
    assert_accessible(council)
    main(council).get_by_role("button", name=text("Close voting")).click()
    expect(flash(council)).to_contain_text(
        text("Voting has closed. Check the paper ballots, then publish the results."))
    main(council).get_by_role("button", name=text("Publish the results")).click()
    expect(flash(council)).to_contain_text(text("The results have been published."))

    # the voter can no longer vote, reads the results and finds their ballot in the file
    voter.goto(budget_url)
    expect(voter.locator("input[name=project]")).to_have_count(0)
    expect(main(voter)).to_contain_text(text("Voting in this budget has closed."))
    main(voter).get_by_role("link", name=text("See the results")).click()
    expect(voter.get_by_role("heading", level=1)).to_have_text(
        text("Results: %(title)s", title=title))
    expect(voter.get_by_role("region", name=text("Where your vote went"))).to_be_visible()
    scan(voter)
    with voter.expect_download() as download:
        voter.get_by_role("link", name=text("Download the ballots (Pabulib file)")).click()
    assert download.value.suggested_filename.endswith(".pb")
    published = pabulib.parse(download.value.path().read_text(encoding="utf-8"))
    assert published.meta["num_votes"] == "1"
    ids = {project["name"]: project["project_id"] for project in published.projects}
    assert sorted(ids) == sorted(name for name, _cost in PROJECTS)
    mine = [vote for vote in published.votes if vote["receipt"] == receipt]
    assert len(mine) == 1, f"receipt {receipt} not in the published file"
    assert sorted(mine[0]["vote"]) == sorted([ids[b], ids[c]])
    assert not any(vote["receipt"] == first_receipt for vote in published.votes)


# --- who may not vote ----------------------------------------------------------------------------


def test_too_young_resident_and_visitor_are_told_why_they_cannot_vote(new_context, live_server):
    young = open_page(new_context)
    register(young, live_server, "Pau Vidal")
    verify_with_census(young, "00000005M", "2012-09-30")  # turns 16 in 2028
    open_budget(young, VOTING, DEMO_BUDGET)
    expect(main(young)).to_contain_text(
        text("You are not old enough to take part in this vote yet."))
    expect(young.locator("form.ballot-form")).to_have_count(0)
    expect(young.locator("input[name=project]")).to_have_count(0)
    expect(main(young).locator(".project-title")).to_have_count(12)  # still listed, to read
    scan(young)

    visitor = open_page(new_context)
    open_budget(visitor, VOTING, DEMO_BUDGET)
    expect(main(visitor)).to_contain_text(text("Sign in to vote."))
    expect(visitor.locator("form.ballot-form")).to_have_count(0)
    main(visitor).locator(".ballot").get_by_role("link", name=text("Sign in")).click()
    expect(visitor).to_have_url(re.compile(r"/accounts/login\?next="))


# --- accessibility and a phone's width -----------------------------------------------------------


def test_budget_pages_are_accessible_and_fit_a_phone(new_context, marta_state, council_state):
    page = open_page(new_context, storage_state=marta_state)

    page.goto(VOTING + "/budgets/")
    expect(main(page).get_by_role("link", name=DEMO_BUDGET, exact=True)).to_be_visible()
    scan(page)

    main(page).get_by_role("link", name=DEMO_BUDGET, exact=True).click()
    expect(page.locator("input[name=project]")).to_have_count(12)
    expect(page.get_by_role("button", name=text("Cast my ballot"))).to_be_visible()
    scan(page)

    # every project ticked: far over the budget, the problems shown (nothing is cast)
    for box in page.locator("input[name=project]").all():
        box.check()
    page.get_by_role("button", name=text("Check my ballot")).click()
    expect(page.locator("#ballot-check.check-problems")).to_contain_text(
        text("Your projects cost %(total)s: more than the budget's %(amount)s. Leave some out.",
             total=euros(sum(cost for cost in _demo_costs())), amount=euros(300_000)))
    scan(page)

    page.goto("/census/verify")  # Marta is verified: the page says so
    expect(main(page)).to_contain_text(text("Your account is verified with the census."))
    scan(page)

    # the closed demo budget's results: both rules, the SVG chart, the table, the file
    page.goto(CLOSED + "/budgets/")
    scan(page)
    main(page).get_by_role("article").filter(has_text=CLOSED_BUDGET).get_by_role(
        "link", name=text("See the results")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        text("Results: %(title)s", title=CLOSED_BUDGET))
    expect(page.locator("figure.chart svg[role=img]")).to_have_count(1)
    expect(page.locator("table.votes-table tbody tr")).to_have_count(9)
    expect(page.get_by_role("link", name=text("Download the ballots (Pabulib file)"))
           ).to_have_attribute("href", re.compile(r"/budgets/\d+\.pb$"))
    scan(page)

    # the census form, empty and then refusing (the council has no census entry)
    council = open_page(new_context, storage_state=council_state)
    council.goto("/census/verify")
    expect(council.get_by_label(text("Document number (DNI, NIE or passport)"))).to_be_visible()
    scan(council)
    council.get_by_label(text("Document number (DNI, NIE or passport)")).fill("00000009Z")
    council.get_by_label(text("Birth date"), exact=True).fill("2000-01-01")
    main(council).get_by_role("button", name=text("Verify"), exact=True).click()
    expect(council.get_by_role("alert")).to_be_visible()
    scan(council)


def _demo_costs():
    return [cost for _title, _description, cost, _category, _source in OPEN_PROJECTS]


# --- the running total ---------------------------------------------------------------------------


def test_running_total_follows_the_ticked_boxes(new_context, marta_state):
    page = open_page(new_context, storage_state=marta_state)
    open_budget(page, VOTING, DEMO_BUDGET)
    total = page.locator(".running-total")
    costs = _demo_costs()

    def within(count, spent):
        return text("Chosen: %(count)s projects, %(total)s; %(left)s of the budget left.",
                    count=count, total=euros(spent), left=euros(300_000 - spent))

    expect(total).to_be_visible()
    expect(total).to_have_text(within(0, 0))
    boxes = page.locator("input[name=project]")
    boxes.nth(0).check()
    expect(total).to_have_text(within(1, costs[0]))
    boxes.nth(1).check()
    expect(total).to_have_text(within(2, costs[0] + costs[1]))
    boxes.nth(0).uncheck()
    expect(total).to_have_text(within(1, costs[1]))
    for box in boxes.all():
        box.check()
    expect(total).to_have_text(
        text("Chosen: %(count)s projects, %(total)s: more than the budget.",
             count=len(costs), total=euros(sum(costs))))
    expect(total).to_have_class(re.compile(r"\berror\b"))
