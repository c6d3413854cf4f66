"""The public register of associations and what signed-in people do with it: register one,
ask to represent one, edit its details (its representatives), manage its representatives (its
administrators), and see their own associations. A refused association is gone from the
register: for everyone but its administrators and the council it does not exist (404)."""

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from participa.associations import files, notifications, operations, queries
from participa.associations.activity import activity_of
from participa.associations.forms import AssociationForm, RoleForm
from participa.associations.models import Association
from participa.associations.permissions import (
    can_act_for,
    can_ask_to_represent,
    can_edit_association,
    can_manage_representatives,
    can_register_association,
    can_view_association,
    is_administrator,
)
from participa.core.exports import csv_response, json_response
from participa.core.flow import perform, save_form
from participa.core.models import written_in
from participa.core.pagination import requested_page
from participa.core.security import post_limit
from participa.core.urls import db_int
from participa.neighbourhoods.queries import list_neighbourhoods

bp = Blueprint("associations", __name__)

ONE = "/associations/<slug>"
FIELDS = ("id", "name", "legal_form", "tax_id", "registry_number", "verified", "verified_at",
          "neighbourhoods", "areas", "description", "website", "email", "phone",
          "representatives", "url")


def _association_or_404(slug) -> Association:
    association = queries.get_association_by_slug(slug)
    if association is None or not can_view_association(current_user, association):
        abort(404)
    return association


def _filters() -> dict:
    return {"q": (request.args.get("q") or "").strip()[:200],
            "neighbourhood_id": request.args.get("neighbourhood", type=db_int),
            "area_id": request.args.get("area", type=db_int)}


@bp.get("/associations/")
def index():
    if current_user.is_authenticated:
        g.private_page = True
    filters = _filters()
    page = queries.list_associations(**filters, page=requested_page(),
                                     per_page=current_app.config["PAGE_SIZE"])
    return render_template("associations/index.html", page=page, filters=filters,
                           logos=files.logos_of(page.items),
                           neighbourhoods=list_neighbourhoods(), areas=queries.list_areas(),
                           may_register=can_register_association(current_user))


@bp.get(ONE)
def show(slug):
    association = _association_or_404(slug)
    if current_user.is_authenticated:
        g.private_page = True
    return render_template(
        "associations/show.html", association=association, logo=files.logo_of(association),
        representatives=queries.count_representatives(association),
        activity=activity_of(association), link=association.link_of(current_user),
        may_ask=can_ask_to_represent(current_user, association),
        may_edit=can_edit_association(current_user, association),
        may_manage=can_manage_representatives(current_user, association),
        may_act=can_act_for(current_user, association),
        sees_refusal=association.is_refused)


# --- open data: public fields of the public register only ------------------------------------

def _row(association, representatives: int) -> dict:
    return {
        "id": association.id, "name": association.name,
        "legal_form": association.legal_form.value, "tax_id": association.public_tax_id,
        "registry_number": association.registry_number,
        "verified": association.is_verified,
        "verified_at": association.verified_at.isoformat() if association.verified_at
        else None,
        "neighbourhoods": [n.name for n in association.neighbourhoods],
        "areas": [a.name for a in association.areas],
        "description": association.description,
        "website": association.website if association.is_website_public else None,
        "email": association.email if association.is_email_public else None,
        "phone": association.phone if association.is_phone_public else None,
        "representatives": representatives,
        "url": url_for(".show", slug=association.slug, _external=True),
    }


def _export_rows():
    associations = queries.export_associations()
    counts = queries.representative_counts()
    return [_row(a, counts.get(a.id, 0)) for a in associations]


@bp.get("/associations.json")
def export_json():
    return json_response(_export_rows())


@bp.get("/associations.csv")
def export_csv():
    rows = []
    for row in _export_rows():
        rows.append({**row, "neighbourhoods": "; ".join(row["neighbourhoods"]),
                     "areas": "; ".join(row["areas"])})
    return csv_response(rows, FIELDS, "associations.csv")


# --- registering and editing -----------------------------------------------------------------

def _form(association=None) -> AssociationForm:
    form = AssociationForm(obj=association)
    form.neighbourhood_ids.choices = [(n.id, n.name) for n in list_neighbourhoods()]
    form.area_ids.choices = queries.area_choices()
    if association is not None and not form.is_submitted():
        form.legal_form.data = association.legal_form.value
        form.neighbourhood_ids.data = [n.id for n in association.neighbourhoods]
        form.area_ids.data = [a.id for a in association.areas]
    return form


def _to_show(association) -> str:
    return url_for(".show", slug=association.slug)


