"""Who may do what with proposals. Pure predicates: views (403) and templates share them.

The reason helpers return *why* not, so a page can explain it instead of hiding a button."""

from flask_babel import lazy_gettext as _l

from participa.associations.permissions import can_act_for
from participa.core.enums import LabelledEnum
from participa.core.permissions import is_signed_in
from participa.core.types import utcnow
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import Action, phase_allows
from participa.proposals.models import CoauthorStatus, ProposalState


class ProposalRefusal(LabelledEnum):
    SIGN_IN = "sign_in", _l("Sign in to support proposals.")
    PHASE = "phase", _l("Supports are closed in the current phase of this process.")
    DISABLED = "disabled", _l("This process does not collect supports.")
    LIMIT = "limit", _l("You have used all your supports in this process.")
    WITHDRAWN = "withdrawn", _l("This proposal has been withdrawn: its supports are frozen.")
    HIDDEN = "hidden", _l("This proposal has been hidden by moderation.")
    ALREADY = "already", _l("You already support this proposal.")


def can_view_proposal(user, proposal) -> bool:
    return proposal.deleted_at is None and can_view_process(user, proposal.process)


def why_not_propose(user, process, *, authored: int = 0, now=None) -> ProposalRefusal | None:
    """Why ``user`` may not create a proposal (None: they may). ``authored``: how many
    proposals they already have in the process."""
    if not is_signed_in(user):
        return ProposalRefusal.SIGN_IN
    if not phase_allows(process, Action.PROPOSE, now):
        return ProposalRefusal.PHASE
    if process.proposals_per_person and authored >= process.proposals_per_person:
        return ProposalRefusal.LIMIT
    return None


def can_edit_proposal(user, proposal, now=None) -> bool:
    """The author or an accepted co-author in person, within the edit window, while nobody
    supports it and it is unanswered (an answer saved unpublished counts: it answers the text
    as it was)."""
    if not is_signed_in(user):
        return False
    if proposal.author_id != user.id and not proposal.is_coauthor(user):
        return False
    return (
        proposal.state == ProposalState.PUBLISHED
        and proposal.answered_at is None
        and proposal.supports_count == 0
        and (now or utcnow()) < proposal.edit_deadline()
    )


def can_withdraw_proposal(user, proposal) -> bool:
    return is_signed_in(user) and proposal.author_id == user.id and not proposal.is_withdrawn


def why_not_support(user, proposal, *, used: int = 0, supported: bool = False,
                    now=None) -> ProposalRefusal | None:
    """Why ``user`` may not support ``proposal`` (None: they may). ``used`` is how many
    supports they have given in the process, ``supported`` whether this is one of them."""
    process = proposal.process
    if not process.supports_enabled:
        return ProposalRefusal.DISABLED
    if proposal.is_withdrawn:
        return ProposalRefusal.WITHDRAWN
    if proposal.hidden_at is not None:
        return ProposalRefusal.HIDDEN
    if not is_signed_in(user):
        return ProposalRefusal.SIGN_IN
    if not phase_allows(process, Action.SUPPORT, now):
        return ProposalRefusal.PHASE
    if supported:
        return ProposalRefusal.ALREADY
    if process.supports_per_person and used >= process.supports_per_person:
        return ProposalRefusal.LIMIT
    return None


def can_unsupport(user, proposal, *, supported: bool, now=None) -> bool:
    """Withdrawing a support needs the same open phase; a withdrawn proposal's are frozen."""
    return (
        supported
        and is_signed_in(user)
        and proposal.process.supports_enabled
        and not proposal.is_withdrawn
        and proposal.hidden_at is None
        and phase_allows(proposal.process, Action.SUPPORT, now)
    )


def can_answer_proposal(user, proposal) -> bool:
    return can_manage_process(user, proposal.process) and not proposal.is_withdrawn


def can_see_supports(user, proposal_or_process) -> bool:
    process = getattr(proposal_or_process, "process", proposal_or_process)
    return process.supports_visible or can_manage_process(user, process)


# -- co-authoring --------------------------------------------------------------------------


def _open(proposal) -> bool:
    return (proposal.deleted_at is None and proposal.hidden_at is None
            and not proposal.is_withdrawn)


def can_manage_coauthors(user, proposal) -> bool:
    """Its author invites co-authors and removes them, while the proposal is neither
    withdrawn, hidden nor deleted."""
    return (is_signed_in(user) and not user.is_blocked and proposal.author_id == user.id
            and _open(proposal))


def _speaks_for(user, coauthor, represented_ids) -> bool:
    """Whether ``user`` is the invitee: the person invited, or someone who may act for the
    association invited (``represented_ids``: the ids of the associations they may act for,
    when the page has read them; otherwise ``can_act_for`` decides)."""
    if not is_signed_in(user) or user.is_blocked:
        return False
    if coauthor.association_id is None:
        return coauthor.user_id is not None and coauthor.user_id == user.id
    if represented_ids is not None:
        return coauthor.association_id in represented_ids
    return can_act_for(user, coauthor.association)


def can_answer_invitation(user, coauthor, *, represented_ids=None) -> bool:
    """The invitee accepts or declines a waiting invitation while the proposal is open."""
    return (coauthor.is_invited and _open(coauthor.proposal)
            and _speaks_for(user, coauthor, represented_ids))


def can_remove_coauthor(user, coauthor) -> bool:
    """The author removes an accepted co-author or takes back a waiting invitation (a
    declined one stays: the invitee answered)."""
    return (not coauthor.status == CoauthorStatus.DECLINED
            and can_manage_coauthors(user, coauthor.proposal))


def can_leave_coauthorship(user, coauthor, *, represented_ids=None) -> bool:
    """An accepted co-author leaves (a representative of the association, for it)."""
    return coauthor.is_accepted and _speaks_for(user, coauthor, represented_ids)
