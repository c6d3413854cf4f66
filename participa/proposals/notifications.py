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


def send_invitation(coauthor) -> int:
    """Ask the invitee to co-author a proposal: the person invited (when an account has the
    address: nobody else is written to), or the association's representatives, each in their
    language, with a link to the proposal's page where they answer. Returns how many."""
    proposal = coauthor.proposal
    link = KIND.url(proposal, anchor="coauthoring", external=True)
    if coauthor.association is not None:
        people = [r.user for r in coauthor.association.representatives
                  if r.is_accepted and not r.user.is_blocked]
    else:
        people = [coauthor.user] if coauthor.user is not None else []
    for person in people:
        mail_person(person, _l("%(author)s invites you to co-author \"%(title)s\"",
                               author=proposal.author.name, title=proposal.title),
                    "proposals/email/coauthor_invited.txt", proposal=proposal,
                    coauthor=coauthor, link=link)
    return len(people)
