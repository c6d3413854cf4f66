"""The public pages of facilities: the register (filtered by neighbourhood and kind) and one
facility's page — where it is, this week's hours with the exceptions applied and whether it is
open now, accessibility, rooms, and what happens there (the meetings package adds that through
``facility_page``; the calendar feed ``/facilities/<slug>.ics`` is the meetings' too)."""

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from participa.core.signals import page_context
from participa.core.timeutil import local_date
from participa.core.types import utcnow
from participa.core.urls import db_int
from participa.facilities import files, queries
from participa.facilities import hours as opening
from participa.facilities.models import WEEKDAYS, FacilityKind
from participa.facilities.permissions import can_manage_facilities
from participa.facilities.signals import facility_page
from participa.files.queries import files_of
from participa.neighbourhoods.queries import list_neighbourhoods

bp = Blueprint("facilities", __name__, url_prefix="/facilities")


@bp.get("/")
def index():
    try:
        kind = FacilityKind(request.args.get("kind")) if request.args.get("kind") else None
    except ValueError:
        kind = None
    filters = {"neighbourhood_id": request.args.get("neighbourhood", type=db_int), "kind": kind}
    return render_template(
        "facilities/index.html", facilities=queries.list_facilities(**filters),
        filters=filters, kinds=list(FacilityKind), neighbourhoods=list_neighbourhoods(),
    )


@bp.get("/<slug>")
def show(slug):
    facility = queries.get_facility_by_slug(slug) or abort(404)
    now = utcnow()
    monday, sunday = opening.this_week(now)
    exceptions = queries.list_exceptions(facility, since=monday, until=sunday)
    return render_template(
        "facilities/show.html", facility=facility,
        week=opening.week_of(facility.hours, exceptions, local_date(now)),
        today=local_date(now), weekdays=WEEKDAYS,
        open_now=opening.is_open_at(facility.hours, exceptions, now),
        may_manage=can_manage_facilities(current_user),
        attachments=files_of(files.KIND, facility.id),
        **page_context(facility_page, facility=facility),
    )
