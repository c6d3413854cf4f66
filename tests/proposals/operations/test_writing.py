"""Writing proposals without HTTP: create (limits, phases, categories), edit within the window
and withdraw, each logged."""

from datetime import timedelta

import pytest

from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.proposals import operations
from participa.proposals.models import Proposal, ProposalState
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    answer,
    count_proposals,
    make_supporters,
    stored_count,
    support_rows,
)
from tests.support.records import log_entries

# --- create -------------------------------------------------------------------------------


def test_create_stores_the_proposal_and_logs_it(process, author, make_neighbourhood):
    neighbourhood = make_neighbourhood("Sant Pere")
    process.neighbourhoods.append(neighbourhood)
    category = process.categories[0]

    proposal = operations.create_proposal(
        process,
        {"title": "  Ombra a la Plaça del Mercat ", "body": "Plantem **arbres**.",
         "category_id": category.id, "neighbourhood_id": neighbourhood.id,
         "address": "Plaça del Mercat, 1"},
        actor=author,
    )

    assert proposal.id is not None
    assert proposal.title == "Ombra a la Plaça del Mercat"
    assert proposal.state is ProposalState.PUBLISHED
    assert proposal.author_id == author.id
    assert proposal.category_id == category.id
    assert proposal.neighbourhood_id == neighbourhood.id
    assert proposal.supports_count == 0
    assert "placa del mercat" in proposal.search_text  # folded for the search box
    (entry,) = log_entries("create_proposal", proposal)
    assert entry.actor_id == author.id
    assert entry.data["process_id"] == process.id


def test_title_of_150_characters_is_accepted_and_151_refused(process, author, make_proposal):
    assert make_proposal(process, author, title="t" * 150).title == "t" * 150
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, title="t" * 151)
    assert error.value.field == "title"


@pytest.mark.parametrize("title", ["", "   "])
def test_empty_title_is_refused(process, author, title, make_proposal):
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, title=title)
    assert error.value.field == "title"


def test_body_follows_the_process_limit(author, make_process, make_proposal):
    process = make_process(proposal_body_limit=40)
    make_proposal(process, author, body="b" * 40)
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, body="b" * 41)
    assert error.value.field == "body"
    with pytest.raises(DomainError):
        make_proposal(process, author, body="  ")


def test_category_must_belong_to_the_process(process, author, make_process, make_proposal):
    elsewhere = make_process(categories=("Mobilitat",))
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, category_id=elsewhere.categories[0].id)
    assert error.value.field == "category_id"
    assert count_proposals() == 0


def test_neighbourhood_must_belong_to_the_process(process, author, make_neighbourhood,
                                                  make_proposal):
    mine, foreign = make_neighbourhood(), make_neighbourhood()
    process.neighbourhoods.append(mine)
    assert make_proposal(process, author, neighbourhood_id=mine.id).neighbourhood_id == mine.id
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, neighbourhood_id=foreign.id)
    assert error.value.field == "neighbourhood_id"


@pytest.mark.parametrize("kind", [k for k in PhaseKind if k is not PhaseKind.PROPOSALS] + [None])
def test_create_is_refused_outside_a_proposals_phase(author, kind):
    process = process_in_phase(kind)
    with pytest.raises(DomainError):
        operations.create_proposal(process, {"title": "Fora de termini", "body": "Text."},
                                   actor=author)
    assert count_proposals() == 0


def test_create_follows_the_moment_it_is_given(author):
    process = process_in_phase(PhaseKind.DEBATE)
    past = process.phases[0].starts_at + timedelta(hours=1)
    assert operations.create_proposal(process, {"title": "Abans", "body": "Text."},
                                      actor=author, now=past).id


def test_create_is_refused_in_an_unpublished_process(author, make_process, make_proposal):
    process = make_process(published=False)
    with pytest.raises(DomainError):
        make_proposal(process, author)


def test_proposals_per_person_limit_counts_withdrawn_ones(author, other, make_process,
                                                          make_proposal):
    process = make_process(proposals_per_person=2)
    first = make_proposal(process, author)
    make_proposal(process, author)
    with pytest.raises(DomainError):
        make_proposal(process, author)

    operations.withdraw_proposal(first, actor=author)
    with pytest.raises(DomainError):  # withdrawing one does not free a place
        make_proposal(process, author)
    make_proposal(process, other)  # the limit is per person
    assert count_proposals() == 3


