"""A resident verifies, once, that they live in town: their document number and birth date
against the council's census."""

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from participa.census.forms import VerifyForm
from participa.census.operations import verify_resident
from participa.census.queries import verification_of
from participa.core.flow import submit
from participa.core.timeutil import utc_to_local
from participa.core.types import utcnow
from participa.extensions import limiter

bp = Blueprint("census", __name__, url_prefix="/census")


def _failed(response) -> bool:
    """Only refused attempts count against the limits: one success is all anyone needs."""
    return response.status_code >= 400


def _account_key() -> str:
    return f"census-account:{getattr(current_user, 'id', None) or request.remote_addr}"


@bp.route("/verify", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_CENSUS"], methods=["POST"],
               deduct_when=_failed)
@limiter.limit(lambda: current_app.config["RATELIMIT_CENSUS_ACCOUNT"], methods=["POST"],
               key_func=_account_key, deduct_when=_failed)
def verify():
    """The form, or the person's verification once they have one. A refusal never says which
    detail was wrong; failed attempts are limited per address and per account."""
    g.private_page = True
    user = current_user._get_current_object()
    verification = verification_of(user.id)
    form = VerifyForm()
    if request.method == "POST" and verification is None:
        done = submit(form, lambda data: verify_resident(
            user, data["document"], data["birth_date"],
            key=current_app.config["BALLOT_KEY"], today=utc_to_local(utcnow()).date(),
        ), _l("Done: your account is verified with the census."))
        if done:
            return redirect(url_for(".verify"))
    status = 400 if (form.errors or form.form_errors) else 200
    return render_template("census/verify.html", form=form, verification=verification), status
