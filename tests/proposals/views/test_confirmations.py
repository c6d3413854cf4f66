"""Withdrawing a proposal asks first, on a page of its own (issue 13)."""

from participa.proposals.models import ProposalState
from tests.support.proposals import url
from tests.support.web import CSRF_RE, login, post, refreshed, text


def test_the_proposal_page_leads_to_the_confirmation(client, process, proposal, author, commit):
    commit()
    login(client, author)
    html = text(client.get(url(process, proposal)))
    assert f'href="{url(process, proposal, "withdraw")}"' in html
    assert f'action="{url(process, proposal, "withdraw")}"' not in html


def test_the_confirmation_page_says_what_happens_and_changes_nothing(
        client, process, proposal, author, commit):
    commit()
    login(client, author)

    response = client.get(url(process, proposal, "withdraw"))

    assert response.status_code == 200
    html = text(response)
    assert "Withdraw your proposal?" in html
    assert "Ombra a la plaça del Mercat" in html
    assert "Its supports are frozen" in html
    assert f'<form method="post" action="{url(process, proposal, "withdraw")}"' in html
    assert CSRF_RE.search(html)
    assert "Yes, withdraw the proposal" in html
    assert f'href="{url(process, proposal)}" class="confirm-back">No, keep the proposal' in html
    assert refreshed(proposal).state is ProposalState.PUBLISHED


def test_confirming_withdraws(client, process, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, url(process, proposal, "withdraw"),
                    token_from=url(process, proposal, "withdraw"))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(url(process, proposal))
    assert refreshed(proposal).state is ProposalState.WITHDRAWN


def test_the_confirmation_is_the_authors_only(client, process, proposal, other, council,
                                              commit):
    commit()
    for who in (other, council):
        browser = client.another()
        login(browser, who)
        assert browser.get(url(process, proposal, "withdraw")).status_code == 403
        assert post(browser, url(process, proposal, "withdraw")).status_code == 403
    assert refreshed(proposal).state is ProposalState.PUBLISHED


def test_a_withdrawn_proposal_has_no_confirmation(client, process, proposal, author, commit):
    commit()
    login(client, author)
    post(client, url(process, proposal, "withdraw"))
    assert client.get(url(process, proposal, "withdraw")).status_code == 403


def test_the_confirmation_of_an_unknown_proposal_is_404(client, process, author, commit):
    commit()
    login(client, author)
    assert client.get(url(process) + "999999/withdraw").status_code == 404
    assert client.get("/processes/nowhere/proposals/1/withdraw").status_code == 404


def test_visitors_are_sent_to_sign_in(client, process, proposal, commit):
    commit()
    response = client.get(url(process, proposal, "withdraw"))
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]
