"""Meetings: public pages, calendar feeds, registration, and the facilitators' management.

Every view is thin: parse, load (404), authorize (403), one operation, one commit, then flash
and redirect; e-mails are queued with the operation and leave after the commit
(see ``notifications``)."""

from flask import (
    Blueprint,
    Response,
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
from flask_login import current_user, login_required

from participa.associations.queries import represented_associations
from participa.comments.queries import thread_for
from participa.core.exports import csv_response
from participa.core.flow import Refused, perform, save_form, submit
from participa.core.i18n import format_clock, format_day
from participa.core.models import written_in
from participa.core.pagination import requested_page
from participa.core.permissions import is_council
from participa.core.timeutil import utc_to_local
from participa.core.translated import submitted_translations, text_in, translation_form_data
from participa.core.urls import db_int
from participa.extensions import limiter
from participa.facilities.queries import get_facility_by_slug, list_bookable_rooms
from participa.files.operations import save_with_files
from participa.files.queries import files_of, rules_for
from participa.meetings import files, ical, notifications, operations, queries
from participa.meetings.forms import (
    AttendanceForm,
    CancelForm,
    CloseForm,
    MeetingForm,
    RegisterForm,
    organiser_value,
    parse_organiser,
)
from participa.meetings.models import Meeting, MeetingKind, Organiser, RegistrationStatus
from participa.meetings.permissions import (
    LINK_OPENS_BEFORE,
    can_cancel_meeting,
    can_cancel_registration,
    can_close_meeting,
    can_create_meeting,
    can_edit_meeting,
    can_manage_meeting,
    can_publish_meeting,
    can_see_online_link,
    can_view_meeting,
    why_not_register,
)
from participa.moderation.context import moderation_context
from participa.neighbourhoods.queries import list_neighbourhoods
from participa.plans.permissions import can_view_plan
from participa.plans.queries import get_plan_by_slug, list_public_plans
from participa.processes.loaders import get_visible_process_or_404
from participa.processes.permissions import can_manage_process

bp = Blueprint("meetings", __name__)

PROCESS = "/processes/<slug>/meetings"
ONE = PROCESS + "/<int:id>"

# registering and cancelling a registration draw on one allowance
_register_limit = limiter.shared_limit(
    lambda: current_app.config["RATELIMIT_REGISTER_MEETING"], scope="register_meeting",
    methods=["POST"],
)


def meeting_when(meeting) -> str:
    """When a meeting happens (a template global), in Europe/Madrid and the reader's
    language: the day and the hours, or both ends in full when it spans days; an all-day
    event, its day or its first and last days, without hours."""
    start, end = utc_to_local(meeting.starts_at), utc_to_local(meeting.ends_at)
    if meeting.is_all_day:
        if start.date() == end.date():
            return _("%(date)s, all day", date=format_day(meeting.starts_at, "full"))
        return _("From %(start)s to %(end)s", start=format_day(meeting.starts_at, "full"),
                 end=format_day(meeting.ends_at, "full"))
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s", date=format_day(meeting.starts_at, "full"),
                 start=format_clock(meeting.starts_at), end=format_clock(meeting.ends_at))

    def full(value):
        return f"{format_day(value, 'full')} {format_clock(value)}"

    return _("From %(start)s to %(end)s", start=full(meeting.starts_at), end=full(meeting.ends_at))


def meeting_organiser(meeting) -> str:
    """Who organises it, as its pages say (a template global): the association's name, the
    council, or the text its creator gave (or, without one, the creator's name)."""
    if meeting.organised_by == Organiser.ASSOCIATION and meeting.association is not None:
        return meeting.association.name
    if meeting.organised_by == Organiser.COUNCIL:
        return _("The City Council")
    if meeting.organizer:
        return meeting.organizer
    return meeting.created_by.name if meeting.created_by is not None else ""


