"""What a process page's action bar shows of proposals (a ``process_actions`` receiver)."""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from participa.processes.actions import ProcessAction
from participa.processes.phases import Action, phase_allows
from participa.proposals.models import ProposalState
from participa.proposals.queries import proposal_figures


def proposal_actions(sender, process, **kwargs) -> list[ProcessAction]:
    listed, answered, accepted = proposal_figures(process)
    actions = []
    if phase_allows(process, Action.PROPOSE):
        actions.append(ProcessAction(
            "new-proposal", _("New proposal"), url_for("proposals.new", slug=process.slug),
            order=10, primary=True, offers=(_("Make proposals"),)))
    may_support = process.supports_enabled and listed and phase_allows(process, Action.SUPPORT)
    actions.append(ProcessAction(
        "proposals", _("Proposals"), url_for("proposals.index", slug=process.slug),
        order=20, count=listed,
        offers=(_("Support proposals"),) if may_support else ()))
    if answered:
        actions.append(ProcessAction(
            "answers", _("Answers to proposals"),
            url_for("proposals.index", slug=process.slug,
                    state=ProposalState.ACCEPTED.value if accepted else None),
            order=21, count=answered,
            note=ngettext("%(num)s accepted", "%(num)s accepted", accepted), outcome=True))
    return actions
