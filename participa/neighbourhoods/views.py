"""Public pages of neighbourhoods."""

from flask import Blueprint, abort, render_template

from participa.core.signals import page_context
from participa.neighbourhoods.queries import get_neighbourhood_by_slug, list_neighbourhoods
from participa.neighbourhoods.signals import neighbourhood_page

bp = Blueprint("neighbourhoods", __name__, url_prefix="/neighbourhoods")


@bp.get("/")
def index():
    return render_template("neighbourhoods/index.html", neighbourhoods=list_neighbourhoods())


@bp.get("/<slug>")
def show(slug):
    """The neighbourhood and what takes place in it (its plans and processes, which those
    features add through ``neighbourhood_page``)."""
    neighbourhood = get_neighbourhood_by_slug(slug) or abort(404)
    return render_template(
        "neighbourhoods/show.html", neighbourhood=neighbourhood,
        **page_context(neighbourhood_page, neighbourhood=neighbourhood),
    )
