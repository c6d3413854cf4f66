"""The language a page is served in: the default, Accept-Language, the cookie and the account's
choice."""

import re

from tests.support import factories
from tests.support.accounts import reload
from tests.support.web import login, post, text


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)">', text(response)).group(1)


def test_catalan_is_the_default_language(client):
    assert html_lang(client.get("/", headers={"Accept-Language": ""})) == "ca"
    assert html_lang(client.get("/", headers={"Accept-Language": "fr, de;q=0.5"})) == "ca"


def test_the_language_follows_accept_language(client):
    assert html_lang(client.get("/", headers={"Accept-Language": "es-ES,es;q=0.9"})) == "es"
    assert html_lang(client.get("/", headers={"Accept-Language": "en-GB"})) == "en"
    assert html_lang(client.get("/", headers={"Accept-Language": "fr;q=0.9, ca;q=0.8"})) == "ca"


def test_the_language_cookie_wins_over_accept_language(client):
    client.set_cookie("lang", "es", domain="participa.test")
    assert html_lang(client.get("/", headers={"Accept-Language": "en"})) == "es"
    client.set_cookie("lang", "xx", domain="participa.test")  # unknown: ignored
    assert html_lang(client.get("/", headers={"Accept-Language": "en"})) == "en"


def test_the_users_locale_wins_over_cookie_and_accept_language(client, commit):
    user = factories.make_user(locale="es")
    commit()
    login(client, user)
    client.set_cookie("lang", "en", domain="participa.test")
    assert html_lang(client.get("/", headers={"Accept-Language": "ca"})) == "es"
    assert html_lang(client.get("/accounts/me")) == "es"


def test_choosing_a_language_sets_the_cookie_and_goes_back(client):
    response = client.post("/language", data={"lang": "es", "next": "/plans/?page=2"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/plans/?page=2"
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("lang="))
    assert cookie.startswith("lang=es;")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert html_lang(client.get("/plans/", headers={"Accept-Language": "en"})) == "es"


def test_choosing_a_language_never_leaves_the_site(client):
    for target in ("//evil.example", "https://evil.example/", "/\\evil.example",
                   "http:/evil.example", "", "plans"):
        response = client.post("/language", data={"lang": "en", "next": target})
        assert response.status_code == 302
        assert response.headers["Location"] == "/", target


def test_an_unknown_language_changes_nothing(client):
    response = client.post("/language", data={"lang": "fr", "next": "/plans/"})
    assert response.status_code == 302
    assert not any(c.startswith("lang=") for c in response.headers.getlist("Set-Cookie"))


def test_choosing_a_language_is_post_only(client):
    assert client.get("/language?lang=es").status_code == 405


def test_a_signed_in_person_chooses_a_language_for_the_account(client, commit):
    user = factories.make_user(locale="ca")
    commit()
    login(client, user)
    # changing the account needs the form's token
    assert client.post("/language", data={"lang": "en", "next": "/"}).status_code == 400
    assert reload(user).locale == "ca"
    response = post(client, "/language", {"lang": "en", "next": "/plans/"}, token_from="/")
    assert response.headers["Location"] == "/plans/"
    assert reload(user).locale == "en"
    assert html_lang(client.get("/", headers={"Accept-Language": "es"})) == "en"
