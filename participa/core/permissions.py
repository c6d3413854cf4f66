"""Role predicates every feature builds on. Pure functions: anonymous → False first."""


def is_signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated)


def is_council(user) -> bool:
    return is_signed_in(user) and bool(user.is_council)


def can_access_admin(user) -> bool:
    return is_council(user)
