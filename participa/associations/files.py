"""An association's logo, through the files core: one image, its alternative text the
association's name. Read by whoever may see the association (a refused one's by the council and
its administrators), set or replaced by whoever may edit its details, from its form."""

from flask_babel import lazy_gettext as _l

from participa.associations.models import Association
from participa.associations.permissions import can_edit_association, can_view_association
from participa.extensions import db
from participa.files.errors import FileRefused
from participa.files.models import IMAGE
from participa.files.operations import attach_prepared, prepare_file, remove_files_of
from participa.files.queries import first_images, images_of
from participa.files.registry import register_kind

KIND = "association"


def register() -> None:
    def owner(owner_id):
        return db.session.get(Association, owner_id)

    register_kind(
        KIND, _l("Associations (logo)"),
        can_read=lambda user, owner_id: (a := owner(owner_id)) is not None
        and can_view_association(user, a),
        can_attach=lambda user, owner_id: (a := owner(owner_id)) is not None
        and can_edit_association(user, a),
        accepts=(IMAGE,), max_files=1)


def prepare_logo(data: dict, *, name: str, language: str):
    """The form's logo checked and re-encoded (None when none was chosen); its alternative
    text is the association's name. Raises ``FileRefused`` on the logo's field."""
    upload = data.get("logo")
    if upload is None or not getattr(upload, "filename", ""):
        return None
    try:
        return prepare_file(KIND, upload, alt_text=name, language=language)
    except FileRefused as refused:
        raise FileRefused(refused.message, field="logo") from None


def replace_logo(association, prepared, *, actor) -> None:
    """Put the checked logo in place of the one before (nothing when none was chosen)."""
    if prepared is None:
        return
    remove_files_of(KIND, association.id, actor=actor)
    attach_prepared(KIND, association.id, prepared, actor=actor)


def logo_of(association):
    images = images_of(KIND, association.id)
    return images[0] if images else None


def logos_of(associations) -> dict:
    """{association id: its logo} for a page of the register, in one query."""
    return first_images(KIND, [a.id for a in associations])
