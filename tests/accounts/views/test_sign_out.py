"""Signing out through HTTP: POST with the CSRF token only, and the session ended everywhere."""

from tests.support import factories
from tests.support.accounts import flashes, reload, signed_in
from tests.support.web import login, post


def test_logout_is_post_only(client, resident, commit):
    commit()
    login(client, resident)
    assert client.get("/accounts/logout").status_code == 405
    assert signed_in(client)


def test_logout_needs_the_csrf_token(client, resident, commit):
    commit()
    login(client, resident)
    assert client.post("/accounts/logout").status_code == 400
    assert signed_in(client)


def test_logout_ends_the_session_everywhere(client, resident, commit):
    user = factories.make_user(locale="en")
    commit()
    login(client, user)
    old_cookie = client.get_cookie("session", domain="participa.test").value
    old_token = user.session_token

    # a second device with the same account
    laptop = client.another()
    login(laptop, user)
    assert signed_in(laptop)

    response = post(client, "/accounts/logout", token_from="/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert "You are signed out." in flashes(client)
    assert not signed_in(client)
    assert reload(user).session_token != old_token

    # the cookie from before the sign-out no longer works, nor does the other device
    replay = client.another()
    replay.set_cookie("session", old_cookie, domain="participa.test")
    assert replay.get("/accounts/me").status_code == 302
    assert not signed_in(laptop)


def test_logout_ends_the_remember_me_cookie_too(client, resident, commit):
    commit()
    post(client, "/accounts/login",
         {"email": resident.email, "password": factories.PASSWORD, "remember": "y"})
    remember = client.get_cookie("remember_token", domain="participa.test").value
    post(client, "/accounts/logout", token_from="/")
    replay = client.another()
    replay.set_cookie("remember_token", remember, domain="participa.test")
    assert replay.get("/accounts/me").status_code == 302


def test_logout_when_not_signed_in(client):
    response = post(client, "/accounts/logout")
    assert response.status_code == 302
