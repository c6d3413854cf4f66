"""Sign-up, sign-in, sign-out, password reset and "my account" through HTTP."""

import re

import sqlalchemy as sa

from participa.accounts.models import User
from participa.accounts.passwords import verify_password
from participa.core.models import ActionLog
from participa.extensions import db
from tests.support import factories
from tests.support.web import csrf_token, login, post, text

NEW_PASSWORD = "another calm sea at dawn 7"
GENERIC_LOGIN_ERROR = "The e-mail or the password is not correct."
RESET_SENT = (
    "If an account uses this address, we have sent it a link to choose a new password. "
    "The link works once, for one hour."
)



def flashes(client) -> str:
    """The page after a redirect, where flashed messages are shown."""
    return text(client.get("/neighbourhoods/"))


def user_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(User))


def signed_in(client) -> bool:
    response = client.get("/accounts/me")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def reload(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


def registration(**overrides):
    data = {
        "name": "Marta Soler",
        "email": "marta@example.org",
        "password": factories.PASSWORD,
        "confirm": factories.PASSWORD,
        "locale": "en",
        "neighbourhood_id": "",
    }
    data.update(overrides)
    return data


# --- sign-up ----------------------------------------------------------------------------------


def test_register_page(client):
    response = client.get("/accounts/register")
    assert response.status_code == 200
    page = text(response)
    for name in ("name", "email", "password", "confirm", "locale", "neighbourhood_id"):
        assert f'name="{name}"' in page
    assert 'autocomplete="new-password"' in page


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
    response = post(client, link, token_from=link)
    assert response.status_code == 302
    page = flashes(client)
    assert "Welcome to Participa, Marta Soler. Your account is ready." in page
    assert '<html lang="en">' in page
    assert signed_in(client)
    db.session.expire_all()
    assert db.session.scalar(sa.select(User)).is_confirmed


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


# --- sign-in ----------------------------------------------------------------------------------


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


# --- sign-out ---------------------------------------------------------------------------------


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


# --- password reset ---------------------------------------------------------------------------


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


# --- my account -------------------------------------------------------------------------------


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
    assert response.headers["Cache-Control"] == "no-store"
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


# --- language ---------------------------------------------------------------------------------


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
