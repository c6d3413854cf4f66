"""A conversation costs a fixed number of queries (DESIGN.md, performance): a proposal, debate
or meeting page with 1,000 comments makes as many SQL queries as with 10, for visitors and
signed-in people."""

import itertools
from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.comments.models import Alignment, Comment, CommentVote
from participa.comments.queries import count_visible
from participa.core.content import kind_of
from participa.core.types import utcnow
from participa.extensions import db
from tests.support.comments import TARGETS, make_target, stored_comments_count, target_path
from tests.support.queries import counting
from tests.support.web import login, text

ALIGNMENTS = itertools.cycle(Alignment)


def add_comments(target, authors, n, reader=None):
    """``n`` more comments on ``target`` in bulk: a third roots, then replies and replies to
    replies, by several authors, some deleted, hidden or voted on by ``reader``; the target's
    counter is set to match."""
    kind = kind_of(target).value
    start = utcnow() - timedelta(days=2)
    made = 0

    def level(parents, count, depth):
        nonlocal made
        rows = []
        for i in range(count):
            parent = parents[i % len(parents)] if parents else None
            made += 1
            at = start + timedelta(seconds=made)
            rows.append(Comment(
                process_id=target.process_id, target_kind=kind, target_id=target.id,
                author_id=authors[made % len(authors)].id, parent_id=parent.id if parent else None,
                depth=depth, body=f"Comentari {made} de {target.id}, amb **text**.",
                alignment=next(ALIGNMENTS), up_votes=made % 4, down_votes=made % 3,
                deleted_at=at if made % 37 == 0 else None,
                hidden_at=at if made % 41 == 0 else None, created_at=at, updated_at=at,
            ))
        db.session.add_all(rows)
        db.session.flush()
        return rows

    roots = level([], n - 2 * (n // 3), 0)
    replies = level(roots, n // 3, 1)
    level(replies, n // 3, 2)
    if reader is not None:
        voted = db.session.scalars(sa.select(Comment).where(
            Comment.target_kind == kind, Comment.target_id == target.id,
            Comment.author_id != reader.id, Comment.deleted_at.is_(None),
            Comment.hidden_at.is_(None)).order_by(Comment.id.desc()).limit(n // 10 or 1))
        db.session.add_all(CommentVote(comment_id=c.id, user_id=reader.id,
                                       value=1 if c.id % 2 else -1) for c in voted)
    model = type(target)
    db.session.execute(sa.update(model).where(model.id == target.id)
                       .values(comments_count=count_visible(kind, target.id)))
    db.session.commit()


def queries_for(app, client, url) -> tuple[int, str]:
    client.get(url)  # warm: the session's first request loads what every request does
    with counting(app) as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements), text(response)


@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_a_page_with_1000_comments_costs_what_one_with_10_does(
        app, client, process, kind, signed_in, make_user):
    target = make_target(kind, process)
    # more authors with more comments: a lazy load per author would show in the count
    authors = [make_user(locale="en") for _ in range(40)]
    reader = make_user(locale="en") if signed_in else None
    db.session.commit()
    if signed_in:
        login(client, reader)
    url = target_path(target)

    add_comments(target, authors[:3], 10, reader)
    few, html = queries_for(app, client, url)
    assert html.count('<li id="comment-') == 10

    add_comments(target, authors, 990, reader)
    for sort in ("", "?comments=best", "?comments=newest"):
        many, html = queries_for(app, client, url + sort)
        assert many == few, sort
    assert html.count('<li id="comment-') == 1000
    assert stored_comments_count(target) == count_visible(kind_of(target).value, target.id)
    assert f"{stored_comments_count(target):,} comments" in html
    if signed_in:
        assert 'aria-pressed="true"' in html
        assert "/edit" not in html.split('id="comments"', 1)[1]  # the reader wrote none
