"""The polls journey, in Chromium, on the demo town: a resident finds the open yes/no poll from
its process, votes, gets the receipt on the page and by e-mail, then changes her ballot and gets
a new one. axe-core scans the poll pages, the closed ranked poll and its results (with the
Schulze ranking, the instant-runoff rounds and the pairwise table)."""

import re

from playwright.sync_api import expect

from participa.seed.polls import CLOSED_POLL, CLOSED_SLUG, OPEN_POLL, OPEN_SLUG
from tests.support.browser import assert_accessible, fits_a_phone, process_action, sign_in, text

RESIDENT = "marta@riuclar.example"  # the demo resident who has not voted yet
RECEIPT = re.compile(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")


def test_vote_in_the_demo_poll_and_change_the_ballot(page, live_server):
    sign_in(page, RESIDENT)
    page.goto(f"/processes/{OPEN_SLUG}")
    process_action(page, text("Polls")).click()
    page.get_by_role("link", name=OPEN_POLL["title"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(OPEN_POLL["title"])
    assert_accessible(page)

    ballot = page.get_by_role("region", name=text("Your ballot"))
    ballot.get_by_label(text("Yes"), exact=True).check()
    ballot.get_by_role("button", name=text("Cast my ballot")).click()
    flash = page.locator(".flashes")
    expect(flash).to_contain_text(RECEIPT)
    first = RECEIPT.search(flash.inner_text()).group(0)
    expect(ballot).to_contain_text(text("You have voted in this poll."))
    assert_accessible(page)
    (mail,) = live_server.mail_to(RESIDENT, containing=first)
    assert OPEN_POLL["title"][:20] in mail["Subject"]

    # the receipt is shown once: a reload no longer shows it
    page.reload()
    expect(page.locator("main")).not_to_contain_text(first)

    # changing the ballot: only the last counts, with a new receipt
    ballot.get_by_label(text("No"), exact=True).check()
    ballot.get_by_role("button", name=text("Change my ballot")).click()
    expect(page.locator(".flashes")).to_contain_text(RECEIPT)
    second = RECEIPT.search(page.locator(".flashes").inner_text()).group(0)
    assert second != first
    assert live_server.mail_to(RESIDENT, containing=second)

    # results stay hidden while the poll is open
    expect(page.get_by_role("region", name=text("Results"))).to_contain_text(
        text("The results will be published when the poll closes."))


def test_a_bad_ballot_is_refused_with_an_accessible_message(page):
    sign_in(page, "jordi@riuclar.example")
    page.goto(f"/processes/{OPEN_SLUG}/polls/")
    page.get_by_role("link", name=OPEN_POLL["title"]).click()
    # nothing chosen (the form shows Jordi's earlier answer: clear it; the form is novalidate)
    page.evaluate("document.querySelectorAll('input[name=choice]')"
                  ".forEach(input => { input.checked = false; })")
    page.get_by_role("region", name=text("Your ballot")).get_by_role("button").click()
    page.wait_for_selector("#choice-error")
    assert_accessible(page)


def test_the_closed_ranked_poll_and_its_results_are_accessible(page):
    page.goto(f"/processes/{CLOSED_SLUG}/polls/")
    assert_accessible(page)
    page.get_by_role("link", name=CLOSED_POLL["title"]).click()
    assert_accessible(page)
    page.get_by_role("link", name=text("See the results")).click()
    expect(page.get_by_role("heading", name=text("Ranking (Schulze method)"))).to_be_visible()
    expect(page.locator(".schulze-ranking li").first).to_have_text(CLOSED_POLL["options"][0])
    expect(page.locator("main")).to_contain_text(
        text("Instant-runoff winner: %(title)s", title=CLOSED_POLL["options"][3]))
    assert_accessible(page)
    fits_a_phone(page)

