"""Reads about debates: a process's list in one query, one debate."""

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from participa.core.pagination import page_of
from participa.debates.models import Debate, DebateStatus
from participa.extensions import db

SORTS = ("recent", "comments")


def list_debates(process, *, status=None, sort="recent", page=1, per_page=20):
    """One page of the process's debates (hidden ones left out), authors joined in."""
    query = sa.select(Debate).where(Debate.process_id == process.id,
                                    Debate.deleted_at.is_(None), Debate.hidden_at.is_(None))
    if status is not None:
        query = query.where(Debate.status == status)
    if sort == "comments":
        query = query.order_by(Debate.comments_count.desc(), Debate.id.desc())
    else:
        query = query.order_by(Debate.id.desc())
    query = query.options(joinedload(Debate.author), joinedload(Debate.category))
    rows = list(db.session.scalars(query.limit(per_page + 1).offset((page - 1) * per_page)))
    return page_of(rows, page, per_page)


def get_debate(process, debate_id: int) -> Debate | None:
    return db.session.scalar(
        sa.select(Debate)
        .where(Debate.process_id == process.id, Debate.id == debate_id,
               Debate.deleted_at.is_(None))
        .options(joinedload(Debate.author), joinedload(Debate.category),
                 joinedload(Debate.closed_by))
    )


def count_open(process) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Debate)
        .where(Debate.process_id == process.id, Debate.status == DebateStatus.OPEN,
               Debate.deleted_at.is_(None), Debate.hidden_at.is_(None))
    )


def debate_figures(process) -> tuple[int, int]:
    """(listed, open) debates of ``process`` (hidden ones left out), in one query."""
    listed, open_ = db.session.execute(
        sa.select(sa.func.count(), sa.func.count().filter(Debate.status == DebateStatus.OPEN))
        .where(Debate.process_id == process.id, Debate.deleted_at.is_(None),
               Debate.hidden_at.is_(None))
    ).one()
    return listed or 0, open_ or 0
