"""Supports without HTTP: one per person, per-person limits, phases, and a counter that always
equals the rows."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.proposals import operations, queries
from participa.proposals.models import Support
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    make_supporters,
    stored_count,
    support_rows,
)


def test_support_adds_one_row_and_one_to_the_counter(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    support = db.session.scalars(sa.select(Support)).one()
    assert (support.user_id, support.proposal_id, support.process_id) == (
        other.id, proposal.id, process.id)
    assert proposal.supports_count == 1  # refreshed from the database
    assert support_rows(proposal) == 1


def test_second_support_by_the_same_person_is_refused(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == stored_count(proposal) == 1


def test_database_refuses_a_second_support_row(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    with pytest.raises(sa.exc.IntegrityError), db.session.begin_nested():
        db.session.add(Support(proposal_id=proposal.id, user_id=other.id,
                               process_id=process.id))
    assert support_rows(proposal) == 1


def test_supports_per_person_limit(author, other, make_process, make_proposal):
    process = make_process(supports_per_person=2)
    first, second, third = (make_proposal(process, author) for _ in range(3))
    operations.support_proposal(first, actor=other)
    operations.support_proposal(second, actor=other)
    with pytest.raises(DomainError):
        operations.support_proposal(third, actor=other)

    operations.unsupport_proposal(first, actor=other)  # withdrawing frees a support
    operations.support_proposal(third, actor=other)
    assert queries.supports_used(process, other) == 2


def test_support_limit_is_per_process(author, other, make_process, make_proposal):
    one = make_process(supports_per_person=1)
    two = make_process(supports_per_person=1)
    operations.support_proposal(make_proposal(one, author), actor=other)
    operations.support_proposal(make_proposal(two, author), actor=other)
    assert queries.supports_used(one, other) == queries.supports_used(two, other) == 1


def test_support_refused_when_supports_are_disabled(author, other, make_process, make_proposal):
    process = make_process(supports_enabled=False)
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == 0


@pytest.mark.parametrize("kind", [PhaseKind.INFORMATION, PhaseKind.VOTING,
                                  PhaseKind.IMPLEMENTATION, PhaseKind.EVALUATION, None])
def test_support_refused_when_the_phase_does_not_allow_it(author, other, kind, make_proposal):
    process = process_in_phase(kind)
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == 0


def test_support_allowed_in_the_debate_phase(author, other, make_proposal):
    proposal = make_proposal(process_in_phase(PhaseKind.DEBATE), author)
    operations.support_proposal(proposal, actor=other)
    assert stored_count(proposal) == 1


def test_unsupport_removes_the_row_and_one_from_the_counter(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    operations.unsupport_proposal(proposal, actor=other)
    assert support_rows(proposal) == stored_count(proposal) == 0


def test_unsupport_without_a_support_is_refused(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    make_supporters(proposal, 1)
    with pytest.raises(DomainError):
        operations.unsupport_proposal(proposal, actor=other)
    assert stored_count(proposal) == 1


def test_unsupport_refused_when_the_phase_closes(author, other, make_process, make_proposal):
    process = make_process()
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    after = process.phases[0].ends_at + timedelta(minutes=1)
    with pytest.raises(DomainError):
        operations.unsupport_proposal(proposal, actor=other, now=after)
    with pytest.raises(DomainError):
        operations.support_proposal(make_proposal(process, author), actor=other, now=after)
    assert stored_count(proposal) == 1


def test_counter_always_equals_the_support_rows(author, make_user, make_process, make_proposal):
    process = make_process(supports_per_person=2)
    proposals = [make_proposal(process, author) for _ in range(3)]
    people = [make_user() for _ in range(4)]
    steps = [
        ("support", 0, 0), ("support", 0, 1), ("support", 1, 0), ("support", 2, 0),
        ("support", 2, 2), ("unsupport", 0, 0), ("support", 3, 1), ("support", 3, 2),
        ("support", 3, 0), ("unsupport", 2, 0), ("support", 1, 0), ("support", 1, 0),
    ]
    for verb, person, target in steps:
        operation = getattr(operations, f"{verb}_proposal")
        try:
            operation(proposals[target], actor=people[person])
        except DomainError:
            pass
        for proposal in proposals:
            assert stored_count(proposal) == support_rows(proposal)
    assert [stored_count(p) for p in proposals] == [1, 2, 2]


def test_threshold_is_reached_with_enough_supports(author, make_process, make_proposal):
    process = make_process(support_threshold=2)
    proposal = make_proposal(process, author)
    make_supporters(proposal, 1)
    assert not proposal.reached_threshold
    make_supporters(proposal, 1)
    assert proposal.reached_threshold
