"""E-mails about a plan's table, each written in the recipient's language and queued through
the one mail door in the same transaction as the change it tells about."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person
from participa.core.translated import text_in


def tell_member_accepted(member) -> None:
    """A resident's request to join a plan has been accepted."""
    plan, person = member.plan, member.user
    mail_person(person, _l("You are now a member of \"%(title)s\"",
                           title=text_in(plan, "title", person.locale)),
                "plans/email/member_accepted.txt", plan=plan,
                link=url_for("plans.show", slug=plan.slug, _external=True))
