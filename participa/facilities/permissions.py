"""Who may do what with facilities. Pure predicates: views (403) and templates share them.
Facilities are public; the council keeps them (their data, rooms and hours)."""

from participa.core.permissions import is_council


def can_manage_facilities(user) -> bool:
    return is_council(user)
