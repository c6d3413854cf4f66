"""The council's pages for neighbourhoods, under /admin/neighbourhoods/."""

from flask import Blueprint, abort, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import save_form
from participa.extensions import db
from participa.neighbourhoods.forms import NeighbourhoodForm
from participa.neighbourhoods.models import Neighbourhood
from participa.neighbourhoods.operations import create_neighbourhood, update_neighbourhood
from participa.neighbourhoods.queries import list_neighbourhoods

bp = Blueprint("neighbourhoods_admin", __name__, url_prefix="/admin/neighbourhoods")


@bp.get("/")
@council_required
def index():
    return render_template("neighbourhoods/admin/index.html", neighbourhoods=list_neighbourhoods())


@bp.route("/new", methods=["GET", "POST"])
@council_required
def new():
    return save_form(
        NeighbourhoodForm(),
        lambda data: create_neighbourhood(data, actor=current_user),
        template="neighbourhoods/admin/form.html",
        success=_l("The neighbourhood has been created."),
        next_url=lambda obj: url_for(".index"),
        neighbourhood=None,
    )


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit(id):
    neighbourhood = db.session.get(Neighbourhood, id) or abort(404)
    return save_form(
        NeighbourhoodForm(obj=neighbourhood),
        lambda data: update_neighbourhood(neighbourhood, data, actor=current_user),
        template="neighbourhoods/admin/form.html",
        success=_l("The neighbourhood has been saved."),
        next_url=lambda obj: url_for(".index"),
        neighbourhood=neighbourhood,
    )
