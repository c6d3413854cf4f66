"""What people do, done as they do it: real clicks and typing in Chromium.

Visible texts are looked up with ``text(msgid, locale)`` (the compiled catalog's translation),
so the journeys hold whether or not a catalog has been filled in yet."""

import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.support.browser import COUNCIL_EMAIL, flash, sign_in, text, tick_the_terms

MADRID = ZoneInfo("Europe/Madrid")
FACILITATOR_EMAIL = "dinamitzadora@riuclar.example"


def unique_email(who: str) -> str:
    return f"{who}.{uuid.uuid4().hex[:8]}@riuclar.example"


def account_nav(page, locale="ca"):
    return page.get_by_role("navigation", name=text("Account", locale))


def register(page, live_server, name, email, password):
    """From the home page, through the header's Register link, then the link e-mailed to
    confirm the address, as a newcomer would."""
    page.goto("/")
    account_nav(page).get_by_role("link", name=text("Register")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Create an account"))
    page.get_by_label(text("Name"), exact=True).fill(name)
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_label(text("Repeat the password"), exact=True).fill(password)
    tick_the_terms(page)
    page.get_by_role("button", name=text("Create my account")).click()
    expect(flash(page)).to_contain_text(
        text("We have sent a message to %(email)s. Open the link in it to finish creating "
             "your account.", email=email)
    )
    page.goto(_mailed_link(live_server, email, "/accounts/confirm/"))
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_role("button", name=text("Confirm my account")).click()
    expect(flash(page)).to_contain_text(
        text("Welcome to Participa, %(name)s. Your account is ready.", name=name)
    )


def sign_out(page, locale="ca"):
    account_nav(page, locale).get_by_role("button", name=text("Sign out", locale)).click()
    expect(flash(page)).to_contain_text(text("You are signed out.", locale))
    sign_in_link = account_nav(page, locale).get_by_role("link", name=text("Sign in", locale))
    expect(sign_in_link).to_be_visible()


def sign_in_through_header(page, email, password):
    account_nav(page).get_by_role("link", name=text("Sign in")).click()
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_label(text("Password"), exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name=text("Sign in")).click()


def expect_signed_in(page, locale="ca"):
    nav = account_nav(page, locale)
    expect(nav.get_by_role("link", name=text("My account", locale))).to_be_visible()
    expect(nav.get_by_role("button", name=text("Sign out", locale))).to_be_visible()


def current_step(page):
    return page.locator("ol.stepper li[aria-current='step']")


def test_newcomer_registers_switches_language_and_follows_a_process(page, live_server):
    name, email = "Laia Ferrer", unique_email("laia")
    password = "el barri es fa entre totes"
    register(page, live_server, name, email, password)
    expect_signed_in(page)

    sign_out(page)
    sign_in_through_header(page, email, password)
    expect(flash(page)).to_contain_text(text("You are signed in."))
    expect_signed_in(page)

    html = page.locator("html")
    heading = "Decide together how your neighbourhood grows"
    expect(html).to_have_attribute("lang", "ca")
    for locale, button in (("es", "Español"), ("en", "English")):
        page.get_by_role("button", name=button, exact=True).click()
        expect(html).to_have_attribute("lang", locale)
        expect(page.get_by_role("heading", level=1)).to_have_text(text(heading, locale))
        expect(page.get_by_role("button", name=button, exact=True)).to_have_attribute(
            "aria-current", "true"
        )
        expect_signed_in(page, locale)

    page.get_by_role("navigation", name=text("Main", "en")).get_by_role(
        "link", name=text("Community plans", "en")
    ).click()
    expect(page).to_have_url(re.compile(r"/plans/$"))
    # the council's texts in the reader's language (participa/seed/translations.py)
    page.get_by_role("link", name="Barri Vell Community Plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Barri Vell Community Plan")
    page.get_by_role("link", name="Barri Vell Participatory Budget 2027").click()
    expect(page).to_have_url(re.compile(r"/processes/pressupostos-participatius-barri-vell$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Barri Vell Participatory Budget 2027"
    )
    # four phases, the proposals phase running now and marked as the current step
    expect(page.locator("ol.stepper > li")).to_have_count(4)
    expect(current_step(page)).to_have_count(1)
    expect(current_step(page).locator(".step-title")).to_have_text(text("Proposals", "en"))
    expect(current_step(page)).to_contain_text(text("Current phase", "en"))


def test_council_sets_up_a_plan_and_a_running_process(page):
    suffix = uuid.uuid4().hex[:4]
    neighbourhood = f"El Molí {suffix}"
    plan_title = f"Pla Comunitari del Molí i Les Basses {suffix}"
    process_title = f"Horts compartits del Molí {suffix}"

    def open_admin(section):
        """Administració in the header, then a section of the administration's menu."""
        page.get_by_role("navigation", name=text("Main")).get_by_role(
            "link", name=text("Administration")
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(text("Administration"))
        page.get_by_role("navigation", name=text("Administration")).get_by_role(
            "link", name=text(section)
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(text(section))

    sign_in(page, COUNCIL_EMAIL)

    # a neighbourhood
    open_admin("Neighbourhoods")
    page.get_by_role("link", name=text("New neighbourhood")).click()
    page.get_by_label(text("Name"), exact=True).fill(neighbourhood)
    page.get_by_label(text("District"), exact=True).fill("Llevant")
    page.get_by_label(text("Population (optional)"), exact=True).fill("3200")
    page.get_by_role("button", name=text("Save")).click()
    expect(page.get_by_role("cell", name=neighbourhood, exact=True)).to_be_visible()

    # a community plan spanning two neighbourhoods
    open_admin("Community plans")
    page.get_by_role("link", name=text("New community plan")).click()
    page.get_by_label(text("Title"), exact=True).fill(plan_title)
    page.get_by_label(text("Summary"), exact=True).fill("Dos barris, un sol pla.")
    page.get_by_label(text("Description"), exact=True).fill("## Objectius\n\n- Horts i places.")
    page.get_by_label(text("Starts on"), exact=True).fill(datetime.now(MADRID).date().isoformat())
    page.get_by_label(text("Status"), exact=True).select_option("active")
    page.get_by_label(neighbourhood, exact=True).check()
    page.get_by_label("Les Basses", exact=True).check()
    page.get_by_role("button", name=text("Save")).click()
    expect(flash(page)).to_contain_text(text("The community plan has been created."))
    expect(page.get_by_role("heading", level=1)).to_have_text(plan_title)
    for name in (neighbourhood, "Les Basses"):
        expect(page.get_by_role("main").get_by_role("link", name=name, exact=True)).to_be_visible()

    # a published process in that plan
    open_admin("Processes")
    page.get_by_role("link", name=text("New process")).click()
    page.get_by_label(text("Title"), exact=True).fill(process_title)
    page.get_by_label(text("Community plan"), exact=True).select_option(label=plan_title)
    page.get_by_label(text("Summary"), exact=True).fill("On plantem aquesta primavera?")
    page.get_by_label(neighbourhood, exact=True).check()
    page.get_by_label(text("Published (visible to everyone)"), exact=True).check()
    page.get_by_role("button", name=text("Save")).click()
    expect(flash(page)).to_contain_text(text("The process has been created. Now add its phases."))
    expect(page.get_by_role("heading", level=1)).to_have_text(process_title)

    # a phase running now (times typed in Europe/Madrid)
    page.get_by_role("link", name=text("Add a phase")).click()
    now = datetime.now(MADRID)
    page.get_by_label(text("Kind of phase"), exact=True).select_option("proposals")
    page.get_by_label(text("Starts at"), exact=True).fill(
        (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_label(text("Ends at"), exact=True).fill(
        (now + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_role("button", name=text("Save")).click()
    expect(flash(page)).to_contain_text(text("The phase has been added."))
    current_row = page.locator("tr.active")
    expect(current_row).to_contain_text(text("Proposals"))
    expect(current_row).to_contain_text(text("Current phase"))

    # a category
    page.get_by_label(text("Category name"), exact=True).fill("Horts urbans")
    page.get_by_role("button", name=text("Add the category")).click()
    expect(flash(page)).to_contain_text(text("The category has been added."))
    categories = page.get_by_role("region", name=text("Categories"))
    expect(categories.get_by_role("listitem").filter(has_text="Horts urbans")).to_be_visible()

    # the facilitator
    page.get_by_label(text("E-mail of the person"), exact=True).fill(FACILITATOR_EMAIL)
    page.get_by_role("button", name=text("Add the facilitator")).click()
    expect(flash(page)).to_contain_text(text("The person now facilitates this process."))
    facilitators = page.get_by_role("region", name=text("Facilitators"))
    expect(facilitators).to_contain_text(FACILITATOR_EMAIL)

    # the public page shows the running phase as the current step
    page.get_by_role("link", name=text("See the public page")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(process_title)
    expect(current_step(page)).to_have_count(1)
    expect(current_step(page).locator(".step-title")).to_have_text(text("Proposals"))
    expect(page.get_by_role("region", name=text("About this process"))).to_contain_text(
        "Horts urbans")

    # ... and the plan it belongs to lists the process
    page.get_by_role("main").get_by_role("link", name=plan_title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(plan_title)
    expect(page.get_by_role("main").get_by_role("link", name=process_title)).to_be_visible()


def _mailed_link(live_server, email, path):
    """The newest link to ``path`` e-mailed to ``email``."""
    for message in reversed(live_server.mail_to(email, containing=path)):
        body = message.get_body(("plain",)).get_content()
        match = re.search(r"https?://\S+" + re.escape(path) + r"\S+", body)
        if match:
            return match.group(0)
    raise AssertionError(f"no link to {path} e-mailed to {email} in {live_server.outbox}")


def _reset_link(live_server, email):
    return _mailed_link(live_server, email, "/accounts/reset/")


def test_password_reset_by_e_mail(page, live_server):
    email = unique_email("jan")
    old_password, new_password = "la plaça del mercat", "els horts del rec a la tardor"
    register(page, live_server, "Jan Rovira", email, old_password)
    sign_out(page)

    account_nav(page).get_by_role("link", name=text("Sign in")).click()
    page.get_by_role("link", name=text("Forgot your password?")).click()
    expect(page).to_have_url(re.compile(r"/accounts/reset$"))
    page.get_by_label(text("E-mail"), exact=True).fill(email)
    page.get_by_role("button", name=text("Send me the link")).click()
    expect(page).to_have_url(re.compile(r"/accounts/login$"))
    expect(flash(page)).to_contain_text(
        text("If an account uses this address, we have sent it a link to choose a new "
             "password. The link works once, for one hour.")
    )

    link = _reset_link(live_server, email)
    assert link.startswith(live_server.url)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Choose a new password"))
    page.get_by_label(text("Password"), exact=True).fill(new_password)
    page.get_by_label(text("Repeat the password"), exact=True).fill(new_password)
    page.get_by_role("button", name=text("Save the new password")).click()
    expect(flash(page)).to_contain_text(text("Your password has been changed."))
    expect_signed_in(page)
    sign_out(page)

    # the link worked once
    page.goto(link)
    expect(page).to_have_url(re.compile(r"/accounts/reset$"))
    expect(flash(page)).to_contain_text(text("This link is not valid any more. Ask for a new one."))

    # the old password no longer opens the account; the new one does
    page.goto("/")
    sign_in_through_header(page, email, old_password)
    expect(page.get_by_role("alert")).to_have_text(
        text("The e-mail or the password is not correct.")
    )
    page.get_by_label(text("Password"), exact=True).fill(new_password)
    page.get_by_role("main").get_by_role("button", name=text("Sign in")).click()
    expect(flash(page)).to_contain_text(text("You are signed in."))
    expect_signed_in(page)


def test_first_tab_focuses_the_skip_link(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=text("Skip to content"))
    expect(skip).to_be_focused()
    expect(skip).to_have_attribute("href", "#main")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
