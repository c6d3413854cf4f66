"""/agenda/ and /agenda.ics: the town's calendar of meetings and events, read-only.

Every parameter is optional and a bad one is ignored (never a 500): ``view`` (day, week, month
or grid), ``date`` (YYYY-MM-DD: the period holding it), and the filters ``neighbourhood``,
``plan``, ``type``, ``facility`` and ``organiser`` (an association's id, or ``council``),
which every link of the page keeps."""

from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask_babel import gettext as _

from participa.agenda import calendar, queries
from participa.associations.queries import verified_association_choices
from participa.core.i18n import format_day
from participa.core.text import capital_first
from participa.core.timeutil import local_date
from participa.core.types import utcnow
from participa.core.urls import db_int
from participa.meetings import ical
from participa.meetings.days import days_covered, first_day, last_day
from participa.meetings.models import EventType
from participa.meetings.queries import FEED_HISTORY, list_agenda_meetings
from participa.neighbourhoods.queries import list_neighbourhoods
from participa.plans.queries import list_public_plans

bp = Blueprint("agenda", __name__)

COUNCIL = "council"
FILTERS = ("neighbourhood", "plan", "type", "facility", "organiser")


def _filters(args) -> dict:
    """The filters as given (only the valid ones): {name: value for a URL}."""
    found = {}
    for name in ("neighbourhood", "plan", "facility"):
        value = args.get(name, type=db_int)
        if value is not None:
            found[name] = value
    try:
        found["type"] = EventType(args.get("type")).value if args.get("type") else None
    except ValueError:
        found["type"] = None
    organiser = args.get("organiser", "")
    if organiser == COUNCIL:
        found["organiser"] = COUNCIL
    else:
        value = args.get("organiser", type=db_int)
        if value is not None:
            found["organiser"] = value
    return {name: value for name, value in found.items() if value is not None}


def _meetings(filters, *, since, until):
    organiser = filters.get("organiser")
    return list_agenda_meetings(
        since=since, until=until, neighbourhood_id=filters.get("neighbourhood"),
        plan_id=filters.get("plan"),
        event_type=EventType(filters["type"]) if "type" in filters else None,
        facility_id=filters.get("facility"), council=organiser == COUNCIL,
        association_id=organiser if isinstance(organiser, int) else None)


def _by_day(meetings, period) -> dict:
    """{day: [(meeting, part)]}: each event under every day of the period it covers; ``part``
    says which of its days this is (single, first, middle, last) for the hours shown."""
    found = {}
    for meeting in meetings:
        first, last = first_day(meeting), last_day(meeting)
        for day in days_covered(meeting, period.start, period.end):
            part = ("single" if first == last else "first" if day == first
                    else "last" if day == last else "middle")
            found.setdefault(day, []).append((meeting, part, (day - first).days + 1,
                                              (last - first).days + 1))
    return found


@bp.get("/agenda/")
def index():
    args = request.args
    view = args.get("view") if args.get("view") in calendar.VIEWS else "month"
    today = local_date()
    day = calendar.parse_day(args.get("date"), today)
    period = calendar.period_of(view, day)
    filters = _filters(args)
    since, until = period.utc_range
    by_day = _by_day(_meetings(filters, since=since, until=until), period)

    def link(**changes):
        """This page's address with ``changes`` (the filters kept)."""
        params = {"view": view, "date": day.isoformat(), **filters, **changes}
        return url_for("agenda.index", **{k: v for k, v in params.items() if v is not None})

    if view == "day":
        heading = format_day(period.start, "full")
    elif view == "week":
        heading = _("Week of %(date)s", date=format_day(period.start, "long"))
    else:
        heading = format_day(period.start, "LLLL yyyy")
    return render_template(
        "agenda/index.html", heading=capital_first(heading), view=view, day=day,
        today=today, period=period,
        by_day=by_day, weeks=calendar.month_weeks(period) if view == "grid" else None,
        filters=filters, link=link, council=COUNCIL,
        feed_url=url_for("agenda.feed", **filters),
        neighbourhoods=list_neighbourhoods(), plans=list_public_plans(),
        types=list(EventType), facilities=queries.list_facility_choices(),
        organisers=verified_association_choices(),  # those that may organise
    )


@bp.get("/agenda.ics")
def feed():
    """The agenda as an iCalendar feed, with the page's filters: what is still to come and a
    year of what has been."""
    filters = _filters(request.args)
    meetings = _meetings(filters, since=utcnow() - FEED_HISTORY, until=None)
    body = ical.calendar_bytes(meetings, name=_("Agenda of %(site)s",
                                                site=current_app.config["SITE_NAME"]))
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": 'inline; filename="agenda.ics"'})
