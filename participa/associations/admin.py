"""The council's pages for associations, under /admin/associations/: the registrations waiting
for verification and the refused ones, one registration's review (verify, or refuse with a
reason; both e-mailed to its administrators and written to the ActionLog), and the areas of
work the council keeps (with their translations). Anyone but the council: 403."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.associations import notifications, operations, queries
from participa.associations.forms import AreaForm, RefuseForm
from participa.associations.models import AreaOfWork, AssociationStatus
from participa.associations.permissions import can_refuse_association, can_verify_association
from participa.core.auth import council_required
from participa.core.flow import Refused, perform, render_form, save_form, submit
from participa.core.pagination import requested_page
from participa.core.translated import submitted_translations, translation_form_data
from participa.extensions import db

bp = Blueprint("associations_admin", __name__, url_prefix="/admin/associations")


def _association_or_404(id):
    return queries.get_association(id) or abort(404)


@bp.get("/")
@council_required
def index():
    return render_template(
        "associations/admin/index.html",
        pending=queries.list_by_status(AssociationStatus.PENDING, page=requested_page()),
        refused=queries.list_by_status(AssociationStatus.REFUSED))


def _render_review(association, form=None):
    return render_form(
        "associations/admin/review.html", form or RefuseForm(formdata=None),
        association=association, representatives=queries.list_links(association),
        may_verify=can_verify_association(current_user, association),
        may_refuse=can_refuse_association(current_user, association))


@bp.get("/<int:id>")
@council_required
def review(id):
    return _render_review(_association_or_404(id))


@bp.post("/<int:id>/verify")
@council_required
def verify(id):
    association = _association_or_404(id)

    def decide():
        operations.verify_association(association, actor=current_user)
        notifications.send_decision(association)
        return association

    perform(decide, _l("The association is verified: its administrators have been told by "
                       "e-mail."))
    return redirect(url_for(".review", id=association.id))


@bp.post("/<int:id>/refuse")
@council_required
def refuse(id):
    association = _association_or_404(id)
    form = RefuseForm()

    def decide(data):
        operations.refuse_association(association, data["reason"], actor=current_user)
        notifications.send_decision(association)
        return association

    saved = submit(form, decide, _l("The registration has been refused: its administrators "
                                    "have been told why by e-mail."))
    if isinstance(saved, Refused):
        return _render_review(association, form)
    return redirect(url_for(".review", id=association.id))


# --- areas of work ------------------------------------------------------------------------------

@bp.get("/areas/")
@council_required
def areas():
    return render_template("associations/admin/areas.html", areas=queries.list_areas())


@bp.route("/areas/new", methods=["GET", "POST"])
@council_required
def new_area():
    return save_form(
        AreaForm(),
        lambda data: operations.add_area(
            data, actor=current_user,
            translations=submitted_translations(data, AreaOfWork.TRANSLATED)),
        template="associations/admin/area_form.html",
        success=_l("The area of work has been added."),
        next_url=lambda area: url_for(".areas"), area=None)


@bp.route("/areas/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit_area(id):
    area = db.session.get(AreaOfWork, id) or abort(404)
    return save_form(
        AreaForm(obj=area, **translation_form_data(area, AreaOfWork.TRANSLATED)),
        lambda data: operations.update_area(
            area, data, actor=current_user,
            translations=submitted_translations(data, AreaOfWork.TRANSLATED)),
        template="associations/admin/area_form.html",
        success=_l("The area of work has been saved."),
        next_url=lambda saved: url_for(".areas"), area=area)
