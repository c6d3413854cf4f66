"""Every write about accounts. Operations flush, never commit; the actor is passed in."""

from flask_babel import lazy_gettext as _l

from participa.accounts.models import User, new_session_token
from participa.accounts.passwords import hash_password, needs_rehash, verify_password
from participa.accounts.queries import get_user_by_email, normalize_email
from participa.core.errors import DomainError
from participa.core.models import log_action
from participa.core.types import utcnow
from participa.extensions import db
from participa.legal.operations import accept_terms

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "register": _l("created an account"),
    "confirm_email": _l("confirmed their e-mail address"),
    "update_profile": _l("changed their details"),
    "set_password": _l("changed a password"),
}


def register_user(
    *, name, email, password, locale="ca", neighbourhood_id=None, is_council=False,
    confirmed=False, actor=None, terms=None,
) -> User:
    """Create an account, unconfirmed unless ``confirmed`` (the CLI, the demo town). Refuses an
    e-mail already registered (DomainError). ``terms``: the version of the terms of use the
    person accepted on the form (kept with the moment)."""
    email = normalize_email(email)
    if get_user_by_email(email) is not None:
        raise DomainError(
            _l("An account with this e-mail already exists. Sign in, or reset your password.")
        )
    user = User(
        name=name.strip(),
        email=email,
        password_hash=hash_password(password),
        locale=locale,
        neighbourhood_id=neighbourhood_id,
        is_council=is_council,
        confirmed_at=utcnow() if confirmed else None,
    )
    db.session.add(user)
    db.session.flush()
    log_action("register", user, actor=actor or user)
    if terms is not None:
        accept_terms(user, terms)
    return user


def record_sign_in(user: User, password: str | None = None) -> User:
    """Note the moment of a sign-in, and rehash the (verified) password if the hashing rules
    have changed since it was stored."""
    if password is not None and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def sign_in_accepting_terms(user: User, terms) -> User:
    """The person accepts ``terms`` (the current terms of use) to finish signing in: the
    acceptance is kept, and the sign-in noted (which also makes the pending sign-in that
    asked for it unusable again)."""
    accept_terms(user, terms)
    return record_sign_in(user)


def end_sessions(user: User) -> None:
    """Rotate the session token: every cookie issued before stops working."""
    user.session_token = new_session_token()
    db.session.flush()


def update_profile(user: User, *, name, locale, neighbourhood_id, actor) -> User:
    user.name = name.strip()
    user.locale = locale
    user.neighbourhood_id = neighbourhood_id
    db.session.flush()
    log_action("update_profile", user, actor=actor)
    return user


def set_locale(user: User, locale: str, *, actor) -> User:
    """Remember the language the person reads Participa in (and gets e-mail in)."""
    user.locale = locale
    db.session.flush()
    return user


def set_password(user: User, password: str, *, actor) -> User:
    """Store a new password and end every other session of this account."""
    user.password_hash = hash_password(password)
    end_sessions(user)
    log_action("set_password", user, actor=actor)
    return user


def reset_password(user: User, password: str, *, actor) -> User:
    """A new password through an e-mailed link, which also proves the address is theirs."""
    user.confirmed_at = user.confirmed_at or utcnow()
    return set_password(user, password, actor=actor)


def confirm_email(user: User, password: str, *, actor) -> User:
    """Confirm the address of an account made with ``password``. Whoever registered someone
    else's address cannot confirm it (no mailbox), and the owner of the mailbox cannot confirm
    it with a password they do not know: they choose a new one through a reset instead."""
    if not verify_password(user.password_hash, password):
        raise DomainError(_l("This is not the password the account was created with. If you "
                             "did not create it, choose a new password instead."),
                          field="password")
    if user.confirmed_at is None:
        user.confirmed_at = utcnow()
        db.session.flush()
        log_action("confirm_email", user, actor=actor)
    return user


def change_password(user: User, current_password: str, new_password: str, *, actor) -> User:
    if not verify_password(user.password_hash, current_password):
        raise DomainError(_l("The current password is not correct."))
    return set_password(user, new_password, actor=actor)
