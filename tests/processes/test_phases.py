"""What the active phase allows, and who may take part, manage and see a process.

The grid is role × phase kind × action; the table below is the specification, written out here
rather than read from the code it checks."""

from datetime import UTC, datetime, timedelta

import pytest
from flask_login import AnonymousUserMixin

from participa.accounts.models import User
from participa.processes.models import Phase, PhaseKind, Process, ProcessRole
from participa.processes.permissions import can_manage_process, can_view_process
from participa.processes.phases import (
    ALLOWED,
    Action,
    ProcessStatus,
    active_phase,
    phase_allows,
    process_status,
)
from tests.support import factories

K, A = PhaseKind, Action
EXPECTED = {
    K.INFORMATION: {A.COMMENT, A.REGISTER, A.DEBATE},
    K.PROPOSALS: {A.PROPOSE, A.SUPPORT, A.COMMENT, A.REGISTER, A.DEBATE},
    K.DEBATE: {A.SUPPORT, A.COMMENT, A.REGISTER, A.DEBATE},
    K.VOTING: {A.VOTE, A.REGISTER},
    K.IMPLEMENTATION: {A.COMMENT, A.REGISTER},
    K.EVALUATION: {A.COMMENT, A.REGISTER},
}
ROLES = ("visitor", "resident", "facilitator", "other_facilitator", "council")
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
PROCESS_ID, OTHER_PROCESS_ID = 101, 202


def at(days: float) -> datetime:
    return NOW + timedelta(days=days)


def make_process(*phases, published=True, id=PROCESS_ID) -> Process:
    """A process that is not in the database: phases are (kind, start, end) in days from NOW."""
    process = Process(id=id, title="Procés", slug=f"proces-{id}", is_published=published)
    process.phases = [
        Phase(kind=kind, position=i, starts_at=at(start), ends_at=at(end))
        for i, (kind, start, end) in enumerate(phases)
    ]
    return process


def make_person(role: str):
    """A person of ``role`` (not in the database; pure predicates need no rows)."""
    if role == "visitor":
        return AnonymousUserMixin()
    user = User(id=7, name="Persona", email="p@example.org", is_council=(role == "council"))
    if role == "facilitator":
        user.process_roles = [ProcessRole(process_id=PROCESS_ID, user_id=7)]
    elif role == "other_facilitator":
        user.process_roles = [ProcessRole(process_id=OTHER_PROCESS_ID, user_id=7)]
    else:
        user.process_roles = []
    return user


def test_the_table_covers_every_phase_kind():
    assert set(ALLOWED) == set(PhaseKind)
    assert {kind: set(actions) for kind, actions in ALLOWED.items()} == EXPECTED


def test_every_phase_lets_people_register_for_meetings_and_only_voting_lets_them_vote():
    assert all(A.REGISTER in actions for actions in EXPECTED.values())
    assert [kind for kind, actions in EXPECTED.items() if A.VOTE in actions] == [K.VOTING]
    assert [kind for kind, actions in EXPECTED.items() if A.PROPOSE in actions] == [K.PROPOSALS]


# --- the grid ---------------------------------------------------------------------------------


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
@pytest.mark.parametrize("kind", list(PhaseKind), ids=lambda k: k.value)
@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(role, kind, action):
    process = make_process((kind, -1, 1))
    person = make_person(role)
    allowed = action in EXPECTED[kind]

    assert phase_allows(process, action, NOW) is allowed
    # managing: the council and this process's facilitators, in every phase
    assert can_manage_process(person, process) is (role in ("facilitator", "council"))
    assert can_view_process(person, process) is True


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
@pytest.mark.parametrize("kind", list(PhaseKind), ids=lambda k: k.value)
@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_process_allows_nothing(role, kind, action):
    process = make_process((kind, -1, 1), published=False)
    person = make_person(role)
    assert phase_allows(process, action, NOW) is False
    # only the people who prepare it see it
    assert can_view_process(person, process) is (role in ("facilitator", "council"))
    assert can_manage_process(person, process) is (role in ("facilitator", "council"))


