"""Site-wide pages: health check, home, language switch."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from participa.accounts.operations import set_locale
from participa.core.database import database_answers
from participa.core.flow import commit
from participa.core.i18n import LANGUAGE_COOKIE
from participa.core.urls import safe_next
from participa.extensions import csrf
from participa.meetings.queries import list_upcoming_meetings
from participa.plans.queries import list_public_plans_by_neighbourhood
from participa.processes.queries import list_active_processes

bp = Blueprint("site", __name__)


@bp.get("/healthz")
def healthz():
    """The benchmark ceiling: no database, no template."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/readyz")
def readyz():
    """For the proxy's health checks: 200 when the database answers, 503 when it does not."""
    if database_answers():
        return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
    return "unavailable", 503, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/")
def home():
    return render_template(
        "home.html",
        processes=list_active_processes(),
        meetings=list_upcoming_meetings(limit=5),
        plans_by_neighbourhood=list_public_plans_by_neighbourhood(),
    )


@bp.post("/language")
@csrf.exempt
def set_language():
    """Remember the chosen language (cookie, and the account when signed in).

    For a visitor this only sets their own preference cookie, so the switcher carries no CSRF
    token and their pages stay cacheable; changing a signed-in account needs the token."""
    if current_user.is_authenticated:
        csrf.protect()
    lang = request.form.get("lang", "")
    if lang not in current_app.config["LANGUAGES"]:
        return redirect(url_for("site.home"))
    if current_user.is_authenticated and current_user.locale != lang:
        commit(lambda: set_locale(current_user._get_current_object(), lang, actor=current_user))
    response = redirect(safe_next(request.form.get("next"), url_for("site.home")))
    response.set_cookie(
        LANGUAGE_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
