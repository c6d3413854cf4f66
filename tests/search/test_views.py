"""The search page: results grouped by kind, filters, and queries that cannot be searched."""

import pytest

from participa.extensions import db
from participa.proposals import operations as proposal_ops
from tests.support import factories
from tests.support.debates import make_debate
from tests.support.proposals import make_proposal
from tests.support.web import login, text


@pytest.fixture
def content(process, resident):
    north = factories.make_neighbourhood(name="Can Nord", slug="can-nord")
    process.neighbourhoods = [north]
    proposal = make_proposal(process, resident, title="Més il·luminació a la plaça",
                             body="La plaça és fosca de nit.")
    debate = make_debate(process, title="Quina il·luminació volem al parc?")
    other = factories.make_process(title="Un altre procés", slug="altre")
    elsewhere = make_proposal(other, resident, title="Il·luminació del pont")
    db.session.commit()
    return proposal, debate, elsewhere, north


def test_a_search_groups_by_kind_with_counts(client, content):
    proposal, debate, elsewhere, _north = content
    response = client.get("/search?q=iluminacio")
    assert response.status_code == 200
    page = text(response)
    assert "Més il·luminació a la plaça" in page and "Il·luminació del pont" in page
    assert "Quina il·luminació volem al parc?" in page
    assert f'href="/processes/{proposal.process.slug}/proposals/{proposal.id}"' in page
    assert 'Proposals <span class="count">(2)</span>' in page
    assert 'Debates <span class="count">(1)</span>' in page
    assert 'Everything <span class="count">(3)</span>' in page


def test_kind_and_neighbourhood_filters(client, content):
    proposal, debate, elsewhere, _north = content
    page = text(client.get("/search?q=illuminacio&kind=debates"))
    assert "Quina il·luminació volem al parc?" in page and "Il·luminació del pont" not in page
    page = text(client.get("/search?q=illuminacio&neighbourhood=can-nord"))
    assert "Més il·luminació a la plaça" in page and "Il·luminació del pont" not in page
    # an unknown kind or neighbourhood is no filter
    page = text(client.get("/search?q=illuminacio&kind=nothing&neighbourhood=nowhere"))
    assert "Il·luminació del pont" in page and "Quina il·luminació volem al parc?" in page


def test_hidden_content_is_not_found(client, content, council):
    proposal, *_ = content
    proposal.hidden_at = factories.utcnow()
    db.session.commit()
    page = text(client.get("/search?q=placa"))
    assert "Més il·luminació a la plaça" not in page
    assert "Nothing found" in page


def test_no_query_shows_the_form(client):
    response = client.get("/search")
    assert response.status_code == 200
    assert 'id="search-q"' in text(response)


@pytest.mark.parametrize("query", ["x" * 201, "··· !!!", "%00"])
def test_queries_that_cannot_be_searched_are_a_400_with_a_message(client, query):
    response = client.get(f"/search?q={query}")
    assert response.status_code == 400
    if query != "%00":  # the site refuses any NUL byte before the page is reached
        assert 'role="alert"' in text(response)


def test_the_header_has_a_labelled_search_box(client):
    page = text(client.get("/"))
    assert 'role="search"' in page and 'action="/search"' in page
    assert '<label for="site-search-q"' in page


def test_signed_in_people_find_the_same_and_are_not_cached(client, content, resident):
    login(client, resident)
    response = client.get("/search?q=iluminacio")
    assert response.status_code == 200
    assert "private" in response.headers.get("Cache-Control", "")
    assert "Més il·luminació a la plaça" in text(response)


def test_visitors_page_may_come_from_the_cache(client, content, page_cache):
    assert client.get("/search?q=pont").headers["X-Page-Cache"] == "miss"
    assert client.get("/search?q=pont").headers["X-Page-Cache"] == "hit"


def test_an_edited_proposal_is_found_by_its_new_words(client, content, resident):
    proposal, *_ = content
    proposal_ops.update_proposal(proposal, {"title": "Fanals nous", "body": "Fanals LED."},
                                 actor=resident, now=proposal.created_at)
    db.session.commit()
    assert "Fanals nous" in text(client.get("/search?q=fanals"))
