"""Signing up through HTTP: the form, the e-mailed confirmation link, refused passwords and
addresses, and an address already in use."""

import re

import sqlalchemy as sa

from participa.accounts.models import User
from participa.accounts.passwords import verify_password
from participa.core.models import ActionLog
from participa.extensions import db
from tests.support import factories
from tests.support.accounts import (
    GENERIC_LOGIN_ERROR,
    NEW_PASSWORD,
    flashes,
    registration,
    signed_in,
    user_count,
)
from tests.support.web import csrf_token, login, post, text


def test_register_page(client):
    response = client.get("/accounts/register")
    assert response.status_code == 200
    page = text(response)
    for name in ("name", "email", "password", "confirm", "locale", "neighbourhood_id"):
        assert f'name="{name}"' in page
    assert 'autocomplete="new-password"' in page


def test_the_account_language_is_the_page_language_until_chosen(client):
    """Someone reading in Spanish registers in Spanish unless they pick another language."""
    spanish = text(client.get("/accounts/register", headers={"Accept-Language": "es"}))
    assert '<option selected value="es">' in spanish or '<option value="es" selected>' in spanish
    client.set_cookie("lang", "en")
    english = text(client.get("/accounts/register"))
    assert '<option selected value="en">' in english or '<option value="en" selected>' in english


REGISTERED = ("We have sent a message to {email}. Open the link in it to finish creating "
              "your account.")


def link_in(message) -> str:
    return re.search(r"http://participa\.test(/\S+)", message.get_body().get_content()).group(1)


def test_register_creates_an_unconfirmed_account_and_emails_the_link(client, outbox, commit):
    neighbourhood = factories.make_neighbourhood(name="Sant Roc")
    commit()
    response = post(client, "/accounts/register",
                    registration(neighbourhood_id=str(neighbourhood.id), locale="es"))
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/login"
    user = db.session.scalar(sa.select(User).where(User.email == "marta@example.org"))
    assert user.name == "Marta Soler"
    assert user.locale == "es"
    assert user.neighbourhood_id == neighbourhood.id
    assert not user.is_council
    assert not user.is_confirmed
    assert verify_password(user.password_hash, factories.PASSWORD)
    assert db.session.scalar(sa.select(ActionLog.verb).where(ActionLog.target_id == user.id)) \
        == "register"
    assert not signed_in(client)
    (message,) = outbox()
    assert message["To"] == "marta@example.org"
    assert "/accounts/confirm/" in link_in(message)


def test_confirming_signs_in_with_a_welcome_in_the_chosen_language(client, outbox):
    post(client, "/accounts/register", registration(locale="en"))
    link = link_in(outbox()[0])
    assert client.get(link).status_code == 200  # a page with a button: GET changes nothing
    db.session.expire_all()
    assert not db.session.scalar(sa.select(User)).is_confirmed
    response = post(client, link, {"password": factories.PASSWORD}, token_from=link)
    assert response.status_code == 302
    page = flashes(client)
    assert "Welcome to Participa, Marta Soler. Your account is ready." in page
    assert '<html lang="en">' in page
    assert signed_in(client)
    db.session.expire_all()
    assert db.session.scalar(sa.select(User)).is_confirmed


def test_a_confirmation_link_works_once(client, outbox):
    post(client, "/accounts/register", registration())
    link = link_in(outbox()[0])
    assert post(client, link, {"password": factories.PASSWORD},
                token_from=link).status_code == 302
    client.post("/accounts/logout", data={"csrf_token": csrf_token(client, "/")})
    assert not signed_in(client)
    response = client.get(link)
    assert response.status_code == 302  # the link is dead: it signs nobody in again
    assert response.headers["Location"] == "/accounts/login"
    assert not signed_in(client)


def test_someone_who_registered_your_address_cannot_take_your_account(client, outbox):
    """Pre-hijacking: a stranger registers your address with their password; you open the
    e-mailed link. Confirming needs the account's password, which you do not have, so the
    account stays unconfirmed and the stranger cannot sign in; choosing a new password (the
    reset link proves the mailbox) makes the account yours and the stranger's password dies."""
    post(client, "/accounts/register", registration(password="the strangers secret 99",
                                                    confirm="the strangers secret 99"))
    link = link_in(outbox()[0])
    owner = client.another()
    response = post(owner, link, {"password": factories.PASSWORD}, token_from=link)
    assert response.status_code == 400
    assert ("This is not the password the account was created with. If you did not create "
            "it, choose a new password instead.") in text(response)
    assert not signed_in(owner)
    db.session.expire_all()
    assert not db.session.scalar(sa.select(User)).is_confirmed
    stranger = client.another()
    assert post(stranger, "/accounts/login", {"email": "marta@example.org",
                                              "password": "the strangers secret 99"}
                ).status_code == 400  # unconfirmed: no way in
    post(owner, "/accounts/reset", {"email": "marta@example.org"})
    reset = link_in(outbox()[-1])
    assert post(owner, reset, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
                token_from=reset).status_code == 302
    assert signed_in(owner)
    response = post(stranger, "/accounts/login", {"email": "marta@example.org",
                                                  "password": "the strangers secret 99"})
    assert GENERIC_LOGIN_ERROR in text(response)
    assert not signed_in(stranger)


