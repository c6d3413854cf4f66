"""Builders and checks for moderation: reportable items, reports, the rows they leave, and the
client tests' URLs and sign-ins. Builders call the real operations and flush, never commit."""

import sqlalchemy as sa
from flask import current_app

from participa.comments import operations as comment_ops
from participa.comments.models import Comment
from participa.extensions import db
from participa.moderation import operations
from participa.moderation.models import Moderation, ModerationStatus, Report
from tests.support import factories
from tests.support.comments import make_comment
from tests.support.debates import make_debate
from tests.support.meetings import make_meeting
from tests.support.proposals import make_proposal
from tests.support.web import login, post

KINDS = ("proposal", "debate", "comment", "meeting", "user")
HIDDEN, PENDING, RESTORED, IGNORED = (ModerationStatus.HIDDEN, ModerationStatus.PENDING,
                                      ModerationStatus.RESTORED, ModerationStatus.IGNORED)
COMMENT_TEXT = "Aquest veí és un ximple integral."
BLOCKED_MESSAGE = "This account has been blocked by the council, so it cannot sign in."


def moderation_process(**kwargs):
    """A published process in its proposals phase where residents may open debates."""
    kwargs.setdefault("residents_open_debates", True)
    return factories.make_process(**kwargs)


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


def item_of(kind, process, author, facilitator):
    return make_item(kind, process, author, facilitator=facilitator)


def report(item, actor, reason="spam", details="", now=None):
    """A report through ``report_target``, with the profile threshold the app is configured
    with (as the view passes it)."""
    return operations.report_target(
        item, reason=reason, details=details, actor=actor, now=now,
        profile_threshold=current_app.config["MODERATION_HIDE_AFTER"])


def report_by(item, n, reason="offensive"):
    """``n`` new residents reporting ``item``; returns them and the last report's result."""
    people = [factories.make_user() for _ in range(n)]
    result = None
    for person in people:
        result = report(item, person, reason)
    return people, result


def target_of(comment):
    return comment_ops.get_target(comment)


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


def fresh(obj):
    """``obj`` reloaded from the database, in place."""
    db.session.refresh(obj)
    return obj


def refreshed(obj):
    """``obj`` as the database holds it now, after what requests committed."""
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


# --- through the test client ------------------------------------------------------------------


def report_url_of(kind, item) -> str:
    if kind == "comment":
        return f"/comments/{item.id}/report"
    if kind == "user":
        return f"/accounts/people/{item.id}/report"
    return f"/processes/{item.process.slug}/{kind}s/{item.id}/report"


def page_of(comment) -> str:
    target = target_of(comment)
    kind = type(target).__name__.lower()
    return f"/processes/{target.process.slug}/{kind}s/{target.id}"


def send_report(client, url, reason="offensive", details=""):
    return post(client, url, {"reason": reason, "details": details}, token_from=url)


def signed_in(client, user):
    """Another browser, signed in as ``user``."""
    browser = client.another()
    login(browser, user)
    return browser


def bodies(messages) -> list[str]:
    return [m.get_content() for m in messages]
