"""Every write about reports and moderation. Flush, never commit; the actor is passed in.

Parallel reports of one target serialize on its Moderation row (``lock_row``), so the count of
distinct reporters is exact and the automatic hiding happens once; one report per person and
target is a unique constraint. Every decision is written to the ActionLog."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from participa.accounts.models import User
from participa.accounts.operations import end_sessions
from participa.core.content import content_kinds, kind_of
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.types import utcnow
from participa.extensions import db
from participa.moderation.models import (
    APPEAL_LIMIT,
    DECISION_REASON_LIMIT,
    DETAILS_LIMIT,
    HideCause,
    Moderation,
    ModerationStatus,
    Report,
    ReportReason,
)
from participa.moderation.permissions import (
    can_appeal,
    can_block_user,
    can_moderate,
    can_report,
    is_official,
)
from participa.moderation.queries import get_target
from participa.processes.models import Process

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "auto_hide": _l("hid content after reports"),
    "hide": _l("hid content"),
    "unhide": _l("restored hidden content"),
    "ignore_reports": _l("dismissed reports"),
    "reject_appeal": _l("kept content hidden after an appeal"),
    "appeal": _l("appealed a moderation decision"),
    "block_user": _l("blocked a person"),
    "unblock_user": _l("unblocked a person"),
}


def hide_threshold(target, *, profile_threshold: int) -> int:
    """How many reports hide ``target``: its process's setting, or ``profile_threshold`` for
    what belongs to no process (a profile)."""
    process_id = kind_of(target).process_id(target)
    if process_id is None:
        return profile_threshold
    return db.session.get(Process, process_id).hide_after_reports


def set_hidden(target, hidden_at) -> None:
    """Hide ``target`` (a time) or show it again (None), as its kind does it (comments keep
    their counters true)."""
    kind_of(target).set_hidden(target, hidden_at)


def _moderation_for(target, now) -> Moderation:
    """The target's Moderation row, locked; made if this is its first report."""
    kind = kind_of(target)
    query = sa.select(Moderation.id).where(Moderation.target_kind == kind.value,
                                           Moderation.target_id == target.id)
    moderation_id = db.session.scalar(query)
    if moderation_id is None:
        moderation = Moderation(target_kind=kind.value, target_id=target.id,
                                process_id=kind.process_id(target),
                                author_id=kind.author_id(target),
                                status=ModerationStatus.PENDING, reports_count=0,
                                first_reported_at=now, last_reported_at=now)
        try:
            with db.session.begin_nested():
                db.session.add(moderation)
        except IntegrityError:  # a parallel first report made it a moment ago
            pass
        moderation_id = db.session.scalar(query)
    lock_row(Moderation, moderation_id)
    moderation = db.session.get(Moderation, moderation_id)
    db.session.refresh(moderation)
    return moderation


def _count_open_reports(moderation) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Report)
        .where(Report.moderation_id == moderation.id, Report.dismissed_at.is_(None))
    )


