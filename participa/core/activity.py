"""The ActionLog as people read it: what each entry is about (named and linked) and the
council's filtered, paginated log.

An entry stores its target as a type and an id ("moderation", 3). Each feature tells how to
name and link the targets of its type (``register_log_targets``); a registered content kind
(``participa.core.content``) needs nothing more. Targets are read one query per type, never one
per entry."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from participa.core.content import content_kinds
from participa.core.models import ActionLog
from participa.core.pagination import Page
from participa.extensions import db

# target type -> resolve(ids) -> {id: (text, url or None)}
_RESOLVERS: dict[str, Callable[[list[int]], dict]] = {}


def register_log_targets(resolvers: dict) -> None:
    """``{target_type: resolve}``: how a feature names and links the targets of its entries;
    ``resolve(ids)`` reads them all at once and returns ``{id: (text, url or None)}``."""
    _RESOLVERS.update(resolvers)


def titled(model, label, address: Callable, title: Callable = lambda row: row.title,
           load=()):
    """A resolver for ``register_log_targets``: "label: title", linked to ``address(row)``,
    of the ``model`` rows asked for (one query; ``load``: the loader options of what the
    address and title read, so that is one query too)."""
    def resolve(ids):
        rows = db.session.scalars(sa.select(model).where(model.id.in_(ids)).options(*load))
        return {row.id: (f"{label}: {title(row)}", address(row)) for row in rows}
    return resolve


@dataclass(frozen=True)
class LogTarget:
    text: str
    url: str | None = None


def _kind_resolver(kind):
    def resolve(ids):
        rows = db.session.scalars(sa.select(kind.model).where(kind.model.id.in_(ids)))
        return {row.id: (f"{kind.label}: {kind.title(row)}", kind.address(row))
                for row in rows}
    return resolve


def _resolver(target_type: str):
    resolver = _RESOLVERS.get(target_type)
    if resolver is not None:
        return resolver
    for kind in content_kinds():
        if kind.model.__name__.lower() == target_type:
            return _kind_resolver(kind)
    return None


def describe_targets(entries) -> dict[int, LogTarget]:
    """What each entry (by its id) is about, named in the reader's language and linked when
    it still exists; one query per type of target."""
    wanted = defaultdict(set)
    for entry in entries:
        if entry.target_id is not None:
            wanted[entry.target_type].add(entry.target_id)
    found = {}
    for target_type, ids in wanted.items():
        resolver = _resolver(target_type)
        if resolver is not None:
            found[target_type] = resolver(sorted(ids))
    described = {}
    for entry in entries:
        hit = found.get(entry.target_type, {}).get(entry.target_id)
        if hit is not None:
            described[entry.id] = LogTarget(str(hit[0]), hit[1])
        elif entry.target_id is not None and entry.target_type in found:
            described[entry.id] = LogTarget(str(_l("Item no. %(id)s (no longer available)",
                                                   id=entry.target_id)))
        elif entry.target_id is not None:  # a type nobody describes: say no more than we know
            described[entry.id] = LogTarget(f"{entry.target_type} {entry.target_id}")
        else:
            described[entry.id] = LogTarget("—")
    return described


def list_log(*, verb=None, actors=None, since: datetime | None = None,
             until: datetime | None = None, page=1, per_page=50) -> Page:
    """One page of the ActionLog, newest first, filtered (``actors``: a SELECT of user ids;
    ``until``: exclusive); LIMIT n+1, no COUNT, the actors joined in."""
    query = _log_query(verb=verb, actors=actors, since=since, until=until)
    rows = list(db.session.scalars(query.limit(per_page + 1).offset((page - 1) * per_page)))
    return Page(items=rows[:per_page], page=page, per_page=per_page,
                has_next=len(rows) > per_page)


def iter_log(*, verb=None, actors=None, since=None, until=None, batch=1000):
    """Every matching entry, newest first, in batches (the CSV export)."""
    query = _log_query(verb=verb, actors=actors, since=since, until=until)
    last_id = None
    while True:
        chunk = query if last_id is None else query.where(ActionLog.id < last_id)
        rows = list(db.session.scalars(chunk.limit(batch)))
        if not rows:
            return
        yield rows
        last_id = rows[-1].id


def _log_query(*, verb, actors, since, until):
    query = sa.select(ActionLog).order_by(ActionLog.id.desc())
    if verb:
        query = query.where(ActionLog.verb == verb)
    if actors is not None:
        query = query.where(ActionLog.actor_id.in_(actors))
    if since is not None:
        query = query.where(ActionLog.created_at >= since)
    if until is not None:
        query = query.where(ActionLog.created_at < until)
    return query
