"""The proposal page through the test client: the text, supports and the threshold, what is
left to support, and the 404s."""

import pytest

from participa.core.types import utcnow
from participa.processes.models import PhaseKind
from participa.proposals import operations
from tests.support.factories import person
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    make_supporters,
    url,
)
from tests.support.web import login, text


def test_show_renders_the_proposal(client, process, proposal, author, commit):
    commit()
    response = client.get(url(process, proposal))
    assert response.status_code == 200
    html = text(response)
    assert "<h1>Ombra a la plaça del Mercat</h1>" in html
    assert "<strong>arbres</strong>" in html
    assert author.name in html
    assert process.categories[0].name in html
    assert "Not answered yet" in html
    assert "Sign in to support proposals." in html
    assert author.email not in html


def test_show_404s(client, process, proposal, author, commit, make_process, make_proposal):
    elsewhere = make_process()
    foreign = make_proposal(elsewhere, author)
    deleted = make_proposal(process, author)
    deleted.deleted_at = utcnow()
    commit()
    assert client.get(url(process) + "999999").status_code == 404
    assert client.get(url(process, foreign)).status_code == 404
    assert client.get(url(elsewhere, foreign)).status_code == 200
    assert client.get(url(process, deleted)).status_code == 404
    assert client.get(url(process) + "abc").status_code == 404


def test_show_of_an_unpublished_process_is_404_to_outsiders(client, process, proposal,
                                                            author, facilitator, commit):
    process.is_published = False
    commit()
    assert client.get(url(process, proposal)).status_code == 404
    for who, status in ((author, 404), (facilitator, 200)):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process, proposal)).status_code == status


def test_supports_and_threshold_on_the_page(client, author, commit, make_process, make_proposal):
    process = make_process(support_threshold=3)
    proposal = make_proposal(process, author)
    make_supporters(proposal, 3)
    commit()
    html = text(client.get(url(process, proposal)))
    assert "3 supports" in html
    assert 'max="3"' in html
    assert "Threshold reached" in html


def test_hidden_supports_are_shown_to_managers_only(client, author, commit, make_process,
                                                    make_proposal):
    process = make_process(supports_visible=False)
    proposal = make_proposal(process, author)
    make_supporters(proposal, 2)
    facilitator = person("facilitator", process=process)
    commit()
    assert "2 supports" not in text(client.get(url(process, proposal)))
    assert "2 supports" not in text(client.get(url(process)))
    login(client, facilitator)
    assert "2 supports" in text(client.get(url(process, proposal)))


@pytest.mark.parametrize("where", ["show", "index"])
def test_supports_left_are_shown(client, author, other, commit, where, make_process, make_proposal):
    process = make_process(supports_per_person=3)
    first = make_proposal(process, author)
    make_proposal(process, author)
    operations.support_proposal(first, actor=other)
    commit()
    login(client, other)
    page = url(process, first) if where == "show" else url(process)
    assert "You have 2 supports left in this process." in text(client.get(page))


def test_no_supports_left_line_without_a_limit(client, process, proposal, other, commit):
    commit()
    login(client, other)
    assert "supports left" not in text(client.get(url(process, proposal)))
    assert "support left" not in text(client.get(url(process)))


def test_last_support_used_explains_the_limit(client, author, other, commit, make_process,
                                              make_proposal):
    process = make_process(supports_per_person=1)
    first, second = make_proposal(process, author), make_proposal(process, author)
    operations.support_proposal(first, actor=other)
    commit()
    login(client, other)
    html = text(client.get(url(process, second)))
    assert "You have 0 supports left in this process." in html
    assert "You have used all your supports in this process." in html


def test_closed_phase_is_explained(client, author, other, commit, make_proposal):
    process = process_in_phase(PhaseKind.VOTING)
    proposal = make_proposal(process, author)
    commit()
    login(client, other)
    html = text(client.get(url(process, proposal)))
    assert "Supports are closed in the current phase of this process." in html
    assert url(process, proposal, "support") not in html
