"""Every write about proposals and supports. Flush, never commit; the actor is passed in.

Limits that must hold under parallel requests (proposals per person, supports per person) are
checked after ``lock_row(User, actor.id)``, which serializes one person's writes; the unique
constraint on supports and the counter updated in SQL do the rest."""

from functools import lru_cache

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from participa.accounts.models import User
from participa.core.database import add_to_counters, lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action, written_in
from participa.core.text import fold
from participa.core.types import utcnow
from participa.extensions import db
from participa.proposals import queries
from participa.proposals.models import ANSWER_STATES, Proposal, ProposalState, Support
from participa.proposals.permissions import (
    ProposalRefusal,
    can_answer_proposal,
    can_edit_proposal,
    can_unsupport,
    can_withdraw_proposal,
    why_not_propose,
    why_not_support,
)

FIELDS = ("title", "body", "category_id", "neighbourhood_id", "address")


# the ActionLog verbs written here, as the council's log reads them
VERBS = {
    "create_proposal": _l("published a proposal"),
    "update_proposal": _l("edited a proposal"),
    "withdraw_proposal": _l("withdrew a proposal"),
    "answer_proposal": _l("answered a proposal"),
}


def _check_content(process, data):
    """What a form checks, checked again: an operation is not only called from a form."""
    title = (data.get("title") or "").strip()
    body = (data.get("body") or "").strip()
    if not title or len(title) > 150:
        raise DomainError(_l("Write a title of at most 150 characters."), field="title")
    if not body or len(body) > process.proposal_body_limit:
        raise DomainError(
            _l("Write a text of at most %(n)s characters.", n=process.proposal_body_limit),
            field="body",
        )
    if data.get("category_id") and data["category_id"] not in {c.id for c in process.categories}:
        raise DomainError(_l("Choose one of this process's categories."), field="category_id")
    allowed = {n.id for n in process.neighbourhoods}
    if data.get("neighbourhood_id") and data["neighbourhood_id"] not in allowed:
        raise DomainError(_l("Choose one of this process's neighbourhoods."),
                          field="neighbourhood_id")


def _apply(proposal, data):
    for field in FIELDS:
        value = data.get(field)
        setattr(proposal, field, (value or "").strip() if field in ("title", "body", "address")
                else value or None)
    proposal.search_text = fold(f"{proposal.title}\n{proposal.body}")


def create_proposal(process, data: dict, *, actor, now=None) -> Proposal:
    lock_row(User, actor.id)
    blocked = why_not_propose(actor, process, authored=queries.count_authored(process, actor),
                              now=now)
    if blocked is ProposalRefusal.LIMIT:
        raise DomainError(
            _l("You have reached the limit of %(n)s proposals in this process.",
               n=process.proposals_per_person)
        )
    if blocked is not None:
        raise DomainError(_l("Proposals cannot be created in the current phase."))
    _check_content(process, data)
    proposal = Proposal(process=process, author_id=actor.id, language=written_in(actor))
    _apply(proposal, data)
    db.session.add(proposal)
    db.session.flush()
    log_action("create_proposal", proposal, actor=actor, process_id=process.id)
    return proposal


def update_proposal(proposal, data: dict, *, actor, now=None) -> Proposal:
    lock_row(Proposal, proposal.id)
    db.session.refresh(proposal)
    if not can_edit_proposal(actor, proposal, now):
        raise DomainError(_l("This proposal cannot be edited any more: the edit window has "
                             "passed, or it already has supports or an answer."))
    _check_content(proposal.process, data)
    _apply(proposal, data)
    db.session.flush()
    log_action("update_proposal", proposal, actor=actor, process_id=proposal.process_id)
    return proposal


def withdraw_proposal(proposal, *, actor) -> Proposal:
    if not can_withdraw_proposal(actor, proposal):
        raise DomainError(_l("Only its author can withdraw a proposal, and only once."))
    proposal.state = ProposalState.WITHDRAWN
    proposal.withdrawn_at = utcnow()
    db.session.flush()
    log_action("withdraw_proposal", proposal, actor=actor, process_id=proposal.process_id)
    return proposal


