"""E-mails about proposals, in the recipient's language, queued through the one mail door."""

from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person
from participa.proposals.content import KIND


def send_answer(proposal, *, updated: bool) -> None:
    """Tell the author their proposal has an official answer (or a changed one)."""
    mail_person(proposal.author,
                _l("Your proposal \"%(title)s\" has an answer", title=proposal.title),
                "proposals/email/answered.txt", proposal=proposal,
                link=KIND.url(proposal, external=True), updated=updated)
