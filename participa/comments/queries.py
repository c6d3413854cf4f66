"""Reads about comments. A whole thread costs two queries whatever its size: the comments with
their authors (and the associations they were written on behalf of), and the reader's own
votes on them."""

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from participa.accounts.models import User
from participa.associations.models import Association
from participa.comments.models import Alignment, Comment, CommentSort, CommentVote
from participa.core.content import ContentKind, kind_named, kind_of
from participa.core.database import read_rows
from participa.core.permissions import is_signed_in
from participa.extensions import db
from participa.moderation.models import Moderation

COMMENTS = "comments"  # the comments' own kind of content (they can be reported)


@dataclass(slots=True)
class CommentStamp:
    """What tells one comment's state apart, and what a thread's head counts: enough to know
    whether a thread kept whole still holds, without reading its text. Read as the driver
    gives it (``STAMP_COLUMNS``): the alignment as its stored value, the moments as they come."""

    id: int
    author_id: int
    author_name: str
    alignment: Alignment | str
    up_votes: int
    down_votes: int
    updated_at: object
    hidden_at: object
    deleted_at: object
    # the association it was written on behalf of (None: the person alone)
    association_id: int | None
    association_name: str | None
    association_slug: str | None

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None

    @property
    def version(self) -> tuple:
        """Changes whenever what the comment shows changes (votes are counted in SQL and do
        not touch updated_at, so they are part of it; nor does renaming its author or the
        association it speaks for, so their names are)."""
        return (self.updated_at, self.hidden_at, self.deleted_at, self.up_votes,
                self.down_votes, self.author_name, self.association_name,
                self.association_slug)


@dataclass(slots=True)
class CommentView(CommentStamp):
    """What a thread shows of one comment, read as plain columns: a thousand ORM objects
    would cost more than the rest of the page."""

    parent_id: int | None
    depth: int
    body: str
    created_at: object
    edited_at: object
    language: str  # never changes: not part of the version


VIEW_COLUMNS = (
    Comment.id, Comment.author_id, User.name, Comment.alignment, Comment.up_votes,
    Comment.down_votes, Comment.updated_at, Comment.hidden_at, Comment.deleted_at,
    Comment.association_id, Association.name, Association.slug, Comment.parent_id,
    Comment.depth, Comment.body, Comment.created_at, Comment.edited_at,
    Comment.language,
)
# the stamps are only compared and counted, never shown: no conversion of each value (a
# tenth of a long thread's cost) — the alignment stays a string, the moments the driver's own
STAMP_COLUMNS = (
    Comment.id, Comment.author_id, User.name, sa.type_coerce(Comment.alignment, sa.String),
    Comment.up_votes, Comment.down_votes, sa.type_coerce(Comment.updated_at, sa.DateTime),
    sa.type_coerce(Comment.hidden_at, sa.DateTime),
    sa.type_coerce(Comment.deleted_at, sa.DateTime),
    Comment.association_id, Association.name, Association.slug,
)


@dataclass
class Node:
    comment: CommentView
    replies: list = field(default_factory=list)


@dataclass
class Thread:
    """What a target's page shows of its conversation. ``roots`` (the tree, with the text) is
    read when first asked for, unless ``thread_for`` read it already: a long thread kept
    whole never needs it."""

    kind: ContentKind
    target: object
    comments: list  # every comment, in id order (CommentView, or CommentStamp for a long one)
    sort: CommentSort
    alignments: dict  # Alignment value -> number of visible comments stating it
    my_votes: dict  # comment id -> +1 / -1, for the reader
    appeals: dict  # the reader's own hidden comments: comment id -> Moderation id
    size: int  # every comment in the thread, deleted and hidden ones included
    viewer: object  # the reader (the account itself, not Flask-Login's proxy: a thousand
    #                 permission checks would each pay the proxy's lookup)
    tree: list | None = None

    @property
    def roots(self) -> list:
        if self.tree is None:
            self.tree = _tree(list_comments(self.kind.value, self.target.id), self.sort)
        return self.tree


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


_MY_VOTES = (
    sa.select(CommentVote.comment_id, CommentVote.value)
    .join(Comment, Comment.id == CommentVote.comment_id)
    .where(CommentVote.user_id == sa.bindparam("user_id"),
           Comment.target_kind == sa.bindparam("kind"),
           Comment.target_id == sa.bindparam("target_id"))
)


# a thread's queries, built once (their values bound at each use)
_THREAD = (
    sa.select(*VIEW_COLUMNS)
    .join(User, User.id == Comment.author_id)
    .outerjoin(Association, Association.id == Comment.association_id)
    .where(Comment.target_kind == sa.bindparam("kind"),
           Comment.target_id == sa.bindparam("target_id"))
    .order_by(Comment.id)
)
_STAMPS = _THREAD.with_only_columns(*STAMP_COLUMNS)
LONG_THREAD = 40  # visible comments: from here a thread's stamps are read first, its text later


