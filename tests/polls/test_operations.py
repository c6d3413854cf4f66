"""Poll operations without HTTP: creating and editing (the rules freeze with the first ballot),
casting and changing ballots, the limits, eligibility, closing, and the ActionLog."""

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from participa.core.errors import DomainError
from participa.core.models import ActionLog
from participa.extensions import db
from participa.polls import operations
from participa.polls.models import Poll, PollBallot, PollKind, PollState, PollVoter
from participa.processes.models import PhaseKind
from tests.support import factories
from tests.support.polls import SECRET, make_poll, verify, vote, voting_process


def count(model, *where):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def ballots(poll):
    return list(db.session.scalars(sa.select(PollBallot).where(PollBallot.poll_id == poll.id)))


def refused(match, call, *args, **kwargs):
    """The call is refused with a DomainError whose message contains ``match``; returns it."""
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    with force_locale("en"):
        assert match in str(caught.value.message)
    return caught.value


# -- creating and editing ----------------------------------------------------------------------


def test_a_poll_starts_as_a_draft_and_opens(council):
    poll = make_poll(open=False, actor=council)
    assert poll.state == PollState.DRAFT and poll.voters_count == 0
    operations.open_poll(poll, actor=council)
    assert poll.state == PollState.OPEN and poll.opened_at is not None
    refused("Only a draft", operations.open_poll, poll, actor=council)


def test_options_are_kept_in_order_and_checked(council):
    poll = make_poll(kind="ranked", options="Primera\n\n  Segona \nTercera", open=False)
    assert [(o.position, o.title) for o in poll.options] == [
        (1, "Primera"), (2, "Segona"), (3, "Tercera")]
    process = poll.process
    refused("between 2", operations.create_poll, process,
            {"title": "Q", "kind": "ranked", "options": "Una sola"}, actor=council)
    refused("different", operations.create_poll, process,
            {"title": "Q", "kind": "ranked", "options": "A\na"}, actor=council)
    refused("how many", operations.create_poll, process,
            {"title": "Q", "kind": "approval", "options": "A\nB", "max_choices": 3},
            actor=council)
    refused("question", operations.create_poll, process, {"title": " ", "kind": "yes_no"},
            actor=council)
    refused("kinds", operations.create_poll, process, {"title": "Q", "kind": "lottery"},
            actor=council)


def test_a_yes_no_poll_has_no_options_nor_limit(council):
    poll = make_poll(options="A\nB", max_choices=2)
    assert poll.options == [] and poll.max_choices is None and poll.kind == PollKind.YES_NO


def test_residents_cannot_create_polls(resident):
    refused("facilitators", operations.create_poll, voting_process(),
            {"title": "Q", "kind": "yes_no"}, actor=resident)


def test_a_facilitator_creates_polls_in_their_process(make_user):
    process = voting_process()
    facilitator = make_user("facilitator", process=process)
    poll = make_poll(process, actor=facilitator)
    assert poll.created_by_id == facilitator.id


def test_rules_change_freely_before_the_first_ballot(council):
    poll = make_poll(kind="approval", actor=council)
    operations.update_poll(poll, {"title": "Quins espais?", "kind": "approval",
                                  "options": "X\nY\nZ\nW", "max_choices": 3}, actor=council)
    assert [o.title for o in poll.options] == ["X", "Y", "Z", "W"] and poll.max_choices == 3
    entry = db.session.scalars(sa.select(ActionLog).where(ActionLog.verb == "update_poll")).one()
    assert entry.data["rules_changed"] is True


def test_the_rules_freeze_with_the_first_ballot(council, resident, make_neighbourhood):
    poll = make_poll(kind="approval", actor=council)
    vote(poll, resident, [poll.options[0]])
    assert poll.is_frozen
    same = {"title": poll.title, "kind": "approval", "options": [o.title for o in poll.options],
            "max_choices": 2}
    for change in ({"max_choices": 3}, {"options": ["Un altre", "I un altre"]},
                   {"kind": "ranked"}, {"census_required": True},
                   {"census_required": True, "neighbourhood_ids": [make_neighbourhood().id]},
                   {"minimum_age": 16}):
        refused("can no longer change", operations.update_poll, poll, {**same, **change},
                actor=council)
    db.session.refresh(poll)
    assert poll.max_choices == 2 and len(poll.options) == 3 and not poll.census_required
    # the question and its text can still be corrected
    operations.update_poll(poll, {**same, "title": "Quins espais volem millorar?",
                                  "description": "Corregit."}, actor=council)
    assert poll.title == "Quins espais volem millorar?"


