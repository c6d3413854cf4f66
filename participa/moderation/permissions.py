"""Who may report and who moderates what. Pure predicates shared by views and templates.

Moderating a process's content is part of managing the process (``can_manage_process``):
facilitators moderate their processes; the council moderates everything, profiles too."""

from participa.core.content import kind_of
from participa.core.permissions import is_council, is_signed_in
from participa.moderation.models import ModerationStatus
from participa.processes.permissions import can_manage_process


def can_report(user, target, *, author_id=None) -> bool:
    """Any signed-in person, about someone else's content or profile. ``author_id``: the
    target's author when the caller knows it already (a long thread)."""
    if not is_signed_in(user) or user.is_blocked:
        return False
    if author_id is None:
        author_id = kind_of(target).author_id(target)
    return author_id != user.id


def can_moderate(user, moderation) -> bool:
    """Nobody decides about their own content or profile: another moderator does."""
    if is_signed_in(user) and moderation.author_id == user.id:
        return False
    return can_manage_process(user, moderation.process)


def is_official(moderation) -> bool:
    """Published by the process's facilitators or the council: reports never hide it by
    themselves; it waits in the council's queue for a person to decide."""
    author = moderation.author
    return author is not None and can_manage_process(author, moderation.process)


def can_see_moderation_queue(user) -> bool:
    return is_signed_in(user) and (is_council(user) or user.is_facilitator)


def can_block_user(user, target) -> bool:
    """The council blocks people; never itself, nor another council member."""
    return is_council(user) and target.id != user.id and not target.is_council


def can_appeal(user, moderation) -> bool:
    """The author of hidden content, once."""
    return (
        is_signed_in(user)
        and moderation.author_id == user.id
        and moderation.status is ModerationStatus.HIDDEN
        and moderation.appealed_at is None
    )
