"""Loading a process for a page: 404 for what the reader may not see."""

from flask import abort
from flask_login import current_user

from participa.processes.permissions import can_view_process
from participa.processes.queries import get_process_by_slug


def get_visible_process_or_404(slug):
    """The process, if this person may see it (unpublished ones are 404 to outsiders)."""
    process = get_process_by_slug(slug)
    if process is None or not can_view_process(current_user, process):
        abort(404)
    return process
