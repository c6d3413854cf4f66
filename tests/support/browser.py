"""What the browser tests share: Debian's Chromium settings, the live server's description and
start-up checks, signing in through the form, axe-core, and the texts pages show."""

import gettext
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from participa.core.mail import read_outbox

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the virtualenv's bin folder
DEMO_PASSWORD = "plans-comunitaris-2026"
COUNCIL_EMAIL = "consell@riuclar.example"
TIMEOUT_MS = 10_000  # a broken page fails in seconds, not Playwright's default 30

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class LiveServer:
    url: str
    outbox: Path

    def mail_to(self, email: str, subject_contains: str = "", *, containing: str = "",
                count=1) -> list[EmailMessage]:
        """The messages to ``email`` whose subject contains ``subject_contains`` and whose text
        contains ``containing``, oldest first, once the server's worker has sent at least
        ``count`` of them (it sends in the background, so this waits up to the browser tests'
        timeout)."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while True:
            messages = [m for m in read_outbox(self.outbox)
                        if m["To"] == email and subject_contains in m["Subject"]
                        and containing in m.get_body(("plain",)).get_content()]
            if len(messages) >= count or time.monotonic() > deadline:
                return messages
            time.sleep(0.1)


def wait_until_up(url: str, server: subprocess.Popen, log: Path, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{log.read_text()}")


def sign_in(page, email, password=DEMO_PASSWORD, *, accept_terms=True):
    """Sign in through the form, as a person would. When the terms of use have changed since
    the person last accepted them (a journey published new ones), the sign-in stops at them:
    ``accept_terms`` accepts them, as the person would, to finish signing in."""
    page.goto("/accounts/login")
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name=text("Sign in")).click()
    page.wait_for_url(lambda url: "/accounts/login" not in url)
    if accept_terms and "/accounts/terms" in page.url:
        page.get_by_role("main").get_by_role(
            "button", name=text("I accept the terms of use"), exact=True).click()
        page.wait_for_url(lambda url: "/accounts/terms" not in url)


def tick_the_terms(page):
    """On the registration form: accept the terms of use (the box is there once the council
    has published terms, as in the demo town)."""
    box = page.locator("#accept_terms")
    if box.count():
        box.check()


def assert_accessible(page):
    """Run axe-core on the page and fail on every serious or critical violation."""
    violations = Axe().run(page).response["violations"]
    bad = [v for v in violations if v.get("impact") in ("serious", "critical")]
    if bad:
        lines = [
            f"- {v['id']} ({v['impact']}): {v['help']} — first at "
            f"{v['nodes'][0]['target'] if v['nodes'] else '?'}"
            f" [{len(v['nodes'])} node(s)]"
            for v in bad
        ]
        pytest.fail(f"axe found on {page.url}:\n" + "\n".join(lines), pytrace=False)


_CATALOGS = {}


def _catalog(locale):
    if locale not in _CATALOGS:
        _CATALOGS[locale] = gettext.translation(
            "messages", ROOT / "participa" / "translations", languages=[locale], fallback=True
        )
    return _CATALOGS[locale]


def text(msgid, locale="ca", **values):
    """What the server shows for ``msgid`` in ``locale``: the compiled catalog's translation,
    or the English text while it is untranslated. Keeps the tests true as catalogs fill in."""
    translated = _catalog(locale).gettext(msgid)
    return translated % values if values else translated


def plural_text(singular, plural, num, locale="ca", **values):
    """``text`` for a message with plural forms (``ngettext``), ``num`` filled in."""
    return _catalog(locale).ngettext(singular, plural, num) % {"num": num, **values}



# --- what every journey does with a page -------------------------------------------------------

PHONE = {"width": 390, "height": 844}


def open_page(new_context, **kwargs):
    """A page in a new browser context (``kwargs`` for the context: storage_state, …) that
    waits up to the browser tests' timeout."""
    context = new_context(**kwargs)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def main(page):
    return page.get_by_role("main")


def flash(page):
    return page.locator(".flashes")


def fits_a_phone(page):
    """The page, as it stands (a form's answer included), has no sideways scroll at 390 px."""
    before = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{page.url} is {width} px wide on a 390-px phone"
    finally:
        page.set_viewport_size(before)


def scan(page):
    """axe-core (no serious or critical violation), in Catalan, and the phone's width."""
    assert page.locator("html").get_attribute("lang") == "ca"
    assert_accessible(page)
    fits_a_phone(page)


def process_action(page, label):
    """The link of a process page's action bar whose label is ``label`` (its accessible name
    also holds its count and note, e.g. "Propostes 12")."""
    return page.get_by_role("navigation", name=text("Take part")).locator("a.action").filter(
        has=page.locator(".action-label").get_by_text(label, exact=True))
