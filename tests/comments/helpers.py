"""Builders and checks the comments and debates tests share. Builders call the real operations
(so every rule they enforce holds for the rows they make) and flush, never commit."""

import itertools
from datetime import timedelta

import sqlalchemy as sa

from participa.comments import operations
from participa.comments.models import Comment, CommentVote, TargetKind
from participa.comments.queries import count_visible
from participa.core.models import ActionLog
from participa.core.types import utcnow
from participa.debates import operations as debate_operations
from participa.debates.models import Debate
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.processes.phases import ALLOWED, Action, phase_allows
from tests import factories
from tests.meetings.helpers import make_meeting
from tests.proposals.helpers import make_proposal

_counter = itertools.count(1)
DEBATING = (PhaseKind.INFORMATION, PhaseKind.PROPOSALS, PhaseKind.DEBATE)


def veteran(role="resident", **kwargs):
    """A person whose account is older than the first hour (no new-account limit)."""
    user = factories.make_user(role, locale="en", **kwargs)
    user.created_at = utcnow() - timedelta(days=30)
    db.session.flush()
    return user


def moment_allowing(process, action):
    """Now, if the process's phase allows ``action``; else a moment of a phase that did."""
    if phase_allows(process, action):
        return None
    phase = next(p for p in process.phases if action in ALLOWED[p.kind])
    return phase.starts_at + timedelta(minutes=1)


def make_comment(target, author, body=None, *, alignment="neutral", parent=None,
                 now=None) -> Comment:
    """A comment (or a reply to ``parent``) through ``create_comment``."""
    n = next(_counter)
    data = {"body": body if body is not None else f"El comentari número {n}.",
            "alignment": alignment}
    return operations.create_comment(target, data, actor=author, parent=parent, now=now)


def make_debate(process, author=None, *, now=None, **data) -> Debate:
    """An open debate through ``create_debate`` (by a facilitator of the process unless
    ``author`` is given); made at a moment the phase allowed debates when it does not now."""
    n = next(_counter)
    if author is None:
        author = factories.make_user("facilitator", process=process, locale="en")
    data.setdefault("title", f"Què fem amb la plaça {n}?")
    data.setdefault("body", f"Parlem-ne, veïns ({n}).")
    if now is None:
        now = moment_allowing(process, Action.DEBATE)
    return debate_operations.create_debate(process, data, actor=author, now=now)


def make_target(kind: str, process, author=None):
    """A published proposal, an open debate or a published meeting of ``process``."""
    if kind == "proposal":
        return make_proposal(process, author or factories.make_user(locale="en"))
    if kind == "debate":
        return make_debate(process, author)
    organizer = author or factories.make_user("council", locale="en")
    return make_meeting(process, organizer)


TARGETS = ("proposal", "debate", "meeting")


def stored_comments_count(target) -> int:
    """The target's comments counter as the database holds it now."""
    model = type(target)
    return db.session.scalar(sa.select(model.comments_count).where(model.id == target.id))


def assert_count_true(target) -> None:
    """The stored counter equals the visible comments the rows say."""
    assert stored_comments_count(target) == count_visible(TargetKind.of(target), target.id)


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


def log_entries(verb, target=None) -> list[ActionLog]:
    query = sa.select(ActionLog).where(ActionLog.verb == verb).order_by(ActionLog.id)
    if target is not None:
        query = query.where(ActionLog.target_type == type(target).__name__.lower(),
                            ActionLog.target_id == target.id)
    return list(db.session.scalars(query))


def target_path(target) -> str:
    """The page of a proposal, debate or meeting."""
    kind = TargetKind.of(target)
    return f"/processes/{target.process.slug}/{kind.value}/{target.id}"


def comments_url(target, action="") -> str:
    return target_path(target) + "/comments" + (f"/{action}" if action else "")
