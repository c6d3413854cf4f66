"""Withdrawing, supporting and unsupporting through the test client, with the 302/400/429
answers."""

import pytest

from participa.processes.models import PhaseKind
from participa.proposals.models import ProposalState
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    count_proposals,
    counted,
    url,
)
from tests.support.web import csrf_token, login, post, refreshed, sync, text


def test_author_withdraws(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "withdraw"))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, proposal))
    assert refreshed(proposal).state is ProposalState.WITHDRAWN
    html = text(client.get(url(process, proposal)))
    assert "Your proposal has been withdrawn." in html
    assert "The author withdrew this proposal" in html
    assert url(process, proposal, "withdraw") not in html


def test_withdraw_is_refused_to_others(client, process, proposal, other, council, commit):
    commit()
    for who in (other, council):
        browser = client.another()
        login(browser, who)
        assert post(browser, url(process, proposal, "withdraw")).status_code == 403
    assert refreshed(proposal).state is ProposalState.PUBLISHED


def test_support_and_unsupport(client, process, proposal, other, commit):
    commit()
    login(client, other)
    response = post(client, url(process, proposal, "support"))
    assert response.status_code == 302
    assert counted(proposal) == 1
    html = text(client.get(url(process, proposal)))
    assert "Thank you: you support this proposal." in html
    assert "You support this proposal." in html
    assert url(process, proposal, "unsupport") in html

    again = post(client, url(process, proposal, "support"))
    assert again.status_code == 302
    assert "You already support this proposal." in text(client.get(url(process, proposal)))
    assert counted(proposal) == 1

    assert post(client, url(process, proposal, "unsupport")).status_code == 302
    assert counted(proposal) == 0
    assert "You no longer support this proposal." in text(client.get(url(process, proposal)))


def test_support_goes_back_to_a_local_page_only(client, process, proposal, other, commit):
    commit()
    login(client, other)
    index = url(process) + "?sort=supports"
    response = post(client, url(process, proposal, "support"), {"next": index})
    assert response.headers["Location"].endswith(index)
    response = post(client, url(process, proposal, "unsupport"),
                    {"next": "https://evil.example/"})
    assert response.headers["Location"].endswith(url(process, proposal))


def test_refused_support_changes_nothing(client, author, other, commit, make_proposal):
    process = process_in_phase(PhaseKind.IMPLEMENTATION)
    proposal = make_proposal(process, author)
    commit()
    login(client, other)
    assert post(client, url(process, proposal, "support")).status_code == 302
    assert counted(proposal) == 0


def test_visitors_are_sent_to_sign_in(client, process, proposal, commit):
    commit()
    for action in ("withdraw", "support", "unsupport", "answer"):
        response = post(client, url(process, proposal, action))
        assert response.status_code == 302
        assert "/accounts/login" in response.headers["Location"]
    assert counted(proposal) == 0


@pytest.mark.parametrize("action", ["withdraw", "support", "unsupport", "answer", "edit"])
def test_posts_without_csrf_token_are_400(client, process, proposal, author, facilitator,
                                          commit, action):
    commit()
    login(client, facilitator if action == "answer" else author)
    response = client.post(url(process, proposal, action),
                           data={"state": "accepted", "answer": "Sí", "publish": "y",
                                 "title": "T", "body": "B"})
    assert response.status_code == 400
    proposal = refreshed(proposal)
    assert proposal.state is ProposalState.PUBLISHED
    assert proposal.supports_count == 0
    assert proposal.title == "Ombra a la plaça del Mercat"


def test_new_without_csrf_token_is_400(client, process, author, commit):
    commit()
    login(client, author)
    response = client.post(url(process, action="new"),
                           data={"title": "T", "body": "B", "action": "publish"})
    assert response.status_code == 400
    sync()
    assert count_proposals() == 0


def test_support_rate_limit(app, client, process, proposal, other, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_SUPPORT", "4 per minute")
    commit()
    login(client, other)
    token = csrf_token(client, url(process, proposal))
    for _ in range(4):  # the first one supports, the next three are refused politely
        response = client.post(url(process, proposal, "support"), data={"csrf_token": token})
        assert response.status_code == 302
    response = client.post(url(process, proposal, "support"), data={"csrf_token": token})
    assert response.status_code == 429
    assert "Too many requests" in text(response)
    assert counted(proposal) == 1
    # supporting and withdrawing share one allowance: no switching to dodge the limit
    response = client.post(url(process, proposal, "unsupport"), data={"csrf_token": token})
    assert response.status_code == 429
    assert counted(proposal) == 1
