"""The council's dashboard: how much there is, and the latest privileged actions."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from participa.accounts.models import User
from participa.core.auth import council_required
from participa.core.flow import perform
from participa.core.jobs import (
    Job,
    JobStatus,
    failed_jobs_count,
    list_jobs,
    overdue_jobs_count,
    retry_job,
)
from participa.core.models import ActionLog
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
    recent = db.session.scalars(select(ActionLog).order_by(ActionLog.id.desc()).limit(20))
    return render_template("admin/dashboard.html", counts=counts, recent=list(recent),
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
