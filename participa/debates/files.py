"""A debate's images and documents (a photo of the place, a report to read before arguing),
through the files core.

Its files are read as its page is (a hidden or deleted debate's by nobody) and added by whoever
may edit it, from the debate's form."""

from flask_babel import lazy_gettext as _l

from participa.debates.models import Debate
from participa.debates.permissions import can_edit_debate, can_view_debate
from participa.extensions import db
from participa.files.registry import register_kind

KIND = "debate"


def can_read_files(user, debate) -> bool:
    return debate is not None and debate.hidden_at is None and can_view_debate(user, debate)


def can_attach_files(user, debate) -> bool:
    return can_read_files(user, debate) and can_edit_debate(user, debate)


def register() -> None:
    register_kind(
        KIND, _l("Debates"),
        can_read=lambda user, owner_id: can_read_files(user, db.session.get(Debate, owner_id)),
        can_attach=lambda user, owner_id: can_attach_files(user, db.session.get(Debate,
                                                                                owner_id)),
    )

