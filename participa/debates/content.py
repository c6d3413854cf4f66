"""Debates as a kind of content: commentable, reportable, counted on profiles."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.content import ContentKind
from participa.debates.models import Debate
from participa.debates.permissions import can_view_debate


def _url(debate, anchor=None, external=False) -> str:
    return url_for("debates.show", slug=debate.process.slug, id=debate.id, _anchor=anchor,
                   _external=external)


def _accepts_comments(debate) -> bool:
    return debate.hidden_at is None and debate.deleted_at is None and debate.is_open


KIND = ContentKind(
    value="debates", model=Debate, label=_l("Debate"),
    hidden_label=_l("This debate has been hidden by moderation."),
    title=lambda debate: debate.title, url=_url, can_view=can_view_debate,
    accepts_comments=_accepts_comments, contribution_label=_l("Debates"),
    address_rule="/processes/<slug>/debates/<int:id>",
)
