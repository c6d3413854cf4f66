"""Associations in Chromium, as people use them: Jordi registers his association from the
register; the council verifies it and Jordi's e-mail says so; Fàtima asks to represent it;
Jordi, e-mailed, accepts her, and she is told. axe-core scans the register, the registration
form and the association's page, each fitting a 390-px phone. Pages are in Catalan; visible
texts come from ``text(msgid)``."""

import re
import uuid

from playwright.sync_api import expect

from participa.associations.taxid import organisation_nif
from tests.support.browser import flash, main, open_page, plural_text, scan, sign_in, text

JORDI = "jordi@riuclar.example"
FATIMA = "fatima@riuclar.example"


def _link(message) -> str:
    body = message.get_body(("plain",)).get_content()
    return re.search(r"https?://\S+", body).group(0)


def test_a_resident_registers_an_association_the_council_verifies_and_a_neighbour_joins(
        new_context, council_state, live_server):
    serial = uuid.uuid4().int
    name = f"Colla Castellera del Nord {serial % 10_000:04d}"
    nif = organisation_nif("G", f"{serial % 10_000_000:07d}")

    # Jordi finds the register and registers his association
    jordi = open_page(new_context)
    sign_in(jordi, JORDI)
    jordi.goto("/associations/")
    expect(jordi.get_by_role("heading", level=1)).to_have_text(text("Associations"))
    expect(main(jordi)).to_contain_text("Associació de Veïns del Barri Vell")
    scan(jordi)
    main(jordi).get_by_role("link", name=text("Register an association"), exact=True).click()
    expect(jordi.get_by_role("heading", level=1)).to_have_text(text("Register an association"))
    scan(jordi)
    jordi.get_by_label(text("Name"), exact=True).fill(name)
    jordi.get_by_label(text("Legal form"), exact=True).select_option("association")
    jordi.get_by_label(text("Tax id (NIF)"), exact=True).fill(nif[:-1] + "X")  # a typo first
    main(jordi).get_by_role("group", name=text("Neighbourhoods where it works")).get_by_label(
        "Sant Roc", exact=True).check()
    main(jordi).get_by_role("group", name=text("Areas of work")).get_by_label(
        "Cultura i festes", exact=True).check()
    jordi.get_by_label(text("Description"), exact=True).fill(
        "Assagem els **divendres** al Casal Cívic del Nord.")
    jordi.get_by_label(text("Contact e-mail (optional)"), exact=True).fill(
        "colla@riuclar.example")
    jordi.get_by_label(text("Show the e-mail on the association's page"), exact=True).check()
    main(jordi).get_by_role("button", name=text("Register the association")).click()
    tax_id = jordi.get_by_label(text("Tax id (NIF)"), exact=True)
    expect(tax_id).to_have_attribute("aria-invalid", "true")
    expect(main(jordi)).to_contain_text(text(
        "This tax id is not valid: check its letters and digits, and its last (control) "
        "character."))
    tax_id.fill(nif)
    main(jordi).get_by_role("button", name=text("Register the association")).click()
    expect(flash(jordi)).to_contain_text(text(
        "The association is in the register. The council will check its details and verify "
        "it; meanwhile it appears without the verified mark."))
    expect(jordi.get_by_role("heading", level=1)).to_have_text(name)
    expect(main(jordi)).to_contain_text(text("Pending verification"))
    expect(main(jordi)).to_contain_text("colla@riuclar.example")
    scan(jordi)
    association_url = jordi.url

    # the council verifies it, and Jordi is told by e-mail
    council = open_page(new_context, storage_state=council_state)
    council.goto("/admin/associations/")
    main(council).get_by_role("link", name=name, exact=True).click()
    expect(main(council)).to_contain_text(nif)
    main(council).get_by_role("button", name=text("Verify the association")).click()
    expect(flash(council)).to_contain_text(text(
        "The association is verified: its administrators have been told by e-mail."))
    [verified] = live_server.mail_to(JORDI, text('"%(name)s" is now a verified association',
                                                 name=name))
    assert _link(verified).endswith(association_url.split("/", 3)[3])

    # Fàtima asks to represent it
    fatima = open_page(new_context)
    sign_in(fatima, FATIMA)
    fatima.goto(association_url)
    expect(main(fatima).locator(".badge.assoc-verified")).to_have_text(
        text("Verified by the council"))
    main(fatima).get_by_role("button", name=text("Ask to represent it")).click()
    expect(flash(fatima)).to_contain_text(text(
        "Your request has been sent to the association's administrators: you will receive an "
        "e-mail when they answer."))

    # Jordi follows his e-mail and accepts her
    [request] = live_server.mail_to(JORDI, text('%(person)s asks to represent "%(name)s"',
                                                person="Fàtima El Idrissi", name=name))
    jordi.goto(_link(request))
    main(jordi).get_by_role("button", name=text("Accept %(person)s",
                                                person="Fàtima El Idrissi")).click()
    expect(flash(jordi)).to_contain_text(text("The request has been accepted."))
    assert live_server.mail_to(FATIMA, text('You now represent "%(name)s"', name=name))
    fatima.goto(association_url)
    expect(main(fatima)).to_contain_text(text("You represent this association."))
    expect(main(fatima)).to_contain_text(
        plural_text("%(num)s representative", "%(num)s representatives", 2))
