"""The council's pages for the legal texts, under /admin/legal/: the four texts with their
current versions, and publishing a new version of one (the form starts from the current text).
Publishing goes through the one write flow (one operation, one commit, an ActionLog entry)."""

from flask import Blueprint, abort, current_app, render_template, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from participa.core.auth import council_required
from participa.core.flow import save_form
from participa.core.translated import OTHER_LANGUAGES
from participa.legal import operations, queries
from participa.legal.forms import PublishForm
from participa.legal.models import KIND_ORDER

bp = Blueprint("legal_admin", __name__, url_prefix="/admin/legal")


@bp.get("/")
@council_required
def index():
    return render_template("legal/admin/index.html", kinds=KIND_ORDER,
                           current=queries.current_versions())


def _prefilled(version) -> dict:
    """The form's starting values: the current version's texts (what changed starts empty)."""
    if version is None:
        return {}
    values = {"body": version.body}
    for language in OTHER_LANGUAGES:
        values[f"body_{language}"] = (version.translations.get(language) or {}).get("body", "")
    return values


def _publish(kind, data):
    texts = form_data_to_operation(data)
    version = operations.publish_legal_text(kind, texts, actor=current_user)
    # this worker's visitors see the new version at once (other workers' page caches keep an
    # anonymous page PAGE_CACHE_SECONDS at most)
    current_app.extensions["page_cache"].clear()
    return version


def form_data_to_operation(data: dict) -> dict:
    return {
        "body": data.get("body"), "summary": data.get("summary"),
        "translations": {language: {"body": data.get(f"body_{language}") or "",
                                    "summary": data.get(f"summary_{language}") or ""}
                         for language in OTHER_LANGUAGES},
    }


@bp.route("/<kind>/publish", methods=["GET", "POST"])
@council_required
def publish(kind):
    kind = queries.kind_from_slug(kind) or abort(404)
    versions = queries.list_versions(kind)
    current = versions[0] if versions else None
    form = PublishForm(data=_prefilled(current))
    return save_form(
        form, lambda data: _publish(kind, data), template="legal/admin/publish.html",
        success=lambda version: _l("Version %(n)s has been published.", n=version.number),
        next_url=lambda version: url_for("legal.show", kind=kind.value),
        kind=kind, current=current, versions=versions)

