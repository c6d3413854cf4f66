"""Reads about accounts."""

from sqlalchemy import func, select

from participa.accounts.models import User
from participa.extensions import db


def count_contributions(user: User) -> dict:
    """How many visible proposals, debates and comments a person has published."""
    from participa.comments.models import Comment
    from participa.debates.models import Debate
    from participa.proposals.models import Proposal

    return {
        name: db.session.scalar(
            select(func.count()).select_from(model)
            .where(model.author_id == user.id, model.deleted_at.is_(None),
                   model.hidden_at.is_(None)))
        for name, model in (("proposals", Proposal), ("debates", Debate),
                            ("comments", Comment))
    }
