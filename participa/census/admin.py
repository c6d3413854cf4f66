"""The council's census page, under /admin/census/: upload the census and see counts (entries,
verified), never who matched which entry."""

from flask import Blueprint, current_app, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participa.census.forms import UploadForm
from participa.census.operations import load_census
from participa.census.queries import census_counts
from participa.core.auth import council_required
from participa.core.flow import save_form
from participa.core.timeutil import utc_to_local
from participa.core.types import utcnow

bp = Blueprint("census_admin", __name__, url_prefix="/admin/census")


def uploaded_message(upload) -> str:
    return _("The census has been loaded: %(lines)s lines, %(added)s new people, %(moved)s moved "
             "to another neighbourhood, %(unchanged)s already there.",
             lines=upload.lines, added=upload.added, moved=upload.moved,
             unchanged=upload.unchanged)


@bp.route("/", methods=["GET", "POST"])
@council_required
def index():
    entries, verified = census_counts()
    return save_form(
        UploadForm(),
        lambda data: load_census(data["file"].read(), key=current_app.config["BALLOT_KEY"],
                                 actor=current_user, today=utc_to_local(utcnow()).date()),
        template="census/admin/index.html",
        success=uploaded_message,
        next_url=lambda upload: url_for(".index"),
        entries=entries, verified=verified,
    )
