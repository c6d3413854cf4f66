"""Accepting the terms of use through HTTP: at registration (a required checkbox once terms are
published) and at the next sign-in after they change (accept → signed in, decline → not); the
pending sign-in is bound to the session, works once and expires, so a forged or replayed
acceptance signs no one in."""

import time

import pytest
import sqlalchemy as sa
from markupsafe import escape

from participa.accounts.models import User
from participa.core.types import utcnow
from participa.extensions import db
from participa.legal import operations, queries
from participa.legal.models import TermsAcceptance
from tests.legal.helpers import publish
from tests.support import factories
from tests.support.accounts import flashes, registration, reload, signed_in, user_count
from tests.support.web import csrf_token, post, text

CHANGED = "the terms of use of Participa have changed since you last accepted them"


@pytest.fixture
def terms(council, commit):
    version = publish(actor=council, body="## Condicions\n\nPrimera versió.",
                      en="## Terms\n\nFirst version.")
    commit()
    return version


@pytest.fixture
def new_terms(terms, council, resident, commit):
    """The resident accepted version 1; the council has since published version 2."""
    operations.accept_terms(resident, terms)
    version = publish(actor=council, body="Segona versió.", en="## Terms\n\nSecond version.",
                      summary="Noves normes per als comentaris")
    commit()
    return version


def sign_in(client, user, **query):
    url = "/accounts/login" + ("?next=" + query["next"] if "next" in query else "")
    return post(client, url, {"email": user.email, "password": factories.PASSWORD})


def decide(client, decision, version):
    return post(client, "/accounts/terms", {"decision": decision, "version": str(version)},
                token_from="/accounts/login")


# --- registration --------------------------------------------------------------------------------

def test_no_terms_no_checkbox(client):
    page = text(client.get("/accounts/register"))
    assert 'name="accept_terms"' not in page


def test_the_checkbox_links_the_terms_and_the_privacy_policy(client, terms):
    page = text(client.get("/accounts/register"))
    assert 'name="accept_terms"' in page and f'name="terms_version" value="{terms.number}"' in page
    assert 'href="/legal/terms" target="_blank"' in page
    assert 'href="/legal/privacy" target="_blank"' in page
    assert "I accept the <a" in page and "and have read the <a" in page


@pytest.mark.parametrize("language, message", [
    ("en", "To create an account, accept the terms of use."),
    ("ca", "Per crear un compte, accepta les condicions d'ús."),
    ("es", "Para crear una cuenta, acepta las condiciones de uso."),
])
def test_registering_without_accepting_creates_nothing(client, outbox, terms, language,
                                                      message):
    before = user_count()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    response = post(client, "/accounts/register", registration(terms_version="1"),
                    token_from="/accounts/register")
    assert response.status_code == 400
    assert str(escape(message)) in text(response)
    assert 'aria-invalid="true" aria-describedby="accept_terms-error"' in text(response)
    assert user_count() == before and outbox() == []


def test_registering_records_the_accepted_version(client, outbox, terms):
    response = post(client, "/accounts/register",
                    registration(accept_terms="y", terms_version=str(terms.number)),
                    token_from="/accounts/register")
    assert response.status_code == 302
    db.session.expire_all()
    user = db.session.scalar(sa.select(User).where(User.email == "marta@example.org"))
    acceptance = db.session.scalar(sa.select(TermsAcceptance).where(
        TermsAcceptance.user_id == user.id))
    assert acceptance.version_id == terms.id
    assert (utcnow() - acceptance.accepted_at).total_seconds() < 60


def test_terms_changed_while_registering(client, terms, council, commit):
    page = client.get("/accounts/register")
    assert page.status_code == 200
    publish(actor=council, body="Segona versió.")
    commit()
    before = user_count()
    response = post(client, "/accounts/register",
                    registration(accept_terms="y", terms_version="1"),
                    token_from="/accounts/register")
    assert response.status_code == 400
    assert "The terms of use changed while you were filling in the form" in text(response)
    assert 'name="terms_version" value="2"' in text(response)
    assert user_count() == before


# --- sign-in -----------------------------------------------------------------------------------

def test_nothing_is_asked_when_the_current_terms_were_accepted(client, terms, resident, commit):
    operations.accept_terms(resident, terms)
    commit()
    response = sign_in(client, resident)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert signed_in(client)