@pytest.mark.parametrize("role", ROLES)
def test_none_as_the_user_is_a_visitor(role):
    process = make_process((K.PROPOSALS, -1, 1))
    assert can_manage_process(None, process) is False
    assert can_view_process(None, process) is True
    assert can_view_process(None, make_process((K.PROPOSALS, -1, 1), published=False)) is False


# --- which phase is active --------------------------------------------------------------------


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_nothing_is_allowed_without_an_active_phase(action):
    no_phases = make_process()
    before = make_process((K.PROPOSALS, 1, 5))
    after = make_process((K.PROPOSALS, -5, -1))
    between = make_process((K.PROPOSALS, -5, -1), (K.VOTING, 1, 5))
    for process in (no_phases, before, after, between):
        assert active_phase(process, NOW) is None
        assert phase_allows(process, action, NOW) is False


def test_a_phase_starts_at_its_start_and_ends_before_its_end():
    process = make_process((K.PROPOSALS, -1, 1))
    start, end = process.phases[0].starts_at, process.phases[0].ends_at
    assert phase_allows(process, A.PROPOSE, start) is True
    assert phase_allows(process, A.PROPOSE, start - timedelta(microseconds=1)) is False
    assert phase_allows(process, A.PROPOSE, end - timedelta(microseconds=1)) is True
    assert phase_allows(process, A.PROPOSE, end) is False


def test_the_phases_follow_one_another():
    process = make_process((K.INFORMATION, -10, 0), (K.PROPOSALS, 0, 10), (K.VOTING, 10, 20))
    assert active_phase(process, at(-5)).kind is K.INFORMATION
    assert active_phase(process, at(0)).kind is K.PROPOSALS
    assert active_phase(process, at(15)).kind is K.VOTING
    assert phase_allows(process, A.PROPOSE, at(-5)) is False
    assert phase_allows(process, A.PROPOSE, at(5)) is True
    assert phase_allows(process, A.VOTE, at(5)) is False
    assert phase_allows(process, A.VOTE, at(15)) is True


def test_overlapping_phases_the_later_in_order_wins():
    process = make_process((K.PROPOSALS, -10, 10), (K.DEBATE, -1, 1))
    assert active_phase(process, NOW).kind is K.DEBATE
    assert phase_allows(process, A.PROPOSE, NOW) is False
    assert phase_allows(process, A.SUPPORT, NOW) is True
    assert active_phase(process, at(5)).kind is K.PROPOSALS


def test_the_order_is_the_position_not_the_list():
    process = make_process((K.DEBATE, -1, 1), (K.PROPOSALS, -1, 1))
    process.phases[0].position, process.phases[1].position = 5, 1
    assert active_phase(process, NOW).kind is K.DEBATE


def test_now_defaults_to_the_current_time():
    current = factories.make_process(phases=((K.PROPOSALS, -1, 1),))
    over = factories.make_process(phases=((K.PROPOSALS, -3, -1),))
    assert phase_allows(current, A.PROPOSE) is True
    assert phase_allows(over, A.PROPOSE) is False


@pytest.mark.parametrize(
    "phases, status",
    [
        ((), ProcessStatus.UPCOMING),
        (((K.PROPOSALS, 1, 5),), ProcessStatus.UPCOMING),
        (((K.PROPOSALS, -1, 5),), ProcessStatus.ACTIVE),
        (((K.PROPOSALS, -5, -1),), ProcessStatus.FINISHED),
        (((K.PROPOSALS, -5, -1), (K.VOTING, 1, 5)), ProcessStatus.UPCOMING),
    ],
)
def test_process_status(phases, status):
    assert process_status(make_process(*phases), NOW) is status


# --- with rows in the database ----------------------------------------------------------------


def test_the_grid_holds_for_saved_people_and_processes(process, resident, facilitator, council):
    other = factories.make_process(published=False)
    other_facilitator = factories.make_user("facilitator", process=other)
    assert phase_allows(process, A.PROPOSE) is True
    assert phase_allows(process, A.VOTE) is False
    assert can_manage_process(facilitator, process) is True
    assert can_manage_process(other_facilitator, process) is False
    assert can_manage_process(council, process) is True
    assert can_manage_process(resident, process) is False
    assert can_view_process(other_facilitator, other) is True
    assert can_view_process(facilitator, other) is False
    assert can_view_process(resident, other) is False
    assert can_view_process(council, other) is True
