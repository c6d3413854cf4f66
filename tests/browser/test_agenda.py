"""The community agenda's journey, in Chromium on the demo town: a resident asks to represent
the Festa Major's commission and the council accepts her; as the association she proposes an
event in a room of the Centre Cívic del Nord (through the meeting form) and publishes it; a
second resident signs up to volunteer for the festa's setting-up crew; and /agenda/ — the day
list and the month grid — shows the event. axe-core (and the 390-px phone) scans the agenda's
list and grid and the event's page. Pages are in Catalan; visible texts come from
``text(msgid)``.

Representatives of verified associations may propose events in an open process as the
association (as Decidim lets verified user groups create meetings): no facilitator role is
needed."""

from datetime import timedelta

from playwright.sync_api import expect

from participa.core.timeutil import local_date
from tests.support.browser import flash, main, open_page, scan, sign_in, text

REPRESENTATIVE = "vei22@riuclar.example"  # a neighbour no other journey uses
REPRESENTATIVE_NAME = "Wei Chen"
VOLUNTEER = "vei23@riuclar.example"
COMMISSION = "Comissió de Festes de la Festa Major del Nord"
CREW = "Brigada de muntatge de la Festa Major del Nord"
TITLE = "Taller de gralles per a la Festa Major"


def test_a_representative_publishes_an_event_and_the_agenda_shows_it(
        new_context, council_state, live_server):
    day = local_date() + timedelta(days=45)

    # the resident asks to represent the commission
    resident = open_page(new_context)
    sign_in(resident, REPRESENTATIVE)
    resident.goto("/associations/")
    main(resident).get_by_role("link", name=COMMISSION, exact=True).click()
    association_url = resident.url
    main(resident).get_by_role("button", name=text("Ask to represent it")).click()
    expect(flash(resident)).to_contain_text(text(
        "Your request has been sent to the association's administrators: you will receive an "
        "e-mail when they answer."))

    # the council accepts her
    council = open_page(new_context, storage_state=council_state)
    council.goto(association_url.rstrip("/") + "/representatives")
    main(council).get_by_role("button", name=text("Accept %(person)s",
                                                  person=REPRESENTATIVE_NAME)).click()
    expect(flash(council)).to_contain_text(text("The request has been accepted."))

    # as the commission, she proposes an event in a room of the civic centre and publishes it
    resident.goto("/processes/festa-major-compartida/meetings/")
    main(resident).get_by_role("link", name=text("Propose an event as your association")).click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(text("New meeting"))
    resident.get_by_label(text("Title"), exact=True).fill(TITLE)
    resident.get_by_label(text("Type"), exact=True).select_option("workshop")
    organiser = resident.get_by_label(text("Organizer"), exact=True)
    expect(organiser.locator("option:checked")).to_have_text(COMMISSION)
    resident.get_by_label(text("Kind of meeting")).select_option("in_person")
    resident.get_by_label(text("Room in a municipal facility (optional)")).select_option(
        label=text("%(room)s (%(n)s people)", room="Sala 2", n=24))
    resident.get_by_label(text("Starts at")).fill(f"{day.isoformat()}T10:00")
    resident.get_by_label(text("Ends at")).fill(f"{day.isoformat()}T12:00")
    resident.get_by_label(text("Price (optional)")).fill("3 € · gratuït per als socis")
    main(resident).get_by_role("button", name=text("Save")).click()
    expect(flash(resident)).to_contain_text(text(
        "The meeting has been saved as a draft. Publish it when it is ready."))
    main(resident).get_by_role("button", name=text("Publish")).click()
    expect(flash(resident)).to_contain_text(text("The meeting is published."))
    event_url = resident.url
    page = main(resident)
    expect(page).to_contain_text(COMMISSION)
    expect(page).to_contain_text("Centre Cívic del Nord")
    expect(page).to_contain_text("3 € · gratuït per als socis")
    expect(page).to_contain_text(text("No registration needed: just come along."))
    scan(resident)

    # a second resident volunteers for the festa's setting-up crew
    volunteer = open_page(new_context)
    sign_in(volunteer, VOLUNTEER)
    volunteer.goto("/volunteering/")
    main(volunteer).get_by_role("link", name=CREW).click()
    volunteer.get_by_role("region", name=text("Volunteer")).get_by_role(
        "button", name=text("Sign me up")).click()
    expect(flash(volunteer)).to_contain_text(text(
        "Thank you! You have a place as a volunteer. We have e-mailed you the details."))

    # the agenda shows the event: the day list and the month grid, for anyone
    visitor = open_page(new_context)
    visitor.goto("/agenda/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(text("Agenda"))
    scan(visitor)
    visitor.goto(f"/agenda/?view=month&date={day.isoformat()}")
    expect(main(visitor).get_by_role("link", name=TITLE)).to_be_visible()
    scan(visitor)
    visitor.get_by_role("navigation", name=text("Agenda views")).get_by_role(
        "link", name=text("Month as a calendar")).click()
    grid = visitor.get_by_role("table")
    expect(grid.get_by_role("link", name=TITLE)).to_be_visible()
    scan(visitor)
    # the filters narrow it, and the views keep them
    visitor.get_by_label(text("Type"), exact=True).select_option("workshop")
    visitor.get_by_label(text("Organizer"), exact=True).select_option(label=COMMISSION)
    main(visitor).get_by_role("button", name=text("Apply")).click()
    expect(visitor.get_by_role("table").get_by_role("link", name=TITLE)).to_be_visible()
    visitor.get_by_role("navigation", name=text("Agenda views")).get_by_role(
        "link", name=text("Day"), exact=True).click()
    assert "type=workshop" in visitor.url
    grid_link = visitor.get_by_role("link", name=TITLE)
    grid_link.click()
    assert visitor.url == event_url
    scan(visitor)