def test_outdated_acceptance_asks_and_accepting_signs_in(client, new_terms, resident):
    response = sign_in(client, resident, next="/processes/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/terms"
    assert not signed_in(client)
    assert reload(resident).last_login_at is None  # not a sign-in yet

    page = client.get("/accounts/terms")
    assert page.status_code == 200
    assert CHANGED in text(page) and "Second version." in text(page)
    assert "Version 2, published on" in text(page)
    assert "Noves normes per als comentaris" in text(page)
    assert 'href="/legal/privacy"' in text(page)
    assert "no-store" in page.headers["Cache-Control"]

    response = decide(client, "accept", new_terms.number)
    assert response.status_code == 302 and response.headers["Location"] == "/processes/"
    assert "Thank you for accepting the terms of use. You are signed in." in flashes(client)
    assert signed_in(client)
    assert queries.terms_to_accept(resident.id) is None
    assert [a.version.number for a in queries.list_acceptances(resident.id)] == [2, 1]
    assert reload(resident).last_login_at is not None


def test_declining_leaves_the_person_signed_out_and_tells_why(client, new_terms, resident):
    sign_in(client, resident)
    response = decide(client, "decline", new_terms.number)
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/login"
    assert "You have not accepted the terms of use, so you are not signed in." in flashes(client)
    assert not signed_in(client)
    assert queries.terms_to_accept(resident.id) == new_terms
    # the pending sign-in is gone: accepting now signs no one in
    response = decide(client, "accept", new_terms.number)
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/login"
    assert not signed_in(client)
    # the next sign-in asks again
    assert sign_in(client, resident).headers["Location"] == "/accounts/terms"


def test_first_terms_are_asked_of_existing_accounts(client, terms, resident, commit):
    commit()
    assert sign_in(client, resident).headers["Location"] == "/accounts/terms"
    page = text(client.get("/accounts/terms"))
    assert "before you sign in, read the terms of use of Participa and accept them" in page
    assert CHANGED not in page
    assert decide(client, "accept", terms.number).headers["Location"] == "/"
    assert signed_in(client)


def test_terms_changed_on_the_page(client, new_terms, council, resident, commit):
    sign_in(client, resident)
    publish(actor=council, body="Tercera versió.")
    commit()
    response = decide(client, "accept", new_terms.number)
    assert response.status_code == 400
    assert "The terms of use have changed since you opened this page." in text(response)
    assert 'name="version" value="3"' in text(response)
    assert not signed_in(client)
    assert decide(client, "accept", 3).status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize("data", [{"decision": "maybe", "version": "2"},
                                  {"decision": "accept"}, {"version": "2"}])
def test_a_malformed_answer_is_400(client, new_terms, resident, data):
    sign_in(client, resident)
    response = post(client, "/accounts/terms", data, token_from="/accounts/login")
    assert response.status_code == 400
    assert not signed_in(client)


def test_without_a_csrf_token_is_400(client, new_terms, resident):
    sign_in(client, resident)
    response = client.post("/accounts/terms", data={"decision": "accept", "version": "2"})
    assert response.status_code == 400
    assert not signed_in(client)


def test_no_pending_sign_in_no_terms_page(client, new_terms):
    response = client.get("/accounts/terms")
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/login"
    assert decide(client, "accept", 2).headers["Location"] == "/accounts/login"
    assert not signed_in(client)


def test_signed_in_people_are_sent_home(client, terms, resident, commit):
    operations.accept_terms(resident, terms)
    commit()
    sign_in(client, resident)
    response = client.get("/accounts/terms")
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_a_forged_pending_sign_in_signs_no_one_in(client, new_terms, resident, council):
    """Naming another person (even with a good-looking session) is refused: the pending
    sign-in must carry that person's current session token."""
    sign_in(client, resident)
    with client.session_transaction() as session:
        session["pending_sign_in"] = {**session["pending_sign_in"], "user": council.id}
    response = decide(client, "accept", new_terms.number)
    assert response.headers["Location"] == "/accounts/login"
    assert not signed_in(client)


def test_the_pending_sign_in_expires(client, new_terms, resident):
    sign_in(client, resident)
    with client.session_transaction() as session:
        session["pending_sign_in"] = {**session["pending_sign_in"], "until": time.time() - 1}
    assert decide(client, "accept", new_terms.number).headers["Location"] == "/accounts/login"
    assert not signed_in(client)
    assert queries.terms_to_accept(resident.id) == new_terms


def test_the_pending_sign_in_is_bound_to_its_session(client, new_terms, resident):
    sign_in(client, resident)
    other = client.another()
    assert decide(other, "accept", new_terms.number).headers["Location"] == "/accounts/login"
    assert not signed_in(other)


def test_a_replayed_acceptance_signs_no_one_in(client, new_terms, resident):
    sign_in(client, resident)
    pending_cookie = client.get_cookie("session", domain="participa.test").value
    token = csrf_token(client)
    assert decide(client, "accept", new_terms.number).headers["Location"] == "/"
    post(client, "/accounts/logout", token_from="/accounts/me")
    assert not signed_in(client)
    replay = client.another()
    replay.set_cookie("session", pending_cookie, domain="participa.test")
    response = replay.post("/accounts/terms", data={"decision": "accept", "version": "2",
                                                    "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/login"
    assert not signed_in(replay)


def test_signing_out_everywhere_ends_a_pending_sign_in(client, new_terms, resident, commit):
    sign_in(client, resident)
    resident.session_token = "rotated"
    commit()
    assert decide(client, "accept", new_terms.number).headers["Location"] == "/accounts/login"
    assert not signed_in(client)


def test_a_person_blocked_meanwhile_is_not_signed_in(client, new_terms, resident, commit):
    sign_in(client, resident)
    resident.blocked_at = utcnow()
    commit()
    assert decide(client, "accept", new_terms.number).headers["Location"] == "/accounts/login"
    assert not signed_in(client)


def test_a_password_reset_asks_for_the_terms_too(client, outbox, new_terms, resident):
    from participa.accounts import tokens

    url = f"/accounts/reset/{tokens.make_reset_token(resident)}"
    db.session.commit()
    new_password = "another calm sea at dawn 7"
    response = post(client, url, {"password": new_password, "confirm": new_password},
                    token_from=url)
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/terms"
    assert not signed_in(client)
    assert decide(client, "accept", new_terms.number).headers["Location"] == "/"
    assert signed_in(client)
