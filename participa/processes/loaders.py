"""Loading a process for a page: 404 for what the reader may not see."""

from flask import abort, g
from flask_login import current_user

from participa.processes.permissions import can_view_process
from participa.processes.queries import get_process_by_slug


def get_visible_process_or_404(slug):
    """The process, if this person may see it (unpublished ones are 404 to outsiders)."""
    process = get_process_by_slug(slug)
    if process is None or not can_view_process(current_user, process):
        abort(404)
    return process


def get_managed_process_or_403(slug, may_manage):
    """The process, for the people ``may_manage(user, process)`` admits (403 for anyone else
    who may see it); the page is theirs alone, never kept for visitors."""
    process = get_visible_process_or_404(slug)
    if not may_manage(current_user, process):
        abort(403)
    g.private_page = True
    return process
