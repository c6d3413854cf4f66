"""Debate operations and queries without HTTP: open, edit, close with a conclusion, the list."""

import pytest

from participa.core.errors import DomainError
from participa.debates import operations, queries
from participa.debates.models import DebateStatus
from participa.debates.operations import BODY_LIMIT
from participa.processes.models import PhaseKind
from participa.processes.phases import Action
from tests.support.comments import veteran
from tests.support.phases import moment_allowing, process_in_phase
from tests.support.records import log_entries


def test_create_stores_an_open_debate_and_logs_it(process, facilitator):
    category = process.categories[1]
    debate = operations.create_debate(
        process, {"title": "  Què fem amb la plaça? ", "body": " Parlem-ne. ",
                  "category_id": category.id}, actor=facilitator)

    assert debate.id is not None
    assert debate.title == "Què fem amb la plaça?" and debate.body == "Parlem-ne."
    assert debate.status is DebateStatus.OPEN and debate.is_open
    assert debate.author_id == facilitator.id
    assert debate.category_id == category.id
    assert debate.comments_count == 0
    assert debate.conclusion == "" and debate.closed_at is None
    (entry,) = log_entries("create_debate", debate)
    assert entry.actor_id == facilitator.id
    assert entry.data["process_id"] == process.id


@pytest.mark.parametrize("residents_open", [True, False])
def test_residents_open_debates_only_when_the_process_lets_them(
        residents_open, make_user, make_process, make_debate):
    process = make_process(residents_open_debates=residents_open)
    resident = make_user()
    if residents_open:
        assert make_debate(process, resident).author_id == resident.id
    else:
        with pytest.raises(DomainError):
            make_debate(process, resident)
        assert queries.list_debates(process).items == []


def test_no_debates_in_a_phase_that_does_not_take_them(council, make_debate):
    process = process_in_phase(PhaseKind.VOTING)
    with pytest.raises(DomainError):
        operations.create_debate(process, {"title": "Tard", "body": "Massa tard."},
                                 actor=council)
    # the phase is read at the moment given
    debate = make_debate(process, council, now=moment_allowing(process, Action.DEBATE))
    assert debate.is_open


@pytest.mark.parametrize("data, field", [
    ({"title": "", "body": "Text."}, "title"),
    ({"title": "t" * 151, "body": "Text."}, "title"),
    ({"title": "Títol", "body": "   "}, "body"),
    ({"title": "Títol", "body": "b" * (BODY_LIMIT + 1)}, "body"),
])
def test_create_refuses_bad_content(process, facilitator, data, field):
    with pytest.raises(DomainError) as error:
        operations.create_debate(process, data, actor=facilitator)
    assert error.value.field == field
    assert log_entries("create_debate") == []


def test_lengths_at_the_limit_are_accepted(process, facilitator, make_debate):
    debate = make_debate(process, facilitator, title="t" * 150, body="b" * BODY_LIMIT)
    assert len(debate.title) == 150 and len(debate.body) == BODY_LIMIT


def test_a_category_of_another_process_is_refused(process, facilitator, make_process, make_debate):
    other = make_process(categories=("Alien",))
    with pytest.raises(DomainError) as error:
        make_debate(process, facilitator, category_id=other.categories[0].id)
    assert error.value.field == "category_id"


def test_update_changes_the_text_and_logs_it(process, facilitator, make_debate):
    debate = make_debate(process, facilitator)
    operations.update_debate(debate, {"title": "Nou títol", "body": "Nou text.",
                                      "category_id": process.categories[0].id},
                             actor=facilitator)
    assert (debate.title, debate.body) == ("Nou títol", "Nou text.")
    assert debate.category_id == process.categories[0].id
    assert len(log_entries("update_debate", debate)) == 1


