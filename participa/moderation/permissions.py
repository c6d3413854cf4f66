"""Who may report and who moderates what. Pure predicates shared by views and templates."""

from participa.core.permissions import is_council, is_signed_in


def can_report(user, item, *, author_id) -> bool:
    """Any signed-in person, about someone else's content or profile."""
    return is_signed_in(user) and not user.is_blocked and author_id != user.id


def can_moderate_process(user, process) -> bool:
    """Facilitators moderate their processes; the council moderates everything, profiles too."""
    if not is_signed_in(user):
        return False
    if is_council(user):
        return True
    return process is not None and user.facilitates(process)


def can_moderate(user, moderation) -> bool:
    """Nobody decides about their own content or profile: another moderator does."""
    if is_signed_in(user) and moderation.author_id == user.id:
        return False
    return can_moderate_process(user, moderation.process)


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
        and moderation.status.value == "hidden"
        and moderation.appealed_at is None
    )
