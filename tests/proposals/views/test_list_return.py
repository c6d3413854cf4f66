"""The proposals list after supporting from it (issue 13): back to the same card with the
filters kept, a count of what the list holds, one invitation to sign in for visitors, and
state badges that say their state in words."""

import re

from participa.proposals import queries
from tests.support.proposals import answer, counted, url
from tests.support.web import login, post, text


def test_supporting_from_the_list_comes_back_to_the_card_with_the_filters(
        client, process, proposal, other, commit):
    commit()
    login(client, other)
    listing = url(process) + "?sort=supports&q=ombra"
    html = text(client.get(listing))
    back = f"{listing}#proposal-{proposal.id}"
    assert f'id="proposal-{proposal.id}"' in html
    assert f'name="next" value="{back.replace("&", "&amp;")}"' in html

    response = post(client, url(process, proposal, "support"), {"next": back},
                    token_from=listing)

    assert response.status_code == 302
    assert response.headers["Location"].endswith(back)
    assert counted(proposal) == 1
    # and back again, withdrawing the support from the same card
    html = text(client.get(listing))
    assert f'action="{url(process, proposal, "unsupport")}"' in html
    response = post(client, url(process, proposal, "unsupport"), {"next": back},
                    token_from=listing)
    assert response.headers["Location"].endswith(back)
    assert counted(proposal) == 0


def test_a_hostile_return_address_goes_to_the_proposal(client, process, proposal, other,
                                                       commit):
    commit()
    login(client, other)
    for hostile in ("https://evil.example/#proposal-1", "//evil.example/x", "/\\evil.example",
                    "javascript:alert(1)"):
        response = post(client, url(process, proposal, "support"), {"next": hostile})
        assert response.status_code == 302
        assert "evil" not in response.headers["Location"]
        assert response.headers["Location"].endswith(url(process, proposal))
        post(client, url(process, proposal, "unsupport"))


def test_the_list_says_how_many_proposals_it_holds(client, process, author, commit,
                                                   make_proposal):
    for n in range(3):
        make_proposal(process, author, title=f"Arbres al carrer {n}")
    make_proposal(process, author, title="Fonts d'aigua")
    commit()
    assert "<p class=\"result-count\">4 proposals</p>" in text(client.get(url(process)))
    assert "<p class=\"result-count\">3 proposals</p>" in text(
        client.get(url(process) + "?q=arbres"))
    assert "<p class=\"result-count\">1 proposal</p>" in text(
        client.get(url(process) + "?q=fonts"))
    assert "<p class=\"result-count\">0 proposals</p>" in text(
        client.get(url(process) + "?q=zzz"))


def test_the_count_stops_at_its_cap(client, process, author, commit, make_proposal,
                                    monkeypatch):
    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    for _ in range(3):
        make_proposal(process, author)
    commit()
    assert "<p class=\"result-count\">More than 2 proposals</p>" in text(
        client.get(url(process)))
    assert "<p class=\"result-count\">More than 2 proposals</p>" in text(
        client.get(url(process) + "?sort=comments"))


def test_visitors_get_one_invitation_to_sign_in(client, process, author, other, commit,
                                                make_proposal):
    for _ in range(3):
        make_proposal(process, author)
    commit()
    html = text(client.get(url(process)))
    assert html.count("Sign in to support proposals.") == 1
    assert html.count('class="sign-in-invitation"') == 1
    assert 'action="' + url(process) not in html  # and no support forms
    # signed in, there is no invitation, and each card has its button
    login(client, other)
    html = text(client.get(url(process)))
    assert "Sign in to support proposals." not in html
    assert html.count(">Support<span") == 3


def test_the_proposal_page_still_invites_a_visitor(client, process, proposal, commit):
    commit()
    assert "Sign in to support proposals." in text(client.get(url(process, proposal)))


def test_state_badges_say_their_state_in_words(client, process, author, council, commit,
                                               make_proposal):
    for state in ("accepted", "rejected", "evaluating"):
        answer(make_proposal(process, author), council, state=state)
    make_proposal(process, author)
    commit()
    html = text(client.get(url(process)))
    for css, words in (("accepted", "Accepted"), ("rejected", "Rejected"),
                       ("evaluating", "Being evaluated"), ("published", "Not answered yet")):
        assert re.search(rf'class="badge state-{css}">{words}<', html)


def test_a_search_is_not_counted_past_its_pages(app, client, process, author, commit,
                                                make_proposal, monkeypatch):
    """Counting a rare word's matches would read the whole process: a search says "more
    than" what its pages so far hold, and the exact number on its last page."""
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    for n in range(3):
        make_proposal(process, author, title=f"Arbres al carrer {n}")
    make_proposal(process, author, title="Fonts d'aigua")
    commit()
    assert "<p class=\"result-count\">More than 2 proposals</p>" in text(
        client.get(url(process) + "?q=arbres"))
    assert "<p class=\"result-count\">3 proposals</p>" in text(
        client.get(url(process) + "?q=arbres&page=2"))
    assert "result-count" not in text(client.get(url(process) + "?q=arbres&page=9"))
    # without words, the list counts (up to its cap)
    assert "<p class=\"result-count\">4 proposals</p>" in text(client.get(url(process)))
