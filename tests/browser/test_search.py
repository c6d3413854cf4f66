"""The site search, as a visitor uses it: a word typed without accents in the header's box
finds a proposal of the demo town; the search pages pass axe-core and fit a phone."""

import re

from tests.support.browser import main, open_page, scan, text

PROPOSAL = "Il·luminació del passatge del Rec"


def test_a_visitor_finds_a_proposal_by_a_word_without_accents(new_context, live_server):
    page = open_page(new_context)
    page.goto(live_server.url + "/")
    box = page.get_by_role("search", name=text("Search the site")).get_by_label(
        text("Search the site"))
    box.fill("illuminacio")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=illuminacio"))
    assert page.locator("#search-q").input_value() == "illuminacio"
    found = main(page).get_by_role("link", name=PROPOSAL)
    assert found.count() == 1
    scan(page)

    # only proposals, then the proposal itself
    main(page).get_by_role("link", name=re.compile(rf"^{text('Proposals')} ")).click()
    page.wait_for_url(re.compile(r"kind=proposals"))
    main(page).get_by_role("link", name=PROPOSAL).click()
    assert main(page).get_by_role("heading", level=1).inner_text() == PROPOSAL


def test_the_search_pages_pass_axe(new_context, live_server):
    page = open_page(new_context)
    page.goto(live_server.url + "/search")
    scan(page)
    page.goto(live_server.url + "/search?q=placa&neighbourhood=barri-vell")
    assert main(page).locator(".search-result").count() >= 1
    scan(page)
    response = page.goto(live_server.url + "/search?q=" + "x" * 250)
    assert response.status == 400
    assert main(page).get_by_role("alert").count() == 1
    scan(page)
