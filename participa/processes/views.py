"""Public pages of participatory processes."""

from flask import Blueprint, render_template

from participa.core.signals import page_context
from participa.core.types import utcnow
from participa.processes.actions import actions_of
from participa.processes.loaders import get_visible_process_or_404
from participa.processes.phases import ProcessStatus, active_phase, process_status
from participa.processes.queries import list_published_processes
from participa.processes.signals import process_page

bp = Blueprint("processes", __name__, url_prefix="/processes")


@bp.get("/")
def index():
    return render_template("processes/index.html", processes=list_published_processes())


@bp.get("/<slug>")
def show(slug):
    """The process: first what people can do in it now (each feature's links, figures and
    offers, through ``process_actions``) or, once it is over, what came of it; then its
    phases and its description; other features add their figures (moderation) through
    ``process_page``."""
    process = get_visible_process_or_404(slug)
    status = process_status(process)
    return render_template(
        "processes/show.html",
        process=process,
        active=active_phase(process),
        status=status,
        now=utcnow(),
        actions=actions_of(process, finished=status is ProcessStatus.FINISHED),
        **page_context(process_page, process=process),
    )


def processes_of_neighbourhood(sender, neighbourhood, **kwargs) -> dict:
    """The published processes a neighbourhood's page lists."""
    return {"processes": list_published_processes(neighbourhood=neighbourhood)}
