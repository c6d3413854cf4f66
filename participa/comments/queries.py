"""Reads about comments. A whole thread costs two queries whatever its size: the comments with
their authors, and the reader's own votes on them."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from participa.comments.models import Alignment, Comment, CommentSort, CommentVote, TargetKind
from participa.core.permissions import is_signed_in
from participa.extensions import db


@dataclass
class Node:
    comment: Comment
    replies: list = field(default_factory=list)


@dataclass
class Thread:
    """What a target's page shows of its conversation."""

    kind: TargetKind
    target: object
    roots: list
    sort: CommentSort
    alignments: dict  # Alignment value -> number of visible comments stating it
    my_votes: dict  # comment id -> +1 / -1, for the reader
    size: int  # every comment in the thread, deleted and hidden ones included


SORT_KEYS = {
    CommentSort.OLDEST: lambda c: c.id,
    CommentSort.NEWEST: lambda c: -c.id,
    CommentSort.BEST: lambda c: (-(c.up_votes - c.down_votes), c.id),
}


def parse_sort(value) -> CommentSort:
    try:
        return CommentSort(value)
    except ValueError:
        return CommentSort.OLDEST


def list_comments(kind: TargetKind, target_id: int) -> list[Comment]:
    return list(db.session.scalars(
        sa.select(Comment)
        .where(Comment.target_kind == kind, Comment.target_id == target_id)
        .order_by(Comment.id)
        .options(joinedload(Comment.author))
    ))


def my_votes(user, kind: TargetKind, target_id: int) -> dict[int, int]:
    if not is_signed_in(user):
        return {}
    rows = db.session.execute(
        sa.select(CommentVote.comment_id, CommentVote.value)
        .join(Comment, Comment.id == CommentVote.comment_id)
        .where(CommentVote.user_id == user.id, Comment.target_kind == kind,
               Comment.target_id == target_id)
    )
    return dict(rows.all())


def thread_for(target, user, sort=None) -> Thread:
    """The target's comments as a tree, sorted, with the alignment counts and the reader's
    votes. Replies are sorted the same way as the comments they answer."""
    kind = TargetKind.of(target)
    sort = sort if isinstance(sort, CommentSort) else parse_sort(sort)
    comments = list_comments(kind, target.id)
    nodes = {c.id: Node(c) for c in comments}
    roots = []
    alignments = {a.value: 0 for a in Alignment}
    for comment in comments:
        if comment.is_visible:
            alignments[comment.alignment.value] += 1
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        (parent.replies if parent else roots).append(nodes[comment.id])
    key = SORT_KEYS[sort]

    def order(level):
        level.sort(key=lambda node: key(node.comment))
        for node in level:
            if node.replies:
                order(node.replies)

    order(roots)
    return Thread(kind=kind, target=target, roots=roots, sort=sort, alignments=alignments,
                  my_votes=my_votes(user, kind, target.id), size=len(comments))


def count_visible(kind: TargetKind, target_id: int) -> int:
    """The visible comments as rows say (the stored counter must always equal this)."""
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Comment)
        .where(Comment.target_kind == kind, Comment.target_id == target_id,
               Comment.deleted_at.is_(None), Comment.hidden_at.is_(None))
    )


def get_comment(comment_id: int) -> Comment | None:
    return db.session.scalar(
        sa.select(Comment).where(Comment.id == comment_id)
        .options(joinedload(Comment.author), joinedload(Comment.process))
    )
