""""My account" through HTTP: the profile, changing the password, and the CSRF token tied to
the session."""

import sqlalchemy as sa

from participa.accounts.passwords import verify_password
from participa.core.models import ActionLog
from participa.extensions import db
from tests.support import factories
from tests.support.accounts import NEW_PASSWORD, reload, signed_in
from tests.support.web import csrf_token, login, post, text


def test_my_account_needs_signing_in(client):
    response = client.get("/accounts/me")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login?next=")


def test_my_account_page(client, commit):
    user = factories.make_user(email="marta@example.org", locale="en")
    commit()
    login(client, user)
    response = client.get("/accounts/me")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    page = text(response)
    assert "marta@example.org" in page
    assert 'value="profile"' in page and 'value="password"' in page


def test_edit_my_profile(client, commit):
    user = factories.make_user(name="Marta", locale="en")
    neighbourhood = factories.make_neighbourhood(name="El Serrat")
    commit()
    login(client, user)
    response = post(client, "/accounts/me", {
        "form_name": "profile", "name": "Marta Soler i Puig", "locale": "es",
        "neighbourhood_id": str(neighbourhood.id),
    }, token_from="/accounts/me")
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/me"
    user = reload(user)
    assert (user.name, user.locale, user.neighbourhood_id) == (
        "Marta Soler i Puig", "es", neighbourhood.id
    )
    assert '<html lang="es">' in text(client.get("/accounts/me"))
    assert db.session.scalar(sa.select(ActionLog.verb).where(ActionLog.actor_id == user.id)
                             .order_by(ActionLog.id.desc())) == "update_profile"


def test_edit_my_profile_refuses_bad_input(client, commit):
    user = factories.make_user(name="Marta", locale="en")
    commit()
    login(client, user)
    for data in ({"name": "", "locale": "en", "neighbourhood_id": ""},
                 {"name": "Marta", "locale": "xx", "neighbourhood_id": ""},
                 {"name": "Marta", "locale": "en", "neighbourhood_id": "12345"}):
        response = post(client, "/accounts/me", {"form_name": "profile", **data},
                        token_from="/accounts/me")
        assert response.status_code == 400, data
    assert reload(user).name == "Marta"


def test_an_unknown_form_on_my_account_is_a_bad_request(client, resident, commit):
    commit()
    login(client, resident)
    response = post(client, "/accounts/me", {"form_name": "admin"}, token_from="/accounts/me")
    assert response.status_code == 400


def test_change_my_password(client, commit):
    user = factories.make_user(locale="en")
    commit()
    login(client, user)
    phone = client.another()
    login(phone, user)
    response = post(client, "/accounts/me", {
        "form_name": "password", "current_password": factories.PASSWORD,
        "password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
    }, token_from="/accounts/me")
    assert response.status_code == 302
    assert "Your password has been changed." in text(client.get("/accounts/me"))
    assert verify_password(reload(user).password_hash, NEW_PASSWORD)
    # this device stays signed in; the others are signed out
    assert signed_in(client)
    assert not signed_in(phone)


def test_changing_the_password_needs_the_current_one(client, commit):
    user = factories.make_user(locale="en")
    commit()
    login(client, user)
    response = post(client, "/accounts/me", {
        "form_name": "password", "current_password": "a wrong current password",
        "password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
    }, token_from="/accounts/me")
    assert response.status_code == 400
    assert "The current password is not correct." in text(response)
    assert verify_password(reload(user).password_hash, factories.PASSWORD)
    assert signed_in(client)

    response = post(client, "/accounts/me", {
        "form_name": "password", "current_password": "",
        "password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
    }, token_from="/accounts/me")
    assert response.status_code == 400
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_changing_the_password_checks_the_new_one(client, commit):
    user = factories.make_user(locale="en")
    commit()
    login(client, user)
    response = post(client, "/accounts/me", {
        "form_name": "password", "current_password": factories.PASSWORD,
        "password": "password1234", "confirm": "password1234",
    }, token_from="/accounts/me")
    assert response.status_code == 400
    assert "This password is too common." in text(response)
    assert verify_password(reload(user).password_hash, factories.PASSWORD)


def test_the_csrf_token_is_tied_to_the_session(client, resident, commit):
    """A token from one visitor's session does not work in another's."""
    commit()
    token = csrf_token(client)
    other = client.another()
    other.get("/accounts/login")
    response = other.post("/accounts/login", data={
        "email": resident.email, "password": factories.PASSWORD, "csrf_token": token,
    })
    assert response.status_code == 400
