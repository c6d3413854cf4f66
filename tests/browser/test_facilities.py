"""Facilities in Chromium, as people use them: the council creates a facility with a room and
its opening hours; a facilitator holds a meeting in that room (its place comes from the
facility) and publishes it; a resident finds it on the facility's page. axe-core scans the
register and the facility's page, both fitting a 390-px phone. Pages are in Catalan."""

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, scan, sign_in, text

PROCESS = "/processes/pressupostos-participatius-barri-vell"
FACILITATOR = "dinamitzadora@riuclar.example"
RESIDENT = "marta@riuclar.example"


def test_a_meeting_in_a_new_facilitys_room(new_context, council_state):
    tag = uuid.uuid4().hex[:4]
    name, room = f"Casal Jove del Serrat {tag}", "Sala de la Taula"
    title = f"Assemblea al casal jove {tag}"

    # the council creates the facility, then gives it a room and its hours
    council = open_page(new_context, storage_state=council_state)
    council.goto("/admin/facilities/")
    main(council).get_by_role("link", name=text("New facility"), exact=True).click()
    council.get_by_label(text("Name"), exact=True).fill(name)
    council.get_by_label(text("Kind of facility"), exact=True).select_option("casal")
    council.get_by_label(text("Neighbourhood"), exact=True).select_option(label="El Serrat")
    council.get_by_label(text("Address"), exact=True).fill("Carrer del Serrat, 20")
    council.get_by_label(text("Accessibility notes (optional)"), exact=True).fill(
        "Entrada sense graons.")
    main(council).get_by_role("button", name=text("Save"), exact=True).click()
    expect(flash(council)).to_contain_text(
        text("The facility has been created. Add its rooms and opening hours."))
    council.get_by_label(text("Name of the room"), exact=True).fill(room)
    council.get_by_label(text("Capacity"), exact=True).fill("25")
    main(council).get_by_role("button", name=text("Add the room"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The room has been added."))
    council.get_by_label(text("Day of the week"), exact=True).select_option("2")
    council.get_by_label(text("Opens at"), exact=True).fill("17:00")
    council.get_by_label(text("Closes at"), exact=True).fill("21:00")
    main(council).get_by_role("button", name=text("Add the hours"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The opening hours have been added."))
    expect(main(council)).to_contain_text(room)

    # a facilitator holds a meeting there
    facilitator = open_page(new_context)
    sign_in(facilitator, FACILITATOR)
    facilitator.goto(PROCESS + "/meetings/new")
    start = (datetime.now(ZoneInfo("Europe/Madrid")) + timedelta(days=5)).replace(
        hour=18, minute=0, second=0, microsecond=0)
    facilitator.get_by_label(text("Title"), exact=True).fill(title)
    facilitator.get_by_label(text("Kind of meeting")).select_option("in_person")
    facilitator.get_by_label(text("Room in a municipal facility (optional)")).select_option(
        label=text("%(room)s (%(n)s people)", room=room, n=25))
    facilitator.get_by_label(text("Starts at")).fill(start.strftime("%Y-%m-%dT%H:%M"))
    facilitator.get_by_label(text("Ends at")).fill(
        (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"))
    facilitator.get_by_label(text("Take registrations")).check()
    facilitator.get_by_label(text("Capacity")).fill("20")
    facilitator.get_by_role("main").get_by_role("button").last.click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(title)
    facilitator.get_by_role("button", name=text("Publish"), exact=True).click()
    expect(flash(facilitator)).to_contain_text(text("The meeting is published."))
    expect(main(facilitator)).to_contain_text(f"{name} — {room}")
    expect(main(facilitator)).to_contain_text("Carrer del Serrat, 20")

    # a resident finds it on the facility's page, reached from the register
    resident = open_page(new_context)
    sign_in(resident, RESIDENT)
    resident.goto("/facilities/")
    expect(resident.get_by_role("heading", level=1)).to_have_text(text("Municipal facilities"))
    scan(resident)
    main(resident).get_by_role("link", name=name, exact=True).click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(name)
    section = resident.get_by_role("region", name=text("Upcoming meetings here"))
    expect(section.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(main(resident)).to_contain_text(text("Opening hours this week"))
    scan(resident)


def test_the_demo_facilities_scan_clean(new_context):
    visitor = open_page(new_context)
    visitor.goto("/facilities/?kind=civic_centre")
    expect(main(visitor)).to_contain_text("Centre Cívic del Nord")
    visitor.goto("/facilities/centre-civic-del-nord")
    expect(visitor.get_by_role("heading", name=text("Rooms"))).to_be_visible()
    scan(visitor)
    visitor.goto("/facilities/casal-de-barri-vell")
    expect(main(visitor)).to_contain_text("Assemblea de barri: presentació de propostes")
    scan(visitor)
