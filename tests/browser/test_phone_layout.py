"""A 390-px phone: the main pages, as a visitor, a resident and the council (the moderation
queue, a moderation item and the admin pages included), never scroll sideways; long links
wrap; a meeting's registration box is near the top; the process page is scanned by axe."""

import re

import pytest

from tests.support.browser import PHONE, TIMEOUT_MS, main, open_page, scan, sign_in, text

PROCESS = "pressupostos-participatius-barri-vell"
BUDGET_PROCESS = "inversions-barri-vell-2027"
POLL_PROCESS = "cooperacio-local-entitats"
PLAN = "pla-comunitari-barri-vell"
RESIDENT = "marta@riuclar.example"
ONLINE_MEETING = "Sessió informativa en línia sobre els pressupostos"

VISITOR_PAGES = [
    "/",
    "/processes/",
    f"/processes/{PROCESS}",
    "/processes/cooperacio-local-entitats",
    f"/processes/{PROCESS}/proposals/",
    f"/processes/{PROCESS}/meetings/",
    "/meetings/",
    f"/processes/{PROCESS}/debates/",
    f"/processes/{BUDGET_PROCESS}/budgets/",
    f"/processes/{POLL_PROCESS}/polls/",
    "/plans/",
    f"/plans/{PLAN}",
    f"/plans/{PLAN}/dashboard",
    f"/plans/{PLAN}/results/",
    "/results/",
    "/neighbourhoods/",
    "/neighbourhoods/barri-vell",
    "/accounts/login",
    "/accounts/register",
]

RESIDENT_PAGES = [
    "/accounts/me",
    f"/processes/{PROCESS}/proposals/new",
]

COUNCIL_PAGES = [
    "/moderation/",
    "/admin/",
    "/admin/neighbourhoods/",
    "/admin/plans/",
    "/admin/plans/new",
    "/admin/processes/",
    "/admin/processes/new",
    "/admin/results/",
    "/admin/census/",
    "/admin/jobs",
    "/admin/log",
    f"/processes/{BUDGET_PROCESS}/budgets/manage/",
]


def overflow(page) -> int:
    """How many pixels the page is wider than the phone (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")


def assert_fits(page, path):
    response = page.goto(path)
    assert response.status == 200, f"{path}: {response.status}"
    extra = overflow(page)
    if extra > 0:
        culprits = page.evaluate(
            """() => [...document.querySelectorAll('main *, header *')].filter(e =>
                e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
        pytest.fail(f"{path} is {extra} px wider than a 390-px phone ({culprits})",
                    pytrace=False)


def first_link(page, index_path, pattern):
    """The first link in the main content of ``index_path`` whose path matches ``pattern``."""
    page.goto(index_path)
    paths = page.evaluate("[...document.querySelectorAll('main a')].map(a => a.pathname)")
    found = next((p for p in paths if re.search(pattern, p)), None)
    assert found, f"no link matching {pattern} on {index_path}"
    return found


@pytest.fixture
def phone(new_context):
    return open_page(new_context, viewport=PHONE)


@pytest.fixture
def council_phone(new_context, council_state):
    return open_page(new_context, storage_state=council_state, viewport=PHONE)


def test_visitor_pages_fit_a_phone(phone):
    for path in VISITOR_PAGES:
        assert_fits(phone, path)
    # one of each kind of content, reached from its list
    for index, pattern in ((f"/processes/{PROCESS}/proposals/", r"/proposals/\d+$"),
                           (f"/processes/{PROCESS}/debates/", r"/debates/\d+$"),
                           (f"/processes/{PROCESS}/meetings/", r"/meetings/\d+$"),
                           (f"/processes/{BUDGET_PROCESS}/budgets/", r"/budgets/\d+$"),
                           (f"/processes/{POLL_PROCESS}/polls/", r"/polls/\d+$"),
                           (f"/plans/{PLAN}/results/", r"/results/\d+$")):
        assert_fits(phone, first_link(phone, index, pattern))


def test_resident_pages_fit_a_phone(new_context):
    page = open_page(new_context, viewport=PHONE)
    sign_in(page, RESIDENT)
    for path in RESIDENT_PAGES:
        assert_fits(page, path)


def test_council_pages_fit_a_phone(council_phone):
    page = council_phone
    for path in COUNCIL_PAGES:
        assert_fits(page, path)
    assert_fits(page, first_link(page, "/moderation/", r"^/moderation/\d+$"))
    assert_fits(page, first_link(page, "/admin/processes/", r"^/admin/processes/\d+/$"))


def test_an_online_meeting_link_wraps_and_registration_comes_first(council_phone):
    """The council sees the online meeting's whole (long) link; it wraps. Registration is on
    the phone's first screen."""
    page = council_phone
    page.goto(f"/processes/{PROCESS}/meetings/")
    main(page).get_by_role("link", name=ONLINE_MEETING).click()
    page.wait_for_url(re.compile(r"/meetings/\d+$"))
    assert "config.prejoinPageEnabled" in main(page).inner_text()
    assert overflow(page) <= 0, f"{page.url} scrolls sideways"
    heading = page.get_by_role("heading", name=text("Registration"), exact=True)
    assert heading.bounding_box()["y"] < PHONE["height"], "the registration box is below the fold"


def test_process_page_is_accessible_on_a_phone(phone):
    phone.goto(f"/processes/{PROCESS}")
    scan(phone)
    stepper = phone.locator("ol.stepper")
    assert stepper.locator("[aria-current=step]").count() == 1
    # the actions come before the description
    actions_y = phone.locator(".process-actions").bounding_box()["y"]
    prose_y = phone.locator(".process-description").bounding_box()["y"]
    assert actions_y < prose_y


def test_finished_process_page_is_accessible(new_context):
    page = open_page(new_context)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto("/processes/")
    finished = page.evaluate(
        """[...document.querySelectorAll('main .card')]
            .filter(c => c.querySelector('.status-finished'))
            .map(c => c.querySelector('a').pathname)""")
    assert finished, "the demo town has no finished process"
    page.goto(finished[0])  # its outcomes section is checked in tests/processes
    assert page.locator(".process-actions, .process-outcomes").count() >= 1
    scan(page)
