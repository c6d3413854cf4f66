"""Loading the census and verifying against it, without HTTP."""

from datetime import date

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.census import operations
from participa.census.models import CensusEntry, CensusVerification
from participa.census.queries import census_counts, verification_of
from participa.core.errors import DomainError
from participa.core.secrecy import keyed_digest
from participa.extensions import db
from tests.census.conftest import KEY, TODAY
from tests.support import factories
from tests.support.records import log_entries


def entries():
    db.session.expire_all()
    return list(db.session.scalars(sa.select(CensusEntry).order_by(CensusEntry.id)))


def message(error) -> str:
    """The refusal as an English reader reads it (outside a request, the default is ca)."""
    with force_locale("en"):
        return str(error.value.message)


# --- loading ---------------------------------------------------------------------------------


def test_a_census_is_loaded_as_keyed_hashes_only(places, council):
    sant_roc, can_puig = places
    upload = operations.load_census(
        "document;birth date;neighbourhood\n"
        "12.345.678-z;17/05/1980;Sant Roc\n"
        "\n"
        "X 1234567 L;2005-02-01;can-puig\n",
        key=KEY, actor=council, today=TODAY)
    assert (upload.lines, upload.added, upload.moved, upload.unchanged) == (2, 2, 0, 0)
    first, second = entries()
    assert first.digest == keyed_digest(KEY, "census", "12345678Z", "1980-05-17")
    assert (first.neighbourhood_id, first.birth_year, first.is_used) == (sant_roc.id, 1980, False)
    assert second.digest == keyed_digest(KEY, "census", "X1234567L", "2005-02-01")
    assert (second.neighbourhood_id, second.birth_year) == (can_puig.id, 2005)
    # nothing readable of the person is stored
    assert set(CensusEntry.__table__.columns.keys()) == {
        "id", "digest", "neighbourhood_id", "birth_year", "is_used"}
    assert census_counts() == (2, 0)


def test_bytes_with_a_byte_order_mark_and_a_comma_separator(places, council):
    operations.load_census("\ufeff12345678Z,1980-05-17,sant-roc\r\n".encode(), key=KEY,
                           actor=council, today=TODAY)
    assert census_counts() == (1, 0)


def test_the_upload_is_logged_with_counts_only(census, council):
    [entry] = log_entries("load_census")
    assert entry.actor_id == council.id
    assert entry.data == {"lines": 2, "added": 2, "moved": 0, "unchanged": 0}
    assert "12345678Z" not in str(entry.data)


def test_loading_the_same_census_again_changes_nothing_harmful(census, council, places):
    sant_roc, can_puig = places
    resident = factories.make_user()
    operations.verify_resident(resident, "12345678Z", date(1980, 5, 17), key=KEY, today=TODAY)
    upload = operations.load_census(
        "12345678z,1980-05-17,sant-roc\n"  # the same person, written otherwise
        "00000001R,1990-01-01,sant-roc\n"  # moved to Sant Roc
        "00000002W,1978-06-15,can-puig\n"  # new
        "00000002W,1978-06-15,Can Puig\n",  # twice in the file: once
        key=KEY, actor=council, today=TODAY)
    assert (upload.lines, upload.added, upload.moved, upload.unchanged) == (4, 1, 1, 1)
    rows = entries()
    assert len(rows) == 3
    assert [e.is_used for e in rows] == [True, False, False]  # still used: nobody votes twice
    assert rows[1].neighbourhood_id == sant_roc.id
    assert census_counts() == (3, 1)


@pytest.mark.parametrize("content, line, expected", [
    ("12345678Z,1980-05-17\n", 1, "write three columns"),
    ("12345678Z,1980-05-17,sant-roc,extra\n", 1, "write three columns"),
    ("12345678Z,1980-05-17,sant-roc\n,1980-05-17,sant-roc\n", 2, "document number"),
    ("12345678Z,1980-05-17,sant-roc\nAB,1980-05-17,sant-roc\n", 2, "document number"),
    ("12345678Z,1980-05-17,sant-roc\n1234@678,1980-05-17,sant-roc\n", 2, "document number"),
    ("12345678Z,17-05-1980,sant-roc\n", 1, "birth date is not valid"),
    ("12345678Z,1980-02-30,sant-roc\n", 1, "birth date is not valid"),
    ("12345678Z,31/12/2099,sant-roc\n", 1, "birth date is not valid"),
    ("12345678Z,1980-05-17,sant-roc\n\n00000001R,1990-01-01,Nowhere\n", 3,
     "no neighbourhood called “Nowhere”"),
    ("12345678Z,1980-05-17,sant-roc\n12345678Z,1980-05-17,can-puig\n", 2,
     "repeats the person of line 1"),
])
def test_a_malformed_line_is_named_and_nothing_is_loaded(places, council, content, line,
                                                         expected):
    with pytest.raises(DomainError) as error:
        operations.load_census(content, key=KEY, actor=council, today=TODAY)
    assert f"Line {line}" in message(error)
    assert expected in message(error)
    assert entries() == []
    assert log_entries("load_census") == []


@pytest.mark.parametrize("content, expected", [
    ("", "holds no census entries"),
    ("document,birth date,neighbourhood\n\n", "holds no census entries"),
    ("12345678Z,1980-05-17,Sant Roc\n".encode("utf-16"), "UTF-8"),
    (b"12345678Z,1980-05-17,sant-roc\n\x00\x00", "UTF-8"),
    ("Dolors Mart\xed,1980,sant-roc\n".encode("latin-1"), "UTF-8"),
])
def test_a_file_that_is_not_a_census_is_refused(places, council, content, expected):
    with pytest.raises(DomainError) as error:
        operations.load_census(content, key=KEY, actor=council, today=TODAY)
    assert expected in message(error)
    assert entries() == []


