"""Volunteering: the open opportunities, an opportunity's page with signing up and leaving,
and the organisers' pages (post, edit, publish, close, cancel, see and write to the
volunteers).

Every view is thin: parse, load (404), authorize (403), one operation, one commit, then flash
and redirect; e-mails are queued with the operation and leave after the commit."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from participa.associations.queries import area_choices, list_areas, represented_associations
from participa.core.flow import Refused, perform, render_form, save_form, submit
from participa.core.pagination import requested_page
from participa.core.permissions import is_council
from participa.core.urls import db_int
from participa.extensions import limiter
from participa.facilities.queries import list_facilities
from participa.neighbourhoods.queries import list_neighbourhoods
from participa.volunteering import notifications, operations, queries
from participa.volunteering.display import opportunity_when, organiser_name
from participa.volunteering.forms import COUNCIL, CancelForm, ContactForm, OpportunityForm
from participa.volunteering.models import SignupStatus
from participa.volunteering.permissions import (
    can_cancel_opportunity,
    can_close_opportunity,
    can_contact_volunteers,
    can_edit_opportunity,
    can_leave,
    can_manage_opportunity,
    can_post_any,
    can_publish_opportunity,
    can_see_volunteers,
    can_view_opportunity,
    why_not_sign_up,
)

bp = Blueprint("volunteering", __name__, url_prefix="/volunteering")
ONE = "/<int:id>"

# signing up and leaving draw on one allowance (the meetings' registration allowance)
_signup_limit = limiter.shared_limit(
    lambda: current_app.config["RATELIMIT_REGISTER_MEETING"], scope="volunteering_signup",
    methods=["POST"],
)


def _load(id):
    opportunity = queries.get_opportunity(id)
    if opportunity is None or not can_view_opportunity(current_user, opportunity):
        abort(404)
    return opportunity


def _load_managed(id):
    opportunity = queries.get_opportunity(id)
    if opportunity is None:
        abort(404)
    if not can_manage_opportunity(current_user, opportunity):
        if not can_view_opportunity(current_user, opportunity):
            abort(404)
        abort(403)
    g.private_page = True
    return opportunity


# -- public pages ------------------------------------------------------------------------------


@bp.get("/")
def index():
    filters = {
        "neighbourhood_id": request.args.get("neighbourhood", type=db_int),
        "area_id": request.args.get("area", type=db_int),
    }
    page = queries.list_open_opportunities(**filters, page=requested_page(),
                                           per_page=current_app.config["PAGE_SIZE"])
    represented = (represented_associations(current_user)
                   if current_user.is_authenticated else [])
    return render_template(
        "volunteering/index.html", page=page, filters=filters,
        neighbourhoods=list_neighbourhoods(), areas=list_areas(),
        mine=queries.my_signups(page.items, current_user),
        may_post=can_post_any(current_user, represented),
    )


@bp.get(ONE)
def show(id):
    return _render_show(_load(id))


def _render_show(opportunity, status=200):
    signup = queries.get_signup(opportunity, current_user)
    if signup is not None and signup.status == SignupStatus.LEFT:
        signup = None
    return render_template(
        "volunteering/show.html", opportunity=opportunity, signup=signup,
        waiting_position=(queries.waiting_position(signup) if signup is not None
                          and signup.status == SignupStatus.WAITING else None),
        closed=why_not_sign_up(current_user, opportunity, signup=signup),
        may_leave=can_leave(current_user, opportunity, signup=signup),
        may_manage=can_manage_opportunity(current_user, opportunity),
        may_edit=can_edit_opportunity(current_user, opportunity),
        may_publish=can_publish_opportunity(current_user, opportunity),
        may_close=can_close_opportunity(current_user, opportunity),
        may_cancel=can_cancel_opportunity(current_user, opportunity),
    ), status


# -- residents: sign up and leave --------------------------------------------------------------


@bp.post(ONE + "/sign-up")
@login_required
@_signup_limit
def sign_up(id):
    opportunity = _load(id)

    def sign_up_and_tell():
        signup = operations.sign_up(opportunity, actor=current_user)
        notifications.send_signup(signup)
        return signup

    def said(signup):
        if signup.status == SignupStatus.WAITING:
            return _("All the places are taken, so you are on the waiting list. If a place "
                     "frees up it is yours, and we will e-mail you.")
        return _("Thank you! You have a place as a volunteer. We have e-mailed you the "
                 "details.")

    if isinstance(perform(sign_up_and_tell, said), Refused):
        return _render_show(opportunity, status=400)  # the refusal is flashed on the page
    return redirect(url_for(".show", id=id))


@bp.get(ONE + "/leave")
@login_required
def confirm_leave(id):
    opportunity = _load(id)
    signup = queries.get_signup(opportunity, current_user)
    if not can_leave(current_user, opportunity, signup=signup):
        abort(403)
    g.private_page = True
    waiting = signup.status == SignupStatus.WAITING
    return render_template(
        "confirm.html",
        heading=_("Leave the waiting list?") if waiting else _("Give up your place?"),
        subject=f"{opportunity.title} — {opportunity_when(opportunity)}",
        explanation=[
            _("You will lose your position on the waiting list.") if waiting
            else _("Your place goes to the first person on the waiting list, if there is one. "
                   "You can sign up again later if places are left."),
        ],
        action=url_for(".leave", id=id),
        confirm=_("Yes, leave"),
        back=url_for(".show", id=id),
        back_label=_("No, keep my place"),
        form=None, next=None, confirm_class=None,
    )


@bp.post(ONE + "/leave")
@login_required
@_signup_limit
def leave(id):
    opportunity = _load(id)
    perform(lambda: notifications.send_promotions(
        operations.leave(opportunity, actor=current_user)),
        _("You have left this opportunity."))
    return redirect(url_for(".show", id=id))


@bp.get("/mine")
@login_required
def mine():
    """What I volunteer for, and what I organise (as the council or for my associations)."""
    g.private_page = True
    represented = represented_associations(current_user)
    return render_template(
        "volunteering/mine.html", signups=queries.list_my_volunteering(current_user),
        organised=queries.list_organised([a.id for a in represented],
                                         council=is_council(current_user)),
        may_post=can_post_any(current_user, represented),
    )


# -- organisers --------------------------------------------------------------------------------


def _choices():
    return {
        "facilities": [(f.id, f.name) for f in list_facilities()],
        "neighbourhoods": [(n.id, n.name) for n in list_neighbourhoods()],
        "areas": area_choices(),
    }


def _organisers(represented):
    choices = [(COUNCIL, _("The City Council"))] if is_council(current_user) else []
    return choices + [(str(a.id), a.name) for a in represented]


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    represented = represented_associations(current_user)
    if not can_post_any(current_user, represented):
        abort(403)
    g.private_page = True
    by_id = {a.id: a for a in represented}
    form = OpportunityForm(organisers=_organisers(represented), **_choices())
    if request.method == "GET" and request.args.get("association", type=db_int) in by_id:
        form.organiser.data = str(request.args.get("association", type=db_int))

    def save(data):
        chosen = data.pop("organiser")
        association = None if chosen == COUNCIL else by_id.get(int(chosen))
        return operations.create_opportunity(data, actor=current_user, association=association)

    return save_form(
        form, save, template="volunteering/form.html",
        success=_("The opportunity has been saved as a draft. Publish it when it is ready."),
        next_url=lambda opportunity: url_for(".show", id=opportunity.id),
        opportunity=None,
    )


@bp.route(ONE + "/edit", methods=["GET", "POST"])
@login_required
def edit(id):
    opportunity = _load_managed(id)
    if not can_edit_opportunity(current_user, opportunity):
        flash(_("A closed or cancelled opportunity cannot be edited."), "error")
        return redirect(url_for(".show", id=id))
    form = OpportunityForm(obj=opportunity, **_choices(),
                           data=None if request.method == "POST" else {
                               "area_ids": [a.id for a in opportunity.areas]})
    del form.organiser  # who organises it does not change

    def save(data):
        saved, promoted = operations.update_opportunity(opportunity, data, actor=current_user)
        notifications.send_promotions(promoted)
        return saved

    return save_form(
        form, save, template="volunteering/form.html",
        success=_("The opportunity has been saved."),
        next_url=lambda saved: url_for(".show", id=id),
        opportunity=opportunity,
    )


@bp.post(ONE + "/publish")
@login_required
def publish(id):
    opportunity = _load_managed(id)
    perform(lambda: operations.publish_opportunity(opportunity, actor=current_user),
            _("The opportunity is published: residents can sign up."))
    return redirect(url_for(".show", id=id))


@bp.post(ONE + "/close")
@login_required
def close(id):
    opportunity = _load_managed(id)
    perform(lambda: operations.close_opportunity(opportunity, actor=current_user),
            _("The opportunity is closed: it takes no more volunteers."))
    return redirect(url_for(".show", id=id))


@bp.route(ONE + "/cancel", methods=["GET", "POST"])
@login_required
def cancel(id):
    opportunity = _load_managed(id)
    if not can_cancel_opportunity(current_user, opportunity):
        flash(_("This opportunity cannot be cancelled."), "error")
        return redirect(url_for(".show", id=id))
    form = CancelForm()
    if request.method == "POST":
        def cancel_and_tell(data):
            told = operations.cancel_opportunity(opportunity, data["reason"] or "",
                                                 actor=current_user)
            notifications.send_cancellation(opportunity, told, data["reason"] or "")
            return told

        if not isinstance(submit(form, cancel_and_tell,
                                 _("The opportunity is cancelled and its volunteers are being "
                                   "told.")), Refused):
            return redirect(url_for(".show", id=id))
    return render_form(
        "confirm.html", form, heading=_("Cancel this opportunity?"),
        subject=opportunity.title,
        explanation=[_("Everyone signed up or waiting receives an e-mail.")],
        action=url_for(".cancel", id=id), confirm=_("Yes, cancel it"),
        back=url_for(".show", id=id), back_label=_("No, keep it"), next=None,
        confirm_class=None,
    )


@bp.get(ONE + "/volunteers")
@login_required
def volunteers(id):
    opportunity = _load_managed(id)
    return _render_volunteers(opportunity, ContactForm(formdata=None))


def _render_volunteers(opportunity, form, status=200):
    if not can_see_volunteers(current_user, opportunity):
        abort(403)
    grouped = queries.list_signups(opportunity)
    return render_template(
        "volunteering/volunteers.html", opportunity=opportunity, form=form,
        confirmed=grouped[SignupStatus.CONFIRMED], waiting=grouped[SignupStatus.WAITING],
        may_contact=can_contact_volunteers(current_user, opportunity),
    ), status


@bp.post(ONE + "/volunteers/email")
@login_required
def email_volunteers(id):
    opportunity = _load_managed(id)
    form = ContactForm()

    def write(data):
        subject, body, recipients = operations.email_volunteers(opportunity, data,
                                                                actor=current_user)
        notifications.send_message(opportunity, subject, body, recipients,
                                   sender=organiser_name(opportunity))
        return recipients

    sent = submit(form, write, lambda recipients: ngettext(
        "Your message is on its way to %(num)s person.",
        "Your message is on its way to %(num)s people.", len(recipients)))
    if isinstance(sent, Refused):
        return _render_volunteers(opportunity, form, status=400)
    return redirect(url_for(".volunteers", id=id))
