"""What a process page's action bar shows of polls (a ``process_actions`` receiver)."""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from participa.polls import queries
from participa.polls.permissions import can_manage_polls
from participa.processes.actions import ProcessAction
from participa.processes.phases import Action, phase_allows


def poll_actions(sender, process, **kwargs) -> list[ProcessAction]:
    """The polls link when some can be seen (or for their managers, who add them there);
    "vote" only while a poll is open and the phase allows voting; closed polls' results are
    what came of the process."""
    counts = queries.count_visible(process)
    open_, visible = counts["open"], counts["visible"]
    if not visible and not can_manage_polls(current_user, process):
        return []
    url = url_for("polls.index", slug=process.slug)
    voting = open_ and phase_allows(process, Action.VOTE)
    actions = [ProcessAction(
        "polls", _("Polls"), url, order=16 if voting else 55, count=visible,
        note=ngettext("%(num)s open", "%(num)s open", open_) if open_ else "",
        primary=bool(voting), offers=(_("Vote in the polls"),) if voting else ())]
    if visible > open_:
        actions.append(ProcessAction(
            "poll-results", _("Poll results"), url, order=56,
            note=ngettext("%(num)s poll closed", "%(num)s polls closed", visible - open_),
            outcome=True))
    return actions
