"""Moderation through the test client: the queue and its decisions, blocking people, appeals
and the public figures."""

import re

import pytest

from participa.moderation import operations
from participa.moderation.models import ModerationStatus
from participa.moderation.queries import moderation_of
from tests.support import factories
from tests.support.comments import counter_is_true, make_comment
from tests.support.moderation import (
    BLOCKED_MESSAGE,
    COMMENT_TEXT,
    refreshed,
    report,
    report_by,
    report_url_of,
    signed_in,
    target_of,
)
from tests.support.proposals import make_proposal
from tests.support.records import log_entries
from tests.support.web import login, post, sync, text

# --- the queue --------------------------------------------------------------------------------


@pytest.fixture
def reported(process, author, facilitator):
    """A reported comment in ``process``, one in another process and a reported profile."""
    own = make_comment(make_proposal(process, factories.make_user()), author,
                       "Comentari del Raval.")
    other_process = factories.make_process(title="Places del Poble-sec")
    foreign = make_comment(make_proposal(other_process, factories.make_user()), author,
                           "Comentari del Poble-sec.")
    profile = factories.make_user(name="Perfil Dubtós")
    for item in (own, foreign, profile):
        report(item, factories.make_user(), "offensive")
    return own, foreign, profile


def test_the_queue_is_for_moderators(client, reported, other, commit):
    commit()
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert "/accounts/login" in response.headers["Location"]
    login(client, other)
    assert client.get("/moderation/").status_code == 403
    own = moderation_of(reported[0])
    assert client.get(f"/moderation/{own.id}").status_code == 403


def test_a_facilitator_sees_only_their_processes(client, reported, facilitator, commit):
    own, foreign, profile = (moderation_of(item) for item in reported)
    commit()
    login(client, facilitator)

    html = text(client.get("/moderation/"))

    assert "Comentari del Raval." in html
    assert "Comentari del Poble-sec." not in html
    assert "Perfil Dubtós" not in html
    assert client.get(f"/moderation/{own.id}").status_code == 200
    assert client.get(f"/moderation/{foreign.id}").status_code == 403
    assert client.get(f"/moderation/{profile.id}").status_code == 403
    assert client.get("/moderation/999999").status_code == 404


def test_the_council_sees_everything(client, reported, council, commit):
    moderations = [moderation_of(item) for item in reported]
    commit()
    login(client, council)
    html = text(client.get("/moderation/"))
    for name in ("Comentari del Raval.", "Comentari del Poble-sec.", "Perfil Dubtós"):
        assert name in html
    for moderation in moderations:
        assert client.get(f"/moderation/{moderation.id}").status_code == 200


def test_the_item_page_shows_hidden_text_to_moderators(client, comment, facilitator, commit):
    report_by(comment, 3)
    moderation = moderation_of(comment)
    commit()
    login(client, facilitator)
    html = text(client.get(f"/moderation/{moderation.id}"))
    assert COMMENT_TEXT in html
    assert "hid content after reports" in html or "Automatically" in html


@pytest.mark.parametrize("action, reports, status_after", [
    ("hide", 1, ModerationStatus.HIDDEN),
    ("ignore", 1, ModerationStatus.IGNORED),
    ("unhide", 3, ModerationStatus.RESTORED),
])
def test_decisions(client, comment, facilitator, commit, action, reports, status_after):
    report_by(comment, reports)
    moderation = moderation_of(comment)
    commit()
    login(client, facilitator)
    url = f"/moderation/{moderation.id}"

    response = post(client, f"{url}/{action}", {"reason": "Insults a neighbour."},
                    token_from=url)

    assert response.status_code == 302
    assert response.headers["Location"].endswith(url)
    sync()
    assert refreshed(moderation).status is status_after
    assert (refreshed(comment).hidden_at is not None) is (action == "hide")
    assert counter_is_true(target_of(comment))


def test_hiding_tells_the_author(client, comment, facilitator, outbox, commit):
    report_by(comment, 1, reason="spam")
    moderation = moderation_of(comment)
    commit()
    login(client, facilitator)
    post(client, f"/moderation/{moderation.id}/hide", {"reason": "Advertising a shop."},
         token_from=f"/moderation/{moderation.id}")
    (message,) = [m for m in outbox() if m["To"] == "aina@example.org"]
    assert "A moderator hid it" in message.get_content()
    assert "The moderator's reason:\nAdvertising a shop." in message.get_content()
    assert f"/moderation/{moderation.id}/appeal" in message.get_content()


