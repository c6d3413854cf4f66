"""A facility's photos and documents (its rooms, a plan of the building, the rules of use),
through the files core. Facilities are public, so are their files; the council adds them from
the facility's form."""

from flask_babel import lazy_gettext as _l

from participa.extensions import db
from participa.facilities.models import Facility
from participa.facilities.permissions import can_manage_facilities
from participa.files.operations import attach_form_files, prepare_form_files
from participa.files.registry import register_kind

KIND = "facility"


def register() -> None:
    register_kind(
        KIND, _l("Facilities"),
        can_read=lambda user, owner_id: db.session.get(Facility, owner_id) is not None,
        can_attach=lambda user, owner_id: (db.session.get(Facility, owner_id) is not None
                                           and can_manage_facilities(user)),
    )


def with_files(data: dict, save, *, actor, language: str):
    """Save the facility (``save()``) with the form's files: they are checked first, so a
    refused file saves nothing."""
    prepared = prepare_form_files(KIND, data, language=language)
    facility = save()
    attach_form_files(KIND, facility.id, prepared, actor=actor)
    return facility
