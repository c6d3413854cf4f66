"""Signing in through HTTP: the session renewed, local redirects only, one answer for a wrong
password or an unknown address, CSRF, rate limits and remember-me."""

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from tests.support import factories
from tests.support.accounts import (
    GENERIC_LOGIN_ERROR,
    flashes,
    reload,
    signed_in,
)
from tests.support.web import login, post, text


def test_login_page(client):
    response = client.get("/accounts/login")
    assert response.status_code == 200
    assert 'autocomplete="current-password"' in text(response)


def test_login_signs_in(client, commit):
    user = factories.make_user(email="jordi@example.org", locale="en")
    commit()
    assert not signed_in(client)
    response = post(client, "/accounts/login",
                    {"email": "Jordi@Example.org", "password": factories.PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "You are signed in." in flashes(client)
    assert signed_in(client)
    assert reload(user).last_login_at is not None


def test_login_goes_back_to_a_local_next_only(client, resident, commit):
    commit()
    data = {"email": resident.email, "password": factories.PASSWORD}
    response = post(client, "/accounts/login?next=/plans/", data)
    assert response.headers["Location"] == "/plans/"
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example",
                   "/\t/evil.example", "javascript:alert(1)", "evil.example"):
        other = client.another()
        response = post(other, "/accounts/login", data, query_string={"next": target})
        assert response.status_code == 302
        assert response.headers["Location"] == "/", target


def test_login_renews_the_session(client, resident, commit):
    commit()
    client.get("/accounts/login")
    before = client.get_cookie("session", domain="participa.test").value
    login(client, resident)
    after = client.get_cookie("session", domain="participa.test").value
    assert before != after
    stale = client.another()
    stale.set_cookie("session", before, domain="participa.test")
    assert stale.get("/accounts/me").status_code == 302


def test_wrong_password_and_unknown_e_mail_get_the_same_answer(client, commit):
    factories.make_user(email="jordi@example.org")
    commit()
    wrong = post(client, "/accounts/login",
                 {"email": "jordi@example.org", "password": "not the right one"})
    unknown = post(client, "/accounts/login",
                   {"email": "nobody@example.org", "password": "not the right one"})
    assert wrong.status_code == unknown.status_code == 400
    assert GENERIC_LOGIN_ERROR in text(wrong)
    assert GENERIC_LOGIN_ERROR in text(unknown)

    def errors(response):
        return re.search(r'<div class="form-errors".*?</div>', text(response), re.S).group(0)

    assert errors(wrong) == errors(unknown)
    assert not signed_in(client)


def test_login_with_empty_fields(client):
    response = post(client, "/accounts/login", {"email": "", "password": ""})
    assert response.status_code == 400
    assert not signed_in(client)


def test_login_without_csrf_token_is_refused(client, resident, commit):
    commit()
    response = client.post("/accounts/login",
                           data={"email": resident.email, "password": factories.PASSWORD})
    assert response.status_code == 400
    assert "Your form expired or was not sent from this site." in text(response)
    assert not signed_in(client)


def test_login_with_a_forged_csrf_token_is_refused(client, resident, commit):
    commit()
    client.get("/accounts/login")
    response = client.post("/accounts/login", data={
        "email": resident.email, "password": factories.PASSWORD, "csrf_token": "forged",
    })
    assert response.status_code == 400
    assert not signed_in(client)


def test_login_is_rate_limited(client, resident, commit):
    commit()
    wrong = {"email": resident.email, "password": "not the right one"}
    for _ in range(10):
        assert post(client, "/accounts/login", wrong).status_code == 400
    response = post(client, "/accounts/login", wrong)
    assert response.status_code == 429
    # even the right password waits now
    right = {"email": resident.email, "password": factories.PASSWORD}
    assert post(client, "/accounts/login", right).status_code == 429
    # reading the page is not limited
    assert client.get("/accounts/login").status_code == 200


def test_the_429_page_is_readable(client, resident, commit):
    commit()
    wrong = {"email": resident.email, "password": "not the right one"}
    for _ in range(10):
        post(client, "/accounts/login", wrong)
    response = post(client, "/accounts/login", wrong)
    assert response.status_code == 429
    assert response.mimetype == "text/html"
    page = text(response)
    assert '<html lang="en">' in page
    assert "<h1>Too many requests</h1>" in page
    assert "Please wait a minute and try again." in page
    assert 'href="/"' in page


def test_the_429_page_speaks_catalan_by_default(client, resident, commit):
    commit()
    wrong = {"email": resident.email, "password": "not the right one"}
    for _ in range(11):
        response = post(client, "/accounts/login", wrong,
                        headers={"Accept-Language": "ca"})
    assert response.status_code == 429
    assert '<html lang="ca">' in text(response)
    assert "Too many requests" not in text(response)


def test_remember_me_sets_a_long_lived_http_only_cookie(client, resident, commit):
    commit()
    response = post(client, "/accounts/login",
                    {"email": resident.email, "password": factories.PASSWORD, "remember": "y"})
    cookies = response.headers.getlist("Set-Cookie")
    remember = next(c for c in cookies if c.startswith("remember_token="))
    assert "HttpOnly" in remember
    assert "SameSite=Lax" in remember
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", remember).group(1))
    lasts = (expires - datetime.now(UTC)).total_seconds()
    assert 29 * 24 * 3600 < lasts <= 30 * 24 * 3600  # a month at most, not a year


def test_without_remember_me_there_is_no_lasting_cookie(client, resident, commit):
    commit()
    response = post(client, "/accounts/login",
                    {"email": resident.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    cookies = response.headers.getlist("Set-Cookie")
    assert not any(c.startswith("remember_token=") for c in cookies)