def _organiser_choices(process, meeting=None, associations=()) -> list[tuple[str, str]]:
    """Whom the form may publish it as: its creator (for the process's managers), the council
    (for council members, or when it already is), and the associations the person acts for
    (and the one organising it, if any)."""
    choices = []
    if can_manage_process(current_user, process):
        creator = meeting.created_by if meeting is not None else current_user
        choices.append((Organiser.PERSON.value, creator.name if creator is not None
                        else _("The person who created it")))
        if is_council(current_user) or (meeting is not None
                                        and meeting.organised_by == Organiser.COUNCIL):
            choices.append((Organiser.COUNCIL.value, _("The City Council")))
    listed = list(associations)
    if meeting is not None and meeting.association is not None \
            and meeting.association not in listed:
        listed.append(meeting.association)
    choices += [(organiser_value(Organiser.ASSOCIATION, a.id), a.name) for a in listed]
    return choices


def _with_organiser(data) -> dict:
    """The form's data as the operations read it (the organiser select split in two)."""
    data.update(parse_organiser(data.pop("organiser", None)))
    return data


# -- loading -----------------------------------------------------------------------------------


def _load(slug, id):
    """The process and the meeting, if this person may see them (drafts: managers only)."""
    process = get_visible_process_or_404(slug)
    meeting = queries.get_meeting(process, id)
    if meeting is None or not can_view_meeting(current_user, meeting):
        abort(404)
    return process, meeting


def _load_managed(slug, id):
    """The process and the meeting, for its managers only (403 for anyone else)."""
    process = get_visible_process_or_404(slug)
    meeting = queries.get_meeting(process, id)
    if meeting is None:
        abort(404)
    if not can_manage_meeting(current_user, meeting):
        abort(403)
    g.private_page = True
    return process, meeting


# -- public pages ------------------------------------------------------------------------------


@bp.get("/meetings/")
def index():
    """The town's agenda: upcoming meetings (or past ones with their minutes), filtered."""
    args = request.args
    try:
        kind = MeetingKind(args.get("kind")) if args.get("kind") else None
    except ValueError:
        kind = None
    filters = {
        "when": "past" if args.get("when") == "past" else "upcoming",
        "neighbourhood_id": args.get("neighbourhood", type=db_int),
        "plan_id": args.get("plan", type=db_int),
        "kind": kind,
        "page": requested_page(),
    }
    page = queries.list_town_meetings(**filters, per_page=current_app.config["PAGE_SIZE"])
    return render_template(
        "meetings/index.html", page=page, filters=filters, kinds=list(MeetingKind),
        neighbourhoods=list_neighbourhoods(), plans=list_public_plans(),
    )


@bp.get(PROCESS + "/")
def process_index(slug):
    process = get_visible_process_or_404(slug)
    may_manage = can_manage_process(current_user, process)
    may_create = may_manage or can_create_meeting(
        current_user, process, represented_associations(current_user))
    upcoming, past = queries.list_process_meetings(
        process, include_drafts=may_manage, past_page=requested_page(),
        per_page=current_app.config["PAGE_SIZE"],
    )
    return render_template("meetings/process_index.html", process=process, upcoming=upcoming,
                           past=past, may_manage=may_manage, may_create=may_create)


@bp.get(ONE)
def show(slug, id):
    process, meeting = _load(slug, id)
    return _render_show(process, meeting)


