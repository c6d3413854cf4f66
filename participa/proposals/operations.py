"""Every write about proposals and supports. Flush, never commit; the actor is passed in.

Limits that must hold under parallel requests (proposals per person, supports per person) are
checked after ``lock_row(User, actor.id)``, which serializes one person's writes; the unique
constraint on supports and the counter updated in SQL do the rest."""

from functools import lru_cache

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from participa.accounts.models import User
from participa.accounts.queries import get_user_by_email, normalize_email
from participa.associations.models import AssociationStatus
from participa.comments.behalf import association_to_publish_as
from participa.core.database import add_to_counters, lock_row
from participa.core.errors import DomainError
from participa.core.models import log_action, written_in
from participa.core.text import fold
from participa.core.types import utcnow
from participa.extensions import db
from participa.proposals import queries
from participa.proposals.models import (
    ANSWER_STATES,
    MAX_COAUTHORS,
    CoauthorStatus,
    Proposal,
    ProposalCoauthor,
    ProposalState,
    Support,
)
from participa.proposals.permissions import (
    ProposalRefusal,
    can_answer_invitation,
    can_answer_proposal,
    can_edit_proposal,
    can_leave_coauthorship,
    can_manage_coauthors,
    can_remove_coauthor,
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
    "invite_coauthor": _l("invited a co-author to a proposal"),
    "accept_coauthorship": _l("accepted to co-author a proposal"),
    "decline_coauthorship": _l("declined to co-author a proposal"),
    "remove_coauthor": _l("removed a co-author from a proposal"),
    "leave_coauthorship": _l("stopped co-authoring a proposal"),
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
    # on whose behalf: checked against the database as it is now (a representative removed
    # since the form was shown is refused)
    association = association_to_publish_as(actor, data.get("association_id"))
    proposal = Proposal(process=process, author_id=actor.id, language=written_in(actor),
                        association_id=association.id if association is not None else None)
    _apply(proposal, data)
    db.session.add(proposal)
    db.session.flush()
    log_action("create_proposal", proposal, actor=actor, process_id=process.id,
               association_id=proposal.association_id)
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


# -- co-authors -------------------------------------------------------------------------------

TOO_MANY_COAUTHORS = _l("A proposal can have at most %(n)s co-authors, invitations waiting "
                        "for an answer included.", n=MAX_COAUTHORS)


def _free_place(proposal) -> int:
    """The lowest of the proposal's places left (the caller holds the proposal's lock); the
    unique (proposal, place) constraint backs it."""
    taken = queries.taken_places(proposal)
    free = [n for n in range(1, MAX_COAUTHORS + 1) if n not in taken]
    if not free:
        raise DomainError(TOO_MANY_COAUTHORS)
    return free[0]


def _locked_for_invitation(proposal, actor):
    lock_row(Proposal, proposal.id)
    db.session.refresh(proposal)
    if not can_manage_coauthors(actor, proposal):
        raise DomainError(_l("Only its author can invite co-authors, while the proposal is "
                             "open."))


def invite_person(proposal, email: str, *, actor) -> ProposalCoauthor:
    """Invite the person with ``email`` to co-author ``proposal``. The invitation is kept
    for the address whether or not an account has it (``user`` is that account, if any), so
    its author is told the same either way; only an account gets the e-mail."""
    address = normalize_email(email or "")
    if "@" not in address or len(address) > 254:
        raise DomainError(_l("Write a valid e-mail address."), field="email")
    _locked_for_invitation(proposal, actor)
    if address == normalize_email(actor.email):
        raise DomainError(_l("You are already its author."), field="email")
    if any(c.email == address for c in proposal.coauthors):
        raise DomainError(_l("This address has already been invited."), field="email")
    account = get_user_by_email(address)
    if account is not None and account.is_blocked:
        account = None  # a blocked account is told apart from no account by nobody
    coauthor = ProposalCoauthor(proposal_id=proposal.id, email=address,
                                user_id=account.id if account is not None else None,
                                place=_free_place(proposal), invited_by_id=actor.id,
                                status=CoauthorStatus.INVITED)
    db.session.add(coauthor)
    db.session.flush()
    db.session.expire(proposal, ["coauthors"])
    log_action("invite_coauthor", proposal, actor=actor, process_id=proposal.process_id,
               coauthor_id=coauthor.id)
    return coauthor


def invite_association(proposal, association, *, actor) -> ProposalCoauthor:
    """Invite a verified association to co-author ``proposal``; one of its representatives
    answers for it."""
    if association is None or association.status != AssociationStatus.VERIFIED:
        raise DomainError(_l("Choose a verified association."), field="association_id")
    _locked_for_invitation(proposal, actor)
    if proposal.association_id == association.id:
        raise DomainError(_l("The proposal is already published on behalf of this "
                             "association."), field="association_id")
    if any(c.association_id == association.id for c in proposal.coauthors):
        raise DomainError(_l("This association has already been invited."),
                          field="association_id")
    coauthor = ProposalCoauthor(proposal_id=proposal.id, association_id=association.id,
                                place=_free_place(proposal), invited_by_id=actor.id,
                                status=CoauthorStatus.INVITED)
    db.session.add(coauthor)
    db.session.flush()
    db.session.expire(proposal, ["coauthors"])
    log_action("invite_coauthor", proposal, actor=actor, process_id=proposal.process_id,
               coauthor_id=coauthor.id, association_id=association.id)
    return coauthor


def _locked(coauthor):
    """The invitation read afresh under its proposal's lock (None: it is gone)."""
    lock_row(Proposal, coauthor.proposal_id)
    return db.session.scalar(sa.select(ProposalCoauthor).where(
        ProposalCoauthor.id == coauthor.id).execution_options(populate_existing=True))


def _answer(coauthor, accepted: bool, *, actor, now=None) -> ProposalCoauthor:
    fresh = _locked(coauthor)
    if fresh is None or not can_answer_invitation(actor, fresh):
        raise DomainError(_l("This invitation cannot be answered: it has been answered or "
                             "taken back, or you cannot answer it."))
    fresh.status = CoauthorStatus.ACCEPTED if accepted else CoauthorStatus.DECLINED
    if not accepted:
        fresh.place = None  # a declined invitation frees its place
    fresh.answered_at = now or utcnow()
    fresh.answered_by_id = actor.id
    db.session.flush()
    db.session.expire(fresh.proposal, ["coauthors"])
    log_action("accept_coauthorship" if accepted else "decline_coauthorship", fresh.proposal,
               actor=actor, process_id=fresh.proposal.process_id, coauthor_id=fresh.id,
               association_id=fresh.association_id)
    return fresh


def accept_invitation(coauthor, *, actor, now=None) -> ProposalCoauthor:
    return _answer(coauthor, True, actor=actor, now=now)


def decline_invitation(coauthor, *, actor, now=None) -> ProposalCoauthor:
    return _answer(coauthor, False, actor=actor, now=now)


def _delete(coauthor, verb, *, actor) -> None:
    proposal = coauthor.proposal
    log_action(verb, proposal, actor=actor, process_id=proposal.process_id,
               coauthor_id=coauthor.id, association_id=coauthor.association_id,
               user_id=coauthor.user_id)
    db.session.delete(coauthor)
    db.session.flush()
    db.session.expire(proposal, ["coauthors"])


def remove_coauthor(coauthor, *, actor) -> None:
    """The author removes a co-author, or takes back a waiting invitation."""
    fresh = _locked(coauthor)
    if fresh is None or not can_remove_coauthor(actor, fresh):
        raise DomainError(_l("You cannot remove this co-author."))
    _delete(fresh, "remove_coauthor", actor=actor)


def leave_coauthorship(coauthor, *, actor) -> None:
    """A co-author stops co-authoring (a representative, for their association)."""
    fresh = _locked(coauthor)
    if fresh is None or not can_leave_coauthorship(actor, fresh):
        raise DomainError(_l("You cannot leave: you are not a co-author of this proposal."))
    _delete(fresh, "leave_coauthorship", actor=actor)
