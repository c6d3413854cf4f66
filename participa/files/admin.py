"""The council's page for files, under /admin/files/: for each kind of content that may
carry files, whether it accepts images and documents, how many and how big."""

from flask import Blueprint, abort, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import save_form
from participa.files import operations, queries, registry
from participa.files.forms import FileRulesForm

bp = Blueprint("files_admin", __name__, url_prefix="/admin/files")


@bp.get("/")
@council_required
def index():
    kinds = [(entry, queries.rules_for(entry.kind)) for entry in registry.registered_kinds()]
    return render_template("files/admin/index.html", kinds=kinds)


@bp.route("/<kind>", methods=["GET", "POST"])
@council_required
def rules(kind):
    entry = registry.kind_of(kind) or abort(404)
    current = queries.rules_for(kind)
    form = FileRulesForm(obj=current)
    return save_form(
        form, lambda data: operations.update_file_rules(kind, data, actor=current_user),
        template="files/admin/rules.html", entry=entry,
        success=_l("The rules for files have been saved."),
        next_url=lambda row: url_for("files_admin.index"),
    )
