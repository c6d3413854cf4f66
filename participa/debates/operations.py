"""Every write about debates. Flush, never commit; the actor is passed in."""

from flask_babel import lazy_gettext as _l

from participa.core.errors import DomainError
from participa.core.models import log_action, written_in
from participa.core.types import utcnow
from participa.debates.models import BODY_LIMIT, Debate, DebateStatus
from participa.debates.permissions import can_close_debate, can_edit_debate, can_open_debate
from participa.extensions import db

# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_debate": _l("opened a debate"),
    "update_debate": _l("edited a debate"),
    "close_debate": _l("closed a debate"),
}


def _apply(debate, process, data):
    title = (data.get("title") or "").strip()
    body = (data.get("body") or "").strip()
    if not title or len(title) > 150:
        raise DomainError(_l("Write a title of at most 150 characters."), field="title")
    if not body or len(body) > BODY_LIMIT:
        raise DomainError(_l("Write a text of at most %(n)s characters.", n=BODY_LIMIT),
                          field="body")
    category_id = data.get("category_id") or None
    if category_id and category_id not in {c.id for c in process.categories}:
        raise DomainError(_l("Choose one of this process's categories."), field="category_id")
    debate.title, debate.body, debate.category_id = title, body, category_id


def create_debate(process, data: dict, *, actor, now=None) -> Debate:
    if not can_open_debate(actor, process, now):
        raise DomainError(_l("Debates cannot be opened in this process now."))
    debate = Debate(process=process, author_id=actor.id, status=DebateStatus.OPEN,
                    comments_count=0, language=written_in(actor))
    _apply(debate, process, data)
    db.session.add(debate)
    db.session.flush()
    log_action("create_debate", debate, actor=actor, process_id=process.id)
    return debate


def update_debate(debate, data: dict, *, actor) -> Debate:
    if not can_edit_debate(actor, debate):
        raise DomainError(_l("This debate cannot be edited any more."))
    _apply(debate, debate.process, data)
    db.session.flush()
    log_action("update_debate", debate, actor=actor, process_id=debate.process_id)
    return debate


def close_debate(debate, conclusion: str, *, actor) -> Debate:
    """Close the debate with the facilitators' conclusion (closing again rewrites it)."""
    if not can_close_debate(actor, debate):
        raise DomainError(_l("Only the process's facilitators can close a debate."))
    conclusion = (conclusion or "").strip()
    if not conclusion or len(conclusion) > BODY_LIMIT:
        raise DomainError(_l("Write the conclusion (at most %(n)s characters).", n=BODY_LIMIT),
                          field="conclusion")
    debate.conclusion = conclusion
    if debate.status != DebateStatus.CLOSED:
        debate.status = DebateStatus.CLOSED
        debate.closed_at = utcnow()
    debate.closed_by_id = actor.id
    db.session.flush()
    log_action("close_debate", debate, actor=actor, process_id=debate.process_id)
    return debate
