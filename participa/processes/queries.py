"""Reads about processes."""

from flask import current_app
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload

from participa.core.cache import fragment_cache
from participa.extensions import db
from participa.processes.models import Process
from participa.processes.phases import ProcessStatus, process_status


def in_published_processes(query, model, *, order_by, limit: int, offset: int = 0) -> list:
    """A person's own ``model`` rows (``query`` selects them) that sit in published processes,
    with their process loaded, in one query: what "my participation" lists."""
    return list(db.session.scalars(
        query.join(Process, Process.id == model.process_id)
        .where(Process.is_published.is_(True))
        .options(joinedload(model.process))
        .order_by(order_by).limit(limit).offset(offset)))


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


FRAME_TTL = 3600
# what tells a kept frame apart (SQLite may give a deleted process's id to a new one: its
# creation time tells them apart)
FRAME_STAMP = (Process.id, Process.created_at, Process.version)
_FRAME_VERSION = select(*FRAME_STAMP).where(Process.slug == bindparam("slug"))
_FRAME = select(Process).where(Process.id == bindparam("id")).options(
    joinedload(Process.phases), joinedload(Process.categories),
    joinedload(Process.neighbourhoods))


def get_process_by_slug(slug: str) -> Process | None:
    """A process with its plan, phases, categories and neighbourhoods (its frame: every page
    of a process shows them).

    Reading the frame costs a process page more than anything else it reads (a join of five
    tables into objects), and it seldom changes; so each worker keeps the frames it read, under
    the process's ``version``, which every change to the frame moves on in the same
    transaction. A page reads the version (one small row) and takes its own copy of the kept
    frame, or reads the frame afresh when the version has moved: never a stale one."""
    stamp = db.session.execute(_FRAME_VERSION, {"slug": slug}).first()
    return process_frame(stamp) if stamp is not None else None


def process_frame(stamp) -> Process | None:
    """The frame of the process whose ``FRAME_STAMP`` columns are ``stamp`` (read by the
    caller, possibly with something else: a proposal and its process's stamp in one query),
    kept or read afresh, as the request's own copy."""
    cache = fragment_cache("process-frames", current_app.config["PROCESS_FRAMES"])
    key = tuple(stamp)
    frame = cache.get(key)
    if frame is None:
        # read in a session of its own on the request's connection (and transaction), so the
        # kept frame belongs to no request; read after its version, so never older than it
        with Session(bind=db.session.connection()) as reader:
            frame = reader.execute(_FRAME, {"id": key[0]}).unique().scalar_one_or_none()
        if frame is None:  # deleted since
            return None
        cache.set(key, frame, FRAME_TTL)
    # the request's own copy, in its session: the kept frame itself is never changed
    return db.session.merge(frame, load=False)
