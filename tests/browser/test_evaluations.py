"""Evaluations in Chromium, as people use them: the council opens an evaluation of the Barri
Vell's plan and its questionnaire; a resident answers it from the plan's page; the council
assesses every goal and publishes it; a visitor finds it on the plan's page and reads it.
axe-core scans the questionnaire and the evaluation's page, and both fit a 390-px phone.

The period is the plan's first weeks (400 to 366 days ago), which no other evaluation of the
demo looks at, so the journey holds whether or not the demo town has its own evaluation. Visible
texts come from ``text(msgid)``; pages are in Catalan."""

import uuid
from datetime import timedelta

from playwright.sync_api import expect

from participa.core.timeutil import local_date
from tests.support.browser import (
    flash,
    main,
    open_page,
    scan,
    sign_in,
    text,
)

PLAN = "pla-comunitari-barri-vell"
RESIDENT_EMAIL = "marta@riuclar.example"


def test_the_council_publishes_an_evaluation_a_resident_answered(new_context, council_state):
    title = f"Avaluació dels primers mesos {uuid.uuid4().hex[:4]}"
    today = local_date()
    council = open_page(new_context, storage_state=council_state)

    # the council opens it from the plan's page, with its conclusions
    council.goto(f"/plans/{PLAN}")
    main(council).get_by_role("link", name=text("Manage evaluations"), exact=True).click()
    main(council).get_by_role("link", name=text("New evaluation"), exact=True).click()
    council.get_by_label(text("Title"), exact=True).fill(title)
    council.get_by_label(text("The period starts on"), exact=True).fill(
        (today - timedelta(days=400)).isoformat())
    council.get_by_label(text("The period ends on"), exact=True).fill(
        (today - timedelta(days=366)).isoformat())
    council.get_by_label(text("Conclusions"), exact=True).fill(
        "Uns primers mesos per **conèixer-nos**.")
    main(council).get_by_role("button", name=text("Save"), exact=True).click()
    expect(flash(council)).to_contain_text(text(
        "The evaluation has been opened, with the indicators and results as they stood at the "
        "end of the period."))
    expect(council.get_by_role("heading", level=1)).to_have_text(title)
    main(council).get_by_role("button", name=text("Open the questionnaire"), exact=True).click()
    expect(flash(council)).to_contain_text(
        text("The questionnaire is open: signed-in residents can answer it."))
    manage_url = council.url

    # a resident answers the questionnaire from the plan's page
    resident = open_page(new_context)
    sign_in(resident, RESIDENT_EMAIL)
    resident.goto(f"/plans/{PLAN}")
    main(resident).get_by_role("link", name=text("Answer the satisfaction questionnaire"),
                               exact=True).first.click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(
        text("Satisfaction questionnaire"))
    scan(resident)
    for statement, value in (("The plan has improved the neighbourhood", "4"),
                             ("I could take part in the plan", "5"),
                             ("I was kept informed about the plan", "2")):
        main(resident).get_by_role("group", name=text(statement)).get_by_label(
            value, exact=True).check()
    resident.get_by_label(text("Comment (optional)"), exact=True).fill(
        "Cal avisar abans de les reunions.")
    main(resident).get_by_role("button", name=text("Send my answer"), exact=True).click()
    expect(flash(resident)).to_contain_text(text(
        "Thank you: your answer has been saved. You can change it until the questionnaire "
        "closes."))

    # the council assesses every goal, then publishes
    council.goto(manage_url)
    links = main(council).get_by_role("link", name=text("Assess %(goal)s", goal="")[:6])
    count = links.count()
    assert count >= 3
    for n in range(count):
        main(council).get_by_role("link", name=text("Assess %(goal)s", goal="")[:6]).nth(
            n).click()
        main(council).get_by_role("group", name=text("Was the goal achieved?")).get_by_label(
            text("Partly achieved"), exact=True).check()
        council.get_by_label(text("Reasons"), exact=True).fill(
            "Hem començat bé, però queda **molt** per fer.")
        main(council).get_by_role("button", name=text("Save"), exact=True).click()
        expect(flash(council)).to_contain_text(text("The goal's assessment has been saved."))
    main(council).get_by_role("button", name=text("Publish the evaluation"), exact=True).click()
    expect(flash(council)).to_contain_text(
        text("The evaluation has been published on the plan's page."))

    # a visitor finds it on the plan's page and reads it
    visitor = open_page(new_context)
    visitor.goto(f"/plans/{PLAN}")
    main(visitor).get_by_role("link", name=title, exact=True).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(main(visitor)).to_contain_text(text("Partly achieved"))
    expect(main(visitor)).to_contain_text("Hem començat bé, però queda molt per fer.")
    expect(main(visitor)).to_contain_text("Uns primers mesos per conèixer-nos.")
    expect(main(visitor)).to_contain_text("Cal avisar abans de les reunions.")
    expect(main(visitor)).to_contain_text(text("Indicators at the end of the period"))
    scan(visitor)
