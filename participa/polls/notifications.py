"""E-mails about polls, written in the recipient's language and queued through the one mail
door in the same transaction as the ballot they tell about (and dropped with it)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person


def poll_link(poll) -> str:
    return url_for("polls.show", slug=poll.process.slug, id=poll.id, _external=True)


def send_receipt(user, poll, receipt: str, *, changed: bool) -> None:
    """The voter's receipt: with it they find their ballot in the published file once the
    poll closes. The e-mail says nothing of what they chose."""
    subject = _l("Your receipt for the poll \"%(title)s\"", title=poll.title)
    mail_person(user, subject, "polls/email/receipt.txt", poll=poll, receipt=receipt, secret=True,
                changed=changed, link=poll_link(poll))