def list_comments(kind: str, target_id: int) -> list[CommentView]:
    """Every comment of a target, oldest first, with its author's name: one query."""
    rows = read_rows(_THREAD, {"kind": kind, "target_id": target_id})
    return [CommentView(*row) for row in rows]


def list_stamps(kind: str, target_id: int) -> list[CommentStamp]:
    """``list_comments`` without the text, the tree or the dates shown."""
    rows = read_rows(_STAMPS, {"kind": kind, "target_id": target_id})
    return [CommentStamp(*row) for row in rows]


def my_votes(user, kind: str, target_id: int) -> dict[int, int]:
    if not is_signed_in(user):
        return {}
    rows = db.session.execute(_MY_VOTES, {"user_id": user.id, "kind": kind,
                                          "target_id": target_id})
    return dict(rows.all())


def thread_for(target, user, sort=None) -> Thread:
    """The target's comments as a tree, sorted, with the alignment counts and the reader's
    votes. Replies are sorted the same way as the comments they answer. A long thread (by its
    target's count) is read as stamps first: its tree waits until a page asks for it."""
    kind = kind_of(target)
    sort = sort if isinstance(sort, CommentSort) else parse_sort(sort)
    tree = None
    if target.comments_count >= LONG_THREAD:
        comments = list_stamps(kind.value, target.id)
    else:
        comments = list_comments(kind.value, target.id)
        tree = _tree(comments, sort)
    alignments = dict.fromkeys((a.value for a in Alignment), 0)
    for comment in comments:
        if comment.is_visible:
            stated = comment.alignment
            alignments[stated if isinstance(stated, str) else stated.value] += 1
    viewer = user._get_current_object() if hasattr(user, "_get_current_object") else user
    return Thread(kind=kind, target=target, comments=comments, sort=sort,
                  alignments=alignments,
                  my_votes=my_votes(user, kind.value, target.id) if comments else {},
                  size=len(comments), viewer=viewer, appeals=_appeals(user, comments),
                  tree=tree)


def _tree(comments, sort) -> list:
    """The comments as nested Nodes, each level sorted by ``sort``."""
    nodes = {c.id: Node(c) for c in comments}
    roots = []
    for comment in comments:
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        (parent.replies if parent else roots).append(nodes[comment.id])
    key = SORT_KEYS[sort]

    def order(level):
        level.sort(key=lambda node: key(node.comment))
        for node in level:
            if node.replies:
                order(node.replies)

    order(roots)
    return roots


def _appeals(user, comments) -> dict[int, int]:
    """Where the reader may appeal about their own hidden comments (a query only when the
    thread holds one)."""
    if not is_signed_in(user):
        return {}
    hidden = [c.id for c in comments if c.hidden_at is not None and c.author_id == user.id]
    if not hidden:
        return {}
    return dict(db.session.execute(
        sa.select(Moderation.target_id, Moderation.id)
        .where(Moderation.target_kind == COMMENTS,
               Moderation.target_id.in_(hidden))
    ).all())


def count_visible(kind: str, target_id: int) -> int:
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


def get_target(comment):
    """The proposal, debate or meeting a comment is on."""
    return kind_named(comment.target_kind).get(comment.target_id)


# -- a person's own: "my participation" ----------------------------------------------------


def list_comments_by(user, *, limit: int, offset: int = 0) -> list[Comment]:
    """The person's comments in published processes, newest first, with their processes, in
    one query; deleted ones are left out (hidden ones stay: their author may appeal)."""
    # imported here: processes.queries builds statements at import, which would configure the
    # mappers before the tests' and the app's models are all imported
    from participa.processes.queries import in_published_processes

    return in_published_processes(
        sa.select(Comment).where(Comment.author_id == user.id, Comment.deleted_at.is_(None))
        .options(joinedload(Comment.association)),
        Comment, order_by=Comment.id.desc(), limit=limit, offset=offset)


def targets_of(comments) -> dict:
    """What these comments are on: {(kind value, id): target}, one query per kind of target
    (proposals, debates, meetings), however many comments."""
    wanted = {}
    for comment in comments:
        wanted.setdefault(comment.target_kind, set()).add(comment.target_id)
    targets = {}
    for value, ids in wanted.items():
        kind = kind_named(value)
        if kind is None:
            continue
        for target in db.session.scalars(sa.select(kind.model).where(kind.model.id.in_(ids))):
            targets[(value, target.id)] = target
    return targets
