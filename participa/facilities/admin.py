"""The council's pages for facilities, under /admin/facilities/: the list, a facility's data,
and on its page its rooms, weekly hours and exceptions (each added or changed by a form of its
own; a refused one shows the page again with the message by its field)."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import Refused, perform, save_form, submit
from participa.core.models import written_in
from participa.core.translated import submitted_translations, translation_form_data
from participa.facilities import files, operations, queries
from participa.facilities.forms import ExceptionForm, FacilityForm, HoursForm, RoomForm
from participa.facilities.models import WEEKDAYS, OpeningException
from participa.files.operations import save_with_files
from participa.files.queries import rules_for
from participa.neighbourhoods.queries import list_neighbourhoods

bp = Blueprint("facilities_admin", __name__, url_prefix="/admin/facilities")

FACILITY_TEXTS = ("description", "accessibility_notes")


def _neighbourhoods():
    return [(n.id, n.name) for n in list_neighbourhoods()]


def _load(id):
    return queries.get_facility(id) or abort(404)


@bp.get("/")
@council_required
def index():
    return render_template("facilities/admin/index.html", facilities=queries.list_facilities())


@bp.route("/new", methods=["GET", "POST"])
@council_required
def new():
    return save_form(
        FacilityForm(neighbourhoods=_neighbourhoods()),
        lambda data: save_with_files(files.KIND, data, lambda: operations.create_facility(
            data, actor=current_user,
            translations=submitted_translations(data, FACILITY_TEXTS)),
            actor=current_user, language=written_in(current_user)),
        template="facilities/admin/form.html",
        success=_l("The facility has been created. Add its rooms and opening hours."),
        next_url=lambda facility: url_for(".manage", id=facility.id),
        facility=None, file_rules=rules_for(files.KIND),
    )


@bp.route("/<int:id>/edit", methods=["GET", "POST"])
@council_required
def edit(id):
    facility = _load(id)
    form = FacilityForm(obj=facility, neighbourhoods=_neighbourhoods(),
                        **translation_form_data(facility, FACILITY_TEXTS))
    return save_form(
        form,
        lambda data: save_with_files(files.KIND, data, lambda: operations.update_facility(
            facility, data, actor=current_user,
            translations=submitted_translations(data, FACILITY_TEXTS)),
            actor=current_user, language=written_in(current_user)),
        template="facilities/admin/form.html",
        success=_l("The facility has been saved."),
        next_url=lambda saved: url_for(".manage", id=saved.id),
        facility=facility, file_rules=rules_for(files.KIND),
    )


def _render_manage(facility, *, room_form=None, hours_form=None, exception_form=None):
    forms = {
        "room_form": room_form or RoomForm(formdata=None),
        "hours_form": hours_form or HoursForm(formdata=None),
        "exception_form": exception_form or ExceptionForm(formdata=None),
    }
    status = 400 if any(f.errors or f.form_errors for f in forms.values()) else 200
    return render_template(
        "facilities/admin/manage.html", facility=facility, weekdays=WEEKDAYS,
        exceptions=queries.list_exceptions(facility), **forms,
    ), status


@bp.get("/<int:id>")
@council_required
def manage(id):
    return _render_manage(_load(id))


@bp.post("/<int:id>/rooms")
@council_required
def add_room(id):
    facility = _load(id)
    form = RoomForm()
    if isinstance(submit(form, lambda data: operations.add_room(facility, data,
                                                                 actor=current_user),
                         _l("The room has been added.")), Refused):
        return _render_manage(facility, room_form=form)
    return redirect(url_for(".manage", id=id))


@bp.route("/<int:id>/rooms/<int:room_id>/edit", methods=["GET", "POST"])
@council_required
def edit_room(id, room_id):
    facility = _load(id)
    room = queries.get_room(facility, room_id) or abort(404)
    return save_form(
        RoomForm(obj=room),
        lambda data: operations.update_room(room, data, actor=current_user),
        template="facilities/admin/room.html",
        success=_l("The room has been saved."),
        next_url=lambda saved: url_for(".manage", id=id),
        facility=facility, room=room,
    )


@bp.post("/<int:id>/hours")
@council_required
def add_hours(id):
    facility = _load(id)
    form = HoursForm()
    if isinstance(submit(form, lambda data: operations.add_opening_hours(
            facility, data, actor=current_user), _l("The opening hours have been added.")),
            Refused):
        return _render_manage(facility, hours_form=form)
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/hours/<int:hours_id>/remove")
@council_required
def remove_hours(id, hours_id):
    facility = _load(id)
    hours = queries.get_hours(facility, hours_id) or abort(404)
    perform(lambda: operations.remove_opening_hours(hours, actor=current_user),
            _l("The opening hours have been removed."))
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/exceptions")
@council_required
def add_exception(id):
    facility = _load(id)
    form = ExceptionForm()
    if isinstance(submit(form, lambda data: operations.add_opening_exception(
            facility, data, actor=current_user,
            translations=submitted_translations(data, OpeningException.TRANSLATED)),
            _l("The exception has been added.")), Refused):
        return _render_manage(facility, exception_form=form)
    return redirect(url_for(".manage", id=id))


@bp.post("/<int:id>/exceptions/<int:exception_id>/remove")
@council_required
def remove_exception(id, exception_id):
    facility = _load(id)
    exception = queries.get_exception(facility, exception_id) or abort(404)
    perform(lambda: operations.remove_opening_exception(exception, actor=current_user),
            _l("The exception has been removed."))
    return redirect(url_for(".manage", id=id))


