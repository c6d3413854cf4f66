"""Reads for moderation: the queue (scoped to what the reader moderates), one reported target
with its reports, and each process's public figures."""

import statistics
from collections import defaultdict

import sqlalchemy as sa
from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from participa.core.content import kind_named, kind_of
from participa.core.models import ActionLog
from participa.core.pagination import page_of
from participa.core.permissions import is_council
from participa.extensions import db
from participa.moderation.models import Moderation, ModerationStatus, Report
from participa.processes.models import Process, ProcessRole

QUEUE_FILTERS = ("pending", "hidden", "appeals", "done")


def _scope(query, user):
    if is_council(user):
        return query
    processes = sa.select(ProcessRole.process_id).where(ProcessRole.user_id == user.id)
    return query.where(Moderation.process_id.in_(processes))


def list_queue(user, *, show="pending", page=1, per_page=20):
    """One page of what ``user`` moderates: waiting targets (most reported first), hidden
    ones, open appeals, or those already decided."""
    query = _scope(sa.select(Moderation), user)
    if show == "hidden":
        query = query.where(Moderation.status == ModerationStatus.HIDDEN).order_by(
            Moderation.id.desc())
    elif show == "appeals":
        query = query.where(Moderation.appealed_at.is_not(None),
                            Moderation.appeal_answered_at.is_(None)).order_by(
            Moderation.appealed_at)
    elif show == "done":
        query = query.where(Moderation.status.in_(
            (ModerationStatus.RESTORED, ModerationStatus.IGNORED))).order_by(
            Moderation.decided_at.desc(), Moderation.id.desc())
    else:
        query = query.where(Moderation.status == ModerationStatus.PENDING,
                            Moderation.reports_count > 0).order_by(
            Moderation.reports_count.desc(), Moderation.id)
    query = query.options(
        joinedload(Moderation.process), joinedload(Moderation.author),
        selectinload(Moderation.reports).joinedload(Report.reporter),
    )
    rows = list(db.session.scalars(query.limit(per_page + 1).offset((page - 1) * per_page)))
    return page_of(rows, page, per_page)


def load_targets(moderations) -> dict:
    """The reported targets, one query per kind: {(kind value, id): target}."""
    wanted = defaultdict(set)
    for moderation in moderations:
        wanted[moderation.target_kind].add(moderation.target_id)
    targets = {}
    for value, ids in wanted.items():
        kind = kind_named(value)
        if kind is None:
            continue
        model = kind.model
        for target in db.session.scalars(sa.select(model).where(model.id.in_(ids))):
            targets[(value, target.id)] = target
    return targets


def get_target(moderation):
    """The reported proposal, comment, profile... (None if it is gone)."""
    kind = moderation.kind
    return kind.get(moderation.target_id) if kind is not None else None


def get_moderation(moderation_id: int) -> Moderation | None:
    return db.session.scalar(
        sa.select(Moderation).where(Moderation.id == moderation_id)
        .options(joinedload(Moderation.process), joinedload(Moderation.author),
                 selectinload(Moderation.reports).joinedload(Report.reporter))
    )


def moderation_of(target) -> Moderation | None:
    return db.session.scalar(sa.select(Moderation).where(
        Moderation.target_kind == kind_of(target).value, Moderation.target_id == target.id))


def open_reasons(moderation) -> dict:
    """Reason → how many open reports give it."""
    counts = {}
    for report in moderation.reports:
        if report.dismissed_at is None:
            counts[report.reason] = counts.get(report.reason, 0) + 1
    return counts


def process_figures(process) -> dict:
    """What anyone may see of a process's moderation: targets reported, hidden, restored, and
    the median time from the first report to a moderator's decision."""
    rows = db.session.execute(
        sa.select(Moderation.status, Moderation.first_reported_at, Moderation.decided_at)
        .where(Moderation.process_id == process.id)
    ).all()
    waits = [(decided - first).total_seconds() for _, first, decided in rows
             if decided is not None]
    return {
        "reported": len(rows),
        "hidden": sum(1 for status, _, _ in rows if status is ModerationStatus.HIDDEN),
        "restored": sum(1 for status, _, _ in rows if status is ModerationStatus.RESTORED),
        "median_hours": statistics.median(waits) / 3600 if waits else None,
    }


def history(moderation) -> list[ActionLog]:
    """Every decision about this target, oldest first (the ActionLog is the record)."""
    return list(db.session.scalars(
        sa.select(ActionLog)
        .where(ActionLog.target_type == "moderation", ActionLog.target_id == moderation.id)
        .order_by(ActionLog.id)
    ))


def describe_for_log(ids) -> dict:
    """The moderation items an ActionLog names, for the council's log: {id: (text, url)},
    in two queries whatever their number (the items, then their targets by kind)."""
    moderations = list(db.session.scalars(sa.select(Moderation).where(Moderation.id.in_(ids))))
    targets = load_targets(moderations)
    described = {}
    for moderation in moderations:
        kind = moderation.kind
        target = targets.get((moderation.target_kind, moderation.target_id))
        title = kind.title(target) if kind is not None and target is not None else "—"
        label = kind.label if kind is not None else moderation.target_kind
        described[moderation.id] = (
            _l("Moderation of %(what)s: %(title)s", what=label, title=title),
            url_for("moderation.show", id=moderation.id))
    return described


def list_reports_by(user, *, limit: int, offset: int = 0) -> list[Report]:
    """The reports the person made, newest first, each with its moderation (the outcome), in
    one query."""
    return list(db.session.scalars(
        sa.select(Report).where(Report.reporter_id == user.id)
        .options(joinedload(Report.moderation))
        .order_by(Report.id.desc())
        .limit(limit).offset(offset)
    ))


def load_processes_of(targets) -> list:
    """The processes of these targets, in one query, so that building their addresses
    (``ContentKind.url``) reads each process from the session instead of one query each.
    Keep the list while the targets are used: the session holds its objects weakly."""
    ids = {target.process_id for target in targets
           if getattr(target, "process_id", None) is not None}
    if not ids:
        return []
    return list(db.session.scalars(sa.select(Process).where(Process.id.in_(ids))))
