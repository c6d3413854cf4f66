"""Who may do what with a poll, as a grid: role × phase × poll state (and live results)."""

import pytest

from participa.polls import operations
from participa.polls.models import PollState
from participa.polls.permissions import (
    can_close_poll,
    can_download_ballots,
    can_edit_poll,
    can_manage_polls,
    can_open_poll,
    can_see_results,
    can_set_live_results,
    can_view_poll,
    can_vote,
)
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.polls import make_poll

ROLES = ("visitor", "resident", "other_facilitator", "facilitator", "council")
PHASES = (PhaseKind.VOTING, PhaseKind.PROPOSALS, None)
STATES = (PollState.DRAFT, PollState.OPEN, PollState.CLOSED)
MANAGERS = {"facilitator", "council"}


def poll_in(phase, state, *, live=False):
    council = factories.make_user("council")
    poll = make_poll(factories.make_process(phases=factories.phases_now(phase)), actor=council,
                     open=False)
    if live:
        operations.set_live_results(poll, True, actor=council)
    if state is not PollState.DRAFT:
        operations.open_poll(poll, actor=council)
    if state is PollState.CLOSED:
        operations.close_poll(poll, actor=council)
    return poll


GRID = [(role, phase, state) for role in ROLES for phase in PHASES for state in STATES]


def _id(case):
    role, phase, state = case
    return f"{role}-{phase.value if phase else 'nophase'}-{state.value}"


@pytest.mark.parametrize("case", GRID, ids=[_id(c) for c in GRID])
def test_the_grid(case):
    role, phase, state = case
    poll = poll_in(phase, state)
    user = factories.in_role(role, poll.process)
    manager = role in MANAGERS
    assert can_manage_polls(user, poll.process) is manager
    assert can_view_poll(user, poll) is (state is not PollState.DRAFT or manager)
    assert can_edit_poll(user, poll) is (manager and state is not PollState.CLOSED)
    assert can_open_poll(user, poll) is (manager and state is PollState.DRAFT)
    assert can_close_poll(user, poll) is (role == "council" and state is PollState.OPEN)
    assert can_set_live_results(user, poll) is (role == "council"
                                                and state is not PollState.CLOSED)
    assert can_see_results(user, poll) is (state is PollState.CLOSED)
    assert can_download_ballots(user, poll) is (state is PollState.CLOSED)
    assert can_vote(user, poll, None) is (role != "visitor" and state is PollState.OPEN
                                          and phase is PhaseKind.VOTING)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_live_results_show_while_open_to_everyone_alike(role, state):
    poll = poll_in(PhaseKind.VOTING, state, live=True)
    user = factories.in_role(role, poll.process)
    visible = state is not PollState.DRAFT or role in MANAGERS
    assert can_see_results(user, poll) is (visible and state is not PollState.DRAFT)


def test_an_unpublished_process_hides_its_polls(council, resident):
    poll = make_poll(factories.make_process(phases=((PhaseKind.VOTING, -5, 5),),
                                            published=False), actor=council)
    assert not can_view_poll(resident, poll)
    assert can_view_poll(council, poll)
    assert not can_vote(council, poll, None)  # an unpublished process takes no votes
