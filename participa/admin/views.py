"""The council's dashboard: how much there is, and the latest privileged actions."""

from flask import Blueprint, render_template
from sqlalchemy import func, select

from participa.accounts.models import User
from participa.core.auth import council_required
from participa.core.models import ActionLog
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
    return render_template("admin/dashboard.html", counts=counts, recent=list(recent))
