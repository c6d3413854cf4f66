"""A newcomer's first day, in Chromium and in Spanish: they switch the page to Español,
register (the form's language follows the page), confirm their account from the Spanish
e-mail, propose something in an open process, find it with the site search by a word typed
without its accents, see it in "my participation", sign up for a meeting and give the place
up through its confirmation page. axe-core scans the search results, "my participation" and
the confirmation page, which fit a 390-px phone.

The pages are in Spanish, so every visible text is ``text(msgid, "es")`` and the scans call
``assert_accessible`` (``scan`` expects Catalan pages)."""

import re
import uuid

from playwright.sync_api import expect

from tests.support.browser import (
    DEMO_PASSWORD,
    assert_accessible,
    fits_a_phone,
    flash,
    main,
    open_page,
    process_action,
    text,
    tick_the_terms,
)

PROCESS = "/processes/pressupostos-participatius-barri-vell"
# the Barri Vell's assembly, which has places to spare: its title as the council wrote it, or
# in Spanish when the demo town carries its translation
MEETING = re.compile(r"^(Assemblea de barri|Asamblea de barrio)\b")


def es(msgid, **values):
    return text(msgid, "es", **values)


def scan_in_spanish(page):
    assert page.locator("html").get_attribute("lang") == "es"
    assert_accessible(page)
    fits_a_phone(page)


def test_a_newcomer_registers_in_spanish_proposes_finds_it_and_gives_up_a_place(
        new_context, live_server):
    marker = "k" + uuid.uuid4().hex[:7]  # one word no other proposal has
    email = f"nou-{marker}@example.org"
    name = f"Lucía Nueva {marker}"
    title = f"Il·luminació de la plaça del Rellotge {marker}"
    page = open_page(new_context)

    # 1. the page in Spanish, then the register form, whose language follows the page
    page.goto("/")
    page.get_by_role("button", name="Español").click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("navigation", name=es("Account")).get_by_role(
        "link", name=es("Register")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Create an account"))
    form = main(page)
    expect(form.get_by_label(es("Language"), exact=True)).to_have_value("es")
    form.get_by_label(es("Name"), exact=True).fill(name)
    form.get_by_label(es("E-mail"), exact=True).fill(email)
    form.get_by_label(es("Password"), exact=True).fill(DEMO_PASSWORD)
    form.get_by_label(es("Repeat the password"), exact=True).fill(DEMO_PASSWORD)
    tick_the_terms(page)
    form.get_by_role("button", name=es("Create my account")).click()
    expect(flash(page)).to_contain_text(es(
        "We have sent a message to %(email)s. Open the link in it to finish creating your "
        "account.", email=email))

    # 2. the confirmation e-mail is in Spanish; its link asks for the password once more
    [message] = live_server.mail_to(email, es("Confirm your Participa account"))
    body = message.get_body(("plain",)).get_content()
    assert es("Hello %(name)s,", name=name) in body
    link = re.search(r"https?://\S+/accounts/confirm/\S+", body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Confirm your account"))
    main(page).get_by_label(es("Password"), exact=True).fill(DEMO_PASSWORD)
    main(page).get_by_role("button", name=es("Confirm my account")).click()
    expect(flash(page)).to_contain_text(es(
        "Welcome to Participa, %(name)s. Your account is ready.", name=name))

    # 3. a proposal in the open process (previewed, then published)
    page.goto(PROCESS)
    process_action(page, es("Proposals")).click()
    page.get_by_role("link", name=es("New proposal")).click()
    page.get_by_label(es("Title"), exact=True).fill(title)
    page.get_by_label(es("Your proposal"), exact=True).fill(
        "Fanals nous a la plaça del Rellotge: a l'hivern, a les sis ja és fosc.")
    page.get_by_role("button", name=es("Preview")).click()
    page.get_by_role("button", name=es("Publish"), exact=True).click()
    expect(flash(page)).to_contain_text(es("Your proposal has been published."))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    proposal_url = page.url

    # 4. the header's search box finds it by words typed without their accents
    search = page.get_by_role("search", name=es("Search the site"))
    box = search.get_by_label(es("Search the site"))
    box.fill(f"illuminacio placa {marker}")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    found = main(page).get_by_role("link", name=title)
    expect(found).to_have_count(1)
    scan_in_spanish(page)
    found.click()
    assert page.url == proposal_url

    # 5. "my participation", from the header, lists it
    page.get_by_role("navigation", name=es("Account")).get_by_role(
        "link", name=es("My participation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("My participation"))
    mine = main(page).get_by_role("region", name=es("My proposals"))
    expect(mine.get_by_role("link", name=title)).to_be_visible()
    scan_in_spanish(page)

    # 6. a place at a meeting, then given up through the confirmation page
    page.goto(PROCESS + "/meetings/")
    main(page).get_by_role("link", name=MEETING).first.click()
    meeting_url = page.url
    registration = page.get_by_role("region", name=es("Registration"))
    registration.get_by_role("button", name=es("Sign me up")).click()
    expect(flash(page)).to_contain_text(
        es("You are registered. We have e-mailed you the details and your code."))
    expect(registration).to_contain_text(es("You are registered."))
    registration.get_by_role("link", name=es("Cancel my registration")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(es("Cancel your place?"))
    scan_in_spanish(page)
    page.get_by_role("button", name=es("Yes, cancel my registration")).click()
    expect(flash(page)).to_contain_text(es("Your registration has been cancelled."))
    page.goto(meeting_url)
    expect(registration.get_by_role("button", name=es("Sign me up"))).to_be_visible()
