"""What a process page's action bar shows of debates (a ``process_actions`` receiver)."""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from participa.debates import queries
from participa.processes.actions import ProcessAction
from participa.processes.phases import Action, phase_allows


def debate_actions(sender, process, **kwargs) -> list[ProcessAction]:
    """The debates link when there is a debate to read or residents may open one; "open
    debates" is offered only when the process lets residents open them."""
    listed, open_count = queries.debate_figures(process)
    residents_open = process.residents_open_debates and phase_allows(process, Action.DEBATE)
    if not (listed or residents_open):
        return []
    offers = []
    if residents_open:
        offers.append(_("Open debates"))
    if open_count and phase_allows(process, Action.COMMENT):
        offers.append(_("Take part in the open debates"))
    return [ProcessAction(
        "debates", _("Debates"), url_for("debates.index", slug=process.slug), order=40,
        count=open_count,
        note=ngettext("%(num)s open", "%(num)s open", open_count) if open_count else "",
        offers=tuple(offers))]
