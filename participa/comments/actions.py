"""What a process page says of comments (a ``process_actions`` receiver): no link of its own
(people comment on each proposal, debate and meeting), only whether the phase allows it."""

from flask_babel import gettext as _

from participa.processes.actions import ProcessAction
from participa.processes.phases import Action, phase_allows


def comment_actions(sender, process, **kwargs) -> list[ProcessAction]:
    if not phase_allows(process, Action.COMMENT):
        return []
    return [ProcessAction("comments", _("Comment"), order=90,
                          offers=(_("Comment on proposals, debates and meetings"),))]
