"""What a process page's action bar shows of meetings (a ``process_actions`` receiver)."""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from participa.meetings import queries
from participa.processes.actions import ProcessAction
from participa.processes.phases import Action, phase_allows


def meeting_actions(sender, process, **kwargs) -> list[ProcessAction]:
    """The meetings link when the process has any; "register" only when an upcoming meeting
    takes registrations and the phase allows it."""
    public, upcoming, registering = queries.meeting_figures(process)
    if not public:
        return []
    may_register = registering and phase_allows(process, Action.REGISTER)
    return [ProcessAction(
        "meetings", _("Meetings"), url_for("meetings.process_index", slug=process.slug),
        order=30, count=public,
        note=ngettext("%(num)s upcoming", "%(num)s upcoming", upcoming) if upcoming else "",
        offers=(_("Register for meetings"),) if may_register else ())]
