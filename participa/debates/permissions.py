"""Who may open, edit and close debates. Pure predicates shared by views and templates."""

from participa.core.permissions import is_signed_in
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import Action, phase_allows


def can_view_debate(user, debate) -> bool:
    return debate.deleted_at is None and can_view_process(user, debate.process)


def can_open_debate(user, process, now=None) -> bool:
    """Facilitators and the council while the phase allows debates; residents too when the
    process lets them."""
    if not is_signed_in(user) or user.is_blocked:
        return False
    if not phase_allows(process, Action.DEBATE, now):
        return False
    return process.residents_open_debates or can_manage_process(user, process)


def can_edit_debate(user, debate) -> bool:
    """Its author while it is open and has no comments yet; its process's managers while open."""
    if not is_signed_in(user) or not debate.is_open or debate.hidden_at is not None:
        return False
    if can_manage_process(user, debate.process):
        return True
    return debate.author_id == user.id and debate.comments_count == 0


def can_close_debate(user, debate) -> bool:
    """Facilitators close a debate with its conclusion (and may rewrite the conclusion)."""
    return can_manage_process(user, debate.process) and debate.deleted_at is None
