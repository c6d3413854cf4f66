"""The council's dashboard: how much there is, and the latest privileged actions."""

import json
from datetime import date, datetime, time, timedelta

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from participa.accounts.models import User
from participa.core.activity import describe_targets, iter_log, list_log
from participa.core.auth import council_required
from participa.core.exports import csv_response
from participa.core.flow import perform
from participa.core.jobs import (
    Job,
    JobStatus,
    failed_jobs_count,
    list_jobs,
    overdue_jobs_count,
    retry_job,
)
from participa.core.models import ActionLog, verb_label, verb_labels
from participa.core.pagination import requested_page
from participa.core.text import fold
from participa.core.timeutil import local_to_utc, utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan
from participa.processes.models import Process

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/")
@council_required
def dashboard():
    counts = {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Neighbourhood, CommunityPlan, Process, User)
    }
    recent = list(db.session.scalars(select(ActionLog).order_by(ActionLog.id.desc()).limit(20)))
    return render_template("admin/dashboard.html", counts=counts, recent=recent,
                           targets=describe_targets(recent),
                           failed_jobs=failed_jobs_count(),
                           overdue_jobs=overdue_jobs_count(now=utcnow()))


@bp.get("/jobs")
@council_required
def jobs():
    """What the worker could not do (e-mail a server refused, again and again), to send again,
    and what waits to be done."""
    return render_template("admin/jobs.html", failed=list_jobs([JobStatus.FAILED]),
                           waiting=list_jobs([JobStatus.PENDING]))


@bp.post("/jobs/<int:job_id>/retry")
@council_required
def retry(job_id):
    job = db.session.get(Job, job_id) or abort(404)
    perform(lambda: retry_job(job, actor=current_user, now=utcnow()),
            _("It will be sent again in a moment."))
    return redirect(url_for(".jobs"))


# -- the whole log -----------------------------------------------------------------------------


def _day(raw):
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _log_filters() -> dict:
    """The log's filters from the address: a verb, who (name or e-mail), a range of days."""
    args = request.args
    verb = args.get("verb") or None
    return {
        "verb": verb if verb in verb_labels() else None,
        "actor": (args.get("actor") or "").strip()[:100],
        "since": _day(args.get("since")),
        "until": _day(args.get("until")),
    }


def _log_query_args(filters) -> dict:
    """The filters as the log query takes them: who as a SELECT of ids, days as UTC moments
    (a day runs from midnight to midnight in the town's time)."""
    actors = None
    if filters["actor"]:
        wanted = filters["actor"].lower()
        actors = select(User.id).where(
            (func.lower(User.email) == wanted)
            | func.lower(User.name).contains(wanted, autoescape=True)
            | User.name.contains(filters["actor"], autoescape=True))
    since = local_to_utc(datetime.combine(filters["since"], time())) \
        if filters["since"] else None
    until = local_to_utc(datetime.combine(filters["until"] + timedelta(days=1), time())) \
        if filters["until"] else None
    return {"verb": filters["verb"], "actors": actors, "since": since, "until": until}


def _verb_choices():
    return sorted(((verb, str(label)) for verb, label in verb_labels().items()),
                  key=lambda pair: fold(pair[1]))


@bp.get("/log")
@council_required
def log():
    """Everything the ActionLog holds, newest first: filtered, paginated, exportable."""
    filters = _log_filters()
    page = list_log(**_log_query_args(filters), page=requested_page(),
                    per_page=current_app.config["PAGE_SIZE"])
    return render_template("admin/log.html", page=page, filters=filters,
                           targets=describe_targets(page.items), verbs=_verb_choices())


LOG_FIELDS = ("when", "who", "who_email", "verb", "what", "target_type", "target_id",
              "target", "url", "data")


@bp.get("/log.csv")
@council_required
def log_csv():
    """The filtered log as CSV (formula-like cells neutralised by ``csv_response``)."""
    filters = _log_filters()

    def rows():
        for entries in iter_log(**_log_query_args(filters)):
            targets = describe_targets(entries)
            for entry in entries:
                target = targets[entry.id]
                yield {
                    "when": utc_to_local(entry.created_at).isoformat(timespec="seconds"),
                    "who": entry.actor.name if entry.actor else "",
                    "who_email": entry.actor.email if entry.actor else "",
                    "verb": entry.verb,
                    "what": str(verb_label(entry.verb)),
                    "target_type": entry.target_type,
                    "target_id": entry.target_id,
                    "target": target.text,
                    "url": (current_app.config["PUBLIC_URL"].rstrip("/") + target.url
                            if target.url and target.url.startswith("/") else target.url),
                    "data": json.dumps(entry.data, ensure_ascii=False, sort_keys=True),
                }

    return csv_response(rows(), LOG_FIELDS, "action-log.csv", private=True)