def _render_show(process, meeting, *, register_form=None, status=200):
    registration = (queries.get_registration(meeting, current_user)
                    if current_user.is_authenticated else None)
    if registration is not None and registration.status == RegistrationStatus.CANCELLED:
        registration = None
    closed = why_not_register(current_user, meeting, registration=registration)
    if register_form is None and closed is None:
        register_form = RegisterForm(formdata=None)
    return render_template(
        "meetings/show.html",
        process=process,
        meeting=meeting,
        thread=thread_for(meeting, current_user, request.args.get("comments")),
        **moderation_context(meeting),
        registration=registration,
        waiting_position=(queries.waiting_position(registration) if registration is not None
                          and registration.status == RegistrationStatus.WAITING else None),
        closed=closed,
        register_form=register_form,
        may_cancel_registration=can_cancel_registration(current_user, meeting,
                                                        registration=registration),
        show_link=can_see_online_link(current_user, meeting, registration=registration),
        link_minutes=int(LINK_OPENS_BEFORE.total_seconds() // 60),
        may_manage=can_manage_meeting(current_user, meeting),
        may_edit=can_edit_meeting(current_user, meeting),
        may_publish=can_publish_meeting(current_user, meeting),
        may_cancel=can_cancel_meeting(current_user, meeting),
        may_close=can_close_meeting(current_user, meeting),
        attachments=files_of(files.KIND, meeting.id)
        if files.can_read_files(current_user, meeting) else [],
    ), status


# -- iCalendar ---------------------------------------------------------------------------------


def _calendar(meetings, *, name, filename, download=False):
    """A text/calendar response. Public feeds never carry the online link."""
    body = ical.calendar_bytes(meetings, name=name)
    disposition = "attachment" if download else "inline"
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


@bp.get("/meetings/<int:id>.ics")
def meeting_ics(id):
    meeting = queries.get_meeting_by_id(id)
    if meeting is None or meeting.hidden_at is not None or not can_view_meeting(current_user,
                                                                               meeting):
        abort(404)  # hidden by moderation: its page shows a placeholder, its calendar nothing
    return _calendar([meeting], name=meeting.title, filename=f"meeting-{meeting.id}.ics",
                     download=True)


@bp.get("/meetings.ics")
def town_feed():
    return _calendar(queries.list_feed_meetings(),
                     name=_("Meetings in %(site)s", site=current_app.config["SITE_NAME"]),
                     filename="meetings.ics")


@bp.get("/processes/<slug>/meetings.ics")
def process_feed(slug):
    process = get_visible_process_or_404(slug)
    return _calendar(queries.list_feed_meetings(process=process),
                     name=_("Meetings: %(title)s", title=text_in(process, "title")),
                     filename=f"{process.slug}-meetings.ics")


@bp.get("/plans/<slug>/meetings.ics")
def plan_feed(slug):
    plan = get_plan_by_slug(slug)
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    return _calendar(queries.list_feed_meetings(plan=plan),
                     name=_("Meetings: %(title)s", title=text_in(plan, "title")),
                     filename=f"{plan.slug}-meetings.ics")


@bp.get("/facilities/<slug>.ics")
def facility_feed(slug):
    """What happens in a facility's rooms, as the other feeds carry it (no drafts, nothing
    hidden, cancelled ones marked). The facilities' own pages import no meetings, so their feed
    lives here, at their address."""
    facility = get_facility_by_slug(slug) or abort(404)
    return _calendar(queries.list_feed_meetings(facility=facility),
                     name=_("Meetings: %(title)s", title=facility.name),
                     filename=f"{facility.slug}-meetings.ics")


# -- residents: register and cancel ----------------------------------------------------------


@bp.post(ONE + "/register")
@login_required
@_register_limit
def register(slug, id):
    process, meeting = _load(slug, id)
    form = RegisterForm()

    def register_and_tell(data):
        registration = operations.register(meeting, actor=current_user,
                                           accept_terms=data["accept_terms"])
        notifications.send_registration(registration)
        return registration

    def said(registration):
        if registration.status == RegistrationStatus.WAITING:
            return _("The meeting is full, so you are on the waiting list. If a place frees "
                     "up it is yours, and we will e-mail you.")
        if meeting.kind == MeetingKind.ONLINE:  # no door, so no code to show at it
            return _("You are registered. We have e-mailed you the details.")
        return _("You are registered. We have e-mailed you the details and your code.")

    if isinstance(submit(form, register_and_tell, said), Refused):
        return _render_show(process, meeting, register_form=form, status=400)
    return redirect(url_for(".show", slug=slug, id=id))


@bp.get(ONE + "/unregister")
@login_required
def confirm_unregister(slug, id):
    """Giving up one's place asks first, on a page of its own (no script needed)."""
    process, meeting = _load(slug, id)
    registration = queries.get_registration(meeting, current_user)
    if not can_cancel_registration(current_user, meeting, registration=registration):
        abort(403)
    g.private_page = True
    waiting = registration.status == RegistrationStatus.WAITING
    return render_template(
        "confirm.html",
        heading=_("Cancel your place?") if not waiting
        else _("Leave the waiting list?"),
        subject=f"{meeting.title} — {meeting_when(meeting)}",
        explanation=[
            _("Your place goes to the first person on the waiting list, if there is one. "
              "You can sign up again later if places are left.") if not waiting
            else _("You will lose your position on the waiting list."),
        ],
        action=url_for(".unregister", slug=slug, id=id),
        confirm=_("Yes, cancel my registration"),
        back=url_for(".show", slug=slug, id=id),
        back_label=_("No, keep my place"),
        form=None, next=None, confirm_class=None,
    )


@bp.post(ONE + "/unregister")
@login_required
@_register_limit
def unregister(slug, id):
    _process, meeting = _load(slug, id)
    perform(lambda: _promote_and_tell(operations.cancel_registration(meeting,
                                                                     actor=current_user)),
            _("Your registration has been cancelled."))
    return redirect(url_for(".show", slug=slug, id=id))


def _promote_and_tell(promoted) -> list:
    """Tell the people promoted from the waiting list (in the same transaction)."""
    for registration in promoted:
        notifications.send_promotion(registration)
    return promoted


# -- facilitators and council ------------------------------------------------------------------


@bp.route(PROCESS + "/new", methods=["GET", "POST"])
@login_required
def new(slug):
    process = get_visible_process_or_404(slug)
    associations = represented_associations(current_user)
    if not can_create_meeting(current_user, process, associations):
        abort(403)
    g.private_page = True
    choices = _organiser_choices(process, associations=associations)
    return save_form(
        MeetingForm(rooms=list_bookable_rooms(), organisers=choices),
        lambda data: _create_with_files(process, data),
        template="meetings/form.html",
        success=_("The meeting has been saved as a draft. Publish it when it is ready."),
        next_url=lambda meeting: url_for(".show", slug=slug, id=meeting.id),
        process=process, meeting=None, file_rules=rules_for(files.KIND),
    )


def _create_with_files(process, data):
    """A new meeting and its files: the files are checked first, so a refused one saves
    nothing."""
    return save_with_files(files.KIND, data, lambda: operations.create_meeting(
        process, _with_organiser(data), actor=current_user,
        translations=submitted_translations(data, Meeting.TRANSLATED)),
        actor=current_user, language=written_in(current_user))


@bp.route(ONE + "/edit", methods=["GET", "POST"])
@login_required
def edit(slug, id):
    process, meeting = _load_managed(slug, id)
    if not can_edit_meeting(current_user, meeting):
        flash(_("A cancelled or held meeting cannot be edited."), "error")
        return redirect(url_for(".show", slug=slug, id=id))

    def save(data):
        prepared = files.prepare_uploads(data, language=written_in(current_user))
        saved, promoted = operations.update_meeting(
            meeting, _with_organiser(data), actor=current_user,
            translations=submitted_translations(data, Meeting.TRANSLATED))
        files.attach_uploads(saved, prepared, actor=current_user)
        _promote_and_tell(promoted)
        return saved

    return save_form(
        MeetingForm(obj=meeting, rooms=list_bookable_rooms(),
                    organisers=_organiser_choices(
                        process, meeting, represented_associations(current_user)),
                    organiser=organiser_value(meeting.organised_by, meeting.association_id),
                    **translation_form_data(meeting, Meeting.TRANSLATED)), save,
        template="meetings/form.html",
        success=_("The meeting has been saved."),
        next_url=lambda saved: url_for(".show", slug=slug, id=id),
        process=process, meeting=meeting, file_rules=rules_for(files.KIND),
    )


@bp.post(ONE + "/publish")
@login_required
def publish(slug, id):
    _process, meeting = _load_managed(slug, id)
    perform(lambda: operations.publish_meeting(meeting, actor=current_user),
            _("The meeting is published."))
    return redirect(url_for(".show", slug=slug, id=id))


@bp.route(ONE + "/cancel", methods=["GET", "POST"])
@login_required
def cancel(slug, id):
    process, meeting = _load_managed(slug, id)
    if not can_cancel_meeting(current_user, meeting):
        flash(_("This meeting cannot be cancelled."), "error")
        return redirect(url_for(".show", slug=slug, id=id))

    def cancel_and_tell(data):
        told = operations.cancel_meeting(meeting, data["reason"], actor=current_user)
        notifications.send_cancellation(meeting, told)
        return meeting

    return save_form(
        CancelForm(), cancel_and_tell,
        template="meetings/cancel.html",
        success=_("The meeting is cancelled and everyone registered is being told."),
        next_url=lambda saved: url_for(".show", slug=slug, id=id),
        process=process, meeting=meeting,
    )


@bp.route(ONE + "/close", methods=["GET", "POST"])
@login_required
def close(slug, id):
    process, meeting = _load_managed(slug, id)
    if not can_close_meeting(current_user, meeting):
        flash(_("Only a published meeting can be closed."), "error")
        return redirect(url_for(".show", slug=slug, id=id))
    form = CloseForm(
        obj=meeting, proposals=queries.list_process_proposals(process),
        data=None if request.method == "POST" else {
            "proposal_ids": [p.id for p in meeting.proposals]},
    )

    def save(data):
        data["proposals"] = queries.get_proposals(process, data.pop("proposal_ids") or [])
        return operations.close_meeting(meeting, data, actor=current_user)

    return save_form(
        form, save,
        template="meetings/close.html",
        success=_("The minutes have been published."),
        next_url=lambda saved: url_for(".show", slug=slug, id=saved.id),
        process=process, meeting=meeting,
    )


@bp.get(ONE + "/registrations")
@login_required
def registrations(slug, id):
    process, meeting = _load_managed(slug, id)
    return _render_registrations(process, meeting, AttendanceForm(formdata=None))


def _render_registrations(process, meeting, form, status=200):
    grouped = queries.list_registrations(meeting)
    return render_template(
        "meetings/registrations.html", process=process, meeting=meeting, form=form,
        confirmed=grouped[RegistrationStatus.CONFIRMED],
        waiting=grouped[RegistrationStatus.WAITING],
    ), status


@bp.post(ONE + "/attendance")
@login_required
def attendance(slug, id):
    process, meeting = _load_managed(slug, id)
    form = AttendanceForm()
    marked = submit(form, lambda data: operations.mark_attendance(meeting, data["code"],
                                                                   actor=current_user),
                    lambda registration: _("%(name)s is marked as present.",
                                           name=registration.user.name))
    if isinstance(marked, Refused):
        return _render_registrations(process, meeting, form, status=400)
    return redirect(url_for(".registrations", slug=slug, id=id))


CSV_FIELDS = ("code", "name", "email", "status", "registered_at", "attended_at")


@bp.get(ONE + "/registrations.csv")
@login_required
def registrations_csv(slug, id):
    _process, meeting = _load_managed(slug, id)
    grouped = queries.list_registrations(meeting)
    rows = ({
        "code": registration.code,
        "name": registration.user.name,
        "email": registration.user.email,
        "status": registration.status.value,
        "registered_at": _local_iso(registration.queued_at),
        "attended_at": _local_iso(registration.attended_at),
    } for registration in grouped[RegistrationStatus.CONFIRMED]
        + grouped[RegistrationStatus.WAITING])
    return csv_response(rows, CSV_FIELDS, f"meeting-{meeting.id}-registrations.csv",
                        private=True)


def _local_iso(value):
    return utc_to_local(value).isoformat(timespec="minutes") if value else None