def support_proposal(proposal, *, actor, now=None) -> None:
    """Add the actor's support; refuses a second one, a closed phase and an exceeded limit.

    Where the process limits supports per person, the person's row is locked and their supports
    counted first, so parallel supports cannot pass the limit. Without a limit there is nothing
    to count: the unique constraint alone refuses a second support (``ON CONFLICT DO NOTHING``:
    no error, no row), and on PostgreSQL one statement writes the row and its counter."""
    used, supported = 0, False
    if proposal.process.supports_per_person:
        lock_row(User, actor.id)
        used, supported = queries.support_figures(proposal, actor)
    blocked = why_not_support(actor, proposal, used=used, supported=supported, now=now)
    if blocked is not None:
        raise DomainError(blocked.label)
    dialect = db.session.get_bind().dialect.name
    added = db.session.execute(_add_support_statement(dialect), {
        "new_proposal_id": proposal.id, "new_user_id": actor.id,
        "new_process_id": proposal.process_id, "new_created_at": now or utcnow()}).first()
    if added is None:  # the constraint's word: one support per person
        raise DomainError(ProposalRefusal.ALREADY.label)
    if dialect == "postgresql":
        db.session.expire(proposal, ["supports_count"])  # counted by the same statement
    else:
        add_to_counters(proposal, supports_count=+1)


@lru_cache(maxsize=4)
def _add_support_statement(dialect: str):
    """INSERT the support unless the person already gave it, returning a row only when it was
    added; on PostgreSQL the counter's UPDATE rides in the same statement (a writing CTE)."""
    values = {name: sa.bindparam(f"new_{name}") for name in
              ("proposal_id", "user_id", "process_id", "created_at")}
    dml = postgresql if dialect == "postgresql" else sqlite
    insert = (dml.insert(Support).values(values)
              .on_conflict_do_nothing(index_elements=["proposal_id", "user_id"])
              .returning(Support.proposal_id))
    if dialect != "postgresql":
        return insert
    added = insert.cte("added_support")
    return (sa.update(Proposal)
            .where(Proposal.id == sa.select(added.c.proposal_id).scalar_subquery())
            # a support is not an edit: the proposal's updated_at stays as it is
            .values(supports_count=Proposal.supports_count + 1,
                    updated_at=Proposal.updated_at)
            .returning(Proposal.id)
            .execution_options(synchronize_session=False))


def unsupport_proposal(proposal, *, actor, now=None) -> None:
    lock_row(User, actor.id)
    _used, supported = queries.support_figures(proposal, actor)
    if not can_unsupport(actor, proposal, supported=supported, now=now):
        raise DomainError(_l("You cannot withdraw this support now."))
    deleted = db.session.execute(
        sa.delete(Support)
        .where(Support.proposal_id == proposal.id, Support.user_id == actor.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if deleted:
        add_to_counters(proposal, supports_count=-deleted)


def answer_proposal(proposal, *, state, answer: str, publish: bool, actor) -> Proposal:
    """Save the official answer; publishing it sets the proposal's public state.

    There is one answer: saving it unpublished takes a published one out of public view (the
    state goes back to "not answered yet"), so a draft never shows as the official answer."""
    if not can_answer_proposal(actor, proposal):
        raise DomainError(_l("You cannot answer this proposal."))
    state = ProposalState(state)
    if state not in ANSWER_STATES:
        raise DomainError(_l("Choose evaluating, accepted or rejected."), field="state")
    proposal.answer_state = state
    proposal.answer = (answer or "").strip()
    proposal.answered_at = utcnow()
    proposal.answered_by_id = actor.id
    if publish:
        proposal.state = state
        proposal.answer_published_at = proposal.answered_at
    else:
        proposal.state = ProposalState.PUBLISHED
        proposal.answer_published_at = None
    db.session.flush()
    log_action("answer_proposal", proposal, actor=actor, process_id=proposal.process_id,
               state=state, published=publish)
    return proposal
