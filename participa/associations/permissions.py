"""Who may do what with associations. Pure predicates shared by views (403/404) and templates.

- Everyone sees the register: pending and verified associations (a pending one without the
  verified mark). A refused association is gone from it: only its administrators and the
  council see its page.
- Anyone signed in (and not blocked) registers an association, and asks to represent one that
  is not refused and that they have no link to yet.
- Accepted representatives (either role) and the council edit an association's details and
  contact, not its verification; administrators and the council manage its representatives.
- The council verifies or refuses a pending registration.
- Acting for an association (``can_act_for``: publishing as it, later) needs a verified
  association and an accepted representative."""

from participa.associations.models import AssociationStatus
from participa.core.permissions import is_council, is_signed_in


def _active(user) -> bool:
    return is_signed_in(user) and not getattr(user, "is_blocked", False)


def _accepted_link(user, association):
    link = association.link_of(user) if _active(user) else None
    return link if link is not None and link.is_accepted else None


def is_representative(user, association) -> bool:
    """An accepted representative of ``association``, in either role."""
    return _accepted_link(user, association) is not None


def is_administrator(user, association) -> bool:
    link = _accepted_link(user, association)
    return link is not None and link.is_administrator


def can_view_association(user, association) -> bool:
    if association.status != AssociationStatus.REFUSED:
        return True
    return is_council(user) or is_administrator(user, association)


def can_register_association(user) -> bool:
    return _active(user)


def can_ask_to_represent(user, association) -> bool:
    return (_active(user) and association.status != AssociationStatus.REFUSED
            and association.link_of(user) is None)


def can_edit_association(user, association) -> bool:
    if association.status == AssociationStatus.REFUSED:
        return False
    return is_council(user) or is_representative(user, association)


def can_manage_representatives(user, association) -> bool:
    if association.status == AssociationStatus.REFUSED:
        return False
    return is_council(user) or is_administrator(user, association)


def can_verify_association(user, association) -> bool:
    return is_council(user) and association.status == AssociationStatus.PENDING


def can_refuse_association(user, association) -> bool:
    return is_council(user) and association.status == AssociationStatus.PENDING


def can_manage_areas(user) -> bool:
    return is_council(user)


def can_act_for(user, association) -> bool:
    """Whether ``user`` may act on behalf of ``association`` (publish as it): a verified
    association, and an accepted representative of it (either role) whose account is not
    blocked. Supports and votes are never cast on anyone's behalf."""
    return (association is not None and association.status == AssociationStatus.VERIFIED
            and is_representative(user, association))
