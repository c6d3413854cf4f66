"""Account operations without HTTP: registration, sign-in, passwords, reset tokens, ActionLog."""

import time
from types import SimpleNamespace

import itsdangerous.timed
import pytest
import sqlalchemy as sa

from participa.accounts import operations, tokens
from participa.accounts.models import User
from participa.accounts.passwords import verify_password
from participa.accounts.sessions import authenticate
from participa.core.errors import DomainError
from participa.core.models import ActionLog, log_action
from participa.extensions import db
from tests.support import factories

NEW_PASSWORD = "another calm sea at dawn 7"


def logs(verb=None):
    query = sa.select(ActionLog).order_by(ActionLog.id)
    if verb:
        query = query.where(ActionLog.verb == verb)
    return list(db.session.scalars(query))


# --- registration ---------------------------------------------------------------------------


def test_register_user_stores_a_hash_and_logs():
    neighbourhood = factories.make_neighbourhood()
    user = operations.register_user(
        name="  Marta Soler ", email=" Marta@Example.ORG ", password=factories.PASSWORD,
        locale="es", neighbourhood_id=neighbourhood.id,
    )
    assert user.id is not None
    assert user.name == "Marta Soler"
    assert user.email == "marta@example.org"
    assert user.locale == "es"
    assert user.neighbourhood == neighbourhood
    assert not user.is_council
    assert user.password_hash != factories.PASSWORD
    assert verify_password(user.password_hash, factories.PASSWORD)
    assert user.session_token
    [entry] = logs("register")
    assert (entry.actor_id, entry.target_type, entry.target_id) == (user.id, "user", user.id)


def test_register_user_refuses_an_e_mail_already_used_whatever_its_case():
    factories.make_user(email="marta@example.org")
    with pytest.raises(DomainError):
        operations.register_user(name="Marta", email="MARTA@example.org ", password="x" * 12)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_register_council_member():
    user = operations.register_user(
        name="Montse", email="consell@example.org", password=factories.PASSWORD, is_council=True
    )
    assert user.is_council


def test_the_database_refuses_duplicate_e_mails_too():
    factories.make_user(email="dup@example.org")
    with pytest.raises(sa.exc.IntegrityError):
        factories.make_user(email="dup@example.org")
    db.session.rollback()


# --- sign-in ----------------------------------------------------------------------------------


def test_authenticate_with_the_right_password():
    user = factories.make_user(email="jordi@example.org")
    assert user.last_login_at is None
    assert authenticate("  JORDI@example.org", factories.PASSWORD) is user
    assert user.last_login_at is None  # checking a password changes nothing
    operations.record_sign_in(user, factories.PASSWORD)
    assert user.last_login_at is not None


def test_authenticate_refuses_a_wrong_password_and_an_unknown_e_mail():
    user = factories.make_user(email="jordi@example.org")
    assert authenticate("jordi@example.org", "not the password at all") is None
    assert authenticate("nobody@example.org", factories.PASSWORD) is None
    assert authenticate("", "") is None
    assert user.last_login_at is None


def test_get_user_by_email_ignores_case_and_spaces():
    user = factories.make_user(email="fatima@example.org")
    assert operations.get_user_by_email(" Fatima@EXAMPLE.org ") is user
    assert operations.get_user_by_email("other@example.org") is None


# --- passwords and sessions -------------------------------------------------------------------


def test_set_password_rotates_the_session_token():
    user = factories.make_user()
    old_hash, old_token, old_id = user.password_hash, user.session_token, user.get_id()
    operations.set_password(user, NEW_PASSWORD, actor=user)
    assert user.password_hash != old_hash
    assert verify_password(user.password_hash, NEW_PASSWORD)
    assert user.session_token != old_token
    assert user.get_id() != old_id
    assert [e.target_id for e in logs("set_password")] == [user.id]


def test_end_sessions_rotates_the_token_only():
    user = factories.make_user()
    old_hash, old_token = user.password_hash, user.session_token
    operations.end_sessions(user)
    assert user.session_token != old_token
    assert user.password_hash == old_hash


def test_change_password_needs_the_current_one():
    user = factories.make_user()
    old_hash, old_token = user.password_hash, user.session_token
    with pytest.raises(DomainError):
        operations.change_password(user, "a wrong current password", NEW_PASSWORD, actor=user)
    assert (user.password_hash, user.session_token) == (old_hash, old_token)
    assert logs("set_password") == []

    operations.change_password(user, factories.PASSWORD, NEW_PASSWORD, actor=user)
    assert verify_password(user.password_hash, NEW_PASSWORD)
    assert user.session_token != old_token
    assert authenticate(user.email, factories.PASSWORD) is None
    assert authenticate(user.email, NEW_PASSWORD) is user


def test_update_profile_and_log():
    user = factories.make_user(name="Old Name")
    neighbourhood = factories.make_neighbourhood()
    operations.update_profile(user, name=" New Name ", locale="en",
                              neighbourhood_id=neighbourhood.id, actor=user)
    assert (user.name, user.locale, user.neighbourhood_id) == ("New Name", "en", neighbourhood.id)
    assert [e.verb for e in logs()] == ["update_profile"]


