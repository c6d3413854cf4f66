"""Reading back what operations recorded: the action log."""

import sqlalchemy as sa

from participa.core.models import ActionLog
from participa.extensions import db


def log_entries(verb, target=None) -> list[ActionLog]:
    """The action log's entries of ``verb`` (about ``target`` when given), oldest first."""
    query = sa.select(ActionLog).where(ActionLog.verb == verb).order_by(ActionLog.id)
    if target is not None:
        query = query.where(ActionLog.target_type == type(target).__name__.lower(),
                            ActionLog.target_id == target.id)
    return list(db.session.scalars(query))
