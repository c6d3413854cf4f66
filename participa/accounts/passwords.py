"""Password rules (12–128 characters, no common passwords) and argon2 hashing."""

import re
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l

MIN_LENGTH = 12
MAX_LENGTH = 128
_HASHERS: dict = {}


def _hasher() -> tuple[PasswordHasher, str]:
    """argon2id with the cost the app is configured with (``PASSWORD_HASHING``: argon2's own
    defaults unless set; the tests lower it), and a hash verified against when the e-mail is
    unknown, so a sign-in takes the same time either way."""
    settings = current_app.config.get("PASSWORD_HASHING") if has_app_context() else None
    key = tuple(sorted((settings or {}).items()))
    if key not in _HASHERS:
        hasher = PasswordHasher(**dict(key))
        _HASHERS[key] = (hasher, hasher.hash("participa-dummy-password-for-timing"))
    return _HASHERS[key]


@cache
def common_passwords() -> frozenset[str]:
    text = (Path(__file__).with_name("common_passwords.txt")).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def password_problem(password: str, *, email: str = "", name: str = ""):
    """Why this password is not acceptable (a translated message), or None when it is."""
    if len(password) < MIN_LENGTH:
        return _l("Use at least %(n)s characters.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _l("Use at most %(n)s characters.", n=MAX_LENGTH)
    lowered = password.lower()
    core = re.sub(r"[\d\W_]+$", "", re.sub(r"^[\d\W_]+", "", lowered))
    words = common_passwords()
    if lowered in words or core in words or len(set(lowered)) < 5:
        return _l("This password is too common. Choose a less predictable one.")
    local_part = email.split("@", 1)[0].lower()
    if (len(local_part) >= 4 and local_part in lowered) or (
        len(name) >= 4 and name.lower().replace(" ", "") in lowered
    ):
        return _l("Do not use your name or e-mail address in your password.")
    return None


def hash_password(password: str) -> str:
    return _hasher()[0].hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        hasher, dummy = _hasher()
        return hasher.verify(password_hash or dummy, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher()[0].check_needs_rehash(password_hash)
