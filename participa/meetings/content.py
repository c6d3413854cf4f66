"""Meetings as a kind of content: commentable (once published) and reportable."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.content import ContentKind
from participa.core.translated import text_in
from participa.meetings.models import Meeting, MeetingStatus
from participa.meetings.permissions import can_view_meeting


def _url(meeting, anchor=None, external=False) -> str:
    return url_for("meetings.show", slug=meeting.process.slug, id=meeting.id, _anchor=anchor,
                   _external=external)


def _accepts_comments(meeting) -> bool:
    """Published or held; not a draft nor a cancelled one."""
    return meeting.hidden_at is None and meeting.status in (MeetingStatus.PUBLISHED,
                                                            MeetingStatus.CLOSED)


KIND = ContentKind(
    value="meetings", model=Meeting, label=_l("Meeting"),
    hidden_label=_l("This meeting has been hidden by moderation."),
    title=lambda meeting: text_in(meeting, "title"), url=_url, can_view=can_view_meeting,
    author_id=lambda meeting: meeting.created_by_id, author_column=None,
    accepts_comments=_accepts_comments, comment_positions=False,
    address_rule="/processes/<slug>/meetings/<int:id>",
)
