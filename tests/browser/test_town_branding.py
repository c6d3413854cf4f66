"""The town's own face in Chromium: the demo town (Riuclar) shows its logo and name in the
header, its name in the title and its colours (through /town.css, with the real CSP); the
council's page refuses a colour without contrast, naming the ratio. axe-core scans both pages,
fitting a 390-px phone. Pages are in Catalan."""

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, scan, text

RIVER_BLUE = "rgb(29, 79, 122)"  # the demo town's main colour, #1d4f7a


def test_the_demo_towns_face(new_context):
    page = open_page(new_context)
    page.goto("/")
    expect(page).to_have_title(f"{text('Home')} · Riuclar")
    brand = page.locator("header .brand")
    expect(brand).to_contain_text("Riuclar")
    logo = brand.get_by_role("img", name="Riuclar")
    expect(logo).to_be_visible()
    assert logo.get_attribute("width") and logo.get_attribute("height")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    header = page.locator("header.site-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == RIVER_BLUE
    button = page.locator(".site-search button")  # --brand-dark, from the same stylesheet
    assert button.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(22, 59, 92)"
    scan(page)

    page.goto("/plans/")
    expect(page).to_have_title(f"{text('Community plans')} · Riuclar")


def test_the_council_is_told_a_colour_lacks_contrast(new_context, council_state):
    page = open_page(new_context, storage_state=council_state)
    page.goto("/admin/town/")
    expect(page).to_have_title(f"{text('Name, logo and colours')} · Riuclar")
    field = page.get_by_label(text("Main colour"), exact=True)
    expect(field).to_have_value("#1d4f7a")
    field.fill("#777777")
    main(page).get_by_role("button", name=text("Save"), exact=True).click()
    expect(main(page)).to_contain_text("4,11:1")
    expect(field).to_have_attribute("aria-invalid", "true")
    scan(page)
    # the same colours again: saved, nothing changes for the other tests
    field.fill("#1d4f7a")
    main(page).get_by_role("button", name=text("Save"), exact=True).click()
    expect(flash(page)).to_contain_text(text("The town's name, logo and colours have been saved."))
    assert page.locator("header.site-header").evaluate(
        "el => getComputedStyle(el).backgroundColor") == RIVER_BLUE
    scan(page)
