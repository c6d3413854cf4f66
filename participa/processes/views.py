"""Public pages of participatory processes."""

from flask import Blueprint, abort, render_template
from flask_login import current_user

from participa.debates.queries import count_open
from participa.moderation.queries import process_figures
from participa.processes.permissions import can_view_process
from participa.processes.phases import ALLOWED, active_phase, process_status
from participa.processes.queries import get_process_by_slug, list_published_processes

bp = Blueprint("processes", __name__, url_prefix="/processes")


def get_visible_process_or_404(slug):
    """The process, if this person may see it (unpublished ones are 404 to outsiders)."""
    process = get_process_by_slug(slug)
    if process is None or not can_view_process(current_user, process):
        abort(404)
    return process


@bp.get("/")
def index():
    return render_template("processes/index.html", processes=list_published_processes())


@bp.get("/<slug>")
def show(slug):
    process = get_visible_process_or_404(slug)
    phase = active_phase(process)
    return render_template(
        "processes/show.html",
        process=process,
        active=phase,
        status=process_status(process),
        allowed=sorted(ALLOWED[phase.kind], key=lambda a: a.value) if phase else [],
        moderation=process_figures(process),
        open_debates=count_open(process),
    )
