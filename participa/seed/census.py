"""The demo town's census: every demo resident and neighbour is in it and verified against it,
and a few people of the census have no account yet, so anyone trying the demo can register and
verify a new account with one of them (``NEWCOMERS``; the README lists them)."""

from datetime import date

from flask import current_app
from sqlalchemy import select

from participa.accounts.queries import get_user_by_email
from participa.census.models import CensusEntry
from participa.census.operations import census_digest, load_census, verify_resident
from participa.census.queries import verification_of
from participa.core.errors import DomainError
from participa.core.timeutil import utc_to_local
from participa.core.types import utcnow
from participa.extensions import db
from participa.seed.accounts import DEMO_ACCOUNTS, NEIGHBOURS

DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"

# (document, birth date, neighbourhood): in the census, with no account yet
NEWCOMERS = [
    ("00000001R", date(1990, 1, 1), "barri-vell"),
    ("00000002W", date(1978, 6, 15), "barri-vell"),
    ("00000003A", date(2001, 3, 9), "sant-roc"),
    ("00000004G", date(1956, 11, 23), "la-florida"),
    ("00000005M", date(2012, 9, 30), "barri-vell"),  # too young for a vote from 16
]

# the demo residents: (e-mail, birth date, neighbourhood)
RESIDENTS = {
    "marta@riuclar.example": (date(1984, 3, 14), "barri-vell"),
    "jordi@riuclar.example": (date(1961, 11, 2), "barri-vell"),
    "fatima@riuclar.example": (date(1995, 6, 21), "barri-vell"),
}
# the neighbours live mostly in the Barri Vell, a few elsewhere
OTHER_PLACES = ["sant-roc", "can-puig", "el-serrat", "la-florida", "les-basses"]


def dni(number: int) -> str:
    """A well-formed (made-up) DNI: eight digits and their check letter."""
    return f"{number:08d}{DNI_LETTERS[number % 23]}"


def demo_people() -> list[tuple[str, str, date, str]]:
    """(e-mail, document, birth date, neighbourhood slug) of every demo person with an account
    who is verified against the census."""
    people = []
    residents = [email for email, _name, role, _password in DEMO_ACCOUNTS if role == "resident"]
    for i, email in enumerate(residents, start=1):
        birth_date, place = RESIDENTS.get(email, (date(1980, 1, i), "barri-vell"))
        people.append((email, dni(40_000_000 + i), birth_date, place))
    for i, _name in enumerate(NEIGHBOURS, start=1):
        place = "barri-vell" if i <= 16 else OTHER_PLACES[(i - 17) % len(OTHER_PLACES)]
        birth_date = date(1945 + (i * 7) % 60, 1 + i % 12, 1 + (i * 5) % 28)
        people.append((f"vei{i:02d}@riuclar.example", dni(41_000_000 + i), birth_date, place))
    return people


def seed_census() -> int:
    """Load whatever part of the demo census is missing and verify the demo people who are not
    yet; return how many records were added. Idempotent."""
    key = current_app.config["BALLOT_KEY"]
    today = utc_to_local(utcnow()).date()
    people = [(email, document, born, place) for email, document, born, place in demo_people()
              if get_user_by_email(email) is not None]
    rows = [(document, born, place) for _email, document, born, place in people] + NEWCOMERS
    digests = {census_digest(key, document, born) for document, born, _place in rows}
    known = set(db.session.scalars(select(CensusEntry.digest)
                                   .where(CensusEntry.digest.in_(digests))))
    missing = [(document, born, place) for document, born, place in rows
               if census_digest(key, document, born) not in known]
    created = 0
    if missing:
        lines = ["document,birth_date,neighbourhood"] + [
            f"{document},{born.isoformat()},{place}" for document, born, place in missing]
        created += load_census("\n".join(lines), key=key, actor=None, today=today).added
    for email, document, born, _place in people:
        user = get_user_by_email(email)
        if verification_of(user.id) is None:
            try:
                verify_resident(user, document, born, key=key, today=today)
            except DomainError:  # their entry verified an account since deleted: leave it
                continue
            created += 1
    db.session.flush()
    return created
