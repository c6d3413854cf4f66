"""Proposals as a kind of content: commentable, reportable, counted on profiles."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.content import ContentKind
from participa.proposals.models import Proposal
from participa.proposals.permissions import can_view_proposal


def _url(proposal, anchor=None, external=False) -> str:
    return url_for("proposals.show", slug=proposal.process.slug, id=proposal.id,
                   _anchor=anchor, _external=external)


def _accepts_comments(proposal) -> bool:
    return (proposal.hidden_at is None and proposal.deleted_at is None
            and not proposal.is_withdrawn)


KIND = ContentKind(
    value="proposals", model=Proposal, label=_l("Proposal"),
    hidden_label=_l("This proposal has been hidden by moderation."),
    title=lambda proposal: proposal.title, url=_url, can_view=can_view_proposal,
    accepts_comments=_accepts_comments, contribution_label=_l("Proposals"),
    address_rule="/processes/<slug>/proposals/<int:id>",
)
