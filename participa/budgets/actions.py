"""What a process page's action bar shows of budgets (a ``process_actions`` receiver)."""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from participa.budgets import queries
from participa.processes.actions import ProcessAction
from participa.processes.phases import Action, phase_allows


def budget_actions(sender, process, **kwargs) -> list[ProcessAction]:
    """The budgets link when the process has any; "vote" (the page's main action) only while
    a budget with projects is open and the phase allows voting; its published results are
    what came of the process."""
    total, open_, published = queries.budget_figures(process)
    if not total:
        return []
    url = url_for("budgets.index", slug=process.slug)
    voting = open_ and phase_allows(process, Action.VOTE)
    actions = [ProcessAction(
        "budgets", _("Vote on the budget") if voting else _("Participatory budgets"), url,
        order=15 if voting else 50, count=total if not voting else None, primary=bool(voting),
        offers=(_("Vote on the participatory budget"),) if voting else ())]
    if published:
        actions.append(ProcessAction(
            "budget-results", _("Budget results"), url, order=51,
            note=ngettext("%(num)s budget counted", "%(num)s budgets counted", published),
            outcome=True))
    return actions
