"""Every comments route through the test client: the happy paths and 302/400/403/404/429, on
proposals, debates and meetings alike."""

import re

import pytest
import sqlalchemy as sa

from participa.comments.models import Comment, CommentVersion
from participa.core.content import kind_of
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support.comments import (
    TARGETS,
    comments_url,
    count_comments,
    make_target,
    stored_comments_count,
    stored_votes,
    target_path,
    veteran,
)
from tests.support.html import HOSTILE_BODY, assert_inert
from tests.support.phases import process_in_phase
from tests.support.web import csrf_token, login, post, sync, text


def refreshed(comment):
    sync()
    return db.session.get(Comment, comment.id)


def comment_ids(html) -> list[int]:
    return [int(n) for n in re.findall(r'<li id="comment-(\d+)"', html)]


# --- post -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TARGETS)
def test_post_a_comment_and_see_it_on_the_page(client, process, kind, author, commit):
    target = make_target(kind, process)
    commit()
    login(client, author)

    response = post(client, comments_url(target),
                    {"body": "Molt **bona** idea.", "alignment": "in_favour"},
                    token_from=target_path(target))

    assert response.status_code == 302
    sync()
    (comment,) = db.session.scalars(sa.select(Comment)).all()
    assert comment.author_id == author.id and comment.body == "Molt **bona** idea."
    location = response.headers["Location"]
    assert location.endswith(f"{target_path(target)}#comment-{comment.id}")
    html = text(client.get(location))
    assert "Your comment has been published." in html
    assert f'id="comment-{comment.id}"' in html
    assert "Molt <strong>bona</strong> idea." in html
    assert "1 comment<" in html
    if kind_of(target).comment_positions:
        assert "1 in favour, 0 neutral, 0 against" in html
    else:  # a meeting's comments take no position
        assert "in favour" not in html and 'name="alignment"' not in html
    assert stored_comments_count(target) == 1


def test_a_reply_through_the_form(client, process, proposal, author, other, commit, make_comment):
    root = make_comment(proposal, other)
    commit()
    login(client, author)

    page = text(client.get(comments_url(proposal, f"new?parent={root.id}")))
    assert f'name="parent_id" value="{root.id}"' in page
    assert "Reply to a comment" in page and root.body in page
    response = post(client, comments_url(proposal),
                    {"body": "Hi estic d'acord.", "parent_id": str(root.id)},
                    token_from=target_path(proposal))

    assert response.status_code == 302
    sync()
    reply = db.session.scalars(sa.select(Comment).where(Comment.parent_id == root.id)).one()
    assert reply.depth == 1
    html = text(client.get(target_path(proposal)))
    assert re.search(rf'id="comment-{root.id}".*<ol class="comment-list replies">\s*'
                     rf'<li id="comment-{reply.id}"', html, re.S)


def test_the_reply_page_refuses_a_third_level_and_unknown_parents(
        client, process, proposal, author, commit, make_comment):
    root = make_comment(proposal, veteran())
    deepest = make_comment(proposal, veteran(), parent=make_comment(proposal, veteran(),
                                                                     parent=root))
    other_target = make_target("debate", process)
    elsewhere = make_comment(other_target, veteran())
    commit()
    login(client, author)

    assert client.get(comments_url(proposal, f"new?parent={deepest.id}")).status_code == 403
    assert client.get(comments_url(proposal, f"new?parent={elsewhere.id}")).status_code == 404
    assert client.get(comments_url(proposal, "new?parent=999999")).status_code == 404
    assert client.get(comments_url(proposal, "new?parent=abc")).status_code == 400
    assert client.get(comments_url(proposal, "new")).status_code == 200
    response = post(client, comments_url(proposal),
                    {"body": "Massa endins.", "parent_id": str(deepest.id)})
    assert response.status_code == 400
    assert "Massa endins." in text(response)
    assert count_comments() == 4


def test_visitors_are_sent_to_sign_in(client, process, proposal, commit):
    commit()
    response = post(client, comments_url(proposal), {"body": "Anònim."})
    assert response.status_code == 302
    assert "/accounts/login" in response.headers["Location"]
    assert client.get(comments_url(proposal, "new")).status_code == 302
    html = text(client.get(target_path(proposal)))
    assert "Sign in to comment." in html
    assert 'class="comment-form"' not in html
    assert count_comments() == 0


@pytest.mark.parametrize("body", ["", "   ", "x" * 31])
def test_an_empty_or_too_long_comment_is_400_with_the_text_kept(client, process, proposal,
                                                                author, commit, body):
    process.comment_body_limit = 30
    commit()
    login(client, author)
    response = post(client, comments_url(proposal), {"body": body, "alignment": "against"})
    assert response.status_code == 400
    html = text(response)
    assert re.search(r"Write your comment\.|Write at most 30 characters\.", html)
    if body.strip():
        assert body in html
    assert re.search(r'value="against"\s+checked|checked[^>]*value="against"', html), html
    assert count_comments() == 0
    assert stored_comments_count(proposal) == 0


