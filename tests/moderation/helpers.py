"""Builders and checks the moderation tests share. Builders call the real operations (so every
rule they enforce holds for the rows they make) and flush, never commit."""

import itertools

import sqlalchemy as sa

from participa.comments import operations as comment_ops
from participa.comments.models import Comment, TargetKind
from participa.comments.queries import count_visible
from participa.core.models import ActionLog
from participa.debates import operations as debate_ops
from participa.extensions import db
from participa.moderation import operations
from participa.moderation.models import Moderation, Report
from tests import factories
from tests.meetings.helpers import make_meeting
from tests.proposals.helpers import make_proposal

_counter = itertools.count(1)

KINDS = ("proposal", "debate", "comment", "meeting", "user")


def moderation_process(**kwargs):
    """A published process in its proposals phase where residents may open debates."""
    kwargs.setdefault("residents_open_debates", True)
    return factories.make_process(**kwargs)


def make_debate(process, author, **data):
    n = next(_counter)
    data.setdefault("title", f"Debat número {n}")
    data.setdefault("body", f"De què parlem al debat {n}?")
    return debate_ops.create_debate(process, data, actor=author)


def make_comment(target, author, body=None, **kwargs):
    """A comment through ``create_comment`` (older accounts than an hour are not limited:
    factories make accounts now, so tests that post many comments raise the limit)."""
    n = next(_counter)
    return comment_ops.create_comment(
        target, {"body": body or f"Un comentari número {n}.", "alignment": "neutral"},
        actor=author, **kwargs)


def make_item(kind, process, author, *, facilitator=None):
    """One reportable item of ``kind`` by ``author`` (a meeting is made by ``facilitator``,
    who then counts as its author; a user item is ``author`` themself)."""
    if kind == "proposal":
        return make_proposal(process, author)
    if kind == "debate":
        return make_debate(process, author)
    if kind == "comment":
        return make_comment(make_proposal(process, factories.make_user()), author)
    if kind == "meeting":
        return make_meeting(process, facilitator or author)
    if kind == "user":
        return author
    raise ValueError(kind)


def report(item, actor, reason="spam", details="", now=None):
    return operations.report_item(item, reason=reason, details=details, actor=actor, now=now)


def report_by(item, n, reason="offensive"):
    """``n`` new residents reporting ``item``; returns them and the last report's result."""
    people = [factories.make_user() for _ in range(n)]
    result = None
    for person in people:
        result = report(item, person, reason)
    return people, result


def target_of(comment):
    return comment_ops.get_target(comment)


def stored_comments_count(target) -> int:
    model = type(target)
    return db.session.scalar(sa.select(model.comments_count).where(model.id == target.id))


def counter_is_true(target) -> bool:
    return stored_comments_count(target) == count_visible(TargetKind.of(target), target.id)


def report_rows(moderation_id=None) -> int:
    query = sa.select(sa.func.count()).select_from(Report)
    if moderation_id is not None:
        query = query.where(Report.moderation_id == moderation_id)
    return db.session.scalar(query)


def moderation_rows() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Moderation))


def comment_rows(**where) -> int:
    query = sa.select(sa.func.count()).select_from(Comment)
    for name, value in where.items():
        query = query.where(getattr(Comment, name) == value)
    return db.session.scalar(query)


def log_entries(verb, target=None) -> list[ActionLog]:
    query = sa.select(ActionLog).where(ActionLog.verb == verb).order_by(ActionLog.id)
    if target is not None:
        query = query.where(ActionLog.target_type == type(target).__name__.lower(),
                            ActionLog.target_id == target.id)
    return list(db.session.scalars(query))
