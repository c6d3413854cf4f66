"""The legal texts and the terms of use in Chromium, as people meet them: a visitor finds the
four texts in the footer of every page; a newcomer sees the terms box on the registration form;
the council publishes new terms of use; a resident signing in is shown them, declines and is not
signed in, then signs in again, accepts and is signed in. axe-core scans every page on the way,
which fit a 390-px phone. Pages are in Catalan; texts come from ``text(msgid)``."""

import uuid

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, scan, sign_in, text

RESIDENT = "fatima@riuclar.example"
KINDS = (("notice", "Legal notice"), ("privacy", "Privacy policy"), ("terms", "Terms of use"),
         ("accessibility", "Accessibility statement"))


def test_the_footer_links_the_four_legal_texts(new_context):
    page = open_page(new_context)
    for start in ("/", "/processes/", "/accounts/login"):
        page.goto(start)
        footer = page.get_by_role("navigation", name=text("Legal texts"))
        for slug, label in KINDS:
            link = footer.get_by_role("link", name=text(label), exact=True)
            expect(link).to_have_attribute("href", f"/legal/{slug}")
    for slug, label in KINDS:
        page.goto("/")
        page.get_by_role("navigation", name=text("Legal texts")).get_by_role(
            "link", name=text(label), exact=True).click()
        assert page.url.endswith(f"/legal/{slug}")
        expect(page.get_by_role("heading", level=1)).to_have_text(text(label))
        expect(main(page)).to_contain_text("Riuclar")  # the demo town's own texts
        scan(page)
    # the terms of use of the demo town have a history: the first version stays readable
    page.goto("/legal/terms")
    main(page).get_by_role("link", name=text("Version %(n)s", n=1), exact=True).click()
    expect(main(page).get_by_role("link", name=text("Read the current version"))).to_be_visible()
    scan(page)


def test_the_registration_form_asks_to_accept_the_terms(new_context):
    page = open_page(new_context)
    page.goto("/accounts/register")
    box = page.get_by_role("checkbox", name=text("terms of use"))
    expect(box).not_to_be_checked()
    consent = page.locator(".terms-consent")
    expect(consent.get_by_role("link").first).to_have_attribute("href", "/legal/terms")
    expect(consent.get_by_role("link").nth(1)).to_have_attribute("href", "/legal/privacy")
    email = f"nou.{uuid.uuid4().hex[:8]}@riuclar.example"
    page.get_by_label(text("Name"), exact=True).fill("Pol Serra")
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_label(text("Password"), exact=True).fill("el riu baixa tranquil")
    page.get_by_label(text("Repeat the password"), exact=True).fill("el riu baixa tranquil")
    main(page).get_by_role("button", name=text("Create my account")).click()
    expect(main(page)).to_contain_text(text("To create an account, accept the terms of use."))
    expect(box).to_have_attribute("aria-invalid", "true")
    scan(page)


def test_the_council_changes_the_terms_and_a_resident_accepts_them(new_context, council_state):
    council = open_page(new_context, storage_state=council_state)
    council.goto("/admin/legal/")
    scan(council)
    terms_card = main(council).locator(".card").filter(
        has=council.get_by_role("heading", name=text("Terms of use"), exact=True))
    terms_card.get_by_role("link", name=text("Publish a new version")).click()
    scan(council)
    body = council.get_by_label(text("Text in Catalan"), exact=True)
    expect(body).to_contain_text("Moderació")  # the form starts from the text in force
    note = f"Nou horari d'atenció {uuid.uuid4().hex[:4]}"
    body.fill(body.input_value() + f"\n\n## Atenció\n\n{note}.")
    council.get_by_label(text("What changed, in Catalan"), exact=True).fill(note)
    main(council).get_by_role("button", name=text("Publish"), exact=True).click()
    expect(flash(council)).to_contain_text(text("Version %(n)s has been published.", n=3))
    expect(main(council)).to_contain_text(note)

    # the resident signs in: the new terms come first, and declining keeps her signed out
    resident = open_page(new_context)
    sign_in(resident, RESIDENT, accept_terms=False)
    assert resident.url.endswith("/accounts/terms")
    expect(resident.get_by_role("heading", level=1)).to_have_text(
        text("Accept the terms of use"))
    expect(main(resident)).to_contain_text(note)
    scan(resident)
    main(resident).get_by_role("button", name=text("I do not accept them"), exact=True).click()
    expect(flash(resident)).to_contain_text(text(
        "You have not accepted the terms of use, so you are not signed in. You need to accept "
        "them to take part; you can still read everything that is public."))
    expect(resident.get_by_role("button", name=text("Sign out"))).to_have_count(0)

    # she signs in again and accepts: signed in, and not asked again
    sign_in(resident, RESIDENT, accept_terms=False)
    main(resident).get_by_role("button", name=text("I accept the terms of use"),
                               exact=True).click()
    expect(flash(resident)).to_contain_text(
        text("Thank you for accepting the terms of use. You are signed in."))
    expect(resident.get_by_role("button", name=text("Sign out"))).to_be_visible()
    scan(resident)
    resident.get_by_role("button", name=text("Sign out")).click()
    sign_in(resident, RESIDENT, accept_terms=False)
    assert "/accounts/terms" not in resident.url
    expect(flash(resident)).to_contain_text(text("You are signed in."))
