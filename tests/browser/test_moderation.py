"""Debates, comments and moderation, in Chromium.

The moderation journey: a resident comments on a debate with an alignment; three other
residents report it and the third report hides it (the author is e-mailed); the facilitator
restores it from the moderation queue; the council blocks the author, who can no longer sign
in. A second journey rates a comment, replies to one and sorts the thread by best rated.
axe-core scans every page on the way, and the appeal page of the demo town's hidden comment."""

import re
import uuid

from playwright.sync_api import expect

from participa.core.mail import read_outbox
from participa.seed import NEIGHBOURS
from tests.support.browser import COUNCIL_EMAIL, assert_accessible, sign_in, text

PROCESS = "/processes/places-i-espais-verds-sant-roc"
DEBATE_TITLE = "Ombra o sol a la plaça del Mercat?"
FACILITATOR = "dinamitzadora@riuclar.example"
# a neighbour no other browser test signs in as: this journey blocks them
AUTHOR = "vei21@riuclar.example"
# the demo town's reports came from vei05..vei10; these three have reported nothing
REPORTERS = ["vei13@riuclar.example", "vei14@riuclar.example", "vei15@riuclar.example"]
VOTER = "vei16@riuclar.example"
REPLIER = "vei17@riuclar.example"


def person(browser, browser_context_args, email):
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    sign_in(page, email)
    return context, page


def open_debate(page):
    """The debate, reached from the process's debates index as a person would."""
    page.goto(PROCESS + "/debates/")
    page.get_by_role("link", name=DEBATE_TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DEBATE_TITLE)
    return page.url.split("#", 1)[0].split("?", 1)[0]


def comment_id_from(url) -> int:
    return int(re.search(r"#comment-(\d+)$", url).group(1))


def root_scores(page) -> list[int]:
    """The rating (agree − disagree) of each visible top-level comment, in page order."""
    scores = []
    for item in page.locator("#comments > .comment-list > li.comment").all():
        actions = item.locator(":scope > article .comment-actions")
        if not actions.count():
            continue  # hidden or deleted: no rating shown
        up = int(actions.locator(".vote-up .n").inner_text())
        down = int(actions.locator(".vote-down .n").inner_text())
        scores.append(up - down)
    return scores


