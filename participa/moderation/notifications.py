"""E-mails about moderation, each in the recipient's language, queued through the one mail
door in the same transaction as the decision (and dropped with it)."""

import sqlalchemy as sa
from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from participa.accounts.models import User
from participa.core.content import kind_of
from participa.core.mail import mail_person
from participa.extensions import db
from participa.moderation.permissions import is_official
from participa.moderation.queries import open_reasons
from participa.processes.models import ProcessRole


def moderators_of(moderation) -> list[User]:
    """The process's facilitators; the council when there are none, for a profile, and for
    official content (what the facilitators or the council published themselves)."""
    people = []
    if moderation.process_id is not None and not is_official(moderation):
        people = list(db.session.scalars(
            sa.select(User).join(ProcessRole, ProcessRole.user_id == User.id)
            .where(ProcessRole.process_id == moderation.process_id,
                   User.blocked_at.is_(None)).order_by(User.id)))
    if not people:
        people = list(db.session.scalars(
            sa.select(User).where(User.is_council.is_(True), User.blocked_at.is_(None))
            .order_by(User.id)))
    return people


def _title_of(target) -> LazyString:
    """The content's title in each recipient's language (a meeting's or a process's title may
    be given in several): worked out when ``mail_person`` writes the message in theirs."""
    return LazyString(lambda: str(kind_of(target).title(target)))


def send_first_report(moderation, target) -> None:
    """Tell the moderators something has been reported (once per round of reports)."""
    title = _title_of(target)
    link = url_for("moderation.show", id=moderation.id, _external=True)
    for moderator in moderators_of(moderation):
        mail_person(moderator, _l("Reported: \"%(title)s\"", title=title),
                    "moderation/email/reported.txt", moderation=moderation, title=title,
                    reasons=open_reasons(moderation), link=link)


def _tell_author(moderation, subject, template, **context) -> None:
    if moderation.author is not None:
        mail_person(moderation.author, subject, template, moderation=moderation, **context)


def send_hidden(moderation, target, *, reason: str = "") -> None:
    """Tell the author which content was hidden and why (the moderator's ``reason``, the
    reports), and how to appeal."""
    title = _title_of(target)
    _tell_author(moderation, _l("Your content has been hidden: \"%(title)s\"", title=title),
                 "moderation/email/hidden.txt", title=title, reasons=open_reasons(moderation),
                 reason=reason,
                 appeal=url_for("moderation.appeal", id=moderation.id, _external=True))


def send_appeal_answer(moderation, target, *, restored: bool, reason: str = "") -> None:
    title = _title_of(target)
    _tell_author(moderation, _l("Your appeal has been answered: \"%(title)s\"", title=title),
                 "moderation/email/appeal_answered.txt", title=title, restored=restored,
                 reason=reason)


def send_blocked(person, *, reason: str) -> None:
    """Tell a person the council has blocked their account, and why."""
    mail_person(person, _l("Your account has been blocked"), "moderation/email/blocked.txt",
                reason=reason)
