"""Verifying under parallel requests, with real threads each with its own connection and
transaction (as gunicorn workers would): one census entry verifies one account, and an account
is verified once. Meaningful on PostgreSQL (SQLite serializes every writer)."""

from datetime import date

import sqlalchemy as sa

from participa.accounts.models import User
from participa.census import operations
from participa.census.models import CensusEntry, CensusVerification
from participa.extensions import db
from tests.census.conftest import KEY, TODAY
from tests.support import factories
from tests.support.parallel import run_parallel

THREADS = 8


def _verify_job(user_id, document, born):
    def job():
        operations.verify_resident(db.session.get(User, user_id), document, born, key=KEY,
                                   today=TODAY)
    return job


def _count(model, *criteria):
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*criteria))


def test_many_accounts_racing_for_one_entry_verify_one(app, census):
    people = [factories.make_user().id for _ in range(THREADS)]
    db.session.commit()

    ok, refused = run_parallel(app, [_verify_job(p, "12345678Z", date(1980, 5, 17))
                                     for p in people])

    assert (ok, refused) == (1, THREADS - 1)
    assert _count(CensusVerification) == 1
    assert _count(CensusEntry, CensusEntry.is_used.is_(True)) == 1


def test_one_account_racing_with_several_entries_verifies_once(app, places, council):
    rows = "\n".join(f"{n:08d}X,1990-01-01,sant-roc" for n in range(1, THREADS + 1))
    operations.load_census(rows, key=KEY, actor=council, today=TODAY)
    person = factories.make_user().id
    db.session.commit()

    ok, refused = run_parallel(app, [_verify_job(person, f"{n:08d}X", date(1990, 1, 1))
                                     for n in range(1, THREADS + 1)])

    assert (ok, refused) == (1, THREADS - 1)
    assert _count(CensusVerification) == 1
    assert _count(CensusEntry, CensusEntry.is_used.is_(True)) == 1  # the others rolled back


def test_parallel_uploads_of_the_same_census_add_each_person_once(app, places, council):
    content = "\n".join(f"{n:08d}X,1990-01-01,sant-roc" for n in range(1, 200))
    db.session.commit()
    council_id = council.id

    def job():
        operations.load_census(content, key=KEY, actor=db.session.get(User, council_id),
                               today=TODAY)

    ok, refused = run_parallel(app, [job] * 4)

    assert (ok, refused) == (4, 0)
    assert _count(CensusEntry) == 199