def test_report_hide_restore_and_block(browser, browser_context_args, live_server):
    marker = uuid.uuid4().hex[:8]
    body = f"Pèrgoles amb heura {marker}: ombra l'estiu i sol a l'hivern, i **ara mateix**."
    shown = f"Pèrgoles amb heura {marker}"

    # 1. the author comments on the debate, in favour
    author_context, author = person(browser, browser_context_args, AUTHOR)
    author.goto(PROCESS + "/debates/")
    expect(author.get_by_role("heading", level=1)).to_have_text(text("Debates"))
    assert_accessible(author)
    debate_url = open_debate(author)
    assert_accessible(author)
    form = author.locator("#comment-form")
    form.get_by_label(text("Your comment"), exact=True).fill(body)
    form.get_by_label(text("In favour"), exact=True).check()
    form.get_by_role("button", name=text("Publish the comment")).click()
    expect(author.locator(".flashes")).to_contain_text(text("Your comment has been published."))
    comment_id = comment_id_from(author.url)
    comment = author.locator(f"#comment-{comment_id}")
    expect(comment.locator(".prose")).to_contain_text(shown)
    expect(comment.locator(".prose strong")).to_have_text("ara mateix")
    expect(comment.locator(".badge")).to_have_text(text("In favour"))
    author_name = comment.locator(".comment-meta .author").inner_text()
    assert_accessible(author)

    # 2. three other residents report it; the third report hides it
    reasons = [text("Offensive"), text("Spam"), text("Does not belong here")]
    for i, (email, reason) in enumerate(zip(REPORTERS, reasons, strict=True)):
        context, page = person(browser, browser_context_args, email)
        page.goto(f"{debate_url}#comment-{comment_id}")
        page.locator(f"#comment-{comment_id}").get_by_role(
            "link", name=text("Report"), exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(text("Report content"))
        if i == 0:
            assert_accessible(page)
        page.get_by_label(reason, exact=True).check()
        page.get_by_label(text("Details (optional)")).fill("No aporta res al debat.")
        page.get_by_role("button", name=text("Send the report")).click()
        expect(page.locator(".flashes")).to_contain_text(
            text("Thank you. The moderators will look at your report."))
        if i < len(REPORTERS) - 1:
            expect(page.locator(f"#comment-{comment_id} .prose")).to_contain_text(shown)
        else:
            expect(page.locator(f"#comment-{comment_id} .placeholder")).to_have_text(
                text("This comment was hidden by moderation."))
            expect(page.locator("main")).not_to_contain_text(marker)
        context.close()

    # a visitor sees the placeholder too, never the text
    visitor_context = browser.new_context(**browser_context_args)
    visitor = visitor_context.new_page()
    visitor.goto(debate_url)
    expect(visitor.locator(f"#comment-{comment_id} .placeholder")).to_have_text(
        text("This comment was hidden by moderation."))
    expect(visitor.locator("main")).not_to_contain_text(marker)
    visitor_context.close()

    # the author was told by e-mail, with the way to appeal
    to_author = live_server.mail_to(AUTHOR, marker, containing="/appeal")
    assert to_author, [(m["To"], m["Subject"]) for m in read_outbox(live_server.outbox)]
    assert "/moderation/" in to_author[-1].get_content()
    assert "/appeal" in to_author[-1].get_content()

    # 3. the facilitator finds it among the hidden items and restores it
    facilitator_context, facilitator = person(browser, browser_context_args, FACILITATOR)
    facilitator.goto("/moderation/?show=hidden")
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(text("Moderation"))
    assert_accessible(facilitator)
    facilitator.get_by_role("link", name=re.compile(marker)).click()
    expect(facilitator.locator(".moderated-content")).to_contain_text(shown)
    assert_accessible(facilitator)
    facilitator.get_by_role("button", name=text("Restore it")).click()
    expect(facilitator.locator(".flashes")).to_contain_text(
        text("The content is visible again and its reports are dismissed."))
    facilitator.goto(debate_url)
    expect(facilitator.locator(f"#comment-{comment_id} .prose")).to_contain_text(shown)
    facilitator_context.close()

    # 4. the council opens the author's profile from the comment and blocks them
    council_context, council = person(browser, browser_context_args, COUNCIL_EMAIL)
    council.goto(f"{debate_url}#comment-{comment_id}")
    council.locator(f"#comment-{comment_id} .comment-meta").get_by_role(
        "link", name=author_name, exact=True).click()
    expect(council).to_have_url(re.compile(r"/accounts/people/\d+$"))
    expect(council.get_by_role("heading", level=1)).to_have_text(author_name)
    assert_accessible(council)
    council.get_by_role("link", name=text("Block %(name)s", name=author_name)).click()
    expect(council.get_by_role("heading", level=1)).to_have_text(
        text("Block %(name)s?", name=author_name))
    assert_accessible(council)
    council.get_by_label(text("Reason"), exact=True).fill("Insults repetits a altres veïns.")
    council.get_by_role("button", name=text("Block %(name)s", name=author_name)).click()
    expect(council.locator(".flashes")).to_contain_text(text(
        "%(name)s is blocked: they cannot sign in and what they wrote is hidden.",
        name=author_name))
    expect(council.locator("main")).to_contain_text(
        text("This account has been blocked by the council."))
    council_context.close()
    author_context.close()

    # 5. the author, in a fresh browser, cannot sign in
    fresh_context = browser.new_context(**browser_context_args)
    fresh = fresh_context.new_page()
    fresh.goto("/accounts/login")
    fresh.get_by_label(text("E-mail"), exact=True).fill(AUTHOR)
    fresh.get_by_label(text("Password"), exact=True).fill("plans-comunitaris-2026")
    fresh.get_by_role("main").get_by_role("button", name=text("Sign in")).click()
    expect(fresh.locator(".form-errors")).to_contain_text(
        text("This account has been blocked by the council, so it cannot sign in."))
    assert "/accounts/login" in fresh.url
    fresh_context.close()


def test_vote_reply_and_sort_by_best_rated(browser, browser_context_args):
    # 1. a resident agrees with the first comment that is not theirs
    voter_context, voter = person(browser, browser_context_args, VOTER)
    debate_url = open_debate(voter)
    first = voter.locator("#comments > .comment-list > li.comment").filter(
        has=voter.locator(".vote-up")).first
    first_id = first.get_attribute("id")
    agree = voter.locator(f"#{first_id} > article .vote-up")
    before = int(agree.locator(".n").inner_text())
    expect(agree).to_have_attribute("aria-pressed", "false")
    agree.click()
    expect(voter.locator(".flashes")).to_contain_text(text("Your rating has been saved."))
    agree = voter.locator(f"#{first_id} > article .vote-up")
    expect(agree).to_have_attribute("aria-pressed", "true")
    expect(agree.locator(".n")).to_have_text(str(before + 1))
    assert_accessible(voter)
    # pressing it again takes the vote back
    agree.click()
    agree = voter.locator(f"#{first_id} > article .vote-up")
    expect(agree).to_have_attribute("aria-pressed", "false")
    expect(agree.locator(".n")).to_have_text(str(before))
    agree.click()  # and agree for good
    expect(voter.locator(f"#{first_id} > article .vote-up")).to_have_attribute(
        "aria-pressed", "true")
    voter_context.close()

    # 2. another resident replies to that comment from the reply page
    replier_context, replier = person(browser, browser_context_args, REPLIER)
    replier.goto(debate_url)
    replier.locator(f"#{first_id} > article").get_by_role(
        "link", name=text("Reply"), exact=True).click()
    expect(replier.get_by_role("heading", level=1)).to_have_text(text("Reply to a comment"))
    expect(replier.locator(".replying-to")).to_be_visible()
    assert_accessible(replier)
    reply_text = f"D'acord, i amb fonts a prop {uuid.uuid4().hex[:6]}."
    replier.get_by_label(text("Your comment"), exact=True).fill(reply_text)
    replier.get_by_label(text("Neutral"), exact=True).check()
    replier.get_by_role("button", name=text("Publish the reply")).click()
    expect(replier.locator(".flashes")).to_contain_text(text("Your comment has been published."))
    reply_id = comment_id_from(replier.url)
    reply = replier.locator(f"#{first_id} > .replies > #comment-{reply_id}")
    expect(reply.locator(".prose")).to_have_text(reply_text)
    expect(reply.locator(".badge")).to_have_text(text("Neutral"))

    # 3. sort by best rated: the top-level ratings come out highest first
    replier.get_by_label(text("Sort comments")).select_option("best")
    replier.locator(".comment-sort").get_by_role("button", name=text("Sort"), exact=True).click()
    expect(replier).to_have_url(re.compile(r"[?&]comments=best"))
    expect(replier.get_by_label(text("Sort comments"))).to_have_value("best")
    scores = root_scores(replier)
    assert len(scores) >= 3, scores
    assert scores == sorted(scores, reverse=True), scores
    # the reply stays under its comment whatever the order
    expect(replier.locator(f"#{first_id} > .replies > #comment-{reply_id}")).to_be_visible()
    assert_accessible(replier)
    replier_context.close()


def test_appeal_page_of_the_hidden_demo_comment(browser, browser_context_args):
    # the facilitator finds the demo town's hidden comment and who wrote it
    facilitator_context, facilitator = person(browser, browser_context_args, FACILITATOR)
    facilitator.goto("/moderation/?show=appeals")
    facilitator.locator("table.queue tbody tr").first.get_by_role("link").first.click()
    moderation_id = int(re.search(r"/moderation/(\d+)$", facilitator.url).group(1))
    author_name = facilitator.locator(".facts dd a[href*='/accounts/people/']").inner_text()
    facilitator_context.close()
    email = f"vei{NEIGHBOURS.index(author_name) + 1:02d}@riuclar.example"

    author_context, author = person(browser, browser_context_args, email)
    author.goto(f"/moderation/{moderation_id}/appeal")
    expect(author.get_by_role("heading", level=1)).to_have_text(
        text("Appeal a moderation decision"))
    expect(author.get_by_role("heading", name=text("Your appeal"))).to_be_visible()
    assert_accessible(author)
    author_context.close()
