"""E-mails about associations, each in its recipient's language, queued through the one mail
door in the same transaction as the decision they tell about (and dropped with it): the
council's decision on a registration (to the association's administrators), a request to
represent it (to its administrators) and the answer to it (to the person who asked)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person


def _link(association) -> str:
    return url_for("associations.show", slug=association.slug, _external=True)


def _administrators(association) -> list:
    return [link.user for link in association.representatives
            if link.is_administrator and not link.user.is_blocked]


def send_decision(association) -> int:
    """The council verified or refused ``association``: tell its administrators."""
    people = _administrators(association)
    if association.is_verified:
        subject = _l("\"%(name)s\" is now a verified association", name=association.name)
        template = "associations/email/verified.txt"
    else:
        subject = _l("The registration of \"%(name)s\" has been refused", name=association.name)
        template = "associations/email/refused.txt"
    for person in people:
        mail_person(person, subject, template, association=association,
                    link=_link(association))
    return len(people)


def send_request(link) -> int:
    """Someone asked to represent an association: tell its administrators."""
    association = link.association
    people = [p for p in _administrators(association) if p.id != link.user_id]
    manage = url_for("associations.representatives", slug=association.slug, _external=True)
    for person in people:
        mail_person(person, _l("%(person)s asks to represent \"%(name)s\"",
                               person=link.user.name, name=association.name),
                    "associations/email/request.txt", association=association,
                    requester=link.user, link=manage)
    return len(people)


def send_answer(link) -> None:
    """The association's administrators (or the council) answered a request: tell the person."""
    association = link.association
    if link.is_accepted:
        subject = _l("You now represent \"%(name)s\"", name=association.name)
        template = "associations/email/accepted.txt"
    else:
        subject = _l("Your request to represent \"%(name)s\" has been refused",
                     name=association.name)
        template = "associations/email/request_refused.txt"
    mail_person(link.user, subject, template, association=association, link=_link(association))
