"""The thread's HTML is cached per comment, and a long thread whole, for readers who stand to
it alike (participa/comments/rendering.py): what one reader was shown must never reach another
— their buttons, their vote, their CSRF token — and a change to the comment must show at once.
Every test here runs with whole threads kept from the first comment, and with none kept."""

import re

import pytest

from participa.comments import queries, rendering
from participa.moderation import operations as moderation
from tests.support.comments import target_path, veteran
from tests.support.web import login, post, text


@pytest.fixture(autouse=True, params=["whole threads", "pieces only"])
def whole_threads(request, monkeypatch):
    """Every thread long (read as stamps first, kept whole), or none."""
    least = 1 if request.param == "whole threads" else 10**9
    monkeypatch.setattr(rendering, "WHOLE_THREAD_FROM", least)
    monkeypatch.setattr(queries, "LONG_THREAD", least)
    return request.param


def block_of(html, comment) -> str:
    """The HTML of one comment, without its replies."""
    start = html.index(f'<li id="comment-{comment.id}"')
    return html[start:html.index("</article>", start)]


def tokens(html) -> set[str]:
    return set(re.findall(r'name="csrf_token" value="([^"]+)"', html))


def test_each_reader_gets_their_own_buttons_vote_and_token(client, process, proposal, author, other,
                                                           commit, make_comment):
    comment = make_comment(proposal, author, "Un comentari per a tothom.")
    commit()
    url = target_path(proposal)
    as_author, as_other, visitor = client, client.another(), client.another()
    login(as_author, author)
    login(as_other, other)
    post(as_other, f"/comments/{comment.id}/vote", {"value": "up"}, token_from=url)

    mine = text(as_author.get(url))
    theirs = text(as_other.get(url))
    anonymous = text(visitor.get(url))
    mine_again = text(as_author.get(url))  # now served from the fragment cache

    for page in (mine, mine_again):
        block = block_of(page, comment)
        assert f"/comments/{comment.id}/edit" in block and "/delete" in block
        assert "/report" not in block and "/vote" not in block  # no rating one's own comment
    block = block_of(theirs, comment)
    assert "/edit" not in block and "/delete" not in block and "/report" in block
    assert 'class="vote-up" aria-pressed="true"' in block
    assert "/vote" not in block_of(anonymous, comment)
    assert "/report" not in block_of(anonymous, comment)
    # the cached pieces carry no token: the page's one form has the session's own
    for page in (mine, theirs, anonymous):
        assert "csrf_token" not in block_of(page, comment)
    assert 'form="comment-actions"' in block_of(theirs, comment)
    assert tokens(mine) and tokens(theirs) and not tokens(mine) & tokens(theirs)
    assert 'id="comment-actions"' not in anonymous


def test_a_change_to_the_comment_shows_at_once(client, process, proposal, author, other, commit,
                                               make_comment):
    comment = make_comment(proposal, author, "Primer text.")
    commit()
    url = target_path(proposal)
    login(client, author)
    assert "Primer text." in text(client.get(url))
    post(client, f"/comments/{comment.id}/edit", {"body": "Segon text.", "alignment": "against"},
         token_from=url)
    page = text(client.get(url))
    assert "Segon text." in page and "Primer text." not in page
    voter = client.another()
    login(voter, other)
    post(voter, f"/comments/{comment.id}/vote", {"value": "down"}, token_from=url)
    block = block_of(text(client.get(url)), comment)
    assert "Agree 0 · Disagree 1" in block


def test_the_author_of_a_hidden_comment_is_offered_the_appeal(
        client, process, proposal, author, commit, make_comment):
    comment = make_comment(proposal, author, "Un comentari que es denunciarà.")
    for _ in range(3):
        moderation.report_target(comment, reason="spam", actor=veteran())
    commit()
    url = target_path(proposal)
    assert "/appeal" not in block_of(text(client.get(url)), comment)  # visitors: no
    login(client, author)
    block = block_of(text(client.get(url)), comment)
    assert "This comment was hidden by moderation." in block
    assert "Un comentari que es denunciarà." not in block
    assert re.search(r'href="/moderation/\d+/appeal"', block)


def test_moderators_read_the_earlier_versions_others_only_see_edited(
        client, process, proposal, author, other, commit, make_user, make_process, make_comment):
    comment = make_comment(proposal, author, "La primera versió, més dura.")
    facilitator = make_user("facilitator", process=process, locale="en")
    outsider = make_user("facilitator", process=make_process(),
                                   locale="en")
    commit()
    url = target_path(proposal)
    login(client, author)
    post(client, f"/comments/{comment.id}/edit", {"body": "La segona, més amable.",
                                                  "alignment": "neutral"}, token_from=url)
    history = f"/comments/{comment.id}/history"
    assert history not in block_of(text(client.get(url)), comment)  # the author: "edited"
    assert client.get(history).status_code == 403

    as_facilitator = client.another()
    login(as_facilitator, facilitator)
    assert history in block_of(text(as_facilitator.get(url)), comment)
    page = text(as_facilitator.get(history))
    assert "La primera versió, més dura." in page and "La segona, més amable." in page

    for person in (other, outsider):
        reader = client.another()
        login(reader, person)
        assert history not in block_of(text(reader.get(url)), comment)
        assert reader.get(history).status_code == 403
    assert client.another().get(history).status_code == 302  # visitors: sign in first


def test_a_kept_whole_thread_is_what_its_pieces_make_for_every_reader(
        app, client, process, proposal, author, other, commit, make_user, make_comment,
        whole_threads):
    """For each reader in turn: the page served from kept threads (other readers' visits
    before) is the page made afresh from the pieces, once the caches are emptied."""
    first = make_comment(proposal, author, "Comença la conversa.")
    make_comment(proposal, other, "Hi estic d'acord.", parent=first)
    make_comment(proposal, veteran(name="Carla"), "Una altra idea.")
    facilitator = make_user("facilitator", process=process, locale="en")
    dani, elna = veteran(name="Dani"), veteran(name="Elna")
    commit()
    url = target_path(proposal)
    voter = client.another()
    login(voter, dani)
    post(voter, f"/comments/{first.id}/vote", {"value": "up"}, token_from=url)
    readers = {"visitor": client.another(), "voter": voter}
    for name, person in (("author", author), ("other", other), ("facilitator", facilitator),
                         ("stranger", elna)):
        readers[name] = client.another()
        login(readers[name], person)

    def without_tokens(html):
        return re.sub(r'name="csrf_token" value="[^"]+"', "", html)

    kept = {}
    for _ in range(2):  # the second round is served from what the first kept
        for name, reader in readers.items():
            kept[name] = without_tokens(text(reader.get(url)))
    for name, reader in readers.items():
        for cache in [k for k in app.extensions if k.startswith("fragments:")]:
            app.extensions[cache].clear()
        assert without_tokens(text(reader.get(url))) == kept[name], name
