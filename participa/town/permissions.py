"""Who may change the town's face: the council only."""

from participa.core.permissions import is_council


def can_edit_town(user) -> bool:
    return is_council(user)
