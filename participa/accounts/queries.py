"""Reads about accounts."""

from sqlalchemy import func, select

from participa.accounts.models import User
from participa.core.content import content_kinds
from participa.extensions import db


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalize_email(email)))


def count_contributions(user: User) -> list[tuple]:
    """(label, how many) of each kind of content a profile counts — proposals, debates,
    comments, whatever registers a ``contribution_label`` — counting only what is visible."""
    counted = []
    for kind in content_kinds():
        if kind.contribution_label is None:
            continue
        model = kind.model
        visible = kind.authored_by(user.id).where(model.hidden_at.is_(None))
        if hasattr(model, "deleted_at"):
            visible = visible.where(model.deleted_at.is_(None))
        number = db.session.scalar(select(func.count()).select_from(visible.subquery()))
        counted.append((kind.contribution_label, number))
    return counted