def test_no_proposals_limit_when_zero(process, author, make_proposal):
    assert process.proposals_per_person == 0
    for _ in range(4):
        make_proposal(process, author)
    assert count_proposals() == 4


# --- edit -------------------------------------------------------------------------------------


def test_author_edits_within_the_window_and_it_is_logged(process, author, make_proposal):
    proposal = make_proposal(process, author, title="Primer títol")
    inside = proposal.created_at + timedelta(minutes=process.proposal_edit_minutes - 1)

    operations.update_proposal(proposal, {"title": "Títol corregit", "body": "Nou text."},
                               actor=author, now=inside)

    assert proposal.title == "Títol corregit"
    assert "nou text" in proposal.search_text
    assert len(log_entries("update_proposal", proposal)) == 1


def test_edit_refused_after_the_window(process, author, make_proposal):
    proposal = make_proposal(process, author, title="Primer títol")
    after = proposal.created_at + timedelta(minutes=process.proposal_edit_minutes, seconds=1)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Massa tard", "body": "Text."},
                                   actor=author, now=after)
    assert proposal.title == "Primer títol"


def test_edit_refused_when_created_long_ago(process, author, make_proposal):
    proposal = make_proposal(process, author)
    proposal.created_at = utcnow() - timedelta(hours=1)
    db.session.flush()
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Massa tard", "body": "Text."},
                                   actor=author)


def test_edit_window_follows_the_process_setting(author, make_process, make_proposal):
    process = make_process(proposal_edit_minutes=60)
    proposal = make_proposal(process, author)
    operations.update_proposal(proposal, {"title": "Encara puc", "body": "Text."}, actor=author,
                               now=proposal.created_at + timedelta(minutes=59))
    assert proposal.title == "Encara puc"


def test_edit_refused_once_supported(process, author, make_proposal):
    proposal = make_proposal(process, author)
    make_supporters(proposal, 1)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Canvi", "body": "Text."}, actor=author)


@pytest.mark.parametrize("publish", [True, False])
def test_edit_refused_once_answered(process, author, facilitator, publish, make_proposal):
    proposal = make_proposal(process, author, title="Original")
    answer(proposal, facilitator, state="evaluating", publish=publish)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Canvi", "body": "Text."}, actor=author)
    assert proposal.title == "Original"


def test_only_the_author_edits(process, author, other, facilitator, make_proposal):
    proposal = make_proposal(process, author)
    for person in (other, facilitator):
        with pytest.raises(DomainError):
            operations.update_proposal(proposal, {"title": "No és meva", "body": "Text."},
                                       actor=person)


def test_edit_checks_the_content_again(process, author, make_proposal):
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError) as error:
        operations.update_proposal(proposal, {"title": "x" * 151, "body": "Text."}, actor=author)
    assert error.value.field == "title"


# --- withdraw ---------------------------------------------------------------------------------


def test_author_withdraws_and_it_is_kept_and_logged(process, author, make_proposal):
    proposal = make_proposal(process, author)
    operations.withdraw_proposal(proposal, actor=author)
    assert proposal.state is ProposalState.WITHDRAWN
    assert proposal.withdrawn_at is not None
    assert db.session.get(Proposal, proposal.id) is not None
    assert len(log_entries("withdraw_proposal", proposal)) == 1


def test_withdraw_at_any_time_even_with_supports(process, author, make_proposal):
    proposal = make_proposal(process, author)
    proposal.created_at = utcnow() - timedelta(days=3)
    make_supporters(proposal, 2)
    operations.withdraw_proposal(proposal, actor=author)
    assert proposal.state is ProposalState.WITHDRAWN
    assert stored_count(proposal) == 2  # frozen, not dropped


def test_only_the_author_withdraws_and_only_once(process, author, other, facilitator, council,
                                                 make_proposal):
    proposal = make_proposal(process, author)
    for person in (other, facilitator, council):
        with pytest.raises(DomainError):
            operations.withdraw_proposal(proposal, actor=person)
    assert proposal.state is ProposalState.PUBLISHED
    operations.withdraw_proposal(proposal, actor=author)
    with pytest.raises(DomainError):
        operations.withdraw_proposal(proposal, actor=author)


def test_withdrawn_proposal_freezes_supports(process, author, other, make_proposal):
    proposal = make_proposal(process, author)
    (supporter,) = make_supporters(proposal, 1)
    operations.withdraw_proposal(proposal, actor=author)

    with pytest.raises(DomainError):
        operations.unsupport_proposal(proposal, actor=supporter)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == stored_count(proposal) == 1