def test_blanks_around_a_comment_at_the_limit_do_not_count(client, process, proposal, author,
                                                           commit):
    process.comment_body_limit = 30
    commit()
    login(client, author)
    response = post(client, comments_url(proposal), {"body": "  " + "x" * 30 + "\n\n",
                                                     "alignment": "neutral"})
    assert response.status_code == 302
    assert count_comments() == 1


def test_the_form_says_the_processs_limit(client, process, proposal, author, commit):
    process.comment_body_limit = 280
    commit()
    login(client, author)
    html = text(client.get(target_path(proposal)))
    assert 'maxlength="280"' in html and "At most 280 characters" in html


def test_a_bad_alignment_is_400(client, proposal, author, commit):
    commit()
    login(client, author)
    response = post(client, comments_url(proposal), {"body": "Hola.", "alignment": "maybe"})
    assert response.status_code == 400
    assert count_comments() == 0


@pytest.mark.parametrize("kind", TARGETS)
def test_403_when_the_phase_takes_no_comments(client, kind, author, commit):
    process = process_in_phase(PhaseKind.VOTING)
    target = make_target(kind, process)
    commit()
    login(client, author)
    html = text(client.get(target_path(target)))
    assert "Comments are closed in the current phase of this process." in html
    assert 'class="comment-form"' not in html
    response = post(client, comments_url(target), {"body": "Tard."},
                    token_from=target_path(target))
    assert response.status_code == 403
    assert client.get(comments_url(target, "new")).status_code == 403
    assert count_comments() == 0


def test_404_for_unknown_targets_targets_of_other_processes_and_parents(
        client, process, proposal, author, commit, make_process, make_comment):
    elsewhere = make_target("debate", make_process())
    on_elsewhere = make_comment(elsewhere, veteran())
    commit()
    login(client, author)
    base = f"/processes/{process.slug}"
    for path in (f"{base}/proposals/999999/comments", f"{base}/debates/{elsewhere.id}/comments",
                 f"{base}/meetings/999999/comments", "/processes/nowhere/proposals/1/comments"):
        assert post(client, path, {"body": "On soc?"}).status_code == 404, path
    for parent in ("999999", str(on_elsewhere.id)):
        response = post(client, comments_url(proposal), {"body": "Hola.", "parent_id": parent})
        assert response.status_code == 404
    assert client.get(f"{base}/plans/{proposal.id}/comments/new").status_code == 404
    assert count_comments() == 1


def test_a_draft_meeting_or_deleted_proposal_is_404(client, process, council, author, commit,
                                                    make_meeting):
    draft = make_meeting(process, council, publish=False)
    deleted = make_target("proposal", process)
    deleted.deleted_at = utcnow()
    commit()
    login(client, author)
    for target in (draft, deleted):
        assert post(client, comments_url(target), {"body": "Hola."}).status_code == 404


def test_a_comment_without_csrf_token_is_400(client, proposal, author, commit):
    commit()
    login(client, author)
    response = client.post(comments_url(proposal), data={"body": "Sense testimoni."})
    assert response.status_code == 400
    assert count_comments() == 0


