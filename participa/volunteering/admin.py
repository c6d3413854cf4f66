"""The council's page for volunteering, under /admin/volunteering/: every opportunity, of the
council and of the associations, filtered by status, with its places and volunteers. Editing,
publishing, closing and cancelling happen on the opportunity's own pages (the council
organises every one of them)."""

from flask import Blueprint, current_app, render_template, request

from participa.core.auth import council_required
from participa.core.pagination import requested_page
from participa.volunteering import queries
from participa.volunteering.models import OpportunityStatus

bp = Blueprint("volunteering_admin", __name__, url_prefix="/admin/volunteering")


@bp.get("/")
@council_required
def index():
    try:
        status = OpportunityStatus(request.args.get("status")) if request.args.get(
            "status") else None
    except ValueError:
        status = None
    page = queries.list_all(status=status, page=requested_page(),
                            per_page=current_app.config["PAGE_SIZE"])
    return render_template("volunteering/admin/index.html", page=page, status=status,
                           statuses=list(OpportunityStatus))
