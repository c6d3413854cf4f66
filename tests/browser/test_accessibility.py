"""axe-core on every main page (WCAG 2.2 AA): any serious or critical violation fails.

Pages are served in Catalan (the browser asks for ca-ES); the home page is also checked in
Spanish and English. axe is injected through Playwright's evaluate, which the page's
Content-Security-Policy does not block, so the pages are scanned with their real CSP."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import TIMEOUT_MS, assert_accessible, text

PLAN = "pla-comunitari-sant-roc-can-puig"
PROCESS = "pressupostos-participatius-barri-vell"

VISITOR_PAGES = [
    "/",
    "/plans/",
    f"/plans/{PLAN}",
    "/processes/",
    f"/processes/{PROCESS}",
    "/neighbourhoods/",
    "/neighbourhoods/barri-vell",
    "/accounts/login",
    "/accounts/register",
    "/accounts/reset",
    "/no-such-page",
]

COUNCIL_PAGES = [
    "/accounts/me",
    "/admin/",
    "/admin/neighbourhoods/",
    "/admin/neighbourhoods/new",
    "/admin/plans/",
    "/admin/plans/new",
    "/admin/processes/",
    "/admin/processes/new",
    "/admin/jobs",
    "/admin/log",
    "/moderation/",
]


@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_visitor_page_is_accessible(page, path):
    response = page.goto(path)
    assert response.status == (404 if path == "/no-such-page" else 200)
    assert page.locator("html").get_attribute("lang") == "ca"
    assert_accessible(page)


@pytest.mark.parametrize("locale", ["es", "en"])
def test_home_page_is_accessible_in_each_language(page, locale):
    page.goto("/")
    page.get_by_role("button", name={"es": "Español", "en": "English"}[locale]).click()
    # The button posts a form and the page reloads: wait on the new document's <html>, which
    # a predicate evaluated during the navigation could find missing.
    expect(page.locator("html")).to_have_attribute("lang", locale)
    assert_accessible(page)


def test_login_errors_are_accessible(page):
    page.goto("/accounts/login")
    page.locator("#email").fill("nobody@riuclar.example")
    page.locator("#password").fill("not the right password")
    page.locator("main form button[type=submit]").click()
    expect_text = text("The e-mail or the password is not correct.")
    assert page.get_by_role("alert").inner_text().strip() == expect_text
    assert_accessible(page)


def test_register_field_errors_are_accessible(page):
    page.goto("/accounts/register")
    page.locator("#email").fill("not an address")
    page.locator("#password").fill("short")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#email-error")
    assert page.locator("#email").get_attribute("aria-invalid") == "true"
    assert_accessible(page)


@pytest.fixture
def council_page(new_context, council_state):
    context = new_context(storage_state=council_state)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.mark.parametrize("path", COUNCIL_PAGES)
def test_council_page_is_accessible(council_page, path):
    response = council_page.goto(path)
    assert response.status == 200, response.url
    assert_accessible(council_page)


def test_process_management_pages_are_accessible(council_page):
    page = council_page
    page.goto(f"/processes/{PROCESS}")
    page.get_by_role("link", name=text("Manage this process")).click()
    page.wait_for_url("**/admin/processes/*/")
    assert_accessible(page)

    page.get_by_role("link", name=text("Add a phase")).click()
    page.wait_for_url("**/phases/new")
    assert_accessible(page)

    # the phase form with its errors shown (end before start)
    page.locator("#starts_at").fill("2026-05-10T18:00")
    page.locator("#ends_at").fill("2026-05-01T18:00")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#ends_at-error")
    assert_accessible(page)


# a 390-px phone: tests/browser/test_phone_layout.py opens these pages and more
