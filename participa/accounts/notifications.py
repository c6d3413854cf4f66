"""E-mails about accounts, each written in the recipient's language and queued through the one
mail door (sent by the worker once the request has committed)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.accounts import tokens
from participa.accounts.models import User
from participa.core.mail import mail_person


def send_confirmation(user) -> None:
    mail_person(user, _l("Confirm your Participa account"), "accounts/email/confirm.txt",
                link=url_for("accounts.confirm", token=tokens.make_confirm_token(user),
                             _external=True))


def send_already_registered(user) -> None:
    """Someone tried to register the address of an existing account: tell its owner."""
    mail_person(user, _l("Someone tried to register with your address"),
                "accounts/email/already_registered.txt",
                login=url_for("accounts.login", _external=True),
                reset=url_for("accounts.reset_request", _external=True))


def send_reset(user, *, queue=True) -> None:
    mail_person(user, _l("Choose a new password for Participa"), "accounts/email/reset.txt",
                link=url_for("accounts.reset_password", token=tokens.make_reset_token(user),
                             _external=True), queue=queue)


def write_reset_for_nobody(email: str, locale: str) -> None:
    """An address with no account: the same message is written and thrown away, so the answer
    takes as long as for one that has an account (nobody learns who is registered)."""
    send_reset(User(id=0, email=email, name="", locale=locale, password_hash="-"), queue=False)
