from functools import wraps

from flask import Blueprint, abort, g, render_template
from flask_login import current_user, login_required
from sqlalchemy import func, select

from participa.accounts.models import User
from participa.core.models import ActionLog
from participa.core.permissions import can_access_admin
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood
from participa.plans.models import CommunityPlan
from participa.processes.models import Process

bp = Blueprint("admin", __name__, url_prefix="/admin")


def council_required(view):
    """Anonymous people are sent to sign in; signed-in people who are not council get 403."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not can_access_admin(current_user):
            abort(403)
        g.private_page = True
        return view(*args, **kwargs)

    return wrapped


@bp.get("/")
@council_required
def dashboard():
    counts = {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Neighbourhood, CommunityPlan, Process, User)
    }
    recent = db.session.scalars(select(ActionLog).order_by(ActionLog.id.desc()).limit(20))
    return render_template("admin/dashboard.html", counts=counts, recent=list(recent))
