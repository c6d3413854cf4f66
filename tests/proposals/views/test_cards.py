"""The index's cards are kept per worker (participa/proposals/rendering.py) yet never stale: a
card changes as soon as anything it shows does, and its form holds the reader's own token."""

import re

from participa.extensions import db
from tests.support.proposals import url
from tests.support.web import login, post, sync, text

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def card(html, title):
    start = html.index(title)
    return html[html.rindex("<article", 0, start):html.index("</article>", start)]


def untokened(html):
    """A card without its token (signed with the time: it changes by the second)."""
    return TOKEN.sub("", html)


def test_a_card_follows_every_change_of_what_it_shows(client, process, proposal, author, other,
                                                      commit):
    commit()
    index = url(process)
    login(client, other)
    first = card(text(client.get(index)), proposal.title)
    assert "0 supports" in first and author.name in first
    again = card(text(client.get(index)), proposal.title)
    assert untokened(again) == untokened(first)  # the kept card

    assert post(client, url(process, proposal, "support"), token_from=index).status_code == 302
    supported = card(text(client.get(index)), proposal.title)
    assert "1 support" in supported and "You support this proposal." in supported

    # one change at a time: each alone makes a new card
    for change, shown in [
        (lambda: setattr(author, "name", "Marta Riera i Font"), "Marta Riera i Font"),
        (lambda: setattr(process.categories[0], "name", "Espai verd"), "Espai verd"),
        (lambda: setattr(proposal, "comments_count", 7), "7 comments"),
        (lambda: setattr(proposal, "title", "Ombra i bancs a la plaça"), "Ombra i bancs"),
    ]:
        sync()
        change()
        db.session.commit()
        html = text(client.get(index))
        assert shown in card(html, "plaça"), shown


def test_each_reader_gets_their_own_token_in_a_kept_card(client, process, proposal, other,
                                                         make_user, commit):
    third = make_user(locale="en")
    commit()
    index = url(process)
    tokens = []
    for who in (other, third):
        browser = client.another()
        login(browser, who)
        html = text(browser.get(index))
        tokens.append(TOKEN.findall(card(html, proposal.title)))
        # the card's form works for this reader
        response = browser.post(url(process, proposal, "support"),
                                data={"csrf_token": tokens[-1][0]})
        assert response.status_code == 302
        assert "Thank you: you support this proposal." in text(browser.get(index))
    assert tokens[0] and tokens[1] and tokens[0] != tokens[1]
    assert "\x00" not in "".join(tokens[0] + tokens[1])
