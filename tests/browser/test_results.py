"""Results in Chromium, as people use them: the council drafts a result of the Barri Vell's
plan through its pages, publishes it and moves it to done with a line for the timeline; a
visitor finds it in the plan's results, filtered by status, and reads its page. axe-core scans
the list, a result's page and the council's forms, and the pages fit a 390-px phone.

The journey makes its own result (a fresh title), so it holds whether or not the demo town
already has its results. Visible texts come from ``text(msgid)``; pages are in Catalan."""

import uuid

from playwright.sync_api import expect

from participa.core.money import format_euros
from tests.support.browser import (
    flash,
    main,
    open_page,
    scan,
    text,
)

PLAN = "pla-comunitari-barri-vell"
PLAN_TITLE = "Pla Comunitari del Barri Vell"


def test_the_council_moves_a_result_to_done_and_a_visitor_sees_it(new_context, council_state):
    title = f"Bancs a l'ombra del carrer Nou {uuid.uuid4().hex[:4]}"
    council = open_page(new_context, storage_state=council_state)

    # the council drafts it from the plan's results pages
    council.goto("/admin/results/")
    main(council).get_by_role("link", name=PLAN_TITLE, exact=True).click()
    main(council).get_by_role("link", name=text("New result"), exact=True).click()
    scan(council)
    council.get_by_label(text("Title"), exact=True).fill(title)
    council.get_by_label(text("Description"), exact=True).fill("Sis bancs i dues pèrgoles.")
    council.get_by_label(text("Who is responsible"), exact=True).fill("Àrea d'Espai Públic")
    council.get_by_label(text("Neighbourhood"), exact=True).select_option(label="Barri Vell")
    council.get_by_label(text("Planned budget (euros)"), exact=True).fill("24000")
    main(council).get_by_role("button", name=text("Save"), exact=True).click()
    expect(flash(council)).to_contain_text(
        text("The result has been saved as a draft: publish it when it is ready."))
    expect(council.get_by_role("heading", level=1)).to_have_text(title)
    result_url = council.url

    # a visitor cannot see the draft yet
    visitor = open_page(new_context)
    assert visitor.goto(result_url).status == 404

    # published, then moved to done with a line for the timeline
    main(council).get_by_role("button", name=text("Publish"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The result has been published."))
    main(council).get_by_role("link", name=text("Record progress"), exact=True).click()
    scan(council)
    council.get_by_label(text("Status"), exact=True).select_option(label=text("Done"))
    council.get_by_label(text("Executed budget (euros)"), exact=True).fill("23150")
    council.get_by_label(text("What has happened"), exact=True).fill(
        "Col·locats els sis bancs i les dues pèrgoles.")
    main(council).get_by_role("button", name=text("Record"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The change is on the result's timeline."))

    # the visitor finds it in the plan's results, filtered by status, and reads its page
    visitor.goto(f"/plans/{PLAN}/results/")
    scan(visitor)
    visitor.get_by_label(text("Status"), exact=True).select_option(label=text("Done"))
    main(visitor).get_by_role("button", name=text("Filter"), exact=True).click()
    main(visitor).get_by_role("link", name=title, exact=True).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(main(visitor)).to_contain_text(text("Done"))
    expect(main(visitor)).to_contain_text(text("Progress: %(n)s%%", n=100))
    expect(visitor.get_by_role("progressbar")).to_have_attribute("value", "100")
    expect(main(visitor)).to_contain_text(format_euros(23_150, "ca"))
    expect(main(visitor)).to_contain_text("Col·locats els sis bancs i les dues pèrgoles.")
    scan(visitor)
