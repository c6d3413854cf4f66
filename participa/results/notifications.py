"""E-mails about results, in each recipient's language, queued through the one mail door."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from participa.core.mail import mail_person


def proposal_authors(result) -> list:
    """Who proposed what the result carries out: its proposal's author, or the authors of the
    proposals its budget project came from (each once; blocked accounts left out)."""
    if result.proposal is not None:
        people = [result.proposal.author]
    elif result.budget_project is not None:
        people = [p.author for p in result.budget_project.proposals]
    else:
        people = []
    seen, authors = set(), []
    for person in people:
        if person.id not in seen and not person.is_blocked:
            seen.add(person.id)
            authors.append(person)
    return authors


def send_status_changed(result, entry) -> int:
    """Tell the authors of the proposals a published result came from that its status has
    changed. Returns how many e-mails were queued."""
    if not result.is_published or entry.status_id is None:
        return 0
    authors = proposal_authors(result)
    link = url_for("results.show", slug=result.plan.slug, id=result.id, _external=True)
    for author in authors:
        mail_person(author, _l("\"%(title)s\" is now: %(status)s", title=result.title,
                               status=result.status.label),
                    "results/email/status_changed.txt", result=result, entry=entry, link=link)
    return len(authors)
