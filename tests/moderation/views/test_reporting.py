"""Reporting through the test client: the report pages of every kind of item, hiding after
reports, the e-mails, and what public pages show of hidden items."""

import pytest
import sqlalchemy as sa

from participa.extensions import db
from participa.moderation import operations
from participa.moderation.models import Moderation, Report
from participa.moderation.queries import moderation_of
from tests.support import factories
from tests.support.comments import counter_is_true, make_comment
from tests.support.moderation import (
    COMMENT_TEXT,
    KINDS,
    make_item,
    page_of,
    refreshed,
    report_by,
    report_rows,
    report_url_of,
    send_report,
    signed_in,
    target_of,
)
from tests.support.proposals import make_proposal
from tests.support.web import login, post, sync, text

# --- the report pages -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_visitors_are_sent_to_sign_in(client, kind, process, author, facilitator, commit):
    item = make_item(kind, process, author, facilitator=facilitator)
    commit()
    url = report_url_of(kind, item)
    for response in (client.get(url), post(client, url, {"reason": "spam"})):
        assert response.status_code == 302
        assert "/accounts/login" in response.headers["Location"]
    sync()
    assert report_rows() == 0


@pytest.mark.parametrize("kind", KINDS)
def test_report_each_kind(client, kind, process, author, facilitator, other, commit):
    item = make_item(kind, process, author, facilitator=facilitator)
    commit()
    login(client, other)
    url = report_url_of(kind, item)

    page = client.get(url)
    assert page.status_code == 200
    assert 'name="reason"' in text(page)
    response = send_report(client, url, "spam", "Publicitat d'un bar.")

    assert response.status_code == 302
    assert "/report" not in response.headers["Location"]
    sync()
    (row,) = db.session.scalars(sa.select(Report)).all()
    assert (row.reporter_id, row.reason.value, row.details) == (other.id, "spam",
                                                                "Publicitat d'un bar.")
    assert row.moderation.target_id == item.id
    assert "Thank you" in text(client.get(response.headers["Location"]))


@pytest.mark.parametrize("kind", KINDS)
def test_a_report_without_a_reason_is_400_and_saves_nothing(client, kind, process, author,
                                                            facilitator, other, commit):
    item = make_item(kind, process, author, facilitator=facilitator)
    commit()
    login(client, other)

    response = send_report(client, report_url_of(kind, item), reason="")

    assert response.status_code == 400
    assert "Choose a reason." in text(response)
    sync()
    assert report_rows() == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Moderation)) == 0


def test_too_long_details_are_400(client, comment, other, commit):
    commit()
    login(client, other)
    response = send_report(client, report_url_of("comment", comment), details="x" * 1001)
    assert response.status_code == 400
    sync()
    assert report_rows() == 0


@pytest.mark.parametrize("kind", KINDS)
def test_reporting_ones_own_content_is_403(client, kind, process, author, facilitator, commit):
    item = make_item(kind, process, author, facilitator=facilitator)
    commit()
    login(client, facilitator if kind == "meeting" else author)
    url = report_url_of(kind, item)
    assert client.get(url).status_code == 403
    assert post(client, url, {"reason": "spam"}).status_code == 403
    sync()
    assert report_rows() == 0


@pytest.mark.parametrize("url", [
    "/comments/999999/report",
    "/accounts/people/999999/report",
    "/processes/{slug}/proposals/999999/report",
    "/processes/{slug}/debates/999999/report",
    "/processes/{slug}/meetings/999999/report",
    "/processes/no-such-process/proposals/{proposal}/report",
    "/processes/{elsewhere}/proposals/{proposal}/report",
])
def test_unknown_items_are_404(client, url, process, author, other, commit):
    proposal = make_proposal(process, author)
    elsewhere = factories.make_process()
    commit()
    login(client, other)
    url = url.format(slug=process.slug, proposal=proposal.id, elsewhere=elsewhere.slug)
    assert client.get(url).status_code == 404
    assert post(client, url, {"reason": "spam"}).status_code == 404