def test_a_bad_confirmation_link_confirms_nothing(client, outbox):
    post(client, "/accounts/register", registration())
    link = link_in(outbox()[0])
    response = client.get(link[:-3] + "xyz")
    assert response.status_code == 302
    assert not db.session.scalar(sa.select(User)).is_confirmed


def test_an_unconfirmed_account_cannot_sign_in_and_gets_the_link_again(client, outbox):
    post(client, "/accounts/register", registration())
    response = post(client, "/accounts/login",
                    {"email": "marta@example.org", "password": factories.PASSWORD})
    assert response.status_code == 400
    assert "Confirm your e-mail address first: we have sent you the link again." in text(response)
    assert not signed_in(client)
    assert len(outbox()) == 2
    # a wrong password says only the generic thing, and sends nothing
    response = post(client, "/accounts/login",
                    {"email": "marta@example.org", "password": "not the right one"})
    assert GENERIC_LOGIN_ERROR in text(response)
    assert len(outbox()) == 2


def test_a_password_reset_link_also_confirms_the_address(client, outbox):
    post(client, "/accounts/register", registration())
    post(client, "/accounts/reset", {"email": "marta@example.org"})
    link = link_in(outbox()[-1])
    response = post(client, link, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
                    token_from=link)
    assert response.status_code == 302
    assert signed_in(client)
    db.session.expire_all()
    assert db.session.scalar(sa.select(User)).is_confirmed


def test_a_signed_in_person_is_sent_home_from_register_and_login(client, resident, commit):
    commit()
    login(client, resident)
    assert client.get("/accounts/register").status_code == 302
    assert client.get("/accounts/login").status_code == 302


def test_register_refuses_a_short_password(client):
    response = post(client, "/accounts/register",
                    registration(password="short pass", confirm="short pass"))
    assert response.status_code == 400
    assert "Use at least 12 characters." in text(response)
    assert user_count() == 0


def test_register_refuses_a_common_password(client):
    response = post(client, "/accounts/register",
                    registration(password="Password1234", confirm="Password1234"))
    assert response.status_code == 400
    assert "This password is too common. Choose a less predictable one." in text(response)
    assert user_count() == 0


def test_register_refuses_a_password_with_the_name_in_it(client):
    response = post(client, "/accounts/register",
                    registration(password="i am martasoler, hi", confirm="i am martasoler, hi"))
    assert response.status_code == 400
    assert "Do not use your name or e-mail address in your password." in text(response)


def test_register_with_a_used_e_mail_answers_the_same_and_tells_the_owner(client, outbox,
                                                                          commit):
    factories.make_user(email="marta@example.org", locale="en")
    commit()
    response = post(client, "/accounts/register", registration(email="Marta@Example.org"))
    assert response.status_code == 302  # exactly what a new address gets
    assert response.headers["Location"] == "/accounts/login"
    assert REGISTERED.format(email="Marta@Example.org") in flashes(client)
    assert user_count() == 1
    assert not signed_in(client)
    (message,) = outbox()
    assert message["To"] == "marta@example.org"
    assert message["Subject"] == "Someone tried to register with your address"


def test_register_refuses_mismatched_passwords(client):
    response = post(client, "/accounts/register",
                    registration(confirm=factories.PASSWORD + "x"))
    assert response.status_code == 400
    assert "The passwords do not match." in text(response)
    assert user_count() == 0


def test_register_refuses_a_bad_e_mail_and_a_missing_name(client):
    response = post(client, "/accounts/register", registration(email="not-an-address", name=""))
    assert response.status_code == 400
    page = text(response)
    assert 'aria-invalid="true"' in page
    assert 'id="email-error"' in page and 'id="name-error"' in page
    assert user_count() == 0


def test_register_refuses_an_unknown_neighbourhood_and_language(client):
    assert post(client, "/accounts/register",
                registration(neighbourhood_id="999")).status_code == 400
    assert post(client, "/accounts/register", registration(locale="fr")).status_code == 400
    assert user_count() == 0


def test_register_without_csrf_token_is_refused(client):
    response = client.post("/accounts/register", data=registration())
    assert response.status_code == 400
    assert user_count() == 0
