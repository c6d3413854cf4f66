"""Nothing lost by one tap (issue 13), in Chromium: a resident signs up for a meeting, then
gives up the place through its confirmation page — first changing their mind ("keep my
place"), then confirming. axe-core scans the confirmation page, which fits a phone.

The resident (vei19) is one no other journey uses; the meeting is the Barri Vell's assembly,
which has places to spare. Visible texts come from ``text(msgid)``; pages are in Catalan."""

import re

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, scan, sign_in, text

PROCESS = "/processes/pressupostos-participatius-barri-vell"
MEETING = "Assemblea de barri: presentació de propostes"
RESIDENT = "vei19@riuclar.example"


def registration_box(page):
    return page.get_by_role("region", name=text("Registration"))


def test_a_resident_cancels_a_meeting_place_through_the_confirmation(new_context):
    page = open_page(new_context)
    sign_in(page, RESIDENT)
    page.goto(PROCESS + "/meetings/")
    main(page).get_by_role("link", name=MEETING, exact=True).first.click()
    meeting_url = page.url
    registration_box(page).get_by_role("button", name=text("Sign me up")).click()
    expect(registration_box(page)).to_contain_text(text("You are registered."))

    # one tap on "cancel" only asks
    registration_box(page).get_by_role("link", name=text("Cancel my registration")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Cancel your place?"))
    expect(main(page)).to_contain_text(MEETING)
    scan(page)

    # changing one's mind leaves the place as it was
    main(page).get_by_role("link", name=text("No, keep my place")).click()
    assert page.url == meeting_url
    expect(registration_box(page)).to_contain_text(text("You are registered."))

    # confirming gives it up
    registration_box(page).get_by_role("link", name=text("Cancel my registration")).click()
    main(page).get_by_role("button", name=text("Yes, cancel my registration")).click()
    expect(flash(page)).to_contain_text(text("Your registration has been cancelled."))
    assert page.url == meeting_url
    expect(registration_box(page).get_by_role("button", name=text("Sign me up"))).to_be_visible()
    page.context.close()


def test_the_other_confirmation_pages_pass_axe_and_fit_a_phone(new_context, council_state):
    """Withdrawing a proposal and deleting a comment (Marta's, on her proposal) and blocking a
    person (the council, from a moderation item): each page is scanned, and left unanswered."""
    page = open_page(new_context)
    sign_in(page, "marta@riuclar.example")
    page.goto(PROCESS + "/proposals/")
    main(page).get_by_role("link", name="Ombra i bancs a la plaça de la Font").first.click()
    proposal_url = page.url
    main(page).get_by_role("link", name=text("Withdraw the proposal")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Withdraw your proposal?"))
    scan(page)
    page.goto(proposal_url)
    main(page).locator("#comments").get_by_role("link", name=text("Delete"),
                                                exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Delete your comment?"))
    scan(page)
    page.context.close()

    council = open_page(new_context, storage_state=council_state)
    council.goto("/moderation/")
    paths = council.evaluate("[...document.querySelectorAll('main a')].map(a => a.pathname)")
    council.goto(next(p for p in paths if re.fullmatch(r"/moderation/\d+", p)))
    link = main(council).get_by_role(
        "link", name=re.compile("^" + re.escape(text("Block %(name)s", name="")))).first
    name = link.inner_text().removeprefix(text("Block %(name)s", name=""))
    link.click()
    expect(council.get_by_role("heading", level=1)).to_have_text(
        text("Block %(name)s?", name=name))
    scan(council)
    council.context.close()
