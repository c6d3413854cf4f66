"""The stored objects follow the database transaction: objects stored in a transaction that
rolls back are deleted, and those of a removed attachment are deleted only once the removal
is committed (a rolled-back removal keeps its file)."""

import logging

from sqlalchemy import event
from sqlalchemy.orm import Session

from participa.extensions import db

log = logging.getLogger(__name__)


def stored_in_transaction(store, keys) -> None:
    db.session.info.setdefault("files_stored", []).append((store, keys))


def delete_after_commit(store, keys) -> None:
    db.session.info.setdefault("files_to_delete", []).append((store, keys))


@event.listens_for(Session, "after_commit")
def _after_commit(db_session):
    db_session.info.pop("files_stored", None)
    for store, keys in db_session.info.pop("files_to_delete", []):
        for key in keys:
            _quietly_delete(store, key)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(db_session, previous_transaction):
    if db_session.in_transaction():  # a savepoint or an inner transaction: the outer decides
        return
    db_session.info.pop("files_to_delete", None)
    for store, keys in db_session.info.pop("files_stored", []):
        for key in keys:
            _quietly_delete(store, key)


def _quietly_delete(store, key) -> None:
    try:
        store.delete(key)
    except Exception:  # noqa: BLE001 - a leftover object is harmless; the row is what counts
        log.warning("could not delete stored file %s", key)
