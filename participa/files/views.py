"""Serving files: GET /files/<id>/<variant>. The owner's own reading rule decides (through
the registry): a file of hidden, draft, withdrawn or deleted content is a 404, exactly as a
file that never existed. Images are shown inline, documents downloaded under their title."""

from flask import Blueprint, abort, current_app, make_response, request
from flask_login import current_user

from participa.files.permissions import can_read_file, is_public_file
from participa.files.queries import get_attachment

bp = Blueprint("files", __name__, url_prefix="/files")
PUBLIC_SECONDS = 3600


@bp.get("/<int:attachment_id>/<variant>")
def serve(attachment_id, variant):
    attachment = get_attachment(attachment_id) or abort(404)
    if variant not in attachment.variants or not can_read_file(current_user, attachment):
        abort(404)
    data = current_app.extensions["participa_files"].get(attachment.variant_key(variant))
    if data is None:
        abort(404)
    response = make_response(data)
    response.headers["Content-Type"] = attachment.variant_type(variant)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if attachment.is_image:
        response.headers["Content-Disposition"] = "inline"
    else:
        response.headers["Content-Disposition"] = (
            f'attachment; filename="{attachment.download_name}"')
    response.set_etag(f"{attachment.storage_key}-{variant}")
    if is_public_file(attachment):
        response.headers["Cache-Control"] = f"public, max-age={PUBLIC_SECONDS}"
    else:  # a restricted file (a draft's, a hidden item's): only this person's browser
        response.headers["Cache-Control"] = "private, no-store"
    return response.make_conditional(request)
