"""Who may do what with proposals: a grid of role × active phase × proposal state, then the
settings that change the answers (limits, disabled supports, hidden supports)."""

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin

from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.proposals import operations
from participa.proposals.permissions import (
    ProposalRefusal,
    can_answer_proposal,
    can_edit_proposal,
    can_see_supports,
    can_unsupport,
    can_view_proposal,
    can_withdraw_proposal,
    why_not_propose,
    why_not_support,
)
from tests.support import factories
from tests.support.phases import process_in_phase
from tests.support.proposals import answer, make_proposal

ROLES = ("visitor", "author", "other", "facilitator", "council")
PHASES = (*PhaseKind, None)
STATES = ("published", "accepted", "withdrawn")
SUPPORT_PHASES = {PhaseKind.PROPOSALS, PhaseKind.DEBATE}


def _phase_id(kind):
    return kind.value if kind else "no-phase"


def person(role, process, author):
    if role == "visitor":
        return AnonymousUserMixin()
    if role == "author":
        return author
    if role == "facilitator":
        return factories.make_user("facilitator", process=process)
    return factories.make_user("council" if role == "council" else "resident")


def proposal_in(kind, state, **settings):
    """A proposal of a process whose active phase is ``kind``, in ``state``."""
    process = process_in_phase(kind, **settings)
    author = factories.make_user()
    proposal = make_proposal(process, author)
    if state == "accepted":
        answer(proposal, factories.make_user("council"), state="accepted")
    elif state == "withdrawn":
        operations.withdraw_proposal(proposal, actor=author)
    return process, author, proposal


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", PHASES, ids=_phase_id)
def test_create_grid(role, kind, make_user):
    process = process_in_phase(kind)
    user = person(role, process, make_user())

    if role == "visitor":
        expected = ProposalRefusal.SIGN_IN
    elif kind is PhaseKind.PROPOSALS:
        expected = None
    else:
        expected = ProposalRefusal.PHASE
    assert why_not_propose(user, process) is expected


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", PHASES, ids=_phase_id)
@pytest.mark.parametrize("role", ROLES)
def test_proposal_grid(role, kind, state):
    process, author, proposal = proposal_in(kind, state)
    user = person(role, process, author)
    signed_in = role != "visitor"
    withdrawn = state == "withdrawn"
    supports_open = kind in SUPPORT_PHASES

    if withdrawn:
        expected_block = ProposalRefusal.WITHDRAWN
    elif not signed_in:
        expected_block = ProposalRefusal.SIGN_IN
    elif not supports_open:
        expected_block = ProposalRefusal.PHASE
    else:
        expected_block = None
    assert why_not_support(user, proposal) is expected_block

    assert can_unsupport(user, proposal, supported=True) is (
        signed_in and not withdrawn and supports_open)
    assert can_unsupport(user, proposal, supported=False) is False
    assert can_edit_proposal(user, proposal) is (role == "author" and state == "published")
    assert can_withdraw_proposal(user, proposal) is (role == "author" and not withdrawn)
    assert can_answer_proposal(user, proposal) is (
        role in ("facilitator", "council") and not withdrawn)
    assert can_see_supports(user, proposal) is True
    assert can_view_proposal(user, proposal) is True


@pytest.mark.parametrize("role", ROLES)
def test_hidden_supports_are_seen_by_managers_only(role):
    process, author, proposal = proposal_in(PhaseKind.PROPOSALS, "published",
                                            supports_visible=False)
    user = person(role, process, author)
    expected = role in ("facilitator", "council")
    assert can_see_supports(user, proposal) is expected
    assert can_see_supports(user, process) is expected


@pytest.mark.parametrize("role", ROLES)
def test_disabled_supports_are_explained_to_everyone(role):
    process, author, proposal = proposal_in(PhaseKind.PROPOSALS, "published",
                                            supports_enabled=False)
    user = person(role, process, author)
    assert why_not_support(user, proposal) is ProposalRefusal.DISABLED
    assert can_unsupport(user, proposal, supported=True) is False


def test_support_reasons_for_a_signed_in_resident(make_user):
    process, author, proposal = proposal_in(PhaseKind.PROPOSALS, "published",
                                            supports_per_person=2)
    resident = make_user()
    assert why_not_support(resident, proposal, used=1) is None
    assert why_not_support(resident, proposal, used=2) is ProposalRefusal.LIMIT
    assert why_not_support(resident, proposal, used=1, supported=True) is ProposalRefusal.ALREADY
    assert why_not_support(resident, proposal, used=2) is not None
    after = process.phases[0].ends_at + timedelta(seconds=1)
    assert why_not_support(resident, proposal, now=after) is ProposalRefusal.PHASE


def test_unlimited_supports_when_zero(make_user):
    _, _, proposal = proposal_in(PhaseKind.PROPOSALS, "published")
    assert why_not_support(make_user(), proposal, used=10_000) is None


def test_every_reason_has_a_readable_label():
    for reason in ProposalRefusal:
        assert str(reason.label)


def test_proposals_limit_blocks_creation(make_user):
    process = process_in_phase(PhaseKind.PROPOSALS, proposals_per_person=2)
    resident = make_user()
    assert why_not_propose(resident, process, authored=1) is None
    assert why_not_propose(resident, process, authored=2) is ProposalRefusal.LIMIT
    assert why_not_propose(resident, process, authored=0) is None


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_process_allows_nothing(role, make_user, make_proposal):
    process = process_in_phase(PhaseKind.PROPOSALS)
    author = make_user()
    proposal = make_proposal(process, author)
    process.is_published = False
    db.session.flush()
    user = person(role, process, author)

    assert why_not_propose(user, process) is not None
    assert why_not_support(user, proposal) is not None
    assert can_view_proposal(user, proposal) is (role in ("facilitator", "council"))


def test_edit_window_and_supports_decide_editing(make_user):
    process, author, proposal = proposal_in(PhaseKind.PROPOSALS, "published")
    deadline = proposal.created_at + timedelta(minutes=process.proposal_edit_minutes)
    assert can_edit_proposal(author, proposal, now=deadline - timedelta(seconds=1))
    assert not can_edit_proposal(author, proposal, now=deadline)
    proposal.created_at = utcnow() - timedelta(minutes=process.proposal_edit_minutes + 1)
    assert not can_edit_proposal(author, proposal)
    proposal.created_at = utcnow()
    operations.support_proposal(proposal, actor=make_user())
    assert not can_edit_proposal(author, proposal)


def test_unpublished_answer_ends_editing(make_user):
    process, author, proposal = proposal_in(PhaseKind.PROPOSALS, "published")
    answer(proposal, make_user("council"), state="evaluating", publish=False)
    assert not can_edit_proposal(author, proposal)


def test_facilitator_of_another_process_is_a_resident_here(make_user, make_process):
    process, author, proposal = proposal_in(PhaseKind.PROPOSALS, "published",
                                            supports_visible=False)
    outsider = make_user("facilitator", process=make_process())
    assert not can_answer_proposal(outsider, proposal)
    assert not can_see_supports(outsider, proposal)


def test_deleted_proposal_is_not_viewable(make_user):
    _, _, proposal = proposal_in(PhaseKind.PROPOSALS, "published")
    proposal.deleted_at = utcnow()
    assert not can_view_proposal(make_user("council"), proposal)
