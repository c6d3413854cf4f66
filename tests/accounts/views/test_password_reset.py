"""Resetting a password by e-mail through HTTP: the link, its language, other sessions ended,
and refused or tampered requests."""

import re

from participa.accounts.passwords import verify_password
from tests.support import factories
from tests.support.accounts import (
    NEW_PASSWORD,
    RESET_SENT,
    flashes,
    reload,
    signed_in,
)
from tests.support.web import login, post, text


def reset_link(message) -> str:
    body = message.get_content()
    match = re.search(r"http://participa\.test(/accounts/reset/\S+)", body)
    assert match, body
    return match.group(1)


def test_reset_request_page(client):
    response = client.get("/accounts/reset")
    assert response.status_code == 200
    assert 'name="email"' in text(response)


def test_password_reset_by_mail(client, outbox, commit):
    user = factories.make_user(email="fatima@example.org", locale="en")
    commit()
    response = post(client, "/accounts/reset", {"email": "Fatima@example.org"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login"
    assert RESET_SENT in flashes(client)

    [message] = outbox()
    assert message["To"] == "fatima@example.org"
    assert message["Subject"] == "Choose a new password for Participa"
    link = reset_link(message)

    form = client.get(link)
    assert form.status_code == 200
    assert form.headers["Cache-Control"] == "no-store"
    assert 'name="password"' in text(form)

    response = post(client, link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
                    token_from=link)
    assert response.status_code == 302
    assert "Your password has been changed." in flashes(client)
    assert signed_in(client)
    user = reload(user)
    assert verify_password(user.password_hash, NEW_PASSWORD)

    # the link works once
    again = client.another()
    response = again.get(link)
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/reset"
    assert "This link is not valid any more. Ask for a new one." in text(
        again.get("/accounts/reset")
    )

    # the new password signs in, the old one does not
    fresh = client.another()
    assert post(fresh, "/accounts/login",
                {"email": user.email, "password": factories.PASSWORD}).status_code == 400
    login(fresh, user, NEW_PASSWORD)


def test_password_reset_mail_speaks_the_users_language(client, outbox, commit):
    factories.make_user(email="pau@example.org", locale="es")
    commit()
    post(client, "/accounts/reset", {"email": "pau@example.org"})
    [message] = outbox()
    assert message["Subject"] != "Choose a new password for Participa"
    assert "Hello" not in message.get_content()


def test_password_reset_ends_other_sessions(client, commit, outbox):
    user = factories.make_user(email="fatima@example.org")
    commit()
    phone = client.another()
    login(phone, user)
    post(client, "/accounts/reset", {"email": user.email})
    link = reset_link(outbox()[0])
    post(client, link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}, token_from=link)
    assert signed_in(client)
    assert not signed_in(phone)


def test_password_reset_for_an_unknown_e_mail_says_the_same_and_sends_nothing(
    client, outbox, commit
):
    factories.make_user(email="fatima@example.org")
    commit()
    response = post(client, "/accounts/reset", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login"
    assert RESET_SENT in flashes(client)
    assert outbox() == []


def test_password_reset_refuses_a_weak_or_mismatched_password(client, outbox, commit):
    user = factories.make_user()
    commit()
    post(client, "/accounts/reset", {"email": user.email})
    link = reset_link(outbox()[0])
    response = post(client, link, {"password": "short", "confirm": "short"}, token_from=link)
    assert response.status_code == 400
    assert "Use at least 12 characters." in text(response)
    response = post(client, link, {"password": NEW_PASSWORD, "confirm": "different words 123"},
                    token_from=link)
    assert response.status_code == 400
    assert verify_password(reload(user).password_hash, factories.PASSWORD)
    # the link still works after a refused attempt
    assert client.get(link).status_code == 200


def test_a_tampered_reset_link_is_refused(client, outbox, commit):
    user = factories.make_user()
    commit()
    post(client, "/accounts/reset", {"email": user.email})
    link = reset_link(outbox()[0])
    for bad in (link[:-3] + "abc", "/accounts/reset/not-a-token"):
        response = client.get(bad)
        assert response.status_code == 302
        assert response.headers["Location"] == "/accounts/reset"
        response = post(client, bad, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
        assert response.status_code == 302
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_reset_request_is_rate_limited(client, outbox):
    for _ in range(5):
        assert post(client, "/accounts/reset", {"email": "x@example.org"}).status_code == 302
    assert post(client, "/accounts/reset", {"email": "x@example.org"}).status_code == 429


def test_reset_request_with_a_bad_address(client, outbox):
    response = post(client, "/accounts/reset", {"email": "not an address"})
    assert response.status_code == 400
    assert outbox() == []
