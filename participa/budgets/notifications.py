"""E-mails about budgets: the voter's receipt, queued through the one mail door in the same
transaction as the ballot (and dropped with it if the ballot is refused)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person


def send_receipt(user, budget, receipt: str, *, changed: bool) -> None:
    """The receipt code of the ballot just cast: with it the voter finds their ballot in the
    file published when voting closes. The e-mail says nothing of what they chose."""
    subject = _l("Your receipt for \"%(title)s\"", title=budget.title)
    link = url_for("budgets.show", slug=budget.process.slug, id=budget.id, _external=True)
    mail_person(user, subject, "budgets/email/receipt.txt", budget=budget, receipt=receipt,
                secret=True, changed=changed, link=link)
