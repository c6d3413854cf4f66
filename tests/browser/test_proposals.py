"""The proposals journey, in Chromium: a resident proposes (with the preview), a second
resident supports, the facilitator answers, and the author reads the answer and its e-mail.
axe-core scans the index, the form, the preview and the proposal page on the way."""

import uuid

from playwright.sync_api import expect

from participa.core.mail import read_outbox
from tests.support.browser import assert_accessible, process_action, sign_in, text

PROCESS = "/processes/pressupostos-participatius-barri-vell"
AUTHOR = "marta@riuclar.example"
SUPPORTER = "jordi@riuclar.example"
FACILITATOR = "dinamitzadora@riuclar.example"


def person(browser, browser_context_args, email):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    sign_in(page, email)
    return context, page


def test_propose_support_answer_and_read_the_answer(browser, browser_context_args, live_server):
    title = f"Fonts d'aigua al parc {uuid.uuid4().hex[:6]}"

    # 1. the author proposes, previewing first
    author_context, author = person(browser, browser_context_args, AUTHOR)
    author.goto(PROCESS)
    process_action(author, text("Proposals")).click()
    expect(author.get_by_role("heading", level=1)).to_have_text(text("Proposals"))
    assert_accessible(author)
    author.get_by_role("link", name=text("New proposal")).click()
    assert_accessible(author)
    author.get_by_label(text("Title"), exact=True).fill(title)
    author.get_by_label(text("Your proposal"), exact=True).fill(
        "Posem **dues fonts** d'aigua potable al parc, una a cada entrada.")
    author.get_by_role("button", name=text("Preview")).click()
    preview = author.get_by_role("region", name=text("Preview"))
    expect(preview.locator("strong")).to_have_text("dues fonts")
    assert_accessible(author)
    author.get_by_role("button", name=text("Publish"), exact=True).click()
    expect(author.locator(".flashes")).to_contain_text(text("Your proposal has been published."))
    expect(author.get_by_role("heading", level=1)).to_have_text(title)
    proposal_url = author.url
    assert_accessible(author)

    # 2. a second resident supports it
    supporter_context, supporter = person(browser, browser_context_args, SUPPORTER)
    supporter.goto(proposal_url)
    supporter.get_by_role("button", name=text("Support")).click()
    expect(supporter.locator(".flashes")).to_contain_text(
        text("Thank you: you support this proposal."))
    expect(supporter.locator(".supports-box")).to_contain_text(
        text("You support this proposal."))
    expect(supporter.locator(".supports-box .supports-count")).to_contain_text("1")
    assert_accessible(supporter)

    # 3. the facilitator answers and publishes the answer
    facilitator_context, facilitator = person(browser, browser_context_args, FACILITATOR)
    facilitator.goto(proposal_url)
    assert_accessible(facilitator)
    facilitator.get_by_label(text("State"), exact=True).select_option("accepted")
    facilitator.get_by_label(text("Official answer"), exact=True).fill(
        "Acceptada: les instal·larem aquesta primavera.")
    facilitator.get_by_label(text("Publish the answer now")).check()
    facilitator.get_by_role("button", name=text("Save the answer")).click()
    expect(facilitator.locator(".flashes")).to_contain_text(
        text("The answer has been published and the author has been told."))

    # 4. the author sees the answer on the page and in the index, and has an e-mail
    author.goto(proposal_url)
    answer = author.get_by_role("region", name=text("Official answer"))
    expect(answer).to_contain_text("les instal·larem aquesta primavera")
    expect(answer).to_contain_text(text("Accepted"))
    author.goto(PROCESS + "/proposals/?state=accepted")
    expect(author.get_by_role("link", name=title)).to_be_visible()
    to_author = live_server.mail_to(AUTHOR, title, containing="les instal·larem aquesta primavera")
    assert to_author, [m["Subject"] for m in read_outbox(live_server.outbox)]
    assert "les instal·larem aquesta primavera" in to_author[-1].get_content()

    # 5. and finds it on "my participation", reached from the header, with its state
    author.get_by_role("navigation", name=text("Account")).get_by_role(
        "link", name=text("My participation")).click()
    mine = author.get_by_role("region", name=text("My proposals"))
    item = mine.locator(".participation-item", has=author.get_by_role("link", name=title))
    expect(item).to_contain_text(text("Accepted"))
    item.locator("summary").click()
    expect(item).to_contain_text("les instal·larem aquesta primavera")

    for context in (author_context, supporter_context, facilitator_context):
        context.close()