def test_a_closed_poll_cannot_be_edited(council, resident):
    poll = make_poll(actor=council)
    operations.close_poll(poll, actor=council)
    refused("closed poll", operations.update_poll, poll, {"title": "Nova", "kind": "yes_no"},
            actor=council)


# -- casting -----------------------------------------------------------------------------------


def test_casting_a_yes_no_ballot(resident):
    poll = make_poll()
    ballot, changed = vote(poll, resident, "yes")
    assert not changed and ballot.choice == "yes" and ballot.poll_id == poll.id
    assert len(ballot.receipt) == 14 and ballot.key == operations.box_key(SECRET, poll, resident)
    assert poll.voters_count == 1
    voter = db.session.get(PollVoter, (poll.id, resident.id))
    assert voter.voted_on == ballot.cast_on


def test_changing_a_ballot_replaces_it_with_a_new_receipt(resident):
    poll = make_poll(kind="ranked")
    first, _ = vote(poll, resident, poll.options)
    first_receipt = first.receipt
    second, changed = vote(poll, resident, [poll.options[2], poll.options[0]])
    assert changed
    [stored] = ballots(poll)
    assert stored.choice == [poll.options[2].id, poll.options[0].id]
    assert stored.receipt == second.receipt != first_receipt
    assert count(PollVoter) == 1 and poll.voters_count == 1
    verbs = list(db.session.scalars(sa.select(ActionLog.verb).where(
        ActionLog.target_type == "poll", ActionLog.verb.like("%ballot")).order_by(ActionLog.id)))
    assert verbs == ["cast_poll_ballot", "change_poll_ballot"]


def test_approval_ballots_are_kept_in_listed_order_within_the_limit(resident, make_user):
    poll = make_poll(kind="approval")  # pick up to 2
    ballot, _ = vote(poll, resident, [poll.options[2], poll.options[0]])
    assert ballot.choice == [poll.options[0].id, poll.options[2].id]
    refused("at most 2", vote, poll, make_user(), poll.options)
    refused("at least one", vote, poll, make_user(), [])


@pytest.mark.parametrize("kind", ["approval", "ranked"])
def test_unknown_options_and_other_polls_options_are_refused(kind, resident):
    poll = make_poll(kind=kind)
    other = make_poll(kind=kind)
    refused("this poll's options", vote, poll, resident, [other.options[0]])
    refused("this poll's options", vote, poll, resident, [10**9])
    refused("this poll's options", vote, poll, resident, ["x"])
    assert count(PollBallot) == 0 and count(PollVoter) == 0


def test_a_ranking_cannot_name_an_option_twice(resident):
    poll = make_poll(kind="ranked")
    a, b, _c = poll.options
    refused("only once in your ranking", vote, poll, resident, [a, b, a])
    assert count(PollBallot) == 0


def test_a_yes_no_ballot_takes_only_yes_no_or_abstain(resident):
    poll = make_poll()
    refused("yes, no or abstain", vote, poll, resident, "maybe")
    refused("yes, no or abstain", vote, poll, resident, ["yes"])


def test_a_ballot_is_refused_outside_an_open_poll(council, resident):
    draft = make_poll(open=False)
    refused("not open", vote, draft, resident, "yes")
    poll = make_poll(actor=council)
    operations.close_poll(poll, actor=council)
    refused("not open", vote, poll, resident, "no")
    assert count(PollBallot) == 0 and count(PollVoter) == 0


@pytest.mark.parametrize("phase", [PhaseKind.PROPOSALS, PhaseKind.DEBATE, None])
def test_a_ballot_is_refused_when_the_phase_takes_no_votes(phase, resident):
    phases = ((PhaseKind.PROPOSALS, -20, -10),) + (((phase, -5, 5),) if phase else ())
    poll = make_poll(factories.make_process(phases=phases))
    refused("does not take votes", vote, poll, resident, "yes")


def test_a_blocked_account_cannot_vote(resident):
    from participa.core.types import utcnow

    resident.blocked_at = utcnow()
    refused("blocked", vote, make_poll(), resident, "yes")


# -- eligibility (the census decides) ----------------------------------------------------------


def test_census_polls_need_a_verified_resident_of_their_neighbourhoods(make_user,
                                                                         make_neighbourhood):
    here, there = make_neighbourhood(), make_neighbourhood()
    poll = make_poll(census_required=True, neighbourhood_ids=[here.id])
    stranger = make_user()
    refused("Verify", vote, poll, stranger, "yes")
    neighbour = make_user()
    verify(neighbour, there)
    refused("Only residents", vote, poll, neighbour, "yes")
    resident = make_user()
    verify(resident, here)
    vote(poll, resident, "yes")
    assert poll.voters_count == 1