@bp.route("/associations/new", methods=["GET", "POST"])
@login_required
@post_limit("RATELIMIT_POST")
def new():
    g.private_page = True
    if not can_register_association(current_user):
        abort(403)
    return save_form(
        _form(), lambda data: _with_logo(
            data, lambda: operations.register_association(data, actor=current_user)),
        template="associations/form.html",
        success=_l("The association is in the register. The council will check its details "
                   "and verify it; meanwhile it appears without the verified mark."),
        next_url=_to_show, association=None, logo=None)


@bp.route(ONE + "/edit", methods=["GET", "POST"])
@login_required
@post_limit("RATELIMIT_POST")
def edit(slug):
    g.private_page = True
    association = _association_or_404(slug)
    if not can_edit_association(current_user, association):
        abort(403)
    return save_form(
        _form(association),
        lambda data: _with_logo(
            data, lambda: operations.update_association(association, data, actor=current_user)),
        template="associations/form.html", success=_l("The association's details have been "
                                                      "saved."),
        next_url=_to_show, association=association, logo=files.logo_of(association))


def _with_logo(data, save):
    """Save the details (``save()``) and the logo chosen with them: the logo is checked first,
    so a refused file saves nothing."""
    prepared = files.prepare_logo(data, name=data.get("name") or "",
                                  language=written_in(current_user))
    association = save()
    files.replace_logo(association, prepared, actor=current_user)
    return association


# --- representatives -----------------------------------------------------------------------------

@bp.post(ONE + "/represent")
@login_required
@post_limit("RATELIMIT_POST")
def represent(slug):
    association = _association_or_404(slug)

    def ask():
        link = operations.ask_to_represent(association, actor=current_user)
        notifications.send_request(link)
        return link

    perform(ask, _l("Your request has been sent to the association's administrators: you will "
                    "receive an e-mail when they answer."))
    return redirect(_to_show(association))


@bp.get("/associations/mine")
@login_required
def mine():
    g.private_page = True
    return render_template("associations/mine.html", links=queries.list_my_links(current_user),
                           may_register=can_register_association(current_user))


@bp.post(ONE + "/leave")
@login_required
@post_limit("RATELIMIT_POST")
def leave(slug):
    """Leave an association one represents, or withdraw one's request to."""
    # one's own link, whatever the association's state (a refused one's page is not public)
    association = queries.get_association_by_slug(slug) or abort(404)
    link = association.link_of(current_user) or abort(404)
    perform(lambda: operations.leave_association(link, actor=current_user),
            _l("You no longer represent this association.") if link.is_accepted
            else _l("Your request has been withdrawn."))
    return redirect(url_for(".mine"))


@bp.get(ONE + "/representatives")
@login_required
def representatives(slug):
    g.private_page = True
    association = _association_or_404(slug)
    if not can_manage_representatives(current_user, association):
        abort(403)
    return render_template("associations/representatives.html", association=association,
                           links=queries.list_links(association),
                           administrator=is_administrator(current_user, association))


def _link_action(slug, link_id, action, success):
    association = _association_or_404(slug)
    if not can_manage_representatives(current_user, association):
        abort(403)
    link = queries.get_link(association, link_id) or abort(404)
    perform(lambda: action(link), success)
    if not can_manage_representatives(current_user, association):
        return redirect(_to_show(association))
    return redirect(url_for(".representatives", slug=association.slug))


@bp.post(ONE + "/representatives/<int:link_id>/accept")
@login_required
def accept(slug, link_id):
    def act(link):
        operations.accept_representative(link, actor=current_user)
        notifications.send_answer(link)
        return link
    return _link_action(slug, link_id, act, _l("The request has been accepted."))


@bp.post(ONE + "/representatives/<int:link_id>/refuse")
@login_required
def refuse(slug, link_id):
    def act(link):
        operations.refuse_representative(link, actor=current_user)
        notifications.send_answer(link)
        return link
    return _link_action(slug, link_id, act, _l("The request has been refused."))


@bp.post(ONE + "/representatives/<int:link_id>/role")
@login_required
def role(slug, link_id):
    _association_or_404(slug)
    form = RoleForm()
    if not form.validate():
        abort(400)
    return _link_action(
        slug, link_id,
        lambda link: operations.change_representative_role(link, form.role.data,
                                                           actor=current_user),
        _l("The role has been changed."))


@bp.post(ONE + "/representatives/<int:link_id>/remove")
@login_required
def remove(slug, link_id):
    return _link_action(
        slug, link_id, lambda link: operations.remove_representative(link, actor=current_user),
        _l("The representative has been removed."))
