"""The official answer through the test client: who may answer, publishing it, e-mailing the
author in their language."""

import re

import pytest
from flask_babel import force_locale, gettext

from participa.proposals import operations
from participa.proposals.models import ProposalState
from tests.support.factories import person
from tests.support.proposals import (
    answer,
    url,
)
from tests.support.web import login, post, refreshed, text


def test_facilitator_answers_and_the_author_is_emailed_in_their_language(
        client, process, facilitator, outbox, commit, make_user, make_proposal):
    author = make_user(name="Àngela", email="angela@example.org", locale="es")
    proposal = make_proposal(process, author, title="Bancs a l'ombra")
    commit()
    login(client, facilitator)
    page = text(client.get(url(process, proposal)))
    assert url(process, proposal, "answer") in page

    response = post(client, url(process, proposal, "answer"), {
        "state": "accepted", "answer": "La farem **aquest any**.", "publish": "y"})

    assert response.status_code == 302
    proposal = refreshed(proposal)
    assert proposal.state is ProposalState.ACCEPTED
    assert proposal.answer_published_at is not None
    (message,) = outbox()
    assert message["To"] == "angela@example.org"
    with force_locale("es"):
        subject = gettext('Your proposal "%(title)s" has an answer', title="Bancs a l'ombra")
        hello = gettext("Hello %(name)s,", name="Àngela")
    assert subject != 'Your proposal "Bancs a l\'ombra" has an answer'  # Spanish, not English
    assert message["Subject"] == subject
    body = message.get_content()
    assert hello in body
    assert "La farem **aquest any**." in body
    assert f"http://participa.test{url(process, proposal)}" in body

    html = text(client.another().get(url(process, proposal)))
    assert "<strong>aquest any</strong>" in html
    assert re.search(r'state-accepted">Accepted<', html)


def test_council_answers_any_process(client, process, proposal, council, commit):
    commit()
    login(client, council)
    response = post(client, url(process, proposal, "answer"),
                    {"state": "rejected", "answer": "No és viable.", "publish": "y"})
    assert response.status_code == 302
    assert refreshed(proposal).state is ProposalState.REJECTED


def test_unpublished_answer_is_seen_by_managers_only(client, process, proposal, author,
                                                      facilitator, outbox, commit):
    commit()
    login(client, facilitator)
    response = post(client, url(process, proposal, "answer"),
                    {"state": "evaluating", "answer": "Ho estem mirant amb urbanisme."})
    assert response.status_code == 302
    assert refreshed(proposal).state is ProposalState.PUBLISHED
    assert outbox() == []
    html = text(client.get(url(process, proposal)))
    assert "Ho estem mirant amb urbanisme." in html
    assert "Not published yet" in html

    other_client = client.another()
    assert "Ho estem mirant" not in text(other_client.get(url(process, proposal)))
    login(other_client, author)
    assert "Ho estem mirant" not in text(other_client.get(url(process, proposal)))


def test_answer_form_keeps_a_published_answer_published(client, process, proposal,
                                                        facilitator, commit):
    answer(proposal, facilitator, state="accepted", text="Sí.")
    commit()
    login(client, facilitator)
    html = text(client.get(url(process, proposal)))
    assert re.search(r'<input[^>]*checked[^>]*name="publish"|<input[^>]*name="publish"'
                     r'[^>]*checked', html)


def test_answer_refused_to_residents_and_other_facilitators(client, process, proposal, author,
                                                            other, commit, make_process):
    outsider = person("facilitator", process=make_process())
    commit()
    for who in (author, other, outsider):
        browser = client.another()
        login(browser, who)
        assert url(process, proposal, "answer") not in text(browser.get(url(process, proposal)))
        response = post(browser, url(process, proposal, "answer"),
                        {"state": "accepted", "answer": "Jo mateix", "publish": "y"})
        assert response.status_code == 403
    assert refreshed(proposal).answered_at is None


def test_withdrawn_proposal_cannot_be_answered(client, process, proposal, author, facilitator,
                                              commit):
    operations.withdraw_proposal(proposal, actor=author)
    commit()
    login(client, facilitator)
    response = post(client, url(process, proposal, "answer"),
                    {"state": "accepted", "answer": "Tard", "publish": "y"})
    assert response.status_code == 403


@pytest.mark.parametrize("data", [
    {"state": "accepted", "answer": ""},
    {"state": "withdrawn", "answer": "Estat no vàlid"},
    {"state": "published", "answer": "Estat no vàlid"},
])
def test_invalid_answer_is_400_and_saves_nothing(client, process, proposal, facilitator,
                                                 outbox, commit, data):
    commit()
    login(client, facilitator)
    response = post(client, url(process, proposal, "answer"), {**data, "publish": "y"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in text(response)
    proposal = refreshed(proposal)
    assert (proposal.answered_at, proposal.state) == (None, ProposalState.PUBLISHED)
    assert outbox() == []
