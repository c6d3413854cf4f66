"""Writes about the census: loading the council's file (the admin upload and
``participa census import`` share ``load_census``) and verifying a resident against it.

Only keyed hashes of (document number, birth date) are stored, under the ballot key the caller
passes in (``PARTICIPA_BALLOT_KEY``: configuration, never the database)."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from participa.accounts.models import User
from participa.census.models import CensusEntry, CensusVerification
from participa.census.queries import verification_of
from participa.core.database import lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.secrecy import keyed_digest
from participa.extensions import db
from participa.neighbourhoods.models import Neighbourhood

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "load_census": _l("uploaded the census"),
}

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
OLDEST_YEAR = 1900
_SEPARATORS = re.compile(r"[\s.\-]+")  # what people type inside a document number
_DOCUMENT = re.compile(r"^[A-Z0-9]{3,20}$")
_CHUNK = 500  # digests looked up per query

NOT_VERIFIED = _l("We could not verify you with these details. Check the document number and "
                  "the birth date and try again. If they are right, ask the council: they may "
                  "already have been used to verify another account.")
ALREADY_VERIFIED = _l("Your account is already verified.")


def normalize_document(text: str) -> str:
    """A document number as it is hashed: upper case, without spaces, dots or dashes, so
    "12.345.678-z" and "12345678Z" are the same person."""
    return _SEPARATORS.sub("", text or "").upper()


def census_digest(key: str, document: str, birth_date: date) -> str:
    """The keyed hash that stands for one person of the census."""
    return keyed_digest(key, "census", normalize_document(document), birth_date.isoformat())


def parse_birth_date(text: str) -> date | None:
    """A birth date written YYYY-MM-DD or DD/MM/YYYY, or None."""
    text = (text or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class CensusRow:
    line: int
    document: str  # normalized
    birth_date: date
    neighbourhood_id: int


@dataclass
class CensusUpload:
    """What one upload did: counts only (it is what the ActionLog keeps)."""

    lines: int = 0
    added: int = 0
    moved: int = 0  # people already in the census, now in another neighbourhood
    unchanged: int = 0
    id = None  # the ActionLog names no row for it


def parse_census(content, *, neighbourhoods: dict, today: date) -> list[CensusRow]:
    """The rows of a census CSV (bytes or text, UTF-8): document number, birth date,
    neighbourhood (its web address name or its name, as in ``neighbourhoods``, a dict from the
    lower-cased slug and name to the id). The separator may be a comma, a semicolon or a tab; a
    first line without digits is a heading and blank lines are skipped. Any malformed line
    raises a DomainError naming it: the file is taken whole or not at all."""
    text = _decode(content)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    rows = []
    first = True
    try:
        for cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if first and len(cells) >= 2 and not re.search(r"\d", " ".join(cells)):
                first = False
                continue  # the heading
            first = False
            rows.append(_row(line, cells, neighbourhoods, today))
    except csv.Error as error:
        raise DomainError(_l("Line %(line)s could not be read: check that it is plain text.",
                             line=max(reader.line_num, 1))) from error
    if not rows:
        raise DomainError(_l("The file holds no census entries."))
    return rows


def _decode(content) -> str:
    if isinstance(content, str):
        text = content.removeprefix("\ufeff")
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DomainError(_l("The file could not be read: save it as CSV text in UTF-8 "
                                 "and upload it again.")) from error
    if "\x00" in text:
        raise DomainError(_l("The file could not be read: save it as CSV text in UTF-8 and "
                             "upload it again."))
    return text


def _separator(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _row(line, cells, neighbourhoods, today) -> CensusRow:
    if len(cells) < 3 or any(cells[3:]):
        raise DomainError(_l("Line %(line)s: write three columns: document number, birth date "
                             "and neighbourhood.", line=line))
    document = normalize_document(cells[0])
    if not _DOCUMENT.match(document):
        raise DomainError(_l("Line %(line)s: the document number is missing or not valid.",
                             line=line))
    birth_date = parse_birth_date(cells[1])
    if birth_date is None or not OLDEST_YEAR <= birth_date.year or birth_date > today:
        raise DomainError(_l("Line %(line)s: the birth date is not valid. Write it as "
                             "YYYY-MM-DD or DD/MM/YYYY.", line=line))
    neighbourhood_id = neighbourhoods.get(cells[2].lower())
    if neighbourhood_id is None:
        raise DomainError(_l("Line %(line)s: there is no neighbourhood called "
                             "“%(name)s”.", line=line, name=cells[2][:80]))
    return CensusRow(line, document, birth_date, neighbourhood_id)


def neighbourhood_names() -> dict:
    """Every neighbourhood's lower-cased slug and name → its id, as a census file names them."""
    names = {}
    for id_, slug, name in db.session.execute(
            sa.select(Neighbourhood.id, Neighbourhood.slug, Neighbourhood.name)):
        names.setdefault(name.strip().lower(), id_)
        names[slug.lower()] = id_
    return names


