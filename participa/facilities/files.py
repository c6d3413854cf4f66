"""A facility's photos and documents (its rooms, a plan of the building, the rules of use),
through the files core. Facilities are public, so are their files; the council adds them from
the facility's form."""

from flask_babel import lazy_gettext as _l

from participa.extensions import db
from participa.facilities.models import Facility
from participa.facilities.permissions import can_manage_facilities
from participa.files.registry import register_kind

KIND = "facility"


def register() -> None:
    register_kind(
        KIND, _l("Facilities"),
        can_read=lambda user, owner_id: db.session.get(Facility, owner_id) is not None,
        can_attach=lambda user, owner_id: (db.session.get(Facility, owner_id) is not None
                                           and can_manage_facilities(user)),
    )

