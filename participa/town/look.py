"""The town's face as every page reads it: its name, logo and colours, kept in memory.

Every page shows them (the header, the title, ``/town.css``) and every e-mail names the town,
so reading them must cost no query per request. Each worker process keeps one ``TownLook``:

- the worker that saves the settings forgets it as soon as the change commits (a listener on
  the session's commit), along with its visitors' page cache, so the council sees the change on
  the next page;
- every other worker reads the row again when its copy is older than ``TOWN_CACHE_SECONDS``
  (10 s by default): a change reaches every worker within 10 s, and pages kept in the visitors'
  page cache within 10 s plus ``PAGE_CACHE_SECONDS``.

A read is two small queries in the request's own transaction (so it ends with it, committed);
a look read in a transaction that changed it and has not committed is used but not kept. When
the database does not answer, the last look read (or the defaults) stands in and nothing new is
kept; an error page about the database being down does not ask it at all."""

import hashlib
import sys
import threading
import time
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app, has_app_context, url_for
from sqlalchemy import event
from sqlalchemy.orm import Session

from participa.extensions import db
from participa.files.models import IMAGE, Attachment
from participa.town.colours import DEFAULT_ACCENT, DEFAULT_PRIMARY, darker
from participa.town.models import SETTINGS_ID, TownSettings

DEFAULT_TTL = 10.0
DATABASE_DOWN = (sa.exc.OperationalError, sa.exc.TimeoutError)
_CHANGED = "town_settings_changed"
OWNER_KIND = "town"  # the logo's owner kind in the files core (owner id: the settings row's)
LOGO_VARIANT = "card"  # the logo's smaller copy: the header shows it 3 rem high


@dataclass(frozen=True)
class Logo:
    attachment_id: int
    width: int
    height: int


@dataclass(frozen=True)
class TownLook:
    name: str
    primary: str = DEFAULT_PRIMARY
    accent: str = DEFAULT_ACCENT
    logo: Logo | None = None

    @property
    def primary_dark(self) -> str:
        return darker(self.primary)

    @property
    def version(self) -> str:
        """A short fingerprint of what ``/town.css`` says: its address changes with it, so the
        stylesheet can be kept for a year."""
        return hashlib.sha256(f"{self.primary}{self.accent}".encode()).hexdigest()[:10]


def town_logo_url(logo: Logo) -> str:
    """Where the header's logo is served (the files core's address of its page-sized copy)."""
    return url_for("files.serve", attachment_id=logo.attachment_id, variant=LOGO_VARIANT)


class LookCache:
    """One worker's copy of the town's look, with the moment it goes stale."""

    def __init__(self):
        self._look: TownLook | None = None
        self._until = 0.0
        self._lock = threading.Lock()

    def get(self, load, ttl: float) -> TownLook:
        now = time.monotonic()
        look = self._look
        if look is not None and now < self._until:
            return look
        fresh = load()
        if fresh is not None:
            if not db.session.info.get(_CHANGED):  # not what this transaction has yet to commit
                with self._lock:
                    self._look, self._until = fresh, now + ttl
            return fresh
        return look or TownLook(name=current_app.config["SITE_NAME"])

    def refresh(self, load, ttl: float) -> TownLook:
        """Read the row again now (a page from another worker named newer colours)."""
        with self._lock:
            self._until = 0.0
        return self.get(load, ttl)

    def forget(self) -> None:
        with self._lock:
            self._look, self._until = None, 0.0


def _cache() -> LookCache:
    cache = current_app.extensions.get("town_look")
    if cache is None:
        cache = current_app.extensions["town_look"] = LookCache()
    return cache


def read_look() -> TownLook | None:
    """The town's look as the database holds it (the defaults when no row was saved); None when
    the database does not answer."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return None  # the page says the database does not answer: do not ask it again
    table = TownSettings.__table__
    try:
        row = db.session.execute(sa.select(
            table.c.name, table.c.primary_colour, table.c.accent_colour,
        ).where(table.c.id == SETTINGS_ID)).first()
        logo = _read_logo(db.session)
    except sa.exc.SQLAlchemyError:
        return None
    if row is None:
        return TownLook(name=current_app.config["SITE_NAME"], logo=logo)
    return TownLook(name=row.name, primary=row.primary_colour, accent=row.accent_colour,
                    logo=logo)


def _read_logo(session) -> Logo | None:
    """The town's logo: its first image in the files core, with the size of the copy shown."""
    files = Attachment.__table__
    row = session.execute(
        sa.select(files.c.id, files.c.card_width, files.c.card_height, files.c.width,
                  files.c.height)
        .where(files.c.owner_kind == OWNER_KIND, files.c.owner_id == SETTINGS_ID,
               files.c.kind == IMAGE)
        .order_by(files.c.position, files.c.id).limit(1)).first()
    if row is None:
        return None
    return Logo(attachment_id=row.id, width=row.card_width or row.width,
                height=row.card_height or row.height)


def town_look() -> TownLook:
    """The town's name, colours and logo, from this worker's memory (see the module's note)."""
    return _cache().get(read_look, current_app.config.get("TOWN_CACHE_SECONDS", DEFAULT_TTL))


def fresh_look() -> TownLook:
    """The town's look read again now (one query), kept for the next pages."""
    return _cache().refresh(read_look, current_app.config.get("TOWN_CACHE_SECONDS", DEFAULT_TTL))


def forget_look() -> None:
    """Read the settings again on the next page (this worker), and drop the visitors' pages
    kept with the old ones."""
    _cache().forget()
    pages = current_app.extensions.get("page_cache")
    if pages is not None:
        pages.clear()


def mark_changed(session) -> None:
    """Tell the session that the town's look changed: it is forgotten once this commits."""
    session.info[_CHANGED] = True


@event.listens_for(Session, "after_flush")
def _note_changes(session, flush_context):
    if any(isinstance(obj, TownSettings)
           or (isinstance(obj, Attachment) and obj.owner_kind == OWNER_KIND)
           for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info[_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session):
    if session.info.pop(_CHANGED, False) and has_app_context():
        forget_look()


@event.listens_for(Session, "after_soft_rollback")
def _nothing_changed(session, previous_transaction):
    if not session.in_transaction():
        session.info.pop(_CHANGED, None)
