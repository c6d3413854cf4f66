"""What people write carries the language it was written in (their account's language, which is
the language of the pages they write on), and a page in another language marks it with
``lang`` (WCAG 3.1.2): proposals (page and card), debates (page and list) and comments."""

import re

import sqlalchemy as sa

from participa.comments.models import Comment
from participa.core.models import written_in
from participa.extensions import db
from participa.proposals.models import Proposal
from tests.support.comments import comments_url, target_path
from tests.support.debates import make_debate
from tests.support.proposals import url
from tests.support.web import login, post, sync, text

CATALAN = {"Accept-Language": "ca"}
SPANISH = {"Accept-Language": "es"}


def marked(html: str, tag: str, language: str, words: str) -> bool:
    """Whether ``words`` sit in a ``<tag lang="language">`` (its first line of content)."""
    return re.search(rf'<{tag}[^>]* lang="{language}"[^>]*>\s*(<a [^>]*>)?{re.escape(words)}',
                     html) is not None


def test_a_proposal_written_in_spanish_is_marked_on_catalan_pages(client, process, make_user,
                                                                  commit):
    author = make_user(locale="es")
    commit()
    login(client, author)
    response = post(client, url(process, action="new"), {
        "title": "Un huerto en la plaza", "body": "Con **bancos** a la sombra.",
        "category_id": process.categories[0].id, "action": "publish"})
    assert response.status_code == 302
    sync()
    proposal = db.session.scalar(sa.select(Proposal))
    assert proposal.language == "es"
    client = client.another()  # a visitor reads it

    page = text(client.get(url(process, proposal), headers=CATALAN))
    assert '<html lang="ca"' in page
    assert marked(page, "h1", "es", "Un huerto en la plaza")
    assert re.search(r'<div class="prose" lang="es">\s*<p>Con <strong>bancos</strong>', page)
    listing = text(client.get(url(process), headers=CATALAN))
    assert marked(listing, "h3", "es", "Un huerto en la plaza")

    # in Spanish nothing is marked: the page's own language holds
    page = text(client.get(url(process, proposal), headers=SPANISH))
    assert '<html lang="es"' in page and 'lang="es">' not in page.split("<body", 1)[1]
    listing = text(client.get(url(process), headers=SPANISH))
    assert "Un huerto en la plaza" in listing and not marked(listing, "h3", "es",
                                                                "Un huerto en la plaza")


def test_a_debate_and_a_comment_carry_their_authors_language(client, process, make_user,
                                                             commit):
    debate = make_debate(process, make_user("facilitator", process=process, locale="en"),
                         title="What do we do with the square?", body="Let us talk.")
    commenter = make_user(locale="es")
    commit()
    assert debate.language == "en"
    login(client, commenter)
    response = post(client, comments_url(debate), {"body": "Yo pondría árboles."},
                    token_from=target_path(debate))
    assert response.status_code == 302
    sync()
    comment = db.session.scalar(sa.select(Comment))
    assert comment.language == "es"
    client = client.another()  # a visitor reads it

    page = text(client.get(target_path(debate), headers=CATALAN))
    assert marked(page, "h1", "en", "What do we do with the square?")
    assert re.search(r'<div class="prose" lang="en">\s*<p>Let us talk\.', page)
    assert re.search(r'<div class="prose" lang="es">\s*<p>Yo pondría árboles\.', page)
    listing = text(client.get(f"/processes/{process.slug}/debates/", headers=CATALAN))
    assert marked(listing, "h3", "en", "What do we do with the square?")

    page = text(client.get(target_path(debate), headers={"Accept-Language": "en"}))
    assert not marked(page, "h1", "en", "What do we do with the square?")
    assert re.search(r'<div class="prose" lang="es">\s*<p>Yo pondría árboles\.', page)


def test_an_account_language_outside_the_towns_reads_as_the_default(make_user):
    assert [written_in(make_user(locale=locale)) for locale in ("es", "en", "ca", "fr", "")] \
        == ["es", "en", "ca", "ca", "ca"]
    assert written_in(None) == "ca"