def load_census(content, *, key: str, actor, today: date) -> CensusUpload:
    """Add the people of a census file (see ``parse_census``) to the census, whole or not at
    all. Idempotent: a person already there is left as they are (used or not), except that
    their neighbourhood follows the file's. The ActionLog keeps the counts only."""
    rows = parse_census(content, neighbourhoods=neighbourhood_names(), today=today)
    wanted: dict[str, CensusRow] = {}
    for row in rows:
        digest = census_digest(key, row.document, row.birth_date)
        earlier = wanted.get(digest)
        if earlier is not None and earlier.neighbourhood_id != row.neighbourhood_id:
            raise DomainError(_l("Line %(line)s repeats the person of line %(first)s with "
                                 "another neighbourhood.", line=row.line, first=earlier.line))
        wanted.setdefault(digest, row)

    digests = list(wanted)
    existing = {}
    for start in range(0, len(digests), _CHUNK):
        chunk = digests[start:start + _CHUNK]
        existing.update(
            (digest, (id_, neighbourhood_id)) for digest, id_, neighbourhood_id in
            db.session.execute(sa.select(CensusEntry.digest, CensusEntry.id,
                                         CensusEntry.neighbourhood_id)
                               .where(CensusEntry.digest.in_(chunk)))
        )
    upload = CensusUpload(lines=len(rows))
    new, moved = [], []
    for digest, row in wanted.items():
        if digest not in existing:
            new.append({"digest": digest, "neighbourhood_id": row.neighbourhood_id,
                        "birth_year": row.birth_date.year, "is_used": False})
        elif existing[digest][1] != row.neighbourhood_id:
            moved.append({"id": existing[digest][0], "neighbourhood_id": row.neighbourhood_id})
        else:
            upload.unchanged += 1
    if new:
        # a parallel upload of the same people adds each once
        upload.added = _insert_new(new)
        upload.unchanged += len(new) - upload.added
    if moved:
        db.session.execute(sa.update(CensusEntry), moved)
        upload.moved = len(moved)
    db.session.flush()
    log_action("load_census", upload, actor=actor, lines=upload.lines, added=upload.added,
               moved=upload.moved, unchanged=upload.unchanged)
    return upload


def _insert_new(rows) -> int:
    """Insert the new entries, skipping any a parallel upload has just added; how many were."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    added = 0
    for start in range(0, len(rows), _CHUNK):
        added += len(db.session.execute(
            insert(CensusEntry).on_conflict_do_nothing(index_elements=["digest"])
            .returning(CensusEntry.id),
            rows[start:start + _CHUNK],
        ).all())
    return added


def verify_resident(user, document: str, birth_date: date, *, key: str,
                    today: date) -> CensusVerification:
    """Verify ``user`` against the census: the entry of (document, birth date) is marked used
    and the account gets its neighbourhood and birth year. One entry verifies one account ever,
    and an account is verified once: the conditional UPDATE claims the entry (two accounts
    racing for it: the second finds it used) and the verification's primary key refuses a
    second one. The refusal never says which detail was wrong, nor whether the entry exists.

    Nothing records which entry matched, and nothing goes to the ActionLog (its time would say
    more than the day the verification keeps)."""
    lock_row(User, user.id)
    if verification_of(user.id) is not None:
        raise DomainError(ALREADY_VERIFIED)
    claimed = db.session.execute(
        sa.update(CensusEntry)
        .where(CensusEntry.digest == census_digest(key, document, birth_date),
               CensusEntry.is_used.is_(False))
        .values(is_used=True)
        .returning(CensusEntry.neighbourhood_id, CensusEntry.birth_year)
        .execution_options(synchronize_session=False)
    ).one_or_none()
    if claimed is None:
        raise DomainError(NOT_VERIFIED)  # beside no field: it says nothing of which
    verification = CensusVerification(user_id=user.id, neighbourhood_id=claimed.neighbourhood_id,
                                      birth_year=claimed.birth_year, verified_on=today)
    db.session.add(verification)
    try:
        db.session.flush()
    except IntegrityError as error:  # verified a moment ago by a parallel request
        raise DomainError(ALREADY_VERIFIED) from error  # the flow rolls the claim back
    return verification