def test_the_author_edits_until_the_first_comment(process, make_debate, make_comment):
    process.residents_open_debates = True
    author = veteran()
    debate = make_debate(process, author)
    operations.update_debate(debate, {"title": "Millor títol", "body": "Text."}, actor=author)
    make_comment(debate, veteran())
    with pytest.raises(DomainError):
        operations.update_debate(debate, {"title": "Un altre", "body": "Text."}, actor=author)
    assert debate.title == "Millor títol"
    with pytest.raises(DomainError):
        operations.update_debate(debate, {"title": "Un altre", "body": "Text."},
                                 actor=veteran())


def test_close_with_a_conclusion_then_rewrite_it(process, facilitator, council, make_debate,
                                                 make_comment):
    debate = make_debate(process, facilitator)
    make_comment(debate, veteran())

    operations.close_debate(debate, "  Farem una **consulta**. ", actor=facilitator)

    assert debate.status is DebateStatus.CLOSED and not debate.is_open
    assert debate.conclusion == "Farem una **consulta**."
    assert debate.closed_at is not None and debate.closed_by_id == facilitator.id
    closed_at = debate.closed_at
    (entry,) = log_entries("close_debate", debate)
    assert entry.actor_id == facilitator.id

    operations.close_debate(debate, "Farem dues consultes.", actor=council)
    assert debate.conclusion == "Farem dues consultes."
    assert debate.closed_at == closed_at  # closed once; the conclusion was rewritten
    assert debate.closed_by_id == council.id
    assert len(log_entries("close_debate", debate)) == 2
    with pytest.raises(DomainError):
        make_comment(debate, veteran())
    with pytest.raises(DomainError):
        operations.update_debate(debate, {"title": "Reobrim", "body": "?"}, actor=council)


def test_only_managers_close_and_a_conclusion_is_needed(process, facilitator, make_user,
                                                        make_process, make_debate):
    process.residents_open_debates = True
    author = veteran()
    debate = make_debate(process, author)
    for actor in (author, make_user("facilitator",
                                              process=make_process())):
        with pytest.raises(DomainError):
            operations.close_debate(debate, "Tanquem.", actor=actor)
    for conclusion in ("", "  ", "c" * (BODY_LIMIT + 1)):
        with pytest.raises(DomainError) as error:
            operations.close_debate(debate, conclusion, actor=facilitator)
        assert error.value.field == "conclusion"
    assert debate.is_open
    assert log_entries("close_debate") == []


# --- queries ----------------------------------------------------------------------------------


def test_list_filters_by_state_and_sorts_by_recency_or_comments(
        process, facilitator, make_process, make_debate, make_comment):
    quiet, busy, closed = (make_debate(process, facilitator, title=t)
                           for t in ("Quiet", "Busy", "Closed"))
    for _ in range(2):
        make_comment(busy, veteran())
    make_comment(closed, veteran())
    operations.close_debate(closed, "Fet.", actor=facilitator)
    hidden = make_debate(process, facilitator, title="Hidden")
    hidden.hidden_at = hidden.created_at
    make_debate(make_process(), title="Elsewhere")

    def titles(**kwargs):
        return [d.title for d in queries.list_debates(process, **kwargs).items]

    assert titles() == ["Closed", "Busy", "Quiet"]
    assert titles(sort="comments") == ["Busy", "Closed", "Quiet"]
    assert titles(status=DebateStatus.OPEN) == ["Busy", "Quiet"]
    assert titles(status=DebateStatus.CLOSED) == ["Closed"]
    assert queries.count_open(process) == 2
    assert queries.get_debate(process, quiet.id) == quiet
    assert queries.get_debate(make_process(), quiet.id) is None


def test_list_pages(process, facilitator, make_debate):
    debates = [make_debate(process, facilitator, title=f"D{i}") for i in range(5)]
    first = queries.list_debates(process, per_page=2)
    assert [d.id for d in first.items] == [debates[4].id, debates[3].id]
    assert first.has_next and not first.has_prev
    last = queries.list_debates(process, page=3, per_page=2)
    assert [d.id for d in last.items] == [debates[0].id]
    assert not last.has_next and last.has_prev
