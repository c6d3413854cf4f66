"""Reads about processes."""

from sqlalchemy import select

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
    return db.session.scalar(select(Process).where(Process.slug == slug))
