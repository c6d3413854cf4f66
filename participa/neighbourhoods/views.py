"""Public pages of neighbourhoods."""

from flask import Blueprint, abort, render_template

from participa.neighbourhoods.queries import get_neighbourhood_by_slug, list_neighbourhoods
from participa.plans.queries import list_public_plans
from participa.processes.queries import list_published_processes

bp = Blueprint("neighbourhoods", __name__, url_prefix="/neighbourhoods")


@bp.get("/")
def index():
    return render_template("neighbourhoods/index.html", neighbourhoods=list_neighbourhoods())


@bp.get("/<slug>")
def show(slug):
    neighbourhood = get_neighbourhood_by_slug(slug) or abort(404)
    return render_template(
        "neighbourhoods/show.html",
        neighbourhood=neighbourhood,
        plans=list_public_plans(neighbourhood=neighbourhood),
        processes=list_published_processes(neighbourhood=neighbourhood),
    )
