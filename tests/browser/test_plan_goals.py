"""A plan's goals and indicators in Chromium: the council adds a goal to the demo's Barri Vell
plan, an indicator with its baseline and target, and records two measurements (one typed with a
decimal comma, as people here write them); a visitor then reads the plan page — the goal, the
latest value against the baseline and target, the chart and its table — in Catalan.

axe-core scans every page on the way (no serious or critical violation), and each must fit a
390-px phone. Visible texts come from ``text(msgid)`` (the compiled catalog)."""

import uuid
from datetime import timedelta

from playwright.sync_api import expect

from participa.core.timeutil import local_date
from tests.support.browser import (
    main,
    open_page,
    scan,
    text,
)

PLAN = "/plans/pla-comunitari-barri-vell"
PLAN_TITLE = "Pla Comunitari del Barri Vell"


def test_the_council_sets_a_goal_and_a_visitor_reads_it(new_context, council_state):
    today = local_date()
    goal = f"Horts i places per trobar-nos {uuid.uuid4().hex[:6]}"
    indicator = f"Horts comunitaris actius {uuid.uuid4().hex[:6]}"

    council = open_page(new_context, storage_state=council_state)
    council.goto("/admin/plans/")
    main(council).get_by_role("row").filter(has_text=PLAN_TITLE).get_by_role(
        "link", name=text("Goals and indicators")).click()
    expect(council.get_by_role("heading", level=1)).to_have_text(text("Goals and indicators"))
    scan(council)

    main(council).get_by_role("link", name=text("New goal"), exact=True).click()
    council.get_by_label(text("Title"), exact=True).fill(goal)
    council.get_by_label(text("Description"), exact=True).fill("Més **horts** al barri.")
    scan(council)
    main(council).get_by_role("button", name=text("Save")).click()
    expect(council.locator(".flashes")).to_contain_text(text("The goal has been added."))

    main(council).get_by_role("link", name=f"{text('Add an indicator')} ({goal})").click()
    council.get_by_label(text("Name"), exact=True).fill(indicator)
    council.get_by_label(text("Unit (optional)"), exact=True).fill("horts")
    council.get_by_label(text("Decimals"), exact=True).fill("1")
    council.get_by_label(text("Higher is better")).check()
    council.get_by_label(text("Baseline value (optional)")).fill("2")
    council.get_by_label(text("Baseline date (optional)")).fill(
        (today - timedelta(days=300)).isoformat())
    council.get_by_label(text("Target value (optional)")).fill("6")
    council.get_by_label(text("Target date (optional)")).fill(
        (today + timedelta(days=300)).isoformat())
    scan(council)
    main(council).get_by_role("button", name=text("Save")).click()
    expect(council.get_by_role("heading", level=1)).to_have_text(indicator)

    # a value that is not a number: the message, beside its field, and nothing recorded
    council.get_by_label(text("Date"), exact=True).fill((today - timedelta(days=90)).isoformat())
    council.get_by_label(text("Value"), exact=True).fill("tres")
    main(council).get_by_role("button", name=text("Record"), exact=True).click()
    expect(council.locator("#value-error")).to_have_text(
        text("Write a number, for example 12 or 3,5."))
    scan(council)

    council.get_by_label(text("Value"), exact=True).fill("3")
    main(council).get_by_role("button", name=text("Record"), exact=True).click()
    expect(council.locator(".flashes")).to_contain_text(text("The measurement has been recorded."))
    council.get_by_label(text("Date"), exact=True).fill((today - timedelta(days=2)).isoformat())
    council.get_by_label(text("Value"), exact=True).fill("4,5")
    main(council).get_by_role("button", name=text("Record"), exact=True).click()
    expect(council.locator(".flashes")).to_contain_text(text("The measurement has been recorded."))
    scan(council)

    visitor = open_page(new_context)
    visitor.goto(PLAN)
    section = main(visitor).locator("section.goal").filter(has_text=goal)
    expect(section.get_by_role("heading", level=3)).to_contain_text(goal)
    card = section.locator("article.indicator").filter(has_text=indicator)
    expect(card.locator("dd").first).to_contain_text("4,5")
    expect(card.locator("svg[role=img] title")).to_have_text(
        text("%(name)s over time", name=indicator))
    expect(card.locator("svg circle")).to_have_count(2)
    expect(card.locator("table.indicator-table tbody tr")).to_have_count(2)
    expect(card.locator("table.indicator-table tbody tr").first).to_contain_text("4,5")
    expect(card).to_contain_text(text("Better than the baseline."))
    scan(visitor)
