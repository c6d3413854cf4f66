"""The dashboards in Chromium, as a visitor reads them: the Barri Vell plan's dashboard (its
charts with their text alternatives and the same figures in tables, the figures of an
indicator's chart behind a <details> disclosure), the town's plans side by
side filtered by neighbourhood, and the neighbourhood's page. axe-core scans each page, and
each fits a 390-px phone. Pages are in Catalan; visible texts come from ``text(msgid)``."""

import re

from playwright.sync_api import expect

from participa.core.timeutil import local_date
from tests.browser.test_results import PLAN, PLAN_TITLE
from tests.support.browser import flash, main, open_page, plural_text, scan, text


def test_a_visitor_reads_the_dashboards(new_context):
    visitor = open_page(new_context)  # axe-core needs scripts; <details> needs none
    visitor.goto(f"/plans/{PLAN}")
    main(visitor).get_by_role("link", name=text("Dashboard: how the plan is doing"),
                              exact=True).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        text("Dashboard: how the plan is doing"))
    scan(visitor)
    charts = main(visitor).locator("svg[role=img]")
    assert charts.count() >= 1
    for i in range(charts.count()):  # every chart is named and described
        chart = charts.nth(i)
        assert chart.locator("title").count() == 1 and chart.locator("desc").count() == 1
    expect(main(visitor).get_by_role("heading", name=text("Results by status"))).to_be_visible()
    expect(main(visitor).get_by_role("table", name=text("Results by status"))).to_be_visible()
    disclosures = main(visitor).locator("details")
    if disclosures.count():  # an indicator's figures open without JavaScript
        disclosures.first.locator("summary").click()
        expect(disclosures.first.get_by_role("table")).to_be_visible()

    visitor.goto("/")
    visitor.get_by_role("navigation", name=text("Main")).get_by_role(
        "link", name=text("Results"), exact=True).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(text("Results of every plan"))
    expect(main(visitor).get_by_role("table", name=text("The plans side by side"))).to_contain_text(
        PLAN_TITLE)
    scan(visitor)
    visitor.get_by_label(text("Neighbourhood"), exact=True).select_option(label="Barri Vell")
    main(visitor).get_by_role("button", name=text("Filter"), exact=True).click()
    expect(main(visitor)).to_contain_text(text("Plans in %(name)s", name="Barri Vell"))
    expect(main(visitor).get_by_role("table", name=text("The plans side by side"))).to_contain_text(
        PLAN_TITLE)
    scan(visitor)

    visitor.goto("/neighbourhoods/")
    main(visitor).get_by_role("link", name="Barri Vell", exact=True).first.click()
    expect(main(visitor).get_by_role(
        "heading", name=text("Plans and results here"))).to_be_visible()
    scan(visitor)


PROCESS = "inversions-barri-vell-2027"
PROCESS_TITLE = "Inversions del Barri Vell 2027: votació"
PROPOSAL_TITLE = "Horts comunitaris al solar del carrer Nou"  # Marta's accepted proposal
PROPOSER = "marta@riuclar.example"
INDICATOR = "Horts comunitaris actius"  # of the Barri Vell plan: 5 last October, target 6


def done_count(page) -> int:
    """The "Done" row of the dashboard's results-by-status table."""
    row = main(page).get_by_role("table", name=text("Results by status")).get_by_role(
        "row").filter(has_text=text("Done"))
    return int(row.locator("td").first.inner_text())


def test_the_council_records_progress_and_a_visitor_sees_it_on_the_dashboard(
        new_context, council_state, live_server):
    """The issue's journey: the council records a measurement and moves a result made from an
    accepted proposal to done; a visitor sees both on the plan's dashboard, chart and table;
    the proposal's author gets the e-mail."""
    visitor = open_page(new_context)
    visitor.goto(f"/plans/{PLAN}/dashboard")
    done_before = done_count(visitor)

    # the council turns the Barri Vell investments' accepted proposals into draft results
    council = open_page(new_context, storage_state=council_state)
    council.goto("/admin/results/")
    main(council).get_by_role("link", name=PLAN_TITLE, exact=True).click()
    main(council).get_by_role("button", name=text(
        "Make results from the outcomes of %(process)s", process=PROCESS_TITLE)).click()
    made = plural_text("%(num)s draft result has been made from the process's outcomes.",
                       "%(num)s draft results have been made from the process's outcomes.", 4)
    # four of the demo's accepted proposals, or more if an earlier journey accepted others
    expect(flash(council)).to_contain_text(re.compile(re.escape(made).replace("4", r"\d+")))
    council.goto(f"/processes/{PROCESS}/results/")  # the council's list holds the drafts
    main(council).get_by_role("link", name=PROPOSAL_TITLE, exact=True).click()
    expect(council.get_by_role("heading", level=1)).to_have_text(PROPOSAL_TITLE)
    main(council).get_by_role("button", name=text("Publish"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The result has been published."))
    main(council).get_by_role("link", name=text("Record progress"), exact=True).click()
    council.get_by_label(text("Status"), exact=True).select_option(label=text("Done"))
    council.get_by_label(text("What has happened"), exact=True).fill(
        "Lliurades les dotze parcel·les del solar del carrer Nou.")
    main(council).get_by_role("button", name=text("Record"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The change is on the result's timeline."))
    result_path = council.url.removeprefix(live_server.url)

    # ...and records this month's count of community gardens
    council.goto("/admin/plans/")
    main(council).get_by_role("row").filter(has_text=PLAN_TITLE).get_by_role(
        "link", name=text("Goals and indicators")).click()
    main(council).get_by_role("link", name=INDICATOR, exact=True).click()
    council.get_by_label(text("Date"), exact=True).fill(local_date().isoformat())
    council.get_by_label(text("Value"), exact=True).fill("6")
    main(council).get_by_role("button", name=text("Record"), exact=True).click()
    expect(flash(council)).to_contain_text(text("The measurement has been recorded."))

    # the visitor sees both on the dashboard: the table row, the chart and its figures
    visitor.goto(f"/plans/{PLAN}/dashboard")
    assert done_count(visitor) == done_before + 1
    row = main(visitor).get_by_role("row").filter(
        has=visitor.get_by_role("rowheader", name=f"{INDICATOR} (horts)"))
    expect(row.locator("td").nth(1)).to_contain_text("6")
    expect(row).to_contain_text(text("On track"))
    series = main(visitor).locator(".dash-indicator").filter(has_text=INDICATOR)
    expect(series.locator("svg[role=img] title")).to_have_text(
        text("%(name)s over time", name=INDICATOR))
    series.locator("summary").click()
    expect(series.get_by_role("table").locator("tbody tr").first).to_contain_text("6")
    scan(visitor)

    # Marta, whose proposal it was, is told in her language, with the link to follow it
    mailed = live_server.mail_to(PROPOSER, PROPOSAL_TITLE, containing=result_path)
    assert len(mailed) == 1
    assert "Lliurades les dotze parcel·les" in mailed[0].get_body(("plain",)).get_content()