@pytest.mark.parametrize("action", ["hide", "unhide", "ignore", "keep-hidden"])
def test_decisions_are_403_for_a_facilitator_of_another_process(client, comment, author,
                                                                action, commit):
    report_by(comment, 3)
    moderation = moderation_of(comment)
    operations.appeal(moderation, "Mireu-ho bé.", actor=author)
    stranger = factories.make_user("facilitator", process=factories.make_process())
    commit()
    login(client, stranger)
    response = post(client, f"/moderation/{moderation.id}/{action}")
    assert response.status_code == 403
    sync()
    moderation = refreshed(moderation)
    assert moderation.status is ModerationStatus.HIDDEN and moderation.open_appeal


@pytest.mark.parametrize("action", ["hide", "unhide", "ignore", "keep-hidden"])
def test_decisions_need_the_csrf_token(client, comment, author, facilitator, action, commit):
    report_by(comment, 3)
    moderation = moderation_of(comment)
    operations.appeal(moderation, "Mireu-ho bé.", actor=author)
    commit()
    login(client, facilitator)
    response = client.post(f"/moderation/{moderation.id}/{action}")
    assert response.status_code == 400
    sync()
    moderation = refreshed(moderation)
    assert moderation.status is ModerationStatus.HIDDEN and moderation.open_appeal


def test_a_refused_decision_changes_nothing(client, comment, facilitator, commit):
    report_by(comment, 1)
    moderation = moderation_of(comment)
    commit()
    login(client, facilitator)
    url = f"/moderation/{moderation.id}"
    response = post(client, f"{url}/unhide", token_from=url)
    assert response.status_code == 302
    assert "This is not hidden." in text(client.get(url))
    sync()
    assert refreshed(moderation).status is ModerationStatus.PENDING
    assert log_entries("unhide") == []


def test_the_decision_routes_are_post_only(client, comment, facilitator, commit):
    """Restoring and dismissing act at once; hiding and keeping hidden ask first (their GET
    is the confirmation page, see test_confirmations)."""
    report_by(comment, 1)
    moderation = moderation_of(comment)
    commit()
    login(client, facilitator)
    for action in ("unhide", "ignore"):
        assert client.get(f"/moderation/{moderation.id}/{action}").status_code == 405


# --- blocking ---------------------------------------------------------------------------------


def test_a_facilitator_cannot_block(client, author, facilitator, commit):
    commit()
    login(client, facilitator)
    url = f"/moderation/people/{author.id}/block"
    assert post(client, url).status_code == 403
    sync()
    assert not refreshed(author).is_blocked


def test_the_council_blocks_and_the_person_is_signed_out_and_cannot_sign_in(
        client, process, author, council, comment, commit):
    commit()
    theirs = signed_in(client, author)
    report_page = report_url_of("user", council)
    assert theirs.get(report_page).status_code == 200  # signed in
    login(client, council)

    response = post(client, f"/moderation/people/{author.id}/block",
                    {"reason": "Repeated insults."}, token_from=f"/accounts/people/{author.id}")

    assert response.status_code == 302
    sync()
    assert refreshed(author).is_blocked
    assert refreshed(comment).hidden_at is not None
    # the open session is over
    response = theirs.get(report_page)
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]
    # and they cannot sign in again
    browser = client.another()
    response = post(browser, "/accounts/login", {"email": author.email,
                                                 "password": factories.PASSWORD})
    assert response.status_code == 400
    assert BLOCKED_MESSAGE in text(response)
    response = browser.get(report_page)
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]
    # unblocking lets them in again and brings the comment back
    response = post(client, f"/moderation/people/{author.id}/unblock",
                    token_from=f"/accounts/people/{author.id}")
    assert response.status_code == 302
    sync()
    assert not refreshed(author).is_blocked
    assert refreshed(comment).hidden_at is None
    login(client.another(), author)


def test_block_needs_csrf_and_a_council_member_cannot_be_blocked(client, council, commit):
    colleague = factories.make_user("council")
    person = factories.make_user()
    commit()
    login(client, council)
    assert client.post(f"/moderation/people/{person.id}/block").status_code == 400
    assert post(client, f"/moderation/people/{colleague.id}/block").status_code == 403
    assert post(client, "/moderation/people/999999/block").status_code == 404
    sync()
    assert not refreshed(person).is_blocked and not refreshed(colleague).is_blocked


# --- appeals ----------------------------------------------------------------------------------


def test_the_appeal_page_is_the_authors_only(client, comment, author, other, facilitator,
                                             commit):
    report_by(comment, 3)
    moderation = moderation_of(comment)
    commit()
    url = f"/moderation/{moderation.id}/appeal"
    for person in (other, facilitator):
        browser = signed_in(client, person)
        assert browser.get(url).status_code == 404
        assert post(browser, url, {"appeal": "Deixeu-lo."}).status_code == 404
    assert client.get("/moderation/999999/appeal").status_code in (302, 404)
    sync()
    assert refreshed(moderation).appealed_at is None


