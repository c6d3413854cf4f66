"""Receiving uploads: the form pages that take files may receive bigger requests than the
site's usual limit (``MAX_CONTENT_LENGTH``), and only those. A page names its endpoint with
``accept_uploads``; the limit is raised before anything reads the request body (the CSRF
check included)."""

from flask import render_template, request
from flask_babel import lazy_gettext as _l

from participa.extensions import db

_ENDPOINTS: set[str] = set()


def accept_uploads(*endpoints: str) -> None:
    _ENDPOINTS.update(endpoints)


def init_app(app):
    def allow_uploads():
        if request.endpoint in _ENDPOINTS and request.method == "POST":
            request.max_content_length = int(app.config["FILE_MAX_REQUEST_MB"] * 1024 * 1024)

    # first of all the before-request functions: the CSRF check reads the body
    app.before_request_funcs.setdefault(None, []).insert(0, allow_uploads)

    @app.errorhandler(413)
    def too_large(error):
        """A request bigger than allowed (files too big, together): said in the reader's
        language, nothing saved."""
        db.session.rollback()
        return render_template(
            "errors/error.html", title=_l("The files are too big"),
            message=_l("What you sent is bigger than this site accepts at once. Please choose "
                       "smaller files, or fewer of them, and try again."),
        ), 413
