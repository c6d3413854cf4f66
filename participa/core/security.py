"""Sessions, CSRF, rate limits and the security headers every response carries."""

from flask import abort, current_app, g, request, session
from flask_babel import lazy_gettext as _l
from werkzeug.middleware.proxy_fix import ProxyFix

from participa.core.urls import DatabaseIdConverter
from participa.extensions import csrf, limiter, login_manager

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def init_app(app):
    proxies = int(app.config["PROXY_COUNT"])
    if proxies:  # the client's address (rate limits) and scheme, as the proxies in front say
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=0,
                                x_port=0, x_prefix=0)
    if app.config["ENV_NAME"] == "production" and \
            app.config["RATELIMIT_STORAGE_URI"].startswith("memory://"):
        app.logger.warning(
            "Rate limits are counted in memory, per worker: set PARTICIPA_RATELIMIT_STORAGE_URI "
            "to a Redis URL so every worker and server shares them.")
    app.url_map.converters["int"] = DatabaseIdConverter

    @app.before_request
    def refuse_nul_bytes():
        """A NUL byte is never text: an address or query parameter holding one is a 400
        (PostgreSQL would refuse it deep inside a query). Forms say it beside the field
        (``participa.core.forms.Form``)."""
        values = [*request.args.values(), *(request.view_args or {}).values()]
        if any(isinstance(value, str) and "\x00" in value for value in values):
            abort(400)

    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please sign in to continue.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        # signed-in pages are personal (a door code, a CSRF token): no cache may keep them
        if "_user_id" in session:
            headers["Cache-Control"] = "private, no-store"
        # the session cookie is written after this hook runs: a modified session means one
        elif getattr(g, "private_page", False) or "Set-Cookie" in headers or session.modified:
            headers.setdefault("Cache-Control", "no-store")
        return response


def per_account_limit(setting: str, field: str = "email"):
    """A limit on a form's POSTs counted per account named in it (``field``), whoever sends
    them: guessing one person's password from many addresses meets it."""
    return limiter.limit(
        lambda: current_app.config[setting], methods=["POST"],
        key_func=lambda: f"account:{(request.form.get(field) or '').strip().lower()[:254]}")


def post_limit(setting: str):
    """A rate limit on a view's POSTs, read from the config setting ``setting`` (so tests and
    deployments can change it): e.g. ``@post_limit("RATELIMIT_COMMENT")``."""
    return limiter.limit(lambda: current_app.config[setting], methods=["POST"])