def test_reporting_twice_is_refused_politely(client, comment, other, commit):
    commit()
    login(client, other)
    url = report_url_of("comment", comment)
    assert send_report(client, url).status_code == 302
    response = send_report(client, url, "spam")
    assert response.status_code == 400
    assert "You have already reported this." in text(response)
    sync()
    assert report_rows() == 1


def test_report_rate_limit(app, client, process, author, other, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_REPORT", "2 per minute")
    comments = [make_comment(make_proposal(process, author), author) for _ in range(3)]
    commit()
    login(client, other)
    for comment in comments[:2]:
        assert send_report(client, report_url_of("comment", comment)).status_code == 302

    response = send_report(client, report_url_of("comment", comments[2]))

    assert response.status_code == 429
    assert "Too many requests" in text(response)
    sync()
    assert report_rows() == 2


# --- hiding, and the e-mails ------------------------------------------------------------------


def test_the_third_report_hides_the_comment_from_every_reader(
        client, comment, author, facilitator, outbox, commit):
    people = [factories.make_user(locale="en") for _ in range(3)]
    commit()
    url = report_url_of("comment", comment)
    page = page_of(comment)
    assert COMMENT_TEXT in text(client.get(page))

    for i, person in enumerate(people):
        browser = signed_in(client, person)
        assert send_report(browser, url, "offensive", "Insulta.").status_code == 302
        sync()
        hidden = refreshed(comment).hidden_at is not None
        assert hidden is (i == 2)

    for reader in (client, signed_in(client, people[0]), signed_in(client, facilitator)):
        html = text(reader.get(page))
        assert "This comment was hidden by moderation." in html
        assert COMMENT_TEXT not in html
        assert "ximple" not in html
    # the comment's permanent address leads to the same placeholder
    response = client.get(f"/comments/{comment.id}")
    assert response.status_code == 302
    html = text(client.get(response.headers["Location"]))
    assert COMMENT_TEXT not in html
    assert counter_is_true(target_of(comment))
    assert "0 comments" in text(client.get(page))


def test_moderators_are_emailed_at_the_first_report_only(client, comment, facilitator,
                                                         outbox, commit):
    factories.make_user("council", email="consell@example.org")  # not told: facilitators are
    people = [factories.make_user(locale="en") for _ in range(2)]
    commit()
    url = report_url_of("comment", comment)

    send_report(signed_in(client, people[0]), url, "spam")
    messages = outbox()
    (message,) = messages
    assert message["To"] == "fina@example.org"
    assert "Aquest veí és un ximple" in message["Subject"]
    body = message.get_content()
    assert "Spam" in body
    moderation = moderation_of(comment)
    assert f"http://participa.test/moderation/{moderation.id}" in body

    send_report(signed_in(client, people[1]), url, "offensive")
    assert len(outbox()) == 1


def test_the_council_is_emailed_about_profiles(client, author, council, facilitator, other,
                                               outbox, commit):
    commit()
    login(client, other)
    send_report(client, report_url_of("user", author), "offensive")
    (message,) = outbox()
    assert message["To"] == "carme@example.org"
    assert "Aina Autora" in message["Subject"]


def test_the_author_is_emailed_when_hidden_with_a_link_to_appeal(
        client, comment, author, facilitator, outbox, commit):
    people = [factories.make_user(locale="en") for _ in range(3)]
    commit()
    url = report_url_of("comment", comment)
    for person, reason in zip(people, ("offensive", "offensive", "spam"), strict=True):
        send_report(signed_in(client, person), url, reason)

    to_author = [m for m in outbox() if m["To"] == "aina@example.org"]
    (message,) = to_author
    body = message.get_content()
    moderation = moderation_of(comment)
    assert "Aquest veí és un ximple" in message["Subject"] + body
    assert "Offensive (2)" in body and "Spam (1)" in body
    assert f"http://participa.test/moderation/{moderation.id}/appeal" in body
    assert "automatically" in body
    # the link works for the author
    response = signed_in(client, author).get(f"/moderation/{moderation.id}/appeal")
    assert response.status_code == 200
    assert "Appeal a moderation decision" in text(response)


def test_the_report_link_is_offered_to_others_only(client, process, author, other, commit):
    proposal = make_proposal(process, author)
    commit()
    page = f"/processes/{process.slug}/proposals/{proposal.id}"
    link = report_url_of("proposal", proposal)
    assert link not in text(client.get(page))
    assert link not in text(signed_in(client, author).get(page))
    assert link in text(signed_in(client, other).get(page))



HIDDEN_LABELS = {
    "proposal": "This proposal has been hidden by moderation.",
    "debate": "This debate has been hidden by moderation.",
    "comment": "This comment was hidden by moderation.",
    "meeting": "This meeting has been hidden by moderation.",
    "user": "This profile has been hidden by moderation.",
}


def public_page(kind, item) -> str:
    if kind == "comment":
        return page_of(item)
    if kind == "user":
        return f"/accounts/people/{item.id}"
    return f"/processes/{item.process.slug}/{kind}s/{item.id}"


def words_of(kind, item) -> list[str]:
    """What a hidden item must not show: its title and text (or the person's name)."""
    if kind == "user":
        return [item.name]
    if kind == "comment":
        return [item.body]
    return [item.title]


@pytest.mark.parametrize("kind", KINDS)
def test_hidden_items_show_a_placeholder_and_never_their_text(
        client, kind, process, author, facilitator, other, council, commit):
    author.name = "Nom Amagat"
    item = make_item(kind, process, author, facilitator=facilitator)
    if kind in ("proposal", "debate", "meeting"):
        item.title = "Un títol que no es veu"
    hidden_words = words_of(kind, item)
    report_by(item, 3)
    moderation = moderation_of(item)
    if kind == "meeting":  # official content: reports alone do not hide it, the council does
        operations.hide_target(moderation, actor=council)
    commit()

    for reader in (client, signed_in(client, other)):
        response = reader.get(public_page(kind, item))
        assert response.status_code == 200
        html = text(response)
        assert HIDDEN_LABELS[kind] in html
        for words in hidden_words:
            assert words not in html, (kind, words)
    # moderators read it on the moderation page, with a way back to the item
    moderator = signed_in(client, council)
    html = text(moderator.get(f"/moderation/{moderation.id}"))
    for words in hidden_words:
        assert words in html
    assert f"/moderation/{moderation.id}/unhide" in html
    assert text(moderator.get("/moderation/?show=hidden")).count(
        f'href="/moderation/{moderation.id}"') == 1
    # the author reads why and may appeal
    owner = facilitator if kind == "meeting" else author
    theirs = signed_in(client, owner)
    if kind != "comment":  # the page says it is hidden and offers the author the appeal
        assert f"/moderation/{moderation.id}/appeal" in text(theirs.get(public_page(kind, item)))
    response = theirs.get(f"/moderation/{moderation.id}/appeal")
    assert response.status_code == 200
    assert 'name="appeal"' in text(response)


def test_a_report_mail_names_the_content_in_each_moderators_language(client, process,
                                                                     facilitator, outbox,
                                                                     commit):
    """A meeting the council wrote in several languages: each moderator reads its title in
    their own, whatever the language of the person who reported it."""
    from tests.support.meetings import make_meeting

    meeting = make_meeting(process, facilitator, title="Assemblea de barri")
    meeting.translations = {"en": {"title": "Neighbourhood assembly"}}
    factories.make_user("council", email="council-en@example.org", locale="en")
    factories.make_user("council", email="consell-es@example.org", locale="es")
    reporter = factories.make_user(locale="ca")
    commit()

    send_report(signed_in(client, reporter), report_url_of("meeting", meeting), "spam")
    subjects = {message["To"]: message["Subject"] for message in outbox()}
    assert "Neighbourhood assembly" in subjects["council-en@example.org"]
    assert "Assemblea de barri" in subjects["consell-es@example.org"]  # no Spanish given
    english = next(m for m in outbox() if m["To"] == "council-en@example.org")
    assert "Neighbourhood assembly" in english.get_content()
