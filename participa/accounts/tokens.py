"""Signed links e-mailed to people: a password reset (works once, for an hour) and the
confirmation of an e-mail address."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from participa.accounts.models import User
from participa.extensions import db

RESET_SALT = "participa-password-reset"
CONFIRM_SALT = "participa-confirm-email"


def _serializer(salt=RESET_SALT) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _fingerprint(user: User) -> str:
    # changes when the password changes, so a link works once
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    """A signed link token that expires (PASSWORD_RESET_MAX_AGE) and dies once used."""
    return _serializer().dumps({"u": user.id, "f": _fingerprint(user)})


def user_for_reset_token(token: str) -> User | None:
    return _user_for_token(token, RESET_SALT, current_app.config["PASSWORD_RESET_MAX_AGE"],
                           lambda user, data: data.get("f") == _fingerprint(user))


def make_confirm_token(user: User) -> str:
    """A signed link that confirms this account's e-mail address (CONFIRM_MAX_AGE), once: it
    dies when the account is confirmed."""
    return _serializer(CONFIRM_SALT).dumps({"u": user.id, "e": user.email})


def user_for_confirm_token(token: str) -> User | None:
    return _user_for_token(token, CONFIRM_SALT, current_app.config["CONFIRM_MAX_AGE"],
                           lambda user, data: data.get("e") == user.email
                           and user.confirmed_at is None)


def _user_for_token(token, salt, max_age, still_valid) -> User | None:
    try:
        data = _serializer(salt).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(data, dict):
        return None
    user = db.session.get(User, data.get("u")) if isinstance(data.get("u"), int) else None
    if user is None or not still_valid(user, data):
        return None
    return user
