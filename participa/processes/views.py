"""Public pages of participatory processes."""

from flask import Blueprint, render_template

from participa.core.signals import page_context
from participa.processes.loaders import get_visible_process_or_404
from participa.processes.phases import ALLOWED, active_phase, process_status
from participa.processes.queries import list_published_processes
from participa.processes.signals import process_page

bp = Blueprint("processes", __name__, url_prefix="/processes")


@bp.get("/")
def index():
    return render_template("processes/index.html", processes=list_published_processes())


@bp.get("/<slug>")
def show(slug):
    """The process, its phases and what it asks of people; other features add their figures
    (open debates, moderation) through ``process_page``."""
    process = get_visible_process_or_404(slug)
    phase = active_phase(process)
    return render_template(
        "processes/show.html",
        process=process,
        active=phase,
        status=process_status(process),
        allowed=sorted(ALLOWED[phase.kind], key=lambda a: a.value) if phase else [],
        **page_context(process_page, process=process),
    )


def processes_of_neighbourhood(sender, neighbourhood, **kwargs) -> dict:
    """The published processes a neighbourhood's page lists."""
    return {"processes": list_published_processes(neighbourhood=neighbourhood)}
