"""The resident's verification page (/census/verify) and the council's census page
(/admin/census/)."""

import io
from datetime import date

import pytest
import sqlalchemy as sa

from participa.census import operations
from participa.census.models import CensusEntry
from participa.census.queries import census_counts, verification_of
from participa.extensions import db
from tests.census.conftest import CSV, KEY, TODAY
from tests.support import factories
from tests.support.records import log_entries
from tests.support.web import login, post, sync, text

VERIFY = "/census/verify"
ADMIN = "/admin/census/"
RIGHT = {"document": "12345678-z", "birth_date": "1980-05-17"}
WRONG = {"document": "12345678Z", "birth_date": "1980-05-18"}


@pytest.fixture
def signed_in(client, census, commit):
    person = factories.make_user(locale="en")
    commit()
    login(client, person)
    return person


def upload(client, content, filename="census.csv", token_from=ADMIN):
    return post(client, ADMIN, {"file": (io.BytesIO(content), filename)},
                token_from=token_from, content_type="multipart/form-data")


# --- verifying -------------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in(client, census, commit):
    commit()
    response = client.get(VERIFY)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login?next=")
    response = post(client, VERIFY, RIGHT)
    assert response.status_code == 302
    sync()
    assert census_counts() == (2, 0)


def test_the_account_page_links_to_the_verification(client, signed_in):
    page = text(client.get("/accounts/me"))
    assert f'href="{VERIFY}"' in page


def test_a_resident_verifies(client, signed_in, places):
    page = client.get(VERIFY)
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "private, no-store"
    assert 'for="document"' in text(page) and 'for="birth_date"' in text(page)
    response = post(client, VERIFY, RIGHT, token_from=VERIFY)
    assert response.status_code == 302
    assert response.headers["Location"] == VERIFY
    sync()
    verification = verification_of(signed_in.id)
    assert (verification.neighbourhood_id, verification.birth_year) == (places[0].id, 1980)
    page = text(client.get(VERIFY))
    assert "Done: your account is verified with the census." in page
    assert "Sant Roc" in page
    assert 'name="document"' not in page  # no form any more
    assert "Sant Roc" in text(client.get("/accounts/me"))


def test_the_other_date_format_is_accepted(client, signed_in):
    response = post(client, VERIFY, {"document": "12345678Z", "birth_date": "17/05/1980"},
                    token_from=VERIFY)
    assert response.status_code == 302
    sync()
    assert verification_of(signed_in.id) is not None


@pytest.mark.parametrize("data", [WRONG, {"document": "12345679Z", "birth_date": "1980-05-17"}])
def test_wrong_details_are_refused_without_saying_which(client, signed_in, data):
    response = post(client, VERIFY, data, token_from=VERIFY)
    assert response.status_code == 400
    page = text(response)
    assert "We could not verify you with these details." in page
    assert 'aria-invalid="true"' not in page  # no field is marked as the wrong one
    sync()
    assert verification_of(signed_in.id) is None
    assert census_counts() == (2, 0)


def test_the_refusal_is_translated(client, census, commit):
    person = factories.make_user(locale="es")
    commit()
    login(client, person)
    response = post(client, VERIFY, WRONG, token_from=VERIFY)
    assert response.status_code == 400
    assert "We could not verify you" not in text(response)
    assert "No te hemos podido verificar" in text(response)


@pytest.mark.parametrize("data", [
    {"document": "", "birth_date": "1980-05-17"},
    {"document": "12345678Z", "birth_date": ""},
    {"document": "12345678Z", "birth_date": "yesterday"},
    {"document": "1" * 41, "birth_date": "1980-05-17"},
    {"document": "12345678\x00Z", "birth_date": "1980-05-17"},
    {"document": "12345678\nZ", "birth_date": "1980-05-17"},
])
def test_bad_input_is_refused_and_changes_nothing(client, signed_in, data):
    response = post(client, VERIFY, data, token_from=VERIFY)
    assert response.status_code == 400
    assert "Please correct the marked fields." in text(response)
    sync()
    assert verification_of(signed_in.id) is None


def test_an_entry_already_used_gets_the_same_answer(client, signed_in, commit):
    other = factories.make_user()
    operations.verify_resident(other, "12345678Z", date(1980, 5, 17), key=KEY, today=TODAY)
    commit()
    response = post(client, VERIFY, RIGHT, token_from=VERIFY)
    assert response.status_code == 400
    assert "We could not verify you with these details." in text(response)


def test_a_verified_account_cannot_verify_again(client, signed_in):
    assert post(client, VERIFY, RIGHT, token_from=VERIFY).status_code == 302
    response = post(client, VERIFY, {"document": "00000001R", "birth_date": "1990-01-01"},
                    token_from=VERIFY)
    assert response.status_code == 200  # the page shows the verification; nothing changes
    sync()
    assert census_counts() == (2, 1)


def test_without_csrf_token_nothing_is_verified(client, signed_in):
    response = client.post(VERIFY, data=RIGHT)
    assert response.status_code == 400
    sync()
    assert verification_of(signed_in.id) is None


