"""Reads about processes."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from participa.extensions import db
from participa.processes.models import Process
from participa.processes.phases import ProcessStatus, process_status


def list_published_processes(plan=None, neighbourhood=None) -> list[Process]:
    query = select(Process).where(Process.is_published.is_(True)).order_by(Process.title)
    if plan is not None:
        query = query.where(Process.plan_id == plan.id)
    if neighbourhood is not None:
        query = query.where(Process.neighbourhoods.any(id=neighbourhood.id))
    return list(db.session.scalars(query))


def list_active_processes() -> list[Process]:
    return [p for p in list_published_processes() if process_status(p) == ProcessStatus.ACTIVE]


def list_all_processes() -> list[Process]:
    return list(db.session.scalars(select(Process).order_by(Process.title)))


def get_process_by_slug(slug: str) -> Process | None:
    """A process with its phases, categories and neighbourhoods, in one query (every page of a
    process shows them; a few rows each, so joining them costs less than three more trips)."""
    return db.session.execute(
        select(Process).where(Process.slug == slug).options(
            joinedload(Process.phases), joinedload(Process.categories),
            joinedload(Process.neighbourhoods))
    ).unique().scalar_one_or_none()
