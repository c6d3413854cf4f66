"""Proposal and support operations and the queries behind the index, without HTTP."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from participa.core.errors import DomainError
from participa.core.types import utcnow
from participa.extensions import db
from participa.processes.models import PhaseKind
from participa.proposals import operations, queries
from participa.proposals.models import Proposal, ProposalState, Support
from tests.support import factories
from tests.support.phases import process_in_phase
from tests.support.proposals import (
    answer,
    count_proposals,
    make_proposal,
    make_supporters,
    stored_count,
    support_rows,
)
from tests.support.records import log_entries

# --- create -------------------------------------------------------------------------------


def test_create_stores_the_proposal_and_logs_it(process, author):
    neighbourhood = factories.make_neighbourhood("Sant Pere")
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


def test_title_of_150_characters_is_accepted_and_151_refused(process, author):
    assert make_proposal(process, author, title="t" * 150).title == "t" * 150
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, title="t" * 151)
    assert error.value.field == "title"


@pytest.mark.parametrize("title", ["", "   "])
def test_empty_title_is_refused(process, author, title):
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, title=title)
    assert error.value.field == "title"


def test_body_follows_the_process_limit(author):
    process = factories.make_process(proposal_body_limit=40)
    make_proposal(process, author, body="b" * 40)
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, body="b" * 41)
    assert error.value.field == "body"
    with pytest.raises(DomainError):
        make_proposal(process, author, body="  ")


def test_category_must_belong_to_the_process(process, author):
    elsewhere = factories.make_process(categories=("Mobilitat",))
    with pytest.raises(DomainError) as error:
        make_proposal(process, author, category_id=elsewhere.categories[0].id)
    assert error.value.field == "category_id"
    assert count_proposals() == 0


def test_neighbourhood_must_belong_to_the_process(process, author):
    mine, foreign = factories.make_neighbourhood(), factories.make_neighbourhood()
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


def test_create_is_refused_in_an_unpublished_process(author):
    process = factories.make_process(published=False)
    with pytest.raises(DomainError):
        make_proposal(process, author)


def test_proposals_per_person_limit_counts_withdrawn_ones(author, other):
    process = factories.make_process(proposals_per_person=2)
    first = make_proposal(process, author)
    make_proposal(process, author)
    with pytest.raises(DomainError):
        make_proposal(process, author)

    operations.withdraw_proposal(first, actor=author)
    with pytest.raises(DomainError):  # withdrawing one does not free a place
        make_proposal(process, author)
    make_proposal(process, other)  # the limit is per person
    assert count_proposals() == 3


def test_no_proposals_limit_when_zero(process, author):
    assert process.proposals_per_person == 0
    for _ in range(4):
        make_proposal(process, author)
    assert count_proposals() == 4


# --- edit -------------------------------------------------------------------------------------


def test_author_edits_within_the_window_and_it_is_logged(process, author):
    proposal = make_proposal(process, author, title="Primer títol")
    inside = proposal.created_at + timedelta(minutes=process.proposal_edit_minutes - 1)

    operations.update_proposal(proposal, {"title": "Títol corregit", "body": "Nou text."},
                               actor=author, now=inside)

    assert proposal.title == "Títol corregit"
    assert "nou text" in proposal.search_text
    assert len(log_entries("update_proposal", proposal)) == 1


def test_edit_refused_after_the_window(process, author):
    proposal = make_proposal(process, author, title="Primer títol")
    after = proposal.created_at + timedelta(minutes=process.proposal_edit_minutes, seconds=1)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Massa tard", "body": "Text."},
                                   actor=author, now=after)
    assert proposal.title == "Primer títol"


def test_edit_refused_when_created_long_ago(process, author):
    proposal = make_proposal(process, author)
    proposal.created_at = utcnow() - timedelta(hours=1)
    db.session.flush()
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Massa tard", "body": "Text."},
                                   actor=author)


def test_edit_window_follows_the_process_setting(author):
    process = factories.make_process(proposal_edit_minutes=60)
    proposal = make_proposal(process, author)
    operations.update_proposal(proposal, {"title": "Encara puc", "body": "Text."}, actor=author,
                               now=proposal.created_at + timedelta(minutes=59))
    assert proposal.title == "Encara puc"


def test_edit_refused_once_supported(process, author):
    proposal = make_proposal(process, author)
    make_supporters(proposal, 1)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Canvi", "body": "Text."}, actor=author)


@pytest.mark.parametrize("publish", [True, False])
def test_edit_refused_once_answered(process, author, facilitator, publish):
    proposal = make_proposal(process, author, title="Original")
    answer(proposal, facilitator, state="evaluating", publish=publish)
    with pytest.raises(DomainError):
        operations.update_proposal(proposal, {"title": "Canvi", "body": "Text."}, actor=author)
    assert proposal.title == "Original"


def test_only_the_author_edits(process, author, other, facilitator):
    proposal = make_proposal(process, author)
    for person in (other, facilitator):
        with pytest.raises(DomainError):
            operations.update_proposal(proposal, {"title": "No és meva", "body": "Text."},
                                       actor=person)


def test_edit_checks_the_content_again(process, author):
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError) as error:
        operations.update_proposal(proposal, {"title": "x" * 151, "body": "Text."}, actor=author)
    assert error.value.field == "title"


# --- withdraw ---------------------------------------------------------------------------------


def test_author_withdraws_and_it_is_kept_and_logged(process, author):
    proposal = make_proposal(process, author)
    operations.withdraw_proposal(proposal, actor=author)
    assert proposal.state is ProposalState.WITHDRAWN
    assert proposal.withdrawn_at is not None
    assert db.session.get(Proposal, proposal.id) is not None
    assert len(log_entries("withdraw_proposal", proposal)) == 1


def test_withdraw_at_any_time_even_with_supports(process, author):
    proposal = make_proposal(process, author)
    proposal.created_at = utcnow() - timedelta(days=3)
    make_supporters(proposal, 2)
    operations.withdraw_proposal(proposal, actor=author)
    assert proposal.state is ProposalState.WITHDRAWN
    assert stored_count(proposal) == 2  # frozen, not dropped


def test_only_the_author_withdraws_and_only_once(process, author, other, facilitator, council):
    proposal = make_proposal(process, author)
    for person in (other, facilitator, council):
        with pytest.raises(DomainError):
            operations.withdraw_proposal(proposal, actor=person)
    assert proposal.state is ProposalState.PUBLISHED
    operations.withdraw_proposal(proposal, actor=author)
    with pytest.raises(DomainError):
        operations.withdraw_proposal(proposal, actor=author)


def test_withdrawn_proposal_freezes_supports(process, author, other):
    proposal = make_proposal(process, author)
    (supporter,) = make_supporters(proposal, 1)
    operations.withdraw_proposal(proposal, actor=author)

    with pytest.raises(DomainError):
        operations.unsupport_proposal(proposal, actor=supporter)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == stored_count(proposal) == 1


# --- support and unsupport --------------------------------------------------------------------


def test_support_adds_one_row_and_one_to_the_counter(process, author, other):
    proposal = make_proposal(process, author)
    support = operations.support_proposal(proposal, actor=other)
    assert (support.user_id, support.proposal_id, support.process_id) == (
        other.id, proposal.id, process.id)
    assert proposal.supports_count == 1  # refreshed from the database
    assert support_rows(proposal) == 1


def test_second_support_by_the_same_person_is_refused(process, author, other):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == stored_count(proposal) == 1


def test_database_refuses_a_second_support_row(process, author, other):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    with pytest.raises(sa.exc.IntegrityError), db.session.begin_nested():
        db.session.add(Support(proposal_id=proposal.id, user_id=other.id,
                               process_id=process.id))
    assert support_rows(proposal) == 1


def test_supports_per_person_limit(author, other):
    process = factories.make_process(supports_per_person=2)
    first, second, third = (make_proposal(process, author) for _ in range(3))
    operations.support_proposal(first, actor=other)
    operations.support_proposal(second, actor=other)
    with pytest.raises(DomainError):
        operations.support_proposal(third, actor=other)

    operations.unsupport_proposal(first, actor=other)  # withdrawing frees a support
    operations.support_proposal(third, actor=other)
    assert queries.supports_used(process, other) == 2


def test_support_limit_is_per_process(author, other):
    one = factories.make_process(supports_per_person=1)
    two = factories.make_process(supports_per_person=1)
    operations.support_proposal(make_proposal(one, author), actor=other)
    operations.support_proposal(make_proposal(two, author), actor=other)
    assert queries.supports_used(one, other) == queries.supports_used(two, other) == 1


def test_support_refused_when_supports_are_disabled(author, other):
    process = factories.make_process(supports_enabled=False)
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == 0


@pytest.mark.parametrize("kind", [PhaseKind.INFORMATION, PhaseKind.VOTING,
                                  PhaseKind.IMPLEMENTATION, PhaseKind.EVALUATION, None])
def test_support_refused_when_the_phase_does_not_allow_it(author, other, kind):
    process = process_in_phase(kind)
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError):
        operations.support_proposal(proposal, actor=other)
    assert support_rows(proposal) == 0


def test_support_allowed_in_the_debate_phase(author, other):
    proposal = make_proposal(process_in_phase(PhaseKind.DEBATE), author)
    operations.support_proposal(proposal, actor=other)
    assert stored_count(proposal) == 1


def test_unsupport_removes_the_row_and_one_from_the_counter(process, author, other):
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    operations.unsupport_proposal(proposal, actor=other)
    assert support_rows(proposal) == stored_count(proposal) == 0


def test_unsupport_without_a_support_is_refused(process, author, other):
    proposal = make_proposal(process, author)
    make_supporters(proposal, 1)
    with pytest.raises(DomainError):
        operations.unsupport_proposal(proposal, actor=other)
    assert stored_count(proposal) == 1


def test_unsupport_refused_when_the_phase_closes(author, other):
    process = factories.make_process()
    proposal = make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    after = process.phases[0].ends_at + timedelta(minutes=1)
    with pytest.raises(DomainError):
        operations.unsupport_proposal(proposal, actor=other, now=after)
    with pytest.raises(DomainError):
        operations.support_proposal(make_proposal(process, author), actor=other, now=after)
    assert stored_count(proposal) == 1


def test_counter_always_equals_the_support_rows(author):
    process = factories.make_process(supports_per_person=2)
    proposals = [make_proposal(process, author) for _ in range(3)]
    people = [factories.make_user() for _ in range(4)]
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


def test_threshold_is_reached_with_enough_supports(author):
    process = factories.make_process(support_threshold=2)
    proposal = make_proposal(process, author)
    make_supporters(proposal, 1)
    assert not proposal.reached_threshold
    make_supporters(proposal, 1)
    assert proposal.reached_threshold


# --- answer -----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["evaluating", "accepted", "rejected"])
def test_published_answer_sets_the_state(process, author, facilitator, state):
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


def test_unpublished_answer_keeps_the_public_state(process, author, council):
    proposal = make_proposal(process, author)
    answer(proposal, council, state="rejected", publish=False)

    assert proposal.state is ProposalState.PUBLISHED
    assert proposal.answer_state is ProposalState.REJECTED
    assert proposal.answered_at is not None
    assert proposal.answer_published_at is None
    assert log_entries("answer_proposal", proposal)[0].data["published"] is False


def test_saved_answer_is_published_later(process, author, facilitator):
    proposal = make_proposal(process, author)
    answer(proposal, facilitator, state="accepted", text="Esborrany", publish=False)
    answer(proposal, facilitator, state="accepted", text="Definitiva", publish=True)
    assert proposal.state is ProposalState.ACCEPTED
    assert proposal.answer == "Definitiva"
    assert proposal.answer_published_at is not None
    assert len(log_entries("answer_proposal", proposal)) == 2


def test_draft_of_a_published_answer_is_not_public(process, author, facilitator):
    """Saving a published answer again without publishing it takes it out of public view:
    there is one answer, so a draft must never show as the published text."""
    proposal = make_proposal(process, author)
    answer(proposal, facilitator, state="accepted", text="Acceptada", publish=True)
    answer(proposal, facilitator, state="rejected", text="Potser no", publish=False)
    assert not proposal.is_answer_published
    assert proposal.state is ProposalState.PUBLISHED


@pytest.mark.parametrize("state", ["published", "withdrawn"])
def test_answer_state_must_be_an_answer(process, author, facilitator, state):
    proposal = make_proposal(process, author)
    with pytest.raises(DomainError):
        answer(proposal, facilitator, state=state)
    assert proposal.state is ProposalState.PUBLISHED


def test_only_managers_answer(process, author, other):
    proposal = make_proposal(process, author)
    other_facilitator = factories.make_user("facilitator", process=factories.make_process())
    for person in (author, other, other_facilitator):
        with pytest.raises(DomainError):
            answer(proposal, person)
    assert proposal.answered_at is None
    assert log_entries("answer_proposal") == []


def test_withdrawn_proposal_cannot_be_answered(process, author, council):
    proposal = make_proposal(process, author)
    operations.withdraw_proposal(proposal, actor=author)
    with pytest.raises(DomainError):
        answer(proposal, council)


# --- similar proposals ------------------------------------------------------------------------


def test_similar_finds_shared_title_words_without_accents(process, author):
    match = make_proposal(process, author, title="Més ombra a la Plaça Major",
                          body="Arbres i pèrgoles.")
    make_proposal(process, author, title="Carril bici al passeig", body="Mobilitat.")

    found = queries.similar_proposals(process, "placa major sense ombra")
    assert found == [match]


def test_similar_matches_body_words(process, author):
    match = make_proposal(process, author, title="Un espai per al jovent",
                          body="Volem un casal amb biblioteca oberta.")
    assert queries.similar_proposals(process, "Ampliar horaris", "la biblioteca") == [match]


def test_similar_returns_at_most_five_and_excludes_withdrawn(process, author):
    made = [make_proposal(process, author, title=f"Fonts d'aigua {i}") for i in range(7)]
    operations.withdraw_proposal(made[0], actor=author)
    found = queries.similar_proposals(process, "Més fonts d'aigua")
    assert len(found) == 5
    assert made[0] not in found


def test_similar_stays_in_the_process_and_ignores_short_words(process, author):
    elsewhere = factories.make_process()
    make_proposal(elsewhere, author, title="Bancs al parc")
    make_proposal(process, author, title="Un pla per al barri")
    assert queries.similar_proposals(process, "Bancs al parc") == []
    assert queries.similar_proposals(process, "un pla al") == []  # words under 4 letters


def test_similar_ranks_title_matches_first(process, author):
    in_body = make_proposal(process, author, title="Neteja de carrers",
                            body="També calen papereres noves.")
    in_title = make_proposal(process, author, title="Papereres noves", body="Al parc.")
    assert queries.similar_proposals(process, "papereres noves") == [in_title, in_body]


# --- list_proposals ---------------------------------------------------------------------------


def _titles(page):
    return [p.title for p in page.items]


def test_search_over_title_and_body_all_words_without_accents(process, author):
    make_proposal(process, author, title="Plaça més verda", body="Arbres i gespa.")
    make_proposal(process, author, title="Arbres al carrer", body="Al carrer Major.")
    make_proposal(process, author, title="Bancs", body="A la plaça del Mercat.")

    assert _titles(queries.list_proposals(process, q="placa")) == ["Bancs", "Plaça més verda"]
    assert _titles(queries.list_proposals(process, q="PLAÇA arbres")) == ["Plaça més verda"]
    assert _titles(queries.list_proposals(process, q="arbres")) == [
        "Arbres al carrer", "Plaça més verda"]
    assert _titles(queries.list_proposals(process, q="mercat major")) == []


def test_search_treats_like_wildcards_as_text(process, author):
    make_proposal(process, author, title="Descompte del 50% al bus")
    make_proposal(process, author, title="Res a veure")
    assert _titles(queries.list_proposals(process, q="50%")) == ["Descompte del 50% al bus"]
    assert _titles(queries.list_proposals(process, q="r_s")) == []  # "_" is not a wildcard
    assert len(queries.list_proposals(process, q="%").items) == 2  # no words: no filter


def test_filters_by_state_category_neighbourhood_author_and_supporter(process, author, other,
                                                                      council):
    barri = factories.make_neighbourhood()
    process.neighbourhoods.append(barri)
    culture = process.categories[1]
    a = make_proposal(process, author, title="A", category_id=culture.id)
    b = make_proposal(process, author, title="B", neighbourhood_id=barri.id)
    c = make_proposal(process, other, title="C")
    answer(a, council, state="accepted")
    operations.support_proposal(c, actor=author)
    operations.support_proposal(b, actor=other)

    def titles(**kw):
        return _titles(queries.list_proposals(process, **kw))

    assert titles(state=ProposalState.ACCEPTED) == ["A"]
    assert titles(state=ProposalState.PUBLISHED) == ["C", "B"]
    assert titles(category_id=culture.id) == ["A"]
    assert titles(neighbourhood_id=barri.id) == ["B"]
    assert titles(author_id=author.id) == ["B", "A"]
    assert titles(supporter_id=author.id) == ["C"]
    assert titles(supporter_id=other.id, author_id=author.id) == ["B"]


def test_withdrawn_hidden_unless_asked_for(process, author):
    kept = make_proposal(process, author, title="Es queda")
    gone = make_proposal(process, author, title="Retirada")
    operations.withdraw_proposal(gone, actor=author)
    assert _titles(queries.list_proposals(process)) == [kept.title]
    assert _titles(queries.list_proposals(process, q="retirada")) == []
    assert _titles(queries.list_proposals(process, state=ProposalState.WITHDRAWN)) == [
        gone.title]


def test_deleted_and_other_processes_are_never_listed(process, author):
    make_proposal(factories.make_process(), author, title="D'un altre procés")
    deleted = make_proposal(process, author, title="Esborrada")
    deleted.deleted_at = utcnow()
    db.session.flush()
    assert _titles(queries.list_proposals(process)) == []


def test_sorts_recent_supports_and_comments(process, author):
    old = make_proposal(process, author, title="Antiga")
    popular = make_proposal(process, author, title="Popular")
    new = make_proposal(process, author, title="Nova")
    make_supporters(popular, 3)
    make_supporters(old, 1)
    old.comments_count = 5
    new.comments_count = 2
    db.session.flush()

    assert _titles(queries.list_proposals(process)) == ["Nova", "Popular", "Antiga"]
    assert _titles(queries.list_proposals(process, sort="supports")) == [
        "Popular", "Antiga", "Nova"]
    assert _titles(queries.list_proposals(process, sort="comments")) == [
        "Antiga", "Nova", "Popular"]


def test_random_sort_is_stable_per_seed_and_differs_between_seeds(process, author):
    for i in range(12):
        make_proposal(process, author, title=f"P{i:02d}")

    def order(seed):
        return _titles(queries.list_proposals(process, sort="random", seed=seed))

    assert order(7) == order(7)
    assert sorted(order(7)) == sorted(order(8))
    assert len({tuple(order(seed)) for seed in (1, 2, 3, 7, 8, 1234, 2**31 - 1)}) >= 5
    recent = _titles(queries.list_proposals(process))
    oldest_first = list(reversed(recent))
    assert all(order(seed) not in (recent, oldest_first) for seed in (1, 2, 3))


def test_random_sort_pages_do_not_overlap(process, author):
    for i in range(7):
        make_proposal(process, author, title=f"P{i}")
    seen = []
    for page in (1, 2, 3):
        seen += _titles(queries.list_proposals(process, sort="random", seed=99, page=page,
                                               per_page=3))
    assert sorted(seen) == sorted(f"P{i}" for i in range(7))


def test_pagination_has_next_and_prev(process, author):
    for i in range(5):
        make_proposal(process, author, title=f"P{i}")

    first = queries.list_proposals(process, per_page=2)
    middle = queries.list_proposals(process, per_page=2, page=2)
    last = queries.list_proposals(process, per_page=2, page=3)
    beyond = queries.list_proposals(process, per_page=2, page=4)

    assert (_titles(first), first.has_prev, first.has_next) == (["P4", "P3"], False, True)
    assert (_titles(middle), middle.has_prev, middle.has_next) == (["P2", "P1"], True, True)
    assert (_titles(last), last.has_prev, last.has_next) == (["P0"], True, False)
    assert (beyond.items, beyond.has_next) == ([], False)


def test_exact_page_size_has_no_next_page(process, author):
    for _ in range(2):
        make_proposal(process, author)
    assert not queries.list_proposals(process, per_page=2).has_next


def test_count_authored_and_supports_used(process, author, other):
    proposal = make_proposal(process, author)
    make_proposal(process, author)
    operations.support_proposal(proposal, actor=other)
    assert queries.count_authored(process, author) == 2
    assert queries.count_authored(process, other) == 0
    assert queries.supports_used(process, other) == 1
    assert queries.has_supported(proposal, other)
    assert not queries.has_supported(proposal, author)
    assert queries.supported_ids(other, [proposal.id]) == {proposal.id}
    assert queries.supported_ids(other, []) == set()