def report_target(target, *, reason, details="", actor, profile_threshold=3, now=None):
    """Report ``target`` once; hide it when enough different people have reported it
    (``profile_threshold``: how many, for what belongs to no process).

    Returns ``(moderation, first, hidden_now)``: ``first`` when this opened a new round of
    reports (moderators are told), ``hidden_now`` when this report hid the target."""
    now = now or utcnow()
    if not can_report(actor, target):
        raise DomainError(_l("You cannot report this."))
    try:
        reason = ReportReason(reason)
    except ValueError:
        raise DomainError(_l("Choose a reason."), field="reason") from None
    details = (details or "").strip()
    if len(details) > DETAILS_LIMIT:
        raise DomainError(_l("Write at most %(n)s characters.", n=DETAILS_LIMIT),
                          field="details")
    # one person's reports are serialized, as their comments and votes are; on SQLite this also
    # opens the transaction, so the savepoint below is nested (a first, outermost SAVEPOINT's
    # RELEASE would commit the new Moderation row on its own, whatever the request does next)
    lock_row(User, actor.id)
    db.session.refresh(actor)  # a block committed while this waited for the lock counts
    if actor.is_blocked:
        raise DomainError(_l("You cannot report this."))
    moderation = _moderation_for(target, now)
    already = db.session.scalar(sa.select(Report.id).where(
        Report.moderation_id == moderation.id, Report.reporter_id == actor.id))
    if already is not None:
        raise DomainError(_l("You have already reported this."))
    try:
        with db.session.begin_nested():
            db.session.add(Report(moderation_id=moderation.id, reporter_id=actor.id,
                                  reason=reason, details=details, created_at=now))
    except IntegrityError as error:
        raise DomainError(_l("You have already reported this.")) from error
    before = moderation.reports_count
    moderation.reports_count = _count_open_reports(moderation)
    moderation.last_reported_at = now
    first = before == 0
    if first and moderation.status is not ModerationStatus.HIDDEN:
        moderation.status = ModerationStatus.PENDING
        moderation.first_reported_at = now
        moderation.decided_at = None
    threshold = hide_threshold(target, profile_threshold=profile_threshold)
    hidden_now = False
    db.session.refresh(target)  # read before the lock: another report may have hidden it since
    if (threshold and moderation.reports_count >= threshold and target.hidden_at is None
            and moderation.status is ModerationStatus.PENDING and not is_official(moderation)):
        set_hidden(target, now)
        moderation.status, moderation.hide_cause = ModerationStatus.HIDDEN, HideCause.REPORTS
        hidden_now = True
        log_action("auto_hide", moderation, actor=None, process_id=moderation.process_id,
                   reports=moderation.reports_count)
    db.session.flush()
    return moderation, first, hidden_now


def _decide(moderation, status, now):
    moderation.status = status
    if moderation.decided_at is None:
        moderation.decided_at = now


def _dismiss_reports(moderation, now):
    db.session.execute(
        sa.update(Report).where(Report.moderation_id == moderation.id,
                                Report.dismissed_at.is_(None))
        .values(dismissed_at=now).execution_options(synchronize_session=False)
    )
    moderation.reports_count = 0


def _check(actor, moderation):
    if not can_moderate(actor, moderation):
        raise DomainError(_l("You do not moderate this."))
    lock_row(Moderation, moderation.id)
    db.session.refresh(moderation)


def _reason(reason) -> str:
    """A moderator's written reason, kept in the ActionLog entry of the decision."""
    reason = (reason or "").strip()
    if len(reason) > DECISION_REASON_LIMIT:
        raise DomainError(_l("Write at most %(n)s characters.", n=DECISION_REASON_LIMIT),
                          field="reason")
    return reason


def hide_target(moderation, *, actor, reason: str = "") -> Moderation:
    """A moderator hides the target (its reports stay; ``reason``: what the author is told)."""
    reason = _reason(reason)
    _check(actor, moderation)
    if moderation.status is ModerationStatus.HIDDEN:
        raise DomainError(_l("This is already hidden."))
    now = utcnow()
    set_hidden(get_target(moderation), now)
    moderation.hide_cause = HideCause.MODERATOR
    _decide(moderation, ModerationStatus.HIDDEN, now)
    db.session.flush()
    log_action("hide", moderation, actor=actor, process_id=moderation.process_id,
               **({"reason": reason} if reason else {}))
    return moderation


def unhide_target(moderation, *, actor) -> Moderation:
    """A moderator restores hidden content; its reports are dismissed (it starts afresh)."""
    _check(actor, moderation)
    if moderation.status is not ModerationStatus.HIDDEN:
        raise DomainError(_l("This is not hidden."))
    now = utcnow()
    set_hidden(get_target(moderation), None)
    moderation.hide_cause = None
    _dismiss_reports(moderation, now)
    _decide(moderation, ModerationStatus.RESTORED, now)
    if moderation.appealed_at is not None and moderation.appeal_answered_at is None:
        moderation.appeal_answered_at = now
    db.session.flush()
    log_action("unhide", moderation, actor=actor, process_id=moderation.process_id)
    return moderation


