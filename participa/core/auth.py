"""View decorators about who is signed in."""

from functools import wraps

from flask import abort, g
from flask_login import current_user, login_required

from participa.core.permissions import can_access_admin


def council_required(view):
    """Anonymous people are sent to sign in; signed-in people who are not council get 403."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not can_access_admin(current_user):
            abort(403)
        g.private_page = True
        return view(*args, **kwargs)

    return wrapped
