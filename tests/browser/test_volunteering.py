"""The volunteering journey, in Chromium on the demo town: a resident opens /volunteering/,
signs up to the council's reading buddies, sees their place, and leaves. axe-core (and the
390-px phone) scans the list and the opportunity's page."""

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, scan, sign_in, text

RESIDENT = "vei05@riuclar.example"  # a neighbour no other journey signs up with
TITLE = "Padrins i padrines de lectura a la biblioteca"


def signup_box(page):
    return page.get_by_role("region", name=text("Volunteer"))


def test_a_resident_signs_up_sees_the_place_and_leaves(new_context, live_server):
    page = open_page(new_context)
    page.goto("/volunteering/")
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Volunteering"))
    scan(page)

    sign_in(page, RESIDENT)
    page.goto("/volunteering/")
    main(page).get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    scan(page)

    signup_box(page).get_by_role("button", name=text("Sign me up")).click()
    expect(flash(page)).to_contain_text(
        text("Thank you! You have a place as a volunteer. We have e-mailed you the details."))
    expect(signup_box(page)).to_contain_text(text("You have a place as a volunteer."))
    scan(page)
    assert live_server.mail_to(RESIDENT, containing=TITLE)

    signup_box(page).get_by_role("link", name=text("Leave this opportunity")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Give up your place?"))
    page.get_by_role("button", name=text("Yes, leave")).click()
    expect(flash(page)).to_contain_text(text("You have left this opportunity."))
    expect(signup_box(page).get_by_role("button", name=text("Sign me up"))).to_be_visible()


def test_the_full_opportunity_offers_the_waiting_list(new_context, live_server):
    page = open_page(new_context)
    sign_in(page, "vei06@riuclar.example")
    page.goto("/volunteering/")
    main(page).get_by_role("link", name="Repartiment del banc d'aliments dels dissabtes").click()
    expect(signup_box(page)).to_contain_text(text("All places taken"))
    expect(signup_box(page).get_by_role("button", name=text("Join the waiting list"))) \
        .to_be_visible()
    scan(page)
