"""What pages of any kind of content need about moderation: template globals and the context
a content page adds (may the reader report it; when hidden, its moderation)."""

from flask_login import current_user

from participa.core.content import kind_of
from participa.moderation import queries
from participa.moderation.permissions import (
    can_appeal,
    can_block_user,
    can_moderate,
    can_report,
    can_see_moderation_queue,
)


def target_address(target, external=False) -> str:
    """The address of a proposal, comment, profile... (a comment's leads to its thread)."""
    return kind_of(target).address(target, external=external)


def target_title(target) -> str:
    return kind_of(target).title(target) if target is not None else "—"


def report_url(target) -> str:
    """Every kind's report form lives at the target's own address followed by /report."""
    return kind_of(target).address(target) + "/report"


def moderation_context(target) -> dict:
    """What a content page needs about moderation: may the reader report it, and, when it is
    hidden, its moderation (so its author can appeal and moderators can act)."""
    moderation = queries.moderation_of(target) if target.hidden_at is not None else None
    return {
        "may_report": can_report(current_user, target),
        "hidden_moderation": moderation,
        "may_appeal": moderation is not None and can_appeal(current_user, moderation),
        "may_moderate_target": moderation is not None and can_moderate(current_user, moderation),
    }


def process_figures(sender, process, **kwargs) -> dict:
    """The process page's public moderation figures (a ``process_page`` receiver)."""
    return {"moderation": queries.process_figures(process)}


def profile_context(sender, person, **kwargs) -> dict:
    """A profile's moderation: reporting it, and the council's block button."""
    return {"may_block": can_block_user(current_user, person), **moderation_context(person)}


TEMPLATE_GLOBALS = {
    "target_address": target_address,
    "target_title": target_title,
    "report_url": report_url,
    "can_see_moderation_queue": can_see_moderation_queue,
    "moderation_reasons": queries.open_reasons,
}