def ignore_reports(moderation, *, actor) -> Moderation:
    """A moderator finds nothing wrong with visible content: its reports are dismissed."""
    _check(actor, moderation)
    if moderation.status is ModerationStatus.HIDDEN:
        raise DomainError(_l("Hidden content is restored, not ignored."))
    if moderation.reports_count == 0:
        raise DomainError(_l("There are no reports to dismiss."))
    now = utcnow()
    _dismiss_reports(moderation, now)
    _decide(moderation, ModerationStatus.IGNORED, now)
    db.session.flush()
    log_action("ignore_reports", moderation, actor=actor, process_id=moderation.process_id)
    return moderation


def keep_hidden(moderation, *, actor, reason: str = "") -> Moderation:
    """A moderator reads the appeal and keeps the content hidden (``reason``: what the author
    is told)."""
    reason = _reason(reason)
    _check(actor, moderation)
    if not moderation.open_appeal:
        raise DomainError(_l("There is no appeal to answer."))
    moderation.appeal_answered_at = utcnow()
    if moderation.decided_at is None:
        moderation.decided_at = moderation.appeal_answered_at
    db.session.flush()
    log_action("reject_appeal", moderation, actor=actor, process_id=moderation.process_id,
               **({"reason": reason} if reason else {}))
    return moderation


def appeal(moderation, text: str, *, actor) -> Moderation:
    """The author of hidden content asks, once, for it to be looked at again."""
    lock_row(Moderation, moderation.id)
    db.session.refresh(moderation)
    if not can_appeal(actor, moderation):
        raise DomainError(_l("You cannot appeal this decision (an appeal is made once)."))
    text = (text or "").strip()
    if not text or len(text) > APPEAL_LIMIT:
        raise DomainError(_l("Explain your appeal in at most %(n)s characters.", n=APPEAL_LIMIT),
                          field="appeal")
    moderation.appeal, moderation.appealed_at = text, utcnow()
    db.session.flush()
    log_action("appeal", moderation, actor=actor, process_id=moderation.process_id)
    return moderation


def _content_of(user):
    """Everything ``user`` wrote that moderation can hide, of every kind that has authors."""
    for kind in content_kinds():
        if kind.author_column is not None:
            yield from db.session.scalars(kind.authored_by(user.id))


def block_user(user, *, actor, reason: str = "") -> User:
    """The council blocks a person: they cannot sign in (their sessions end) and everything
    they wrote is hidden, stamped with the moment of the block so unblocking restores just it.
    ``reason``: what the person is told."""
    reason = _reason(reason)
    if not can_block_user(actor, user):
        raise DomainError(_l("You cannot block this person."))
    lock_row(User, user.id)
    db.session.refresh(user)
    if user.is_blocked:
        raise DomainError(_l("This person is already blocked."))
    now = utcnow()
    user.blocked_at = now
    end_sessions(user)
    hidden = 0
    for target in _content_of(user):
        if target.hidden_at is None and getattr(target, "deleted_at", None) is None:
            set_hidden(target, now)
            hidden += 1
    db.session.flush()
    log_action("block_user", user, actor=actor, hidden=hidden,
               **({"reason": reason} if reason else {}))
    return user


def unblock_user(user, *, actor) -> User:
    """Lift a block: the person can sign in again and what the block hid comes back (what
    moderators hid for its own sake stays hidden)."""
    if not can_block_user(actor, user):
        raise DomainError(_l("You cannot unblock this person."))
    lock_row(User, user.id)
    db.session.refresh(user)
    if not user.is_blocked:
        raise DomainError(_l("This person is not blocked."))
    blocked_at = user.blocked_at
    restored = 0
    for target in _content_of(user):
        if target.hidden_at is not None and target.hidden_at == blocked_at:
            set_hidden(target, None)
            restored += 1
    user.blocked_at = None
    db.session.flush()
    log_action("unblock_user", user, actor=actor, restored=restored)
    return user
