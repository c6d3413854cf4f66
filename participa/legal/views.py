"""The public pages of the legal texts: /legal/<text> shows the current version in the reader's
language (Catalan when it has not been given in theirs), its number and date, and lists the
earlier ones; /legal/<text>/versions/<n> shows one of them. Everyone reads them."""

from flask import Blueprint, abort, render_template

from participa.legal import queries

bp = Blueprint("legal", __name__, url_prefix="/legal")


def _kind_or_404(slug):
    return queries.kind_from_slug(slug) or abort(404)


@bp.get("/<kind>")
def show(kind):
    kind = _kind_or_404(kind)
    versions = queries.list_versions(kind)
    current = versions[0] if versions else None
    return render_template("legal/show.html", kind=kind, version=current, current=current,
                           versions=versions)


@bp.get("/<kind>/versions/<int:number>")
def version(kind, number):
    kind = _kind_or_404(kind)
    versions = queries.list_versions(kind)
    shown = next((v for v in versions if v.number == number), None) or abort(404)
    return render_template("legal/show.html", kind=kind, version=shown, current=versions[0],
                           versions=versions)