def test_the_author_appeals_once_and_moderators_see_it(client, comment, author, facilitator,
                                                       commit):
    report_by(comment, 3)
    moderation = moderation_of(comment)
    commit()
    login(client, author)
    url = f"/moderation/{moderation.id}/appeal"
    assert post(client, url, {"appeal": ""}, token_from=url).status_code == 400

    response = post(client, url, {"appeal": "Era una broma entre amics."}, token_from=url)

    assert response.status_code == 302
    sync()
    assert refreshed(moderation).appeal == "Era una broma entre amics."
    html = text(client.get(url))
    assert "Era una broma entre amics." in html and 'name="appeal"' not in html
    assert post(client, url, {"appeal": "Un altre cop."}).status_code == 403
    sync()
    assert refreshed(moderation).appeal == "Era una broma entre amics."
    assert len(log_entries("appeal")) == 1

    moderator = signed_in(client, facilitator)
    appeals = text(moderator.get("/moderation/?show=appeals"))
    assert f"/moderation/{moderation.id}" in appeals
    assert "Appealed" in appeals
    assert f"/moderation/{moderation.id}\"" not in text(moderator.get("/moderation/?show=done"))


def test_the_hidden_comments_page_links_its_author_to_the_appeal(client, process, author,
                                                                 commit):
    proposal = make_proposal(process, factories.make_user(), title="Un banc")
    report_by(proposal, 3)
    moderation = moderation_of(proposal)
    commit()
    login(client, author)
    html = text(client.get(f"/processes/{process.slug}/proposals/{proposal.id}"))
    assert "This proposal has been hidden by moderation." in html
    assert f"/moderation/{moderation.id}/appeal" not in html  # not theirs
    theirs = make_proposal(process, author, title="La meva proposta")
    report_by(theirs, 3)
    commit()
    html = text(client.get(f"/processes/{process.slug}/proposals/{theirs.id}"))
    assert f"/moderation/{moderation_of(theirs).id}/appeal" in html
    assert "La meva proposta" not in re.sub(r"<title>.*?</title>", "", html, flags=re.S)


def test_appeal_answers_are_emailed(client, comment, author, facilitator, outbox, commit):
    report_by(comment, 3)
    moderation = moderation_of(comment)
    operations.appeal(moderation, "Si us plau.", actor=author)
    commit()
    login(client, facilitator)
    url = f"/moderation/{moderation.id}"
    assert post(client, f"{url}/keep-hidden", {"reason": "It names a private person."},
                token_from=url).status_code == 302
    (message,) = [m for m in outbox() if m["To"] == "aina@example.org"]
    assert "keep it hidden" in message.get_content()
    assert "It names a private person." in message.get_content()


# --- public figures ---------------------------------------------------------------------------


def test_the_public_figures_are_on_the_process_page(client, process, author, facilitator,
                                                    commit):
    proposals = [make_proposal(process, author) for _ in range(3)]
    moderations = [report(p, factories.make_user())[0] for p in proposals]
    operations.hide_target(moderations[0], actor=facilitator)
    report_by(proposals[1], 2)  # hidden by reports
    operations.unhide_target(moderations[1], actor=facilitator)
    commit()

    html = text(client.get(f"/processes/{process.slug}"))

    section = html[html.index('class="transparency"'):]
    section = section[:section.index("</section>")]
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", section))
    assert figures["Items reported"] == "3"
    assert figures["Items hidden"] == "1"
    assert figures["Items restored"] == "1"
    assert "minute" in figures["Median time to a decision"]


@pytest.mark.parametrize("show", ["pending", "hidden", "appeals", "done", "nonsense"])
def test_every_queue_tab_renders(client, reported, council, show, commit):
    commit()
    login(client, council)
    response = client.get(f"/moderation/?show={show}&page=2")
    assert response.status_code == 200
    assert client.get(f"/moderation/?show={show}").status_code == 200


def test_blocking_from_the_moderation_page_returns_there(client, comment, author, council,
                                                         facilitator, commit):
    report_by(comment, 1)
    moderation = moderation_of(comment)
    commit()
    page = f"/moderation/{moderation.id}"
    assert f"/moderation/people/{author.id}/block" not in text(
        signed_in(client, facilitator).get(page))
    login(client, council)
    assert f"/moderation/people/{author.id}/block" in text(client.get(page))

    response = post(client, f"/moderation/people/{author.id}/block",
                    {"next": page, "reason": "Spam, again and again."}, token_from=page)

    assert response.headers["Location"].endswith(page)
    response = post(client, f"/moderation/people/{author.id}/unblock",
                    {"next": "https://evil.example/"}, token_from=page)
    assert "evil.example" not in response.headers["Location"]
    assert response.headers["Location"].endswith(f"/accounts/people/{author.id}")
    sync()
    assert [e.verb for e in log_entries("block_user") + log_entries("unblock_user")] == [
        "block_user", "unblock_user"]