def test_comment_rate_limit(app, client, proposal, author, commit, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_COMMENT", "2 per minute")
    commit()
    login(client, author)
    token = csrf_token(client, target_path(proposal))
    for i in range(2):
        response = client.post(comments_url(proposal),
                               data={"csrf_token": token, "body": f"Comentari {i}."})
        assert response.status_code == 302
    response = client.post(comments_url(proposal),
                           data={"csrf_token": token, "body": "Un de massa."})
    assert response.status_code == 429
    assert "Too many requests" in text(response)
    assert stored_comments_count(proposal) == 2


def test_the_first_hour_limit_is_429_with_its_message(app, client, proposal, commit, make_user,
                                                      make_comment):
    newcomer = make_user(locale="en")
    for _ in range(5):
        make_comment(proposal, newcomer)
    commit()
    login(client, newcomer)
    response = post(client, comments_url(proposal), {"body": "El sisè."},
                    token_from=target_path(proposal))
    assert response.status_code == 429
    assert "New accounts can post 5 comments in their first hour." in text(response)
    assert stored_comments_count(proposal) == 5


def test_hostile_markdown_is_inert_and_comments_have_no_headings(client, proposal, author,
                                                                 commit):
    commit()
    login(client, author)
    for body in (HOSTILE_BODY, "# Títol enorme\n\n## Subtítol\n\n---\n\nText."):
        assert post(client, comments_url(proposal), {"body": body}).status_code == 302
    html = text(client.get(target_path(proposal)))
    assert_inert(html)
    section = html[html.index('id="comments"'):]
    assert "<h1" not in section
    assert not re.search(r"<h[1-6][^>]*>\s*Subt", section)
    assert "<hr" not in section
    assert "Títol enorme" in section and "<strong>veïns</strong>" in section
    first = db.session.scalars(sa.select(Comment.id).order_by(Comment.id)).first()
    assert_inert(text(client.get(comments_url(proposal, f"new?parent={first}"))))


# --- edit -------------------------------------------------------------------------------------


def test_edit_shows_the_form_and_saves(client, proposal, author, commit, make_comment):
    comment = make_comment(proposal, author, "Primer text.", alignment="against")
    commit()
    login(client, author)

    page = client.get(f"/comments/{comment.id}/edit")
    assert page.status_code == 200
    html = text(page)
    assert "Primer text." in html
    assert re.search(r'value="against"\s+checked|checked[^>]*value="against"', html), \
        "the current alignment is chosen"
    response = post(client, f"/comments/{comment.id}/edit",
                    {"body": "Text corregit.", "alignment": "in_favour"},
                    token_from=f"/comments/{comment.id}/edit")

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#comment-{comment.id}")
    comment = refreshed(comment)
    assert comment.body == "Text corregit." and comment.edited_at is not None
    assert [v.body for v in db.session.scalars(sa.select(CommentVersion))] == ["Primer text."]
    html = text(client.get(target_path(proposal)))
    assert "Text corregit." in html and "(edited)" in html and "Primer text." not in html


def test_edit_refuses_others_visitors_and_bad_input(client, proposal, author, other, commit,
                                                    make_comment):
    comment = make_comment(proposal, author, "Meu.")
    proposal.process.comment_body_limit = 10
    commit()
    assert client.get(f"/comments/{comment.id}/edit").status_code == 302  # to sign in
    login(client, other)
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    assert post(client, f"/comments/{comment.id}/edit", {"body": "Teu."}).status_code == 403
    assert client.get("/comments/999999/edit").status_code == 404

    mine = client.another()
    login(mine, author)
    response = post(mine, f"/comments/{comment.id}/edit", {"body": "x" * 11})
    assert response.status_code == 400 and "x" * 11 in text(response)
    assert refreshed(comment).body == "Meu."


# --- delete -----------------------------------------------------------------------------------


def test_delete_by_its_author_leaves_a_placeholder(client, proposal, author, other, commit,
                                                   make_comment):
    comment = make_comment(proposal, author, "Ho retiro.")
    reply = make_comment(proposal, other, "Resposta que queda.", parent=comment)
    commit()
    login(client, other)
    assert post(client, f"/comments/{comment.id}/delete").status_code == 403
    assert refreshed(comment).deleted_at is None

    mine = client.another()
    login(mine, author)
    response = post(mine, f"/comments/{comment.id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#comment-{comment.id}")
    comment = refreshed(comment)
    assert comment.deleted_at is not None and comment.body == ""
    html = text(mine.get(target_path(proposal)))
    assert "This comment was deleted by its author." in html
    assert "Ho retiro." not in html and "Resposta que queda." in html
    assert comment_ids(html) == [comment.id, reply.id]
    assert "1 comment<" in html
    assert post(mine, f"/comments/{comment.id}/delete").status_code == 403


def test_a_hidden_comment_shows_a_placeholder(client, proposal, author, commit, make_comment):
    from participa.comments.operations import set_comment_hidden

    comment = make_comment(proposal, author, "Un insult.")
    set_comment_hidden(comment, utcnow())
    commit()
    html = text(client.get(target_path(proposal)))
    assert "This comment was hidden by moderation." in html and "Un insult." not in html
    assert "0 comments<" in html


# --- votes ------------------------------------------------------------------------------------


def test_vote_up_down_and_clear(client, proposal, author, other, commit, make_comment):
    comment = make_comment(proposal, author)
    commit()
    login(client, other)
    vote_url = f"/comments/{comment.id}/vote"

    response = post(client, vote_url, {"value": "up"}, token_from=target_path(proposal))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#comment-{comment.id}")
    sync()
    assert stored_votes(comment) == (1, 0)
    html = text(client.get(target_path(proposal)))
    # pressed, and pressing again takes it back
    assert re.search(r'value="clear" class="vote-up" aria-pressed="true"', html)

    post(client, vote_url, {"value": "down"})
    sync()
    assert stored_votes(comment) == (0, 1)
    post(client, vote_url, {"value": "clear"})
    sync()
    assert stored_votes(comment) == (0, 0)


def test_vote_refusals(client, proposal, author, other, commit, make_comment):
    comment = make_comment(proposal, author)
    commit()
    assert post(client, f"/comments/{comment.id}/vote", {"value": "up"}).status_code == 302
    login(client, other)
    for value in ("sideways", "", "1"):
        response = post(client, f"/comments/{comment.id}/vote", {"value": value})
        assert response.status_code == 400, value
    assert client.post(f"/comments/{comment.id}/vote", data={"value": "up"}).status_code == 400
    assert post(client, "/comments/999999/vote", {"value": "up"}).status_code == 404

    mine = client.another()
    login(mine, author)
    assert post(mine, f"/comments/{comment.id}/vote", {"value": "up"}).status_code == 403
    html = text(mine.get(target_path(proposal)))
    assert f'/comments/{comment.id}/vote' not in html  # no buttons on one's own comment
    sync()
    assert stored_votes(comment) == (0, 0)


# --- reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TARGETS)
def test_a_comments_address_leads_to_its_place(client, process, kind, commit, make_comment):
    target = make_target(kind, process)
    comment = make_comment(target, veteran())
    commit()
    response = client.get(f"/comments/{comment.id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{target_path(target)}#comment-{comment.id}")
    assert client.get("/comments/999999").status_code == 404


def test_a_comment_of_an_unpublished_process_is_404(client, process, proposal, commit,
                                                    make_comment):
    comment = make_comment(proposal, veteran())
    process.is_published = False
    commit()
    assert client.get(f"/comments/{comment.id}").status_code == 404


def test_sorting_through_the_url(client, proposal, commit, make_comment):
    first, second, third = (make_comment(proposal, veteran()) for _ in range(3))
    from participa.comments.operations import vote_comment

    vote_comment(second, 1, actor=veteran())
    commit()
    page = target_path(proposal)
    assert comment_ids(text(client.get(page))) == [first.id, second.id, third.id]
    assert comment_ids(text(client.get(page + "?comments=oldest"))) == [first.id, second.id,
                                                                       third.id]
    assert comment_ids(text(client.get(page + "?comments=newest"))) == [third.id, second.id,
                                                                       first.id]
    html = text(client.get(page + "?comments=best"))
    assert comment_ids(html) == [second.id, first.id, third.id]
    assert '<option value="best" selected>' in html
    assert comment_ids(text(client.get(page + "?comments=bogus"))) == [first.id, second.id,
                                                                      third.id]


def test_buttons_follow_the_permissions(client, proposal, author, other, commit, make_comment):
    mine = make_comment(proposal, author)
    theirs = make_comment(proposal, other)
    commit()
    login(client, author)
    html = text(client.get(target_path(proposal)))
    assert f"/comments/{mine.id}/edit" in html and f"/comments/{mine.id}/delete" in html
    assert f"/comments/{theirs.id}/edit" not in html
    assert f"/comments/{theirs.id}/delete" not in html
    assert f"/comments/{theirs.id}/vote" in html and f"parent={theirs.id}" in html
    assert f"/comments/{theirs.id}/report" in html
    assert f"/comments/{mine.id}/report" not in html

    visitor = client.another()
    html = text(visitor.get(target_path(proposal)))
    assert "/vote" not in html and "parent=" not in html and "/edit" not in html


@pytest.mark.parametrize("kind", TARGETS)
def test_the_comment_page_of_each_kind_of_target(client, process, kind, author, commit,
                                                 make_comment):
    target = make_target(kind, process)
    root = make_comment(target, veteran(), "Hi ha **preguntes**.")
    commit()
    login(client, author)
    html = text(client.get(comments_url(target, f"new?parent={root.id}")))
    assert f'action="{comments_url(target)}"' in html
    assert "<strong>preguntes</strong>" in html and f'href="{target_path(target)}"' in html
    response = post(client, comments_url(target),
                    {"body": "Una resposta.", "parent_id": str(root.id)})
    assert response.status_code == 302
    sync()
    assert stored_comments_count(target) == 2


def test_a_cancelled_meetings_conversation_is_closed(client, process, council, author, commit,
                                                     make_comment):
    from participa.meetings.operations import cancel_meeting

    meeting = make_target("meeting", process, council)
    comment = make_comment(meeting, veteran(), "Abans de cancel·lar.")
    cancel_meeting(meeting, "Pluja.", actor=council)
    commit()
    login(client, author)
    html = text(client.get(target_path(meeting)))
    assert "Abans de cancel·lar." in html and f'id="comment-{comment.id}"' in html
    assert "This conversation is closed: no new comments." in html
    assert f"parent={comment.id}" not in html
    assert post(client, comments_url(meeting), {"body": "Llàstima."}).status_code == 403
