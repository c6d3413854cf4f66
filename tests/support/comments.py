"""Builders and checks for comments (on proposals, debates and meetings). Builders call the real
operations (so every rule they enforce holds for the rows they make) and flush, never commit."""

import itertools
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from participa.comments import operations
from participa.comments.models import Comment, CommentVote
from participa.comments.queries import count_visible
from participa.core.content import kind_of
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.debates import make_debate
from tests.support.meetings import make_meeting
from tests.support.proposals import make_proposal

_counter = itertools.count(1)
DEBATING = (PhaseKind.INFORMATION, PhaseKind.PROPOSALS, PhaseKind.DEBATE)
TARGETS = ("proposal", "debate", "meeting")


def veteran(role="resident", **kwargs):
    """A person whose account is older than the first hour (no new-account limit)."""
    user = factories.make_user(role, locale="en", **kwargs)
    user.created_at = utcnow() - timedelta(days=30)
    db.session.flush()
    return user


def make_comment(target, author, body=None, *, alignment="neutral", parent=None,
                 now=None) -> Comment:
    """A comment (or a reply to ``parent``) through ``create_comment``, with the first-hour
    limit the app is configured with (as the view passes it): tests that post many comments by
    a new account raise the limit or use a ``veteran``."""
    n = next(_counter)
    data = {"body": body if body is not None else f"El comentari número {n}.",
            "alignment": alignment}
    return operations.create_comment(
        target, data, actor=author, parent=parent, now=now,
        first_hour_limit=current_app.config["NEW_ACCOUNT_COMMENTS"])


def make_target(kind: str, process, author=None):
    """A published proposal, an open debate or a published meeting of ``process``."""
    if kind == "proposal":
        return make_proposal(process, author or factories.make_user(locale="en"))
    if kind == "debate":
        return make_debate(process, author)
    organizer = author or factories.make_user("council", locale="en")
    return make_meeting(process, organizer)


def stored_comments_count(target) -> int:
    """The target's comments counter as the database holds it now."""
    model = type(target)
    return db.session.scalar(sa.select(model.comments_count).where(model.id == target.id))


def counter_is_true(target) -> bool:
    """The stored counter equals the visible comments the rows say."""
    return stored_comments_count(target) == count_visible(kind_of(target).value, target.id)


def assert_count_true(target) -> None:
    assert stored_comments_count(target) == count_visible(kind_of(target).value, target.id)


def vote_rows(comment) -> tuple[int, int]:
    """(up, down) CommentVote rows of ``comment``."""
    values = list(db.session.scalars(
        sa.select(CommentVote.value).where(CommentVote.comment_id == comment.id)))
    return values.count(1), values.count(-1)


def stored_votes(comment) -> tuple[int, int]:
    return tuple(db.session.execute(
        sa.select(Comment.up_votes, Comment.down_votes).where(Comment.id == comment.id)).one())


def count_comments() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Comment))


def ids(nodes):
    """The comment ids of thread nodes, in order."""
    return [node.comment.id for node in nodes]


def target_path(target) -> str:
    """The page of a proposal, debate or meeting."""
    kind = kind_of(target)
    return f"/processes/{target.process.slug}/{kind.value}/{target.id}"


def comments_url(target, action="") -> str:
    return target_path(target) + "/comments" + (f"/{action}" if action else "")
