"""Who may read, attach and remove files, and set the rules: pure predicates. Reading and
attaching are the owner's own rules, which each content kind registers (``registry``)."""

from participa.core.permissions import is_council, is_signed_in
from participa.files import registry


def can_read_file(user, attachment) -> bool:
    entry = registry.kind_of(attachment.owner_kind)
    return entry is not None and bool(entry.can_read(user, attachment.owner_id))


def is_public_file(attachment) -> bool:
    """Anyone, even a visitor, may read it: it may be kept by shared caches."""
    entry = registry.kind_of(attachment.owner_kind)
    return entry is not None and bool(entry.can_read(None, attachment.owner_id))


def can_attach_to(user, owner_kind: str, owner_id: int) -> bool:
    if not is_signed_in(user):
        return False
    entry = registry.kind_of(owner_kind)
    return entry is not None and bool(entry.can_attach(user, owner_id))


def can_remove_file(user, attachment) -> bool:
    """Whoever may attach to the owner may remove its files; the council always may."""
    if not is_signed_in(user):
        return False
    return is_council(user) or can_attach_to(user, attachment.owner_kind, attachment.owner_id)


def can_manage_file_rules(user) -> bool:
    return is_council(user)
