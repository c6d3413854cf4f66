"""Who may do what in a process. Pure predicates; views (403) and templates share them."""

from participa.core.permissions import is_council, is_signed_in


def can_manage_process(user, process) -> bool:
    """Council everywhere; facilitators in the processes they are assigned to. Managing a
    process includes moderating it; what belongs to no process (a profile) is the council's."""
    if not is_signed_in(user):
        return False
    return is_council(user) or (process is not None and user.facilitates(process))


def can_view_process(user, process) -> bool:
    return process.is_published or can_manage_process(user, process)
