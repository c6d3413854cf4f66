"""E-mails about moderation, each in the recipient's language. Sent by the views after the
commit, never by operations."""

import sqlalchemy as sa
from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from participa.accounts.models import User
from participa.core.mail import send_mail
from participa.extensions import db
from participa.moderation.queries import open_reasons
from participa.moderation.targets import title_of
from participa.processes.models import ProcessRole


def moderators_of(moderation) -> list[User]:
    """The process's facilitators; the council when there are none (or for a profile)."""
    people = []
    if moderation.process_id is not None:
        people = list(db.session.scalars(
            sa.select(User).join(ProcessRole, ProcessRole.user_id == User.id)
            .where(ProcessRole.process_id == moderation.process_id,
                   User.blocked_at.is_(None)).order_by(User.id)))
    if not people:
        people = list(db.session.scalars(
            sa.select(User).where(User.is_council.is_(True), User.blocked_at.is_(None))
            .order_by(User.id)))
    return people


def _send(user, subject, template, **context):
    with force_locale(user.locale):
        send_mail(user.email, str(subject), render_template(template, user=user, **context))


def send_first_report(moderation, item) -> None:
    """Tell the moderators something has been reported (once per round of reports)."""
    link = url_for("moderation.show", id=moderation.id, _external=True)
    for moderator in moderators_of(moderation):
        _send(moderator, _l("Reported: \"%(title)s\"", title=title_of(item)),
              "moderation/email/reported.txt", moderation=moderation, title=title_of(item),
              reasons=open_reasons(moderation), link=link)


def send_hidden(moderation, item, author) -> None:
    """Tell the author which content was hidden and why, and how to appeal."""
    if author is None:
        return
    _send(author, _l("Your content has been hidden: \"%(title)s\"", title=title_of(item)),
          "moderation/email/hidden.txt", moderation=moderation, title=title_of(item),
          reasons=open_reasons(moderation),
          appeal=url_for("moderation.appeal", id=moderation.id, _external=True))


def send_appeal_answer(moderation, item, author, *, restored: bool) -> None:
    if author is None:
        return
    _send(author, _l("Your appeal has been answered: \"%(title)s\"", title=title_of(item)),
          "moderation/email/appeal_answered.txt", moderation=moderation,
          title=title_of(item), restored=restored)
