"""Error pages (400, 403, 404, 405, 409, 429, 500), translated, and domain errors."""

from flask import g, render_template
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from participa.extensions import db, login_manager


class DomainError(Exception):
    """A rule of the domain was broken; the message is shown to the person, translated."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)  # lazy: translated when shown, in the reader's language
        self.message = message
        self.field = field  # the form field the message belongs to, if any


class TooMany(DomainError):
    """A limit on how much one person may do in a while: answered with a 429 page."""


TITLES = {
    400: _l("Bad request"),
    403: _l("Not allowed"),
    404: _l("Page not found"),
    405: _l("Method not allowed"),
    409: _l("This could not be done"),
    429: _l("Too many requests"),
    500: _l("Something went wrong"),
    503: _l("Participa is not available right now"),
}
MESSAGES = {
    400: _l("The request could not be understood. Please go back, reload the page and try again."),
    403: _l("You do not have permission to do this."),
    404: _l("We could not find the page you were looking for."),
    405: _l("This address does not accept that kind of request."),
    409: _l("Nothing has been changed. Please go back, reload the page and try again."),
    429: _l("You have tried this too many times in a short while. Please wait a minute and try "
            "again."),
    500: _l("An unexpected error happened. It has been recorded; please try again later."),
    503: _l("We cannot reach our database at the moment. Please try again in a few minutes."),
}


def render_error(code: int, message=None):
    if not has_url_adapter():  # a request the site cannot even route (an unknown Host)
        return str(message or MESSAGES[code]), code, {"Content-Type": "text/plain; charset=utf-8"}
    return (
        render_template(
            "errors/error.html",
            code=code,
            title=TITLES[code],
            message=message or MESSAGES[code],
        ),
        code,
    )


def has_url_adapter() -> bool:
    return request_ctx.url_adapter is not None


def init_app(app):
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        db.session.rollback()
        return render_error(
            400, _l("Your form expired or was not sent from this site. Please reload the page "
                    "and send it again.")
        )

    @app.errorhandler(DomainError)
    def domain_error(error):
        """A rule broken between loading a page and sending it (a race lost, a limit reached)
        that no form caught: nothing is changed, and the person reads why."""
        db.session.rollback()
        return render_error(429 if isinstance(error, TooMany) else 409, error.message)

    for code in (400, 403, 404, 405, 429):
        app.register_error_handler(code, lambda error, code=code: _handle(code))

    @app.errorhandler(OperationalError)
    @app.errorhandler(PoolTimeout)
    def database_unavailable(error):
        """The database is down, stuck or too slow: a quick, translated 503, for signed-in
        people too (their account is not read: the page is rendered as for a visitor)."""
        try:
            db.session.rollback()
        except Exception:  # noqa: BLE001 - the connection itself may be gone
            db.session.close()
        g._login_user = login_manager.anonymous_user()
        return render_error(503)

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return render_error(500)


def _handle(code):
    db.session.rollback()
    return render_error(code)
