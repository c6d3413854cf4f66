""""My participation" in Chromium: Marta opens it from the header's account menu and finds
every part of the demo town's record of her — her proposals, supports, a meeting place and a
waiting-list place, comments, a ballot (where and when, not what) and a report — then one
part on its own page. axe-core scans both, and they fit a 390-px phone; so does the agenda,
whose cards tell her where she stands."""

from playwright.sync_api import expect

from tests.support.browser import PHONE, main, open_page, scan, sign_in, text

MARTA = "marta@riuclar.example"


def test_marta_opens_my_participation_from_the_header(new_context):
    page = open_page(new_context, viewport=PHONE)
    sign_in(page, MARTA)
    account = page.get_by_role("navigation", name=text("Account"))
    account.get_by_role("link", name=text("My participation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("My participation"))
    expect(account.get_by_role("link", name=text("My participation"))).to_have_attribute(
        "aria-current", "page")

    content = main(page)
    for title in ("My proposals", "My supports", "My meeting places", "My comments",
                  "My votes in participatory budgets", "My votes in polls", "My reports"):
        expect(content.get_by_role("heading", level=2, name=text(title))).to_be_visible()

    proposals = content.get_by_role("region", name=text("My proposals"))
    expect(proposals.locator(".participation-item").first).to_be_visible()
    meetings = content.get_by_role("region", name=text("My meeting places"))
    expect(meetings).to_contain_text(text("You are registered."))
    expect(meetings.locator(".door-code").first).to_be_visible()
    expect(meetings).to_contain_text(text("You are on the waiting list (position %(n)s).", n=2))
    budgets = content.get_by_role("region", name=text("My votes in participatory budgets"))
    expect(budgets).to_contain_text("Pressupost de ciutat 2026")
    expect(budgets).not_to_contain_text("Nova coberta del pavelló")  # never what she chose
    reports = content.get_by_role("region", name=text("My reports"))
    expect(reports.locator(".participation-item")).to_have_count(1)
    scan(page)

    # a part on its own page
    content.get_by_role("link", name=text("See all") + " — " + text("My comments")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("My comments"))
    expect(main(page).locator(".participation-item").first).to_be_visible()
    scan(page)

    # the agenda's cards say where she stands
    page.goto("/meetings/")
    expect(main(page)).to_contain_text(text("You are on the waiting list (position %(n)s).", n=2))
    expect(main(page).locator(".my-registration").first).to_be_visible()
    scan(page)
