"""Official answers without HTTP: published or saved, who may answer, and the states they set."""

import pytest

from participa.core.errors import DomainError
from participa.proposals import operations
from participa.proposals.models import ProposalState
from tests.support.proposals import (
    answer,
)
from tests.support.records import log_entries


@pytest.mark.parametrize("state", ["evaluating", "accepted", "rejected"])
def test_published_answer_sets_the_state(process, author, facilitator, state, make_proposal):
    proposal = make_proposal(process, author)
    answer(proposal, facilitator, state=state, text="  Ho estudiarem.  ", publish=True)

    assert proposal.state is ProposalState(state)
    assert proposal.answer_state is ProposalState(state)
    assert proposal.answer == "Ho estudiarem."
    assert proposal.answered_by_id == facilitator.id
    assert proposal.answer_published_at is not None
    assert proposal.is_answer_published
    (entry,) = log_entries("answer_proposal", proposal)
    assert entry.actor_id == facilitator.id
    assert entry.data["state"] == state
    assert entry.data["published"] is True


def test_unpublished_answer_keeps_the_public_state(process, author, council, make_proposal):
    proposal = make_proposal(process, author)
    answer(proposal, council, state="rejected", publish=False)

    assert proposal.state is ProposalState.PUBLISHED
    assert proposal.answer_state is ProposalState.REJECTED
    assert proposal.answered_at is not None
    assert proposal.answer_published_at is None
    assert log_entries("answer_proposal", proposal)[0].data["published"] is False


def test_saved_answer_is_published_later(process, author, facilitator, make_proposal):
    proposal = make_proposal(process, author)
    answer(proposal, facilitator, state="accepted", text="Esborrany", publish=False)
    answer(proposal, facilitator, state="accepted", text="Definitiva", publish=True)
    assert proposal.state is ProposalState.ACCEPTED
    assert proposal.answer == "Definitiva"
    assert proposal.answer_published_at is not None
    assert len(log_entries("answer_proposal", proposal)) == 2


def test_draft_of_a_published_answer_is_not_public(process, author, facilitator, make_proposal):
    """Saving a published answer again without publishing it takes it out of public view:
    there is one answer, so a draft must never show as the published text."""
    proposal = make_proposal(process, author)
    answer(proposal, facilitator, state="accepted", text="Acceptada", publish=True)
    answer(proposal, facilitator, state="rejected", text="Potser no", publish=False)
    assert not proposal.is_answer_published
    assert proposal.state is ProposalState.PUBLISHED


@pytest.mark.parametrize("state", ["published", "withdrawn"])
def test_answer_state_must_be_an_answer(process, author, facilitator, state, make_proposal):
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError):
        answer(proposal, facilitator, state=state)
    assert proposal.state is ProposalState.PUBLISHED


def test_only_managers_answer(process, author, other, make_user, make_process, make_proposal):
    proposal = make_proposal(process, author)
    other_facilitator = make_user("facilitator", process=make_process())
    for person in (author, other, other_facilitator):
        with pytest.raises(DomainError):
            answer(proposal, person)
    assert proposal.answered_at is None
    assert log_entries("answer_proposal") == []


def test_withdrawn_proposal_cannot_be_answered(process, author, council, make_proposal):
    proposal = make_proposal(process, author)
    operations.withdraw_proposal(proposal, actor=author)
    with pytest.raises(DomainError):
        answer(proposal, council)
