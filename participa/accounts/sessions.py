"""Who may hold a session: the user loader and the sign-in policy."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload

from participa.accounts.models import User
from participa.accounts.passwords import verify_password
from participa.accounts.queries import get_user_by_email
from participa.core.enums import LabelledEnum
from participa.extensions import db

# with the person's roles: every signed-in page asks whether they facilitate (the menu); built
# once, the id bound at each use
_SIGNED_IN = sa.select(User).where(User.id == sa.bindparam("id")).options(
    joinedload(User.process_roles))


def load_user(login_id: str):
    """Login ids are "<user id>:<session token>"; a rotated token ends old sessions, and a
    blocked person's sessions end at once."""
    user_id, _, token = login_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.execute(_SIGNED_IN, {"id": int(user_id)}).unique().scalar_one_or_none()
    if user is None or user.session_token != token or user.is_blocked:
        return None
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user with this e-mail and password, or None. Takes the same time for unknown
    e-mails (a dummy hash is verified). Changes nothing: ``record_sign_in`` does."""
    user = get_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    return user


class SignInRefusal(LabelledEnum):
    BLOCKED = "blocked", _l("This account has been blocked by the council, so it cannot sign "
                            "in.")
    UNCONFIRMED = "unconfirmed", _l("Confirm your e-mail address first: we have sent you the "
                                    "link again.")


def why_not_sign_in(user) -> SignInRefusal | None:
    """Why the owner of a correct password may not sign in (None: they may)."""
    if user.is_blocked:
        return SignInRefusal.BLOCKED
    if not user.is_confirmed:
        return SignInRefusal.UNCONFIRMED
    return None


