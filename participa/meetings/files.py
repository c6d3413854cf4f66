"""A meeting's images and documents (a poster, the agenda as PDF), through the files core.

Its files are read as its page is (a draft's only by those who manage it; a hidden meeting's by
nobody) and added by whoever may edit it, from the meeting's form."""

from flask_babel import lazy_gettext as _l

from participa.extensions import db
from participa.files.operations import attach_form_files, prepare_form_files
from participa.files.registry import register_kind
from participa.meetings.models import Meeting
from participa.meetings.permissions import can_edit_meeting, can_view_meeting

KIND = "meeting"


def can_read_files(user, meeting) -> bool:
    return (meeting is not None and meeting.hidden_at is None
            and can_view_meeting(user, meeting))


def can_attach_files(user, meeting) -> bool:
    return can_read_files(user, meeting) and can_edit_meeting(user, meeting)


def register() -> None:
    register_kind(
        KIND, _l("Meetings"),
        can_read=lambda user, owner_id: can_read_files(user, db.session.get(Meeting, owner_id)),
        can_attach=lambda user, owner_id: can_attach_files(user, db.session.get(Meeting,
                                                                                owner_id)),
    )


def prepare_uploads(data: dict, *, language: str) -> list:
    return prepare_form_files(KIND, data, language=language)


def attach_uploads(meeting, prepared: list, *, actor) -> list:
    return attach_form_files(KIND, meeting.id, prepared, actor=actor)
