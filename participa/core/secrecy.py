"""Keyed hashes and receipt codes for secret ballots and the census.

The key (``PARTICIPA_BALLOT_KEY``) lives in the configuration, never in the database: a reader
of the database alone can neither recompute a ballot's key from a person nor find a census
entry from a document number. Each use names its purpose, so one key serves several uses
without one digest ever standing for another.
"""

import hashlib
import hmac
import secrets

import sqlalchemy as sa

from participa.extensions import db

# receipts are read aloud and typed: no 0/O, 1/I/L
RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RECEIPT_LENGTH = 12


def keyed_digest(key: str, purpose: str, *parts) -> str:
    """HMAC-SHA256 of the parts (joined unambiguously) under the key and the purpose, in hex."""
    if not key:
        raise ValueError("a keyed digest needs the ballot key")
    message = "\x1f".join([purpose, *(str(part) for part in parts)]).encode("utf-8")
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()


def new_receipt() -> str:
    """A random receipt code, shown to the voter once: XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, RECEIPT_LENGTH, 4))


def normalize_receipt(text: str) -> str:
    """What a voter types back (spaces, lower case, no dashes) as the code was shown."""
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def rewrite_in_random_order(model, *criteria) -> int:
    """Rewrite the rows of ``model`` matching ``criteria`` in a random order, so that their
    physical order (SQLite's rowid, PostgreSQL's ctid) no longer tells the order they were
    written in — the order a voter roll keeps. Returns how many rows were rewritten.

    Every column is copied as it is; nothing may point at these rows (a ballot box)."""
    table = model.__table__
    rows = [dict(row._mapping) for row in db.session.execute(sa.select(table).where(*criteria))]
    if not rows:
        return 0
    secrets.SystemRandom().shuffle(rows)
    db.session.execute(sa.delete(table).where(*criteria))
    db.session.execute(sa.insert(table), rows)
    return len(rows)