def test_a_census_poll_without_neighbourhoods_takes_every_verified_resident(make_user,
                                                                             make_neighbourhood):
    poll = make_poll(census_required=True)
    person = make_user()
    verify(person, make_neighbourhood())
    vote(poll, person, "abstain")


def test_a_minimum_age_counts_by_birth_year(make_user, make_neighbourhood):
    from participa.polls.permissions import voting_day

    year = voting_day().year
    poll = make_poll(minimum_age=16)
    young, old_enough = make_user(), make_user()
    place = make_neighbourhood()
    verify(young, place, birth_year=year - 15)
    verify(old_enough, place, birth_year=year - 16)
    refused("not old enough", vote, poll, young, "yes")
    vote(poll, old_enough, "yes")
    refused("Verify", vote, poll, make_user(), "yes")  # an age needs the census


# -- closing and live results ------------------------------------------------------------------


def test_closing_needs_the_council_and_an_open_poll(council, make_user):
    process = voting_process()
    facilitator = make_user("facilitator", process=process)
    poll = make_poll(process, actor=facilitator)
    refused("Only the council", operations.close_poll, poll, actor=facilitator)
    operations.close_poll(poll, actor=council)
    assert poll.state == PollState.CLOSED and poll.closed_by_id == council.id
    refused("Only the council", operations.close_poll, poll, actor=council)


def test_closing_keeps_every_ballot(council, make_user):
    poll = make_poll(kind="ranked", actor=council)
    people = [make_user() for _ in range(6)]
    for person in people:
        vote(poll, person, poll.options[:2])
    before = sorted((b.key, b.receipt) for b in ballots(poll))
    operations.close_poll(poll, actor=council)
    db.session.expire_all()
    assert sorted((b.key, b.receipt) for b in ballots(poll)) == before
    entry = db.session.scalars(sa.select(ActionLog).where(ActionLog.verb == "close_poll")).one()
    assert entry.data["ballots"] == 6


def test_live_results_are_the_councils_switch(council, make_user):
    process = voting_process()
    facilitator = make_user("facilitator", process=process)
    poll = make_poll(process)
    refused("Only the council", operations.set_live_results, poll, True, actor=facilitator)
    operations.set_live_results(poll, True, actor=council)
    assert poll.live_results
    operations.close_poll(poll, actor=council)
    refused("Only the council", operations.set_live_results, poll, False, actor=council)


# -- the ActionLog -----------------------------------------------------------------------------


def test_every_change_is_logged_and_no_ballot_content_ever(council, resident):
    poll = make_poll(kind="ranked", actor=council)
    vote(poll, resident, [poll.options[1], poll.options[0]])
    vote(poll, resident, [poll.options[2]])
    operations.set_live_results(poll, True, actor=council)
    operations.close_poll(poll, actor=council)
    entries = list(db.session.scalars(sa.select(ActionLog).order_by(ActionLog.id)))
    assert [e.verb for e in entries] == ["create_poll", "open_poll", "cast_poll_ballot",
                                         "change_poll_ballot", "set_poll_live_results",
                                         "close_poll"]
    receipts = {b.receipt for b in ballots(poll)}
    for entry in entries:
        assert not any(receipt in str(entry.data) for receipt in receipts)
        assert "choice" not in entry.data and "receipt" not in entry.data
    ballot_entries = [e for e in entries if e.verb.endswith("ballot")]
    assert all(set(e.data) == {"process_id"} for e in ballot_entries)


def test_deleting_a_poll_removes_its_roll_and_box(resident):
    poll = make_poll()
    vote(poll, resident, "yes")
    db.session.delete(db.session.get(Poll, poll.id))
    db.session.flush()
    assert count(PollBallot) == 0 and count(PollVoter) == 0


def test_a_ballot_naming_replaced_options_is_refused(council, resident):
    """Options are replaced (never renamed in place) and their ids never reused: a ballot sent
    from a page loaded before the change cannot count for another option."""
    poll = make_poll(kind="ranked", actor=council)
    stale = [o.id for o in poll.options]
    operations.update_poll(poll, {"title": poll.title, "kind": "ranked",
                                  "options": "Nova A\nNova B"}, actor=council)
    assert not {o.id for o in poll.options} & set(stale)
    refused("this poll's options", vote, poll, resident, stale[:1])
