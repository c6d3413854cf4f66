"""Deleting a comment asks first, on a page of its own (issue 13); meetings' comments state no
position; the rating buttons are the ones the stylesheet styles."""

import re
from pathlib import Path

import pytest

from participa.comments.models import Alignment, Comment
from participa.extensions import db
from tests.support.comments import TARGETS, comments_url, make_target, target_path
from tests.support.web import CSRF_RE, login, post, sync, text

ROOT = Path(__file__).resolve().parents[2]


def refreshed(comment):
    sync()
    return db.session.get(Comment, comment.id)


@pytest.mark.parametrize("kind", TARGETS)
def test_the_thread_leads_to_the_confirmation(client, process, kind, author, commit,
                                              make_comment):
    target = make_target(kind, process)
    comment = make_comment(target, author, "Ho retiraré.")
    commit()
    login(client, author)
    html = text(client.get(target_path(target)))
    assert f'href="/comments/{comment.id}/delete"' in html
    assert f'formaction="/comments/{comment.id}/delete"' not in html


def test_the_confirmation_page_says_what_happens_and_changes_nothing(
        client, proposal, author, commit, make_comment):
    comment = make_comment(proposal, author, "Ho retiraré demà.")
    commit()
    login(client, author)

    response = client.get(f"/comments/{comment.id}/delete")

    assert response.status_code == 200
    html = text(response)
    assert "Delete your comment?" in html
    assert "Ho retiraré demà." in html
    assert f'<form method="post" action="/comments/{comment.id}/delete"' in html
    assert CSRF_RE.search(html)
    assert "Yes, delete the comment" in html
    assert (f'href="{target_path(proposal)}#comment-{comment.id}" class="confirm-back">'
            "No, keep the comment</a>") in html
    assert refreshed(comment).deleted_at is None


def test_confirming_deletes(client, proposal, author, commit, make_comment):
    comment = make_comment(proposal, author)
    commit()
    login(client, author)
    response = post(client, f"/comments/{comment.id}/delete",
                    token_from=f"/comments/{comment.id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{target_path(proposal)}#comment-{comment.id}")
    assert refreshed(comment).deleted_at is not None


def test_the_confirmation_is_the_authors_only_and_404_when_unknown(
        client, proposal, author, other, commit, make_comment):
    comment = make_comment(proposal, author)
    commit()
    login(client, other)
    assert client.get(f"/comments/{comment.id}/delete").status_code == 403
    assert client.get("/comments/999999/delete").status_code == 404
    assert refreshed(comment).deleted_at is None
    visitor = client.another()
    response = visitor.get(f"/comments/{comment.id}/delete")
    assert response.status_code == 302 and "/accounts/login" in response.headers["Location"]


def test_a_deleted_comment_has_no_confirmation(client, proposal, author, commit, make_comment):
    comment = make_comment(proposal, author)
    commit()
    login(client, author)
    post(client, f"/comments/{comment.id}/delete")
    assert client.get(f"/comments/{comment.id}/delete").status_code == 403


# --- a meeting's comments take no position -----------------------------------------------------


def test_a_meeting_comment_asks_no_position(client, process, author, commit):
    meeting = make_target("meeting", process)
    proposal = make_target("proposal", process)
    commit()
    login(client, author)
    assert 'name="alignment"' not in text(client.get(target_path(meeting)))
    assert 'name="alignment"' not in text(client.get(comments_url(meeting, "new")))
    assert 'name="alignment"' in text(client.get(target_path(proposal)))

    response = post(client, comments_url(meeting), {"body": "Hi seré.", "alignment": "against"},
                    token_from=target_path(meeting))

    assert response.status_code == 302
    sync()
    comment = db.session.query(Comment).one()
    assert comment.alignment is Alignment.NEUTRAL
    html = text(client.get(target_path(meeting)))
    assert "Hi seré." in html
    assert "badge alignment-" not in html and "in favour" not in html
    edit = text(client.get(f"/comments/{comment.id}/edit"))
    assert 'name="alignment"' not in edit


# --- the rating buttons -------------------------------------------------------------------------


def test_the_stylesheet_styles_the_rating_buttons_the_page_has(client, proposal, author, other,
                                                               commit, make_comment):
    comment = make_comment(proposal, author)
    commit()
    login(client, other)
    post(client, f"/comments/{comment.id}/vote", {"value": "up"},
         token_from=target_path(proposal))
    html = text(client.get(target_path(proposal)))
    assert 'class="vote-buttons"' in html
    assert re.search(r'class="vote-up" aria-pressed="true"', html)
    css = (ROOT / "static/css/main.css").read_text()
    assert ".vote-buttons button {" in css
    assert ".vote-buttons button[aria-pressed=true]" in css
    rule = css[css.index(".vote-buttons button {"):]
    rule = rule[:rule.index("}")]
    assert "min-height: 2rem" in rule  # 32 px: at least the 24 px WCAG 2.2 asks
