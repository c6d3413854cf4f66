"""Acting on behalf of an association and co-authoring, in Chromium: Marta, who administers
the Barri Vell's neighbours' association, publishes a proposal as the association (the page
says "<association>, by Marta Soler"), invites Jordi to co-author it, and Jordi, e-mailed,
accepts on the proposal's page, which then lists him. axe-core scans the proposal form and
the proposal page (and the co-authors page), each fitting a 390-px phone. Pages are in
Catalan; visible texts come from ``text(msgid)``."""

import re
import uuid

from playwright.sync_api import expect

from tests.support.browser import flash, main, open_page, scan, sign_in, text

PROCESS = "/processes/pressupostos-participatius-barri-vell"
MARTA = "marta@riuclar.example"
JORDI = "jordi@riuclar.example"
AVV = "Associació de Veïns del Barri Vell"


def test_marta_publishes_as_the_association_and_jordi_co_authors(new_context, live_server):
    title = f"Voreres amples al carrer de la Creu {uuid.uuid4().hex[:6]}"

    # Marta proposes on behalf of the association she administers
    marta = open_page(new_context)
    sign_in(marta, MARTA)
    marta.goto(f"{PROCESS}/proposals/new")
    expect(marta.get_by_role("heading", level=1)).to_have_text(text("New proposal"))
    publish_as = marta.get_by_label(text("Publish as"), exact=True)
    expect(publish_as.locator("option")).to_contain_text([text("Yourself"), AVV])
    scan(marta)
    marta.get_by_label(text("Title"), exact=True).fill(title)
    marta.get_by_label(text("Your proposal"), exact=True).fill(
        "Les voreres del carrer de la Creu no arriben a un metre: cal **eixamplar-les**.")
    publish_as.select_option(label=AVV)
    main(marta).get_by_role("button", name=text("Preview")).click()
    expect(main(marta).get_by_role("region", name=text("Preview"))).to_contain_text(
        text("%(association)s, by %(name)s", association=AVV, name="Marta Soler"))
    scan(marta)
    main(marta).get_by_role("button", name=text("Publish"), exact=True).click()
    expect(flash(marta)).to_contain_text(text("Your proposal has been published."))
    expect(marta.get_by_role("heading", level=1)).to_have_text(title)
    byline = text("%(association)s, by %(name)s", association=AVV, name="Marta Soler")
    expect(main(marta).locator(".proposal .meta")).to_contain_text(byline)
    expect(main(marta).locator(".proposal .meta").get_by_role("link", name=AVV)).to_have_attribute(
        "href", "/associations/associacio-de-veins-del-barri-vell")
    scan(marta)
    proposal_url = marta.url

    # she invites Jordi by his e-mail address
    main(marta).get_by_role("link", name=text("Co-authors"), exact=True).click()
    expect(marta.get_by_role("heading", level=1)).to_have_text(text("Co-authors"))
    scan(marta)
    marta.get_by_label(text("Their e-mail address"), exact=True).fill(JORDI)
    main(marta).get_by_role("button", name=text("Invite"), exact=True).click()
    expect(flash(marta)).to_contain_text(text(
        "Invitation saved. If %(email)s belongs to someone on Participa, they will get an "
        "e-mail to accept or decline it.", email=JORDI))
    expect(main(marta).locator(".coauthor-list")).to_contain_text(JORDI)

    # Jordi, e-mailed in his language, accepts on the proposal's page
    [invitation] = live_server.mail_to(JORDI, text(
        '%(author)s invites you to co-author "%(title)s"', author="Marta Soler", title=title))
    body = invitation.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+", body).group(0)
    assert link.endswith("#coauthoring") and proposal_url.split("/", 3)[3] in link
    jordi = open_page(new_context)
    sign_in(jordi, JORDI)
    jordi.goto("/" + link.split("/", 3)[3])  # the link, on the test's server
    section = main(jordi).get_by_role("region", name=text("Co-authoring"))
    expect(section).to_contain_text(text(
        "%(author)s invites you to co-author this proposal. Co-authors are listed with the "
        "author and may edit it as the author can.", author="Marta Soler"))
    scan(jordi)
    section.get_by_role("button", name=text("Accept"), exact=True).click()
    expect(flash(jordi)).to_contain_text(text(
        "You have accepted: the proposal now lists you as a co-author."))
    expect(main(jordi).locator(".proposal .meta")).to_contain_text(text(
        "Proposal by %(name)s, with %(coauthors)s", name=byline, coauthors="Jordi Casals"))
    expect(main(jordi).get_by_role("link", name=text("Edit"), exact=True)).to_be_visible()
    scan(jordi)

    # everyone reads it so, on the page and in the list
    visitor = open_page(new_context)
    visitor.goto(proposal_url)
    expect(main(visitor).locator(".proposal .meta")).to_contain_text(text(
        "Proposal by %(name)s, with %(coauthors)s", name=byline, coauthors="Jordi Casals"))
    expect(main(visitor).get_by_role("region", name=text("Co-authoring"))).to_have_count(0)
    visitor.goto(f"{PROCESS}/proposals/")
    expect(main(visitor).locator("article.proposal-card").filter(has_text=title)).to_contain_text(
        byline)