def test_a_broken_csv_line_is_named(places, council):
    content = '12345678Z,1980-05-17,sant-roc\n00000001R,1990-01-01,"sant-roc\n'
    with pytest.raises(DomainError) as error:
        operations.load_census(content, key=KEY, actor=council, today=TODAY)
    assert "Line 2 could not be read" in message(error)
    assert entries() == []


def test_documents_are_normalized():
    assert operations.normalize_document(" 12.345.678-z ") == "12345678Z"
    assert operations.normalize_document("x-1234567 l") == "X1234567L"
    assert operations.census_digest(KEY, "12345678-z", date(1980, 5, 17)) == \
        operations.census_digest(KEY, "12345678Z", date(1980, 5, 17))


def test_birth_dates_in_both_formats():
    assert operations.parse_birth_date("1980-05-17") == date(1980, 5, 17)
    assert operations.parse_birth_date(" 17/05/1980 ") == date(1980, 5, 17)
    assert operations.parse_birth_date("05/17/1980") is None
    assert operations.parse_birth_date("") is None


def test_another_key_makes_other_digests(places, council):
    operations.load_census("12345678Z,1980-05-17,sant-roc\n", key="another key",
                           actor=council, today=TODAY)
    with pytest.raises(DomainError):
        operations.verify_resident(factories.make_user(), "12345678Z", date(1980, 5, 17),
                                   key=KEY, today=TODAY)


# --- verifying -------------------------------------------------------------------------------


def test_a_resident_verifies(census, places):
    sant_roc, _can_puig = places
    resident = factories.make_user()
    verification = operations.verify_resident(resident, "12345678-z", date(1980, 5, 17),
                                              key=KEY, today=TODAY)
    assert (verification.user_id, verification.neighbourhood_id, verification.birth_year,
            verification.verified_on) == (resident.id, sant_roc.id, 1980, TODAY)
    assert verification_of(resident.id) is verification
    assert [e.is_used for e in entries()] == [True, False]
    assert census_counts() == (2, 1)
    # nothing says which entry it was, nor when it was used
    assert set(CensusVerification.__table__.columns.keys()) == {
        "user_id", "neighbourhood_id", "birth_year", "verified_on"}
    assert log_entries("verify_resident") == []


@pytest.mark.parametrize("document, born", [
    ("12345678Z", date(1980, 5, 18)),  # wrong date
    ("12345679Z", date(1980, 5, 17)),  # wrong document
    ("00000009Z", date(2000, 1, 1)),  # nobody
])
def test_wrong_details_are_refused_without_saying_which(census, document, born):
    resident = factories.make_user()
    with pytest.raises(DomainError) as error:
        operations.verify_resident(resident, document, born, key=KEY, today=TODAY)
    assert error.value.message == operations.NOT_VERIFIED
    assert error.value.field is None
    assert verification_of(resident.id) is None
    assert census_counts() == (2, 0)


def test_an_entry_verifies_one_account_ever(census):
    first, second = factories.make_user(), factories.make_user()
    operations.verify_resident(first, "12345678Z", date(1980, 5, 17), key=KEY, today=TODAY)
    with pytest.raises(DomainError) as error:
        operations.verify_resident(second, "12345678Z", date(1980, 5, 17), key=KEY,
                                   today=TODAY)
    # the same answer as wrong details: nobody learns that the entry exists
    assert error.value.message == operations.NOT_VERIFIED
    assert verification_of(second.id) is None
    assert census_counts() == (2, 1)


def test_an_account_verifies_once(census):
    resident = factories.make_user()
    operations.verify_resident(resident, "12345678Z", date(1980, 5, 17), key=KEY, today=TODAY)
    with pytest.raises(DomainError) as error:
        operations.verify_resident(resident, "00000001R", date(1990, 1, 1), key=KEY,
                                   today=TODAY)
    assert error.value.message == operations.ALREADY_VERIFIED
    assert census_counts() == (2, 1)


def test_deleting_the_account_keeps_the_entry_used(census):
    resident = factories.make_user()
    operations.verify_resident(resident, "12345678Z", date(1980, 5, 17), key=KEY, today=TODAY)
    db.session.commit()
    db.session.execute(sa.delete(type(resident)).where(type(resident).id == resident.id))
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CensusVerification)) == 0
    assert census_counts() == (2, 1)  # still verified: the entry cannot verify anyone else
    newcomer = factories.make_user()
    with pytest.raises(DomainError):
        operations.verify_resident(newcomer, "12345678Z", date(1980, 5, 17), key=KEY,
                                   today=TODAY)


def test_queries_of_nobody():
    assert verification_of(None) is None
    assert verification_of(123456) is None
    assert census_counts() == (0, 0)


def test_the_database_refuses_a_second_verification_of_an_account(census, places):
    resident = factories.make_user()
    operations.verify_resident(resident, "12345678Z", date(1980, 5, 17), key=KEY, today=TODAY)
    db.session.expunge_all()
    db.session.add(CensusVerification(user_id=resident.id, neighbourhood_id=places[0].id,
                                      birth_year=1990, verified_on=TODAY))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_database_refuses_a_repeated_digest(census, places):
    [first, _second] = entries()
    db.session.add(CensusEntry(digest=first.digest, neighbourhood_id=places[1].id,
                               birth_year=1980))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()
