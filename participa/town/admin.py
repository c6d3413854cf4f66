"""The council's page for the town's face, under /admin/town/: the name, the brand colours
and the logo."""

from flask import Blueprint, abort, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import save_form
from participa.town.forms import TownForm
from participa.town.look import town_look
from participa.town.operations import update_town
from participa.town.permissions import can_edit_town

bp = Blueprint("town_admin", __name__, url_prefix="/admin/town")


@bp.route("/", methods=["GET", "POST"])
@council_required
def edit():
    if not can_edit_town(current_user):
        abort(403)
    look = town_look()
    form = TownForm(data={"name": look.name, "primary_colour": look.primary,
                          "accent_colour": look.accent})
    return save_form(
        form,
        lambda data: update_town(data, actor=current_user),
        template="town/admin/edit.html",
        success=_("The town's name, logo and colours have been saved."),
        next_url=lambda settings: url_for(".edit"),
        look=look,
    )
