"""Publishing on behalf of an association (a proposal, a comment): which association the
actor may publish as, checked where it is written. The person stays the author; the
association only says on whose behalf they wrote. Supports and votes are never cast on
anyone's behalf.

The check reads the database as it is now (``represented_associations``: verified
associations whose accepted representative the actor is, an account not blocked), so a
representative removed, or an association refused, between showing a form and posting it is
refused with the same message."""

from flask_babel import lazy_gettext as _l

from participa.associations.queries import represented_associations
from participa.core.errors import DomainError

NOT_YOURS = _l("You cannot publish on behalf of this association: you are not its "
               "representative, or it is not verified.")


def association_to_publish_as(actor, association_id):
    """The association ``actor`` publishes as (None: as themselves); a DomainError on the
    ``association_id`` field when they may not act for it (or it does not exist)."""
    if association_id in (None, "", 0):
        return None
    try:
        wanted = int(association_id)
    except (TypeError, ValueError):
        raise DomainError(NOT_YOURS, field="association_id") from None
    association = next((a for a in represented_associations(actor) if a.id == wanted), None)
    if association is None:
        raise DomainError(NOT_YOURS, field="association_id")
    return association
