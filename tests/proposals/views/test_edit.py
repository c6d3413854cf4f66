"""Editing a proposal through the test client: by its author, within the window, before any
support."""

from participa.core.types import utcnow
from tests.support.html import form_choice
from tests.support.proposals import (
    make_supporters,
    url,
)
from tests.support.web import login, post, refreshed, text


def test_author_edits_the_proposal(client, process, proposal, author, commit):
    commit()
    login(client, author)
    page = client.get(url(process, proposal, "edit"))
    assert page.status_code == 200
    html = text(page)
    assert 'value="Ombra a la plaça del Mercat"' in html
    assert form_choice(html, "category_id") == str(process.categories[0].id)

    response = post(client, url(process, proposal, "edit"), {
        "title": "Ombra i fonts a la plaça", "body": "Arbres i fonts.",
        "category_id": form_choice(html, "category_id")})
    assert response.status_code == 302
    proposal = refreshed(proposal)
    assert proposal.title == "Ombra i fonts a la plaça"
    assert proposal.category_id == process.categories[0].id


def test_edit_without_the_selects_keeps_the_category(client, process, proposal, author,
                                                     commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"), {"title": "Nou", "body": "Text"})
    assert response.status_code == 302
    assert refreshed(proposal).category_id == process.categories[0].id


def test_edit_clears_the_category(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"),
                    {"title": "Nou", "body": "Text", "category_id": ""})
    assert response.status_code == 302
    assert refreshed(proposal).category_id is None


def test_invalid_edit_is_refused(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "edit"), {"title": "", "body": "Nou"})
    assert response.status_code == 400
    assert refreshed(proposal).title == "Ombra a la plaça del Mercat"


def test_edit_is_refused_to_others(client, process, proposal, other, facilitator, commit):
    commit()
    assert client.get(url(process, proposal, "edit")).status_code == 302  # sign in first
    for who in (other, facilitator):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process, proposal, "edit")).status_code == 403
        response = post(browser, url(process, proposal, "edit"), {"title": "Meva", "body": "B"})
        assert response.status_code == 403
    assert refreshed(proposal).title == "Ombra a la plaça del Mercat"


def test_edit_is_refused_after_a_support(client, process, proposal, author, commit):
    make_supporters(proposal, 1)
    commit()
    login(client, author)
    assert client.get(url(process, proposal, "edit")).status_code == 403
    assert url(process, proposal, "edit") not in text(client.get(url(process, proposal)))


def test_edit_is_refused_after_the_window(client, process, proposal, author, commit):
    proposal.created_at = utcnow().replace(year=2020)
    commit()
    login(client, author)
    assert client.get(url(process, proposal, "edit")).status_code == 403
