"""A plan's table in Chromium: Jordi asks to join the Sant Roc and Can Puig plan from its page,
the plan's facilitator accepts him on the table's page (he is e-mailed), and Jordi, now a
member, leaves the table again. The plan page shows its associations and public services.

axe-core scans the plan's table section and the facilitator's page (no serious or critical
violation), which fit a 390-px phone. Visible texts come from ``text(msgid)``."""

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, plural_text, scan, sign_in, text

PLAN = "/plans/pla-comunitari-sant-roc-can-puig"
JORDI = "jordi@riuclar.example"


def test_a_resident_joins_a_plan_and_a_facilitator_accepts_him(new_context, live_server):
    jordi = open_page(new_context)
    sign_in(jordi, JORDI)
    jordi.goto(PLAN)
    table = main(jordi).locator("section.plan-members")
    expect(table.get_by_role("heading", name=text("Who takes part"))).to_be_visible()
    expect(table.get_by_role("link", name="Associació de Veïns de Sant Roc")).to_be_visible()
    expect(table).to_contain_text("Serveis Socials Bàsics Nord")
    expect(table).to_contain_text(plural_text("%(num)s resident takes part in the plan.",
                                              "%(num)s residents take part in the plan.", 2))
    table.get_by_role("button", name=text("Ask to join the plan")).click()
    expect(flash(jordi)).to_contain_text(
        text("Your request has been sent: a facilitator of the plan will answer it."))
    scan(jordi)

    facilitator = open_page(new_context)
    sign_in(facilitator, "dinamitzadora@riuclar.example")
    facilitator.goto(PLAN)
    main(facilitator).get_by_role("link", name=text("Manage the plan's table")).click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(text("The plan's table"))
    scan(facilitator)
    main(facilitator).get_by_role("button", name=f"{text('Accept')} Jordi Casals").click()
    expect(flash(facilitator)).to_contain_text(text("The resident is now a member of the plan."))
    accepted = live_server.mail_to(JORDI, "Sant Roc", containing=PLAN)
    assert len(accepted) == 1

    jordi.goto(PLAN)
    table = main(jordi).locator("section.plan-members")
    expect(table).to_contain_text(text("You take part in this plan."))
    expect(table).to_contain_text(plural_text("%(num)s resident takes part in the plan.",
                                              "%(num)s residents take part in the plan.", 3))
    table.get_by_role("button", name=text("Leave the plan")).click()
    expect(flash(jordi)).to_contain_text(text("You have left the plan's table."))
    expect(main(jordi).locator("section.plan-members").get_by_role(
        "button", name=text("Ask to join the plan"))).to_be_visible()
