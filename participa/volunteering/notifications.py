"""E-mails about volunteering, each written in the recipient's language and queued through the
one mail door in the same transaction as the change they tell about (and dropped with it)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person
from participa.volunteering.models import SignupStatus


def opportunity_link(opportunity) -> str:
    return url_for("volunteering.show", id=opportunity.id, _external=True)


def _send(signup, subject, template, **context) -> None:
    opportunity = signup.opportunity
    mail_person(signup.user, subject, template, opportunity=opportunity, signup=signup,
                link=opportunity_link(opportunity), **context)


def send_signup(signup) -> None:
    """Confirm a place, or a place on the waiting list."""
    title = signup.opportunity.title
    if signup.status == SignupStatus.WAITING:
        subject = _l("You are on the waiting list to volunteer: \"%(title)s\"", title=title)
    else:
        subject = _l("You have signed up to volunteer: \"%(title)s\"", title=title)
    _send(signup, subject, "volunteering/email/signed_up.txt")


def send_promotion(signup) -> None:
    """Tell someone who was waiting that a place freed up and is now theirs."""
    _send(signup, _l("A place has freed up: you are now a volunteer for \"%(title)s\"",
                     title=signup.opportunity.title), "volunteering/email/promoted.txt")


def send_promotions(promoted) -> list:
    for signup in promoted:
        send_promotion(signup)
    return promoted


def send_cancellation(opportunity, signups, reason="") -> None:
    for signup in signups:
        _send(signup, _l("Cancelled: \"%(title)s\"", title=opportunity.title),
              "volunteering/email/cancelled.txt", reason=reason)


def send_message(opportunity, subject, body, signups, *, sender) -> None:
    """The organiser's message to the volunteers, one e-mail each (nobody sees the others'
    addresses)."""
    for signup in signups:
        _send(signup, subject, "volunteering/email/message.txt", body=body, sender=sender)