def test_failed_attempts_are_limited_per_address(client, signed_in, app, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_CENSUS_ACCOUNT", "100 per minute")
    monkeypatch.setitem(app.config, "RATELIMIT_CENSUS", "3 per minute")
    for _ in range(3):
        assert post(client, VERIFY, WRONG, token_from=VERIFY).status_code == 400
    response = post(client, VERIFY, RIGHT, token_from=VERIFY)
    assert response.status_code == 429  # even the right details wait now
    assert "Please wait a minute and try again." in text(response)
    assert client.get(VERIFY).status_code == 200  # reading the page is not limited
    # another account from the same address waits too
    other = factories.make_user()
    db.session.commit()
    second = client.another()
    login(second, other)
    assert post(second, VERIFY, RIGHT, token_from=VERIFY).status_code == 429
    sync()
    assert census_counts() == (2, 0)


def test_failed_attempts_are_limited_per_account(client, signed_in, app, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_CENSUS", "100 per minute")
    monkeypatch.setitem(app.config, "RATELIMIT_CENSUS_ACCOUNT", "3 per minute")
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        response = post(client, VERIFY, WRONG, token_from=VERIFY,
                        environ_base={"REMOTE_ADDR": address})
        assert response.status_code == 400
    response = post(client, VERIFY, RIGHT, token_from=VERIFY,
                    environ_base={"REMOTE_ADDR": "10.0.0.4"})
    assert response.status_code == 429


def test_the_default_limits_stop_guessing(client, signed_in):
    statuses = [post(client, VERIFY, WRONG, token_from=VERIFY).status_code for _ in range(6)]
    assert statuses == [400] * 5 + [429]


def test_successes_do_not_count_against_the_limit(client, census, app, monkeypatch, commit):
    monkeypatch.setitem(app.config, "RATELIMIT_CENSUS", "1 per minute")
    people = [factories.make_user(), factories.make_user()]
    commit()
    for person, data in zip(people, [RIGHT, {"document": "00000001R",
                                             "birth_date": "1990-01-01"}], strict=True):
        browser = client.another()
        login(browser, person)
        assert post(browser, VERIFY, data, token_from=VERIFY).status_code == 302
    sync()
    assert census_counts() == (2, 2)


# --- the council's page ----------------------------------------------------------------------


def test_anonymous_people_are_sent_to_sign_in_from_the_admin_page(client, places, commit):
    commit()
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login?next=")
    response = upload(client, CSV.encode(), token_from="/accounts/login")
    assert response.status_code == 302  # no session, no CSRF token: never loaded
    sync()
    assert census_counts() == (0, 0)


@pytest.mark.parametrize("role", ["resident", "facilitator"])
def test_residents_and_facilitators_are_refused(client, places, role, process, commit):
    person = factories.make_user(role, process=process)
    commit()
    login(client, person)
    assert client.get(ADMIN).status_code == 403
    response = post(client, ADMIN, {"file": (io.BytesIO(CSV.encode()), "census.csv")},
                    token_from="/", content_type="multipart/form-data")
    assert response.status_code == 403
    sync()
    assert census_counts() == (0, 0)


def test_the_council_sees_counts_only(as_council, census, commit):
    operations.verify_resident(factories.make_user(name="Dolors Verificada"), "12345678Z",
                               date(1980, 5, 17), key=KEY, today=TODAY)
    commit()
    response = as_council.get(ADMIN)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    page = text(response)
    assert "People in the census" in page and "Verified" in page
    assert "Dolors Verificada" not in page
    assert 'enctype="multipart/form-data"' in page
    assert f'href="{ADMIN}"' in text(as_council.get("/admin/"))  # in the admin navigation


def test_the_council_uploads_the_census(as_council, places, commit):
    commit()
    response = upload(as_council, CSV.encode())
    assert response.status_code == 302
    assert response.headers["Location"] == ADMIN
    sync()
    assert census_counts() == (2, 0)
    page = text(as_council.get(ADMIN))
    assert "The census has been loaded: 2 lines, 2 new people" in page
    assert [e.data for e in log_entries("load_census")] == [
        {"lines": 2, "added": 2, "moved": 0, "unchanged": 0}]
    # again: nobody twice
    assert upload(as_council, CSV.encode()).status_code == 302
    sync()
    assert census_counts() == (2, 0)


def test_a_malformed_file_is_refused_naming_the_line(as_council, places, commit):
    commit()
    response = upload(as_council, (CSV + "99999999R,1980-13-01,sant-roc\n").encode())
    assert response.status_code == 400
    assert "Line 4: the birth date is not valid." in text(response)
    sync()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CensusEntry)) == 0
    assert log_entries("load_census") == []


def test_the_line_is_named_in_catalan(client, places, commit):
    council = factories.make_user("council", locale="ca")
    commit()
    login(client, council)
    response = post(client, ADMIN, {"file": (io.BytesIO(b"1,2,3\n"), "census.csv")},
                    token_from=ADMIN, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Línia 1" in text(response)


def test_an_upload_without_a_file_is_refused(as_council, places):
    response = post(as_council, ADMIN, {}, token_from=ADMIN)
    assert response.status_code == 400
    assert "Choose the census file to upload." in text(response)