# --- reset tokens -----------------------------------------------------------------------------


def test_a_reset_token_finds_its_user():
    user = factories.make_user()
    token = tokens.make_reset_token(user)
    assert tokens.user_for_reset_token(token) is user


def token_made_seconds_ago(user, seconds, monkeypatch):
    """A reset token signed ``seconds`` ago (itsdangerous's clock moved, not ours)."""
    past = time.time() - seconds
    with monkeypatch.context() as patch:
        patch.setattr(itsdangerous.timed, "time", SimpleNamespace(time=lambda: past))
        return tokens.make_reset_token(user)


def test_a_reset_token_expires(app, monkeypatch):
    user = factories.make_user()
    max_age = app.config["PASSWORD_RESET_MAX_AGE"]
    fresh = token_made_seconds_ago(user, max_age - 60, monkeypatch)
    stale = token_made_seconds_ago(user, max_age + 60, monkeypatch)
    assert tokens.user_for_reset_token(fresh) is user
    assert tokens.user_for_reset_token(stale) is None


def test_the_reset_lifetime_comes_from_the_config(app, monkeypatch):
    user = factories.make_user()
    token = token_made_seconds_ago(user, 120, monkeypatch)
    assert tokens.user_for_reset_token(token) is user
    monkeypatch.setitem(app.config, "PASSWORD_RESET_MAX_AGE", 60)
    assert tokens.user_for_reset_token(token) is None


def test_a_reset_token_works_once(app):
    user = factories.make_user()
    token = tokens.make_reset_token(user)
    operations.set_password(user, NEW_PASSWORD, actor=user)
    assert tokens.user_for_reset_token(token) is None


def test_a_reset_token_dies_when_the_password_changes_any_way():
    user = factories.make_user()
    token = tokens.make_reset_token(user)
    operations.change_password(user, factories.PASSWORD, NEW_PASSWORD, actor=user)
    assert tokens.user_for_reset_token(token) is None


def test_a_reset_token_belongs_to_one_user():
    marta, jordi = factories.make_user(), factories.make_user()
    token = tokens.make_reset_token(marta)
    assert tokens.user_for_reset_token(token) is marta
    assert tokens.user_for_reset_token(tokens.make_reset_token(jordi)) is jordi


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:5] + ("A" if t[5] != "A" else "B") + t[6:],  # payload changed
        lambda t: t.rsplit(".", 1)[0] + "." + "A" * len(t.rsplit(".", 1)[1]),  # signature
        lambda t: "x" + t,
        lambda t: t.split(".")[0],  # payload only
        lambda t: "",
        lambda t: "not-a-token",
    ],
)
def test_a_tampered_reset_token_is_refused(mangle):
    user = factories.make_user()
    assert tokens.user_for_reset_token(mangle(tokens.make_reset_token(user))) is None


def test_a_token_signed_with_another_key_or_purpose_is_refused(app):
    user = factories.make_user()
    payload = {"u": user.id, "f": tokens._fingerprint(user)}
    other_key = itsdangerous.URLSafeTimedSerializer("another key", salt=tokens.RESET_SALT)
    other_salt = itsdangerous.URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="other")
    assert tokens.user_for_reset_token(other_key.dumps(payload)) is None
    assert tokens.user_for_reset_token(other_salt.dumps(payload)) is None


@pytest.mark.parametrize("payload", [["u", 1], {"u": "1", "f": "x"}, {"u": 999999, "f": "x"}, 7])
def test_a_well_signed_but_odd_payload_is_refused(app, payload):
    serializer = itsdangerous.URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt=tokens.RESET_SALT
    )
    assert tokens.user_for_reset_token(serializer.dumps(payload)) is None


def test_a_reset_token_for_a_deleted_account_is_refused():
    user = factories.make_user()
    token = tokens.make_reset_token(user)
    db.session.delete(user)
    db.session.flush()
    assert tokens.user_for_reset_token(token) is None


# --- the ActionLog ----------------------------------------------------------------------------


def test_the_action_log_is_append_only(commit):
    user = factories.make_user()
    entry = log_action("test", user, actor=user, note="x")
    commit()

    entry.verb = "changed"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()

    entry = db.session.get(ActionLog, entry.id)
    db.session.delete(entry)
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()

    assert [(e.verb, e.data) for e in logs()] == [("test", {"note": "x"})]


def test_log_action_stores_plain_data():
    from datetime import UTC, datetime

    from participa.processes.models import PhaseKind

    user = factories.make_user()
    when = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    entry = log_action("x", user, actor=None, kind=PhaseKind.VOTING, at=when, ids=(1, 2))
    db.session.flush()
    db.session.expire(entry)
    assert entry.actor_id is None
    assert entry.data == {"kind": "voting", "at": "2026-05-01T10:00:00+00:00", "ids": [1, 2]}
