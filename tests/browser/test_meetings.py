"""The meetings journey, in Chromium: a facilitator creates a meeting with one place and
publishes it; two residents register, the second lands on the waiting list; the first cancels
and the second is promoted (and e-mailed). axe-core scans the pages on the way."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from participa.core.mail import read_outbox
from tests.support.browser import assert_accessible, sign_in, text

PROCESS = "/processes/pressupostos-participatius-barri-vell"
FACILITATOR = "dinamitzadora@riuclar.example"
FIRST = "jordi@riuclar.example"
SECOND = "fatima@riuclar.example"


def person(browser, browser_context_args, email):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    sign_in(page, email)
    return context, page


def registration_box(page):
    return page.get_by_role("region", name=text("Registration"))


def test_capacity_one_waiting_list_and_promotion(browser, browser_context_args, live_server):
    title = f"Assemblea petita {uuid.uuid4().hex[:6]}"
    start = (datetime.now(ZoneInfo("Europe/Madrid")) + timedelta(days=4)).replace(
        hour=18, minute=30, second=0, microsecond=0)

    # 1. the facilitator creates the meeting (one place) and publishes it
    facilitator_context, facilitator = person(browser, browser_context_args, FACILITATOR)
    facilitator.goto(PROCESS + "/meetings/")
    assert_accessible(facilitator)
    facilitator.get_by_role("link", name=text("New meeting")).click()
    assert_accessible(facilitator)
    facilitator.get_by_label(text("Title"), exact=True).fill(title)
    facilitator.get_by_label(text("Kind of meeting")).select_option("in_person")
    facilitator.get_by_label(text("Place"), exact=True).fill("Casal de Barri Vell, sala petita")
    facilitator.get_by_label(text("Starts at")).fill(start.strftime("%Y-%m-%dT%H:%M"))
    facilitator.get_by_label(text("Ends at")).fill(
        (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    facilitator.get_by_label(text("Step-free access")).check()
    facilitator.get_by_label(text("Take registrations")).check()
    facilitator.get_by_label(text("Capacity")).fill("1")
    facilitator.get_by_role("main").get_by_role("button").last.click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(title)
    facilitator.get_by_role("button", name=text("Publish"), exact=True).click()
    expect(facilitator.locator(".flashes")).to_contain_text(text("The meeting is published."))
    meeting_url = facilitator.url
    expect(facilitator.locator("main")).to_contain_text("18:30")  # shown in Madrid time
    assert_accessible(facilitator)

    # 2. the first resident takes the place; the second joins the waiting list
    first_context, first = person(browser, browser_context_args, FIRST)
    first.goto(meeting_url)
    registration_box(first).get_by_role("button", name=text("Sign me up")).click()
    expect(first.locator(".flashes")).to_contain_text(
        text("You are registered. We have e-mailed you the details and your code."))
    expect(registration_box(first)).to_contain_text(text("You are registered."))
    assert_accessible(first)

    second_context, second = person(browser, browser_context_args, SECOND)
    second.goto(meeting_url)
    registration_box(second).get_by_role("button", name=text("Join the waiting list")).click()
    expect(registration_box(second)).to_contain_text(text("You are on the waiting list."))
    assert_accessible(second)

    # 3. the first cancels; the second is promoted and told by e-mail
    first.goto(meeting_url)
    registration_box(first).get_by_role("link", name=text("Cancel my registration")).click()
    expect(first.get_by_role("heading", level=1)).to_have_text(text("Cancel your place?"))
    first.get_by_role("button", name=text("Yes, cancel my registration")).click()
    expect(first.locator(".flashes")).to_contain_text(
        text("Your registration has been cancelled."))
    second.goto(meeting_url)
    expect(registration_box(second)).to_contain_text(text("You are registered."))
    code = registration_box(second).locator(".door-code").inner_text()
    assert len(code) == 6

    to_second = live_server.mail_to(SECOND, title, count=2)
    assert len(to_second) >= 2, [m["Subject"] for m in read_outbox(live_server.outbox)]
    assert any(part.get_content_type() == "text/calendar"
               for part in to_second[-1].iter_attachments())

    # 4. the facilitator sees the list, and marks the promoted person present by their code
    facilitator.goto(meeting_url)
    facilitator.get_by_role("link", name=text("Registrations and attendance")).click()
    assert_accessible(facilitator)
    facilitator.get_by_label(text("Registration code")).fill(code.lower())
    facilitator.get_by_role("main").get_by_role("button").last.click()
    expect(facilitator.locator(".flashes")).to_contain_text(
        text("%(name)s is marked as present.", name="Fàtima El Idrissi"))

    # the town-wide list shows the meeting to a visitor
    visitor = browser.new_context(**browser_context_args).new_page()
    visitor.goto("/meetings/?kind=in_person")  # no other test reads this page as a visitor
    expect(visitor.get_by_role("link", name=title)).to_be_visible()
    assert_accessible(visitor)

    for context in (facilitator_context, first_context, second_context, visitor.context):
        context.close()
